//! Placing an order: checked once more, its acceptance evidence gathered (the documents
//! the orderer accepted, or the signer's signature), stored by the group-commit writer
//! with its confirmation and attachments in the same transaction, and its receipt.

use common::api::{AcceptedDocument, Receipt, SignatureInfo, SubmitOrder};
use common::services::Service;
use common::{FieldError, Lang, ValidationErrors};

use super::{CheckedOrder, check, legal_entity_of, notify};
use crate::auth::CurrentUser;
use crate::db::orders::{self, Orderer};
use crate::db::sessions::Identity;
use crate::db::writer::{Acceptor, Inserted, OrderRecord, PackageRecord};
use crate::error::ApiError;
use crate::state::AppState;
use crate::{documents, now_ms, oslo_time};

/// How an account's order says it was made, where a person's names the eID.
const ACCOUNT_LOGIN: &str = "kundeportal";

/// How the order's terms were accepted.
pub enum Acceptance {
    /// With a checkbox by the orderer: the ids of the documents ticked.
    Accepted(Vec<String>),
    /// With eID by the signer the form names (a signed service, `ordering::signing`): the
    /// signature accepts every document of the service.
    Signed(Signer),
}

/// Who signed a signed service's terms, from the eID login that signed.
pub struct Signer {
    pub fodselsnummer: common::validate::Fodselsnummer,
    pub name: String,
    pub eid: common::api::Eid,
    /// The eID as ID-porten named it ("Minid-PIN"); the cover page's METODE.
    pub method: String,
    pub acr: String,
}

/// A placed order's receipt: new, or the first order's when the same submission came again.
pub enum Placed {
    New(Receipt),
    Again(Receipt),
}

impl Placed {
    pub fn receipt(&self) -> &Receipt {
        match self {
            Placed::New(r) | Placed::Again(r) => r,
        }
    }
}

/// Checks and stores an order. A signed service's order is placed only with its signer's
/// `Acceptance::Signed`, and then carries the sealed package.
pub async fn place(
    state: &AppState,
    user: &CurrentUser,
    body: &SubmitOrder,
    acceptance: Acceptance,
    lang: Lang,
) -> Result<Placed, ApiError> {
    if body
        .idempotency_key
        .as_deref()
        .is_some_and(|k| !common::api::is_idempotency_key(k))
    {
        return Err(ApiError::field(
            "idempotency_key",
            FieldError::UnknownChoice,
            lang,
        ));
    }
    let checked = check(state, user, body, lang).await?;
    let signer = match acceptance {
        Acceptance::Signed(signer) => Some(signer),
        Acceptance::Accepted(_) if checked.service.signer_field.is_some() => {
            return Err(ApiError::field(
                "accepted_documents",
                FieldError::SignatureRequired,
                lang,
            ));
        }
        Acceptance::Accepted(_) => None,
    };
    let (legal_entity, before) = accepted_before(state, &checked).await?;
    let accepted: Vec<String> = match &signer {
        Some(_) => checked
            .service
            .documents
            .iter()
            .map(|d| d.id.into())
            .collect(),
        None => body.accepted_documents.clone(),
    };
    let documents = accepted_documents(checked.service, &accepted, &before, lang)?;
    let answers = checked.form.for_the_record();
    let answers_json = serde_json::to_string(&answers)?;
    let submitted_at_ms = now_ms();
    let orderer = Orderer::of(user);
    let eid = match &user.identity {
        Identity::Person { eid, .. } => eid.as_str(),
        Identity::Account { .. } => ACCOUNT_LOGIN,
    };
    let acceptor = match &signer {
        Some(s) => Acceptor {
            name: s.name.clone(),
            fnr_key: state.sealer.protect_fnr(s.fodselsnummer.expose()),
            eid: s.eid.as_str().to_owned(),
            acr: s.acr.clone(),
        },
        None => Acceptor {
            name: user.name.clone(),
            fnr_key: orderer.person_key.clone(),
            eid: eid.to_owned(),
            acr: user.acr.clone(),
        },
    };
    let attachments: Vec<String> = checked
        .attachments()
        .into_iter()
        .map(|(_, a)| a.id().to_owned())
        .collect();
    // Said in the customer centre's language, Norwegian, whatever the customer's.
    let flags: Vec<String> = checked
        .unchecked_her_ids
        .iter()
        .map(|h| {
            common::i18n::fill(
                common::i18n::t::HER_ID_FLAG.get(Lang::Nb),
                &[&h.to_string()],
            )
        })
        .collect();
    loop {
        let reference = new_reference()?;
        let when = oslo_time::date_and_time(submitted_at_ms);
        let mut notifications: Vec<_> =
            notify::confirmation(&checked, &answers, &reference, &user.name, &when, lang)
                .into_iter()
                .collect();
        let package = match &signer {
            Some(signer) => {
                let package = signed_package(
                    state,
                    &checked,
                    signer,
                    &acceptor,
                    &reference,
                    submitted_at_ms,
                    lang,
                )
                .await?;
                notifications.push(notify::copy_to_ehelse(
                    &state.config.ehelse_copy_to,
                    &checked,
                    &signer.name,
                    &reference,
                    &when,
                ));
                Some(package)
            }
            None => None,
        };
        let record = OrderRecord {
            reference: reference.clone(),
            service: checked.service.slug.to_owned(),
            orgnr: checked.organisation.orgnr.clone(),
            legal_entity: legal_entity.clone(),
            org_name: checked.organisation.name.clone(),
            ordered_by_name: user.name.clone(),
            ordered_by_key: orderer.person_key.clone(),
            acceptor: acceptor.clone(),
            package,
            ordered_by_account: orderer.account,
            eid: eid.to_owned(),
            answers_json: answers_json.clone(),
            documents: documents.clone(),
            submitted_at_ms,
            idempotency_key: body.idempotency_key.clone(),
            owner_key: user.owner_key(),
            attachments: attachments.clone(),
            notifications,
            flags: flags.clone(),
        };
        match state.orders.insert(record).await? {
            Inserted::ReferenceTaken => continue,
            Inserted::Existing(first) => {
                // The same submission again: the first order's receipt, and no new order.
                let receipt = orders::receipt_for(&state.db, &first, &orderer)
                    .await?
                    .ok_or(ApiError::NotFound)?;
                return Ok(Placed::Again(receipt));
            }
            Inserted::Ok => {
                tracing::info!(%reference, service = checked.service.slug, orgnr = %checked.organisation.orgnr, "order stored");
                let signature = signer.map(|s| SignatureInfo {
                    reference: reference.clone(),
                    document_title: documents
                        .first()
                        .map(|d| d.title.clone())
                        .unwrap_or_default(),
                    version: documents
                        .first()
                        .map(|d| d.version.clone())
                        .unwrap_or_default(),
                    signer: s.name,
                    signed_on: oslo_time::date(submitted_at_ms),
                    method: s.method,
                });
                state.metrics.order_stored(checked.service.slug);
                return Ok(Placed::New(Receipt {
                    reference,
                    service: checked.service.slug.to_owned(),
                    organisation: checked.organisation,
                    ordered_by: user.name.clone(),
                    submitted_at_ms,
                    submitted_at: when,
                    answers,
                    documents,
                    signature,
                }));
            }
        }
    }
}

/// The legal entity (for services whose terms hold for the whole of it, else "") and the
/// ids of those terms accepted there already, which are not asked for again.
async fn accepted_before(
    state: &AppState,
    checked: &CheckedOrder,
) -> Result<(String, Vec<String>), ApiError> {
    let shared: Vec<&str> = checked
        .service
        .documents
        .iter()
        .filter(|d| d.for_legal_entity)
        .map(|d| d.id)
        .collect();
    // Only such services need the legal entity (one more registry lookup), and store it.
    if shared.is_empty() {
        return Ok((String::new(), Vec::new()));
    }
    let orgnr = common::validate::OrgNumber::parse(&checked.organisation.orgnr)
        .map_err(|_| ApiError::broken("the registry's organisation number does not parse"))?;
    let legal_entity = legal_entity_of(state, &orgnr).await?;
    let mut before = Vec::new();
    for id in shared {
        if orders::acceptance_under(&state.db, &legal_entity, id)
            .await?
            .is_some()
        {
            before.push(id.to_owned());
        }
    }
    Ok((legal_entity, before))
}

/// The signed document package of the order `reference`, rendered and sealed.
async fn signed_package(
    state: &AppState,
    checked: &CheckedOrder,
    signer: &Signer,
    acceptor: &Acceptor,
    reference: &str,
    signed_at_ms: i64,
    lang: Lang,
) -> Result<PackageRecord, ApiError> {
    let doc = checked
        .service
        .documents
        .first()
        .ok_or(ApiError::broken("a signed service without terms"))?;
    let title = checked.service.signing_title().get(lang).to_owned();
    let organisation = checked.organisation.display();
    let (name, method, level, key) = (
        signer.name.clone(),
        signer.method.clone(),
        signer.acr.clone(),
        acceptor.fnr_key.clone(),
    );
    let reference = reference.to_owned();
    let sealer = state.sealer.clone();
    // Rendering is CPU work: keep it off the async workers.
    let pdf = tokio::task::spawn_blocking(move || {
        crate::package::render(
            doc,
            &crate::package::Signature {
                title: &title,
                signer: &name,
                method: &method,
                level: &level,
                signer_key: &key,
                signed_at_ms,
                reference: &reference,
                organisation: &organisation,
            },
            lang,
        )
        .map(|pdf| sealer.seal(&pdf))
    })
    .await??;
    Ok(PackageRecord {
        document_id: doc.id.to_owned(),
        title: doc.title.nb.to_owned(),
        version: doc.version.to_owned(),
        signer_name: signer.name.clone(),
        method: signer.method.clone(),
        pdf,
    })
}

/// Every document of the service must be accepted; the evidence names each one's hash.
/// A document that holds for the legal entity and was accepted `before` (for any of its
/// units) is not asked for again: that earlier acceptance is the evidence.
fn accepted_documents(
    service: &Service,
    accepted: &[String],
    before: &[String],
    lang: Lang,
) -> Result<Vec<AcceptedDocument>, ApiError> {
    let mut errors = ValidationErrors::default();
    let mut out = Vec::new();
    for doc in service.documents {
        if doc.for_legal_entity && before.iter().any(|b| b == doc.id) {
            continue;
        }
        if !accepted.iter().any(|a| a == doc.id) {
            errors.add("accepted_documents", FieldError::NotAccepted);
            continue;
        }
        let sha256 =
            documents::sha256_of(doc).ok_or(ApiError::broken("a document without text"))?;
        out.push(AcceptedDocument {
            id: doc.id.into(),
            title: doc.title.nb.into(),
            version: doc.version.into(),
            sha256,
        });
    }
    errors
        .into_result(out)
        .map_err(|e| ApiError::Validation(e, lang))
}

fn new_reference() -> Result<String, ApiError> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes)?;
    Ok(common::reference::from_random(bytes))
}
