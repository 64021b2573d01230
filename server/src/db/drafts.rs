//! Drafts: the journey's answers saved as the user goes (one row per user, service and
//! organisation), read back after a new login, deleted after retention (and at submit, by the order
//! writer, in the order's own transaction).

use crate::db::Db;
use common::api::Draft;

/// Upserts the draft. The first idempotency key stays: the one returned is what every
/// tab must submit with.
pub async fn save(
    db: &Db,
    owner_key: &str,
    service: &str,
    draft: &Draft,
    answers_json: &str,
    now_ms: i64,
) -> Result<String, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO drafts (owner_key, service, orgnr, step, answers_json, idempotency_key, updated_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (owner_key, service, orgnr) DO UPDATE SET
             step = excluded.step, updated_at_ms = excluded.updated_at_ms,
             -- A save without a single answer (a tab's stale state after an expiry) never
             -- wipes a draft that has some: less must not overwrite more.
             answers_json = CASE WHEN excluded.answers_json = '{}' THEN drafts.answers_json
                                 ELSE excluded.answers_json END
         RETURNING idempotency_key",
    )
    .bind(owner_key)
    .bind(service)
    .bind(&draft.orgnr)
    .bind(i64::from(draft.step))
    .bind(answers_json)
    .bind(&draft.idempotency_key)
    .bind(now_ms)
    .fetch_one(db)
    .await
}

/// The user's newest draft of a service.
pub async fn latest(db: &Db, owner_key: &str, service: &str) -> Result<Option<Draft>, sqlx::Error> {
    let row: Option<(String, i64, String, String, i64)> = sqlx::query_as(
        "SELECT orgnr, step, answers_json, idempotency_key, updated_at_ms FROM drafts
         WHERE owner_key = $1 AND service = $2 ORDER BY updated_at_ms DESC LIMIT 1",
    )
    .bind(owner_key)
    .bind(service)
    .fetch_optional(db)
    .await?;
    Ok(row.and_then(
        |(orgnr, step, answers_json, idempotency_key, saved_at_ms)| {
            Some(Draft {
                orgnr,
                step: u8::try_from(step).ok()?,
                answers: serde_json::from_str(&answers_json).ok()?,
                idempotency_key,
                saved_at_ms,
            })
        },
    ))
}

/// Deletes drafts untouched since `before_ms`; the number deleted.
pub async fn purge(db: &Db, before_ms: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM drafts WHERE updated_at_ms < $1")
        .bind(before_ms)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
