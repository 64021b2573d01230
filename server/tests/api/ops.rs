//! What the load balancer and monitoring read: `/healthz`, `/readyz` (the database and
//! its migrations) and `/metrics` (Prometheus text), and who may read the metrics.

use reqwest::StatusCode;

use crate::helpers::{order, spawn_app, spawn_with, valid_answers};
use crate::portal_login::{client, password};

async fn text(url: String, bearer: Option<&str>) -> (StatusCode, String) {
    let mut request = reqwest::Client::new().get(url);
    if let Some(token) = bearer {
        request = request.bearer_auth(token);
    }
    let r = request.send().await.unwrap();
    (r.status(), r.text().await.unwrap())
}

/// The value of the sample `name{labels}` in a scrape; None when it is not there.
fn sample(scrape: &str, series: &str) -> Option<f64> {
    scrape
        .lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
        .and_then(|v| v.split(' ').next()?.parse().ok())
}

#[tokio::test]
async fn ready_only_when_every_migration_is_applied() {
    let app = spawn_app().await;
    assert_eq!(
        text(format!("{}/healthz", app.base), None).await,
        (StatusCode::OK, "ok".into())
    );
    assert_eq!(
        text(format!("{}/readyz", app.base), None).await,
        (StatusCode::OK, "ready".into())
    );
    // A schema behind this build (the newest migration not applied): not ready, but alive.
    let db = sqlx::SqlitePool::connect(&app.db_url).await.unwrap();
    sqlx::query(
        "DELETE FROM _sqlx_migrations WHERE version = (SELECT MAX(version) FROM _sqlx_migrations)",
    )
    .execute(&db)
    .await
    .unwrap();
    let (status, body) = text(format!("{}/readyz", app.base), None).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
    assert_eq!(
        text(format!("{}/healthz", app.base), None).await.0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn metrics_count_requests_orders_login_failures_and_the_outbox() {
    let app = spawn_app().await;
    app.login().await;
    let receipt = app.submitted(&order(valid_answers())).await;
    let r = app.get(&format!("/api/orders/{}", receipt.reference)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let wrong = password(&client(), &app.base, "nobody", "wrong", false).await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let (status, scrape) = text(format!("{}/metrics", app.base), None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        sample(
            &scrape,
            r#"bp_orders_stored_total{service="digitaleinnbyggertjenester"}"#
        ),
        Some(1.0),
        "{scrape}"
    );
    assert_eq!(
        sample(&scrape, r#"bp_login_failures_total{kind="password"}"#),
        Some(1.0)
    );
    assert_eq!(
        sample(
            &scrape,
            r#"bp_http_requests_total{method="POST",route="/api/orders",status="201"}"#
        ),
        Some(1.0)
    );
    assert_eq!(
        sample(
            &scrape,
            r#"bp_http_request_duration_seconds_count{method="POST",route="/api/auth/password",status="422"}"#
        ),
        Some(1.0)
    );
    // The route as declared: the reference itself is in no label.
    assert!(
        scrape.contains(r#"route="/api/orders/{reference}""#),
        "{scrape}"
    );
    assert!(!scrape.contains(&receipt.reference));
    // The order's confirmation waits in the outbox (or has just gone): a figure either way.
    let backlog = sample(&scrape, "bp_outbox_backlog").expect("outbox backlog");
    assert!(backlog >= 0.0);
    assert!(sample(&scrape, "bp_outbox_oldest_age_seconds").is_some());
    assert!(sample(&scrape, "bp_db_pool_connections").unwrap() >= 1.0);
    assert!(scrape.trim_end().ends_with("# EOF"));
}

#[tokio::test]
async fn metrics_need_the_token_once_one_is_set() {
    let dir = std::sync::Arc::new(tempfile::tempdir().unwrap());
    let guarded = spawn_with(dir, |c| c.metrics_token = "s3cret-scrape".parse().unwrap()).await;
    let url = format!("{}/metrics", guarded.base);
    assert_eq!(text(url.clone(), None).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(
        text(url.clone(), Some("wrong")).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(text(url, Some("s3cret-scrape")).await.0, StatusCode::OK);
}
