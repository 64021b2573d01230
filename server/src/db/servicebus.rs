//! ServiceBus activations as stored: one per order, never the password.

use crate::db::Db;
use sqlx::AnyConnection;

/// An activation as the case page shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct ActivationRow {
    pub username: String,
    pub email: String,
    pub mobile: String,
    pub activated_at_ms: i64,
    pub activated_by_name: String,
}

/// A new activation.
pub struct NewActivation<'a> {
    pub order_id: i64,
    pub orgnr: &'a str,
    pub username: &'a str,
    pub email: &'a str,
    pub mobile: &'a str,
    pub by: &'a crate::db::cases::Actor<'a>,
}

/// Stores the activation; false when the order has one already.
pub async fn insert(conn: &mut AnyConnection, a: &NewActivation<'_>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO servicebus_activations
             (order_id, orgnr, username, email, mobile, activated_at_ms, activated_by, activated_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (order_id) DO NOTHING",
    )
    .bind(a.order_id)
    .bind(a.orgnr)
    .bind(a.username)
    .bind(a.email)
    .bind(a.mobile)
    .bind(crate::now_ms())
    .bind(a.by.subject)
    .bind(a.by.name)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// How many ServiceBus usernames the organisation has (the next one is numbered after them).
pub async fn count_for(conn: &mut AnyConnection, orgnr: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT count(*) FROM servicebus_activations WHERE orgnr = $1")
        .bind(orgnr)
        .fetch_one(conn)
        .await
}

/// The order's activation, if it has one.
pub async fn of_order(db: &Db, order_id: i64) -> Result<Option<ActivationRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT username, email, mobile, activated_at_ms, activated_by_name
         FROM servicebus_activations WHERE order_id = $1",
    )
    .bind(order_id)
    .fetch_optional(db)
    .await
}

/// Whether the order has its activation (read inside the caller's transaction).
pub async fn is_activated(conn: &mut AnyConnection, order_id: i64) -> Result<bool, sqlx::Error> {
    let found: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM servicebus_activations WHERE order_id = $1")
            .bind(order_id)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}
