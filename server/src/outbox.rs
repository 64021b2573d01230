//! The notification outbox. Rows are written by the business transaction (an order and
//! its confirmation commit together, or neither); this worker sends what is due, with
//! retries and growing back-off, through SMTP when configured or into the development
//! mailbox otherwise. A notification is marked sent only after the SMTP server took it.

use std::sync::Arc;
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncTransport, Message, Tokio1Executor};
use sqlx::SqlitePool;
use tokio::sync::Notify;

use crate::now_ms;

/// A notification to write with a business change.
#[derive(Clone, Debug)]
pub struct NewNotification {
    pub channel: Channel,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// The reference of an order whose signed document package goes with it as a PDF.
    pub attachment_reference: Option<String>,
    /// It carries a secret (a login code, a reset link): once SMTP has taken it, the body
    /// is emptied, so the secret is not kept.
    pub secret: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Email,
    Sms,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
        }
    }
}

/// Where notifications go.
pub enum Sender {
    /// A real SMTP server (e-mail; SMS would go through an SMS gateway's e-mail or API).
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    /// Nowhere but the development mailbox page: the rows are marked delivered there.
    DevMailbox,
}

impl Sender {
    /// Plain SMTP to `host:port` (a local relay or the test server).
    pub fn smtp(host: &str, port: u16, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(port)
            .build();
        let from = from.parse().map_err(|e| format!("BP_SMTP_FROM: {e}"))?;
        Ok(Sender::Smtp { transport, from })
    }

    fn via(&self) -> &'static str {
        match self {
            Sender::Smtp { .. } => "smtp",
            Sender::DevMailbox => "dev-mailbox",
        }
    }

    async fn send(&self, db: &SqlitePool, n: &DueNotification) -> Result<(), String> {
        let Sender::Smtp { transport, from } = self else {
            return Ok(());
        };
        if n.channel != "email" {
            // No SMS gateway is configured: kept for the development mailbox.
            return Err("no SMS gateway configured".into());
        }
        let to: Mailbox = n.recipient.parse().map_err(|e| format!("recipient: {e}"))?;
        let builder = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(&n.subject);
        let message = match &n.attachment_reference {
            None => builder.header(ContentType::TEXT_PLAIN).body(n.body.clone()),
            Some(reference) => {
                let pdf = crate::db::signings::package_pdf(db, reference)
                    .await
                    .map_err(|e| e.to_string())?
                    .ok_or_else(|| format!("no signed package for {reference}"))?;
                let pdf_type = ContentType::parse("application/pdf").map_err(|e| e.to_string())?;
                builder.multipart(
                    MultiPart::mixed()
                        .singlepart(SinglePart::plain(n.body.clone()))
                        .singlepart(
                            Attachment::new(format!("signert-{reference}.pdf")).body(pdf, pdf_type),
                        ),
                )
            }
        }
        .map_err(|e| e.to_string())?;
        transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }
}

/// Writes a notification as part of the caller's transaction; it is sent after the commit.
pub async fn enqueue(
    conn: &mut sqlx::SqliteConnection,
    n: &NewNotification,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO notifications (channel, recipient, subject, body, created_at_ms, next_attempt_ms, attachment_reference, secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(n.channel.as_str())
    .bind(&n.recipient)
    .bind(&n.subject)
    .bind(&n.body)
    .bind(now_ms)
    .bind(now_ms)
    .bind(&n.attachment_reference)
    .bind(n.secret)
    .execute(conn)
    .await?;
    Ok(())
}

/// Handle to wake the worker when a new notification was committed.
#[derive(Clone, Default)]
pub struct Outbox {
    wake: Arc<Notify>,
}

#[derive(sqlx::FromRow)]
struct DueNotification {
    id: i64,
    channel: String,
    recipient: String,
    subject: String,
    body: String,
    attempts: i64,
    attachment_reference: Option<String>,
}

/// After this many failed attempts a notification is left for a person to look at.
const MAX_ATTEMPTS: i64 = 8;

impl Outbox {
    /// Starts the worker.
    pub fn start(db: SqlitePool, sender: Sender) -> Self {
        let outbox = Outbox::default();
        let wake = outbox.wake.clone();
        tokio::spawn(async move {
            loop {
                if let Err(e) = deliver_due(&db, &sender).await {
                    tracing::warn!(error = %e, "outbox: could not read due notifications");
                }
                // Woken by a new row, or every few seconds for retries.
                let _ = tokio::time::timeout(Duration::from_secs(2), wake.notified()).await;
            }
        });
        outbox
    }

    /// Tells the worker that rows were committed.
    pub fn wake(&self) {
        self.wake.notify_one();
    }
}

async fn deliver_due(db: &SqlitePool, sender: &Sender) -> Result<(), sqlx::Error> {
    let due: Vec<DueNotification> = sqlx::query_as(
        "SELECT id, channel, recipient, subject, body, attempts, attachment_reference FROM notifications
         WHERE sent_at_ms IS NULL AND attempts < ? AND next_attempt_ms <= ? ORDER BY id LIMIT 50",
    )
    .bind(MAX_ATTEMPTS)
    .bind(now_ms())
    .fetch_all(db)
    .await?;
    for n in due {
        match sender.send(db, &n).await {
            Ok(()) => {
                // A secret's body goes once it is out; in the development mailbox the row
                // is where it is read, so it stays there.
                sqlx::query(
                    "UPDATE notifications SET sent_at_ms = ?, delivered_via = ?, attempts = attempts + 1,
                         body = CASE WHEN secret AND ? = 'smtp' THEN '' ELSE body END
                     WHERE id = ?",
                )
                    .bind(now_ms())
                    .bind(sender.via())
                    .bind(sender.via())
                    .bind(n.id)
                    .execute(db)
                    .await?;
            }
            Err(e) => {
                // 2, 4, 8 … seconds, at most ten minutes.
                let backoff_ms = (2_000i64 << n.attempts.min(9)).min(600_000);
                tracing::warn!(id = n.id, attempt = n.attempts + 1, error = %e, "outbox: sending failed; will retry");
                sqlx::query("UPDATE notifications SET attempts = attempts + 1, next_attempt_ms = ?, last_error = ? WHERE id = ?")
                    .bind(now_ms() + backoff_ms)
                    .bind(&e)
                    .bind(n.id)
                    .execute(db)
                    .await?;
            }
        }
    }
    Ok(())
}

/// The development mailbox: the newest notifications, for the page that shows them.
pub async fn latest(
    db: &SqlitePool,
    limit: i64,
) -> Result<Vec<common::api::MailboxEntry>, sqlx::Error> {
    let rows: Vec<(String, String, String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT channel, recipient, subject, body, created_at_ms, sent_at_ms FROM notifications ORDER BY id DESC LIMIT ?",
    )
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(channel, recipient, subject, body, created_at_ms, sent_at_ms)| {
                common::api::MailboxEntry {
                    channel,
                    recipient,
                    subject,
                    body,
                    created_at: crate::documents::format_oslo_time(created_at_ms),
                    sent: sent_at_ms.is_some(),
                }
            },
        )
        .collect())
}
