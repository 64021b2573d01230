//! A case as the customer centre reads it (issue 15.3): the organisation as
//! Enhetsregisteret has it, the order's acceptance evidence, its signed package and its
//! attachments — each download in the audit log — and what only a leder does: give a case
//! to a colleague, read the numbers of a period.

use common::OrderStatus;
use common::api::staff::{CaseNumbers, CaseView, StaffMember};
use common::api::{ErrorBody, Uploaded};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::*;
use crate::persons::KARI;
use crate::signing::{SIGNER_FNR, SIGNER_NAME, ddfl_order, signed, start_signing};

/// A GP office where Kari is daglig leder (the bundled registry's roles).
const LEGEKONTOR: &str = "945627913";

const PDF: &[u8] =
    b"%PDF-1.7\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n";

async fn post(client: &reqwest::Client, app: &TestApp, path: &str, body: Value) -> StatusCode {
    let r = client
        .post(format!("{}{path}", app.base))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = r.status();
    if status.is_server_error() {
        eprintln!("{path}: {}", r.text().await.unwrap());
    }
    status
}

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> reqwest::Response {
    client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .unwrap()
}

/// A domain order for the legekontor with a self-declaration attached: its reference.
async fn domain_order_with_attachment(app: &TestApp, kari: &reqwest::Client) -> String {
    let uploaded: Uploaded = kari
        .post(format!("{}/api/attachments", app.base))
        .header("X-File-Name", "egenerkl%C3%A6ring.pdf")
        .body(PDF.to_vec())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let receipt: common::api::Receipt = kari
        .post(format!("{}/api/orders", app.base))
        .json(&json!({
            "service": "domene", "orgnr": LEGEKONTOR, "accepted_documents": [],
            "answers": {
                "handling": "ny", "domenenavn": "bo-legesenter.no", "egenerklaering": uploaded.reference,
                "kontakt_navn": "Kari Nordmann", "kontakt_mobil": "91234567", "kontakt_epost": "kari@lege.no"
            }
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    receipt.reference
}

#[tokio::test]
async fn the_case_shows_registry_data_and_evidence_and_every_download_is_audited() {
    let app = spawn_app().await;
    app.login().await;
    let started = start_signing(&app, &ddfl_order()).await;
    let ddfl = signed(&app, &started.id, SIGNER_FNR, SIGNER_NAME)
        .await
        .reference
        .expect("signed");
    let kari = login_as(&app, KARI.0, KARI.1).await;
    let domain = domain_order_with_attachment(&app, &kari).await;
    let siri = staff_as(&app, "Siri", "saksbehandler").await;

    // The signed DDFL order: the registry's data, the terms signed, the package.
    let case: CaseView = get_json(&siri, &app, &format!("/api/staff/orders/{ddfl}")).await;
    let registry = case.registry.expect("the bundled registry knows the unit");
    assert_eq!(registry.organisation.orgnr, LEGEKONTOR);
    assert!(!registry.role_holders.is_empty(), "{registry:?}");
    assert_eq!(case.documents.signed.len(), 1);
    assert_eq!(case.documents.signed[0].signer, SIGNER_NAME);
    let accepted = &case.documents.accepted;
    assert!(
        accepted
            .iter()
            .all(|a| a.order_reference == ddfl && !a.sha256.is_empty()),
        "{accepted:?}"
    );
    assert!(accepted.iter().any(|a| a.document_id == "bruksvilkar-ddfl"));
    assert!(case.documents.attachments.is_empty());
    let package = get(&siri, &app, &format!("/api/staff/orders/{ddfl}/signed.pdf")).await;
    assert_eq!(package.status(), StatusCode::OK);
    assert_eq!(package.headers()["content-type"], "application/pdf");
    assert!(pdf_text(&package.bytes().await.unwrap()).contains(SIGNER_NAME));

    // The domain order: only its own attachment, the same bytes the customer sent.
    let case: CaseView = get_json(&siri, &app, &format!("/api/staff/orders/{domain}")).await;
    assert!(case.documents.signed.is_empty());
    let [file] = case.documents.attachments.as_slice() else {
        panic!("one attachment: {:?}", case.documents.attachments)
    };
    assert_eq!(file.name, "egenerklæring.pdf");
    let bytes = get(
        &siri,
        &app,
        &format!("/api/staff/orders/{domain}/attachments/{}", file.id),
    )
    .await
    .bytes()
    .await
    .unwrap();
    assert_eq!(&bytes[..], PDF);
    // Not through another case, and no package where none was signed.
    let elsewhere = format!("/api/staff/orders/{ddfl}/attachments/{}", file.id);
    assert_eq!(
        get(&siri, &app, &elsewhere).await.status(),
        StatusCode::NOT_FOUND
    );
    let none = format!("/api/staff/orders/{domain}/signed.pdf");
    assert_eq!(
        get(&siri, &app, &none).await.status(),
        StatusCode::NOT_FOUND
    );
    // Nor for a customer, even the one who sent it.
    let path = format!("/api/staff/orders/{domain}/attachments/{}", file.id);
    assert_eq!(
        get(&kari, &app, &path).await.status(),
        StatusCode::UNAUTHORIZED
    );

    let lars = staff_as(&app, "Lars", "leder").await;
    let audit: Vec<common::api::staff::AuditEntry> =
        get_json(&lars, &app, "/api/staff/audit").await;
    let downloads: Vec<(Option<&str>, &str)> = audit
        .iter()
        .filter(|a| a.event.kind == "downloaded")
        .map(|a| (a.reference.as_deref(), a.event.detail.as_str()))
        .collect();
    assert_eq!(
        downloads,
        [
            (Some(domain.as_str()), "egenerklæring.pdf"),
            (Some(ddfl.as_str()), "signert-dokument.pdf"),
        ]
    );
}

#[tokio::test]
async fn a_leder_gives_cases_to_colleagues_and_reads_the_numbers_of_a_period() {
    let app = spawn_app().await;
    let kari = login_as(&app, KARI.0, KARI.1).await;
    let mut references = Vec::new();
    for _ in 0..3 {
        let receipt = submitted_by(&kari, &app.base, &order(valid_answers())).await;
        references.push(receipt.reference);
    }
    let siri = staff_as(&app, "Siri", "saksbehandler").await;
    let lars = staff_as(&app, "Lars", "leder").await;

    // Only a leder lists colleagues, assigns and reads the numbers.
    for path in ["/api/staff/members", "/api/staff/numbers"] {
        assert_eq!(get(&siri, &app, path).await.status(), StatusCode::FORBIDDEN);
    }
    let members: Vec<StaffMember> = get_json(&lars, &app, "/api/staff/members").await;
    let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Lars (test)", "Siri (test)"]);
    let siri_subject = members[1].subject.clone();
    let assign = |reference: &str| format!("/api/staff/orders/{reference}/assign");
    assert_eq!(
        post(
            &siri,
            &app,
            &assign(&references[0]),
            json!({ "to": siri_subject })
        )
        .await,
        StatusCode::FORBIDDEN
    );
    let r = lars
        .post(format!("{}{}", app.base, assign(&references[0])))
        .json(&json!({ "to": "test:nobody" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = r.json().await.unwrap();
    assert!(body.fields.contains_key("to"));
    assert_eq!(
        post(
            &lars,
            &app,
            &assign("BP-FINNES-IKKE"),
            json!({ "to": siri_subject })
        )
        .await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        post(
            &lars,
            &app,
            &assign(&references[0]),
            json!({ "to": siri_subject })
        )
        .await,
        StatusCode::NO_CONTENT
    );
    // Siri finds it among hers; its history says who gave it to whom.
    let mine: common::api::staff::QueuePage =
        get_json(&siri, &app, "/api/staff/orders?assigned=me").await;
    assert_eq!(mine.items.len(), 1);
    assert_eq!(mine.items[0].reference, references[0]);
    let case: CaseView =
        get_json(&siri, &app, &format!("/api/staff/orders/{}", references[0])).await;
    assert!(
        case.history
            .iter()
            .any(|e| e.kind == "assigned" && e.by == "Lars (test)" && e.detail == "Siri (test)")
    );

    // Siri answers one case and completes another; the third waits.
    let case_path = |reference: &str, end: &str| format!("/api/staff/orders/{reference}/{end}");
    for reference in &references[..2] {
        assert_eq!(
            post(&siri, &app, &case_path(reference, "take"), json!({})).await,
            StatusCode::NO_CONTENT
        );
    }
    assert_eq!(
        post(
            &siri,
            &app,
            &case_path(&references[0], "reply"),
            json!({ "text": "Vi ser på saken." })
        )
        .await,
        StatusCode::NO_CONTENT
    );
    // DigiHelse wants ServiceBus activated before Fullført.
    assert_eq!(
        post(
            &siri,
            &app,
            &case_path(&references[1], "servicebus"),
            json!({})
        )
        .await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        post(
            &siri,
            &app,
            &case_path(&references[1], "status"),
            json!({ "from": "under_behandling", "to": "fullfort" })
        )
        .await,
        StatusCode::NO_CONTENT
    );

    let today = jiff::Zoned::now()
        .with_time_zone(jiff::tz::TimeZone::get("Europe/Oslo").unwrap())
        .date()
        .to_string();
    let numbers: CaseNumbers = get_json(
        &lars,
        &app,
        &format!("/api/staff/numbers?from={today}&to={today}"),
    )
    .await;
    assert_eq!(
        (numbers.from.as_str(), numbers.to.as_str()),
        (today.as_str(), today.as_str())
    );
    let [digihelse] = numbers.services.as_slice() else {
        panic!("{:?}", numbers.services)
    };
    assert_eq!(digihelse.service, "digitaleinnbyggertjenester");
    assert_eq!(digihelse.orders, 3);
    let count = |status| {
        digihelse
            .by_status
            .iter()
            .find(|(s, _)| *s == status)
            .unwrap()
            .1
    };
    assert_eq!(count(OrderStatus::UnderBehandling), 1);
    assert_eq!(count(OrderStatus::Fullfort), 1);
    assert_eq!(count(OrderStatus::Mottatt), 1);
    // Answered (the reply; the completion) and completed the same day: 0 working days.
    assert_eq!(digihelse.first_answer.cases, 2);
    assert_eq!(digihelse.first_answer.median, Some(0.0));
    assert_eq!(digihelse.completed.cases, 1);
    assert_eq!(digihelse.completed.p90, Some(0.0));
    assert_eq!(numbers.total.orders, 3);
    // The default period (the last 30 days) has them too; a period before them has none.
    let default: CaseNumbers = get_json(&lars, &app, "/api/staff/numbers").await;
    assert_eq!(default.total.orders, 3);
    let before: CaseNumbers = get_json(
        &lars,
        &app,
        "/api/staff/numbers?from=01.01.2020&to=2020-12-31",
    )
    .await;
    assert_eq!(before.total.orders, 0);
    assert!(before.services.is_empty());
    assert_eq!(before.total.first_answer.median, None);
    // A period that is not one is refused at its field.
    for (query, field) in [
        ("from=2026-13-01", "from"),
        ("from=2026-11-30&to=2026-11-01", "to"),
        ("to=i%20morgen", "to"),
    ] {
        let r = get(&lars, &app, &format!("/api/staff/numbers?{query}")).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        let body: ErrorBody = r.json().await.unwrap();
        assert!(body.fields.contains_key(field), "{query}: {body:?}");
    }
}
