//! One spec drives both sides: for generated submissions to every service, the server's
//! verdict (204, or 422 with field errors) equals the spec validator's, field by field.

use crate::persons::KARI;
use common::api::ErrorBody;
use common::form::{FieldKind, FieldSpec, RawForm, SWITCH_ON};
use common::services::SERVICES;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

/// The reference of a PDF this test's user uploaded: the right answer for attachments.
static ATTACHMENT: OnceLock<String> = OnceLock::new();

/// A plausible right answer for a field's kind.
fn good(field: &FieldSpec) -> Vec<String> {
    let one = |s: &str| vec![s.to_owned()];
    match field.kind {
        FieldKind::Text { .. } => one("Driftspartner AS"),
        FieldKind::OrgNumber => one("994 598 759"),
        FieldKind::Phone => one("22 33 44 55"),
        FieldKind::Mobile => one("+47 912 34 567"),
        FieldKind::Email => one("kari@kommune.no"),
        FieldKind::HerId => one("8765432"),
        FieldKind::Fodselsnummer { .. } => one(KARI.0),
        FieldKind::Date => one("24.12.2027"),
        FieldKind::Switch => one(SWITCH_ON),
        FieldKind::MultiChoice(c) | FieldKind::OneChoice(c) => one(c[0].value),
        FieldKind::Domain => one("Legekontoret.no"),
        FieldKind::Attachment => one(ATTACHMENT.get().expect("uploaded first")),
    }
}

/// What a user (or an attacker) might put in one field: nothing, a right answer, or junk.
fn value(field: &'static FieldSpec) -> impl Strategy<Value = Option<Vec<String>>> {
    let junk = proptest::collection::vec("[0-9a-zæø@+. -]{0,14}", 1..3);
    prop_oneof![
        1 => Just(None),
        8 => Just(Some(good(field))),
        1 => junk.prop_map(Some),
    ]
}

/// `grouped`: the ids of fields in repeatable groups (one value per row).
fn submission(
    fields: Vec<&'static FieldSpec>,
    grouped: Vec<&'static str>,
) -> impl Strategy<Value = RawForm> {
    fields
        .into_iter()
        .map(|f| value(f).prop_map(move |v| (f, v)))
        .collect::<Vec<_>>()
        .prop_map(move |pairs| {
            let mut raw = RawForm::default();
            for (field, v) in pairs {
                match v {
                    None => {}
                    Some(values)
                        if field.repeat.is_some()
                            || grouped.contains(&field.id)
                            || matches!(field.kind, FieldKind::MultiChoice(_)) =>
                    {
                        raw.set_many(field.id, values)
                    }
                    Some(values) => raw.set_one(field.id, values[0].clone()),
                }
            }
            raw
        })
}

/// What the server checks beyond the spec, made true so that only the spec decides: an
/// upload to attach, membership of Helsenettet, approved HelseID tests.
async fn prepare_history(app: &TestApp) {
    let r = app
        .client
        .post(format!("{}/api/attachments", app.base))
        .header("X-File-Name", "egenerklaering.pdf")
        .body(&b"%PDF-1.4\n%%EOF\n"[..])
        .send()
        .await
        .unwrap();
    let uploaded: common::api::Uploaded = r.json().await.unwrap();
    ATTACHMENT.get_or_init(|| uploaded.reference);
    let order = |service: &str, answers: serde_json::Value, documents: &[&str]| json!({ "service": service, "orgnr": "994598759", "answers": answers, "accepted_documents": documents });
    let contact = json!({ "kontakt_navn": "Kari", "kontakt_mobil": "91234567", "kontakt_epost": "kari@kommune.no" });
    let mut connection = json!({ "adresse": "Storgata 1", "postnummer": "0155", "poststed": "Oslo",
        "etasje": "2", "rom": "A", "linjeleverandor": "nhn" });
    connection
        .as_object_mut()
        .unwrap()
        .extend(contact.as_object().unwrap().clone());
    let r = app
        .post("/api/orders", &order("tilknytning", connection, &[]))
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    for kind in common::services::helseid::WITH_TEST_ENVIRONMENT {
        let mut answers = json!({ "aktortype": kind, "miljo": "test", "losning_navn": "API" });
        answers
            .as_object_mut()
            .unwrap()
            .extend(contact.as_object().unwrap().clone());
        let r = app
            .post(
                "/api/orders",
                &order("helseid", answers, &["vilkar-helseid"]),
            )
            .await;
        assert_eq!(r.status(), StatusCode::CREATED);
    }
    let db = server::db::open(&app.db_url).await.unwrap();
    sqlx::query("UPDATE orders SET status = 'fullfort' WHERE service = 'helseid'")
        .execute(&db)
        .await
        .unwrap();
}

#[tokio::test]
async fn generated_submissions_get_the_spec_validators_verdict_field_by_field() {
    let app = spawn_app().await;
    app.login().await;
    prepare_history(&app).await;
    let mut runner = TestRunner::deterministic();
    let (mut accepted, mut refused) = (0, 0);
    // A replaced service has no form to compare (the server refuses it; see services.rs).
    for service in SERVICES.iter().filter(|s| s.replaced_by.is_none()) {
        let grouped = service
            .form
            .sections
            .iter()
            .filter(|s| s.group.is_some())
            .flat_map(|s| s.fields.iter().map(|f| f.id))
            .collect();
        let strategy = submission(service.form.fields().collect(), grouped);
        for _ in 0..64 {
            let raw = strategy.new_tree(&mut runner).unwrap().current();
            let body = json!({
                "service": service.slug,
                "orgnr": "994598759",
                "answers": raw,
                "accepted_documents": [],
            });
            let r = app.post("/api/orders/validate", &body).await;
            match service.form.validate(&raw) {
                Ok(_) => {
                    accepted += 1;
                    assert_eq!(
                        r.status(),
                        StatusCode::NO_CONTENT,
                        "{}: {raw:?}",
                        service.slug
                    )
                }
                Err(want) => {
                    refused += 1;
                    assert_eq!(
                        r.status(),
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "{}: {raw:?}",
                        service.slug
                    );
                    let got: ErrorBody = r.json().await.unwrap();
                    let got: Vec<_> = got
                        .fields
                        .iter()
                        .map(|(k, v)| (k.clone(), v.error))
                        .collect();
                    let want: Vec<_> = want.0.iter().map(|(k, v)| (k.clone(), *v)).collect();
                    assert_eq!(got, want, "{}: {raw:?}", service.slug);
                }
            }
        }
    }
    // Both verdicts were exercised, not only refusals.
    assert!(
        accepted > 0 && refused > 0,
        "accepted {accepted}, refused {refused}"
    );
}
