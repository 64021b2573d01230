//! What operators read: a failing request's log line carries the request's id (the one
//! the answer gave in `x-request-id`) and its route as declared, and nothing personal —
//! not the fødselsnummer of whoever made it, not the reference number in its path.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use reqwest::StatusCode;

use crate::helpers::*;
use crate::persons::KARI;

/// Everything logged in this test binary since the first call, as text.
fn captured_log() -> Arc<Mutex<Vec<u8>>> {
    static LOG: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();
    LOG.get_or_init(|| {
        let log = Arc::new(Mutex::new(Vec::new()));
        let sink = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_env_filter("info")
            .with_writer(move || Sink(sink.clone()))
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");
        log
    })
    .clone()
}

struct Sink(Arc<Mutex<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn a_failing_requests_log_line_carries_its_request_id_and_route_and_no_fodselsnummer() {
    let log = captured_log();
    let app = spawn_app().await;
    app.login().await;
    let receipt = app.submitted(&order(valid_answers())).await;
    // The database loses a table under the running server: reading the receipt fails.
    let db = server::db::open(&app.db_url).await.unwrap();
    sqlx::query("ALTER TABLE acceptances RENAME TO acceptances_lost")
        .execute(&db)
        .await
        .unwrap();
    let r = app.get(&format!("/api/orders/{}", receipt.reference)).await;
    assert_eq!(r.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let id = r
        .headers()
        .get("x-request-id")
        .expect("every answer names its request")
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(id.len(), 16, "{id}");
    let body = r.text().await.unwrap();
    assert!(
        !body.contains("acceptances"),
        "the cause is not sent: {body}"
    );

    let text = String::from_utf8(log.lock().unwrap().clone()).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| l.contains(&id)).collect();
    let failure = lines
        .iter()
        .find(|l| l.contains("request failed"))
        .unwrap_or_else(|| panic!("no failure logged for {id}: {lines:?}"));
    assert!(failure.contains("ERROR"), "{failure}");
    assert!(
        failure.contains(r#"route="/api/orders/{reference}""#),
        "{failure}"
    );
    assert!(failure.contains("status=500"), "{failure}");
    // SQLite's words, or PostgreSQL's.
    assert!(
        failure.contains("no such table: acceptances")
            || failure.contains(r#"relation \"acceptances\" does not exist"#),
        "the cause: {failure}"
    );
    // Nothing personal in the whole log of the test binary so far.
    assert!(!text.contains(KARI.0), "a fødselsnummer in the log");
    assert!(!failure.contains(&receipt.reference), "{failure}");

    // Every request gets its own id, also a successful one; a client's own is not taken.
    let ok = app
        .client
        .get(format!("{}/api/health", app.base))
        .header("x-request-id", "planted")
        .send()
        .await
        .unwrap();
    let other = ok.headers()["x-request-id"].to_str().unwrap();
    assert!(other != id && other != "planted", "{other}");
}
