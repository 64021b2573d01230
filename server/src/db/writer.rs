//! Group commit for orders. One task owns a dedicated connection and writes every order:
//! orders that arrive while a commit is in flight wait and go into the next transaction
//! together, so 16 clients submitting at once cost one fsync per batch instead of one
//! each. One failing order does not fail the others (see `write_batch`).
//! A caller hears back only after the batch's COMMIT returned: acknowledged = on disk
//! (`synchronous=FULL`).

use common::api::AcceptedDocument;

use crate::db::Db;
use crate::db::script::Script;
use crate::outbox::{NewNotification, Outbox};
use sqlx::AnyConnection;
use tokio::sync::{mpsc, oneshot};

mod one_statement;

/// An order ready to store: validated, owned, with its answers already as JSON.
pub struct OrderRecord {
    pub reference: String,
    pub service: String,
    pub orgnr: String,
    /// The unit's legal entity (itself, or the main unit of a sub-unit), for services
    /// whose terms hold for a whole municipality (found by it later); "" for the others.
    pub legal_entity: String,
    pub org_name: String,
    pub ordered_by_name: String,
    pub ordered_by_key: String,
    /// Who accepted or signed the documents: the orderer, or the signer of a signed service.
    pub acceptor: Acceptor,
    /// A signed service's document package, stored with the order or not at all.
    pub package: Option<PackageRecord>,
    /// The customer-portal account that ordered; 0 for a person (see `orders::Orderer`).
    pub ordered_by_account: i64,
    pub eid: String,
    pub answers_json: String,
    pub documents: Vec<AcceptedDocument>,
    pub submitted_at_ms: i64,
    /// Written in the same transaction, sent afterwards by the outbox worker.
    pub notifications: Vec<NewNotification>,
    /// The client's key for this order (see `common::api::SubmitOrder`).
    pub idempotency_key: Option<String>,
    /// Who ordered, as drafts and uploads know them (`CurrentUser::owner_key`): their draft
    /// of this order is deleted and their `attachments` bound to it in the same
    /// transaction, so a draft and its order never both exist, nor an order without its
    /// attachments.
    pub owner_key: String,
    /// Notes for the customer centre, in the case's history from its first moment (a
    /// HER-id the register could not check).
    pub flags: Vec<String>,
    /// The ids of the uploads the answers name.
    pub attachments: Vec<String>,
}

impl OrderRecord {
    /// Without the rare parts (a signed package, uploads, notes), each of which is a
    /// statement of its own: what PostgreSQL can write in one statement (`one_statement`).
    fn is_plain(&self) -> bool {
        self.package.is_none() && self.attachments.is_empty() && self.flags.is_empty()
    }
}

/// Who accepted the order's documents, as the evidence records it.
#[derive(Clone, Debug)]
pub struct Acceptor {
    pub name: String,
    /// The fødselsnummer protected (`Sealer::protect_fnr`), never the number itself.
    pub fnr_key: String,
    pub eid: String,
    /// The login's security level (`acr`).
    pub acr: String,
}

/// A signed document package, sealed, with what it says.
pub struct PackageRecord {
    pub document_id: String,
    pub title: String,
    pub version: String,
    pub signer_name: String,
    pub method: String,
    pub pdf: Vec<u8>,
}

/// The outcome of an insert attempt.
#[derive(Debug, PartialEq, Eq)]
pub enum Inserted {
    Ok,
    /// The reference was taken (a one-in-billions clash): draw another.
    ReferenceTaken,
    /// The same person already submitted an order with this idempotency key: its reference.
    Existing(String),
}

/// Why an order was not stored. Not `sqlx::Error`: one database error may fail a whole
/// batch, and each waiting caller gets its own copy of the message.
#[derive(Debug, thiserror::Error)]
#[error("order writer: {0}")]
pub struct WriteError(pub String);

struct Job {
    order: OrderRecord,
    reply: oneshot::Sender<Result<Inserted, WriteError>>,
}

/// Handle to the writer task; cheap to clone.
#[derive(Clone)]
pub struct OrderWriter {
    jobs: mpsc::Sender<Job>,
}

/// At most this many orders share one transaction (bounds the latency of a batch).
const MAX_BATCH: usize = 128;

impl OrderWriter {
    /// Takes one connection out of `pool` for good and starts the writer task on it.
    pub async fn start(pool: &Db, outbox: Outbox) -> Result<Self, sqlx::Error> {
        let conn = pool.acquire().await?.detach();
        let (jobs, rx) = mpsc::channel(4 * MAX_BATCH);
        tokio::spawn(run(conn, rx, outbox));
        Ok(OrderWriter { jobs })
    }

    /// Stores `order`; returns once it is committed.
    pub async fn insert(&self, order: OrderRecord) -> Result<Inserted, WriteError> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { order, reply })
            .await
            .map_err(|_| WriteError("order writer stopped".into()))?;
        answer
            .await
            .map_err(|_| WriteError("order writer dropped the order".into()))?
    }
}

async fn run(mut conn: AnyConnection, mut jobs: mpsc::Receiver<Job>, outbox: Outbox) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let results = write_batch(&mut conn, &batch).await;
        if results.iter().any(|r| matches!(r, Ok(Inserted::Ok))) {
            outbox.wake();
        }
        for (job, result) in batch.drain(..).zip(results) {
            let _ = job.reply.send(result);
        }
    }
}

async fn exec(conn: &mut AnyConnection, sql: &'static str) -> Result<(), WriteError> {
    sqlx::query(sql)
        .execute(&mut *conn)
        .await
        .map(|_| ())
        .map_err(|e| WriteError(e.to_string()))
}

/// Writes a batch in one transaction. Should anything fail, the batch is rolled back and
/// each order retried in a transaction of its own, so one bad order fails alone.
async fn write_batch(conn: &mut AnyConnection, batch: &[Job]) -> Vec<Result<Inserted, WriteError>> {
    if batch.len() > 1 {
        match in_transaction(conn, batch).await {
            Ok(results) => return results.into_iter().map(Ok).collect(),
            Err(e) => {
                tracing::warn!(error = %e, size = batch.len(), "batch failed; retrying its orders one by one")
            }
        }
    }
    let mut results = Vec::with_capacity(batch.len());
    for job in batch {
        let one = in_transaction(conn, std::slice::from_ref(job)).await;
        results.push(one.map(|mut r| r.remove(0)));
    }
    results
}

async fn in_transaction(
    conn: &mut AnyConnection,
    batch: &[Job],
) -> Result<Vec<Inserted>, WriteError> {
    let orders: Vec<&OrderRecord> = batch.iter().map(|job| &job.order).collect();
    let backend = crate::db::Backend::of_connection(conn);
    if backend == crate::db::Backend::Postgres && orders.iter().all(|o| o.is_plain()) {
        return one_statement::write(conn, &orders).await;
    }
    let mut rest = Script::new(backend);
    // On SQLite the BEGIN goes with the orders' insert and the COMMIT with the statements
    // after it (`Script`): a plain batch is two commands.
    if !rest.together() {
        exec(conn, backend.begin_write()).await?;
    }
    let results = match insert_all(conn, &orders, &mut rest).await {
        Ok(results) => results,
        Err(e) => {
            let _ = exec(conn, "ROLLBACK").await;
            return Err(e);
        }
    };
    let committed = async {
        rest.run_unless_together(conn).await?;
        rest.push("COMMIT");
        rest.run(conn).await
    };
    if let Err(e) = committed.await {
        let _ = exec(conn, "ROLLBACK").await;
        return Err(failed(e));
    }
    Ok(results)
}

/// An order's columns, in the order `bind_order!` binds them.
const ORDER_COLUMNS: &str = "reference, service, orgnr, org_name, ordered_by_name, ordered_by_key, ordered_by_account, eid, answers_json, submitted_at_ms, idempotency_key";

/// Binds an order's `ORDER_COLUMNS` (a macro: sqlx's `Query` and `QueryAs` share no trait
/// for `bind`).
macro_rules! bind_order {
    ($query:expr, $order:expr) => {
        $query
            .bind(&$order.reference)
            .bind(&$order.service)
            .bind(&$order.orgnr)
            .bind(&$order.org_name)
            .bind(&$order.ordered_by_name)
            .bind(&$order.ordered_by_key)
            .bind($order.ordered_by_account)
            .bind(&$order.eid)
            .bind(&$order.answers_json)
            .bind($order.submitted_at_ms)
            .bind(&$order.idempotency_key)
    };
}
use bind_order;

/// An acceptance's columns after the order it belongs to, in the order `bind_evidence!`
/// binds them.
const EVIDENCE_COLUMNS: &str = "document_id, title, version, sha256, accepted_by_fnr, accepted_by_name, eid, acr, orgnr, legal_entity, accepted_at_ms";

/// Binds the order (its id, or its reference where the id is not known yet), then a
/// document's `EVIDENCE_COLUMNS`.
macro_rules! bind_evidence {
    ($query:expr, $order_key:expr, $order:expr, $doc:expr) => {
        $query
            .bind($order_key)
            .bind(&$doc.id)
            .bind(&$doc.title)
            .bind(&$doc.version)
            .bind(&$doc.sha256)
            .bind(&$order.acceptor.fnr_key)
            .bind(&$order.acceptor.name)
            .bind(&$order.acceptor.eid)
            .bind(&$order.acceptor.acr)
            .bind(&$order.orgnr)
            .bind(&$order.legal_entity)
            .bind($order.submitted_at_ms)
    };
}
use bind_evidence;

fn failed(e: sqlx::Error) -> WriteError {
    WriteError(e.to_string())
}

/// Who writes a case's first notes.
const PORTAL: crate::db::cases::Actor<'static> = crate::db::cases::Actor {
    subject: "bestillingsportal",
    name: "Bestillingsportal",
};

/// Inserts the orders of one transaction and everything that belongs to each; what
/// `rest` holds when this returns is for the caller to run (with the COMMIT).
async fn insert_all(
    conn: &mut AnyConnection,
    orders: &[&OrderRecord],
    rest: &mut Script,
) -> Result<Vec<Inserted>, WriteError> {
    let ids = insert_orders(conn, orders, rest.together()).await?;
    let (results, stored) = outcomes(conn, orders, &ids).await?;
    if stored.is_empty() {
        return Ok(results);
    }
    insert_acceptances(rest, &stored);
    rest.run_unless_together(conn).await.map_err(failed)?;
    delete_drafts(rest, &stored);
    rest.run_unless_together(conn).await.map_err(failed)?;
    let notifications: Vec<_> = stored
        .iter()
        .flat_map(|(_, o)| o.notifications.iter().map(|n| (n, o.submitted_at_ms)))
        .collect();
    crate::outbox::enqueue_into(rest, &notifications);
    if stored.iter().all(|(_, o)| o.is_plain()) {
        return Ok(results);
    }
    rest.run(conn).await.map_err(failed)?;
    // Rare (a signed service, uploads, an unchecked HER-id): one statement each.
    for (id, order) in &stored {
        if let Some(p) = &order.package {
            insert_package(conn, order, p).await?;
        }
        crate::db::attachments::bind(
            &mut *conn,
            &order.owner_key,
            &order.attachments,
            &order.reference,
        )
        .await
        .map_err(failed)?;
        for flag in &order.flags {
            crate::db::cases::record(&mut *conn, *id, &PORTAL, "note", flag)
                .await
                .map_err(failed)?;
        }
    }
    Ok(results)
}

/// The orders' rows, in one statement: each order's id, or `None` where its reference or
/// its idempotency key was taken (by an order before it, in this batch too) and nothing
/// was inserted — so no savepoint is needed to undo it.
async fn insert_orders(
    conn: &mut AnyConnection,
    orders: &[&OrderRecord],
    with_begin: bool,
) -> Result<Vec<Option<i64>>, WriteError> {
    let backend = crate::db::Backend::of_connection(conn);
    let sql = format!(
        "{}INSERT INTO orders ({ORDER_COLUMNS})
         VALUES {} ON CONFLICT DO NOTHING RETURNING id, reference",
        if with_begin {
            format!("{};\n", backend.begin_write())
        } else {
            String::new()
        },
        crate::db::values(backend, orders.len(), 11)
    );
    let mut query = sqlx::query_as::<_, (i64, String)>(sqlx::AssertSqlSafe(sql));
    for order in orders {
        query = bind_order!(query, order);
    }
    let inserted: Vec<(i64, String)> = query.fetch_all(&mut *conn).await.map_err(failed)?;
    Ok(ids_of(orders, inserted))
}

/// Each order's id from the rows an insert returned, or `None` where nothing was inserted
/// for it. A reference is inserted at most once, for the first order in the batch that has it.
fn ids_of(orders: &[&OrderRecord], mut inserted: Vec<(i64, String)>) -> Vec<Option<i64>> {
    orders
        .iter()
        .map(|order| {
            let at = inserted.iter().position(|(_, r)| *r == order.reference)?;
            Some(inserted.swap_remove(at).0)
        })
        .collect()
}

/// What each order's insert came to, and the orders stored with their ids.
async fn outcomes<'a>(
    conn: &mut AnyConnection,
    orders: &[&'a OrderRecord],
    ids: &[Option<i64>],
) -> Result<(Vec<Inserted>, Vec<(i64, &'a OrderRecord)>), WriteError> {
    let mut results = Vec::with_capacity(orders.len());
    let mut stored = Vec::with_capacity(orders.len());
    for (order, id) in orders.iter().zip(ids) {
        match id {
            Some(id) => {
                results.push(Inserted::Ok);
                stored.push((*id, *order));
            }
            None => results.push(existing(conn, order).await?),
        }
    }
    Ok((results, stored))
}

/// An order that inserted nothing: the same person's earlier order with its idempotency
/// key, or a reference clash (one in billions) for the caller to draw another.
async fn existing(conn: &mut AnyConnection, order: &OrderRecord) -> Result<Inserted, WriteError> {
    let Some(key) = &order.idempotency_key else {
        return Ok(Inserted::ReferenceTaken);
    };
    let found: Option<String> = sqlx::query_scalar(
        "SELECT reference FROM orders WHERE ordered_by_key = $1 AND ordered_by_account = $2 AND idempotency_key = $3",
    )
    .bind(&order.ordered_by_key)
    .bind(order.ordered_by_account)
    .bind(key)
    .fetch_optional(&mut *conn)
    .await
    .map_err(failed)?;
    Ok(found.map_or(Inserted::ReferenceTaken, Inserted::Existing))
}

/// The acceptance evidence of every stored order, in one statement.
fn insert_acceptances(script: &mut Script, stored: &[(i64, &OrderRecord)]) {
    let rows: Vec<_> = stored
        .iter()
        .flat_map(|(id, o)| o.documents.iter().map(move |d| (*id, *o, d)))
        .collect();
    if rows.is_empty() {
        return;
    }
    let values = script.values(rows.len(), 12);
    script.push(&format!(
        "INSERT INTO acceptances (order_id, {EVIDENCE_COLUMNS}) VALUES {values}"
    ));
    for (id, order, doc) in rows {
        bind_evidence!(script, id, order, doc);
    }
}

/// Each orderer's draft of what they ordered, in one statement.
fn delete_drafts(script: &mut Script, stored: &[(i64, &OrderRecord)]) {
    let which: Vec<String> = stored
        .iter()
        .map(|_| {
            let [owner, service, orgnr] = [(); 3].map(|()| script.placeholder());
            format!("(owner_key = {owner} AND service = {service} AND orgnr = {orgnr})")
        })
        .collect();
    script.push(&format!("DELETE FROM drafts WHERE {}", which.join(" OR ")));
    for (_, order) in stored {
        script
            .bind(&order.owner_key)
            .bind(&order.service)
            .bind(&order.orgnr);
    }
}

async fn insert_package(
    conn: &mut AnyConnection,
    order: &OrderRecord,
    p: &PackageRecord,
) -> Result<(), WriteError> {
    sqlx::query(
        "INSERT INTO signed_packages (reference, orgnr, document_id, title, version, signer_name, method, signed_at_ms, pdf)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(&order.reference)
    .bind(&order.orgnr)
    .bind(&p.document_id)
    .bind(&p.title)
    .bind(&p.version)
    .bind(&p.signer_name)
    .bind(&p.method)
    .bind(order.submitted_at_ms)
    .bind(&p.pdf)
    .execute(&mut *conn)
    .await
    .map_err(failed)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn record(reference: &str) -> OrderRecord {
        OrderRecord {
            reference: reference.into(),
            service: "digitaleinnbyggertjenester".into(),
            orgnr: "994598759".into(),
            legal_entity: "994598759".into(),
            org_name: "NORSK HELSENETT SF".into(),
            ordered_by_name: "Kari".into(),
            ordered_by_key: "hmac-sha256:test".into(),
            acceptor: Acceptor {
                name: "Kari".into(),
                fnr_key: "hmac-sha256:00".into(),
                eid: "minid".into(),
                acr: "idporten-loa-substantial".into(),
            },
            package: None,
            ordered_by_account: 0,
            eid: "minid".into(),
            answers_json: "{}".into(),
            documents: vec![AcceptedDocument {
                id: "d".into(),
                title: "T".into(),
                version: "1".into(),
                sha256: "0".repeat(64),
            }],
            submitted_at_ms: 1,
            notifications: Vec::new(),
            flags: Vec::new(),
            owner_key: "p:hmac-sha256:test".into(),
            attachments: Vec::new(),
            idempotency_key: None,
        }
    }

    #[tokio::test]
    async fn a_clashing_order_in_a_batch_does_not_undo_the_others() {
        let (_dir, pool) = crate::db::test_db_of_either().await;
        let writer = OrderWriter::start(&pool, Outbox::default()).await.unwrap();
        // Sent together, so they share a batch: the middle one clashes with the first.
        let (a, b, c) = tokio::join!(
            writer.insert(record("BP-AAAA-AAAA")),
            writer.insert(record("BP-AAAA-AAAA")),
            writer.insert(record("BP-CCCC-CCCC")),
        );
        let mut outcomes = [a.unwrap(), b.unwrap(), c.unwrap()];
        outcomes.sort_by_key(|o| *o == Inserted::Ok);
        assert_eq!(
            outcomes,
            [Inserted::ReferenceTaken, Inserted::Ok, Inserted::Ok]
        );
        let orders: i64 = sqlx::query_scalar("SELECT count(*) FROM orders")
            .fetch_one(&pool)
            .await
            .unwrap();
        let evidence: i64 = sqlx::query_scalar("SELECT count(*) FROM acceptances")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(
            (orders, evidence),
            (2, 2),
            "the clash left no half-written order behind"
        );
    }

    #[tokio::test]
    async fn an_order_that_fails_in_a_batch_fails_alone() {
        let (_dir, pool) = crate::db::test_db_of_either().await;
        let writer = OrderWriter::start(&pool, Outbox::default()).await.unwrap();
        // A trigger makes this one order fail inside the batch.
        let trigger: &[&str] = match crate::db::Backend::of(&pool) {
            crate::db::Backend::Sqlite => &[
                "CREATE TRIGGER no_empty_doc BEFORE INSERT ON acceptances WHEN NEW.document_id = '' \
                 BEGIN SELECT RAISE(ABORT, 'empty'); END",
            ],
            crate::db::Backend::Postgres => &[
                "CREATE FUNCTION no_empty_doc() RETURNS trigger LANGUAGE plpgsql AS \
                 $$ BEGIN IF NEW.document_id = '' THEN RAISE EXCEPTION 'empty'; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER no_empty_doc BEFORE INSERT ON acceptances \
                 FOR EACH ROW EXECUTE FUNCTION no_empty_doc()",
            ],
        };
        for sql in trigger {
            sqlx::query(*sql).execute(&pool).await.unwrap();
        }
        let mut bad = record("BP-BBBB-BBBB");
        bad.documents[0].id = String::new();
        let (a, b, c) = tokio::join!(
            writer.insert(record("BP-AAAA-AAAA")),
            writer.insert(bad),
            writer.insert(record("BP-CCCC-CCCC")),
        );
        assert_eq!(a.unwrap(), Inserted::Ok);
        assert!(b.is_err());
        assert_eq!(c.unwrap(), Inserted::Ok);
        let refs: Vec<String> =
            sqlx::query_scalar("SELECT reference FROM orders ORDER BY reference")
                .fetch_all(&pool)
                .await
                .unwrap();
        assert_eq!(refs, ["BP-AAAA-AAAA", "BP-CCCC-CCCC"]);
    }

    #[tokio::test]
    async fn a_batch_with_a_noted_order_stores_its_note_and_the_plain_ones_whole() {
        let (_dir, pool) = crate::db::test_db_of_either().await;
        let writer = OrderWriter::start(&pool, Outbox::default()).await.unwrap();
        let mut noted = record("BP-NNNN-NNNN");
        noted.flags = vec!["HER-id 8765432 ble ikke sjekket".into()];
        noted.notifications = vec![NewNotification {
            channel: crate::outbox::Channel::Email,
            recipient: "kari@example.no".into(),
            subject: "Kvittering".into(),
            body: "Takk".into(),
            attachment_reference: None,
            secret: false,
        }];
        // The noted order takes the statement-by-statement path, with the plain one beside it.
        let (a, b) = tokio::join!(writer.insert(noted), writer.insert(record("BP-PPPP-PPPP")));
        assert_eq!((a.unwrap(), b.unwrap()), (Inserted::Ok, Inserted::Ok));
        assert_eq!(count(&pool, "SELECT count(*) FROM orders").await, 2);
        assert_eq!(count(&pool, "SELECT count(*) FROM acceptances").await, 2);
        assert_eq!(count(&pool, "SELECT count(*) FROM notifications").await, 1);
        let notes: Vec<String> = sqlx::query_scalar(
            "SELECT e.detail FROM case_events e JOIN orders o ON o.id = e.order_id \
             WHERE o.reference = 'BP-NNNN-NNNN' AND e.kind = 'note'",
        )
        .fetch_all(&pool)
        .await
        .unwrap();
        assert_eq!(notes, ["HER-id 8765432 ble ikke sjekket"]);
    }

    async fn count(pool: &Db, sql: &'static str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(pool).await.unwrap()
    }

    #[tokio::test]
    async fn a_batch_stores_each_order_whole_and_nothing_of_those_it_did_not_store() {
        let (_dir, pool) = crate::db::test_db_of_either().await;
        let writer = OrderWriter::start(&pool, Outbox::default()).await.unwrap();
        let with = |reference: &str, key: Option<&str>| {
            let mut order = record(reference);
            order.idempotency_key = key.map(str::to_owned);
            order.notifications = vec![NewNotification {
                channel: crate::outbox::Channel::Email,
                recipient: "kari@example.no".into(),
                subject: format!("Kvittering {reference}"),
                body: "Takk".into(),
                attachment_reference: None,
                secret: false,
            }];
            order
        };
        // An order stored before: the batch's last order draws its reference.
        writer.insert(with("BP-DDDD-DDDD", None)).await.unwrap();
        sqlx::query(
            "INSERT INTO drafts (owner_key, service, orgnr, step, answers_json, idempotency_key, updated_at_ms) \
             VALUES ('p:hmac-sha256:test', 'digitaleinnbyggertjenester', '994598759', 2, '{}', 'k', 1)",
        )
        .execute(&pool)
        .await
        .unwrap();
        let (a, b, c, d) = tokio::join!(
            writer.insert(with("BP-AAAA-AAAA", Some("key-1"))),
            // The same person's second submit with the same key, in the same batch.
            writer.insert(with("BP-BBBB-BBBB", Some("key-1"))),
            writer.insert(with("BP-CCCC-CCCC", None)),
            writer.insert(with("BP-DDDD-DDDD", None)),
        );
        let a = a.unwrap();
        let b = b.unwrap();
        // Whichever of the two the batch took first is the order; the other is told its reference.
        let (first, second) = if a == Inserted::Ok { (a, b) } else { (b, a) };
        assert_eq!(first, Inserted::Ok);
        assert!(
            matches!(&second, Inserted::Existing(r) if r == "BP-AAAA-AAAA" || r == "BP-BBBB-BBBB"),
            "{second:?}"
        );
        assert_eq!(c.unwrap(), Inserted::Ok);
        assert_eq!(d.unwrap(), Inserted::ReferenceTaken);
        assert_eq!(count(&pool, "SELECT count(*) FROM orders").await, 3);
        // Every stored order has its one document's evidence and its one notification.
        assert_eq!(
            count(
                &pool,
                "SELECT count(*) FROM acceptances a JOIN orders o ON o.id = a.order_id"
            )
            .await,
            3
        );
        assert_eq!(count(&pool, "SELECT count(*) FROM acceptances").await, 3);
        assert_eq!(count(&pool, "SELECT count(*) FROM notifications").await, 3);
        assert_eq!(
            count(&pool, "SELECT count(*) FROM drafts").await,
            0,
            "the orderer's draft went with the order"
        );
    }
}
