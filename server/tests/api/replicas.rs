//! Two replicas behind a load balancer without sticky sessions: two server processes on
//! one database, the requests of one browser alternating between them. What one replica
//! made — a session, a draft, a signing in progress, an order under an idempotency key —
//! the other honours. (The login limits and a login's code across two processes:
//! `portal_login::the_limits_hold_across_two_server_processes_on_one_database`.) Runs on
//! SQLite, and on PostgreSQL in the suite's PostgreSQL pass, where it matters most.

use common::api::{Draft, Me, Receipt, SigningOutcome};
use reqwest::StatusCode;
use serde_json::json;

use crate::drafts::{draft, put};
use crate::helpers::{TestApp, database_url, order, valid_answers};
use crate::persons::{KARI, kari_logs_in};
use crate::portal_login::{client, start_process};
use crate::signing::{SIGNER_FNR, SIGNER_NAME, ddfl_order, signed, start_signing};

#[tokio::test]
async fn what_one_replica_makes_the_other_honours() {
    let dir = tempfile::tempdir().unwrap();
    let db_url = database_url(dir.path(), "replicas").await;
    let a = start_process(&db_url).await;
    let b = start_process(&db_url).await;
    let browser = client();
    let on_a = TestApp::at(&a.1, browser.clone(), &db_url);
    let on_b = TestApp::at(&b.1, browser.clone(), &db_url);

    // A session begun on A is the same session on B.
    kari_logs_in(&browser, &on_a.base).await;
    let me = on_b.get("/api/me").await;
    assert_eq!(me.status(), StatusCode::OK);
    assert_eq!(me.json::<Me>().await.unwrap().name, KARI.1);

    // A draft saved through B is resumed through A.
    assert_eq!(
        put(&browser, &on_b, &draft("replica-draft-1", 3))
            .await
            .status(),
        StatusCode::OK
    );
    let found = on_a.get("/api/drafts/digitaleinnbyggertjenester").await;
    assert_eq!(found.status(), StatusCode::OK);
    let found: Draft = found.json().await.unwrap();
    assert_eq!((found.step, found.answers), (3, valid_answers()));

    // A signing started on A is finished on B, and its order is stored once.
    let started = start_signing(&on_a, &ddfl_order()).await;
    let state = signed(&on_b, &started.id, SIGNER_FNR, SIGNER_NAME).await;
    assert_eq!(state.outcome, SigningOutcome::Signed);
    let reference = state.reference.expect("signed: the order's reference");
    let receipt = on_a.get(&format!("/api/orders/{reference}")).await;
    assert_eq!(receipt.status(), StatusCode::OK);

    // A hundred submits of one order under one key, spread over both at once: one order,
    // and every answer is its receipt.
    let mut body = order(valid_answers());
    body["idempotency_key"] = json!("3b2f4a1c-replicas-one-order");
    let submits =
        (0..100).map(|i| if i % 2 == 0 { &on_a } else { &on_b }.post("/api/orders", &body));
    let mut created = 0;
    let mut references = std::collections::BTreeSet::new();
    for r in futures_util::future::join_all(submits).await {
        match r.status() {
            StatusCode::CREATED => created += 1,
            StatusCode::OK => {}
            other => panic!("unexpected {other}: {}", r.text().await.unwrap_or_default()),
        }
        references.insert(r.json::<Receipt>().await.unwrap().reference);
    }
    assert_eq!((created, references.len()), (1, 1));
    let db = server::db::open(&db_url).await.unwrap();
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM orders WHERE idempotency_key = $1")
        .bind("3b2f4a1c-replicas-one-order")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(stored, 1);
}
