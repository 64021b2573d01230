//! What the load balancer and monitoring read: `/healthz`, `/readyz` (the database and
//! its migrations) and `/metrics` (Prometheus text), and who may read the metrics.

use reqwest::StatusCode;

use crate::helpers::{order, spawn_app, spawn_with, valid_answers};
use crate::persons::KARI;
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
    let db = server::db::open(&app.db_url).await.unwrap();
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

#[tokio::test]
async fn production_logs_are_json_lines_with_the_request_id_and_no_fodselsnummer() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let port = crate::smtp::free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut process = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .env("BP_LISTEN", format!("127.0.0.1:{port}"))
        .env(
            "DATABASE_URL",
            crate::helpers::database_url(dir.path(), "logs").await,
        )
        .env("BP_DIST", "/nonexistent")
        .env("BP_LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let client = client();
    let mut up = false;
    for _ in 0..200 {
        if client.get(format!("{base}/healthz")).send().await.is_ok() {
            up = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(up, "the server process did not start");
    crate::persons::kari_logs_in(&client, &base).await;
    let r = client
        .post(format!("{base}/api/orders"))
        .json(&order(valid_answers()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let request_id = r.headers()["x-request-id"].to_str().unwrap().to_owned();
    let _ = process.kill();
    let _ = process.wait();
    let mut out = String::new();
    process
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();

    let lines: Vec<serde_json::Value> = out
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(
        out.lines().all(|l| !l.starts_with('{') || l.ends_with('}')),
        "one object per line"
    );
    let stored = lines
        .iter()
        .find(|l| l["fields"]["message"] == "order stored")
        .unwrap_or_else(|| panic!("no 'order stored' line in {out}"));
    assert_eq!(stored["span"]["id"], request_id.as_str(), "{stored}");
    assert_eq!(stored["span"]["route"], "/api/orders");
    assert_eq!(stored["level"], "INFO");
    assert!(!out.contains(KARI.0), "a fødselsnummer in the log");
}

#[tokio::test]
async fn a_stop_lets_the_order_in_flight_finish_and_store() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let dir = tempfile::tempdir().unwrap();
    let db_url = crate::helpers::database_url(dir.path(), "stop").await;
    let mut process = crate::portal_login::start_process(&db_url).await;
    let base = process.1.clone();
    let login = reqwest::Client::new()
        .post(format!("{base}/api/auth/test-login"))
        .json(&serde_json::json!({ "eid": "bankid", "fodselsnummer": KARI.0, "name": KARI.1 }))
        .send()
        .await
        .unwrap();
    let cookies: Vec<String> = crate::helpers::set_cookies(&login)
        .iter()
        .map(|c| c.split(';').next().unwrap().to_owned())
        .collect();

    // An order whose body is still on its way when the stop comes.
    let body = order(valid_answers()).to_string();
    let (first, rest) = body.split_at(body.len() / 2);
    let mut stream = tokio::net::TcpStream::connect(base.trim_start_matches("http://"))
        .await
        .unwrap();
    let head = format!(
        "POST /api/orders HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nCookie: {}\r\nConnection: close\r\n\r\n",
        base.trim_start_matches("http://"),
        body.len(),
        cookies.join("; ")
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(first.as_bytes()).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let pid = process.0.id().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    // Stopping: no new connection is taken…
    assert!(reqwest::get(format!("{base}/healthz")).await.is_err());
    // …but the request in flight is finished and answered.
    stream.write_all(rest.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    let exit = process.0.wait().unwrap();
    assert!(exit.success(), "{exit:?}");

    let reference = answer
        .split("\"reference\":\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("a reference in the answer")
        .to_owned();
    let db = server::db::open(&db_url).await.unwrap();
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM orders WHERE reference = $1")
        .bind(&reference)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(stored, 1, "{reference}");
}
