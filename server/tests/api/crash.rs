//! Crash safety under load: the server process is killed with SIGKILL twenty times at
//! random moments while clients submit orders, and restarted on the same database each
//! time. Every order acknowledged with a reference must be there, whole, and its
//! confirmation must reach the SMTP server.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::helpers::{order, valid_answers};
use crate::portal_login::{ServerProcess, start_process_with};
use crate::smtp::{TestSmtp, delivered_message_ids};

const KILLS: usize = 20;
const CLIENTS: usize = 8;

/// A random number of milliseconds in `from..to`.
fn random_ms(from: u64, to: u64) -> u64 {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).unwrap();
    from + u64::from_le_bytes(bytes) % (to - from)
}

fn portal(smtp: &TestSmtp, db_url: &str) -> impl Future<Output = ServerProcess> {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .env("BP_SMTP_HOST", "127.0.0.1")
        .env("BP_SMTP_PORT", smtp.port.to_string())
        // A message leased by a killed process goes out again soon after the restart.
        .env("BP_OUTBOX_LEASE_SECS", "1");
    start_process_with(db_url, command)
}

/// Logs `client` in (the session lives in the database, so it outlives every kill).
async fn logged_in(base: &str) -> reqwest::Client {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    crate::persons::kari_logs_in(&client, base).await;
    client
}

/// Submits orders to `base` until the process under it is gone; the references answered.
async fn submit_until_killed(
    client: reqwest::Client,
    base: String,
    acknowledged: Arc<Mutex<Vec<String>>>,
) {
    loop {
        let Ok(r) = client
            .post(format!("{base}/api/orders"))
            .json(&order(valid_answers()))
            .send()
            .await
        else {
            return;
        };
        if r.status() != reqwest::StatusCode::CREATED {
            return;
        }
        let Ok(receipt) = r.json::<common::api::Receipt>().await else {
            return;
        };
        acknowledged.lock().unwrap().push(receipt.reference);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_order_survives_twenty_kills_and_is_confirmed() {
    let smtp = TestSmtp::start();
    let dir = tempfile::tempdir().unwrap();
    let db_url = crate::helpers::database_url(dir.path(), "crash").await;
    let acknowledged = Arc::new(Mutex::new(Vec::new()));

    let mut clients = Vec::new();
    for round in 0..KILLS {
        let process = portal(&smtp, &db_url).await;
        if round == 0 {
            for _ in 0..CLIENTS {
                clients.push(logged_in(&process.1).await);
            }
        }
        let load: Vec<_> = clients
            .iter()
            .map(|c| {
                tokio::spawn(submit_until_killed(
                    c.clone(),
                    process.1.clone(),
                    acknowledged.clone(),
                ))
            })
            .collect();
        tokio::time::sleep(Duration::from_millis(random_ms(150, 900))).await;
        drop(process); // SIGKILL, then wait for it
        for task in load {
            task.await.unwrap();
        }
    }

    // The last start: it recovers what the killed ones left and sends what waits.
    let _survivor = portal(&smtp, &db_url).await;
    let db = server::db::open(&db_url).await.unwrap();
    crate::outbox::all_sent_within(&db, Duration::from_secs(60)).await;

    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= KILLS,
        "too little load: {}",
        acknowledged.len()
    );
    let distinct: BTreeSet<_> = acknowledged.iter().collect();
    assert_eq!(
        distinct.len(),
        acknowledged.len(),
        "a reference given twice"
    );
    for reference in &acknowledged {
        // Whole: its answers, its evidence of acceptance and its confirmation in the outbox.
        let (answers, acceptances, notifications): (String, i64, i64) = sqlx::query_as(
            "SELECT o.answers_json, \
               (SELECT count(*) FROM acceptances a WHERE a.order_id = o.id), \
               (SELECT count(*) FROM notifications n WHERE n.body LIKE '%' || o.reference || '%') \
             FROM orders o WHERE o.reference = $1",
        )
        .bind(reference)
        .fetch_optional(&db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("acknowledged order {reference} is gone"));
        assert!(
            serde_json::from_str::<serde_json::Value>(&answers)
                .is_ok_and(|a| a.as_object().is_some_and(|o| !o.is_empty())),
            "{reference}: answers {answers}"
        );
        assert!(acceptances >= 1, "{reference}: no evidence of acceptance");
        assert!(notifications >= 1, "{reference}: no confirmation queued");
    }

    // Every notification arrived. SMTP cannot make that exactly once: a message the SMTP
    // server took just before a kill, and not yet marked, goes again after the restart —
    // with the same Message-ID, so the copy is recognisable as the same message (see
    // outbox.rs). Nothing else is sent twice, and no message goes out under two ids.
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM notifications")
        .fetch_one(&db)
        .await
        .unwrap();
    let mut copies: BTreeMap<String, usize> = BTreeMap::new();
    for id in delivered_message_ids(&smtp.maildir) {
        *copies.entry(id).or_default() += 1;
    }
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM orders")
        .fetch_one(&db)
        .await
        .unwrap();
    let once = copies.values().filter(|n| **n == 1).count();
    eprintln!(
        "{KILLS} kills: {} orders acknowledged, {stored} stored (the rest were cut off before \
         their answer), {rows} notifications; {} delivered, {once} of them exactly once, the \
         others again after a kill with the same Message-ID",
        acknowledged.len(),
        copies.len(),
    );
    assert_eq!(
        copies.len() as i64,
        rows,
        "every notification arrived, under its one id"
    );
    assert!(
        copies.values().all(|n| *n <= KILLS + 1),
        "a message is sent again only after a kill: {copies:?}"
    );
}
