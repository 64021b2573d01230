//! Customer-portal logins between the password and the code. The browser holds a random
//! token (cookie); the row holds its hash, the current code's keyed hash, its expiry and
//! the wrong guesses so far. Every change is one conditional statement, so the limits
//! hold when several server processes share the database.

use crate::db::Db;
use sqlx::AnyConnection;

/// Password to code must take less than this.
pub const MAX_AGE_MS: i64 = 10 * 60 * 1000;
/// A code is valid this long.
pub const CODE_LIFETIME_MS: i64 = 5 * 60 * 1000;
/// Guesses per login, the right one included — for all its codes together: a new code
/// does not bring new guesses.
pub const CODE_ATTEMPTS: i64 = 5;
/// Codes one login may ask for ("Send ny kode"), so nobody can flood a phone.
pub const MAX_CODES: i64 = 3;
/// The least time between two codes of one login.
pub const CODE_SPACING_MS: i64 = 30 * 1000;

pub struct Pending {
    pub account_id: i64,
    pub remember: bool,
}

pub async fn create(
    db: &Db,
    token_hash: &str,
    account_id: i64,
    remember: bool,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM pending_logins WHERE created_at_ms < $1")
        .bind(now_ms - MAX_AGE_MS)
        .execute(db)
        .await?;
    sqlx::query(
        "INSERT INTO pending_logins (token_hash, account_id, remember, created_at_ms) VALUES ($1, $2, $3, $4)",
    )
    .bind(token_hash)
    .bind(account_id)
    .bind(remember)
    .bind(now_ms)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn find(db: &Db, token_hash: &str, now_ms: i64) -> Result<Option<Pending>, sqlx::Error> {
    let row: Option<(i64, super::Flag)> = sqlx::query_as(
        "SELECT account_id, remember FROM pending_logins WHERE token_hash = $1 AND created_at_ms >= $2",
    )
    .bind(token_hash)
    .bind(now_ms - MAX_AGE_MS)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(account_id, remember)| Pending {
        account_id,
        remember: remember.0,
    }))
}

/// Stores a new code (replacing the last one), unless this login has had its codes or
/// the last one went out less than `CODE_SPACING_MS` ago. The guesses so far stay.
pub async fn set_code(
    conn: &mut AnyConnection,
    token_hash: &str,
    code_hash: &str,
    channel: &str,
    now_ms: i64,
) -> Result<bool, sqlx::Error> {
    let updated = sqlx::query(
        "UPDATE pending_logins
         SET code_hash = $1, code_channel = $2, code_expires_ms = $3, codes_sent = codes_sent + 1
         WHERE token_hash = $4 AND codes_sent < $5
           AND (code_expires_ms IS NULL OR code_expires_ms - $6 + $7 <= $8)",
    )
    .bind(code_hash)
    .bind(channel)
    .bind(now_ms + CODE_LIFETIME_MS)
    .bind(token_hash)
    .bind(MAX_CODES)
    .bind(CODE_LIFETIME_MS)
    .bind(CODE_SPACING_MS)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(updated.rows_affected() == 1)
}

/// A guess at the code, counted before it is compared.
pub enum Guess {
    /// No such login, or no code sent yet.
    NoCode,
    /// The code's guesses are used up.
    Exhausted,
    /// Counted: compare `code_hash`; `attempts_left` after this one.
    Counted {
        code_hash: String,
        expires_ms: i64,
        attempts_left: i64,
    },
}

pub async fn count_guess(db: &Db, token_hash: &str) -> Result<Guess, sqlx::Error> {
    let row: Option<(String, i64, i64)> = sqlx::query_as(
        "UPDATE pending_logins SET code_attempts = code_attempts + 1
         WHERE token_hash = $1 AND code_hash IS NOT NULL AND code_attempts < $2
         RETURNING code_hash, code_expires_ms, code_attempts",
    )
    .bind(token_hash)
    .bind(CODE_ATTEMPTS)
    .fetch_optional(db)
    .await?;
    if let Some((code_hash, expires_ms, attempts)) = row {
        return Ok(Guess::Counted {
            code_hash,
            expires_ms,
            attempts_left: CODE_ATTEMPTS - attempts,
        });
    }
    let exists: Option<Option<String>> =
        sqlx::query_scalar("SELECT code_hash FROM pending_logins WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(db)
            .await?;
    Ok(match exists {
        Some(Some(_)) => Guess::Exhausted,
        _ => Guess::NoCode,
    })
}

/// Takes the login after the right code: it is gone afterwards, so a code works once.
pub async fn take(db: &Db, token_hash: &str) -> Result<Option<Pending>, sqlx::Error> {
    let row: Option<(i64, super::Flag)> = sqlx::query_as(
        "DELETE FROM pending_logins WHERE token_hash = $1 RETURNING account_id, remember",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(account_id, remember)| Pending {
        account_id,
        remember: remember.0,
    }))
}
