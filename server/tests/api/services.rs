//! The services of issue 4 beyond the form engine: attachments (PDF by content, size,
//! ownership, bound to the order), HelseID's prerequisites and tracker, Persontjenesten's
//! readiness and access requests, Personregister pointing on, the portal's pages.

use crate::persons::{KARI, OLA};
use std::time::{Duration, Instant};

use common::api::{
    AccessRequest, AccessRequests, CustomerInfo, HelseIdProgress, MailboxEntry, OrgDocuments,
    ReadinessItem, Receipt, Uploaded,
};
use common::validate::MAX_ATTACHMENT_BYTES;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::*;

/// Kari is daglig leder here (the bundled registry's roles).
const LEGEKONTOR: &str = "945627913";

const PDF: &[u8] =
    b"%PDF-1.7\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n";

async fn upload(
    client: &reqwest::Client,
    app: &TestApp,
    bytes: Vec<u8>,
    name: &str,
) -> reqwest::Response {
    client
        .post(format!("{}/api/attachments", app.base))
        .header("X-File-Name", name)
        .body(bytes)
        .send()
        .await
        .unwrap()
}

async fn post(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    body: &Value,
) -> reqwest::Response {
    client
        .post(format!("{}{path}", app.base))
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn field_error(r: reqwest::Response, path: &str) -> String {
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = r.json().await.unwrap();
    body["fields"][path]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn domain_order(orgnr: &str, attachment: &str) -> Value {
    json!({
        "service": "domene", "orgnr": orgnr, "accepted_documents": [],
        "answers": {
            "handling": "ny", "domenenavn": "Bø-Legesenter.no", "egenerklaering": attachment,
            "kontakt_navn": "Kari Nordmann", "kontakt_mobil": "91234567", "kontakt_epost": "kari@lege.no"
        }
    })
}

#[tokio::test]
async fn attachments_are_pdfs_by_content_within_the_limit_and_travel_with_the_order() {
    let app = spawn_app().await;
    let kari = login_as(&app, KARI.0, KARI.1).await;

    // A Word file named .pdf, an empty file, one byte over the limit: clear 422s.
    let docx = upload(
        &kari,
        &app,
        b"PK\x03\x04word/document.xml".to_vec(),
        "egenerkl%C3%A6ring.pdf",
    )
    .await;
    assert!(field_error(docx, "file").await.contains("må være en PDF"));
    assert!(
        field_error(upload(&kari, &app, Vec::new(), "tom.pdf").await, "file")
            .await
            .contains("tom")
    );
    let mut big = PDF.to_vec();
    big.resize(MAX_ATTACHMENT_BYTES + 1, b' ');
    assert!(
        field_error(upload(&kari, &app, big, "stor.pdf").await, "file")
            .await
            .contains("5 MB")
    );

    let r = upload(&kari, &app, PDF.to_vec(), "egenerkl%C3%A6ring.pdf").await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let uploaded: Uploaded = r.json().await.unwrap();
    assert_eq!(uploaded.name, "egenerklæring.pdf");

    // Someone else cannot use or fetch it.
    let ola = login_as(&app, OLA.0, OLA.1).await;
    let theirs = post(
        &ola,
        &app,
        "/api/orders",
        &domain_order("994598759", &uploaded.reference),
    )
    .await;
    assert!(
        field_error(theirs, "egenerklaering")
            .await
            .contains("Vedlegget mangler")
    );
    let id = uploaded.reference.split(':').next().unwrap();
    let r = ola
        .get(format!("{}/api/attachments/{id}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);

    // The owner's order takes it: stored with the order, listed under Dokumentoversikt.
    let r = post(
        &kari,
        &app,
        "/api/orders",
        &domain_order(LEGEKONTOR, &uploaded.reference),
    )
    .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let receipt: Receipt = r.json().await.unwrap();
    assert_eq!(receipt.answers.one("domenenavn"), "bø-legesenter.no");
    let documents: OrgDocuments = get_json(
        &kari,
        &app,
        &format!("/api/organisations/{LEGEKONTOR}/documents"),
    )
    .await;
    assert_eq!(documents.attachments.len(), 1);
    assert_eq!(documents.attachments[0].order_reference, receipt.reference);
    let file = kari
        .get(format!("{}/api/attachments/{id}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(file.headers()["content-type"], "application/pdf");
    assert_eq!(file.bytes().await.unwrap().as_ref(), PDF);
    // Once bound, it cannot be sent with a second order.
    let again = post(
        &kari,
        &app,
        "/api/orders",
        &domain_order(LEGEKONTOR, &uploaded.reference),
    )
    .await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

fn helseid(kind: &str, miljo: Option<&str>) -> Value {
    let mut answers = json!({
        "aktortype": kind, "losning_navn": "Legekontorets API",
        "systemleverandor_navn": "CGM",
        "kontakt_navn": "Kari Nordmann", "kontakt_mobil": "91234567", "kontakt_epost": "kari@lege.no"
    });
    if let Some(m) = miljo {
        answers["miljo"] = json!(m);
    }
    json!({ "service": "helseid", "orgnr": LEGEKONTOR, "answers": answers, "accepted_documents": ["vilkar-helseid"] })
}

#[tokio::test]
async fn helseid_needs_membership_and_an_approved_test_before_production() {
    let app = spawn_app().await;
    let kari = login_as(&app, KARI.0, KARI.1).await;
    let r = post(
        &kari,
        &app,
        "/api/orders",
        &helseid("tjenestetilbyder", Some("test")),
    )
    .await;
    assert!(
        field_error(r, "aktortype")
            .await
            .contains("medlem av Helsenettet")
    );
    // A system supplier need not be a member.
    let r = post(
        &kari,
        &app,
        "/api/orders/validate",
        &helseid("systemleverandor", Some("test")),
    )
    .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);

    let connection = json!({
        "service": "tilknytning", "orgnr": LEGEKONTOR, "accepted_documents": [],
        "answers": { "adresse": "Storgata 1", "postnummer": "0155", "poststed": "Oslo", "etasje": "2", "rom": "Serverrom",
            "linjeleverandor": "nhn", "kontakt_navn": "Kari", "kontakt_mobil": "91234567", "kontakt_epost": "kari@lege.no" }
    });
    assert_eq!(
        post(&kari, &app, "/api/orders", &connection).await.status(),
        StatusCode::CREATED
    );
    let r = post(
        &kari,
        &app,
        "/api/orders",
        &helseid("tjenestetilbyder", Some("test")),
    )
    .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let test: Receipt = r.json().await.unwrap();
    let progress: Vec<HelseIdProgress> = get_json(
        &kari,
        &app,
        &format!("/api/organisations/{LEGEKONTOR}/helseid"),
    )
    .await;
    assert_eq!(
        progress,
        [HelseIdProgress {
            aktortype: "tjenestetilbyder".into(),
            done: 2
        }]
    );

    let r = post(
        &kari,
        &app,
        "/api/orders",
        &helseid("tjenestetilbyder", Some("produksjon")),
    )
    .await;
    assert!(
        field_error(r, "miljo")
            .await
            .contains("godkjent i testmiljøet")
    );

    // NHN approves the test (the customer centre's status), and production may be ordered.
    let db = server::db::open(&app.db_url).await.unwrap();
    sqlx::query("UPDATE orders SET status = 'fullfort' WHERE reference = $1")
        .bind(&test.reference)
        .execute(&db)
        .await
        .unwrap();
    let progress: Vec<HelseIdProgress> = get_json(
        &kari,
        &app,
        &format!("/api/organisations/{LEGEKONTOR}/helseid"),
    )
    .await;
    assert_eq!(progress[0].done, 4);
    let r = post(
        &kari,
        &app,
        "/api/orders",
        &helseid("tjenestetilbyder", Some("produksjon")),
    )
    .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    // The approval was for the provider's solution, not for another kind.
    let r = post(
        &kari,
        &app,
        "/api/orders",
        &helseid("systemleverandor", Some("produksjon")),
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn personregister_points_to_persontjenesten() {
    let app = spawn_app().await;
    app.login().await;
    let r = app
        .post("/api/orders", &json!({ "service": "personregister", "orgnr": "994598759", "answers": {}, "accepted_documents": [] }))
        .await;
    assert!(field_error(r, "service").await.contains("Persontjenesten"));
}

#[tokio::test]
async fn readiness_is_kept_per_organisation_and_access_is_asked_and_granted() {
    let app = spawn_app().await;
    let kari = login_as(&app, KARI.0, KARI.1).await;
    let path = format!("{}/api/organisations/{LEGEKONTOR}/readiness", app.base);
    let r = kari
        .put(&path)
        .json(&json!({ "item": "brannmur", "done": true }))
        .send()
        .await
        .unwrap();
    let items: Vec<ReadinessItem> = r.json().await.unwrap();
    let brannmur = items.iter().find(|i| i.item == "brannmur").unwrap();
    assert!(brannmur.done);
    assert_eq!(brannmur.by.as_deref(), Some("Kari Testperson"));
    assert_eq!(items.iter().filter(|i| i.done).count(), 1);
    let r = kari
        .put(&path)
        .json(&json!({ "item": "kaffe", "done": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Ola acts for no one: the checklist is not his to see or change.
    let ola = login_as(&app, OLA.0, OLA.1).await;
    assert_eq!(
        ola.get(&path).send().await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        ola.put(&path)
            .json(&json!({ "item": "brannmur", "done": false }))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );

    // But he may ask Kari, the daglig leder, for rights.
    let holders: Vec<String> = get_json(
        &ola,
        &app,
        &format!("/api/organisations/{LEGEKONTOR}/tilgangsstyrere"),
    )
    .await;
    assert_eq!(holders, ["Kari Testperson", "Åse Ødegård Signatar"]);
    let request = |purposes: Value, who: &str| {
        json!({ "orgnr": LEGEKONTOR, "tilgangsstyrer": who,
            "answers": { "formal": purposes, "melding": "Trenger tilgang for oppsett av HelseID", "epost": "ola@lege.no" } })
    };
    let r = post(
        &ola,
        &app,
        "/api/access-requests",
        &request(json!([]), "Ola Annen"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = r.json().await.unwrap();
    assert!(body["fields"]["formal"].is_object() && body["fields"]["tilgangsstyrer"].is_object());
    let r = post(
        &ola,
        &app,
        "/api/access-requests",
        &request(json!(["applikasjon", "api"]), "Kari Testperson"),
    )
    .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let asked: AccessRequest = r.json().await.unwrap();
    assert_eq!(asked.status, "venter");

    // Ola cannot approve his own request; Kari sees it and approves.
    let decision = format!("/api/access-requests/{}/decision", asked.id);
    assert_eq!(
        post(&ola, &app, &decision, &json!({ "approve": true }))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let mine: AccessRequests = get_json(
        &ola,
        &app,
        &format!("/api/organisations/{LEGEKONTOR}/access-requests"),
    )
    .await;
    assert!(!mine.may_decide && mine.requests.len() == 1);
    let all: AccessRequests = get_json(
        &kari,
        &app,
        &format!("/api/organisations/{LEGEKONTOR}/access-requests"),
    )
    .await;
    assert!(all.may_decide);
    let r = post(&kari, &app, &decision, &json!({ "approve": true })).await;
    assert_eq!(r.status(), StatusCode::OK);
    // Decided once: a second decision is refused.
    assert_eq!(
        post(&kari, &app, &decision, &json!({ "approve": false }))
            .await
            .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // The checklist shows the delegation done, and Ola is told by e-mail.
    let items: Vec<ReadinessItem> = get_json(
        &kari,
        &app,
        &format!("/api/organisations/{LEGEKONTOR}/readiness"),
    )
    .await;
    let delegering = items.iter().find(|i| i.item == "delegering").unwrap();
    assert!(delegering.done && delegering.by.as_deref() == Some("Godkjent av Kari Testperson"));
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let mailbox: Vec<MailboxEntry> = app.get("/api/dev/mailbox").await.json().await.unwrap();
        if mailbox
            .iter()
            .any(|m| m.recipient == "ola@lege.no" && m.subject.contains("godkjent"))
        {
            break;
        }
        assert!(Instant::now() < deadline, "no notice to the requester");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn customer_information_comes_from_the_registry() {
    let app = spawn_app().await;
    let kari = login_as(&app, KARI.0, KARI.1).await;
    let info: CustomerInfo = get_json(
        &kari,
        &app,
        &format!("/api/organisations/{LEGEKONTOR}/customer"),
    )
    .await;
    assert_eq!(info.organisation.orgnr, LEGEKONTOR);
    // The daglig leder and the signature holder; the board's chair has no authority.
    let holders: Vec<&str> = info.role_holders.iter().map(|h| h.1.as_str()).collect();
    assert_eq!(holders, ["Kari Testperson", "Åse Ødegård Signatar"]);
    let ola = login_as(&app, OLA.0, OLA.1).await;
    let r = ola
        .get(format!(
            "{}/api/organisations/{LEGEKONTOR}/customer",
            app.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}

pub(crate) fn persontjenesten(orgnr: &str, accepted: &[&str]) -> Value {
    json!({
        "service": "persontjenesten", "orgnr": orgnr, "accepted_documents": accepted,
        "answers": {
            "opplysninger": ["fortrolig_adresse"], "formal": "Helsehjelp, helsepersonelloven § 45",
            "epj_navn": "CGM", "epj_system": "CGM Journal", "epj_versjon": "142",
            "kontakt_navn": "Kari", "kontakt_mobil": "91234567", "kontakt_epost": "kari@oslo.kommune.no"
        }
    })
}

#[tokio::test]
async fn persontjenesten_terms_accepted_for_one_unit_hold_for_the_whole_municipality() {
    let app = spawn_app().await;
    let kari = login_as(&app, KARI.0, KARI.1).await;
    // Oslo kommune's health agency (a sub-unit of 958935420) accepts the terms.
    let r = post(
        &kari,
        &app,
        "/api/orders",
        &persontjenesten("974760673", &["vilkar-persontjenesten"]),
    )
    .await;
    assert_eq!(r.status(), StatusCode::CREATED);

    // Another unit of the same municipality: told who accepted, and not asked again.
    let ola = login_as(&app, OLA.0, OLA.1).await;
    let prior: Vec<common::api::PriorAcceptance> =
        get_json(&ola, &app, "/api/organisations/958935420/acceptances").await;
    assert_eq!(prior.len(), 1);
    assert_eq!(
        (
            prior[0].document_id.as_str(),
            prior[0].accepted_by.as_str(),
            prior[0].orgnr.as_str()
        ),
        ("vilkar-persontjenesten", "Kari Testperson", "974760673")
    );
    let r = post(
        &ola,
        &app,
        "/api/orders",
        &persontjenesten("958935420", &[]),
    )
    .await;
    assert_eq!(r.status(), StatusCode::CREATED);
    let receipt: Receipt = r.json().await.unwrap();
    assert!(
        receipt.documents.is_empty(),
        "the earlier acceptance is the evidence"
    );

    // Another municipality is asked.
    let none: Vec<common::api::PriorAcceptance> =
        get_json(&ola, &app, "/api/organisations/964338531/acceptances").await;
    assert!(none.is_empty());
    let r = post(
        &ola,
        &app,
        "/api/orders",
        &persontjenesten("964338531", &[]),
    )
    .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
