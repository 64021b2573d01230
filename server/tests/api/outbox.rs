//! The outbox against a real SMTP server (Python's aiosmtpd, delivering into a Maildir):
//! an order's confirmation is written with the order and arrives at the contact person.

use crate::persons::KARI;
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
    assert!(!mail.contains(KARI.0), "no fødselsnummer in the mail");
}

fn message(to: &str, subject: &str) -> lettre::Message {
    lettre::Message::builder()
        .from("Bestillingsportal <noreply@nhn.no>".parse().unwrap())
        .to(to.parse().unwrap())
        .subject(subject)
        .body("Bestillingen er mottatt. Æ, ø og å.".to_owned())
        .unwrap()
}

#[tokio::test]
async fn a_relay_that_pipelines_gets_every_message_and_a_refusal_costs_only_its_own() {
    use server::smtp_relay::SmtpRelay;
    let smtp = TestSmtp::start_pipelining();
    let relay = SmtpRelay::new("127.0.0.1", smtp.port);
    let send = async |to: &str, subject: &str| relay.send(&message(to, subject)).await;
    send("kari@orland.kommune.no", "Første").await.unwrap();
    assert_eq!(
        relay.pipelining(),
        Some(true),
        "PIPELINING seen in the EHLO"
    );
    // MAIL, RCPT and DATA went out together: the refused RCPT fails only its own send,
    // and the next message goes through.
    let refused = send("refused@orland.kommune.no", "Avvist").await;
    assert!(refused.unwrap_err().contains("550"), "the relay's refusal");
    send("ola@orland.kommune.no", "Andre").await.unwrap();
    send("kari@orland.kommune.no", "Tredje").await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut to = crate::smtp::delivered_to(&smtp.maildir);
    while to.len() < 3 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        to = crate::smtp::delivered_to(&smtp.maildir);
    }
    to.sort();
    let expected = [
        "kari@orland.kommune.no",
        "kari@orland.kommune.no",
        "ola@orland.kommune.no",
    ];
    assert_eq!(to, expected);
    let subjects: Vec<String> = crate::smtp::delivered(&smtp.maildir)
        .iter()
        .map(|m| m.split('|').nth(1).unwrap().to_owned())
        .collect();
    assert!(subjects.contains(&"Første".to_owned()), "{subjects:?}");
    assert!(!subjects.contains(&"Avvist".to_owned()), "{subjects:?}");

    // A relay that does not say PIPELINING gets lettre's one command at a time, and so
    // does one that refuses the second EHLO the relay asks with.
    let plain = TestSmtp::start();
    let strict = TestSmtp::start_refusing_a_second_ehlo();
    for (smtp, subject) in [(&plain, "Enkel"), (&strict, "Streng")] {
        let relay = SmtpRelay::new("127.0.0.1", smtp.port);
        let sent = relay
            .send(&message("kari@orland.kommune.no", subject))
            .await;
        assert_eq!(sent, Ok(()), "{subject}");
        assert_eq!(relay.pipelining(), Some(false), "{subject}");
        wait_for_mail(&smtp.maildir, |m| m.contains(subject)).await;
    }
}

/// A run of messages on one connection: each message's text goes out with the next one's
/// commands, each outcome is told once, and the refusals cost only their own message.
#[tokio::test]
async fn a_run_of_messages_shares_its_round_trips_and_each_outcome_is_told_once() {
    use server::smtp_relay::SmtpRelay;
    let smtp = TestSmtp::start_pipelining();
    let relay = SmtpRelay::new("127.0.0.1", smtp.port);
    let dotted = lettre::Message::builder()
        .from("Bestillingsportal <noreply@nhn.no>".parse().unwrap())
        .to("ola@orland.kommune.no".parse().unwrap())
        .subject("Punktum")
        .body(".Punktum forst\n..og to\nslutt".to_owned())
        .unwrap();
    let messages = [
        message("kari@orland.kommune.no", "Første"),
        message("refused@orland.kommune.no", "Avvist mottaker"),
        message("kari@orland.kommune.no", "Avvist innhold"),
        dotted,
        message("ola@orland.kommune.no", "Siste"),
    ];
    let mut told: Vec<(usize, Result<(), String>)> = Vec::new();
    relay
        .send_all(&messages, |i, result| told.push((i, result)))
        .await;
    told.sort_by_key(|(i, _)| *i);
    let indexes: Vec<usize> = told.iter().map(|(i, _)| *i).collect();
    assert_eq!(indexes, [0, 1, 2, 3, 4], "each outcome told once");
    assert_eq!(told[0].1, Ok(()));
    assert!(told[1].1.as_ref().unwrap_err().contains("550"), "{told:?}");
    assert!(told[2].1.as_ref().unwrap_err().contains("554"), "{told:?}");
    assert_eq!(told[3].1, Ok(()));
    assert_eq!(told[4].1, Ok(()));

    let mut subjects: Vec<String> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(10);
    while subjects.len() < 3 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        subjects = crate::smtp::delivered(&smtp.maildir);
    }
    subjects.sort();
    let subjects: Vec<(&str, &str)> = subjects
        .iter()
        .map(|m| {
            let mut parts = m.splitn(3, '|').skip(1);
            (parts.next().unwrap(), parts.next().unwrap().trim_end())
        })
        .collect();
    assert_eq!(subjects.len(), 3, "{subjects:?}");
    assert!(subjects.iter().any(|(s, _)| *s == "Første"));
    // Lines that start with a dot arrive as written (RFC 5321's transparency).
    assert!(
        subjects.iter().any(|(s, body)| *s == "Punktum"
            && body.trim_start().starts_with(".Punktum forst")
            && body.contains(" ..og to")),
        "{subjects:?}"
    );
    assert!(subjects.iter().any(|(s, _)| *s == "Siste"));

    // The relay saw the next message's commands already there at the end of each message
    // but the last of a connection: "Første" (then the refused recipient ends that
    // connection), "Avvist innhold" and "Punktum", not "Siste".
    let notes =
        std::fs::read_to_string(smtp.maildir.parent().unwrap().join("pipelined.txt")).unwrap();
    assert_eq!(notes, "1\n1\n1\n0\n");
}

/// A kept connection that the relay closed while it was idle (a restart, an idle
/// timeout) fails before any answer: the message goes on a new connection instead of
/// failing.
#[tokio::test]
async fn a_connection_the_relay_closed_while_idle_is_replaced_and_the_message_goes() {
    use server::smtp_relay::SmtpRelay;
    let first = TestSmtp::start_pipelining();
    let port = first.port;
    let relay = SmtpRelay::new("127.0.0.1", port);
    relay
        .send(&message("kari@orland.kommune.no", "Før"))
        .await
        .unwrap();
    assert_eq!(relay.pipelining(), Some(true), "a connection kept idle");
    drop(first); // the relay stops; the kept connection is closed from its end
    let second = TestSmtp::start_pipelining_on(port);
    let mut told = Vec::new();
    relay
        .send_all(
            &[
                message("ola@orland.kommune.no", "Etter"),
                message("kari@orland.kommune.no", "Etter igjen"),
            ],
            |i, result| told.push((i, result)),
        )
        .await;
    assert_eq!(told, [(0, Ok(())), (1, Ok(()))]);
    wait_for_mail(&second.maildir, |m| m.contains("|Etter igjen|")).await;
    wait_for_mail(&second.maildir, |m| m.contains("|Etter|")).await;
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
    let db = server::db::open(&app.db_url).await.unwrap();
    let (sent, attempts): (Option<i64>, i64) = sqlx::query_as(
        "SELECT sent_at_ms, attempts FROM notifications WHERE subject LIKE '%' || $1 || '%'",
    )
    .bind(&receipt.reference)
    .fetch_one(&db)
    .await
    .expect("the confirmation is in the outbox");
    assert_eq!(sent, None, "not marked sent while the SMTP server is down");
    assert!(attempts >= 1, "tried, to be tried again");
}

#[tokio::test]
async fn a_crash_between_send_and_mark_sends_the_same_message_again_once() {
    use crate::portal_login::start_process_with;
    let smtp = crate::smtp::HoldingSmtp::start();
    let dir = tempfile::tempdir().unwrap();
    let db_url = crate::helpers::database_url(dir.path(), "crash").await;
    let portal = || {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_server"));
        command
            .env("BP_SMTP_HOST", "127.0.0.1")
            .env("BP_SMTP_PORT", smtp.port.to_string())
            .env("BP_OUTBOX_LEASE_SECS", "1");
        command
    };
    let first = start_process_with(&db_url, portal()).await;
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let login = client
        .post(format!("{}/api/auth/test-login", first.1))
        .json(&serde_json::json!({ "eid": "bankid", "fodselsnummer": KARI.0, "name": "Kari Testperson" }))
        .send()
        .await
        .unwrap();
    assert!(login.status().is_success());
    for _ in 0..3 {
        let r = client
            .post(format!("{}/api/orders", first.1))
            .json(&order(valid_answers()))
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{}", r.status());
    }
    // The SMTP server has the first message and has not said "250": kill the portal there.
    let deadline = Instant::now() + Duration::from_secs(15);
    while !smtp.held.exists() {
        assert!(
            Instant::now() < deadline,
            "no message reached the SMTP server"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    drop(first);
    let held = smtp.message_ids();
    assert_eq!(held.len(), 1, "{held:?}");

    let _second = start_process_with(&db_url, portal()).await;
    let db = server::db::open(&db_url).await.unwrap();
    all_sent_within(&db, Duration::from_secs(20)).await;
    // Past another lease: nothing more comes.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let ids = smtp.message_ids();
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM notifications")
        .fetch_one(&db)
        .await
        .unwrap();
    let mut counts = std::collections::BTreeMap::new();
    for id in &ids {
        *counts.entry(id.as_str()).or_insert(0) += 1;
    }
    assert_eq!(
        counts.len() as i64,
        rows,
        "every notification arrived: {counts:?}"
    );
    assert_eq!(counts[held[0].as_str()], 2, "the held one came again, once");
    assert!(
        counts.iter().all(|(id, n)| *n == 1 || *id == held[0]),
        "only the held one came twice: {counts:?}"
    );
    eprintln!("{rows} notifications, {} messages received", ids.len());
}

#[tokio::test]
async fn a_reply_committed_before_a_kill_is_sent_once_after_the_restart() {
    use crate::portal_login::start_process_with;
    // No SMTP server yet on the port the portal sends to: the reply commits and stays
    // undelivered until the portal is killed.
    let port = free_port();
    let dir = tempfile::tempdir().unwrap();
    let db_url = crate::helpers::database_url(dir.path(), "reply").await;
    let portal = || {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_server"));
        command
            .env("BP_SMTP_HOST", "127.0.0.1")
            .env("BP_SMTP_PORT", port.to_string())
            .env("BP_OUTBOX_LEASE_SECS", "1");
        command
    };
    let first = start_process_with(&db_url, portal()).await;
    let client = |path: &str| {
        let c = reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .unwrap();
        (c, format!("{}{path}", first.1))
    };
    let (customer, login) = client("/api/auth/test-login");
    let r = customer
        .post(login)
        .json(&serde_json::json!({ "eid": "bankid", "fodselsnummer": KARI.0, "name": "Kari Testperson" }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let receipt = submitted_by(&customer, &first.1, &order(valid_answers())).await;
    let reference = receipt.reference;
    let (staff, login) = client("/api/staff/test-login");
    let r = staff
        .post(login)
        .json(&serde_json::json!({ "name": "Siri", "role": "saksbehandler" }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    let reply = "Takk, vi ser på saken i dag.";
    let r = staff
        .post(format!("{}/api/staff/orders/{reference}/reply", first.1))
        .json(&serde_json::json!({ "text": reply }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), reqwest::StatusCode::NO_CONTENT);
    // Acknowledged, so committed: SIGKILL before any delivery could happen.
    drop(first);
    let db = server::db::open(&db_url).await.unwrap();
    let unsent: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE sent_at_ms IS NULL AND subject LIKE 'Svar fra kundesenteret%'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(unsent, 1, "the reply was committed with the case, not sent");

    // The SMTP server comes up, and the portal again on the same database.
    let maildir = dir.path().join("mail");
    let _smtp = crate::smtp::start_smtp(&maildir, port);
    let _second = start_process_with(&db_url, portal()).await;
    let mail = wait_for_mail(&maildir, |m| m.contains("Svar fra kundesenteret")).await;
    assert!(mail.contains(reply), "{mail}");
    assert!(mail.starts_with("kari@orland.kommune.no|"), "{mail}");
    // Past another lease: it came once.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let replies = crate::smtp::delivered(&maildir)
        .into_iter()
        .filter(|m| m.contains("Svar fra kundesenteret"))
        .count();
    assert_eq!(replies, 1);
    eprintln!("the reply: committed before the kill, delivered {replies} time after the restart");
}

/// Waits until the outbox has no unsent notification left; fails after `limit`.
pub async fn all_sent_within(db: &server::db::Db, limit: Duration) {
    let deadline = Instant::now() + limit;
    loop {
        let unsent: i64 =
            sqlx::query_scalar("SELECT count(*) FROM notifications WHERE sent_at_ms IS NULL")
                .fetch_one(db)
                .await
                .unwrap();
        if unsent == 0 {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{unsent} notifications never sent"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
