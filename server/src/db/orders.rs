//! Reading orders back. Writing goes through the group-commit writer (`writer.rs`).

use crate::db::Db;
use common::OrderStatus;
use common::api::{AcceptedDocument, Organisation, Receipt};
use common::form::RawForm;

use crate::auth::CurrentUser;
use crate::db::sessions::Identity;

/// Who ordered, as stored: a person by the keyed hash of the fødselsnummer
/// (`CurrentUser::person_key`; account 0), or a customer-portal account (person key '').
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Orderer {
    pub person_key: String,
    pub account: i64,
}

impl Orderer {
    pub fn of(user: &CurrentUser) -> Self {
        match &user.identity {
            Identity::Person { .. } => Orderer {
                person_key: user.person_key.clone().unwrap_or_default(),
                account: 0,
            },
            Identity::Account { id } => Orderer {
                person_key: String::new(),
                account: *id,
            },
        }
    }
}

/// Replaces the fødselsnummer of orders stored before it was kept as a keyed hash
/// (migration 0012) with that hash. Runs at start; does nothing once done.
pub async fn protect_old_orderers(
    db: &Db,
    sealer: &crate::seal::Sealer,
) -> Result<u64, sqlx::Error> {
    let clear: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, ordered_by_key FROM orders
         WHERE ordered_by_key <> '' AND ordered_by_key NOT LIKE 'hmac-sha256:%'",
    )
    .fetch_all(db)
    .await?;
    let mut tx = db.begin().await?;
    for (id, fnr) in &clear {
        sqlx::query("UPDATE orders SET ordered_by_key = $1 WHERE id = $2")
            .bind(sealer.protect_fnr(fnr))
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(clear.len() as u64)
}

/// Whether `orderer` made the order `reference`.
pub async fn is_orderer(db: &Db, reference: &str, orderer: &Orderer) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM orders WHERE reference = $1 AND ordered_by_key = $2 AND ordered_by_account = $3",
    )
    .bind(reference)
    .bind(&orderer.person_key)
    .bind(orderer.account)
    .fetch_optional(db)
    .await?;
    Ok(found.is_some())
}

/// The stored order as a receipt, if `orderer` made it.
pub async fn receipt_for(
    db: &Db,
    reference: &str,
    orderer: &Orderer,
) -> Result<Option<Receipt>, sqlx::Error> {
    let row: Option<(i64, String, String, String, String, String, i64)> = sqlx::query_as(
        "SELECT id, service, orgnr, org_name, ordered_by_name, answers_json, submitted_at_ms
         FROM orders WHERE reference = $1 AND ordered_by_key = $2 AND ordered_by_account = $3",
    )
    .bind(reference)
    .bind(&orderer.person_key)
    .bind(orderer.account)
    .fetch_optional(db)
    .await?;
    let Some((id, service, orgnr, org_name, ordered_by, answers_json, submitted_at_ms)) = row
    else {
        return Ok(None);
    };
    let documents: Vec<(String, String, String, String)> =
        sqlx::query_as("SELECT document_id, title, version, sha256 FROM acceptances WHERE order_id = $1 ORDER BY id")
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
        submitted_at: crate::oslo_time::date_and_time(submitted_at_ms),
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
        signature: crate::db::signings::signature_of(db, reference).await?,
    }))
}

/// An organisation's orders, newest first (for whoever may act for it; the caller checks).
pub async fn for_organisation(
    db: &Db,
    orgnr: &str,
    viewer: &Orderer,
) -> Result<Vec<common::api::OrderSummary>, sqlx::Error> {
    let rows: Vec<(String, String, String, String, i64, super::Flag)> = sqlx::query_as(
        "SELECT reference, service, ordered_by_name, status, submitted_at_ms,
                ordered_by_key = $1 AND ordered_by_account = $2
         FROM orders WHERE orgnr = $3 ORDER BY id DESC LIMIT 200",
    )
    .bind(&viewer.person_key)
    .bind(viewer.account)
    .bind(orgnr)
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|(reference, service, ordered_by, status, at, mine)| {
            Ok(common::api::OrderSummary {
                reference,
                service,
                ordered_by,
                submitted_at: crate::oslo_time::date_and_time(at),
                status: decode_status(&status)?,
                mine: mine.0,
            })
        })
        .collect()
}

/// Whether `orderer` has an order submitted with this idempotency key.
pub async fn has_key(
    db: &Db,
    orderer: &Orderer,
    idempotency_key: &str,
) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM orders WHERE ordered_by_key = $1 AND ordered_by_account = $2 AND idempotency_key = $3",
    )
    .bind(&orderer.person_key)
    .bind(orderer.account)
    .bind(idempotency_key)
    .fetch_optional(db)
    .await?;
    Ok(found.is_some())
}

/// The services the organisation has orders of that were not turned down, each with
/// whether one of them is Fullført (the service active) — as `ServiceStatus` says it.
pub async fn services_of(db: &Db, orgnr: &str) -> Result<Vec<(String, bool)>, sqlx::Error> {
    let rows: Vec<(String, super::Flag)> = sqlx::query_as(
        "SELECT service, max(CASE WHEN status = 'fullfort' THEN 1 ELSE 0 END) FROM orders
         WHERE orgnr = $1 AND status <> 'avvist' GROUP BY service",
    )
    .bind(orgnr)
    .fetch_all(db)
    .await?;
    Ok(rows.into_iter().map(|(s, f)| (s, f.0)).collect())
}

/// Whether the organisation has ordered `service` (an order not turned down), as
/// `services_of` counts it.
pub async fn has_ordered(db: &Db, orgnr: &str, service: &str) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM orders WHERE orgnr = $1 AND service = $2 AND status <> 'avvist' LIMIT 1",
    )
    .bind(orgnr)
    .bind(service)
    .fetch_optional(db)
    .await?;
    Ok(found.is_some())
}

/// The organisation's orders of `service`: their answers and status, oldest first.
pub async fn history(
    db: &Db,
    orgnr: &str,
    service: &str,
) -> Result<Vec<(RawForm, OrderStatus)>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT answers_json, status FROM orders WHERE orgnr = $1 AND service = $2 ORDER BY id",
    )
    .bind(orgnr)
    .bind(service)
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|(json, status)| {
            let answers = serde_json::from_str(&json).map_err(|e| sqlx::Error::Decode(e.into()))?;
            Ok((answers, decode_status(&status)?))
        })
        .collect()
}

/// The id of the order `reference`, if there is one.
pub async fn id_of(db: &Db, reference: &str) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM orders WHERE reference = $1")
        .bind(reference)
        .fetch_optional(db)
        .await
}

/// The status of the order `reference`, if there is one.
pub async fn status_of(db: &Db, reference: &str) -> Result<Option<OrderStatus>, sqlx::Error> {
    let status: Option<String> =
        sqlx::query_scalar("SELECT status FROM orders WHERE reference = $1")
            .bind(reference)
            .fetch_optional(db)
            .await?;
    status.as_deref().map(decode_status).transpose()
}

/// A stored status; the database's CHECK keeps anything else out.
fn decode_status(name: &str) -> Result<OrderStatus, sqlx::Error> {
    OrderStatus::parse(name)
        .ok_or_else(|| sqlx::Error::Decode(format!("order status {name:?}").into()))
}

/// The newest acceptance of a document under a legal entity: (by, at, unit). One index
/// lookup (`acceptances_legal_entity`), however many orders the entity has.
pub async fn acceptance_under(
    db: &Db,
    legal_entity: &str,
    document_id: &str,
) -> Result<Option<(String, i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT accepted_by_name, accepted_at_ms, orgnr FROM acceptances
         WHERE legal_entity = $1 AND document_id = $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(legal_entity)
    .bind(document_id)
    .fetch_optional(db)
    .await
}

/// The organisation's acceptance evidence, newest first: (document, title, version,
/// sha256, by, at, order reference).
pub async fn acceptances_for(db: &Db, of: super::Of<'_>) -> Result<Vec<Acceptance>, sqlx::Error> {
    let sql = format!(
        "SELECT a.document_id, a.title, a.version, a.sha256, a.accepted_by_name, a.eid, a.acr, a.accepted_at_ms, o.reference
         FROM acceptances a JOIN orders o ON o.id = a.order_id WHERE {} ORDER BY a.id DESC LIMIT 200",
        of.condition()
    );
    sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(of.value())
        .fetch_all(db)
        .await
}

/// One acceptance as Dokumentoversikt lists it.
#[derive(sqlx::FromRow)]
pub struct Acceptance {
    pub document_id: String,
    pub title: String,
    pub version: String,
    pub sha256: String,
    pub accepted_by_name: String,
    pub eid: String,
    pub acr: String,
    pub accepted_at_ms: i64,
    pub reference: String,
}
