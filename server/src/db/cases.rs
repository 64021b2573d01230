//! The customer centre's view of orders: the queue (filtered, keyset-paged), a case with
//! its history, and the history's entries, which are also the audit log of staff actions.

use common::OrderStatus;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection, SqlitePool};

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

/// A page of the queue, newest (or oldest) first.
pub async fn queue(db: &SqlitePool, f: &QueueFilter) -> Result<Vec<QueueRow>, sqlx::Error> {
    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT id, reference, service, orgnr, org_name, status, submitted_at_ms, assigned_name
         FROM orders WHERE 1 = 1",
    );
    if let Some(status) = f.status {
        q.push(" AND status = ").push_bind(status.as_str());
    }
    if let Some(service) = &f.service {
        q.push(" AND service = ").push_bind(service.clone());
    }
    if let Some(orgnr) = &f.orgnr {
        q.push(" AND orgnr = ").push_bind(orgnr.clone());
    }
    match &f.assigned {
        Assigned::Anyone => {}
        Assigned::To(subject) => {
            q.push(" AND assigned_to = ").push_bind(subject.clone());
        }
        Assigned::Nobody => {
            q.push(" AND assigned_to IS NULL");
        }
    }
    if let Some(before) = f.submitted_before_ms {
        q.push(" AND status NOT IN ('fullfort', 'avvist') AND submitted_at_ms < ")
            .push_bind(before);
    }
    if let Some(search) = f.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let digits: String = search.chars().filter(char::is_ascii_digit).collect();
        q.push(" AND (reference = ")
            .push_bind(search.to_uppercase());
        if digits.len() == 9 {
            q.push(" OR orgnr = ").push_bind(digits);
        }
        // LIKE's own characters in the search are taken literally.
        let pattern = search
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        q.push(" OR org_name LIKE ")
            .push_bind(format!("%{pattern}%"))
            .push(" ESCAPE '\\')");
    }
    if let Some(after) = f.after {
        q.push(if f.oldest_first {
            " AND id > "
        } else {
            " AND id < "
        })
        .push_bind(after);
    }
    q.push(if f.oldest_first {
        " ORDER BY id ASC LIMIT "
    } else {
        " ORDER BY id DESC LIMIT "
    })
    .push_bind(f.limit);
    q.build_query_as().fetch_all(db).await
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
pub async fn timelines(
    db: &SqlitePool,
    from_ms: i64,
    to_ms: i64,
) -> Result<Vec<Timeline>, sqlx::Error> {
    sqlx::query_as(
        "SELECT o.service, o.status, o.submitted_at_ms,
             (SELECT MIN(e.at_ms) FROM case_events e WHERE e.order_id = o.id AND e.actor <> 'kunde'
                  AND (e.kind = 'reply' OR (e.kind = 'status' AND e.detail NOT LIKE '%→ under_behandling')))
                 AS first_answer_ms,
             (SELECT MIN(e.at_ms) FROM case_events e WHERE e.order_id = o.id AND e.kind = 'status'
                  AND e.detail LIKE '%→ fullfort') AS completed_ms
         FROM orders o WHERE o.submitted_at_ms >= ? AND o.submitted_at_ms < ?",
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
pub async fn case(db: &SqlitePool, reference: &str) -> Result<Option<CaseRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, reference, service, orgnr, org_name, status, submitted_at_ms, assigned_name,
                ordered_by_name, answers_json
         FROM orders WHERE reference = ?",
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
pub async fn history(db: &SqlitePool, order_id: i64) -> Result<Vec<EventRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT at_ms, actor_name, kind, detail FROM case_events WHERE order_id = ? ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(db)
    .await
}

/// The history entries of `kinds`, oldest first (what the customer is shown).
pub async fn history_of_kinds(
    db: &SqlitePool,
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
    db: &SqlitePool,
    limit: i64,
) -> Result<Vec<(Option<String>, EventRow)>, sqlx::Error> {
    let rows: Vec<(Option<String>, i64, String, String, String)> = sqlx::query_as(
        "SELECT reference, at_ms, actor_name, kind, detail FROM (
             SELECT o.reference, e.at_ms, e.id AS seq, e.actor_name, e.kind, e.detail
             FROM case_events e JOIN orders o ON o.id = e.order_id
             WHERE e.actor <> 'kunde'
             UNION ALL
             SELECT NULL, at_ms, id, actor_name, kind, detail FROM staff_actions)
         ORDER BY at_ms DESC, seq DESC LIMIT ?",
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
    db: &SqlitePool,
    actor: &Actor<'_>,
    kind: &str,
    detail: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO staff_actions (at_ms, actor, actor_name, kind, detail) VALUES (?, ?, ?, ?, ?)",
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
    conn: &mut SqliteConnection,
    order_id: i64,
    actor: &Actor<'_>,
    kind: &str,
    detail: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO case_events (order_id, at_ms, actor, actor_name, kind, detail) VALUES (?, ?, ?, ?, ?, ?)",
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
    conn: &mut SqliteConnection,
    reference: &str,
    actor: &Actor<'_>,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "UPDATE orders SET assigned_to = ?, assigned_name = ? WHERE reference = ? RETURNING id",
    )
    .bind(actor.subject)
    .bind(actor.name)
    .bind(reference)
    .fetch_optional(&mut *conn)
    .await
}
