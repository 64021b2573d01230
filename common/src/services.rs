//! NHN's orderable services as data: each has a form spec and the agreement documents
//! the orderer accepts. Adding a service is adding an entry here.

use crate::form::{Choice, FieldKind, FieldSpec, FormSpec, Section};
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
}

/// An agreement document accepted with the order.
#[derive(Debug)]
pub struct DocumentRef {
    pub id: &'static str,
    pub title: Text,
    pub version: &'static str,
}

pub static SERVICES: &[Service] = &[DIGITALE_INNBYGGERTJENESTER];

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
    }],
    contact_email: Some("kontakt_epost"),
};

static DIGITALE_INNBYGGERTJENESTER_FORM: FormSpec = FormSpec {
    id: "digitaleinnbyggertjenester",
    title: Text::new(
        "DigiHelse, DigiHelsestasjon og Smittevern (Timebestilling Covid-19)",
        "DigiHelse, DigiHelsestasjon and infection control (Covid-19 appointments)",
    ),
    rules: &[],
    sections: &[
        Section {
            title: Text::new("Tjenestetype", "Type of service"),
            fields: &[field(
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
        },
        Section {
            title: Text::new("Kommune", "Municipality"),
            fields: &[
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
        },
        Section {
            title: Text::new("Kontaktperson Kommune", "Municipal contact person"),
            fields: &[
                field(
                    "kontakt_navn",
                    Text::new("Navn", "Name"),
                    FieldKind::Text { max: NAME },
                ),
                hinted(
                    "kontakt_epost",
                    Text::new("E-post", "E-mail"),
                    Text::new(
                        "Kundesenteret svarer til denne adressen.",
                        "The customer centre replies to this address.",
                    ),
                    FieldKind::Email,
                ),
                field(
                    "kontakt_mobil",
                    Text::new("Mobilnummer", "Mobile number"),
                    FieldKind::Mobile,
                ),
            ],
        },
        Section {
            title: Text::new("EPJ-leverandør", "EPR supplier"),
            fields: &[
                field(
                    "epj_navn",
                    Text::new("Navn", "Name"),
                    FieldKind::Text { max: NAME },
                ),
                field(
                    "epj_system",
                    Text::new("EPJ-system", "EPR system"),
                    FieldKind::Text { max: SHORT },
                ),
                field(
                    "epj_versjon",
                    Text::new("EPJ-versjon", "EPR version"),
                    FieldKind::Text { max: SHORT },
                ),
            ],
        },
        Section {
            title: Text::new("IKT-driftsleverandør", "IT operations provider"),
            fields: &[
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
        },
    ],
};
