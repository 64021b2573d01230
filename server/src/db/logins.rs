//! Pending ID-porten login attempts: written at the start, taken (and deleted) once at
//! the callback, so a state can never be used twice.

use crate::db::Db;

/// Attempts older than this are refused: nobody needs ten minutes at ID-porten.
pub const MAX_AGE_MS: i64 = 10 * 60 * 1000;

pub struct Attempt {
    pub state_hash: String,
    pub browser_hash: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub return_to: String,
    /// The signing this login is for (`db::signings`); `None` for an ordinary login.
    pub signing_id: Option<String>,
    /// A customer-centre staff login, through the staff provider.
    pub for_staff: bool,
}

pub async fn insert(db: &Db, a: &Attempt, now_ms: i64) -> Result<(), sqlx::Error> {
    // Old attempts nobody finished go on the way.
    sqlx::query("DELETE FROM login_attempts WHERE created_at_ms < $1")
        .bind(now_ms - MAX_AGE_MS)
        .execute(db)
        .await?;
    sqlx::query(
        "INSERT INTO login_attempts (state_hash, browser_hash, nonce, pkce_verifier, return_to, created_at_ms, signing_id, for_staff) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&a.state_hash)
    .bind(&a.browser_hash)
    .bind(&a.nonce)
    .bind(&a.pkce_verifier)
    .bind(&a.return_to)
    .bind(now_ms)
    .bind(&a.signing_id)
    .bind(a.for_staff)
    .execute(db)
    .await?;
    Ok(())
}

/// Takes the attempt with this state, if it exists, is fresh and is of the kind the
/// callback finishes (`for_staff`); it is gone afterwards.
pub async fn take(
    db: &Db,
    state_hash: &str,
    for_staff: bool,
    now_ms: i64,
) -> Result<Option<Attempt>, sqlx::Error> {
    let row: Option<(String, String, String, String, i64, Option<String>)> = sqlx::query_as(
        "DELETE FROM login_attempts WHERE state_hash = $1 AND for_staff = $2 RETURNING browser_hash, nonce, pkce_verifier, return_to, created_at_ms, signing_id",
    )
    .bind(state_hash)
    .bind(for_staff)
    .fetch_optional(db)
    .await?;
    Ok(row.filter(|r| r.4 >= now_ms - MAX_AGE_MS).map(
        |(browser_hash, nonce, pkce_verifier, return_to, _, signing_id)| Attempt {
            state_hash: state_hash.to_owned(),
            browser_hash,
            nonce,
            pkce_verifier,
            return_to,
            signing_id,
            for_staff,
        },
    ))
}
