//! Seed 000: Digitale innbyggertjenester (DigiHelse, DigiHelsestasjon and timebestilling),
//! ordered by a municipality for its health services.

use super::*;

/// Seed 000: DigiHelse, DigiHelsestasjon and timebestilling.
pub const DIGITALE_INNBYGGERTJENESTER: Service = Service {
    slug: "digitaleinnbyggertjenester",
    name: Text::new(
        "Digitale innbyggertjenester",
        "Digitale innbyggjartenester",
        "Digital citizen services",
    ),
    form: &DIGITALE_INNBYGGERTJENESTER_FORM,
    documents: &[DocumentRef {
        id: "avtale-digihelse",
        title: t::DOC_DIGIHELSE,
        version: "1.0",
        for_legal_entity: false,
        #[cfg(feature = "agreement-texts")]
        published: &[DIGIHELSE_TEXT_1_0],
    }],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN vil gjennomgå informasjon i Adresseregisteret, og dersom det trengs korrigeringer vil innmelder bli kontaktet på oppgitt mailadresse for nærmere avklaring.",
            "Kundesenteret i NHN vil gå gjennom informasjonen i Adresseregisteret, og dersom det trengst korrigeringar, blir innmeldaren kontakta på oppgitt e-postadresse for nærare avklaring.",
            "NHN's customer centre will review the information in the Address Register and, if corrections are needed, will contact you at the e-mail address given.",
        ),
        Text::new(
            "Er alt ok vil det sendes svar til oppgitte mailadresser om at ServiceBus er aktivert og passord sendes på SMS til oppgitt kontaktperson.",
            "Er alt i orden, blir det sendt svar til oppgitte e-postadresser om at ServiceBus er aktivert, og passordet blir sendt på SMS til oppgitt kontaktperson.",
            "If everything is in order, a reply is sent to the e-mail addresses given that ServiceBus is activated, and the password is sent by SMS to the contact person.",
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
    // Seed 000: "svar til oppgitte mailadresser om at ServiceBus er aktivert og passord
    // sendes på SMS til oppgitt kontaktperson".
    servicebus: Some(ServiceBusActivation {
        when: None,
        email: "kontakt_epost",
        mobile: "kontakt_mobil",
    }),
};

static DIGITALE_INNBYGGERTJENESTER_FORM: FormSpec = FormSpec {
    id: "digitaleinnbyggertjenester",
    title: Text::new(
        "DigiHelse, DigiHelsestasjon og Smittevern (Timebestilling Covid-19)",
        "DigiHelse, DigiHelsestasjon og Smittevern (Timebestilling Covid-19)",
        "DigiHelse, DigiHelsestasjon and infection control (Covid-19 appointments)",
    ),
    notice: None,
    rules: &[],
    sections: &[
        Section::new(
            Text::new("Tjenestetype", "Tenestetype", "Type of service"),
            &[field(
                "tjenestetype",
                Text::new(
                    "Velg én eller flere tjenester",
                    "Vel éi eller fleire tenester",
                    "Choose one or more services",
                ),
                FieldKind::MultiChoice(&[
                    Choice {
                        value: "digihelse",
                        label: Text::new("DigiHelse", "DigiHelse", "DigiHelse"),
                        hint: Some(Text::new(
                            "Benyttes av hjemme og omsorgstjenesten",
                            "Blir nytta av heimetenesta og omsorgstenesta",
                            "Used by home and care services",
                        )),
                    },
                    Choice {
                        value: "digihelsestasjon",
                        label: Text::new(
                            "DigiHelsestasjon",
                            "DigiHelsestasjon",
                            "DigiHelsestasjon",
                        ),
                        hint: Some(Text::new(
                            "Benyttes av Helsestasjon for ungdom, Helsestasjons- og skolehelsetjeneste og Jordmortjeneste",
                            "Blir nytta av Helsestasjon for ungdom, helsestasjons- og skulehelsetenesta og jordmortenesta",
                            "Used by youth health clinics, health clinic and school health services, and midwife services",
                        )),
                    },
                    Choice {
                        value: "koronatest_timebestilling",
                        label: Text::new(
                            "Koronatest timebestilling",
                            "Koronatest timebestilling",
                            "Covid test appointments",
                        ),
                        hint: Some(Text::new(
                            "Benyttes av smitteverntjenesten",
                            "Blir nytta av smittevernstenesta",
                            "Used by the infection control service",
                        )),
                    },
                    Choice {
                        value: "korona_vaksinasjon",
                        label: Text::new(
                            "Korona vaksinasjon",
                            "Korona vaksinasjon",
                            "Covid vaccination",
                        ),
                        hint: None,
                    },
                    Choice {
                        value: "felles_timebok",
                        label: Text::new(
                            "Timebestilling i kommunal felles/ressurstimebok",
                            "Timebestilling i kommunal felles/ressurstimebok",
                            "Appointments in a shared municipal/resource calendar",
                        ),
                        hint: None,
                    },
                ]),
            )],
        ),
        Section::new(
            Text::new("Kommune", "Kommune", "Municipality"),
            &[
                field(
                    "kommune_navn",
                    Text::new("Navn", "Namn", "Name"),
                    FieldKind::Text { max: NAME },
                ),
                hinted(
                    "her_id_virksomhet",
                    Text::new(
                        "Her-id virksomhet",
                        "Her-id verksemd",
                        "HER-id of the organisation",
                    ),
                    Text::new(
                        "Dette er Her-id til kommunen",
                        "Dette er Her-id til kommunen",
                        "This is the municipality's HER-id",
                    ),
                    FieldKind::HerId,
                ),
                FieldSpec {
                    repeat: Some(50),
                    ..hinted(
                        "her_id_parter",
                        Text::new(
                            "Her-id kommunikasjonsparter",
                            "Her-id kommunikasjonspartar",
                            "HER-ids of communication parties",
                        ),
                        Text::new(
                            "Dette er Her-id til alle kommunikasjonsparter i kommunen, som skal motta og sende meldinger fra/til Helsenorge",
                            "Dette er Her-id til alle kommunikasjonspartar i kommunen som skal ta imot og sende meldingar frå/til Helsenorge",
                            "The HER-ids of every communication party in the municipality that will receive and send messages from/to Helsenorge",
                        ),
                        FieldKind::HerId,
                    )
                },
            ],
        ),
        Section::new(
            Text::new(
                "Kontaktperson Kommune",
                "Kontaktperson kommune",
                "Municipal contact person",
            ),
            &[
                KONTAKT_NAVN,
                hinted(
                    "kontakt_epost",
                    Text::new("E-post", "E-post", "E-mail"),
                    Text::new(
                        "Kundesenteret svarer til denne adressen.",
                        "Kundesenteret svarar til denne adressa.",
                        "The customer centre replies to this address.",
                    ),
                    FieldKind::Email,
                ),
                KONTAKT_MOBIL,
            ],
        ),
        Section::new(
            Text::new("EPJ-leverandør", "EPJ-leverandør", "EPR supplier"),
            &[
                EPJ_NAVN,
                EPJ_SYSTEM,
                field(
                    "epj_versjon",
                    Text::new("EPJ-versjon", "EPJ-versjon", "EPR version"),
                    FieldKind::Text { max: SHORT },
                ),
            ],
        ),
        Section::new(
            Text::new(
                "IKT-driftsleverandør",
                "IKT-driftsleverandør",
                "IT operations provider",
            ),
            &[
                field(
                    "ikt_navn",
                    Text::new("Navn", "Namn", "Name"),
                    FieldKind::Text { max: NAME },
                ),
                hinted(
                    "ikt_orgnr",
                    Text::new("Org nr", "Org nr", "Organisation number"),
                    Text::new("9 siffer", "9 siffer", "9 digits"),
                    FieldKind::OrgNumber,
                ),
                field(
                    "ikt_mobil",
                    Text::new("Mobilnummer", "Mobilnummer", "Mobile number"),
                    FieldKind::Mobile,
                ),
                field(
                    "ikt_epost_statistikk",
                    Text::new(
                        "E-postadresse for mottak av meldingsstatistikk hver 14. dag",
                        "E-postadresse for mottak av meldingsstatistikk kvar 14. dag",
                        "E-mail address for message statistics every 14 days",
                    ),
                    FieldKind::Email,
                ),
            ],
        ),
    ],
};

/// The published text of the terms, version 1.0.
#[cfg(feature = "agreement-texts")]
const DIGIHELSE_TEXT_1_0: super::AgreementText = super::AgreementText {
    version: "1.0",
    valid_from: "01.07.2021",
    paragraphs: &[
        "1. Formål. Avtalen gjelder kommunens bruk av DigiHelse, DigiHelsestasjon og timebestilling på Helsenorge, levert av Norsk Helsenett SF (NHN).",
        "2. Kommunens ansvar. Kommunen sørger for at opplysningene i Adresseregisteret er riktige, at kommunikasjonspartene som skal motta og sende meldinger fra og til Helsenorge er registrert med riktig HER-id, og at journalsystemet er satt opp for tjenesten sammen med EPJ-leverandøren.",
        "3. NHNs ansvar. NHN drifter tjenestene, aktiverer ServiceBus for kommunen og gir kommunen og IKT-driftsleverandøren beskjed når tjenesten er klar til bruk. Brukerstøtte gis av NHNs kundesenter, tlf 24 20 00 00, kundesenter@nhn.no.",
        "4. Personopplysninger. Partene behandler personopplysninger i samsvar med personopplysningsloven og helseregisterloven. Kommunen er dataansvarlig for opplysningene i sine fagsystemer.",
        "5. Meldingsstatistikk. NHN sender meldingsstatistikk hver 14. dag til e-postadressen som er oppgitt for IKT-driftsleverandøren.",
        "6. Aksept. Avtalen aksepteres av en person som har myndighet til å forplikte kommunen (prokura, signaturrett eller daglig leder). Aksepten lagres med dokumentets versjon og sjekksum.",
        "7. Endringer. NHN kan endre avtalen med varsel. En ny versjon gjelder først når den er akseptert.",
    ],
};
