//! Moving an order along its statuses. Only moves `OrderStatus::can_move_to` allows are
//! made, and only from the status the mover saw: two case handlers moving the same order
//! at once cannot both succeed.

use common::OrderStatus;
use sqlx::SqlitePool;

use crate::db::orders;

/// Why a move was not made.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoveRefused {
    #[error("no order with that reference")]
    NoSuchOrder,
    #[error("an order cannot go from {from:?} to {to:?}")]
    NotAllowed { from: OrderStatus, to: OrderStatus },
    #[error("moving to {0:?} needs a reason")]
    ReasonMissing(OrderStatus),
    #[error("the order is {0:?} now: someone moved it first")]
    MovedMeanwhile(OrderStatus),
}

/// Moves the order `reference` from `from` to `to`, with the reason the customer is told
/// where the status needs one.
pub async fn move_order(
    db: &SqlitePool,
    reference: &str,
    from: OrderStatus,
    to: OrderStatus,
    reason: Option<&str>,
) -> Result<Result<(), MoveRefused>, sqlx::Error> {
    if !from.can_move_to(to) {
        return Ok(Err(MoveRefused::NotAllowed { from, to }));
    }
    if to.needs_reason() && reason.is_none_or(|r| r.trim().is_empty()) {
        return Ok(Err(MoveRefused::ReasonMissing(to)));
    }
    if orders::set_status(db, reference, from, to, reason).await? {
        return Ok(Ok(()));
    }
    Ok(Err(match orders::status_of(db, reference).await? {
        None => MoveRefused::NoSuchOrder,
        Some(now) => MoveRefused::MovedMeanwhile(now),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus::*;

    async fn database_with_an_order() -> (tempfile::TempDir, SqlitePool) {
        let dir = tempfile::tempdir().unwrap();
        let db = crate::db::connect(&format!("sqlite://{}/t.db", dir.path().display()))
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO orders (reference, service, orgnr, org_name, ordered_by_name, ordered_by_key, eid, answers_json, submitted_at_ms)
             VALUES ('BP-1', 'ddfl', '910000001', 'Legekontoret', 'Kari', 'k', 'minid', '{}', 0)",
        )
        .execute(&db)
        .await
        .unwrap();
        (dir, db)
    }

    #[tokio::test]
    async fn an_order_moves_only_as_can_move_to_allows() {
        let (_dir, db) = database_with_an_order().await;
        assert_eq!(orders::status_of(&db, "BP-1").await.unwrap(), Some(Mottatt));
        // Not completed before someone has taken it.
        assert_eq!(
            move_order(&db, "BP-1", Mottatt, Fullfort, None)
                .await
                .unwrap(),
            Err(MoveRefused::NotAllowed {
                from: Mottatt,
                to: Fullfort
            })
        );
        assert_eq!(
            move_order(&db, "BP-1", Mottatt, TrengerAvklaring, Some(" "))
                .await
                .unwrap(),
            Err(MoveRefused::ReasonMissing(TrengerAvklaring))
        );
        move_order(&db, "BP-1", Mottatt, UnderBehandling, None)
            .await
            .unwrap()
            .unwrap();
        // A second handler who still saw it as Mottatt loses.
        assert_eq!(
            move_order(&db, "BP-1", Mottatt, Avvist, Some("Feil enhet"))
                .await
                .unwrap(),
            Err(MoveRefused::MovedMeanwhile(UnderBehandling))
        );
        move_order(&db, "BP-1", UnderBehandling, Fullfort, None)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            orders::status_of(&db, "BP-1").await.unwrap(),
            Some(Fullfort)
        );
        // Final: nothing moves it again.
        for to in OrderStatus::ALL {
            assert!(
                move_order(&db, "BP-1", Fullfort, to, Some("x"))
                    .await
                    .unwrap()
                    .is_err()
            );
        }
        assert_eq!(
            move_order(&db, "BP-404", UnderBehandling, Fullfort, None)
                .await
                .unwrap(),
            Err(MoveRefused::NoSuchOrder)
        );
    }

    #[tokio::test]
    async fn the_database_refuses_a_status_that_is_not_one() {
        let (_dir, db) = database_with_an_order().await;
        for bad in ["godkjent", "Mottatt", ""] {
            let e = sqlx::query("UPDATE orders SET status = ? WHERE reference = 'BP-1'")
                .bind(bad)
                .execute(&db)
                .await
                .unwrap_err();
            assert!(
                e.to_string().contains("CHECK constraint failed"),
                "{bad}: {e}"
            );
        }
        let e = sqlx::query(
            "INSERT INTO orders (reference, service, orgnr, org_name, ordered_by_name, ordered_by_key, eid, answers_json, submitted_at_ms, status)
             VALUES ('BP-2', 'ddfl', '910000001', 'L', 'K', 'k', 'minid', '{}', 0, 'ferdig')",
        )
        .execute(&db)
        .await
        .unwrap_err();
        assert!(e.to_string().contains("CHECK constraint failed"), "{e}");
        // Every real status round-trips.
        for status in OrderStatus::ALL {
            sqlx::query("UPDATE orders SET status = ? WHERE reference = 'BP-1'")
                .bind(status.as_str())
                .execute(&db)
                .await
                .unwrap();
            assert_eq!(orders::status_of(&db, "BP-1").await.unwrap(), Some(status));
        }
    }
}
