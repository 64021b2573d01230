//! The conversation about an order: the customer centre's internal notes (never shown to
//! the customer), its replies to the submitter (e-mailed through the outbox in the same
//! transaction), and the customer's answer to a clarification, which puts the case back
//! into handling with the answer in its history.

use crate::db::Db;
use common::OrderStatus;
use common::api::staff::CaseText;
use common::i18n::{fill, t};
use common::validate::BoundedText;

use super::status::{MoveRefused, contact_mail};
use crate::db::cases::{self, Actor};
use crate::db::orders;
use crate::error::ApiError;
use crate::outbox;

/// The kinds of history entry the customer sees: the reason a status was given, the
/// centre's replies and their own answers. Notes and views are the centre's own.
pub const SHOWN_TO_THE_CUSTOMER: [&str; 3] = ["reason", "reply", "answer"];

/// The text of a note, reply or answer: 1–4000 characters, refused at the field.
pub fn text_of(body: &CaseText, lang: common::Lang) -> Result<String, ApiError> {
    BoundedText::parse(&body.text, 4000)
        .map(|t| t.to_string())
        .map_err(|e| ApiError::field("text", e, lang))
}

/// Adds an internal note; false when there is no such order.
pub async fn note(
    db: &Db,
    reference: &str,
    actor: &Actor<'_>,
    text: &str,
) -> Result<bool, sqlx::Error> {
    let Some(order_id) = orders::id_of(db, reference).await? else {
        return Ok(false);
    };
    let mut conn = db.acquire().await?;
    cases::record(&mut conn, order_id, actor, "note", text).await?;
    Ok(true)
}

/// Replies to the submitter: the reply in the history and its e-mail to the order's
/// contact commit together, so it is sent once and never lost; false when there is no
/// such order.
pub async fn reply(
    db: &Db,
    reference: &str,
    actor: &Actor<'_>,
    text: &str,
) -> Result<bool, sqlx::Error> {
    let mut tx = crate::db::begin_write(db).await?;
    let found: Option<(i64, String, String)> =
        sqlx::query_as("SELECT id, service, answers_json FROM orders WHERE reference = $1")
            .bind(reference)
            .fetch_optional(&mut *tx)
            .await?;
    let Some((order_id, service, answers_json)) = found else {
        return Ok(false);
    };
    cases::record(&mut tx, order_id, actor, "reply", text).await?;
    let lang = common::Lang::Nb;
    let subject = fill(t::MAIL_REPLY_SUBJECT.get(lang), &[reference]);
    let body = fill(t::MAIL_REPLY_BODY.get(lang), &[reference, text]);
    if let Some(mail) = contact_mail(&service, &answers_json, subject, body) {
        outbox::enqueue(&mut tx, &mail, crate::now_ms()).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// The customer's answer to a clarification: recorded, and the case goes back to Under
/// behandling, in one transaction. Refused unless the case waits for the customer.
pub async fn answer(
    db: &Db,
    reference: &str,
    customer: &Actor<'_>,
    text: &str,
) -> Result<Result<(), MoveRefused>, sqlx::Error> {
    let mut tx = db.begin().await?;
    let moved: Option<i64> = sqlx::query_scalar(
        "UPDATE orders SET status = 'under_behandling', status_changed_at_ms = $1
         WHERE reference = $2 AND status = 'trenger_avklaring' RETURNING id",
    )
    .bind(crate::now_ms())
    .bind(reference)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(order_id) = moved else {
        drop(tx);
        return Ok(Err(match orders::status_of(db, reference).await? {
            None => MoveRefused::NoSuchOrder,
            Some(now) => MoveRefused::NotAllowed {
                from: now,
                to: OrderStatus::UnderBehandling,
            },
        }));
    };
    cases::record(&mut tx, order_id, customer, "answer", text).await?;
    cases::record(
        &mut tx,
        order_id,
        customer,
        "status",
        "trenger_avklaring → under_behandling",
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(()))
}
