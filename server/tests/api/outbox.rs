//! The outbox against a real SMTP server (Python's aiosmtpd, delivering into a Maildir):
//! an order's confirmation is written with the order and arrives at the contact person.

use std::time::{Duration, Instant};

use common::api::MailboxEntry;
use server::config::Config;

use crate::helpers::*;
use crate::smtp::{TestSmtp, free_port, wait_for_mail};

/// A logged-in client on a server configured by `tweak`.
async fn spawn(tweak: impl FnOnce(&mut Config)) -> TestApp {
    let app = spawn_with(std::sync::Arc::new(tempfile::tempdir().unwrap()), tweak).await;
    app.login().await;
    app
}

#[tokio::test]
async fn an_order_confirmation_reaches_the_contact_through_smtp() {
    let smtp = TestSmtp::start();
    let app = spawn(|c| smtp.configure(c)).await;
    let receipt = app.submitted(&order(valid_answers())).await;

    let mail = wait_for_mail(&smtp.maildir, |_| true).await;
    let parts: Vec<&str> = mail.splitn(3, '|').collect();
    assert_eq!(parts[0], "kari@orland.kommune.no");
    assert_eq!(
        parts[1],
        format!(
            "Bestilling mottatt: Digitale innbyggertjenester ({})",
            receipt.reference
        )
    );
    assert!(parts[2].contains("Norsk helsenett har mottatt bestillingen av Digitale innbyggertjenester for NORSK HELSENETT SF (994598759)"), "{mail}");
    assert!(parts[2].contains(&receipt.reference));
    assert!(
        !mail.contains("08908834756"),
        "no fødselsnummer in the mail"
    );
}

#[tokio::test]
async fn without_smtp_the_confirmation_waits_in_the_development_mailbox() {
    let app = spawn(|_| {}).await;
    let receipt = app.submitted(&order(valid_answers())).await;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let mailbox: Vec<MailboxEntry> = app.get("/api/dev/mailbox").await.json().await.unwrap();
        if let Some(entry) = mailbox
            .iter()
            .find(|e| e.subject.contains(&receipt.reference))
        {
            assert_eq!(entry.recipient, "kari@orland.kommune.no");
            if entry.sent {
                break;
            }
        }
        assert!(
            Instant::now() < deadline,
            "the worker did not deliver to the mailbox"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test]
async fn an_unreachable_smtp_server_keeps_the_mail_for_a_retry() {
    let port = free_port(); // nothing listens here
    let app = spawn(|c| {
        c.smtp_host = Some("127.0.0.1".into());
        c.smtp_port = port;
    })
    .await;
    let receipt = app.submitted(&order(valid_answers())).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    // Read from the table: with SMTP configured there is no development mailbox.
    let db = sqlx::SqlitePool::connect(&app.db_url).await.unwrap();
    let (sent, attempts): (Option<i64>, i64) = sqlx::query_as(
        "SELECT sent_at_ms, attempts FROM notifications WHERE subject LIKE '%' || ? || '%'",
    )
    .bind(&receipt.reference)
    .fetch_one(&db)
    .await
    .expect("the confirmation is in the outbox");
    assert_eq!(sent, None, "not marked sent while the SMTP server is down");
    assert!(attempts >= 1, "tried, to be tried again");
}
