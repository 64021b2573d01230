//! Orders.
//!
//! - `POST /api/orders/validate` — checks answers against the service's form spec
//!   (step 3's "Send"): 204, or 422 with the field errors.
//! - `POST /api/orders` — validates again, checks the accepted documents, stores the
//!   order durably with a reference number, answers 201 with the receipt.
//! - `GET  /api/orders/{reference}` — the receipt, for the person who ordered.
//! - `GET  /api/orders/{reference}/pdf` — the same receipt as PDF, to keep, sealed by the
//!   server (`crate::seal`; check it at `POST /api/seal/verify`).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use common::api::{AcceptedDocument, Organisation, Receipt, SignatureInfo, Standing, SubmitOrder};
use common::form::{ValidForm, Value};
use common::i18n::{fill, t};
use common::services::{self, Service, helseid};
use common::validate::{AttachmentRef, OrgNumber};
use common::{FieldError, Lang, ValidationErrors};

use crate::auth::CurrentUser;
use crate::db::sessions::Identity;
use crate::db::writer::{Acceptor, Inserted, OrderRecord, PackageRecord};
use crate::db::{attachments, orders};
use crate::documents;
use crate::error::ApiError;
use crate::extract::{ApiJson, RequestLang};
use crate::now_ms;
use crate::outbox::{Channel, NewNotification};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orders", post(submit))
        .route("/orders/validate", post(validate))
        .route("/orders/{reference}", get(receipt))
        .route("/orders/{reference}/pdf", get(receipt_pdf))
}

/// How an account's order says it was made, where a person's names the eID.
const ACCOUNT_LOGIN: &str = "kundeportal";

/// An order that passed every check, ready to store.
pub(crate) struct CheckedOrder {
    pub service: &'static Service,
    pub organisation: Organisation,
    pub form: ValidForm,
}

/// Every check of a submission, in one place for `validate` and `submit`.
pub(crate) async fn check(
    state: &AppState,
    user: &CurrentUser,
    body: &SubmitOrder,
    lang: Lang,
) -> Result<CheckedOrder, ApiError> {
    let mut errors = ValidationErrors::default();
    let service = services::by_slug(&body.service);
    match service {
        None => errors.add("service", FieldError::UnknownChoice),
        Some(s) if s.replaced_by.is_some() => errors.add("service", FieldError::ServiceReplaced),
        // Accepting terms needs a person logged in with an eID; a customer-portal account
        // (a registered contact person) may order the services that have none, and the
        // signed ones: there the signer's eID accepts, not the orderer (seed 001).
        Some(s) if s.orderer_accepts_terms() => {
            user.person()?;
        }
        Some(_) => {}
    }
    let organisation = match OrgNumber::parse(&body.orgnr) {
        Ok(orgnr) => match crate::acting::choose(state, user, &orgnr).await? {
            // Only someone with authority may accept for the unit, where the registry tells.
            // A signed service's order may come from anyone: the signature carries the
            // authority, checked on the signer (`routes::signing`).
            Ok(choice)
                if service.map_or(choice.standing == Standing::Lacks, |s| {
                    !s.may_order_with(choice.standing)
                }) =>
            {
                errors.add("orgnr", FieldError::NoAuthority);
                None
            }
            Ok(choice) => Some(choice.organisation),
            Err(reason) => {
                errors.add("orgnr", reason);
                None
            }
        },
        Err(e) => {
            errors.add("orgnr", e);
            None
        }
    };
    let form = service.and_then(|s| {
        s.form
            .validate(&body.answers)
            .map_err(|e| errors.0.extend(e.0))
            .ok()
    });
    if let (Some(service), Some(organisation), Some(form)) = (service, &organisation, &form) {
        for (path, error) in beyond_the_form(state, user, service, organisation, form).await? {
            errors.add(path, error);
        }
    }
    match (service, organisation, form) {
        (Some(service), Some(organisation), Some(form)) if errors.is_empty() => Ok(CheckedOrder {
            service,
            organisation,
            form,
        }),
        _ => Err(ApiError::Validation(errors, lang)),
    }
}

/// The legal entity of a unit the registry has found.
pub(crate) async fn legal_entity_of(state: &AppState, orgnr: &str) -> Result<String, ApiError> {
    let orgnr = OrgNumber::parse(orgnr).map_err(ApiError::internal)?;
    match state.registry.lookup(&orgnr).await? {
        crate::registry::Lookup::Found(_, legal_entity) => Ok(legal_entity),
        crate::registry::Lookup::Refused(_) => Ok(orgnr.as_ref().to_owned()),
    }
}

/// What the spec cannot know, as field errors: attachments must be the user's own
/// uploads, and HelseID has prerequisites in the organisation's history.
async fn beyond_the_form(
    state: &AppState,
    user: &CurrentUser,
    service: &Service,
    organisation: &Organisation,
    form: &ValidForm,
) -> Result<Vec<(&'static str, FieldError)>, ApiError> {
    let mut found = Vec::new();
    let owner = user.owner_key();
    for (field, attachment) in attachments_of(form) {
        if !attachments::is_open_upload(&state.db, &owner, attachment.id()).await? {
            found.push((field, FieldError::AttachmentMissing));
        }
    }
    if service.slug == services::HELSEID.slug {
        let answer = |id| match form.values.get(id) {
            Some(Value::Choice(v)) => *v,
            _ => "",
        };
        let kind = answer("aktortype");
        if helseid::MEMBERSHIP_REQUIRED.contains(&kind)
            && !orders::is_member(&state.db, &organisation.orgnr).await?
        {
            found.push(("aktortype", FieldError::NotMember));
        }
        if answer("miljo") == "produksjon"
            && !helseid::test_approved(
                &orders::helseid_orders(&state.db, &organisation.orgnr).await?,
                kind,
            )
        {
            found.push(("miljo", FieldError::TestNotApproved));
        }
    }
    Ok(found)
}

/// The form's attachment answers: (field, reference).
fn attachments_of(form: &ValidForm) -> Vec<(&'static str, &AttachmentRef)> {
    form.values
        .iter()
        .filter_map(|(field, value)| match value {
            Value::Attachment(a) => Some((*field, a)),
            _ => None,
        })
        .collect()
}

async fn validate(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    ApiJson(body): ApiJson<SubmitOrder>,
) -> Result<StatusCode, ApiError> {
    check(&state, &user, &body, lang).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn submit(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    ApiJson(body): ApiJson<SubmitOrder>,
) -> Result<(StatusCode, Json<Receipt>), ApiError> {
    let (status, receipt) = place(&state, &user, &body, None, lang).await?;
    Ok((status, Json(receipt)))
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

/// Checks and stores an order: 201 with the receipt, or 200 with the first order's
/// receipt when the same submission comes again. A signed service's order is placed only
/// with its `signer` (see `routes::signing`), and then carries the sealed package.
pub(crate) async fn place(
    state: &AppState,
    user: &CurrentUser,
    body: &SubmitOrder,
    signer: Option<&Signer>,
    lang: Lang,
) -> Result<(StatusCode, Receipt), ApiError> {
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
    if checked.service.signer_field.is_some() && signer.is_none() {
        return Err(ApiError::field(
            "accepted_documents",
            FieldError::SignatureRequired,
            lang,
        ));
    }
    // Terms that hold for the whole legal entity and were accepted there already. Only
    // such services need the legal entity (one more registry lookup), and store it.
    let shared: Vec<&str> = checked
        .service
        .documents
        .iter()
        .filter(|d| d.for_legal_entity)
        .map(|d| d.id)
        .collect();
    let legal_entity = if shared.is_empty() {
        String::new()
    } else {
        legal_entity_of(state, &checked.organisation.orgnr).await?
    };
    let mut before = Vec::new();
    for id in shared {
        if orders::acceptance_under(&state.db, &legal_entity, id)
            .await?
            .is_some()
        {
            before.push(id.to_owned());
        }
    }
    // The signature accepts every document of the service.
    let accepted: Vec<String> = match signer {
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
    let answers_json = serde_json::to_string(&answers).map_err(ApiError::internal)?;
    let submitted_at_ms = now_ms();
    let orderer = orders::Orderer::of(user);
    let eid = match &user.identity {
        Identity::Person { eid, .. } => eid.as_str(),
        Identity::Account { .. } => ACCOUNT_LOGIN,
    };
    let acceptor = match signer {
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
    loop {
        let reference = new_reference()?;
        let mut notifications: Vec<NewNotification> = confirmation(
            checked.service,
            &checked.organisation,
            &answers,
            &reference,
            &user.name,
            submitted_at_ms,
            lang,
        )
        .into_iter()
        .collect();
        let package = match signer {
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
                notifications.push(copy_to_ehelse(
                    state,
                    &checked,
                    signer,
                    &reference,
                    submitted_at_ms,
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
            draft_owner: Some(user.owner_key()),
            notifications,
        };
        let outcome = state
            .orders
            .insert(record)
            .await
            .map_err(ApiError::internal)?;
        if let Inserted::Existing(first) = outcome {
            // The same submission again: the first order's receipt, and no new order.
            let receipt = orders::receipt_for(&state.db, &first, &orderer)
                .await?
                .ok_or(ApiError::NotFound)?;
            return Ok((StatusCode::OK, receipt));
        }
        if outcome == Inserted::Ok {
            let ids: Vec<String> = attachments_of(&checked.form)
                .into_iter()
                .map(|(_, a)| a.id().to_owned())
                .collect();
            attachments::bind(&state.db, &user.owner_key(), &ids, &reference).await?;
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
                signer: s.name.clone(),
                signed_on: crate::oslo_time::date(submitted_at_ms),
                method: s.method.clone(),
            });
            let receipt = Receipt {
                reference,
                service: checked.service.slug.to_owned(),
                organisation: checked.organisation,
                ordered_by: user.name.clone(),
                submitted_at_ms,
                submitted_at: crate::oslo_time::date_and_time(submitted_at_ms),
                answers,
                documents,
                signature,
            };
            return Ok((StatusCode::CREATED, receipt));
        }
    }
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
        .ok_or_else(|| ApiError::internal("a signed service without terms"))?;
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
    .await
    .map_err(ApiError::internal)?
    .map_err(ApiError::internal)?;
    Ok(PackageRecord {
        document_id: doc.id.to_owned(),
        title: doc.title.nb.to_owned(),
        version: doc.version.to_owned(),
        signer_name: signer.name.clone(),
        method: signer.method.clone(),
        pdf,
    })
}

/// The copy of the signed package that Direktoratet for e-helse registers (SPEC §4),
/// sent through the outbox with the package attached. Always in bokmål: it goes to an
/// authority, not to the user.
fn copy_to_ehelse(
    state: &AppState,
    checked: &CheckedOrder,
    signer: &Signer,
    reference: &str,
    signed_at_ms: i64,
) -> NewNotification {
    let lang = Lang::Nb;
    let name = checked.service.name.get(lang);
    let organisation = checked.organisation.display();
    NewNotification {
        channel: Channel::Email,
        recipient: state.config.ehelse_copy_to.clone(),
        subject: fill(t::MAIL_EHELSE_SUBJECT.get(lang), &[name, &organisation]),
        body: fill(
            t::MAIL_EHELSE_BODY.get(lang),
            &[
                name,
                &organisation,
                &signer.name,
                &crate::oslo_time::date_and_time(signed_at_ms),
                reference,
            ],
        ),
        attachment_reference: Some(reference.to_owned()),
        secret: false,
    }
}

/// The order confirmation to the contact person the form names, in the user's language.
fn confirmation(
    service: &Service,
    organisation: &Organisation,
    answers: &common::form::RawForm,
    reference: &str,
    ordered_by: &str,
    submitted_at_ms: i64,
    lang: Lang,
) -> Option<NewNotification> {
    let recipient = answers.one(service.contact_email?).to_owned();
    let name = service.name.get(lang);
    let when = crate::oslo_time::date_and_time(submitted_at_ms);
    Some(NewNotification {
        channel: Channel::Email,
        recipient,
        subject: fill(t::MAIL_ORDER_SUBJECT.get(lang), &[name, reference]),
        body: fill(
            t::MAIL_ORDER_BODY.get(lang),
            &[name, &organisation.display(), reference, &when, ordered_by],
        ),
        attachment_reference: None,
        secret: false,
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
        let sha256 = documents::sha256_of(doc)
            .ok_or_else(|| ApiError::internal(format!("no text for {}", doc.id)))?;
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
    getrandom::fill(&mut bytes).map_err(ApiError::internal)?;
    Ok(common::reference::from_random(bytes))
}

async fn receipt(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(reference): Path<String>,
) -> Result<Json<Receipt>, ApiError> {
    if !common::reference::is_well_formed(&reference) {
        return Err(ApiError::NotFound);
    }
    // Receipts are the orderer's; an organisation's orders are listed under
    // `/api/organisations/{orgnr}/orders` for those who act for it.
    orders::receipt_for(&state.db, &reference, &orders::Orderer::of(&user))
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound)
}

async fn receipt_pdf(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(reference): Path<String>,
) -> Result<impl axum::response::IntoResponse, ApiError> {
    let Json(receipt) =
        self::receipt(State(state.clone()), Extension(user), Path(reference)).await?;
    // Rendering is CPU work: keep it off the async workers.
    let filename = format!("kvittering-{}.pdf", receipt.reference);
    let sealer = state.sealer.clone();
    let bytes = tokio::task::spawn_blocking(move || {
        documents::receipt_pdf(&receipt, lang).map(|pdf| sealer.seal(&pdf))
    })
    .await
    .map_err(ApiError::internal)?
    .map_err(ApiError::internal)?;
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/pdf".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        bytes,
    ))
}
