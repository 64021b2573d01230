//! Signings in progress (from "Signer dokument" until the signer is back from the eID
//! login) and the signed document packages they leave behind.

use crate::db::Db;
use common::api::{SignatureInfo, SigningOutcome};

use crate::oslo_time;

/// A signing nobody finished within a day is gone, and the order's answers with it.
const MAX_AGE_MS: i64 = 24 * 60 * 60 * 1000;

pub struct NewSigning<'a> {
    pub id: &'a str,
    pub owner_key: &'a str,
    pub order_json: &'a str,
    pub signer_key: &'a str,
}

pub struct SigningRow {
    pub order_json: String,
    pub outcome: SigningOutcome,
    pub reference: Option<String>,
}

pub async fn insert(db: &Db, s: &NewSigning<'_>, now_ms: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM signings WHERE created_at_ms < $1")
        .bind(now_ms - MAX_AGE_MS)
        .execute(db)
        .await?;
    sqlx::query(
        "INSERT INTO signings (id, owner_key, order_json, signer_key, created_at_ms) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(s.id)
    .bind(s.owner_key)
    .bind(s.order_json)
    .bind(s.signer_key)
    .bind(now_ms)
    .execute(db)
    .await?;
    Ok(())
}

/// The signing `id`, if it is `owner`'s: nobody else learns that it exists.
pub async fn find(db: &Db, id: &str, owner: &str) -> Result<Option<SigningRow>, sqlx::Error> {
    let row: Option<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT order_json, outcome, reference FROM signings WHERE id = $1 AND owner_key = $2",
    )
    .bind(id)
    .bind(owner)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(order_json, outcome, reference)| SigningRow {
        order_json,
        outcome: outcome_from(&outcome),
        reference,
    }))
}

/// Claims a pending signing for completion: its order and signer for exactly one
/// caller, so a callback replayed or raced can never sign twice.
pub async fn claim(db: &Db, id: &str, owner: &str) -> Result<Option<Claimed>, sqlx::Error> {
    let row: Option<(String, String)> = sqlx::query_as(
        "UPDATE signings SET outcome = 'completing' WHERE id = $1 AND owner_key = $2 AND outcome = 'pending'
         RETURNING order_json, signer_key",
    )
    .bind(id)
    .bind(owner)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(order_json, signer_key)| Claimed {
        order_json,
        signer_key,
    }))
}

/// A signing claimed for completion.
pub struct Claimed {
    pub order_json: String,
    pub signer_key: String,
}

pub async fn finish(
    db: &Db,
    id: &str,
    outcome: SigningOutcome,
    reference: Option<&str>,
) -> Result<(), sqlx::Error> {
    // Signed: the order is stored (its answers with the signer's number masked), so the
    // answers with the number in clear go; service and organisation stay for the way back.
    // A refusal keeps them for the form to come back with (`purge` ends that too).
    macro_rules! end {
        ($answers_emptied:literal) => {
            concat!(
                "UPDATE signings SET outcome = $1, reference = $2,
                 order_json = CASE WHEN $1 = 'signed' THEN ",
                $answers_emptied,
                " ELSE order_json END
                 WHERE id = $3"
            )
        };
    }
    let sql = match super::Backend::of(db) {
        super::Backend::Sqlite => end!("json_set(order_json, '$.answers', json('{}'))"),
        super::Backend::Postgres => {
            end!("jsonb_set(order_json::jsonb, '{answers}', '{}'::jsonb)::text")
        }
    };
    sqlx::query(sql)
        .bind(outcome_name(outcome))
        .bind(reference)
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

fn outcome_name(o: SigningOutcome) -> &'static str {
    match o {
        SigningOutcome::Pending => "pending",
        SigningOutcome::Signed => "signed",
        SigningOutcome::OtherPerson => "other_person",
        SigningOutcome::Level => "level",
        SigningOutcome::Cancelled => "cancelled",
        SigningOutcome::Refused => "refused",
        SigningOutcome::SignerLacksAuthority => "signer_lacks_authority",
    }
}

fn outcome_from(s: &str) -> SigningOutcome {
    match s {
        "signed" => SigningOutcome::Signed,
        "other_person" => SigningOutcome::OtherPerson,
        "level" => SigningOutcome::Level,
        "cancelled" => SigningOutcome::Cancelled,
        "refused" => SigningOutcome::Refused,
        "signer_lacks_authority" => SigningOutcome::SignerLacksAuthority,
        // "completing" is still under way: not yet an outcome.
        _ => SigningOutcome::Pending,
    }
}

/// A package's PDF, exactly as sealed and stored.
pub async fn package_pdf(db: &Db, reference: &str) -> Result<Option<Vec<u8>>, sqlx::Error> {
    sqlx::query_scalar("SELECT pdf FROM signed_packages WHERE reference = $1")
        .bind(reference)
        .fetch_optional(db)
        .await
}

/// The organisation a package was signed for.
pub async fn package_orgnr(db: &Db, reference: &str) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT orgnr FROM signed_packages WHERE reference = $1")
        .bind(reference)
        .fetch_optional(db)
        .await
}

type InfoRow = (String, String, String, String, String, i64);

fn info((reference, document_title, version, signer, method, at): InfoRow) -> SignatureInfo {
    SignatureInfo {
        reference,
        document_title,
        version,
        signer,
        signed_on: oslo_time::date(at),
        method,
    }
}

/// What the receipt of order `reference` says about its signature.
pub async fn signature_of(db: &Db, reference: &str) -> Result<Option<SignatureInfo>, sqlx::Error> {
    let row: Option<InfoRow> = sqlx::query_as(
        "SELECT reference, title, version, signer_name, method, signed_at_ms FROM signed_packages WHERE reference = $1",
    )
    .bind(reference)
    .fetch_optional(db)
    .await?;
    Ok(row.map(info))
}

/// Every package signed for the organisation (or the order), newest first.
pub async fn packages_for(db: &Db, of: super::Of<'_>) -> Result<Vec<SignatureInfo>, sqlx::Error> {
    let sql = format!(
        "SELECT o.reference, o.title, o.version, o.signer_name, o.method, o.signed_at_ms
         FROM signed_packages o WHERE {} ORDER BY o.id DESC LIMIT 200",
        of.condition()
    );
    let rows: Vec<InfoRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(of.value())
        .fetch_all(db)
        .await?;
    Ok(rows.into_iter().map(info).collect())
}

/// Deletes signings started before `before_ms`, with the answers a refused one kept.
pub async fn purge(db: &Db, before_ms: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM signings WHERE created_at_ms < $1")
        .bind(before_ms)
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}
