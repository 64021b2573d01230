//! "Glemt passordet?": single-use reset links that expire, at most a few per hour.

use crate::db::Db;
use sqlx::AnyConnection;

pub const LIFETIME_MS: i64 = 30 * 60 * 1000;
/// Links one account may be sent per hour: enough for a lost e-mail, not for a flood.
pub const MAX_PER_HOUR: i64 = 3;

/// Records a new link, unless the account has had its links this hour.
pub async fn create(
    conn: &mut AnyConnection,
    token_hash: &str,
    account_id: i64,
    now_ms: i64,
) -> Result<bool, sqlx::Error> {
    let inserted: Option<String> = sqlx::query_scalar(
        "INSERT INTO password_resets (token_hash, account_id, created_at_ms, expires_at_ms)
         SELECT $1, $2, $3, $4
         WHERE (SELECT count(*) FROM password_resets WHERE account_id = $2 AND created_at_ms > $5) < $6
         RETURNING token_hash",
    )
    .bind(token_hash)
    .bind(account_id)
    .bind(now_ms)
    .bind(now_ms + LIFETIME_MS)
    .bind(now_ms - 3_600_000)
    .bind(MAX_PER_HOUR)
    .fetch_optional(conn)
    .await?;
    Ok(inserted.is_some())
}

/// Uses the link: the account it belongs to if it is unused and fresh. Every other
/// unused link of the account dies with it.
pub async fn take(db: &Db, token_hash: &str, now_ms: i64) -> Result<Option<i64>, sqlx::Error> {
    let account: Option<i64> = sqlx::query_scalar(
        "UPDATE password_resets SET used_at_ms = $1
         WHERE token_hash = $2 AND used_at_ms IS NULL AND expires_at_ms > $1
         RETURNING account_id",
    )
    .bind(now_ms)
    .bind(token_hash)
    .fetch_optional(db)
    .await?;
    if let Some(account_id) = account {
        sqlx::query(
            "UPDATE password_resets SET used_at_ms = $1 WHERE account_id = $2 AND used_at_ms IS NULL",
        )
        .bind(now_ms)
        .bind(account_id)
        .execute(db)
        .await?;
    }
    Ok(account)
}
