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
        label: Text::new(id, id),
        hint: None,
        kind,
        required,
        repeat: None,
        shown_if: None,
    }
}

static FIXTURE: FormSpec = FormSpec {
    id: "fixture",
    title: Text::new("Midlertidig deaktivering", "Temporary deactivation"),
    notice: None,
    sections: &[Section {
        title: Text::new("Periode", "Period"),
        fields: &[
            f(
                "grunn",
                FieldKind::OneChoice(&[
                    Choice {
                        value: "ferie",
                        label: Text::new("Ferie", "Holiday"),
                        hint: None,
                    },
                    Choice {
                        value: "ombygging",
                        label: Text::new("Ombygging", "Rebuilding"),
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
                    value: SWITCH_ON,
                }),
                ..f("varsle_epost", FieldKind::Email, true)
            },
        ],
    }],
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
