//! A batch of orders in one statement, on PostgreSQL. Data-modifying CTEs insert the
//! orders, their evidence and their notifications and delete the orderers' drafts; every
//! row joins to its order through the `RETURNING` of the orders' insert, so what belongs to
//! an order that was not inserted (a taken reference or idempotency key) is not written
//! either. One statement is a transaction of its own: a batch is one round trip instead of
//! six (BEGIN, four statements, COMMIT). The writer is what the submits wait for on
//! PostgreSQL, and each round trip is a wait for the database's process to be scheduled.
//!
//! Only for plain orders (`OrderRecord::is_plain`): a signed package, uploads and notes
//! take the transactional path, which SQLite always takes (it has no data-modifying CTEs).

use std::collections::HashSet;
use std::fmt::Write;

use sqlx::AnyConnection;

use super::{
    EVIDENCE_COLUMNS, Inserted, ORDER_COLUMNS, OrderRecord, WriteError, bind_evidence, bind_order,
    failed, ids_of, outcomes,
};
use crate::db::values_from;
use crate::outbox::{NOTIFICATION_COLUMNS, bind_notification};

/// Writes `orders`, committed when this returns `Ok`.
pub(super) async fn write(
    conn: &mut AnyConnection,
    orders: &[&OrderRecord],
) -> Result<Vec<Inserted>, WriteError> {
    // A second order with a reference already in the batch would insert nothing, but its
    // evidence would join to the first one's row: it is left out (and comes out below as
    // taken, or as the earlier order with its idempotency key).
    let mut references = HashSet::new();
    let written: Vec<&OrderRecord> = orders
        .iter()
        .copied()
        .filter(|o| references.insert(o.reference.as_str()))
        .collect();
    let sql = statement(&written);
    // Only placeholders are made up here; every value is bound, in the statement's order.
    let mut query = sqlx::query_as::<_, (i64, String)>(sqlx::AssertSqlSafe(sql));
    for order in &written {
        query = bind_order!(query, order);
    }
    for order in &written {
        for doc in &order.documents {
            query = bind_evidence!(query, &order.reference, order, doc);
        }
    }
    for order in &written {
        query = query
            .bind(&order.reference)
            .bind(&order.owner_key)
            .bind(&order.service)
            .bind(&order.orgnr);
    }
    for order in &written {
        for n in &order.notifications {
            query = bind_notification!(query.bind(&order.reference), n, order.submitted_at_ms);
        }
    }
    let inserted = query.fetch_all(&mut *conn).await.map_err(failed)?;
    let ids = ids_of(orders, inserted);
    Ok(outcomes(conn, orders, &ids).await?.0)
}

/// The statement for `orders` (their references distinct).
fn statement(orders: &[&OrderRecord]) -> String {
    let documents: usize = orders.iter().map(|o| o.documents.len()).sum();
    let notifications: usize = orders.iter().map(|o| o.notifications.len()).sum();
    let mut next = 1;
    let mut list = |rows: usize, columns: usize| {
        let list = values_from(next, rows, columns);
        next += rows * columns;
        list
    };
    let mut sql = format!(
        "WITH o AS (INSERT INTO orders ({ORDER_COLUMNS}) VALUES {} \
         ON CONFLICT DO NOTHING RETURNING id, reference)",
        list(orders.len(), 11)
    );
    if documents > 0 {
        let _ = write!(
            sql,
            ", a AS (INSERT INTO acceptances (order_id, {EVIDENCE_COLUMNS}) \
             SELECT o.id, {} FROM (VALUES {}) AS v (reference, {EVIDENCE_COLUMNS}) JOIN o USING (reference))",
            of_v(EVIDENCE_COLUMNS),
            list(documents, 12)
        );
    }
    let _ = write!(
        sql,
        ", d AS (DELETE FROM drafts USING (VALUES {}) AS v (reference, owner_key, service, orgnr) \
         JOIN o USING (reference) \
         WHERE drafts.owner_key = v.owner_key AND drafts.service = v.service AND drafts.orgnr = v.orgnr)",
        list(orders.len(), 4)
    );
    if notifications > 0 {
        let _ = write!(
            sql,
            ", n AS (INSERT INTO notifications ({NOTIFICATION_COLUMNS}) \
             SELECT {} FROM (VALUES {}) AS v (reference, {NOTIFICATION_COLUMNS}) JOIN o USING (reference))",
            of_v(NOTIFICATION_COLUMNS),
            list(notifications, 9)
        );
    }
    sql.push_str(" SELECT id, reference FROM o");
    sql
}

/// `v.a, v.b`: the columns of the list `v`.
fn of_v(columns: &str) -> String {
    columns
        .split(", ")
        .map(|c| format!("v.{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_list_numbers_its_placeholders_after_the_one_before() {
        let order = super::super::tests::record("BP-AAAA-AAAA");
        let sql = statement(&[&order, &order]);
        // Two orders of 11 values, two documents of 12, two drafts of 4: $1…$54.
        assert!(sql.contains("($23, $24,"), "{sql}");
        assert!(sql.contains("($51, $52, $53, $54))"), "{sql}");
        assert!(!sql.contains("$55"), "{sql}");
        assert!(
            !sql.contains("INSERT INTO notifications"),
            "none to send: {sql}"
        );
    }
}
