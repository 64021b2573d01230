//! HelseID (seed 004): a test environment and, once the solution is approved there,
//! production — per actor kind. What NHN checks before it (membership of Helsenettet,
//! an approved test) is declared as the service's prerequisites, which the server checks
//! against the organisation's history; the onboarding steps are `ONBOARDING_STEPS`.

use super::{
    ANSWER_TIME, DocumentRef, KONTAKT_EPOST, KONTAKT_MOBIL, KONTAKT_NAVN, NAME_KIND, Prerequisite,
    Service, choice, field, hinted, optional,
};
use crate::FieldError;
use crate::form::{FieldKind, FieldSpec, FormSpec, Section, ShownIf};
use crate::i18n::Text;
use crate::status::OrderStatus;

pub const HELSEID: Service = Service {
    slug: "helseid",
    name: Text::new("HelseID", "HelseID", "HelseID"),
    form: &HELSEID_FORM,
    documents: &[DocumentRef {
        id: "vilkar-helseid",
        title: Text::new(
            "Vilkår for bruk av HelseID",
            "Vilkår for bruk av HelseID",
            "Terms of use for HelseID",
        ),
        version: "1.0",
        for_legal_entity: false,
        #[cfg(feature = "agreement-texts")]
        published: &[HELSEID_TEXT_1_0],
    }],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN tar kontakt for et introduksjonsmøte og gir tilgang til testmiljøet.",
            "Kundesenteret i NHN tek kontakt for eit introduksjonsmøte og gir tilgang til testmiljøet.",
            "NHN's customer centre gets in touch for an introduction meeting and gives access to the test environment.",
        ),
        Text::new(
            "Når løsningen er testet, godkjenner NHN den, og produksjon kan bestilles.",
            "Når løysinga er testa, godkjenner NHN ho, og produksjon kan bestillast.",
            "Once the solution is tested, NHN approves it, and production can be ordered.",
        ),
        ANSWER_TIME,
    ],
    active_once: false,
    prerequisites: &[
        Prerequisite::HasOrdered {
            service: super::TILKNYTNING.slug,
            when: Some(ShownIf {
                field: "aktortype",
                any_of: MEMBERSHIP_REQUIRED,
            }),
            at: "aktortype",
            error: FieldError::NotMember,
        },
        Prerequisite::CompletedFirst {
            field: "miljo",
            earlier: "test",
            later: "produksjon",
            same: &["aktortype"],
            error: FieldError::TestNotApproved,
        },
    ],
    follow_up: Some(("/kundeportal/helseid", crate::i18n::t::HELSEID_TITLE)),
    servicebus: None,
};

/// The actor kinds with their own test environment (and so a test-then-production path).
pub const WITH_TEST_ENVIRONMENT: &[&str] = &["tjenestetilbyder", "systemleverandor"];
/// The actor kinds that must be members of Helsenettet (a system supplier need not be).
pub const MEMBERSHIP_REQUIRED: &[&str] = &[
    "tjenestetilbyder",
    "identitetstilbyder",
    "tjenestekonsument",
];

static HELSEID_FORM: FormSpec = FormSpec {
    id: "helseid",
    title: Text::new(
        "Bestilling av HelseID",
        "Bestilling av HelseID",
        "Order of HelseID",
    ),
    notice: Some(Text::new(
        "Virksomheten må som hovedregel være medlem av Helsenettet. Produksjon bestilles når løsningen er godkjent i testmiljøet.",
        "Verksemda må som hovudregel vere medlem av Helsenettet. Produksjon blir bestilt når løysinga er godkjend i testmiljøet.",
        "As a rule the organisation must be a member of the Health Network. Production is ordered once the solution is approved in the test environment.",
    )),
    sections: &[
        Section::new(
            Text::new("Bestillingen", "Bestillinga", "The order"),
            &[
                field(
                    "aktortype",
                    Text::new(
                        "Hva slags aktør er dere?",
                        "Kva slags aktør er de?",
                        "What kind of actor are you?",
                    ),
                    FieldKind::OneChoice(&[
                        choice_hint(
                            "tjenestetilbyder",
                            Text::new("Tjenestetilbyder", "Tenestetilbydar", "Service provider"),
                            Text::new(
                                "Tilgjengeliggjør et API",
                                "Gjer eit API tilgjengeleg",
                                "Makes an API available",
                            ),
                        ),
                        choice_hint(
                            "systemleverandor",
                            Text::new("Systemleverandør", "Systemleverandør", "System supplier"),
                            Text::new(
                                "Tilgjengeliggjør et klientsystem for helsevirksomheter",
                                "Gjer eit klientsystem tilgjengeleg for helseverksemder",
                                "Makes a client system available to health organisations",
                            ),
                        ),
                        choice_hint(
                            "identitetstilbyder",
                            Text::new(
                                "Identitetstilbyder",
                                "Identitetstilbydar",
                                "Identity provider",
                            ),
                            Text::new(
                                "Leverer elektronisk identitet; krever egen avtale",
                                "Leverer elektronisk identitet; krev eigen avtale",
                                "Supplies electronic identity; needs its own agreement",
                            ),
                        ),
                        choice_hint(
                            "tjenestekonsument",
                            Text::new("Tjenestekonsument", "Tenestekonsument", "Service consumer"),
                            Text::new(
                                "Tar i bruk tjenester eller pålogging i en applikasjon, for eksempel en EPJ",
                                "Tek i bruk tenester eller pålogging i ein applikasjon, til dømes ein EPJ",
                                "Uses services or login in an application, for example an EPR",
                            ),
                        ),
                    ]),
                ),
                FieldSpec {
                    shown_if: Some(ShownIf {
                        field: "aktortype",
                        any_of: WITH_TEST_ENVIRONMENT,
                    }),
                    ..hinted(
                        "miljo",
                        Text::new("Miljø", "Miljø", "Environment"),
                        Text::new(
                            "Start med testmiljøet. Produksjon kan bestilles når NHN har godkjent løsningen.",
                            "Start med testmiljøet. Produksjon kan bestillast når NHN har godkjent løysinga.",
                            "Start with the test environment. Production can be ordered once NHN has approved the solution.",
                        ),
                        FieldKind::OneChoice(&[
                            choice(
                                "test",
                                Text::new("Testmiljø", "Testmiljø", "Test environment"),
                            ),
                            choice(
                                "produksjon",
                                Text::new("Produksjon", "Produksjon", "Production"),
                            ),
                        ]),
                    )
                },
            ],
        ),
        Section::new(
            Text::new("Løsningen", "Løysinga", "The solution"),
            &[
                field(
                    "losning_navn",
                    Text::new(
                        "Navn på løsningen",
                        "Namn på løysinga",
                        "Name of the solution",
                    ),
                    NAME_KIND,
                ),
                optional(
                    "beskrivelse",
                    Text::new(
                        "Hva skal HelseID brukes til",
                        "Kva skal HelseID brukast til",
                        "What HelseID is for",
                    ),
                    FieldKind::Text { max: 1000 },
                ),
                FieldSpec {
                    shown_if: Some(ShownIf {
                        field: "aktortype",
                        any_of: &["tjenestekonsument"],
                    }),
                    ..hinted(
                        "systemleverandor_navn",
                        Text::new("Systemleverandør", "Systemleverandør", "System supplier"),
                        Text::new(
                            "Leverandøren av systemet dere tar i bruk; den må være godkjent for HelseID.",
                            "Leverandøren av systemet de tek i bruk; han må vere godkjend for HelseID.",
                            "The supplier of the system you use; it must be approved for HelseID.",
                        ),
                        NAME_KIND,
                    )
                },
            ],
        ),
        Section::new(
            Text::new("Kontaktperson", "Kontaktperson", "Contact person"),
            &[KONTAKT_NAVN, KONTAKT_MOBIL, KONTAKT_EPOST],
        ),
    ],
    rules: &[],
};

const fn choice_hint(value: &'static str, label: Text, hint: Text) -> crate::form::Choice {
    crate::form::Choice {
        value,
        label,
        hint: Some(hint),
    }
}

/// The six steps of getting started with HelseID (seed 004), as the tracker shows them.
pub const ONBOARDING_STEPS: [Text; 6] = [
    Text::new(
        "Kontakt og introduksjonsmøte",
        "Kontakt og introduksjonsmøte",
        "Contact and introduction meeting",
    ),
    Text::new(
        "Bestilling av testmiljø",
        "Bestilling av testmiljø",
        "Order of the test environment",
    ),
    Text::new(
        "Utvikling og test i testmiljøet",
        "Utvikling og test i testmiljøet",
        "Development and testing in the test environment",
    ),
    Text::new(
        "Godkjenning av løsningen",
        "Godkjenning av løysinga",
        "Approval of the solution",
    ),
    Text::new(
        "Produksjonssetting",
        "Produksjonssetjing",
        "Going into production",
    ),
    Text::new("Drift", "Drift", "Operation"),
];

/// A HelseID order of the organisation: actor kind, environment ("" when the kind has
/// none) and status. An order for the test environment is Fullført once NHN has approved
/// the solution there.
pub type HelseIdOrder = (String, String, OrderStatus);

/// How many of the six onboarding steps each ordered actor kind has completed: ordering
/// the test environment completes 1–2, its approval 3–4, production carried out 5 (step 6,
/// operation, then goes on). Kinds without a test environment start at production.
pub fn progress(orders: &[HelseIdOrder]) -> Vec<crate::api::HelseIdProgress> {
    let mut kinds: Vec<&str> = orders.iter().map(|(k, _, _)| k.as_str()).collect();
    kinds.sort();
    kinds.dedup();
    kinds
        .into_iter()
        .map(|kind| {
            let step = |(k, m, s): &HelseIdOrder| -> u8 {
                if k != kind {
                    return 0;
                }
                match (m.as_str(), s) {
                    ("test", OrderStatus::Fullfort) => 4,
                    ("test", _) => 2,
                    (_, OrderStatus::Fullfort) => 5,
                    _ => 4,
                }
            };
            crate::api::HelseIdProgress {
                aktortype: kind.to_owned(),
                done: orders.iter().map(step).max().unwrap_or(0),
            }
        })
        .collect()
}

/// The published text of the terms, version 1.0.
#[cfg(feature = "agreement-texts")]
const HELSEID_TEXT_1_0: super::AgreementText = super::AgreementText {
    version: "1.0",
    valid_from: "01.01.2024",
    paragraphs: &[
        "Eksempeltekst: dette er ikke NHNs vilkår, men en prøvetekst for portalen.",
        "1. Tjenesten. HelseID er en felles påloggingsløsning for helse- og omsorgssektoren: autentisering av brukere, systemer og virksomheter, og beskyttelse av systemer.",
        "2. Forutsetninger. Virksomheten er kunde i Helsenettet, har akseptert vilkår for medlemskap og inngått kundeavtale.",
        "3. Test og produksjon. Løsningen utvikles og testes i testmiljøet. NHN godkjenner løsningen før produksjonssetting.",
        "4. Ansvar. Virksomheten sørger for at helsepersonell har eID på tilstrekkelig sikkerhetsnivå for informasjonstjenestene de bruker.",
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    fn o(k: &str, m: &str, s: OrderStatus) -> HelseIdOrder {
        (k.into(), m.into(), s)
    }

    #[test]
    fn the_tracker_follows_the_orders() {
        let orders = [
            o("tjenestetilbyder", "test", OrderStatus::Mottatt),
            o("systemleverandor", "test", OrderStatus::Fullfort),
            o("systemleverandor", "produksjon", OrderStatus::Fullfort),
            o("tjenestekonsument", "", OrderStatus::Mottatt),
        ];
        let done: Vec<(String, u8)> = progress(&orders)
            .into_iter()
            .map(|p| (p.aktortype, p.done))
            .collect();
        assert_eq!(
            done,
            [
                ("systemleverandor".into(), 5),
                ("tjenestekonsument".into(), 4),
                ("tjenestetilbyder".into(), 2)
            ]
        );
    }
}
