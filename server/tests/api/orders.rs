//! Orders, sessions, test login, organisations and who may act: the API end to end.

use common::api::{Authority, ErrorBody, ErrorCode, Me, OrganisationChoice, Receipt, Standing};
use common::services::DIGITALE_INNBYGGERTJENESTER;
use reqwest::StatusCode;
use serde_json::json;
use server::config::Config;
use server::startup::Application;

use crate::helpers::*;

#[tokio::test]
async fn health_answers_ok() {
    let app = spawn_app().await;
    assert_eq!(app.get("/api/health").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn endpoints_that_need_a_user_refuse_without_a_session() {
    let app = spawn_app().await;
    for (method, path) in [
        ("GET", "/api/me"),
        ("GET", "/api/organisations/994598759"),
        ("POST", "/api/orders"),
        ("POST", "/api/orders/validate"),
        ("POST", "/api/session/extend"),
        ("GET", "/api/orders/BP-3467-3467"),
    ] {
        let r = match method {
            "GET" => app.get(path).await,
            _ => app.post(path, &order(valid_answers())).await,
        };
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{method} {path}");
        let body: ErrorBody = r.json().await.unwrap();
        assert_eq!(body.error, ErrorCode::Unauthenticated);
    }
}

#[tokio::test]
async fn test_login_sets_an_httponly_session_and_me_shows_the_user_without_fnr() {
    let app = spawn_app().await;
    let r = app
        .client
        .post(format!("{}/api/auth/test-login", app.base))
        .json(&json!({ "eid": "minid", "fodselsnummer": "08908834756", "name": "Ola Test" }))
        .send()
        .await
        .unwrap();
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let r = app.get("/api/me").await;
    assert!(r.headers().contains_key("x-session-expires-at"));
    let text = r.text().await.unwrap();
    assert!(
        !text.contains("08908834756"),
        "no fødselsnummer in /api/me: {text}"
    );
    let me: Me = serde_json::from_str(&text).unwrap();
    assert_eq!(me.name, "Ola Test");
    assert!(me.session.expires_at_ms > me.session.server_now_ms);
}

#[tokio::test]
async fn test_login_refuses_bad_input_with_field_errors_and_production_will_not_start_without_idporten()
 {
    let app = spawn_app().await;
    let r = app
        .post(
            "/api/auth/test-login",
            &json!({ "eid": "facebook", "fodselsnummer": "28083638683", "name": " " }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = r.json().await.unwrap();
    assert_eq!(
        body.fields.keys().collect::<Vec<_>>(),
        vec!["eid", "fodselsnummer", "name"]
    );
    assert!(!body.message.contains("28083638683"));

    // Production without ID-porten refuses to start: the test login is never offered there.
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::for_tests(format!("sqlite://{}/p.db", dir.path().display()));
    config.production = true;
    let refused = Application::build(config)
        .await
        .err()
        .expect("refuses to start");
    assert!(refused.to_string().contains("BP_OIDC_ISSUER"), "{refused}");
}

#[tokio::test]
async fn organisation_lookup_finds_nhn_and_refuses_bad_numbers() {
    let app = spawn_app().await;
    app.login().await;
    let nhn: OrganisationChoice = app
        .get("/api/organisations/994598759")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(nhn.organisation.display(), "NORSK HELSENETT SF (994598759)");
    assert_eq!(
        nhn.standing,
        Standing::Holds(common::api::Authority::DagligLeder)
    );
    let trondheim: OrganisationChoice = app
        .get("/api/organisations/942110464")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        trondheim.standing,
        Standing::Unknown,
        "no roles for Trondheim in the extract: the rule is shown instead"
    );
    let r = app.get("/api/organisations/994598758").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = r.json().await.unwrap();
    assert_eq!(body.fields["orgnr"].error, common::FieldError::BadChecksum);
    assert_eq!(
        app.get("/api/organisations/945627913").await.status(),
        StatusCode::OK
    );
    // Valid numbers, but deleted from / bankrupt in the registry, or not in it at all.
    let deleted: ErrorBody = app
        .get("/api/organisations/858813999")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        deleted.fields["orgnr"].error,
        common::FieldError::OrgDeleted
    );
    let bankrupt: ErrorBody = app
        .get("/api/organisations/998797306")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        bankrupt.fields["orgnr"].error,
        common::FieldError::OrgBankrupt
    );
    assert_eq!(
        app.get("/api/organisations/814170756").await.status(),
        StatusCode::NOT_FOUND
    );
}

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
        .json(&order(answers))
        .send()
        .await
        .unwrap();
    let body: ErrorBody = r.json().await.unwrap();
    assert!(body.fields["kommune_navn"].message.starts_with("You must"));
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
        .json(&json!({ "eid": "minid", "fodselsnummer": "22069015569", "name": "Annen Person" }))
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
async fn an_expired_session_gets_session_expired_and_logout_ends_the_session() {
    let dir = std::sync::Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_with(dir, |c| c.session_lifetime_secs = 1).await;
    app.login().await;
    assert_eq!(app.get("/api/me").await.status(), StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    let r = app.post("/api/orders", &order(valid_answers())).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        r.json::<ErrorBody>().await.unwrap().error,
        ErrorCode::SessionExpired
    );

    let app = spawn_app().await;
    app.login().await;
    let r = app.post("/api/auth/logout", &json!({})).await;
    assert_eq!(r.status(), StatusCode::OK);
    let body: common::api::LogoutResponse = r.json().await.unwrap();
    assert_eq!(
        body.end_session_url, None,
        "no ID-porten session to end after a test login"
    );
    assert_eq!(app.get("/api/me").await.status(), StatusCode::UNAUTHORIZED);
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
    let other = login_as(&app, "22069015569", "Ola Annen").await;
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
async fn only_a_role_holder_may_order_for_a_unit_whose_roles_are_known() {
    let app = spawn_app().await;
    // DEMO LEGEKONTOR AS: Kari Testperson (born 1988-10-08) is daglig leder, Ola Annen chairs the board.
    let kari = login_as(&app, "08908834756", "Kari Testperson").await;
    let ola = login_as(&app, "22069015569", "Ola Annen").await;
    let mut body = order(valid_answers());
    body["orgnr"] = json!("945627913");

    let choice: OrganisationChoice = get_json(&kari, &app, "/api/organisations/945627913").await;
    assert_eq!(choice.standing, Standing::Holds(Authority::DagligLeder));
    let receipt: Receipt = kari
        .post(format!("{}/api/orders", app.base))
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();

    // The authorization table: every organisation-scoped endpoint, as a person without authority.
    let choice: OrganisationChoice = get_json(&ola, &app, "/api/organisations/945627913").await;
    assert_eq!(choice.standing, Standing::Lacks);
    for path in ["/api/orders/validate", "/api/orders"] {
        let r = ola
            .post(format!("{}{path}", app.base))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        let error: ErrorBody = r.json().await.unwrap();
        assert_eq!(
            error.fields["orgnr"].error,
            common::FieldError::NoAuthority,
            "{path}"
        );
    }
    let r = ola
        .get(format!("{}/api/orders/{}", app.base, receipt.reference))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::NOT_FOUND,
        "another person's receipt is not there for Ola"
    );
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
    let pool = sqlx::SqlitePool::connect(&app.db_url).await.unwrap();
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
async fn extending_always_moves_the_expiry_even_right_after_activity() {
    let app = spawn_with(std::sync::Arc::new(tempfile::tempdir().unwrap()), |c| {
        c.session_lifetime_secs = 40
    })
    .await;
    let me = app.login().await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let r = app.post("/api/session/extend", &json!({})).await;
    assert_eq!(r.status(), StatusCode::OK);
    let header: i64 = r.headers()["x-session-expires-at"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let info: common::api::SessionInfo = r.json().await.unwrap();
    assert!(
        info.expires_at_ms >= me.session.expires_at_ms + 1000,
        "moved by the second that passed"
    );
    assert_eq!(
        header, info.expires_at_ms,
        "the header tells the same new expiry"
    );
}

#[tokio::test]
async fn the_evidence_keeps_who_accepted_without_their_fodselsnummer() {
    let app = spawn_app().await;
    app.login().await;
    let receipt = app.submitted(&order(valid_answers())).await;
    let db = sqlx::SqlitePool::connect(&app.db_url).await.unwrap();
    let (fnr, name): (String, String) = sqlx::query_as(
        "SELECT a.accepted_by_fnr, a.accepted_by_name FROM acceptances a JOIN orders o ON o.id = a.order_id WHERE o.reference = ?",
    )
    .bind(&receipt.reference)
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(name, "Kari Testperson");
    assert!(!fnr.contains("08908834756"), "stored protected: {fnr}");
    // NHN, holding the key, can still show it was this person.
    assert_eq!(
        fnr,
        server::seal::Sealer::development().protect_fnr("08908834756")
    );
}
