//! Moving an order along its statuses. Only moves `OrderStatus::can_move_to` allows are
//! made, and only from the status the mover saw: two case handlers moving the same order
//! at once cannot both succeed. The move, its entry in the case's history and the e-mail
//! that tells the customer commit in one transaction: none without the others.

use crate::db::Db;
use common::i18n::{fill, t};
use common::{Lang, OrderStatus, services};

use crate::db::cases::{self, Actor};
use crate::db::orders;
use crate::error::Internal;
use crate::outbox::{self, Channel, NewNotification};

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
    #[error("the order asked for ServiceBus, which is not activated yet")]
    ServiceBusFirst,
}

/// Moves the order `reference` from `from` to `to`, with the reason the customer is told
/// where the status needs one, as `actor`.
pub async fn move_order(
    db: &Db,
    reference: &str,
    from: OrderStatus,
    to: OrderStatus,
    reason: Option<&str>,
    actor: &Actor<'_>,
) -> Result<Result<(), MoveRefused>, Internal> {
    if !from.can_move_to(to) {
        return Ok(Err(MoveRefused::NotAllowed { from, to }));
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if to.needs_reason() && reason.is_none() {
        return Ok(Err(MoveRefused::ReasonMissing(to)));
    }
    let mut tx = db.begin().await?;
    let moved: Option<(i64, String, String)> = sqlx::query_as(
        "UPDATE orders SET status = $1, status_reason = $2, status_changed_at_ms = $3
         WHERE reference = $4 AND status = $5 RETURNING id, service, answers_json",
    )
    .bind(to.as_str())
    .bind(reason)
    .bind(crate::now_ms())
    .bind(reference)
    .bind(from.as_str())
    .fetch_optional(&mut *tx)
    .await?;
    let Some((order_id, service, answers_json)) = moved else {
        drop(tx);
        return Ok(Err(match orders::status_of(db, reference).await? {
            None => MoveRefused::NoSuchOrder,
            Some(now) => MoveRefused::MovedMeanwhile(now),
        }));
    };
    if super::servicebus::blocks_completion(&mut tx, order_id, &service, &answers_json, to).await? {
        return Ok(Err(MoveRefused::ServiceBusFirst));
    }
    let detail = format!("{} → {}", from.as_str(), to.as_str());
    cases::record(&mut tx, order_id, actor, "status", &detail).await?;
    // The reason on its own, as the customer reads it (`conversation::SHOWN_TO_THE_CUSTOMER`).
    if let Some(reason) = reason {
        cases::record(&mut tx, order_id, actor, "reason", reason).await?;
    }
    let lang = Lang::Nb;
    let subject = fill(t::MAIL_STATUS_SUBJECT.get(lang), &[reference]);
    let body = fill(
        t::MAIL_STATUS_BODY.get(lang),
        &[reference, to.label().get(lang)],
    );
    if let Some(mail) = contact_mail(&service, &answers_json, subject, body) {
        outbox::enqueue(&mut tx, &mail, crate::now_ms()).await?;
    }
    tx.commit().await?;
    Ok(Ok(()))
}

/// An e-mail to the contact person the order's form names (for services that name one).
pub(super) fn contact_mail(
    service: &str,
    answers_json: &str,
    subject: String,
    body: String,
) -> Option<NewNotification> {
    let field = services::by_slug(service)?.contact_email?;
    let answers: common::form::RawForm = serde_json::from_str(answers_json).ok()?;
    Some(NewNotification {
        channel: Channel::Email,
        recipient: answers.one(field).to_owned(),
        subject,
        body,
        attachment_reference: None,
        secret: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use OrderStatus::*;

    const HANDLER: Actor = Actor {
        subject: "s-1",
        name: "Siri Saksbehandler",
    };

    async fn database_with_an_order() -> (tempfile::TempDir, Db) {
        let (dir, db) = crate::db::test_db().await;
        sqlx::query(
            r#"INSERT INTO orders (reference, service, orgnr, org_name, ordered_by_name, ordered_by_key, eid, answers_json, submitted_at_ms)
             VALUES ('BP-1', 'ddfl', '910000001', 'Legekontoret', 'Kari', 'k', 'minid', '{"drift_epost":"drift@legekontoret.no"}', 0)"#,
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
            move_order(&db, "BP-1", Mottatt, Fullfort, None, &HANDLER)
                .await
                .unwrap(),
            Err(MoveRefused::NotAllowed {
                from: Mottatt,
                to: Fullfort
            })
        );
        assert_eq!(
            move_order(&db, "BP-1", Mottatt, TrengerAvklaring, Some(" "), &HANDLER)
                .await
                .unwrap(),
            Err(MoveRefused::ReasonMissing(TrengerAvklaring))
        );
        move_order(&db, "BP-1", Mottatt, UnderBehandling, None, &HANDLER)
            .await
            .unwrap()
            .unwrap();
        // A second handler who still saw it as Mottatt loses.
        assert_eq!(
            move_order(&db, "BP-1", Mottatt, Avvist, Some("Feil enhet"), &HANDLER)
                .await
                .unwrap(),
            Err(MoveRefused::MovedMeanwhile(UnderBehandling))
        );
        move_order(&db, "BP-1", UnderBehandling, Fullfort, None, &HANDLER)
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
                move_order(&db, "BP-1", Fullfort, to, Some("x"), &HANDLER)
                    .await
                    .unwrap()
                    .is_err()
            );
        }
        assert_eq!(
            move_order(&db, "BP-404", UnderBehandling, Fullfort, None, &HANDLER)
                .await
                .unwrap(),
            Err(MoveRefused::NoSuchOrder)
        );
    }

    #[tokio::test]
    async fn the_database_refuses_a_status_that_is_not_one() {
        let (_dir, db) = database_with_an_order().await;
        for bad in ["godkjent", "Mottatt", ""] {
            let e = sqlx::query("UPDATE orders SET status = $1 WHERE reference = 'BP-1'")
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
            sqlx::query("UPDATE orders SET status = $1 WHERE reference = 'BP-1'")
                .bind(status.as_str())
                .execute(&db)
                .await
                .unwrap();
            assert_eq!(orders::status_of(&db, "BP-1").await.unwrap(), Some(status));
        }
    }
}
