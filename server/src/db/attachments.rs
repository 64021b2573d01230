//! Attachments: stored at upload under the uploader, bound to the order that names them.
//! Unbound uploads are purged with the drafts they belonged to.

use crate::db::Db;

pub struct NewAttachment<'a> {
    pub id: &'a str,
    pub owner_key: &'a str,
    pub name: &'a str,
    pub bytes: &'a [u8],
    pub sha256: &'a str,
    pub now_ms: i64,
}

pub async fn insert(db: &Db, a: NewAttachment<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO attachments (id, owner_key, name, size, sha256, bytes, created_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(a.id)
    .bind(a.owner_key)
    .bind(a.name)
    .bind(a.bytes.len() as i64)
    .bind(a.sha256)
    .bind(a.bytes)
    .bind(a.now_ms)
    .execute(db)
    .await?;
    Ok(())
}

/// Whether the owner uploaded `id` and no order holds it yet.
pub async fn is_open_upload(db: &Db, owner_key: &str, id: &str) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM attachments WHERE id = $1 AND owner_key = $2 AND order_reference IS NULL",
    )
    .bind(id)
    .bind(owner_key)
    .fetch_optional(db)
    .await?;
    Ok(found.is_some())
}

/// Binds the uploads to the order that was stored with them.
pub async fn bind(
    db: &mut sqlx::AnyConnection,
    owner_key: &str,
    ids: &[String],
    reference: &str,
) -> Result<(), sqlx::Error> {
    for id in ids {
        sqlx::query("UPDATE attachments SET order_reference = $1 WHERE id = $2 AND owner_key = $3 AND order_reference IS NULL")
            .bind(reference)
            .bind(id)
            .bind(owner_key)
            .execute(&mut *db)
            .await?;
    }
    Ok(())
}

/// An attachment of an order of `orgnr`, or the owner's own upload: (name, bytes).
pub async fn fetch(
    db: &Db,
    id: &str,
    owner_key: &str,
    orgnrs: &[String],
) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    let row: Option<(String, Vec<u8>, String, Option<String>)> = sqlx::query_as(
        "SELECT a.name, a.bytes, a.owner_key, o.orgnr FROM attachments a
         LEFT JOIN orders o ON o.reference = a.order_reference WHERE a.id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await?;
    Ok(row.and_then(|(name, bytes, owner, orgnr)| {
        (owner == owner_key || orgnr.is_some_and(|o| orgnrs.contains(&o))).then_some((name, bytes))
    }))
}

/// The attachments sent with an organisation's orders, or with one order:
/// (id, name, size, order reference).
pub async fn for_orders(
    db: &Db,
    of: super::Of<'_>,
) -> Result<Vec<(String, String, i64, String)>, sqlx::Error> {
    let sql = format!(
        "SELECT a.id, a.name, a.size, a.order_reference FROM attachments a
         JOIN orders o ON o.reference = a.order_reference WHERE {} ORDER BY a.created_at_ms DESC",
        of.condition()
    );
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(of.value())
        .fetch_all(db)
        .await
}

/// An attachment sent with the order `reference`: (name, bytes).
pub async fn of_order(
    db: &Db,
    id: &str,
    reference: &str,
) -> Result<Option<(String, Vec<u8>)>, sqlx::Error> {
    sqlx::query_as("SELECT name, bytes FROM attachments WHERE id = $1 AND order_reference = $2")
        .bind(id)
        .bind(reference)
        .fetch_optional(db)
        .await
}

/// Deletes uploads no order took, older than `before_ms`.
pub async fn purge(db: &Db, before_ms: i64) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM attachments WHERE order_reference IS NULL AND created_at_ms < $1")
            .bind(before_ms)
            .execute(db)
            .await?
            .rows_affected(),
    )
}
