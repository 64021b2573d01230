//! NHN's orderable services as data: each has a form spec and the agreement documents
//! the orderer accepts. Adding a service is adding an entry here.

use crate::form::{Choice, FieldKind, FieldSpec, FormSpec, SWITCH_ON, Section, ShownIf};
use crate::i18n::{Text, t};

/// A service that can be ordered through the five-step journey.
#[derive(Debug)]
pub struct Service {
    /// In the URL: `/skjema/{slug}` (as NHN's own `kunde.nhn.no/skjema/digitaleinnbyggertjenester`).
    pub slug: &'static str,
    pub name: Text,
    pub form: &'static FormSpec,
    pub documents: &'static [DocumentRef],
    /// The form field holding the e-mail address that gets the order confirmation.
    pub contact_email: Option<&'static str>,
    /// `Some(slug)`: no longer ordered; the page points to that service instead
    /// (Personregister → Persontjenesten).
    pub replaced_by: Option<&'static str>,
    /// `Some(field)`: the terms are not accepted with a checkbox but signed with eID by the
    /// person whose fødselsnummer that field holds (DDFL: someone with signing authority,
    /// not necessarily the one who fills in the form).
    pub signer_field: Option<&'static str>,
    /// "Videre saksgang" on the receipt: what NHN does with this order, and what the
    /// customer does next (seed 000's list for DigiHelse; each service its own).
    pub next_steps: &'static [Text],
    /// Ordered once per organisation (an agreement, a connection): where it is active
    /// already, the form says so before a second order.
    pub active_once: bool,
}

/// The answer time every order is handled within (seeds 000, 001).
pub const ANSWER_TIME: Text = Text::new(
    "Saken vil bli behandlet fortløpende, og svar vil normalt bli sendt i løpet av 1-2 dager.",
    "The case is processed continuously, and a reply is normally sent within 1–2 days.",
);

/// The field of a signed service that names who is to sign.
pub const SIGNER_FIELD: &str = "signer_fnr";

/// An agreement document accepted with the order.
#[derive(Debug)]
pub struct DocumentRef {
    pub id: &'static str,
    pub title: Text,
    pub version: &'static str,
    /// Accepted once for the legal entity, it holds for every unit under it (Persontjenesten:
    /// once per municipality); the next user is told who accepted, not asked again.
    pub for_legal_entity: bool,
}

mod accounts;
mod domain;
#[cfg(feature = "fixture-service")]
mod fixture;
pub mod helseid;
mod helsenett;
mod persontjenesten;

pub use accounts::{EPOST, FJERNHJELP, HJEMMEKONTOR, VIDEO};
pub use domain::DOMENE;
pub use helseid::HELSEID;
pub use helsenett::{DEAKTIVERING, FLYTTING, TILKNYTNING};
pub use persontjenesten::{ACCESS_REQUEST, PERSONREGISTER, PERSONTJENESTEN};

/// Declares `SERVICES`, with the test-only fixture added when the feature asks for it.
macro_rules! services {
    ($($service:expr),* $(,)?) => {
        /// Every orderable service, in the order the portal lists them.
        #[cfg(not(feature = "fixture-service"))]
        pub static SERVICES: &[Service] = &[$($service),*];
        /// Every orderable service, and the test-only fixture.
        #[cfg(feature = "fixture-service")]
        pub static SERVICES: &[Service] = &[$($service,)* fixture::FIXTURE];
    };
}

services![
    DIGITALE_INNBYGGERTJENESTER,
    DIGITAL_DIALOG_FASTLEGE,
    TILKNYTNING,
    FLYTTING,
    DEAKTIVERING,
    EPOST,
    HJEMMEKONTOR,
    VIDEO,
    FJERNHJELP,
    DOMENE,
    PERSONTJENESTEN,
    PERSONREGISTER,
    HELSEID,
];

impl Service {
    /// Whether the orderer accepts the terms (with a checkbox, so as a person logged in
    /// with eID). A signed service's terms are accepted by the signer's eID instead.
    pub fn orderer_accepts_terms(&self) -> bool {
        !self.documents.is_empty() && self.signer_field.is_none()
    }

    /// Whether a user with `standing` may order this service for the unit. Accepting
    /// terms needs a role the registry confirms: where it does not know the unit's roles,
    /// a person may order what has no terms, not accept. A signed service anyone may fill
    /// in, since the signature carries the authority, checked on the signer (seed 001).
    /// A contact person's account may order, and is asked for ID-porten where terms are.
    /// The one rule for step 2, drafts and the server's check alike.
    pub fn may_order_with(&self, standing: crate::api::Standing) -> bool {
        use crate::api::Standing;
        match standing {
            _ if self.signer_field.is_some() => true,
            Standing::Holds(_) | Standing::Contact => true,
            Standing::Unknown => !self.orderer_accepts_terms(),
            Standing::Lacks => false,
        }
    }

    /// The title of a signed service's signing: the heading of the section that asks who
    /// signs ("Signering av bruksvilkår for Digital Dialog Fastlege").
    pub fn signing_title(&self) -> Text {
        self.form
            .sections
            .iter()
            .find(|s| s.fields.iter().any(|f| Some(f.id) == self.signer_field))
            .map_or(self.name, |s| s.title)
    }
}

pub fn by_slug(slug: &str) -> Option<&'static Service> {
    SERVICES.iter().find(|s| s.slug == slug)
}

pub fn document(id: &str) -> Option<&'static DocumentRef> {
    SERVICES
        .iter()
        .flat_map(|s| s.documents.iter())
        .find(|d| d.id == id)
}

const NAME: u32 = 200;
const SHORT: u32 = 100;
const NAME_KIND: FieldKind = FieldKind::Text { max: NAME };
const SHORT_KIND: FieldKind = FieldKind::Text { max: SHORT };
const EMAIL_KIND: FieldKind = FieldKind::Email;

// Fields several forms ask for alike.
const EPJ_NAVN: FieldSpec = field("epj_navn", Text::new("Navn", "Name"), NAME_KIND);
const EPJ_SYSTEM: FieldSpec = field(
    "epj_system",
    Text::new("EPJ-system", "EPR system"),
    SHORT_KIND,
);
const KONTAKT_NAVN: FieldSpec = field("kontakt_navn", Text::new("Navn", "Name"), NAME_KIND);
const KONTAKT_MOBIL: FieldSpec = field(
    "kontakt_mobil",
    Text::new("Mobilnummer", "Mobile number"),
    FieldKind::Mobile,
);
/// The e-mail address that gets the order's confirmation.
const KONTAKT_EPOST: FieldSpec = hinted(
    "kontakt_epost",
    Text::new("E-post", "E-mail"),
    Text::new("Bekreftelsen sendes hit.", "The confirmation goes here."),
    EMAIL_KIND,
);

const fn choice(value: &'static str, label: Text) -> Choice {
    Choice {
        value,
        label,
        hint: None,
    }
}

const fn optional(id: &'static str, label: Text, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        required: false,
        ..field(id, label, kind)
    }
}

const fn field(id: &'static str, label: Text, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        id,
        label,
        hint: None,
        kind,
        required: true,
        repeat: None,
        shown_if: None,
    }
}

const fn hinted(id: &'static str, label: Text, hint: Text, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        id,
        label,
        hint: Some(hint),
        kind,
        required: true,
        repeat: None,
        shown_if: None,
    }
}

/// Seed 000: DigiHelse, DigiHelsestasjon and timebestilling.
pub const DIGITALE_INNBYGGERTJENESTER: Service = Service {
    slug: "digitaleinnbyggertjenester",
    name: Text::new("Digitale innbyggertjenester", "Digital citizen services"),
    form: &DIGITALE_INNBYGGERTJENESTER_FORM,
    documents: &[DocumentRef {
        id: "avtale-digihelse",
        title: t::DOC_DIGIHELSE,
        version: "1.0",
        for_legal_entity: false,
    }],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN vil gjennomgå informasjon i Adresseregisteret, og dersom det trengs korrigeringer vil innmelder bli kontaktet på oppgitt mailadresse for nærmere avklaring.",
            "NHN's customer centre will review the information in the Address Register and, if corrections are needed, will contact you at the e-mail address given.",
        ),
        Text::new(
            "Er alt ok vil det sendes svar til oppgitte mailadresser om at ServiceBus er aktivert og passord sendes på SMS til oppgitt kontaktperson.",
            "If everything is in order, a reply is sent to the e-mail addresses given that ServiceBus is activated, and the password is sent by SMS to the contact person.",
        ),
        ANSWER_TIME,
        Text::new(
            "Kontakt så EPJ for videre konfigurasjon og oppsett av journalsystem.",
            "Then contact your EPR supplier for further configuration and set-up of the record system.",
        ),
    ],
    active_once: true,
};

static DIGITALE_INNBYGGERTJENESTER_FORM: FormSpec = FormSpec {
    id: "digitaleinnbyggertjenester",
    title: Text::new(
        "DigiHelse, DigiHelsestasjon og Smittevern (Timebestilling Covid-19)",
        "DigiHelse, DigiHelsestasjon and infection control (Covid-19 appointments)",
    ),
    notice: None,
    rules: &[],
    sections: &[
        Section::new(
            Text::new("Tjenestetype", "Type of service"),
            &[field(
                "tjenestetype",
                Text::new(
                    "Velg én eller flere tjenester",
                    "Choose one or more services",
                ),
                FieldKind::MultiChoice(&[
                    Choice {
                        value: "digihelse",
                        label: Text::new("DigiHelse", "DigiHelse"),
                        hint: Some(Text::new(
                            "Benyttes av hjemme og omsorgstjenesten",
                            "Used by home and care services",
                        )),
                    },
                    Choice {
                        value: "digihelsestasjon",
                        label: Text::new("DigiHelsestasjon", "DigiHelsestasjon"),
                        hint: Some(Text::new(
                            "Benyttes av Helsestasjon for ungdom, Helsestasjons- og skolehelsetjeneste og Jordmortjeneste",
                            "Used by youth health clinics, health clinic and school health services, and midwife services",
                        )),
                    },
                    Choice {
                        value: "koronatest_timebestilling",
                        label: Text::new("Koronatest timebestilling", "Covid test appointments"),
                        hint: Some(Text::new(
                            "Benyttes av smitteverntjenesten",
                            "Used by the infection control service",
                        )),
                    },
                    Choice {
                        value: "korona_vaksinasjon",
                        label: Text::new("Korona vaksinasjon", "Covid vaccination"),
                        hint: None,
                    },
                    Choice {
                        value: "felles_timebok",
                        label: Text::new(
                            "Timebestilling i kommunal felles/ressurstimebok",
                            "Appointments in a shared municipal/resource calendar",
                        ),
                        hint: None,
                    },
                ]),
            )],
        ),
        Section::new(
            Text::new("Kommune", "Municipality"),
            &[
                field(
                    "kommune_navn",
                    Text::new("Navn", "Name"),
                    FieldKind::Text { max: NAME },
                ),
                hinted(
                    "her_id_virksomhet",
                    Text::new("Her-id virksomhet", "HER-id of the organisation"),
                    Text::new(
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
                            "HER-ids of communication parties",
                        ),
                        Text::new(
                            "Dette er Her-id til alle kommunikasjonsparter i kommunen, som skal motta og sende meldinger fra/til Helsenorge",
                            "The HER-ids of every communication party in the municipality that will receive and send messages from/to Helsenorge",
                        ),
                        FieldKind::HerId,
                    )
                },
            ],
        ),
        Section::new(
            Text::new("Kontaktperson Kommune", "Municipal contact person"),
            &[
                KONTAKT_NAVN,
                hinted(
                    "kontakt_epost",
                    Text::new("E-post", "E-mail"),
                    Text::new(
                        "Kundesenteret svarer til denne adressen.",
                        "The customer centre replies to this address.",
                    ),
                    FieldKind::Email,
                ),
                KONTAKT_MOBIL,
            ],
        ),
        Section::new(
            Text::new("EPJ-leverandør", "EPR supplier"),
            &[
                EPJ_NAVN,
                EPJ_SYSTEM,
                field(
                    "epj_versjon",
                    Text::new("EPJ-versjon", "EPR version"),
                    FieldKind::Text { max: SHORT },
                ),
            ],
        ),
        Section::new(
            Text::new("IKT-driftsleverandør", "IT operations provider"),
            &[
                field(
                    "ikt_navn",
                    Text::new("Navn", "Name"),
                    FieldKind::Text { max: NAME },
                ),
                hinted(
                    "ikt_orgnr",
                    Text::new("Org nr", "Organisation number"),
                    Text::new("9 siffer", "9 digits"),
                    FieldKind::OrgNumber,
                ),
                field(
                    "ikt_mobil",
                    Text::new("Mobilnummer", "Mobile number"),
                    FieldKind::Mobile,
                ),
                field(
                    "ikt_epost_statistikk",
                    Text::new(
                        "E-postadresse for mottak av meldingsstatistikk hver 14. dag",
                        "E-mail address for message statistics every 14 days",
                    ),
                    FieldKind::Email,
                ),
            ],
        ),
    ],
};

/// Seed 001: Digital Dialog Fastlege — four services between a GP and the patient
/// (book an appointment, renew a prescription, e-consultation, contact the office).
pub const DIGITAL_DIALOG_FASTLEGE: Service = Service {
    slug: "ddfl",
    name: Text::new(
        "Digital Dialog Fastlege (DDFL)",
        "Digital Dialogue GP (DDFL)",
    ),
    form: &DDFL_FORM,
    documents: &[DocumentRef {
        id: "bruksvilkar-ddfl",
        title: Text::new(
            "Bruksvilkår for digital dialog fastlege (DDFL)",
            "Terms of use for Digital Dialogue GP (DDFL)",
        ),
        version: "1.0",
        for_legal_entity: false,
    }],
    contact_email: Some("drift_epost"),
    replaced_by: None,
    signer_field: Some(SIGNER_FIELD),
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN vil gjennomgå informasjon i Adresse- og Fastlegeregistrene, og dersom det trengs korrigeringer vil innmelder bli kontaktet på oppgitt mailadresse for nærmere avklaring.",
            "NHN's customer centre will review the information in the Address and GP Registers and, if corrections are needed, will contact you at the e-mail address given.",
        ),
        Text::new(
            "Er alt ok vil det sendes svar til oppgitte mailadresse om at ServiceBus er aktivert og passord sendes på SMS til oppgitt kontaktperson.",
            "If everything is in order, a reply is sent to the e-mail address given that ServiceBus is activated, and the password is sent by SMS to the contact person.",
        ),
        ANSWER_TIME,
        Text::new(
            "Kontakt så EPJ for videre konfigurasjon og oppsett av journalsystem.",
            "Then contact your EPR supplier for further configuration and set-up of the record system.",
        ),
    ],
    active_once: true,
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
        "Order of Digital Dialogue GP",
    ),
    sections: &[
        Section::new(
            Text::new("EPJ-leverandør", "EPR supplier"),
            &[
                EPJ_NAVN,
                EPJ_SYSTEM,
                field(
                    "epj_versjon",
                    Text::new("Versjon", "Version"),
                    FieldKind::Text { max: SHORT },
                ),
            ],
        ),
        Section::new(
            Text::new("Driftsleverandør", "Operations provider"),
            &[
                hinted(
                    "drift_navn",
                    Text::new("Navn", "Name"),
                    Text::new(
                        "Navn på IKT-driftsleverandør",
                        "Name of the IT operations provider",
                    ),
                    FieldKind::Text { max: NAME },
                ),
                hinted(
                    "drift_orgnr",
                    Text::new("Organisasjonsnummer", "Organisation number"),
                    Text::new("9 siffer", "9 digits"),
                    FieldKind::OrgNumber,
                ),
                hinted(
                    "drift_telefon",
                    Text::new("Telefonnummer", "Phone number"),
                    Text::new(
                        "Til teknisk kontaktperson hos driftsleverandør",
                        "Of the technical contact at the operations provider",
                    ),
                    FieldKind::Phone,
                ),
                hinted(
                    "drift_epost",
                    Text::new("E-post", "E-mail"),
                    Text::new(
                        "Til teknisk kontaktperson hos driftsleverandør. Bekreftelsen sendes hit.",
                        "Of the technical contact at the operations provider. The confirmation goes here.",
                    ),
                    FieldKind::Email,
                ),
            ],
        ),
        Section::new(
            Text::new("ServiceBus", "ServiceBus"),
            &[
                FieldSpec {
                    required: false,
                    ..hinted(
                        "servicebus",
                        Text::new(
                            "Bestill aktivering av ServiceBus",
                            "Order activation of ServiceBus",
                        ),
                        Text::new(
                            "ServiceBus er meldingsveksleren som transporterer meldingene, og må aktiveres for hvert legekontor. Har dere ikke brukernavn og passord til NHN-adresseregisteret, kan NHN aktivere den: brukernavnet sendes på e-post og passordet på SMS til kontaktpersonen.",
                            "ServiceBus is the message exchange that carries the messages, and must be activated for each GP office. Without a username and password for NHN's address register, NHN can activate it: the username goes by e-mail and the password by SMS to the contact person.",
                        ),
                        FieldKind::Switch,
                    )
                },
                FieldSpec {
                    shown_if: SERVICEBUS_ON,
                    ..hinted(
                        "servicebus_kontakt",
                        Text::new("Kontaktperson", "Contact person"),
                        Text::new(
                            "E-postadressen til den tekniske kontaktpersonen som får brukernavnet til ServiceBus",
                            "E-mail address of the technical contact who gets the ServiceBus username",
                        ),
                        FieldKind::Email,
                    )
                },
                FieldSpec {
                    shown_if: SERVICEBUS_ON,
                    ..hinted(
                        "servicebus_mobil",
                        Text::new("Telefonnummer", "Phone number"),
                        Text::new(
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
                "Signing the terms of use for Digital Dialogue GP",
            ),
            &[hinted(
                SIGNER_FIELD,
                Text::new("Fødselsnummer", "National identity number"),
                Text::new(
                    "Tjenesten krever at bruksvilkår signeres av en person med signaturrett for fastlegekontoret. Oppgi fødselsnummeret (11 siffer) til personen som skal signere; hen logger inn med elektronisk ID når dokumentet signeres.",
                    "The terms must be signed by a person with signing authority for the GP office. Give the national identity number (11 digits) of the person who signs; they log in with electronic ID when signing.",
                ),
                FieldKind::Fodselsnummer { allow_fh: false },
            )],
        ),
    ],
    notice: None,
    rules: &[],
};
