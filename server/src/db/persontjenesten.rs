//! Persontjenesten's readiness per organisation (who ticked which item, when) and the
//! requests for delegated rights to a tilgangsstyrer.

use sqlx::SqlitePool;

/// The ticked items of an organisation: (item, by, at_ms).
pub async fn readiness(
    db: &SqlitePool,
    orgnr: &str,
) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT item, done_by_name, done_at_ms FROM readiness WHERE orgnr = ?")
        .bind(orgnr)
        .fetch_all(db)
        .await
}

pub async fn set_readiness(
    db: &SqlitePool,
    orgnr: &str,
    item: &str,
    done_by: Option<(&str, i64)>,
) -> Result<(), sqlx::Error> {
    match done_by {
        Some((name, at)) => sqlx::query(
            "INSERT INTO readiness (orgnr, item, done_by_name, done_at_ms) VALUES (?, ?, ?, ?)
             ON CONFLICT (orgnr, item) DO UPDATE SET done_by_name = excluded.done_by_name, done_at_ms = excluded.done_at_ms",
        )
        .bind(orgnr)
        .bind(item)
        .bind(name)
        .bind(at),
        None => sqlx::query("DELETE FROM readiness WHERE orgnr = ? AND item = ?")
            .bind(orgnr)
            .bind(item),
    }
    .execute(db)
    .await?;
    Ok(())
}

pub struct NewRequest<'a> {
    pub orgnr: &'a str,
    pub requester_key: &'a str,
    pub requester_name: &'a str,
    pub requester_email: &'a str,
    pub purposes_json: &'a str,
    pub message: &'a str,
    pub tilgangsstyrer: &'a str,
    pub now_ms: i64,
}

pub async fn insert_request(db: &SqlitePool, r: NewRequest<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO access_requests (orgnr, requester_key, requester_name, requester_email, purposes_json, message, tilgangsstyrer, created_at_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(r.orgnr)
    .bind(r.requester_key)
    .bind(r.requester_name)
    .bind(r.requester_email)
    .bind(r.purposes_json)
    .bind(r.message)
    .bind(r.tilgangsstyrer)
    .bind(r.now_ms)
    .fetch_one(db)
    .await
}

/// A stored request: what the views and the decision need.
#[derive(sqlx::FromRow)]
pub struct StoredRequest {
    pub id: i64,
    pub orgnr: String,
    pub requester_key: String,
    pub requester_name: String,
    pub requester_email: String,
    pub purposes_json: String,
    pub message: String,
    pub tilgangsstyrer: String,
    pub status: String,
    pub created_at_ms: i64,
}

/// The columns of `StoredRequest` (a macro so the queries stay static strings).
macro_rules! columns {
    () => {
        "id, orgnr, requester_key, requester_name, requester_email, purposes_json, message, tilgangsstyrer, status, created_at_ms"
    };
}

/// An organisation's requests, newest first; only `requester_key`'s unless `all`.
pub async fn requests(
    db: &SqlitePool,
    orgnr: &str,
    requester_key: &str,
    all: bool,
) -> Result<Vec<StoredRequest>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM access_requests WHERE orgnr = ? AND (? OR requester_key = ?) ORDER BY id DESC LIMIT 100"
    ))
    .bind(orgnr)
    .bind(all)
    .bind(requester_key)
    .fetch_all(db)
    .await
}

pub async fn request(db: &SqlitePool, id: i64) -> Result<Option<StoredRequest>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM access_requests WHERE id = ?"
    ))
    .bind(id)
    .fetch_optional(db)
    .await
}

/// Records the decision once: false if it was already decided.
pub async fn decide(
    conn: &mut sqlx::SqliteConnection,
    id: i64,
    approve: bool,
    by: &str,
    now_ms: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE access_requests SET status = ?, decided_by_name = ?, decided_at_ms = ? WHERE id = ? AND status = 'venter'",
    )
    .bind(if approve { "godkjent" } else { "avslatt" })
    .bind(by)
    .bind(now_ms)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// When the organisation last had a request approved, and by whom.
pub async fn last_approval(
    db: &SqlitePool,
    orgnr: &str,
) -> Result<Option<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT decided_by_name, decided_at_ms FROM access_requests WHERE orgnr = ? AND status = 'godkjent' ORDER BY decided_at_ms DESC LIMIT 1",
    )
    .bind(orgnr)
    .fetch_optional(db)
    .await
}

/// Who accepted a document for the organisation last, and when.
pub async fn last_acceptance(
    db: &SqlitePool,
    orgnr: &str,
    document_id: &str,
) -> Result<Option<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT accepted_by_name, accepted_at_ms FROM acceptances WHERE orgnr = ? AND document_id = ? ORDER BY id DESC LIMIT 1",
    )
    .bind(orgnr)
    .bind(document_id)
    .fetch_optional(db)
    .await
}
