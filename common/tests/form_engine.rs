//! The form engine's kinds and rules, on a fixture spec that exists only here: a new
//! service is a spec and nothing else — switch, conditional fields, one choice, dates
//! with an order rule — and it validates with no other code.

use common::FieldError;
use common::form::{
    Choice, FieldKind, FieldSpec, FormSpec, RawForm, Rule, SWITCH_ON, Section, ShownIf,
};
use common::i18n::Text;

const fn f(id: &'static str, kind: FieldKind, required: bool) -> FieldSpec {
    FieldSpec {
        id,
        label: Text::new(id, id, id),
        hint: None,
        kind,
        required,
        repeat: None,
        shown_if: None,
    }
}

static FIXTURE: FormSpec = FormSpec {
    id: "fixture",
    title: Text::new(
        "Midlertidig deaktivering",
        "Mellombels deaktivering",
        "Temporary deactivation",
    ),
    notice: None,
    sections: &[Section::new(
        Text::new("Periode", "Periode", "Period"),
        &[
            f(
                "grunn",
                FieldKind::OneChoice(&[
                    Choice {
                        value: "ferie",
                        label: Text::new("Ferie", "Ferie", "Holiday"),
                        hint: None,
                    },
                    Choice {
                        value: "ombygging",
                        label: Text::new("Ombygging", "Ombygging", "Rebuilding"),
                        hint: None,
                    },
                ]),
                true,
            ),
            f("fra", FieldKind::Date, true),
            f("til", FieldKind::Date, true),
            f("varsle", FieldKind::Switch, false),
            FieldSpec {
                shown_if: Some(ShownIf {
                    field: "varsle",
                    any_of: &[SWITCH_ON],
                }),
                ..f("varsle_epost", FieldKind::Email, true)
            },
        ],
    )],
    rules: &[Rule::DateOrder {
        from: "fra",
        to: "til",
    }],
};

fn form(pairs: &[(&str, &str)]) -> RawForm {
    let mut raw = RawForm::default();
    for (k, v) in pairs {
        raw.set_one(k, (*v).to_owned());
    }
    raw
}

#[test]
fn a_spec_alone_validates_switches_conditions_choices_and_date_ranges() {
    let ok = FIXTURE
        .validate(&form(&[
            ("grunn", "ferie"),
            ("fra", "01.07.2027"),
            ("til", "2027-07-31"),
        ]))
        .unwrap();
    let answers = ok.normalised();
    assert_eq!(answers.one("fra"), "2027-07-01");
    assert_eq!(answers.one("til"), "2027-07-31");
    assert_eq!(answers.one("varsle"), "");
    assert_eq!(
        answers.0["grunn"],
        common::form::RawValue::One("ferie".into())
    );

    // Off: the hidden field is not asked for, and whatever it held is dropped.
    let hidden = FIXTURE
        .validate(&form(&[
            ("grunn", "ferie"),
            ("fra", "01.07.2027"),
            ("til", "31.07.2027"),
            ("varsle_epost", "ikke en adresse"),
        ]))
        .unwrap();
    assert_eq!(hidden.normalised().one("varsle_epost"), "");

    // On: it is required and checked.
    let errors = FIXTURE
        .validate(&form(&[
            ("grunn", "ferie"),
            ("fra", "01.07.2027"),
            ("til", "31.07.2027"),
            ("varsle", SWITCH_ON),
        ]))
        .unwrap_err();
    assert_eq!(errors.get("varsle_epost"), Some(FieldError::Required));
    let errors = FIXTURE
        .validate(&form(&[
            ("grunn", "ferie"),
            ("fra", "01.07.2027"),
            ("til", "31.07.2027"),
            ("varsle", SWITCH_ON),
            ("varsle_epost", "nei"),
        ]))
        .unwrap_err();
    assert_eq!(errors.get("varsle_epost"), Some(FieldError::BadEmail));

    let errors = FIXTURE
        .validate(&form(&[
            ("grunn", "sommer"),
            ("fra", "31.02.2027"),
            ("til", "01.07.2027"),
            ("varsle", "kanskje"),
        ]))
        .unwrap_err();
    assert_eq!(errors.get("grunn"), Some(FieldError::UnknownChoice));
    assert_eq!(errors.get("fra"), Some(FieldError::BadDate));
    assert_eq!(errors.get("varsle"), Some(FieldError::UnknownChoice));

    let errors = FIXTURE
        .validate(&form(&[
            ("grunn", "ombygging"),
            ("fra", "01.08.2027"),
            ("til", "31.07.2027"),
        ]))
        .unwrap_err();
    assert_eq!(errors.get("til"), Some(FieldError::DateBeforeStart));
    assert_eq!(errors.len(), 1);

    let errors = FIXTURE.validate(&RawForm::default()).unwrap_err();
    for id in ["grunn", "fra", "til"] {
        assert_eq!(errors.get(id), Some(FieldError::Required), "{id}");
    }
    assert_eq!(
        errors.len(),
        3,
        "optional switch and hidden field ask for nothing"
    );
}

static GROUPED: FormSpec = FormSpec {
    id: "grouped",
    title: Text::new("Hjemmekontor", "Heimekontor", "Home office"),
    notice: None,
    sections: &[
        Section {
            group: Some(common::form::Group {
                max: 3,
                item: Text::new("Bruker", "Brukar", "User"),
            }),
            title: Text::new("Brukere", "Brukarar", "Users"),
            fields: &[
                f("navn", FieldKind::Text { max: 50 }, true),
                f("mobil", FieldKind::Mobile, true),
                f("merknad", FieldKind::Text { max: 50 }, false),
            ],
        },
        Section::new(
            Text::new("Vedlegg", "Vedlegg", "Attachment"),
            &[f("vedlegg", FieldKind::Attachment, false)],
        ),
    ],
    rules: &[],
};

fn rows(raw: &mut RawForm, id: &str, values: &[&str]) {
    raw.set_many(id, values.iter().map(|v| (*v).to_owned()).collect());
}

#[test]
fn a_group_is_checked_row_by_row_and_empty_rows_are_no_answers() {
    let mut raw = RawForm::default();
    rows(&mut raw, "navn", &["Kari", "", "Ola"]);
    rows(&mut raw, "mobil", &["912 34 567", "", "22 22 22 22"]);
    rows(&mut raw, "merknad", &["", "", ""]);
    let errors = GROUPED.validate(&raw).unwrap_err();
    assert_eq!(errors.get("mobil.2"), Some(FieldError::NotMobile));
    assert_eq!(errors.len(), 1, "the empty middle row is not an error");

    rows(&mut raw, "mobil", &["912 34 567", "", "+47 412 34 567"]);
    let ok = GROUPED.validate(&raw).unwrap().normalised();
    assert_eq!(ok.many("navn"), ["Kari", "Ola"]);
    assert_eq!(ok.many("mobil"), ["91234567", "41234567"]);
    assert_eq!(
        ok.many("merknad"),
        ["", ""],
        "kept row by row, empty where optional"
    );

    // A row half filled asks for the rest; no rows at all asks for the first.
    rows(&mut raw, "navn", &["Kari", "Per"]);
    rows(&mut raw, "mobil", &["912 34 567", ""]);
    assert_eq!(
        GROUPED.validate(&raw).unwrap_err().get("mobil.1"),
        Some(FieldError::Required)
    );
    let errors = GROUPED.validate(&RawForm::default()).unwrap_err();
    assert_eq!(errors.get("navn.0"), Some(FieldError::Required));

    rows(&mut raw, "navn", &["a", "b", "c", "d"]);
    rows(&mut raw, "mobil", &["91234567"; 4]);
    assert_eq!(
        GROUPED.validate(&raw).unwrap_err().get("navn"),
        Some(FieldError::TooMany { max: 3 })
    );
}

#[test]
fn a_group_reads_one_line_per_row_on_the_receipt() {
    let mut raw = RawForm::default();
    rows(&mut raw, "navn", &["Hjemme Hansen", "", "Borte Berit"]);
    rows(&mut raw, "mobil", &["41234567", "", "47654321"]);
    rows(&mut raw, "merknad", &["", "", "Deltid"]);
    let lines: Vec<(String, String, Option<usize>)> = GROUPED
        .answer_lines(&raw, common::Lang::Nb)
        .into_iter()
        .map(|l| (l.label, l.value, l.row))
        .collect();
    assert_eq!(
        lines[..2],
        [
            ("Bruker 1".into(), "Hjemme Hansen, 41234567".into(), Some(0)),
            (
                "Bruker 2".into(),
                "Borte Berit, 47654321, Deltid".into(),
                Some(2)
            ),
        ],
        "the empty middle row is no line, and numbering follows what is shown"
    );
}

#[test]
fn an_attachment_answer_is_a_reference_to_an_upload() {
    let mut raw = RawForm::default();
    rows(&mut raw, "navn", &["Kari"]);
    rows(&mut raw, "mobil", &["91234567"]);
    raw.set_one("vedlegg", "egenerklæring.pdf".into());
    assert_eq!(
        GROUPED.validate(&raw).unwrap_err().get("vedlegg"),
        Some(FieldError::AttachmentMissing)
    );
    raw.set_one(
        "vedlegg",
        "0123456789abcdef0123456789abcdef:egenerklæring.pdf".into(),
    );
    assert!(GROUPED.validate(&raw).is_ok());
}

/// The answers on the wire: each a string or a list of strings, read as written and
/// written back the same; anything else is refused, with what was expected.
#[test]
fn answers_are_strings_or_lists_of_strings_on_the_wire() {
    let json = r#"{"ingen":[],"navn":"Kari","parter":["8765433","8765434"],"tom":""}"#;
    let form: RawForm = serde_json::from_str(json).unwrap();
    assert_eq!(form.one("navn"), "Kari");
    assert_eq!(form.one("tom"), "");
    assert_eq!(form.many("parter"), ["8765433", "8765434"]);
    assert!(form.many("ingen").is_empty());
    // Escaped text comes out unescaped (serde_json hands over an owned string then).
    let escaped: RawForm = serde_json::from_str(r#"{"navn":"Kari \"K\" Nordmann\n"}"#).unwrap();
    assert_eq!(escaped.one("navn"), "Kari \"K\" Nordmann\n");
    assert_eq!(serde_json::to_string(&form).unwrap(), json);
    for bad in [
        r#"{"navn":1}"#,
        r#"{"navn":null}"#,
        r#"{"navn":true}"#,
        r#"{"navn":{"a":"b"}}"#,
        r#"{"parter":["8765433",2]}"#,
        r#"{"parter":[["8765433"]]}"#,
    ] {
        let error = serde_json::from_str::<RawForm>(bad)
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("a string") || error.contains("expected a string"),
            "{bad}: {error}"
        );
    }
}
