//! The form engine against the DigiHelse spec: required fields, formats, repeatable
//! HER-ids, multi-choice, lengths in characters; and property tests of the validators.

use common::FieldError;
use common::form::{RawForm, RawValue};
use common::services::DIGITALE_INNBYGGERTJENESTER;
use common::validate::{Fodselsnummer, OrgNumber};
use proptest::prelude::*;

/// A complete, valid DigiHelse order as a user would type it (with spaces and +47).
pub fn valid_answers() -> RawForm {
    let mut f = RawForm::default();
    f.set_many(
        "tjenestetype",
        vec!["digihelse".into(), "felles_timebok".into()],
    );
    f.set_one("kommune_navn", "Ørland kommune".into());
    f.set_one("her_id_virksomhet", "8765432".into());
    f.set_many(
        "her_id_parter",
        vec!["8765433".into(), "".into(), " 8765434 ".into()],
    );
    f.set_one("kontakt_navn", "Kari Nordmann".into());
    f.set_one("kontakt_epost", "kari.nordmann@orland.kommune.no".into());
    f.set_one("kontakt_mobil", "+47 912 34 567".into());
    f.set_one("epj_navn", "CGM".into());
    f.set_one("epj_system", "CGM Journal".into());
    f.set_one("epj_versjon", "142".into());
    f.set_one("ikt_navn", "Driftspartner AS".into());
    f.set_one("ikt_orgnr", "994 598 759".into());
    f.set_one("ikt_mobil", "41234567".into());
    f.set_one("ikt_epost_statistikk", "statistikk@driftspartner.no".into());
    f
}

#[test]
fn a_complete_order_passes_and_is_normalised() {
    let form = DIGITALE_INNBYGGERTJENESTER
        .form
        .validate(&valid_answers())
        .expect("valid");
    let n = form.normalised();
    assert_eq!(n.one("kontakt_mobil"), "91234567");
    assert_eq!(n.one("ikt_orgnr"), "994598759");
    // Blank rows a user added are not answers.
    assert_eq!(n.many("her_id_parter"), vec!["8765433", "8765434"]);
    assert_eq!(n.many("tjenestetype"), vec!["digihelse", "felles_timebok"]);
}

#[test]
fn an_empty_form_reports_every_required_field() {
    let errors = DIGITALE_INNBYGGERTJENESTER
        .form
        .validate(&RawForm::default())
        .unwrap_err();
    assert_eq!(
        errors.get("tjenestetype"),
        Some(FieldError::ChooseAtLeastOne)
    );
    assert_eq!(errors.get("kommune_navn"), Some(FieldError::Required));
    assert_eq!(errors.get("her_id_parter.0"), Some(FieldError::Required));
    assert_eq!(errors.get("ikt_orgnr"), Some(FieldError::Required));
    let fields = DIGITALE_INNBYGGERTJENESTER.form.fields().count();
    assert_eq!(errors.len(), fields, "one error per field: {errors:?}");
}

#[test]
fn nasty_inputs_get_field_errors_not_panics() {
    let cases: &[(&str, RawValue, &str, FieldError)] = &[
        (
            "ikt_orgnr",
            RawValue::One("994598758".into()),
            "ikt_orgnr",
            FieldError::BadChecksum,
        ),
        (
            "kontakt_epost",
            RawValue::One("ola@@kommune.no".into()),
            "kontakt_epost",
            FieldError::BadEmail,
        ),
        (
            "kontakt_mobil",
            RawValue::One("22123456".into()),
            "kontakt_mobil",
            FieldError::NotMobile,
        ),
        (
            "kontakt_mobil",
            RawValue::One("+46 91234567".into()),
            "kontakt_mobil",
            FieldError::NotNorwegian,
        ),
        (
            "her_id_virksomhet",
            RawValue::One("-12".into()),
            "her_id_virksomhet",
            FieldError::NotPositive,
        ),
        (
            "her_id_parter",
            RawValue::Many(vec!["1".into(), "x".into()]),
            "her_id_parter.1",
            FieldError::NotDigits,
        ),
        (
            "tjenestetype",
            RawValue::Many(vec!["drop table".into()]),
            "tjenestetype",
            FieldError::UnknownChoice,
        ),
        (
            "kommune_navn",
            RawValue::One("Å".repeat(201)),
            "kommune_navn",
            FieldError::TooLong { max: 200 },
        ),
        (
            "kommune_navn",
            RawValue::One("   \u{0}  ".into()),
            "kommune_navn",
            FieldError::Required,
        ),
        (
            "her_id_parter",
            RawValue::Many(vec!["1".into(); 51]),
            "her_id_parter",
            FieldError::TooMany { max: 50 },
        ),
    ];
    for (field, value, path, expected) in cases {
        let mut answers = valid_answers();
        answers.0.insert((*field).into(), value.clone());
        let errors = DIGITALE_INNBYGGERTJENESTER
            .form
            .validate(&answers)
            .unwrap_err();
        assert_eq!(errors.get(path), Some(*expected), "{field}: {errors:?}");
        assert_eq!(
            errors.len(),
            1,
            "{field}: only the bad field fails: {errors:?}"
        );
    }
}

#[test]
fn summary_labels_name_the_section_only_where_labels_repeat() {
    use common::Lang;
    let spec = DIGITALE_INNBYGGERTJENESTER.form;
    let label = |id: &str| spec.summary_label(spec.field(id).unwrap(), Lang::Nb);
    assert_eq!(label("kommune_navn"), "Kommune – Navn");
    assert_eq!(label("ikt_navn"), "IKT-driftsleverandør – Navn");
    assert_eq!(label("her_id_virksomhet"), "Her-id virksomhet");
    assert_eq!(label("ikt_orgnr"), "Org nr");
}

#[test]
fn length_counts_characters_not_bytes() {
    let mut answers = valid_answers();
    answers.set_one("kommune_navn", "Ø".repeat(200)); // 400 bytes, 200 characters
    assert!(DIGITALE_INNBYGGERTJENESTER.form.validate(&answers).is_ok());
}

#[test]
fn error_messages_exist_in_both_languages() {
    use common::Lang;
    let e = FieldError::TooLong { max: 200 };
    assert_eq!(
        e.message(Lang::Nb),
        "Teksten kan ikke være lengre enn 200 tegn."
    );
    assert!(e.message(Lang::En).contains("200 characters"));
}

proptest! {
    #[test]
    fn any_input_to_any_validator_is_an_answer_not_a_panic(s in "\\PC{0,40}") {
        let _ = OrgNumber::parse(&s);
        let _ = Fodselsnummer::parse_with(&s, true);
        for field in DIGITALE_INNBYGGERTJENESTER.form.fields() {
            let _ = field.check_on_blur(&s);
        }
    }

    #[test]
    fn an_org_number_with_a_changed_digit_is_refused(pos in 0usize..9, delta in 1u32..10) {
        let good = b"994598759";
        let mut bad = good.to_vec();
        bad[pos] = b'0' + ((u32::from(good[pos] - b'0') + delta) % 10) as u8;
        // mod-11 with these weights detects every single-digit error.
        prop_assert!(OrgNumber::parse(std::str::from_utf8(&bad).unwrap()).is_err());
    }

    #[test]
    fn spaces_never_change_an_org_number_verdict(a in "[0-9]{3}", b in "[0-9]{3}", c in "[0-9]{3}") {
        let joined = format!("{a}{b}{c}");
        let spaced = format!("{a} {b} {c}");
        prop_assert_eq!(OrgNumber::parse(&joined).is_ok(), OrgNumber::parse(&spaced).is_ok());
    }
}

#[test]
fn login_return_paths_stay_on_this_site() {
    use common::api::safe_return_path;
    assert_eq!(
        safe_return_path(Some("/skjema/digitaleinnbyggertjenester")),
        "/skjema/digitaleinnbyggertjenester"
    );
    for evil in [
        "//evil.example",
        "https://evil.example",
        "/\\evil.example",
        "evil",
        "/x?u=https://evil",
    ] {
        assert_eq!(safe_return_path(Some(evil)), "/", "{evil}");
    }
    assert_eq!(safe_return_path(None), "/");
}
