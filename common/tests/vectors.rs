//! Runs every entry of `vectors.json` (SPEC §6's shared validation vectors, cross-checked
//! against python-stdnum) through the common validators. The SPA and the server call
//! these same functions, so passing here is passing on both sides.

use common::validate::{
    Email, FnrKind, Fodselsnummer, HerId, MobileNumber, OrgNumber, PhoneNumber,
};
use serde::Deserialize;

#[derive(Deserialize)]
struct Vector {
    input: String,
    valid: bool,
    normalised: Option<String>,
    kind: Option<String>,
    why: String,
    #[serde(default)]
    valid_where_fh_allowed_only: bool,
}

#[derive(Deserialize)]
struct Vectors {
    organisasjonsnummer: Vec<Vector>,
    fodselsnummer: Vec<Vector>,
    mobil: Vec<Vector>,
    telefon: Vec<Vector>,
    epost: Vec<Vector>,
    her_id: Vec<Vector>,
}

fn vectors() -> Vectors {
    serde_json::from_str(include_str!("vectors.json")).expect("vectors.json parses")
}

/// Checks verdict and normalised form of each vector against `parse`.
fn check<T: AsRef<str>, E: std::fmt::Debug>(
    name: &str,
    vectors: &[Vector],
    parse: impl Fn(&str) -> Result<T, E>,
) {
    assert!(!vectors.is_empty(), "{name}: no vectors");
    for v in vectors {
        let got = parse(&v.input);
        assert_eq!(
            got.is_ok(),
            v.valid,
            "{name} {:?} ({}): got {:?}",
            v.input,
            v.why,
            got.as_ref().err()
        );
        if let (Ok(value), Some(expected)) = (&got, &v.normalised) {
            assert_eq!(value.as_ref(), expected, "{name} {:?} normalised", v.input);
        }
    }
}

#[test]
fn organisation_numbers() {
    check("orgnr", &vectors().organisasjonsnummer, OrgNumber::parse);
}

#[test]
fn mobile_numbers() {
    check("mobil", &vectors().mobil, MobileNumber::parse);
}

#[test]
fn phone_numbers() {
    check("telefon", &vectors().telefon, PhoneNumber::parse);
}

#[test]
fn email_addresses() {
    check("epost", &vectors().epost, Email::parse);
}

#[test]
fn her_ids() {
    for v in &vectors().her_id {
        assert_eq!(
            HerId::parse(&v.input).is_ok(),
            v.valid,
            "her_id {:?} ({})",
            v.input,
            v.why
        );
    }
}

#[test]
fn fodselsnummer_verdicts_and_kinds() {
    let vectors = vectors().fodselsnummer;
    assert!(vectors.len() >= 10);
    for v in &vectors {
        let strict = Fodselsnummer::parse(&v.input);
        let with_fh = Fodselsnummer::parse_with(&v.input, true);
        let expect_strict = v.valid && !v.valid_where_fh_allowed_only;
        assert_eq!(
            strict.is_ok(),
            expect_strict,
            "fnr {:?} ({}) strict: {:?}",
            v.input,
            v.why,
            strict.as_ref().err()
        );
        assert_eq!(
            with_fh.is_ok(),
            v.valid,
            "fnr {:?} ({}) FH allowed: {:?}",
            v.input,
            v.why,
            with_fh.as_ref().err()
        );
        if let (Ok(fnr), Some(kind)) = (&with_fh, &v.kind) {
            let expected = match kind.as_str() {
                "fnr" => FnrKind::Fnr,
                "dnr" => FnrKind::Dnr,
                "hnr" => FnrKind::Hnr,
                "synthetic" => FnrKind::Synthetic,
                "fh" => FnrKind::Fh,
                other => panic!("unknown kind {other}"),
            };
            assert_eq!(fnr.kind(), expected, "fnr {:?} kind", v.input);
        }
    }
}

#[test]
fn fodselsnummer_never_prints_its_personal_digits() {
    let fnr = Fodselsnummer::parse("22069015569").unwrap();
    assert!(!format!("{fnr}").contains("15569"));
    assert!(!format!("{fnr:?}").contains("15569"));
    assert_eq!(fnr.expose(), "22069015569");
}

#[test]
fn json_cannot_bypass_parse() {
    assert!(serde_json::from_str::<OrgNumber>("\"994598758\"").is_err());
    assert_eq!(
        serde_json::from_str::<OrgNumber>("\"994 598 759\"")
            .unwrap()
            .as_ref(),
        "994598759"
    );
    assert!(serde_json::from_str::<MobileNumber>("\"22123456\"").is_err());
}
