//! Server-side sessions. The cookie holds a random token; the table holds its hash.

use std::collections::{BTreeMap, BTreeSet};

use crate::db::Db;
use common::api::Eid;
use common::validate::{Fodselsnummer, OrgNumber};

/// Who a session belongs to.
#[derive(Clone, Debug)]
pub enum Identity {
    /// Logged in with an eID (ID-porten, or the test login): may accept terms.
    Person {
        fodselsnummer: Fodselsnummer,
        eid: Eid,
    },
    /// Logged in to the customer portal with username, password and a code.
    Account { id: i64 },
}

/// A live session.
#[derive(Clone, Debug)]
pub struct SessionRow {
    pub token_hash: String,
    pub identity: Identity,
    pub name: String,
    /// The organisation chosen in the customer portal.
    pub orgnr: Option<OrgNumber>,
    /// "Husk meg": the longer lifetime applies.
    pub remember: bool,
    pub expires_at_ms: i64,
    /// The security level the login reached (`acr`); "" for a customer-portal account.
    /// Written from `LoginEvidence`, read back for the acceptance evidence.
    pub acr: String,
}

/// How the person logged in, kept with the session: the level reached and, for ID-porten,
/// the ID token (needed to end the ID-porten session at logout).
#[derive(Default)]
pub struct LoginEvidence {
    pub acr: Option<String>,
    pub id_token: Option<String>,
}

pub async fn insert(
    db: &Db,
    row: &SessionRow,
    evidence: &LoginEvidence,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    let (fnr, eid, account_id) = match &row.identity {
        Identity::Person { fodselsnummer, eid } => {
            (Some(fodselsnummer.expose()), Some(eid.as_str()), None)
        }
        Identity::Account { id } => (None, None, Some(*id)),
    };
    sqlx::query(
        "INSERT INTO sessions (token_hash, fodselsnummer, eid, account_id, name, orgnr, remember, created_at_ms, expires_at_ms, acr, id_token)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&row.token_hash)
    .bind(fnr)
    .bind(eid)
    .bind(account_id)
    .bind(&row.name)
    .bind(row.orgnr.as_ref().map(|o| o.as_ref().to_owned()))
    .bind(row.remember)
    .bind(now_ms)
    .bind(row.expires_at_ms)
    .bind(&evidence.acr)
    .bind(&evidence.id_token)
    .execute(db)
    .await?;
    Ok(())
}

/// The ID-porten ID token of a session, if it came from ID-porten.
pub async fn id_token(db: &Db, token_hash: &str) -> Result<Option<String>, sqlx::Error> {
    let token: Option<Option<String>> =
        sqlx::query_scalar("SELECT id_token FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(db)
            .await?;
    Ok(token.flatten())
}

type Row = (
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    String,
    Option<String>,
    super::Flag,
    i64,
    Option<String>,
);

/// The sessions of several tokens in one query, by token hash (read in groups by
/// `session_reads`).
pub async fn find_all<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
    token_hashes: &[&str],
) -> Result<BTreeMap<String, SessionRow>, sqlx::Error> {
    let distinct: BTreeSet<&str> = token_hashes.iter().copied().collect();
    if distinct.is_empty() {
        return Ok(BTreeMap::new());
    }
    let placeholders: Vec<String> = (1..=distinct.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT token_hash, fodselsnummer, eid, account_id, name, orgnr, remember, expires_at_ms, acr
         FROM sessions WHERE token_hash IN ({})",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as::<_, Row>(sqlx::AssertSqlSafe(sql));
    for hash in &distinct {
        query = query.bind(*hash);
    }
    let rows = query.fetch_all(db).await?;
    Ok(rows
        .into_iter()
        .filter_map(parse)
        .map(|row| (row.token_hash.clone(), row))
        .collect())
}

/// A stored session as the app knows it. Rows were validated on insert; a row that no
/// longer parses is treated as no session.
fn parse(
    (token_hash, fnr, eid, account_id, name, orgnr, remember, expires_at_ms, acr): Row,
) -> Option<SessionRow> {
    let identity = match (fnr, eid, account_id) {
        (Some(fnr), Some(eid), None) => Identity::Person {
            fodselsnummer: Fodselsnummer::parse(&fnr).ok()?,
            eid: Eid::parse_wire(&eid)?,
        },
        (None, None, Some(id)) => Identity::Account { id },
        _ => return None,
    };
    Some(SessionRow {
        token_hash,
        identity,
        name,
        orgnr: orgnr.and_then(|o| OrgNumber::parse(&o).ok()),
        remember: remember.0,
        expires_at_ms,
        acr: acr.unwrap_or_default(),
    })
}

pub async fn set_expiry(db: &Db, token_hash: &str, expires_at_ms: i64) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET expires_at_ms = $1 WHERE token_hash = $2")
        .bind(expires_at_ms)
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// The organisation the session acts for from now on (already checked by the caller).
pub async fn set_organisation(
    db: &Db,
    token_hash: &str,
    orgnr: &OrgNumber,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET orgnr = $1 WHERE token_hash = $2")
        .bind(orgnr.as_ref())
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// Deletes every session past its end (with the fødselsnummer, name and ID token it
/// holds), keeping only its token's hash for a day so the user is told that the time
/// ran out rather than that she never logged in.
pub async fn end_expired(db: &Db, now_ms: i64) -> Result<u64, sqlx::Error> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "INSERT INTO ended_sessions (token_hash, ended_at_ms)
         SELECT token_hash, $1 FROM sessions WHERE expires_at_ms <= $1 ON CONFLICT DO NOTHING",
    )
    .bind(now_ms)
    .execute(&mut *tx)
    .await?;
    let ended = sqlx::query("DELETE FROM sessions WHERE expires_at_ms <= $1")
        .bind(now_ms)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    sqlx::query("DELETE FROM ended_sessions WHERE ended_at_ms < $1")
        .bind(now_ms - ENDED_KEPT_MS)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(ended)
}

/// How long an ended session's token hash is remembered.
const ENDED_KEPT_MS: i64 = 24 * 3_600_000;

/// Whether `token_hash` was a session that ran out (see `end_expired`).
pub async fn ended(db: &Db, token_hash: &str) -> Result<bool, sqlx::Error> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM ended_sessions WHERE token_hash = $1")
            .bind(token_hash)
            .fetch_optional(db)
            .await?;
    Ok(found.is_some())
}

pub async fn delete(db: &Db, token_hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(db)
        .await?;
    Ok(())
}

/// Ends every session of an account (after a password reset).
pub async fn delete_for_account(db: &Db, account_id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE account_id = $1")
        .bind(account_id)
        .execute(db)
        .await?;
    Ok(())
}
