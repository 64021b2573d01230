//! Orders end to end: validation, submits, receipts and their PDFs, the evidence.

use crate::persons::{KARI, OLA};
use common::api::{ErrorBody, ErrorCode, Receipt};
use common::services::DIGITALE_INNBYGGERTJENESTER;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

#[tokio::test]
async fn the_server_answers_the_same_field_errors_as_the_common_validator() {
    let app = spawn_app().await;
    app.login().await;
    let mut answers = valid_answers();
    answers.set_one("kontakt_epost", "ola@@kommune.no".into());
    answers.set_one("ikt_mobil", "22123456".into());
    answers.set_one("ikt_orgnr", "994598758".into());
    answers.set_many("her_id_parter", vec!["1".into(), "-12".into()]);
    answers.set_one("kommune_navn", "".into());
    let expected = DIGITALE_INNBYGGERTJENESTER
        .form
        .validate(&answers)
        .unwrap_err();
    for path in ["/api/orders/validate", "/api/orders"] {
        let r = app.post(path, &order(answers.clone())).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        let body: ErrorBody = r.json().await.unwrap();
        assert_eq!(body.error, ErrorCode::Validation);
        let got: Vec<_> = body
            .fields
            .iter()
            .map(|(k, v)| (k.clone(), v.error))
            .collect();
        let want: Vec<_> = expected.0.iter().map(|(k, v)| (k.clone(), *v)).collect();
        assert_eq!(got, want, "{path}");
        assert_eq!(
            body.fields["kontakt_epost"].message,
            "Skriv en gyldig e-postadresse, for eksempel navn@kommune.no."
        );
    }
    // English when the browser asks for it.
    let r = app
        .client
        .post(format!("{}/api/orders/validate", app.base))
        .header("accept-language", "en-GB,en")
        .json(&order(answers.clone()))
        .send()
        .await
        .unwrap();
    let body: ErrorBody = r.json().await.unwrap();
    assert!(body.fields["kommune_navn"].message.starts_with("You must"));
    // Nynorsk, when the portal was switched to it (the SPA sends it as Accept-Language).
    let r = app
        .client
        .post(format!("{}/api/orders/validate", app.base))
        .header("accept-language", "nn")
        .json(&order(answers))
        .send()
        .await
        .unwrap();
    let body: ErrorBody = r.json().await.unwrap();
    assert_eq!(
        body.fields["kontakt_epost"].message,
        "Skriv ei gyldig e-postadresse, til dømes namn@kommune.no."
    );
}

#[tokio::test]
async fn malformed_requests_get_a_json_error_never_a_500() {
    let app = spawn_app().await;
    app.login().await;
    let r = app
        .client
        .post(format!("{}/api/orders", app.base))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        r.json::<ErrorBody>().await.unwrap().error,
        ErrorCode::BadRequest
    );
    let r = app
        .post("/api/orders", &json!({ "service": 7, "answers": [] }))
        .await;
    assert!(r.status().is_client_error(), "{}", r.status());
    let r = app
        .post(
            "/api/orders",
            &json!({ "service": "nope", "orgnr": "x", "answers": {} }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r = app.post("/api/orders", &json!({ "service": "digitaleinnbyggertjenester", "orgnr": "994598759", "answers": { "kommune_navn": ["a", "b"], "tjenestetype": "digihelse" } })).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.get("/api/no-such-endpoint").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_order_without_accepting_the_agreement_is_refused() {
    let app = spawn_app().await;
    app.login().await;
    let mut body = order(valid_answers());
    body["accepted_documents"] = json!([]);
    let r = app.post("/api/orders", &body).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = r.json().await.unwrap();
    assert!(body.fields.contains_key("accepted_documents"));
}

#[tokio::test]
async fn an_order_is_stored_with_a_reference_and_survives_a_restart() {
    let dir = std::sync::Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_with(dir.clone(), |_| {}).await;
    app.login().await;
    let r = app.post("/api/orders", &order(valid_answers())).await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let receipt: Receipt = r.json().await.unwrap();
    assert!(
        common::reference::is_well_formed(&receipt.reference),
        "{}",
        receipt.reference
    );
    assert_eq!(
        receipt.answers.one("kontakt_mobil"),
        "91234567",
        "stored normalised"
    );
    assert_eq!(receipt.documents.len(), 1);
    assert_eq!(receipt.documents[0].sha256.len(), 64);

    // A second server process on the same database file sees the order and the session.
    let again = spawn_with(dir, |_| {}).await;
    assert_eq!(again.db_url, app.db_url);
    let r = app
        .client
        .get(format!("{}/api/orders/{}", again.base, receipt.reference))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Receipt>().await.unwrap(), receipt);
}

#[tokio::test]
async fn another_person_cannot_read_my_receipt() {
    let app = spawn_app().await;
    app.login().await;
    let receipt = app.submitted(&order(valid_answers())).await;
    let other = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    other
        .post(format!("{}/api/auth/test-login", app.base))
        .json(&json!({ "eid": "minid", "fodselsnummer": OLA.0, "name": "Annen Person" }))
        .send()
        .await
        .unwrap();
    let r = other
        .get(format!("{}/api/orders/{}", app.base, receipt.reference))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_agreement_pdf_downloads_with_norwegian_letters() {
    let app = spawn_app().await;
    let r = app.get("/api/documents/avtale-digihelse/pdf").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let bytes = r.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_text(&bytes);
    assert!(
        text.contains("Avtale for etablering av Digihelse"),
        "{text}"
    );
    assert!(text.contains("Kommunen sørger for"), "æøå survive: {text}");
    assert!(text.contains("Eksempeltekst"), "marked as sample: {text}");
    assert_eq!(
        app.get("/api/documents/nope/pdf").await.status(),
        StatusCode::NOT_FOUND
    );
}

/// The text of a PDF, by poppler's pdftotext (installed by `cargo xtask test`).

#[tokio::test]
async fn the_receipt_downloads_as_pdf_with_every_answer_and_document_for_the_orderer_only() {
    let app = spawn_app().await;
    app.login().await;
    let receipt = app.submitted(&order(valid_answers())).await;
    let r = app
        .get(&format!("/api/orders/{}/pdf", receipt.reference))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let bytes = r.bytes().await.unwrap().to_vec();
    // Sealed by the server: it verifies as issued, and not with one byte changed.
    let check = |pdf: Vec<u8>| {
        let app = &app;
        async move {
            let r = app
                .client
                .post(format!("{}/api/seal/verify", app.base))
                .body(pdf)
                .send()
                .await
                .unwrap();
            r.json::<common::api::SealCheck>().await.unwrap().valid
        }
    };
    assert!(check(bytes.clone()).await);
    let mut tampered = bytes.clone();
    tampered[bytes.len() / 2] ^= 0x20;
    assert!(!check(tampered).await);
    assert!(!check(b"%PDF-1.7 not ours %%EOF".to_vec()).await);
    let text = pdf_text(&bytes);
    for expected in [
        "Kvittering for bestilling",
        receipt.reference.as_str(),
        "Digitale innbyggertjenester",
        "Kari Testperson",
        // Answers as read: labels, choice labels, the æøå of the municipality.
        "Ørland kommune",
        "DigiHelse, DigiHelsestasjon",
        "Avtale for etablering av Digihelse",
        &receipt.documents[0].sha256[..16],
    ] {
        assert!(text.contains(expected), "{expected:?} not in {text}");
    }
    let other = login_as(&app, OLA.0, OLA.1).await;
    let r = other
        .get(format!("{}/api/orders/{}/pdf", app.base, receipt.reference))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn concurrent_submits_are_each_stored_once_with_distinct_references() {
    let app = spawn_app().await;
    app.login().await;
    let body = order(valid_answers());
    let submits = (0..64).map(|_| app.post("/api/orders", &body));
    let responses = futures_util::future::join_all(submits).await;
    let mut references = std::collections::BTreeSet::new();
    for r in responses {
        assert_eq!(r.status(), StatusCode::CREATED);
        references.insert(r.json::<Receipt>().await.unwrap().reference);
    }
    assert_eq!(references.len(), 64);
    for reference in &references {
        let r = app.get(&format!("/api/orders/{reference}")).await;
        assert_eq!(r.status(), StatusCode::OK, "{reference} is stored");
        assert_eq!(
            r.json::<Receipt>().await.unwrap().documents.len(),
            1,
            "{reference} has its acceptance evidence"
        );
    }
}

#[tokio::test]
async fn a_hundred_concurrent_submits_with_one_key_make_exactly_one_order() {
    let app = spawn_app().await;
    app.login().await;
    let mut body = order(valid_answers());
    body["idempotency_key"] = json!("6f1c2a4e-9b7d-4c3a-8e21-0d5f7a9b3c11");
    let submits = (0..100).map(|_| app.post("/api/orders", &body));
    let responses = futures_util::future::join_all(submits).await;
    let mut references = std::collections::BTreeSet::new();
    let mut created = 0;
    for r in responses {
        match r.status() {
            StatusCode::CREATED => created += 1,
            StatusCode::OK => {}
            other => panic!("unexpected {other}"),
        }
        references.insert(r.json::<Receipt>().await.unwrap().reference);
    }
    assert_eq!(
        (created, references.len()),
        (1, 1),
        "one order, and every response is its receipt"
    );
    let pool = server::db::open(&app.db_url).await.unwrap();
    let orders: i64 = sqlx::query_scalar("SELECT count(*) FROM orders")
        .fetch_one(&pool)
        .await
        .unwrap();
    let notifications: i64 = sqlx::query_scalar("SELECT count(*) FROM notifications")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(
        (orders, notifications),
        (1, 1),
        "one order, one confirmation"
    );

    // Another key is another order; a malformed key is refused.
    body["idempotency_key"] = json!("a-second-order-key");
    assert_eq!(
        app.post("/api/orders", &body).await.status(),
        StatusCode::CREATED
    );
    body["idempotency_key"] = json!("bad key with spaces");
    assert_eq!(
        app.post("/api/orders", &body).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test]
async fn the_evidence_keeps_who_accepted_without_their_fodselsnummer() {
    let app = spawn_app().await;
    app.login().await;
    let receipt = app.submitted(&order(valid_answers())).await;
    let db = server::db::open(&app.db_url).await.unwrap();
    let (fnr, name): (String, String) = sqlx::query_as(
        "SELECT a.accepted_by_fnr, a.accepted_by_name FROM acceptances a JOIN orders o ON o.id = a.order_id WHERE o.reference = $1",
    )
    .bind(&receipt.reference)
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(name, "Kari Testperson");
    assert!(!fnr.contains(KARI.0), "stored protected: {fnr}");
    // NHN, holding the key, can still show it was this person.
    assert_eq!(fnr, server::seal::Sealer::development().protect_fnr(KARI.0));
}
