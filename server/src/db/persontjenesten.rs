//! Persontjenesten's readiness per organisation (who ticked which item, when) and the
//! requests for delegated rights to a tilgangsstyrer.

use crate::db::Db;

/// The ticked items of an organisation: (item, by, at_ms).
pub async fn readiness(db: &Db, orgnr: &str) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT item, done_by_name, done_at_ms FROM readiness WHERE orgnr = $1")
        .bind(orgnr)
        .fetch_all(db)
        .await
}

pub async fn set_readiness(
    db: &Db,
    orgnr: &str,
    item: &str,
    done_by: Option<(&str, i64)>,
) -> Result<(), sqlx::Error> {
    match done_by {
        Some((name, at)) => sqlx::query(
            "INSERT INTO readiness (orgnr, item, done_by_name, done_at_ms) VALUES ($1, $2, $3, $4)
             ON CONFLICT (orgnr, item) DO UPDATE SET done_by_name = excluded.done_by_name, done_at_ms = excluded.done_at_ms",
        )
        .bind(orgnr)
        .bind(item)
        .bind(name)
        .bind(at),
        None => sqlx::query("DELETE FROM readiness WHERE orgnr = $1 AND item = $2")
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

pub async fn insert_request(db: &Db, r: NewRequest<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO access_requests (orgnr, requester_key, requester_name, requester_email, purposes_json, message, tilgangsstyrer, created_at_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
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
    db: &Db,
    orgnr: &str,
    requester_key: &str,
    all: bool,
) -> Result<Vec<StoredRequest>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM access_requests WHERE orgnr = $1 AND ($2 OR requester_key = $3) ORDER BY id DESC LIMIT 100"
    ))
    .bind(orgnr)
    .bind(all)
    .bind(requester_key)
    .fetch_all(db)
    .await
}

pub async fn request(db: &Db, id: i64) -> Result<Option<StoredRequest>, sqlx::Error> {
    sqlx::query_as(concat!(
        "SELECT ",
        columns!(),
        " FROM access_requests WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(db)
    .await
}

/// Records the decision once: false if it was already decided.
pub async fn decide(
    conn: &mut sqlx::AnyConnection,
    id: i64,
    approve: bool,
    by: &str,
    now_ms: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE access_requests SET status = $1, decided_by_name = $2, decided_at_ms = $3 WHERE id = $4 AND status = 'venter'",
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
pub async fn last_approval(db: &Db, orgnr: &str) -> Result<Option<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT decided_by_name, decided_at_ms FROM access_requests WHERE orgnr = $1 AND status = 'godkjent' ORDER BY decided_at_ms DESC LIMIT 1",
    )
    .bind(orgnr)
    .fetch_optional(db)
    .await
}

/// Who accepted a document for the organisation last, and when.
pub async fn last_acceptance(
    db: &Db,
    orgnr: &str,
    document_id: &str,
) -> Result<Option<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT accepted_by_name, accepted_at_ms FROM acceptances WHERE orgnr = $1 AND document_id = $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(orgnr)
    .bind(document_id)
    .fetch_optional(db)
    .await
}
