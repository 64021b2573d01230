//! ServiceBus activation by the customer centre (issue 15.5), against a real SMTP server
//! and a local SMS gateway: the username to the contact's mailbox, a password to the
//! mobile by SMS and nowhere else, the service active once the case is Fullført.

use common::api::ErrorBody;
use common::api::staff::CaseView;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;
use crate::persons::KARI;
use crate::sms_stub::{self, SmsStub};
use crate::smtp::{TestSmtp, wait_for_mail};

/// POSTs `body` to the case's `action` as `staff`.
async fn act(
    staff: &reqwest::Client,
    app: &TestApp,
    reference: &str,
    action: &str,
    body: serde_json::Value,
) -> reqwest::Response {
    staff
        .post(format!(
            "{}/api/staff/orders/{reference}/{action}",
            app.base
        ))
        .json(&body)
        .send()
        .await
        .unwrap()
}

/// The field error's code at `field` of a 422.
async fn refused_at(r: reqwest::Response, field: &str) -> String {
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = r.json().await.unwrap();
    serde_json::to_value(body.fields[field].error).unwrap()["code"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn activation_sends_the_username_by_mail_and_the_password_by_sms_only() {
    let smtp = TestSmtp::start();
    let sms = SmsStub::start().await;
    let app = spawn_with(std::sync::Arc::new(tempfile::tempdir().unwrap()), |c| {
        smtp.configure(c);
        sms.configure(c);
    })
    .await;
    let kari = login_as(&app, KARI.0, KARI.1).await;
    let receipt = submitted_by(&kari, &app.base, &order(valid_answers())).await;
    let reference = receipt.reference;
    let siri = staff_as(&app, "Siri", "saksbehandler").await;

    // Not before the case is taken; then not Fullført before the activation.
    let r = act(&siri, &app, &reference, "servicebus", json!({})).await;
    assert_eq!(refused_at(r, "servicebus").await, "case_not_in_handling");
    assert_eq!(
        act(&siri, &app, &reference, "take", json!({}))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    let complete = json!({ "from": "under_behandling", "to": "fullfort" });
    let r = act(&siri, &app, &reference, "status", complete.clone()).await;
    assert_eq!(refused_at(r, "to").await, "service_bus_first");

    let case: CaseView = get_json(&siri, &app, &format!("/api/staff/orders/{reference}")).await;
    let asked = case.servicebus.expect("DigiHelse asks for ServiceBus");
    assert_eq!(
        (
            asked.email.as_str(),
            asked.mobile.as_str(),
            &asked.activated
        ),
        ("kari@orland.kommune.no", "91234567", &None)
    );
    assert_eq!(
        act(&siri, &app, &reference, "servicebus", json!({}))
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    // Once: a second activation is refused, and nothing more is sent.
    let r = act(&siri, &app, &reference, "servicebus", json!({})).await;
    assert_eq!(
        refused_at(r, "servicebus").await,
        "service_bus_activated_already"
    );

    let case: CaseView = get_json(&siri, &app, &format!("/api/staff/orders/{reference}")).await;
    let done = case.servicebus.unwrap().activated.expect("activated");
    assert_eq!(done.username, "sb-994598759-1");
    assert_eq!(done.by, "Siri (test)");
    let entry = case
        .history
        .iter()
        .find(|e| e.kind == "activated")
        .expect("in the history");
    assert!(entry.detail.contains("sb-994598759-1"), "{}", entry.detail);

    // The username by e-mail to the contact …
    let mail = wait_for_mail(&smtp.maildir, |m| m.contains("ServiceBus er aktivert")).await;
    assert!(mail.starts_with("kari@orland.kommune.no|"), "{mail}");
    assert!(mail.contains("Brukernavn: sb-994598759-1"), "{mail}");
    // … the password by SMS to the mobile, with the gateway's token, and in the mail never.
    let texts = sms.wait_for(1).await;
    assert_eq!(texts.len(), 1);
    let text = &texts[0];
    assert_eq!(text.authorization, format!("Bearer {}", sms_stub::TOKEN));
    assert_eq!(text.body["to"], "+4791234567");
    assert!(!text.idempotency_key.is_empty());
    let message = text.body["message"].as_str().unwrap();
    let password = message
        .split(": ")
        .nth(1)
        .and_then(|rest| rest.lines().next())
        .expect("the password in the SMS");
    assert_eq!(password.len(), 16, "{message}");
    assert!(!mail.contains(password));

    // Kept nowhere: not in the history, the audit log, or the sent SMS's stored row.
    let db = server::db::open(&app.db_url).await.unwrap();
    let sms_bodies: Vec<String> = sqlx::query_scalar(
        "SELECT body FROM notifications WHERE channel = 'sms' AND sent_at_ms IS NOT NULL",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    assert_eq!(sms_bodies, [""]);
    let details: Vec<String> = sqlx::query_scalar("SELECT detail FROM case_events")
        .fetch_all(&db)
        .await
        .unwrap();
    assert!(details.iter().all(|d| !d.contains(password)));

    // Ordered, not active, until the case is Fullført; then active.
    let services = || async {
        let list: Vec<common::api::ServiceStatus> =
            get_json(&kari, &app, "/api/organisations/994598759/services").await;
        list.into_iter()
            .find(|s| s.slug == "digitaleinnbyggertjenester")
            .map(|s| (s.ordered, s.active))
    };
    assert_eq!(services().await, Some((true, false)));
    assert_eq!(
        act(&siri, &app, &reference, "status", complete)
            .await
            .status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(services().await, Some((false, true)));
    // Closed: no activation on a closed case.
    let r = act(&siri, &app, &reference, "servicebus", json!({})).await;
    assert_eq!(refused_at(r, "servicebus").await, "case_not_in_handling");
}

#[tokio::test]
async fn an_order_that_did_not_ask_for_servicebus_is_completed_without_it() {
    let app = spawn_app().await;
    let kari = login_as(&app, KARI.0, KARI.1).await;
    let connection = json!({
        "service": "tilknytning", "orgnr": "994598759", "accepted_documents": [],
        "answers": { "adresse": "Storgata 1", "postnummer": "0155", "poststed": "Oslo", "etasje": "2", "rom": "Serverrom",
            "linjeleverandor": "nhn", "kontakt_navn": "Kari", "kontakt_mobil": "91234567", "kontakt_epost": "kari@nhn.no" }
    });
    let r = kari
        .post(format!("{}/api/orders", app.base))
        .json(&connection)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let reference = r.json::<common::api::Receipt>().await.unwrap().reference;
    let siri = staff_as(&app, "Siri", "saksbehandler").await;
    act(&siri, &app, &reference, "take", json!({})).await;
    let case: CaseView = get_json(&siri, &app, &format!("/api/staff/orders/{reference}")).await;
    assert_eq!(case.servicebus, None);
    let r = act(&siri, &app, &reference, "servicebus", json!({})).await;
    assert_eq!(refused_at(r, "servicebus").await, "service_bus_not_ordered");
    let r = act(
        &siri,
        &app,
        &reference,
        "status",
        json!({ "from": "under_behandling", "to": "fullfort" }),
    )
    .await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
}
