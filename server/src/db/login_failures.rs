//! Rate limits for password logins, kept in the database so they hold across server
//! processes: at most `ACCOUNT_MAX` failures per account and `ADDRESS_MAX` per client
//! address within `WINDOW_MS`.
//!
//! Every attempt first *reserves* a failure row, in one statement that also checks both
//! counts (SQLite runs a statement under the write lock, so two processes cannot both
//! take the last slot). A successful login removes the account's rows again.

use sqlx::SqlitePool;

pub const ACCOUNT_MAX: i64 = 5;
pub const ADDRESS_MAX: i64 = 20;
pub const WINDOW_MS: i64 = 15 * 60 * 1000;

/// Records an attempt for `account_key` from `address`, or `false` if either is over its
/// limit (and then records nothing).
pub async fn reserve(
    db: &SqlitePool,
    account_key: &str,
    address: &str,
    now_ms: i64,
) -> Result<bool, sqlx::Error> {
    let since = now_ms - WINDOW_MS;
    let inserted: Option<i64> = sqlx::query_scalar(
        "INSERT INTO login_failures (account_key, address, at_ms)
         SELECT ?1, ?2, ?3
         WHERE (SELECT count(*) FROM login_failures WHERE account_key = ?1 AND at_ms > ?4) < ?5
           AND (SELECT count(*) FROM login_failures WHERE address = ?2 AND at_ms > ?4) < ?6
         RETURNING id",
    )
    .bind(account_key)
    .bind(address)
    .bind(now_ms)
    .bind(since)
    .bind(ACCOUNT_MAX)
    .bind(ADDRESS_MAX)
    .fetch_optional(db)
    .await?;
    // Old rows go on the way; the index keeps this cheap.
    sqlx::query("DELETE FROM login_failures WHERE at_ms <= ?")
        .bind(since)
        .execute(db)
        .await?;
    Ok(inserted.is_some())
}

/// After a successful login (or a password reset): the account starts afresh.
pub async fn clear_account(db: &SqlitePool, account_key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_failures WHERE account_key = ?")
        .bind(account_key)
        .execute(db)
        .await?;
    Ok(())
}
