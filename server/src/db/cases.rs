//! The customer centre's view of orders: the queue (filtered, keyset-paged), a case with
//! its history, and the history's entries, which are also the audit log of staff actions.

use crate::db::Db;
use common::OrderStatus;
use sqlx::AnyConnection;

/// Who has the cases to list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Assigned {
    Anyone,
    To(String),
    Nobody,
}

/// The queue's filters, search and page.
#[derive(Clone, Debug)]
pub struct QueueFilter {
    pub status: Option<OrderStatus>,
    pub service: Option<String>,
    pub orgnr: Option<String>,
    pub assigned: Assigned,
    /// Open cases submitted before this moment (Unix ms): those past the answer time.
    pub submitted_before_ms: Option<i64>,
    /// A reference number, an organisation number, or part of an organisation's name.
    pub search: Option<String>,
    pub oldest_first: bool,
    /// The last row of the previous page (its id).
    pub after: Option<i64>,
    pub limit: i64,
}

/// One order as the queue lists it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct QueueRow {
    pub id: i64,
    pub reference: String,
    pub service: String,
    pub orgnr: String,
    pub org_name: String,
    pub status: String,
    pub submitted_at_ms: i64,
    pub assigned_name: Option<String>,
}

/// What a search in the queue matches, found before the orders are read.
enum Matching {
    Everything,
    /// A reference: that order alone (a reference is no one's name).
    Reference(String),
    /// Nine digits: an organisation number.
    Orgnr(String),
    /// The organisations whose name has the text, and how many orders they have together.
    Organisations(Vec<String>, i64),
    Nothing,
}

/// Up to this many orders, the orders of the organisations a name search found are read
/// organisation by organisation and sorted; beyond it, in id order until the page is full
/// (they are then common enough that the page fills soon).
const READ_BY_ORGANISATION: i64 = 20_000;

async fn matching(db: &Db, search: Option<&str>) -> Result<Matching, sqlx::Error> {
    let Some(search) = search.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(Matching::Everything);
    };
    let upper = search.to_uppercase();
    if common::reference::is_well_formed(&upper) {
        return Ok(Matching::Reference(upper));
    }
    let digits: String = search.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 9 && search.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        return Ok(Matching::Orgnr(digits));
    }
    // Compared in Rust, not by LIKE: SQLite folds the case of ASCII letters only, and
    // "ørland" should find "Ørland kommune". The table has a row per organisation and name.
    let needle = search.to_lowercase();
    let names: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT orgnr, org_name, orders FROM order_organisations ORDER BY orgnr")
            .fetch_all(db)
            .await?;
    let mut found: Vec<(String, i64)> = Vec::new();
    for (orgnr, name, orders) in names {
        if name.to_lowercase().contains(&needle) {
            match found.last_mut() {
                // Rows come by orgnr (the primary key): an organisation's names are together.
                Some((last, n)) if *last == orgnr => *n += orders,
                _ => found.push((orgnr, orders)),
            }
        }
    }
    if found.is_empty() {
        return Ok(Matching::Nothing);
    }
    let orders = found.iter().map(|(_, n)| n).sum();
    Ok(Matching::Organisations(
        found.into_iter().map(|(orgnr, _)| orgnr).collect(),
        orders,
    ))
}

/// A page of the queue, newest (or oldest) first.
pub async fn queue(db: &Db, f: &QueueFilter) -> Result<Vec<QueueRow>, sqlx::Error> {
    let matching = matching(db, f.search.as_deref()).await?;
    let by_organisation =
        matches!(&matching, Matching::Organisations(_, n) if *n <= READ_BY_ORGANISATION);
    let backend = super::Backend::of(db);
    let mut q = Sql::new(
        "SELECT id, reference, service, orgnr, org_name, status, submitted_at_ms, assigned_name
         FROM orders ",
    );
    q.push(if by_organisation && backend == super::Backend::Sqlite {
        "INDEXED BY orders_orgnr WHERE 1 = 1"
    } else {
        "WHERE 1 = 1"
    });
    match matching {
        Matching::Everything => {}
        Matching::Nothing => return Ok(Vec::new()),
        Matching::Reference(reference) => {
            q.push(" AND reference = ").bind(reference);
        }
        Matching::Orgnr(orgnr) => {
            q.push(" AND orgnr = ").bind(orgnr);
        }
        Matching::Organisations(orgnrs, _) => {
            // The list is one JSON parameter, however many organisations a short text
            // matches. `+orgnr` keeps SQLite reading in id order where they are many.
            let list = serde_json::to_string(&orgnrs).unwrap_or_default();
            match backend {
                super::Backend::Postgres => q
                    .push(" AND orgnr IN (SELECT jsonb_array_elements_text(")
                    .bind(list)
                    .push("::jsonb))"),
                super::Backend::Sqlite => q
                    .push(if by_organisation {
                        " AND orgnr IN (SELECT value FROM json_each("
                    } else {
                        " AND +orgnr IN (SELECT value FROM json_each("
                    })
                    .bind(list)
                    .push("))"),
            };
        }
    }
    if let Some(status) = f.status {
        q.push(" AND status = ").bind(status.as_str());
    }
    if let Some(service) = &f.service {
        q.push(" AND service = ").bind(service.as_str());
    }
    if let Some(orgnr) = &f.orgnr {
        q.push(" AND orgnr = ").bind(orgnr.as_str());
    }
    match &f.assigned {
        Assigned::Anyone => {}
        Assigned::To(subject) => {
            q.push(" AND assigned_to = ").bind(subject.as_str());
        }
        Assigned::Nobody => {
            q.push(" AND assigned_to IS NULL");
        }
    }
    if let Some(before) = f.submitted_before_ms {
        q.push(" AND status NOT IN ('fullfort', 'avvist') AND submitted_at_ms < ")
            .bind(before);
    }
    if let Some(after) = f.after {
        q.push(if f.oldest_first {
            " AND id > "
        } else {
            " AND id < "
        })
        .bind(after);
    }
    q.push(if f.oldest_first {
        " ORDER BY id ASC LIMIT "
    } else {
        " ORDER BY id DESC LIMIT "
    })
    .bind(f.limit);
    q.fetch_all(db).await
}

/// A query put together piece by piece, its parameters numbered `$1`, `$2` … as they
/// come (sqlx's `QueryBuilder` writes `?` for the `Any` driver, which PostgreSQL refuses).
struct Sql {
    text: String,
    params: Vec<Param>,
}

enum Param {
    Text(String),
    Int(i64),
}

impl From<&str> for Param {
    fn from(s: &str) -> Self {
        Param::Text(s.to_owned())
    }
}

impl From<String> for Param {
    fn from(s: String) -> Self {
        Param::Text(s)
    }
}

impl From<i64> for Param {
    fn from(n: i64) -> Self {
        Param::Int(n)
    }
}

impl Sql {
    fn new(start: &str) -> Self {
        Sql {
            text: start.to_owned(),
            params: Vec::new(),
        }
    }

    fn push(&mut self, sql: &str) -> &mut Self {
        self.text.push_str(sql);
        self
    }

    fn bind(&mut self, value: impl Into<Param>) -> &mut Self {
        self.params.push(value.into());
        self.text.push_str(&format!("${}", self.params.len()));
        self
    }

    async fn fetch_all<T>(self, db: &Db) -> Result<Vec<T>, sqlx::Error>
    where
        T: for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
    {
        let mut query = sqlx::query_as(sqlx::AssertSqlSafe(self.text));
        for param in self.params {
            query = match param {
                Param::Text(s) => query.bind(s),
                Param::Int(n) => query.bind(n),
            };
        }
        query.fetch_all(db).await
    }
}

/// One order's timeline, as the leder's numbers need it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Timeline {
    pub service: String,
    pub status: String,
    pub submitted_at_ms: i64,
    /// The first answer the customer got from the centre: a reply, or a status that asks
    /// or decides (not the Under behandling of taking the case).
    pub first_answer_ms: Option<i64>,
    pub completed_ms: Option<i64>,
}

/// The timelines of the orders submitted in `[from_ms, to_ms)`.
pub async fn timelines(db: &Db, from_ms: i64, to_ms: i64) -> Result<Vec<Timeline>, sqlx::Error> {
    sqlx::query_as(
        "SELECT o.service, o.status, o.submitted_at_ms,
             (SELECT MIN(e.at_ms) FROM case_events e WHERE e.order_id = o.id AND e.actor <> 'kunde'
                  AND (e.kind = 'reply' OR (e.kind = 'status' AND e.detail NOT LIKE '%→ under_behandling')))
                 AS first_answer_ms,
             (SELECT MIN(e.at_ms) FROM case_events e WHERE e.order_id = o.id AND e.kind = 'status'
                  AND e.detail LIKE '%→ fullfort') AS completed_ms
         FROM orders o WHERE o.submitted_at_ms >= $1 AND o.submitted_at_ms < $2",
    )
    .bind(from_ms)
    .bind(to_ms)
    .fetch_all(db)
    .await
}

/// A case: its queue row, who ordered, and the answers as stored (JSON).
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct CaseRow {
    #[sqlx(flatten)]
    pub row: QueueRow,
    pub ordered_by_name: String,
    pub answers_json: String,
}

/// The case of the order `reference`.
pub async fn case(db: &Db, reference: &str) -> Result<Option<CaseRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, reference, service, orgnr, org_name, status, submitted_at_ms, assigned_name,
                ordered_by_name, answers_json
         FROM orders WHERE reference = $1",
    )
    .bind(reference)
    .fetch_optional(db)
    .await
}

/// An entry of a case's history, as stored.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct EventRow {
    pub at_ms: i64,
    pub actor_name: String,
    pub kind: String,
    pub detail: String,
}

impl EventRow {
    /// The entry as the API shows it, its time in Norwegian time.
    pub fn shown(self) -> common::api::staff::CaseEvent {
        common::api::staff::CaseEvent {
            at: crate::oslo_time::date_and_time(self.at_ms),
            by: self.actor_name,
            kind: self.kind,
            detail: self.detail,
        }
    }
}

/// The case's history, oldest first.
pub async fn history(db: &Db, order_id: i64) -> Result<Vec<EventRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT at_ms, actor_name, kind, detail FROM case_events WHERE order_id = $1 ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(db)
    .await
}

/// The history entries of `kinds`, oldest first (what the customer is shown).
pub async fn history_of_kinds(
    db: &Db,
    order_id: i64,
    kinds: &[&str],
) -> Result<Vec<EventRow>, sqlx::Error> {
    let all = history(db, order_id).await?;
    Ok(all
        .into_iter()
        .filter(|e| kinds.contains(&e.kind.as_str()))
        .collect())
}

/// The audit log: every staff action, newest first, with its case's reference (none for
/// an action on no single case, such as an export).
pub async fn audit_log(
    db: &Db,
    limit: i64,
) -> Result<Vec<(Option<String>, EventRow)>, sqlx::Error> {
    let rows: Vec<(Option<String>, i64, String, String, String)> = sqlx::query_as(
        "SELECT reference, at_ms, actor_name, kind, detail FROM (
             SELECT o.reference, e.at_ms, e.id AS seq, e.actor_name, e.kind, e.detail
             FROM case_events e JOIN orders o ON o.id = e.order_id
             WHERE e.actor <> 'kunde'
             UNION ALL
             SELECT NULL, at_ms, id, actor_name, kind, detail FROM staff_actions) AS events
         ORDER BY at_ms DESC, seq DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(reference, at_ms, actor_name, kind, detail)| {
            (
                reference,
                EventRow {
                    at_ms,
                    actor_name,
                    kind,
                    detail,
                },
            )
        })
        .collect())
}

/// Appends a staff action that concerns no single case to the audit log.
pub async fn record_action(
    db: &Db,
    actor: &Actor<'_>,
    kind: &str,
    detail: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO staff_actions (at_ms, actor, actor_name, kind, detail) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(crate::now_ms())
    .bind(actor.subject)
    .bind(actor.name)
    .bind(kind)
    .bind(detail)
    .execute(db)
    .await?;
    Ok(())
}

/// Who did something to a case.
pub struct Actor<'a> {
    pub subject: &'a str,
    pub name: &'a str,
}

/// Appends an entry to the case's history (and so to the audit log).
pub async fn record(
    conn: &mut AnyConnection,
    order_id: i64,
    actor: &Actor<'_>,
    kind: &str,
    detail: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO case_events (order_id, at_ms, actor, actor_name, kind, detail) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(order_id)
    .bind(crate::now_ms())
    .bind(actor.subject)
    .bind(actor.name)
    .bind(kind)
    .bind(detail)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Assigns the case to `actor` (who takes it, or whom a leder gives it to); its id, when
/// there is such a case.
pub async fn assign(
    conn: &mut AnyConnection,
    reference: &str,
    actor: &Actor<'_>,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE orders SET assigned_to = $1, assigned_name = $2 WHERE reference = $3 RETURNING id",
    )
    .bind(actor.subject)
    .bind(actor.name)
    .bind(reference)
    .fetch_optional(&mut *conn)
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(search: &str) -> QueueFilter {
        QueueFilter {
            status: None,
            service: None,
            orgnr: None,
            assigned: Assigned::Anyone,
            submitted_before_ms: None,
            search: Some(search.to_owned()),
            oldest_first: false,
            after: None,
            limit: 51,
        }
    }

    /// `n` orders of one organisation, through the same INSERT the trigger watches.
    async fn orders(db: &Db, orgnr: &str, name: &str, n: i64, first: i64) {
        sqlx::query(
            "WITH RECURSIVE k(i) AS (SELECT $1 UNION ALL SELECT i + 1 FROM k WHERE i < $1 + $2 - 1)
             INSERT INTO orders (reference, service, orgnr, org_name, ordered_by_name, ordered_by_key,
                 eid, answers_json, submitted_at_ms)
             SELECT 'R-' || i, 'domene', $3, $4, 'Kari', 'k', 'minid', '{}', i FROM k",
        )
        .bind(first)
        .bind(n)
        .bind(orgnr)
        .bind(name)
        .execute(db)
        .await
        .unwrap();
    }

    #[tokio::test]
    async fn a_name_search_finds_the_organisations_in_any_case_read_either_way() {
        let (_dir, db) = crate::db::test_db().await;
        // Many orders of Ørland (read in id order), a few of Bodø (read by organisation).
        orders(
            &db,
            "910000001",
            "Ørland kommune",
            READ_BY_ORGANISATION + 1,
            1,
        )
        .await;
        orders(&db, "910000002", "Bodø legevakt", 3, 100_000).await;
        orders(&db, "910000001", "Ørland kommune", 2, 200_000).await;
        // Counted by the trigger, per statement on PostgreSQL: a statement's rows summed.
        let counted: Vec<(String, i64)> =
            sqlx::query_as("SELECT orgnr, orders FROM order_organisations ORDER BY orgnr")
                .fetch_all(&db)
                .await
                .unwrap();
        assert_eq!(
            counted,
            [
                ("910000001".to_owned(), READ_BY_ORGANISATION + 3),
                ("910000002".to_owned(), 3)
            ]
        );
        let found = queue(&db, &filter("ørland")).await.unwrap();
        assert_eq!(found.len(), 51);
        assert_eq!(found[0].reference, "R-200001", "newest first");
        assert!(found.iter().all(|r| r.orgnr == "910000001"));
        let found = queue(&db, &filter("BODØ LEGE")).await.unwrap();
        let references: Vec<&str> = found.iter().map(|r| r.reference.as_str()).collect();
        assert_eq!(references, ["R-100002", "R-100001", "R-100000"]);
        // Both: the organisations' orders merged, newest first.
        let found = queue(&db, &filter("o")).await.unwrap();
        assert_eq!(found[0].reference, "R-200001");
        assert_eq!(found[2].reference, "R-100002");
        assert!(queue(&db, &filter("%")).await.unwrap().is_empty());
        assert!(queue(&db, &filter("legevakt 2")).await.unwrap().is_empty());
        // A reference and an organisation number go straight to their orders.
        let found = queue(&db, &filter("910 000 002")).await.unwrap();
        assert_eq!(found.len(), 3);
        let mut oldest = filter("910000002");
        oldest.oldest_first = true;
        oldest.after = Some(found[2].id);
        assert_eq!(queue(&db, &oldest).await.unwrap()[0].reference, "R-100001");
    }
}
