//! Seed 001: Digital Dialog Fastlege, whose terms of use are signed with eID by someone
//! with authority in the GP office.

use super::*;

/// Seed 001: Digital Dialog Fastlege — four services between a GP and the patient
/// (book an appointment, renew a prescription, e-consultation, contact the office).
pub const DIGITAL_DIALOG_FASTLEGE: Service = Service {
    slug: "ddfl",
    name: Text::new(
        "Digital Dialog Fastlege (DDFL)",
        "Digital Dialog Fastlege (DDFL)",
        "Digital Dialogue GP (DDFL)",
    ),
    form: &DDFL_FORM,
    documents: &[DocumentRef {
        id: "bruksvilkar-ddfl",
        title: Text::new(
            "Bruksvilkår for digital dialog fastlege (DDFL)",
            "Bruksvilkår for digital dialog fastlege (DDFL)",
            "Terms of use for Digital Dialogue GP (DDFL)",
        ),
        version: "1.0",
        for_legal_entity: false,
        #[cfg(feature = "agreement-texts")]
        published: &[DDFL_TEXT_1_0],
    }],
    contact_email: Some("drift_epost"),
    replaced_by: None,
    signer_field: Some(SIGNER_FIELD),
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN vil gjennomgå informasjon i Adresse- og Fastlegeregistrene, og dersom det trengs korrigeringer vil innmelder bli kontaktet på oppgitt mailadresse for nærmere avklaring.",
            "Kundesenteret i NHN vil gå gjennom informasjonen i Adresse- og Fastlegeregistera, og dersom det trengst korrigeringar, blir innmeldaren kontakta på oppgitt e-postadresse for nærare avklaring.",
            "NHN's customer centre will review the information in the Address and GP Registers and, if corrections are needed, will contact you at the e-mail address given.",
        ),
        Text::new(
            "Er alt ok vil det sendes svar til oppgitte mailadresse om at ServiceBus er aktivert og passord sendes på SMS til oppgitt kontaktperson.",
            "Er alt i orden, blir det sendt svar til oppgitt e-postadresse om at ServiceBus er aktivert, og passordet blir sendt på SMS til oppgitt kontaktperson.",
            "If everything is in order, a reply is sent to the e-mail address given that ServiceBus is activated, and the password is sent by SMS to the contact person.",
        ),
        ANSWER_TIME,
        Text::new(
            "Kontakt så EPJ for videre konfigurasjon og oppsett av journalsystem.",
            "Kontakt så EPJ for vidare konfigurasjon og oppsett av journalsystemet.",
            "Then contact your EPR supplier for further configuration and set-up of the record system.",
        ),
    ],
    active_once: true,
    prerequisites: &[],
    follow_up: None,
    servicebus: Some(ServiceBusActivation {
        when: SERVICEBUS_ON,
        email: "servicebus_kontakt",
        mobile: "servicebus_mobil",
    }),
};

/// Only while "Bestill aktivering av ServiceBus" is PÅ.
const SERVICEBUS_ON: Option<ShownIf> = Some(ShownIf {
    field: "servicebus",
    any_of: &[SWITCH_ON],
});

static DDFL_FORM: FormSpec = FormSpec {
    id: "ddfl",
    title: Text::new(
        "Bestilling av Digital Dialog Fastlege",
        "Bestilling av Digital Dialog Fastlege",
        "Order of Digital Dialogue GP",
    ),
    sections: &[
        Section::new(
            Text::new("EPJ-leverandør", "EPJ-leverandør", "EPR supplier"),
            &[
                EPJ_NAVN,
                EPJ_SYSTEM,
                field(
                    "epj_versjon",
                    Text::new("Versjon", "Versjon", "Version"),
                    FieldKind::Text { max: SHORT },
                ),
            ],
        ),
        Section::new(
            Text::new(
                "Driftsleverandør",
                "Driftsleverandør",
                "Operations provider",
            ),
            &[
                hinted(
                    "drift_navn",
                    Text::new("Navn", "Namn", "Name"),
                    Text::new(
                        "Navn på IKT-driftsleverandør",
                        "Namn på IKT-driftsleverandør",
                        "Name of the IT operations provider",
                    ),
                    FieldKind::Text { max: NAME },
                ),
                hinted(
                    "drift_orgnr",
                    Text::new(
                        "Organisasjonsnummer",
                        "Organisasjonsnummer",
                        "Organisation number",
                    ),
                    Text::new("9 siffer", "9 siffer", "9 digits"),
                    FieldKind::OrgNumber,
                ),
                hinted(
                    "drift_telefon",
                    Text::new("Telefonnummer", "Telefonnummer", "Phone number"),
                    Text::new(
                        "Til teknisk kontaktperson hos driftsleverandør",
                        "Til teknisk kontaktperson hos driftsleverandøren",
                        "Of the technical contact at the operations provider",
                    ),
                    FieldKind::Phone,
                ),
                hinted(
                    "drift_epost",
                    Text::new("E-post", "E-post", "E-mail"),
                    Text::new(
                        "Til teknisk kontaktperson hos driftsleverandør. Bekreftelsen sendes hit.",
                        "Til teknisk kontaktperson hos driftsleverandøren. Stadfestinga blir send hit.",
                        "Of the technical contact at the operations provider. The confirmation goes here.",
                    ),
                    FieldKind::Email,
                ),
            ],
        ),
        Section::new(
            Text::new("ServiceBus", "ServiceBus", "ServiceBus"),
            &[
                FieldSpec {
                    required: false,
                    ..hinted(
                        "servicebus",
                        Text::new(
                            "Bestill aktivering av ServiceBus",
                            "Bestill aktivering av ServiceBus",
                            "Order activation of ServiceBus",
                        ),
                        Text::new(
                            "ServiceBus er meldingsveksleren som transporterer meldingene, og må aktiveres for hvert legekontor. Har dere ikke brukernavn og passord til NHN-adresseregisteret, kan NHN aktivere den: brukernavnet sendes på e-post og passordet på SMS til kontaktpersonen.",
                            "ServiceBus er meldingsvekslaren som fraktar meldingane, og må aktiverast for kvart legekontor. Har de ikkje brukarnamn og passord til NHN-adresseregisteret, kan NHN aktivere han: brukarnamnet blir sendt på e-post og passordet på SMS til kontaktpersonen.",
                            "ServiceBus is the message exchange that carries the messages, and must be activated for each GP office. Without a username and password for NHN's address register, NHN can activate it: the username goes by e-mail and the password by SMS to the contact person.",
                        ),
                        FieldKind::Switch,
                    )
                },
                FieldSpec {
                    shown_if: SERVICEBUS_ON,
                    ..hinted(
                        "servicebus_kontakt",
                        Text::new("Kontaktperson", "Kontaktperson", "Contact person"),
                        Text::new(
                            "E-postadressen til den tekniske kontaktpersonen som får brukernavnet til ServiceBus",
                            "E-postadressa til den tekniske kontaktpersonen som får brukarnamnet til ServiceBus",
                            "E-mail address of the technical contact who gets the ServiceBus username",
                        ),
                        FieldKind::Email,
                    )
                },
                FieldSpec {
                    shown_if: SERVICEBUS_ON,
                    ..hinted(
                        "servicebus_mobil",
                        Text::new("Telefonnummer", "Telefonnummer", "Phone number"),
                        Text::new(
                            "Mobilnummeret som får passordet til ServiceBus på SMS",
                            "Mobilnummeret som får passordet til ServiceBus på SMS",
                            "The mobile number that gets the ServiceBus password by SMS",
                        ),
                        FieldKind::Mobile,
                    )
                },
            ],
        ),
        Section::new(
            Text::new(
                "Signering av bruksvilkår for Digital Dialog Fastlege",
                "Signering av bruksvilkår for Digital Dialog Fastlege",
                "Signing the terms of use for Digital Dialogue GP",
            ),
            &[hinted(
                SIGNER_FIELD,
                Text::new("Fødselsnummer", "Fødselsnummer", "National identity number"),
                Text::new(
                    "Tjenesten krever at bruksvilkår signeres av en person med signaturrett for fastlegekontoret. Oppgi fødselsnummeret (11 siffer) til personen som skal signere; hen logger inn med elektronisk ID når dokumentet signeres.",
                    "Tenesta krev at bruksvilkåra blir signerte av ein person med signaturrett for fastlegekontoret. Oppgi fødselsnummeret (11 siffer) til personen som skal signere; hen loggar inn med elektronisk ID når dokumentet blir signert.",
                    "The terms must be signed by a person with signing authority for the GP office. Give the national identity number (11 digits) of the person who signs; they log in with electronic ID when signing.",
                ),
                FieldKind::Fodselsnummer { allow_fh: false },
            )],
        ),
    ],
    notice: None,
    rules: &[],
};

/// The published text of the terms, version 1.0.
#[cfg(feature = "agreement-texts")]
const DDFL_TEXT_1_0: super::AgreementText = super::AgreementText {
    version: "1.0",
    valid_from: "18.1.2018",
    paragraphs: &[
        "1. Tjenesten. Digital Dialog Fastlege (DDFL) er fire tjenester mellom fastlegekontoret og pasientene på Helsenorge: bestille time, fornye resept, e-konsultasjon og kontakt med legekontoret. Tjenesten er en del av Helsenett-abonnementet.",
        "2. Legekontorets ansvar. Legekontoret sørger for at EPJ-systemet er satt opp for DDFL sammen med EPJ-leverandøren, at ServiceBus er aktivert, og at opplysningene i Adresseregisteret er riktige.",
        "3. NHNs ansvar. NHN drifter meldingsformidlingen og gir beskjed til legekontoret og driftsleverandøren når tjenesten er aktivert.",
        "4. Personopplysninger. Meldingene inneholder helseopplysninger. Legekontoret er dataansvarlig for opplysningene i sitt journalsystem og behandler dem etter helseregisterloven og personopplysningsloven.",
        "5. Signering. Bruksvilkårene signeres av en person med signaturrett for legekontoret. Signaturen lagres med dokumentets versjon og sjekksum.",
    ],
};
