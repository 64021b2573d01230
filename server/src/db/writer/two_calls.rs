//! A batch of orders on SQLite in two calls to the connection's thread: `BEGIN IMMEDIATE`
//! with the orders' INSERT … RETURNING, then the evidence, the drafts' DELETE and the
//! notifications (and the COMMIT, for plain orders) as one string of statements. sqlx runs
//! every statement of a string in turn, binding `$n` by its number across them, and every
//! call is a trip to the connection's own thread and back: two context switches each way
//! instead of six calls. (SQLite has no data-modifying CTEs, so the second call takes the
//! order ids the first returned.)

use std::fmt::Write;

use sqlx::AnyConnection;

use super::{
    EVIDENCE_COLUMNS, ORDER_COLUMNS, OrderRecord, Stored, WriteError, bind_evidence, bind_order,
    failed, ids_of, outcomes,
};
use crate::db::{values, values_from};
use crate::outbox::{NOTIFICATION_COLUMNS, bind_notification};

/// Writes `orders` in a transaction it opens, and commits it when `commit` says so and
/// something was stored (otherwise the caller adds the rare parts and commits).
pub(super) async fn write<'a>(
    conn: &mut AnyConnection,
    orders: &[&'a OrderRecord],
    commit: bool,
) -> Result<Stored<'a>, WriteError> {
    let sql = format!(
        "BEGIN IMMEDIATE; INSERT INTO orders ({ORDER_COLUMNS}) VALUES {} \
         ON CONFLICT DO NOTHING RETURNING id, reference",
        values(orders.len(), 11)
    );
    // Only placeholders are made up here; every value is bound.
    let mut query = sqlx::query_as::<_, (i64, String)>(sqlx::AssertSqlSafe(sql));
    for order in orders {
        query = bind_order!(query, order);
    }
    let inserted = query.fetch_all(&mut *conn).await.map_err(failed)?;
    let (results, stored) = outcomes(conn, orders, &ids_of(orders, inserted)).await?;
    if stored.is_empty() {
        return Ok(Stored {
            results,
            stored,
            committed: false,
        });
    }

    let mut query = sqlx::query(sqlx::AssertSqlSafe(the_rest(&stored, commit)));
    for (id, order) in &stored {
        for doc in &order.documents {
            query = bind_evidence!(query, *id, order, doc);
        }
    }
    for (_, order) in &stored {
        query = query
            .bind(&order.owner_key)
            .bind(&order.service)
            .bind(&order.orgnr);
    }
    for (_, order) in &stored {
        for n in &order.notifications {
            query = bind_notification!(query, n, order.submitted_at_ms);
        }
    }
    query.execute(&mut *conn).await.map_err(failed)?;
    Ok(Stored {
        results,
        stored,
        committed: commit,
    })
}

/// The statements after the orders' rows, numbered in the order they are bound.
fn the_rest(stored: &[(i64, &OrderRecord)], commit: bool) -> String {
    let documents: usize = stored.iter().map(|(_, o)| o.documents.len()).sum();
    let notifications: usize = stored.iter().map(|(_, o)| o.notifications.len()).sum();
    let mut sql = String::new();
    let mut next = 1;
    if documents > 0 {
        let _ = write!(
            sql,
            "INSERT INTO acceptances (order_id, {EVIDENCE_COLUMNS}) VALUES {}; ",
            values_from(next, documents, 12)
        );
        next += documents * 12;
    }
    let which: Vec<String> = (0..stored.len())
        .map(|i| {
            let at = next + 3 * i;
            format!(
                "(owner_key = ${at} AND service = ${} AND orgnr = ${})",
                at + 1,
                at + 2
            )
        })
        .collect();
    let _ = write!(sql, "DELETE FROM drafts WHERE {}; ", which.join(" OR "));
    next += 3 * stored.len();
    if notifications > 0 {
        let _ = write!(
            sql,
            "INSERT INTO notifications ({NOTIFICATION_COLUMNS}) VALUES {}; ",
            values_from(next, notifications, 8)
        );
    }
    if commit {
        sql.push_str("COMMIT");
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_call_numbers_each_list_after_the_one_before() {
        let order = super::super::tests::record("BP-AAAA-AAAA");
        let sql = the_rest(&[(1, &order), (2, &order)], true);
        // Two documents of 12 values, then two drafts of 3: $1…$30, then the COMMIT.
        assert!(sql.contains("($13, $14,"), "{sql}");
        assert!(
            sql.contains("(owner_key = $28 AND service = $29 AND orgnr = $30)"),
            "{sql}"
        );
        assert!(!sql.contains("$31"), "{sql}");
        assert!(sql.ends_with("; COMMIT"), "{sql}");
        assert!(!the_rest(&[(1, &order)], false).contains("COMMIT"));
    }
}
