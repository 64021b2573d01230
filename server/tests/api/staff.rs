//! The customer centre's API: staff and customers kept apart, the queue's filters, search
//! and paging, and a case moved along its statuses with its history.

use common::OrderStatus;
use common::api::staff::{AnswerTime, CaseView, QueuePage, StaffMe};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;
use crate::persons::KARI;

/// A DigiHelse order by `customer`: its reference.
async fn ordered(app: &TestApp, customer: &reqwest::Client) -> String {
    submitted_by(customer, &app.base, &order(valid_answers()))
        .await
        .reference
}

async fn call(client: &reqwest::Client, app: &TestApp, method: &str, path: &str) -> StatusCode {
    let url = format!("{}{path}", app.base);
    let body = json!({ "from": "mottatt", "to": "under_behandling" });
    let request = match method {
        "GET" => client.get(url),
        "PUT" => client.put(url).json(&body),
        _ => client.post(url).json(&body),
    };
    request.send().await.unwrap().status()
}

#[tokio::test]
async fn staff_and_customers_never_reach_each_others_endpoints() {
    let app = spawn_app().await;
    let customer = login_as(&app, KARI.0, KARI.1).await;
    let reference = ordered(&app, &customer).await;
    let handler = staff_as(&app, "Siri", "saksbehandler").await;
    let leader = staff_as(&app, "Lars", "leder").await;
    let nobody = reqwest::Client::new();
    let staff_endpoints = [
        ("GET", "/api/staff/me".to_owned()),
        ("GET", "/api/staff/orders".to_owned()),
        ("GET", format!("/api/staff/orders/{reference}")),
        ("POST", format!("/api/staff/orders/{reference}/take")),
        ("POST", format!("/api/staff/orders/{reference}/status")),
        ("POST", format!("/api/staff/orders/{reference}/notes")),
        ("POST", format!("/api/staff/orders/{reference}/reply")),
        ("POST", format!("/api/staff/orders/{reference}/servicebus")),
        ("GET", "/api/staff/audit".to_owned()),
        ("GET", "/api/staff/export".to_owned()),
        ("GET", "/api/staff/members".to_owned()),
        ("GET", "/api/staff/numbers".to_owned()),
        ("POST", format!("/api/staff/orders/{reference}/assign")),
        ("GET", format!("/api/staff/orders/{reference}/signed.pdf")),
        (
            "GET",
            format!("/api/staff/orders/{reference}/attachments/x"),
        ),
        ("POST", "/api/staff/logout".to_owned()),
    ];
    for (method, path) in &staff_endpoints {
        assert_eq!(
            call(&nobody, &app, method, path).await,
            StatusCode::UNAUTHORIZED,
            "{path}"
        );
        assert_eq!(
            call(&customer, &app, method, path).await,
            StatusCode::UNAUTHORIZED,
            "customer: {path}"
        );
    }
    for (method, path) in &staff_endpoints[..3] {
        for client in [&handler, &leader] {
            assert_eq!(
                call(client, &app, method, path).await,
                StatusCode::OK,
                "{path}"
            );
        }
    }
    // What only a leder does: a saksbehandler is refused.
    for path in [
        "/api/staff/audit",
        "/api/staff/members",
        "/api/staff/numbers",
    ] {
        assert_eq!(
            call(&handler, &app, "GET", path).await,
            StatusCode::FORBIDDEN,
            "{path}"
        );
        assert_eq!(
            call(&leader, &app, "GET", path).await,
            StatusCode::OK,
            "{path}"
        );
    }
    let assign = format!("/api/staff/orders/{reference}/assign");
    assert_eq!(
        call(&handler, &app, "POST", &assign).await,
        StatusCode::FORBIDDEN
    );
    // A staff session acts as no customer: every customer endpoint behind a session.
    let customer_endpoints = [
        ("GET", "/api/me".to_owned()),
        ("POST", "/api/session/extend".to_owned()),
        ("POST", "/api/attachments".to_owned()),
        ("GET", "/api/attachments/x".to_owned()),
        ("GET", "/api/drafts/digitaleinnbyggertjenester".to_owned()),
        ("PUT", "/api/drafts/digitaleinnbyggertjenester".to_owned()),
        ("POST", "/api/orders".to_owned()),
        ("POST", "/api/orders/validate".to_owned()),
        ("GET", format!("/api/orders/{reference}")),
        ("GET", format!("/api/orders/{reference}/pdf")),
        ("GET", format!("/api/orders/{reference}/conversation")),
        ("POST", format!("/api/orders/{reference}/answer")),
        ("GET", "/api/organisations".to_owned()),
        ("GET", "/api/organisations/994598759".to_owned()),
        ("GET", "/api/organisations/994598759/orders".to_owned()),
        ("GET", "/api/organisations/994598759/services".to_owned()),
        ("PUT", "/api/session/organisation".to_owned()),
        ("GET", "/api/organisations/994598759/customer".to_owned()),
        ("GET", "/api/organisations/994598759/documents".to_owned()),
        ("GET", "/api/organisations/994598759/readiness".to_owned()),
        ("PUT", "/api/organisations/994598759/readiness".to_owned()),
        ("GET", "/api/organisations/994598759/helseid".to_owned()),
        ("GET", "/api/organisations/994598759/acceptances".to_owned()),
        (
            "GET",
            "/api/organisations/994598759/tilgangsstyrere".to_owned(),
        ),
        (
            "GET",
            "/api/organisations/994598759/access-requests".to_owned(),
        ),
        ("POST", "/api/access-requests".to_owned()),
        ("POST", "/api/access-requests/1/decision".to_owned()),
        ("POST", "/api/signing".to_owned()),
        ("GET", "/api/signing/x".to_owned()),
        ("GET", format!("/api/signed/{reference}/pdf")),
    ];
    for (method, path) in &customer_endpoints {
        for client in [&handler, &leader] {
            assert_eq!(
                call(client, &app, method, path).await,
                StatusCode::UNAUTHORIZED,
                "staff session: {method} {path}"
            );
        }
    }
    let me: StaffMe = get_json(&leader, &app, "/api/staff/me").await;
    assert_eq!(
        (me.name.as_str(), me.role.as_str()),
        ("Lars (test)", "leder")
    );
    // A role that is not one is refused at the field.
    let r = reqwest::Client::new()
        .post(format!("{}/api/staff/test-login", app.base))
        .json(&json!({ "name": "X", "role": "admin" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_queue_filters_searches_and_pages_and_a_case_moves_with_its_history() {
    let app = spawn_app().await;
    let customer = login_as(&app, KARI.0, KARI.1).await;
    let mut references = Vec::new();
    for _ in 0..53 {
        references.push(ordered(&app, &customer).await);
    }
    let siri = staff_as(&app, "Siri", "saksbehandler").await;
    // Newest first, 50 a page, then the rest by the cursor; no row twice.
    let first: QueuePage = get_json(&siri, &app, "/api/staff/orders").await;
    assert_eq!(first.items.len(), 50);
    assert_eq!(first.items[0].reference, references[52]);
    let next = first.next.clone().expect("a second page");
    let second: QueuePage = get_json(&siri, &app, &format!("/api/staff/orders?after={next}")).await;
    assert_eq!(second.items.len(), 3);
    assert_eq!(second.next, None);
    assert_eq!(second.items[2].reference, references[0]);
    let oldest: QueuePage = get_json(&siri, &app, "/api/staff/orders?order=oldest").await;
    assert_eq!(oldest.items[0].reference, references[0]);
    // Today's orders are on time, open, unassigned.
    let item = &first.items[0];
    assert_eq!(
        (item.age_working_days, item.answer_time),
        (0, Some(AnswerTime::OnTime))
    );
    assert_eq!(item.status, OrderStatus::Mottatt);

    // Search by reference (any case), org number (spaces too) and part of the name.
    let target = &references[10];
    let found: QueuePage = get_json(
        &siri,
        &app,
        &format!("/api/staff/orders?q={}", target.to_lowercase()),
    )
    .await;
    assert_eq!(found.items.len(), 1);
    assert_eq!(&found.items[0].reference, target);
    let by_orgnr: QueuePage = get_json(&siri, &app, "/api/staff/orders?q=994%20598%20759").await;
    assert_eq!(by_orgnr.items.len(), 50);
    let by_name: QueuePage = get_json(&siri, &app, "/api/staff/orders?q=finnes-ikke%25").await;
    assert!(by_name.items.is_empty());

    // Siri takes a case: hers, Under behandling; asks for a clarification with a reason.
    let r = siri
        .post(format!("{}/api/staff/orders/{target}/take", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let mine: QueuePage = get_json(&siri, &app, "/api/staff/orders?assigned=me").await;
    assert_eq!(mine.items.len(), 1);
    assert_eq!(mine.items[0].status, OrderStatus::UnderBehandling);
    let unassigned: QueuePage = get_json(
        &siri,
        &app,
        "/api/staff/orders?assigned=none&order=oldest&after=0",
    )
    .await;
    assert_eq!(unassigned.items.len(), 50);
    assert!(unassigned.items.iter().all(|i| &i.reference != target));
    let status = |from: &str, to: &str, reason: Option<&str>| {
        let siri = siri.clone();
        let url = format!("{}/api/staff/orders/{target}/status", app.base);
        let body = json!({ "from": from, "to": to, "reason": reason });
        async move { siri.post(url).json(&body).send().await.unwrap().status() }
    };
    assert_eq!(
        status("under_behandling", "trenger_avklaring", None).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        status("under_behandling", "mottatt", None).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        status(
            "under_behandling",
            "trenger_avklaring",
            Some("Hvilken HER-id har legevakten?")
        )
        .await,
        StatusCode::NO_CONTENT
    );
    // Someone who still saw it Under behandling cannot complete it.
    assert_eq!(
        status("under_behandling", "fullfort", None).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let filtered: QueuePage =
        get_json(&siri, &app, "/api/staff/orders?status=trenger_avklaring").await;
    assert_eq!(filtered.items.len(), 1);
    let r = siri
        .get(format!("{}/api/staff/orders?status=godkjent", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The export: the same filter, every row, for Excel.
    let csv = siri
        .get(format!(
            "{}/api/staff/export?status=trenger_avklaring",
            app.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let bytes = csv.bytes().await.unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .starts_with(&format!("{target};"))
    );
    assert!(!text.contains(KARI.0));
    let all = siri
        .get(format!("{}/api/staff/export", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(
        all.text().await.unwrap().lines().count(),
        54,
        "every row, not a page"
    );
    let overdue: QueuePage = get_json(&siri, &app, "/api/staff/orders?overdue=true").await;
    assert!(
        overdue.items.is_empty(),
        "nothing submitted today is overdue"
    );

    // The case: the answers, and its history with every action, viewing included.
    let case: CaseView = get_json(&siri, &app, &format!("/api/staff/orders/{target}")).await;
    assert_eq!(case.item.status, OrderStatus::TrengerAvklaring);
    assert_eq!(case.answers.one("kommune_navn"), "Ørland kommune");
    let kinds: Vec<(&str, &str)> = case
        .history
        .iter()
        .map(|e| (e.kind.as_str(), e.detail.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("taken", ""),
            ("status", "mottatt → under_behandling"),
            ("status", "under_behandling → trenger_avklaring"),
            ("reason", "Hvilken HER-id har legevakten?"),
            ("viewed", ""),
        ]
    );
    assert!(case.history.iter().all(|e| e.by == "Siri (test)"));
    // The customer sees the new status in "Mine bestillinger"; the mail said no more than that.
    let listed: Vec<common::api::OrderSummary> =
        get_json(&customer, &app, "/api/organisations/994598759/orders").await;
    let mine = listed.iter().find(|o| &o.reference == target).unwrap();
    assert_eq!(mine.status, OrderStatus::TrengerAvklaring);
    let mailbox: Vec<common::api::MailboxEntry> =
        get_json(&customer, &app, "/api/dev/mailbox").await;
    let told = mailbox
        .iter()
        .find(|m| m.subject.contains(target.as_str()) && m.subject.starts_with("Ny status"))
        .expect("the contact is told");
    assert!(
        told.body.contains("Trenger avklaring") && !told.body.contains("legevakten"),
        "{}",
        told.body
    );
}

#[tokio::test]
async fn notes_stay_inside_replies_reach_the_submitter_and_the_customers_answer_reopens_the_case() {
    let app = spawn_app().await;
    let customer = login_as(&app, KARI.0, KARI.1).await;
    let reference = ordered(&app, &customer).await;
    let siri = staff_as(&app, "Siri", "saksbehandler").await;
    let lars = staff_as(&app, "Lars", "leder").await;
    let post = |client: &reqwest::Client, path: String, body: serde_json::Value| {
        let request = client.post(format!("{}{path}", app.base)).json(&body);
        async move { request.send().await.unwrap().status() }
    };
    let case = |end: &str| format!("/api/staff/orders/{reference}/{end}");
    assert_eq!(
        post(&siri, case("take"), json!({})).await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        post(
            &siri,
            case("notes"),
            json!({ "text": "Ringte kommunen, venter på HER-id." })
        )
        .await,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        post(&siri, case("notes"), json!({ "text": "  " })).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        post(
            &siri,
            case("reply"),
            json!({ "text": "Takk, vi ser på saken i dag." })
        )
        .await,
        StatusCode::NO_CONTENT
    );
    // Nothing waits for the customer yet: an answer is refused at the field.
    let answer = format!("/api/orders/{reference}/answer");
    assert_eq!(
        post(&customer, answer.clone(), json!({ "text": "Her er den." })).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        post(
            &siri,
            case("status"),
            json!({ "from": "under_behandling", "to": "trenger_avklaring", "reason": "Hvilken HER-id har legevakten?" })
        )
        .await,
        StatusCode::NO_CONTENT
    );
    // The customer sees the question and the reply, never the note, and answers.
    let conversation: Vec<common::api::staff::CaseEvent> = get_json(
        &customer,
        &app,
        &format!("/api/orders/{reference}/conversation"),
    )
    .await;
    let seen: Vec<(&str, &str)> = conversation
        .iter()
        .map(|e| (e.kind.as_str(), e.detail.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("reply", "Takk, vi ser på saken i dag."),
            ("reason", "Hvilken HER-id har legevakten?")
        ]
    );
    assert_eq!(
        post(&customer, answer.clone(), json!({ "text": "8765499" })).await,
        StatusCode::NO_CONTENT
    );
    let view: CaseView = get_json(&siri, &app, &format!("/api/staff/orders/{reference}")).await;
    assert_eq!(view.item.status, OrderStatus::UnderBehandling);
    assert!(
        view.history
            .iter()
            .any(|e| e.kind == "answer" && e.detail == "8765499" && e.by == KARI.1)
    );
    assert!(view.history.iter().any(|e| e.kind == "note"));
    // Another person cannot read or answer the conversation.
    let ola = login_as(&app, crate::persons::OLA.0, crate::persons::OLA.1).await;
    let r = ola
        .get(format!("{}/api/orders/{reference}/conversation", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    // The reply went to the order's contact by e-mail, once.
    let mailbox: Vec<common::api::MailboxEntry> =
        get_json(&customer, &app, "/api/dev/mailbox").await;
    let replies: Vec<_> = mailbox
        .iter()
        .filter(|m| m.subject.starts_with("Svar fra kundesenteret"))
        .collect();
    assert_eq!(replies.len(), 1);
    assert!(replies[0].body.contains("Takk, vi ser på saken i dag."));
    // An export is audited too: by whom, with which filters, how many rows.
    let r = siri
        .get(format!(
            "{}/api/staff/export?status=under_behandling",
            app.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    // The audit log is the leder's: every staff action, the customer's answer not among them.
    let r = siri
        .get(format!("{}/api/staff/audit", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let audit: Vec<common::api::staff::AuditEntry> =
        get_json(&lars, &app, "/api/staff/audit").await;
    let kinds: Vec<&str> = audit.iter().rev().map(|a| a.event.kind.as_str()).collect();
    assert_eq!(
        kinds,
        [
            "taken", "status", "note", "reply", "status", "reason", "viewed", "exported"
        ]
    );
    let export = &audit[0];
    assert_eq!(export.reference, None);
    assert!(
        export
            .event
            .detail
            .starts_with("1 rader; status=under_behandling"),
        "{}",
        export.event.detail
    );
    assert!(
        audit
            .iter()
            .skip(1)
            .all(|a| a.reference.as_deref() == Some(&reference) && a.event.by == "Siri (test)")
    );
}
