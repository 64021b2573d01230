//! Drafts (issue 6): saved as the user goes, found again after a new login, for the user's
//! own organisations only, one idempotency key for every tab, gone at submit and after
//! the retention period.

use crate::persons::{KARI, OLA};
use common::api::{Draft, Receipt};
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::*;

pub(crate) fn draft(key: &str, step: u8) -> serde_json::Value {
    json!({
        "orgnr": "945627913",
        "step": step,
        "answers": valid_answers(),
        "idempotency_key": key,
    })
}

pub(crate) async fn put(
    c: &reqwest::Client,
    app: &TestApp,
    body: &serde_json::Value,
) -> reqwest::Response {
    c.put(format!(
        "{}/api/drafts/digitaleinnbyggertjenester",
        app.base
    ))
    .json(body)
    .send()
    .await
    .unwrap()
}

async fn get(c: &reqwest::Client, app: &TestApp) -> reqwest::Response {
    c.get(format!(
        "{}/api/drafts/digitaleinnbyggertjenester",
        app.base
    ))
    .send()
    .await
    .unwrap()
}

#[tokio::test]
async fn a_save_without_answers_never_wipes_a_draft_that_has_some() {
    let app = spawn_app().await;
    let tab = login_as(&app, KARI.0, KARI.1).await;
    assert_eq!(
        put(&tab, &app, &draft("full-key-123", 3)).await.status(),
        StatusCode::OK
    );
    let mut empty = draft("full-key-123", 4);
    empty["answers"] = json!({});
    assert_eq!(put(&tab, &app, &empty).await.status(), StatusCode::OK);
    let found: Draft = get(&tab, &app).await.json().await.unwrap();
    assert_eq!(found.step, 4);
    assert_eq!(found.answers, valid_answers());
}

#[tokio::test]
async fn a_draft_survives_a_new_login_and_keeps_its_first_idempotency_key() {
    let app = spawn_app().await;
    let tab = login_as(&app, KARI.0, KARI.1).await;
    assert_eq!(get(&tab, &app).await.status(), StatusCode::NOT_FOUND);
    let saved: Draft = put(&tab, &app, &draft("first-key-123", 3))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(saved.idempotency_key, "first-key-123");
    // Another tab came with its own key: it gets the first one back.
    let mut later = draft("second-key-456", 4);
    later["answers"]["kommune_navn"] = json!("Ørland kommune, helse");
    let saved: Draft = put(&tab, &app, &later).await.json().await.unwrap();
    assert_eq!(saved.idempotency_key, "first-key-123");

    // The session is gone; the same person logs in again and finds the draft.
    let again = login_as(&app, KARI.0, KARI.1).await;
    let found: Draft = get(&again, &app).await.json().await.unwrap();
    assert_eq!(found.step, 4);
    assert_eq!(found.orgnr, "945627913");
    assert_eq!(found.answers.one("kommune_navn"), "Ørland kommune, helse");
    assert_eq!(found.idempotency_key, "first-key-123");
    // Stored without the fødselsnummer itself.
    let db = server::db::open(&app.db_url).await.unwrap();
    let owner: String = sqlx::query_scalar("SELECT owner_key FROM drafts")
        .fetch_one(&db)
        .await
        .unwrap();
    assert!(
        owner.starts_with("p:") && !owner.contains(KARI.0),
        "{owner}"
    );

    // Somebody else has no draft.
    let other = login_as(&app, OLA.0, OLA.1).await;
    assert_eq!(get(&other, &app).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn drafts_are_checked_like_everything_else() {
    let app = spawn_app().await;
    let ola = login_as(&app, OLA.0, OLA.1).await;
    // Ola holds no role at the unit: no draft for it.
    assert_eq!(
        put(&ola, &app, &draft("some-key-123", 3)).await.status(),
        StatusCode::FORBIDDEN
    );
    let kari = login_as(&app, KARI.0, KARI.1).await;
    for (field, value) in [
        ("step", json!(7)),
        ("orgnr", json!("123")),
        ("idempotency_key", json!("x")),
    ] {
        let mut body = draft("some-key-123", 3);
        body[field] = value;
        let r = put(&kari, &app, &body).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        let error: common::api::ErrorBody = r.json().await.unwrap();
        assert!(error.fields.contains_key(field), "{field}");
    }
    let mut huge = draft("some-key-123", 3);
    huge["answers"]["kommune_navn"] = json!("x".repeat(70_000));
    assert_eq!(
        put(&kari, &app, &huge).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let r = kari
        .put(format!("{}/api/drafts/finnes-ikke", app.base))
        .json(&draft("some-key-123", 3))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let anonymous = reqwest::Client::new();
    assert_eq!(
        put(&anonymous, &app, &draft("some-key-123", 3))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn two_tabs_submitting_the_draft_make_one_order_and_the_draft_is_gone() {
    let app = spawn_app().await;
    let tab_a = login_as(&app, KARI.0, KARI.1).await;
    let tab_b = login_as(&app, KARI.0, KARI.1).await;
    put(&tab_a, &app, &draft("tab-a-key-123", 4)).await;
    let key = put(&tab_b, &app, &draft("tab-b-key-456", 4))
        .await
        .json::<Draft>()
        .await
        .unwrap()
        .idempotency_key;
    assert_eq!(key, "tab-a-key-123");
    let mut order = order_for("945627913");
    order["idempotency_key"] = json!(key);
    let submit = |c: reqwest::Client| {
        let url = format!("{}/api/orders", app.base);
        let body = order.clone();
        async move {
            c.post(url)
                .json(&body)
                .send()
                .await
                .unwrap()
                .json::<Receipt>()
                .await
                .unwrap()
        }
    };
    let (a, b) = tokio::join!(submit(tab_a.clone()), submit(tab_b.clone()));
    assert_eq!(
        a.reference, b.reference,
        "one order, the same receipt in both tabs"
    );
    let db = server::db::open(&app.db_url).await.unwrap();
    let orders: i64 = sqlx::query_scalar("SELECT count(*) FROM orders")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(orders, 1);
    assert_eq!(
        get(&tab_a, &app).await.status(),
        StatusCode::NOT_FOUND,
        "the draft became the order"
    );
}

#[tokio::test]
async fn drafts_older_than_the_retention_are_deleted() {
    let dir = std::sync::Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_with(dir.clone(), |_| {}).await;
    let kari = login_as(&app, KARI.0, KARI.1).await;
    put(&kari, &app, &draft("old-key-1234", 3)).await;
    let db = server::db::open(&app.db_url).await.unwrap();
    // Untouched for 31 days.
    sqlx::query("UPDATE drafts SET updated_at_ms = updated_at_ms - 2678400000")
        .execute(&db)
        .await
        .unwrap();
    // A server (re)starting on the database deletes it at once; a fresh draft stays.
    let _restarted = spawn_with(dir.clone(), |c| c.draft_retention_days = 30).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let left: i64 = sqlx::query_scalar("SELECT count(*) FROM drafts")
            .fetch_one(&db)
            .await
            .unwrap();
        if left == 0 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the old draft was not deleted"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    put(&kari, &app, &draft("new-key-1234", 3)).await;
    let _again = spawn_with(dir, |c| c.draft_retention_days = 30).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        get(&kari, &app).await.status(),
        StatusCode::OK,
        "a fresh draft stays"
    );
}
