//! What the portal holds as evidence of orders: the agreements accepted (who, when, with
//! which eID and level, the hash of the exact text), the signed document packages and the
//! attachments — for an organisation (Dokumentoversikt) or one order (the case page).

use crate::db::Db;
use common::api::{AcceptedEvidence, AttachmentInfo, OrgDocuments};

use crate::db::{Of, attachments, orders, signings};
use crate::oslo_time;

pub async fn documents(db: &Db, of: Of<'_>) -> Result<OrgDocuments, sqlx::Error> {
    let accepted = orders::acceptances_for(db, of).await?;
    let files = attachments::for_orders(db, of).await?;
    let signed = signings::packages_for(db, of).await?;
    Ok(OrgDocuments {
        accepted: accepted
            .into_iter()
            .map(|a| AcceptedEvidence {
                document_id: a.document_id,
                title: a.title,
                version: a.version,
                sha256: a.sha256,
                accepted_by: a.accepted_by_name,
                eid: a.eid,
                level: a.acr,
                accepted_at: oslo_time::date_and_time(a.accepted_at_ms),
                order_reference: a.reference,
            })
            .collect(),
        attachments: files
            .into_iter()
            .map(|(id, name, size, order_reference)| AttachmentInfo {
                id,
                name,
                size: size as u64,
                order_reference,
            })
            .collect(),
        signed,
    })
}
