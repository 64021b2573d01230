//! Orders and their acceptance evidence, written in one transaction.

use common::api::{AcceptedDocument, Organisation, Receipt};
use common::form::RawForm;
use sqlx::SqlitePool;

/// An order ready to store: everything already validated.
pub struct NewOrder<'a> {
    pub reference: &'a str,
    pub service: &'a str,
    pub organisation: &'a Organisation,
    pub ordered_by_name: &'a str,
    pub ordered_by_fnr: &'a str,
    pub eid: &'a str,
    pub answers: &'a RawForm,
    pub documents: &'a [AcceptedDocument],
    pub submitted_at_ms: i64,
}

/// The outcome of an insert attempt.
pub enum Inserted {
    Ok,
    /// The reference was taken (a one-in-billions clash): draw another.
    ReferenceTaken,
}

pub async fn insert(db: &SqlitePool, order: &NewOrder<'_>) -> Result<Inserted, sqlx::Error> {
    let answers =
        serde_json::to_string(order.answers).map_err(|e| sqlx::Error::Encode(e.into()))?;
    let mut tx = db.begin().await?;
    let inserted = sqlx::query(
        "INSERT INTO orders (reference, service, orgnr, org_name, ordered_by_name, ordered_by_fnr, eid, answers_json, submitted_at_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(order.reference)
    .bind(order.service)
    .bind(&order.organisation.orgnr)
    .bind(&order.organisation.name)
    .bind(order.ordered_by_name)
    .bind(order.ordered_by_fnr)
    .bind(order.eid)
    .bind(&answers)
    .bind(order.submitted_at_ms)
    .execute(&mut *tx)
    .await;
    let order_id = match inserted {
        Ok(done) => done.last_insert_rowid(),
        Err(sqlx::Error::Database(e)) if is_reference_clash(e.as_ref()) => {
            return Ok(Inserted::ReferenceTaken);
        }
        Err(e) => return Err(e),
    };
    for doc in order.documents {
        sqlx::query(
            "INSERT INTO acceptances (order_id, document_id, title, version, sha256, accepted_by_fnr, accepted_by_name, eid, orgnr, accepted_at_ms)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(order_id)
        .bind(&doc.id)
        .bind(&doc.title)
        .bind(&doc.version)
        .bind(&doc.sha256)
        .bind(order.ordered_by_fnr)
        .bind(order.ordered_by_name)
        .bind(order.eid)
        .bind(&order.organisation.orgnr)
        .bind(order.submitted_at_ms)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Inserted::Ok)
}

/// SQLite names the column, not the constraint, in its message; the unique *kind* plus
/// the one unique column of `orders` identifies the reference clash.
fn is_reference_clash(e: &dyn sqlx::error::DatabaseError) -> bool {
    e.kind() == sqlx::error::ErrorKind::UniqueViolation
        && (e.constraint() == Some("orders_reference_unique")
            || e.message().ends_with("orders.reference"))
}

/// The stored order as a receipt, if it was made by the person with `fnr`.
pub async fn receipt_for(
    db: &SqlitePool,
    reference: &str,
    fnr: &str,
) -> Result<Option<Receipt>, sqlx::Error> {
    let row: Option<(i64, String, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, service, orgnr, org_name, ordered_by_name, answers_json, submitted_at_ms
         FROM orders WHERE reference = ? AND ordered_by_fnr = ?",
    )
    .bind(reference)
    .bind(fnr)
    .fetch_optional(db)
    .await?;
    let Some((id, service, orgnr, org_name, ordered_by, answers_json, submitted_at_ms)) = row
    else {
        return Ok(None);
    };
    let documents: Vec<(String, String, String, String)> =
        sqlx::query_as("SELECT document_id, title, version, sha256 FROM acceptances WHERE order_id = ? ORDER BY id")
            .bind(id)
            .fetch_all(db)
            .await?;
    let answers: RawForm =
        serde_json::from_str(&answers_json).map_err(|e| sqlx::Error::Decode(e.into()))?;
    Ok(Some(Receipt {
        reference: reference.to_owned(),
        service,
        organisation: Organisation {
            orgnr,
            name: org_name,
        },
        ordered_by,
        submitted_at_ms,
        submitted_at: crate::documents::format_oslo_time(submitted_at_ms),
        answers,
        documents: documents
            .into_iter()
            .map(|(id, title, version, sha256)| AcceptedDocument {
                id,
                title,
                version,
                sha256,
            })
            .collect(),
    }))
}
