//! Rate limits for customer-portal logins, kept in the database so they hold across
//! server processes. Every attempt — a password or a security code, right or wrong — is
//! a row (account, address, time), and within `WINDOW_MS` an attempt is refused when
//!
//! - the account has had `PAIR_MAX` attempts from this address (a guesser at one address
//!   is stopped, whatever codes it had sent),
//! - the account has had `ACCOUNT_MAX` from all addresses together (a spread-out guesser),
//! - or the address has made `ADDRESS_MAX`, successes included (a guesser who knows a
//!   password cannot wash its count by logging in).
//!
//! A stranger at another address cannot lock a user out with a handful of wrong
//! passwords: only the account-wide limit spans addresses, and it is set well above one
//! guesser's share. After a full login (password and code) the user's own rows stop
//! counting for the account, but still count for the address.
//!
//! Each attempt *reserves* its row in one statement that also checks the three counts
//! (SQLite runs a statement under the write lock, so two processes cannot both take the
//! last slot).

use sqlx::SqlitePool;

pub const PAIR_MAX: i64 = 12;
pub const ACCOUNT_MAX: i64 = 36;
pub const ADDRESS_MAX: i64 = 36;
pub const WINDOW_MS: i64 = 15 * 60 * 1000;

/// Records an attempt on `account_key` from `address`, or `false` if any limit is
/// reached (and then records nothing).
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
         WHERE (SELECT count(*) FROM login_failures WHERE account_key = ?1 AND address = ?2 AND at_ms > ?4) < ?5
           AND (SELECT count(*) FROM login_failures WHERE account_key = ?1 AND at_ms > ?4) < ?6
           AND (SELECT count(*) FROM login_failures WHERE address = ?2 AND at_ms > ?4) < ?7
         RETURNING id",
    )
    .bind(account_key)
    .bind(address)
    .bind(now_ms)
    .bind(since)
    .bind(PAIR_MAX)
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

/// After a full login from `address`: the user's attempts from there no longer count
/// against the account (they still count for the address).
pub async fn forgive(db: &SqlitePool, account_key: &str, address: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE login_failures SET account_key = '' WHERE account_key = ? AND address = ?")
        .bind(account_key)
        .bind(address)
        .execute(db)
        .await?;
    Ok(())
}

/// After a password reset: the account starts afresh (the addresses keep their counts).
pub async fn clear_account(db: &SqlitePool, account_key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE login_failures SET account_key = '' WHERE account_key = ?")
        .bind(account_key)
        .execute(db)
        .await?;
    Ok(())
}
