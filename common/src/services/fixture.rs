//! A service that exists only for the tests (feature `fixture-service`): declared here
//! as a spec and nothing else, it must render in the SPA and validate on both sides with
//! no other code. Every kind of field the engine offers is in it.

use super::{ANSWER_TIME, Prerequisite, Service, choice, field, hinted, optional};
use crate::form::{FieldKind, FieldSpec, FormSpec, Group, Rule, SWITCH_ON, Section, ShownIf};
use crate::i18n::Text;

pub const FIXTURE: Service = Service {
    slug: "fixture",
    name: Text::new("Testtjeneste", "Testteneste", "Test service"),
    form: &FIXTURE_FORM,
    documents: &[],
    contact_email: Some("epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[ANSWER_TIME],
    active_once: false,
    // A move needs a member of Helsenettet: declared here and nothing else, the server
    // enforces it (end2end/tests/fixture.spec.ts).
    prerequisites: &[Prerequisite::HasOrdered {
        service: super::TILKNYTNING.slug,
        when: Some(ShownIf {
            field: "type",
            any_of: &["flytting"],
        }),
        at: "type",
        error: crate::FieldError::NotMember,
    }],
    follow_up: None,
    servicebus: None,
};

static FIXTURE_FORM: FormSpec = FormSpec {
    id: "fixture",
    title: Text::new(
        "Bestilling av testtjenesten",
        "Bestilling av testtenesta",
        "Order of the test service",
    ),
    notice: Some(Text::new(
        "Denne tjenesten finnes bare i testene.",
        "Denne tenesta finst berre i testane.",
        "This service exists only in the tests.",
    )),
    sections: &[
        Section::new(
            Text::new("Periode", "Periode", "Period"),
            &[
                field(
                    "type",
                    Text::new("Hva gjelder det?", "Kva gjeld det?", "What is it about?"),
                    FieldKind::OneChoice(&[
                        choice("pause", Text::new("Pause", "Pause", "Pause")),
                        choice("flytting", Text::new("Flytting", "Flytting", "Move")),
                    ]),
                ),
                field("fra", Text::new("Fra", "Frå", "From"), FieldKind::Date),
                field("til", Text::new("Til", "Til", "To"), FieldKind::Date),
                optional(
                    "varsle",
                    Text::new("Varsle meg på SMS", "Varsle meg på SMS", "Notify me by SMS"),
                    FieldKind::Switch,
                ),
                FieldSpec {
                    shown_if: Some(ShownIf {
                        field: "varsle",
                        any_of: &[SWITCH_ON],
                    }),
                    ..field(
                        "mobil",
                        Text::new(
                            "Mobilnummer for varsel",
                            "Mobilnummer for varsel",
                            "Mobile for the notice",
                        ),
                        FieldKind::Mobile,
                    )
                },
            ],
        ),
        Section {
            group: Some(Group {
                max: 3,
                item: Text::new("Rom", "Rom", "Room"),
            }),
            title: Text::new("Rommene", "Romma", "The rooms"),
            fields: &[
                field(
                    "rom_navn",
                    Text::new("Romnavn", "Romnamn", "Room name"),
                    FieldKind::Text { max: 50 },
                ),
                hinted(
                    "rom_orgnr",
                    Text::new(
                        "Leietakers organisasjonsnummer",
                        "Organisasjonsnummeret til leigetakaren",
                        "Tenant's organisation number",
                    ),
                    Text::new("9 siffer", "9 siffer", "9 digits"),
                    FieldKind::OrgNumber,
                ),
            ],
        },
        Section::new(
            Text::new("Kontakt", "Kontakt", "Contact"),
            &[field(
                "epost",
                Text::new("E-post", "E-post", "E-mail"),
                FieldKind::Email,
            )],
        ),
    ],
    rules: &[Rule::DateOrder {
        from: "fra",
        to: "til",
    }],
};
