//! The notification outbox. Rows are written by the business transaction (an order and
//! its confirmation commit together, or neither); this worker sends what is due, with
//! retries and growing back-off, through SMTP when configured or into the development
//! mailbox otherwise. A notification is marked sent only after the SMTP server took it.
//!
//! Delivery is exactly once as far as SMTP allows: a row is claimed (for a lease, so one
//! process sends it), sent, then marked. A crash between the SMTP server's acceptance and
//! the mark sends it again after the lease, with the same Message-ID, so the copy is
//! recognisable. Sends run several at a time and marks are committed in groups, so the
//! outbox keeps up with bursts of orders.

use std::sync::Arc;
use std::time::Duration;

use crate::db::held::HeldConnection;
use crate::db::script::Script;
use crate::db::{Backend, Db};
use lettre::Message;
use lettre::address::Envelope;
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use tokio::sync::Notify;

use crate::now_ms;
use crate::sms_gateway::SmsGateway;
use crate::smtp_relay::SmtpRelay;

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

/// Where notifications go: e-mail through SMTP and SMS through an HTTP gateway where
/// configured; without either, into the development mailbox page (the rows are marked
/// delivered there).
#[derive(Default)]
pub struct Sender {
    smtp: Option<(SmtpRelay, Mailbox)>,
    sms: Option<SmsGateway>,
}

/// Where a notification went, as `delivered_via` records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Via {
    Smtp,
    SmsGateway,
    DevMailbox,
}

impl Via {
    fn as_str(self) -> &'static str {
        match self {
            Via::Smtp => "smtp",
            Via::SmsGateway => "sms-gateway",
            Via::DevMailbox => "dev-mailbox",
        }
    }
}

impl Sender {
    /// Nothing configured: everything to the development mailbox.
    pub fn dev_mailbox() -> Self {
        Sender::default()
    }

    /// E-mail by plain SMTP to `host:port` (a local relay or the test server).
    pub fn with_smtp(mut self, host: &str, port: u16, from: &str) -> Result<Self, String> {
        let from = from.parse().map_err(|e| format!("BP_SMTP_FROM: {e}"))?;
        self.smtp = Some((SmtpRelay::new(host, port), from));
        Ok(self)
    }

    /// SMS through an HTTP gateway.
    pub fn with_sms(mut self, gateway: SmsGateway) -> Self {
        self.sms = Some(gateway);
        self
    }

    /// Sends `due`, telling `finished` each outcome as soon as it is known. E-mails go
    /// through the relay in lanes (`lanes_of`), each lane's messages one after another
    /// on one connection (pipelined where the relay allows: a round trip a message); the
    /// rest `PARALLEL` at a time.
    async fn send_all(&self, db: &Db, due: Vec<DueNotification>, finished: Finished) {
        use futures_util::StreamExt;
        let (emails, others): (Vec<_>, Vec<_>) = match &self.smtp {
            Some(_) => due.into_iter().partition(|n| n.channel == "email"),
            None => (Vec::new(), due),
        };
        let by_email = async {
            if let Some((relay, from)) = &self.smtp {
                let lanes = lanes_of(emails).into_iter();
                futures_util::future::join_all(
                    lanes.map(|lane| send_emails(db, relay, from, lane, &finished)),
                )
                .await;
            }
        };
        let the_rest = futures_util::stream::iter(others)
            .map(async |n| {
                let result = self.send_other(&n).await;
                (n, result)
            })
            .buffer_unordered(PARALLEL)
            .for_each(|done| {
                let _ = finished.send(done);
                std::future::ready(())
            });
        tokio::join!(by_email, the_rest);
    }

    /// Sends `n`, an SMS or (without SMTP) an e-mail; where it went.
    async fn send_other(&self, n: &DueNotification) -> Result<Via, String> {
        if n.channel == "sms" {
            if let Some(gateway) = &self.sms {
                gateway.send(&n.recipient, &n.body, &n.message_id()).await?;
                return Ok(Via::SmsGateway);
            }
            if self.smtp.is_some() {
                // With real e-mail but no gateway the portal is set up for real delivery
                // and an SMS must not vanish into a development page: it waits, logged.
                return Err("no SMS gateway configured".into());
            }
        }
        Ok(Via::DevMailbox)
    }
}

/// The e-mails dealt round into a lane per `LANE_LENGTH` of them, at most `PARALLEL`
/// lanes: most messages then share their round trip with the next, and a big backlog
/// still goes over every connection.
fn lanes_of(emails: Vec<DueNotification>) -> Vec<Vec<DueNotification>> {
    let count = emails.len().div_ceil(LANE_LENGTH).min(PARALLEL);
    let mut lanes: Vec<Vec<DueNotification>> = (0..count).map(|_| Vec::new()).collect();
    for (i, n) in emails.into_iter().enumerate() {
        lanes[i % count].push(n);
    }
    lanes
}

/// A lane's e-mails through the relay, in order on one connection at a time.
async fn send_emails(
    db: &Db,
    relay: &SmtpRelay,
    from: &Mailbox,
    lane: Vec<DueNotification>,
    finished: &Finished,
) {
    let mut messages = Vec::with_capacity(lane.len());
    let mut waiting = Vec::with_capacity(lane.len());
    for n in lane {
        match email(db, from, &n).await {
            Ok(message) => {
                messages.push(message);
                waiting.push(Some(n));
            }
            Err(e) => {
                let _ = finished.send((n, Err(e)));
            }
        }
    }
    relay
        .send_all(&messages, |i, result| {
            if let Some(n) = waiting[i].take() {
                let _ = finished.send((n, result.map(|()| Via::Smtp)));
            }
        })
        .await;
}

/// Where the outbox's sends tell how each went; the marking reads them.
type Finished = tokio::sync::mpsc::UnboundedSender<(DueNotification, Result<Via, String>)>;

/// The e-mail for `n`, with its signed document package attached where it has one.
async fn email(db: &Db, from: &Mailbox, n: &DueNotification) -> Result<Message, String> {
    let to: Mailbox = n.recipient.parse().map_err(|e| format!("recipient: {e}"))?;
    // Given, the envelope is not parsed back out of the headers just written.
    let envelope = Envelope::new(Some(from.email.clone()), vec![to.email.clone()])
        .map_err(|e| e.to_string())?;
    let builder = Message::builder()
        .envelope(envelope)
        .message_id(Some(n.message_id()))
        .from(from.clone())
        .to(to)
        .subject(&n.subject);
    match &n.attachment_reference {
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
    .map_err(|e| e.to_string())
}

/// Writes a notification as part of the caller's transaction; it is sent after the commit.
pub async fn enqueue(
    conn: &mut sqlx::AnyConnection,
    n: &NewNotification,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    let mut script = Script::new(Backend::of_connection(conn));
    enqueue_into(&mut script, &[(n, now_ms)]);
    script.run(conn).await
}

/// Adds the insert of several notifications, in one statement, to `script` (the order
/// writer's batch); each is created at its own time.
pub fn enqueue_into(script: &mut Script, all: &[(&NewNotification, i64)]) {
    if all.is_empty() {
        return;
    }
    let values = script.values(all.len(), 8);
    script.push(&format!(
        "INSERT INTO notifications ({NOTIFICATION_COLUMNS}) VALUES {values}"
    ));
    for (n, now_ms) in all {
        bind_notification!(script, n, *now_ms);
    }
}

/// The columns a new notification fills, in the order `bind_notification!` binds them.
pub const NOTIFICATION_COLUMNS: &str = "channel, recipient, subject, body, created_at_ms, next_attempt_ms, attachment_reference, secret";

/// Binds a new notification's `NOTIFICATION_COLUMNS` to a query (a macro: sqlx's `Query`
/// and `QueryAs` share no trait for `bind`).
macro_rules! bind_notification {
    ($query:expr, $n:expr, $now_ms:expr) => {
        $query
            .bind($n.channel.as_str())
            .bind(&$n.recipient)
            .bind(&$n.subject)
            .bind(&$n.body)
            .bind($now_ms)
            .bind($now_ms)
            .bind(&$n.attachment_reference)
            .bind($n.secret)
    };
}
pub(crate) use bind_notification;

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
    created_at_ms: i64,
    attempts: i64,
    attachment_reference: Option<String>,
}

impl DueNotification {
    /// The same for every attempt, so a copy sent again after a crash between the SMTP
    /// server's "250" and our mark is recognisable as the same message.
    fn message_id(&self) -> String {
        format!(
            "<bp.{}.{}@bestillingsportal.nhn.no>",
            self.id, self.created_at_ms
        )
    }
}

/// After this many failed attempts a notification is left for a person to look at.
const MAX_ATTEMPTS: i64 = 8;
/// Notifications claimed at a time.
const BATCH: i64 = 256;
/// Messages on their way to the SMTP server at once, each on a connection of its own
/// (`SmtpRelay` keeps them open between messages).
const PARALLEL: usize = 16;
/// E-mails per lane (connection) before another is opened, up to `PARALLEL` lanes.
const LANE_LENGTH: usize = 8;
/// Sent messages marked in one transaction at most: whatever has finished is marked at once.
const MARK_GROUP: usize = 256;

impl Outbox {
    /// Starts the worker. A claim holds for `lease`: rows a process claimed and did not
    /// finish (it died) are sent by the next one after that.
    pub fn start(db: Db, sender: Sender, lease: Duration) -> Self {
        let outbox = Outbox::default();
        let wake = outbox.wake.clone();
        let sender = Arc::new(sender);
        tokio::spawn(async move {
            let mut conn = HeldConnection::new(&db).with_setup(claim_setup(Backend::of(&db)));
            loop {
                let full = match deliver_due(&db, &mut conn, &sender, lease).await {
                    Ok(claimed) => claimed == BATCH as usize,
                    Err(e) => {
                        tracing::warn!(error = %e, "outbox: could not claim or mark notifications");
                        false
                    }
                };
                // A full batch means more are waiting: go on at once. Otherwise wait to
                // be woken by a new row, or a few seconds for retries.
                if !full {
                    let _ = tokio::time::timeout(Duration::from_secs(2), wake.notified()).await;
                }
            }
        });
        outbox
    }

    /// Tells the worker that rows were committed.
    pub fn wake(&self) {
        self.wake.notify_one();
    }
}

/// On PostgreSQL the outbox's connection plans with index scans only. A sent row leaves
/// an entry in `notifications_pending` until VACUUM, pointing at its old version: the
/// planner's bitmap scan, chosen for the few rows it expects due, visits every one of them
/// on every claim (measured after a 6 s load: 33,170 entries, 3,173 pages, 4.4 ms a claim
/// with nothing due). A plain index scan marks the dead entries it meets, so the next
/// claim skips them (0.16 ms). Sequential scans are off too, so that the plan cannot turn
/// into one either; the marks find their rows by primary key.
fn claim_setup(backend: Backend) -> Option<&'static str> {
    match backend {
        Backend::Sqlite => None,
        Backend::Postgres => Some("SET enable_bitmapscan = off; SET enable_seqscan = off"),
    }
}

/// The statement that claims the oldest due notifications: `$1` the claim's end, `$2` the
/// attempts allowed, `$3` now, `$4` how many. It walks the index of unsent rows
/// (`notifications_pending`), not the table: its cost does not grow with the sent ones.
fn claim_statement(backend: Backend) -> &'static str {
    // On PostgreSQL the rows are locked as they are picked and others' locked rows
    // skipped: without it a second replica's claim, blocked behind the first, would take
    // the same rows once the first commits. SQLite has one writer at a time anyway.
    macro_rules! claim {
        ($lock:literal) => {
            concat!(
                "UPDATE notifications SET claimed_until_ms = $1
                 WHERE id IN (SELECT id FROM notifications
                              WHERE sent_at_ms IS NULL AND attempts < $2 AND next_attempt_ms <= $3
                                AND (claimed_until_ms IS NULL OR claimed_until_ms <= $3)
                              ORDER BY id LIMIT $4",
                $lock,
                ")
                 RETURNING id, channel, recipient, subject, body, created_at_ms, attempts, attachment_reference"
            )
        };
    }
    match backend {
        Backend::Sqlite => claim!(""),
        Backend::Postgres => claim!(" FOR UPDATE SKIP LOCKED"),
    }
}

/// Claims what is due (one statement, so two processes never claim the same row), sends
/// it several at a time, and marks each group of finished sends in one transaction as
/// soon as they are done. How many were claimed.
async fn deliver_due(
    db: &Db,
    conn: &mut HeldConnection,
    sender: &Arc<Sender>,
    lease: Duration,
) -> Result<usize, sqlx::Error> {
    let now = now_ms();
    let sql = claim_statement(Backend::of(db));
    let claim = async |c: &mut sqlx::AnyConnection| {
        sqlx::query_as(sql)
            .bind(now + i64::try_from(lease.as_millis()).unwrap_or(i64::MAX))
            .bind(MAX_ATTEMPTS)
            .bind(now)
            .bind(BATCH)
            .fetch_all(c)
            .await
    };
    let due: Vec<DueNotification> = conn.run(claim).await?;
    let claimed = due.len();
    // Sending and marking run side by side: while one group's mark commits, the sends go
    // on, and the next mark takes everything that finished meanwhile (a group commit).
    // The marking ends when the sending is done and drops `finished`.
    let (finished, mut to_mark) = tokio::sync::mpsc::unbounded_channel();
    let sending = sender.send_all(db, due, finished);
    let marking = async {
        let mut group = Vec::with_capacity(MARK_GROUP);
        while to_mark.recv_many(&mut group, MARK_GROUP).await > 0 {
            conn.run(async |c| mark(c, &group).await).await?;
            group.clear();
        }
        Ok::<(), sqlx::Error>(())
    };
    let ((), marked) = tokio::join!(sending, marking);
    marked.map(|()| claimed)
}

/// Records how each send went: sent (a secret's body emptied once SMTP or the SMS
/// gateway has it; in the development mailbox the row is where it is read, so it stays),
/// or failed with a growing back-off. Either way the claim ends.
async fn mark(
    conn: &mut sqlx::AnyConnection,
    group: &[(DueNotification, Result<Via, String>)],
) -> Result<(), sqlx::Error> {
    let now = now_ms();
    // The sent ones in one statement per way they went (usually one): each statement is a
    // round trip, and the marks share the database with the order writer.
    let sent: Vec<(Via, Vec<i64>)> = [Via::Smtp, Via::SmsGateway, Via::DevMailbox]
        .into_iter()
        .map(|via| {
            let ids = group
                .iter()
                .filter(|(_, result)| result.as_ref().is_ok_and(|v| *v == via))
                .map(|(n, _)| n.id)
                .collect::<Vec<_>>();
            (via, ids)
        })
        .filter(|(_, ids)| !ids.is_empty())
        .collect();
    let failed: Vec<(&DueNotification, &String)> = group
        .iter()
        .filter_map(|(n, result)| result.as_ref().err().map(|e| (n, e)))
        .collect();
    // The usual group, every send gone the same way, is one statement: a transaction of
    // its own, one round trip instead of three (BEGIN, UPDATE, COMMIT).
    if let ([(via, ids)], []) = (sent.as_slice(), failed.as_slice()) {
        return mark_sent(conn, now, *via, ids).await;
    }
    let mut tx = sqlx::Connection::begin(conn).await?;
    for (via, ids) in &sent {
        mark_sent(&mut *tx, now, *via, ids).await?;
    }
    for (n, e) in failed {
        // 2, 4, 8 … seconds, at most ten minutes.
        let backoff_ms = (2_000i64 << n.attempts.min(9)).min(600_000);
        tracing::warn!(id = n.id, attempt = n.attempts + 1, error = %e, "outbox: sending failed; will retry");
        sqlx::query(
            "UPDATE notifications SET attempts = attempts + 1, next_attempt_ms = $1, last_error = $2,
                 claimed_until_ms = NULL
             WHERE id = $3",
        )
        .bind(now + backoff_ms)
        .bind(e)
        .bind(n.id)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await
}

/// Marks `ids` sent by `via`. The list of ids is padded to a power of two (repeating the
/// last), so a handful of statement texts cover every group size and each is prepared
/// once per connection, not once per size.
async fn mark_sent<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
    now: i64,
    via: Via,
    ids: &[i64],
) -> Result<(), sqlx::Error> {
    let padded = ids.len().next_power_of_two();
    let sql = format!(
        "UPDATE notifications SET sent_at_ms = $1, delivered_via = $2, attempts = attempts + 1,
             claimed_until_ms = NULL,
             body = CASE WHEN secret AND $3 THEN '' ELSE body END
         WHERE id IN {}",
        crate::db::values_from(4, 1, padded)
    );
    // Only placeholders are made up here; every value is bound.
    let mut query = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(now)
        .bind(via.as_str())
        .bind(via != Via::DevMailbox);
    let last = ids[ids.len() - 1]; // `mark` passes no empty group
    let padding = std::iter::repeat_n(last, padded - ids.len());
    for id in ids.iter().copied().chain(padding) {
        query = query.bind(id);
    }
    query.execute(db).await?;
    Ok(())
}

/// The development mailbox: the newest notifications, for the page that shows them.
pub async fn latest(db: &Db, limit: i64) -> Result<Vec<common::api::MailboxEntry>, sqlx::Error> {
    let rows: Vec<(String, String, String, String, i64, Option<i64>)> = sqlx::query_as(
        "SELECT channel, recipient, subject, body, created_at_ms, sent_at_ms FROM notifications ORDER BY id DESC LIMIT $1",
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
                    created_at: crate::oslo_time::date_and_time(created_at_ms),
                    sent: sent_at_ms.is_some(),
                }
            },
        )
        .collect())
}

#[cfg(test)]
mod tests {
    /// A lane per eight e-mails, at most sixteen lanes, every e-mail in one of them, in
    /// the order claimed within each lane.
    #[test]
    fn e_mails_are_dealt_a_lane_per_eight_at_most_sixteen() {
        let due = |count: i64| -> Vec<super::DueNotification> {
            (0..count)
                .map(|id| super::DueNotification {
                    id,
                    channel: "email".into(),
                    recipient: "kari@example.no".into(),
                    subject: String::new(),
                    body: String::new(),
                    created_at_ms: 0,
                    attempts: 0,
                    attachment_reference: None,
                })
                .collect()
        };
        for (count, lanes) in [
            (0, 0),
            (1, 1),
            (8, 1),
            (9, 2),
            (20, 3),
            (128, 16),
            (256, 16),
        ] {
            let dealt = super::lanes_of(due(count));
            assert_eq!(dealt.len(), lanes, "{count}");
            let mut ids: Vec<i64> = dealt.iter().flatten().map(|n| n.id).collect();
            assert!(dealt.iter().all(|lane| lane.is_sorted_by_key(|n| n.id)));
            ids.sort();
            assert_eq!(ids, (0..count).collect::<Vec<_>>());
        }
    }

    /// The claim reads the unsent rows through their index: a table scan would read every
    /// notification ever sent, on every claim.
    #[tokio::test]
    async fn the_claim_walks_the_unsent_rows_not_the_table() {
        let (_dir, db) = crate::db::test_db().await;
        let sql = format!(
            "EXPLAIN QUERY PLAN {}",
            super::claim_statement(crate::db::Backend::Sqlite)
        );
        let plan: Vec<(i64, i64, i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(2_i64)
            .bind(8_i64)
            .bind(1_i64)
            .bind(256_i64)
            .fetch_all(&db)
            .await
            .unwrap();
        let steps: Vec<&str> = plan.iter().map(|row| row.3.as_str()).collect();
        assert!(
            steps
                .iter()
                .any(|s| s.contains("USING INDEX notifications_pending")),
            "{steps:?}"
        );
        assert!(!steps.contains(&"SCAN notifications"), "{steps:?}");
    }

    /// On PostgreSQL the outbox's own connection claims through the index of unsent rows
    /// with a plain index scan, never a bitmap or sequential scan (see `claim_setup`).
    #[tokio::test]
    async fn on_postgresql_the_claim_is_a_plain_index_scan() {
        use super::{Backend, claim_setup, claim_statement};
        let (_dir, db) = crate::db::test_db_of_either().await;
        let backend = Backend::of(&db);
        let Some(setup) = claim_setup(backend) else {
            return; // SQLite: the test above
        };
        // A table like one after a busy while: most rows sent, a few due (the planner
        // would take a bitmap scan here).
        sqlx::query(
            "INSERT INTO notifications (channel, recipient, subject, body, created_at_ms,
                 next_attempt_ms, sent_at_ms)
             SELECT 'email', 'kari@example.no', 'Emne', 'Tekst', 1, 1,
                    CASE WHEN g % 100 = 0 THEN NULL ELSE 1 END
             FROM generate_series(1, 5000) AS g",
        )
        .execute(&db)
        .await
        .unwrap();
        sqlx::query("ANALYZE notifications")
            .execute(&db)
            .await
            .unwrap();
        let mut held = crate::db::held::HeldConnection::new(&db).with_setup(Some(setup));
        let sql = format!("EXPLAIN {}", claim_statement(backend));
        let explain = async |c: &mut sqlx::AnyConnection| {
            sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                .bind(2_i64)
                .bind(8_i64)
                .bind(1_i64)
                .bind(256_i64)
                .fetch_all(c)
                .await
        };
        let plan: Vec<String> = held.run(explain).await.unwrap();
        let plan = plan.join("\n");
        assert!(
            plan.contains("Index Scan using notifications_pending"),
            "{plan}"
        );
        assert!(
            !plan.contains("Bitmap") && !plan.contains("Seq Scan"),
            "{plan}"
        );
    }
}
