//! Server-side sessions. The cookie holds a random token; the table holds its hash.

use common::api::Eid;
use common::validate::Fodselsnummer;
use sqlx::SqlitePool;

/// A live session's user.
#[derive(Clone, Debug)]
pub struct SessionRow {
    pub token_hash: String,
    pub fodselsnummer: Fodselsnummer,
    pub name: String,
    pub eid: Eid,
    pub expires_at_ms: i64,
}

/// How the person logged in, kept with the session: the level reached and, for ID-porten,
/// the ID token (needed to end the ID-porten session at logout).
#[derive(Default)]
pub struct LoginEvidence {
    pub acr: Option<String>,
    pub id_token: Option<String>,
}

pub async fn insert(
    db: &SqlitePool,
    row: &SessionRow,
    evidence: &LoginEvidence,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, fodselsnummer, name, eid, created_at_ms, expires_at_ms, acr, id_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&row.token_hash)
    .bind(row.fodselsnummer.expose())
    .bind(&row.name)
    .bind(row.eid.as_str())
    .bind(now_ms)
    .bind(row.expires_at_ms)
    .bind(&evidence.acr)
    .bind(&evidence.id_token)
    .execute(db)
    .await?;
    Ok(())
}

/// The ID-porten ID token of a session, if it came from ID-porten.
pub async fn id_token(db: &SqlitePool, token_hash: &str) -> Result<Option<String>, sqlx::Error> {
    let token: Option<Option<String>> =
        sqlx::query_scalar("SELECT id_token FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .fetch_optional(db)
            .await?;
    Ok(token.flatten())
}

pub async fn find(db: &SqlitePool, token_hash: &str) -> Result<Option<SessionRow>, sqlx::Error> {
    let row: Option<(String, String, String, i64)> = sqlx::query_as(
        "SELECT fodselsnummer, name, eid, expires_at_ms FROM sessions WHERE token_hash = ?",
    )
    .bind(token_hash)
    .fetch_optional(db)
    .await?;
    Ok(row.and_then(|(fnr, name, eid, expires_at_ms)| {
        // Rows were validated on insert; a row that no longer parses is treated as no session.
        Some(SessionRow {
            token_hash: token_hash.to_owned(),
            fodselsnummer: Fodselsnummer::parse(&fnr).ok()?,
            name,
            eid: Eid::parse_wire(&eid)?,
            expires_at_ms,
        })
    }))
}

pub async fn set_expiry(
    db: &SqlitePool,
    token_hash: &str,
    expires_at_ms: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET expires_at_ms = ? WHERE token_hash = ?")
        .bind(expires_at_ms)
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn delete(db: &SqlitePool, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}
