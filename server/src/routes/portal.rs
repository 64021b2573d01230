//! The customer portal's organisation pages (SPEC §4), each for those who act for the
//! organisation (`acting::viewed_orgnr`), except where an employee asks for the rights they lack.
//!
//! - `GET /api/organisations/{orgnr}/customer` — Kundeinformasjon, from Enhetsregisteret.
//! - `GET /api/organisations/{orgnr}/documents` — Dokumentoversikt: accepted documents
//!   (the evidence) and attachments sent with orders.
//! - `GET|PUT /api/organisations/{orgnr}/readiness` — Persontjenesten's checklist.
//! - `GET /api/organisations/{orgnr}/helseid` — HelseID onboarding, per actor kind.
//! - `GET /api/organisations/{orgnr}/acceptances` — terms already accepted for the unit's
//!   whole legal entity (Persontjenesten: once per municipality), for whoever may order
//!   for the unit.
//! - `GET /api/organisations/{orgnr}/tilgangsstyrere` — who may grant rights (any user:
//!   the registry's roles are public, and the requester does not act for the unit yet).
//! - `POST /api/access-requests` — ask a tilgangsstyrer for delegated rights.
//! - `GET /api/organisations/{orgnr}/access-requests` — one's own requests, or all of
//!   them for a tilgangsstyrer.
//! - `POST /api/access-requests/{id}/decision` — a tilgangsstyrer approves or declines;
//!   the requester is told by e-mail (outbox, in the decision's transaction).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use common::api::{
    AccessDecision, AccessRequest, AccessRequests, CustomerInfo, HelseIdProgress, NewAccessRequest,
    OrgDocuments, PriorAcceptance, READINESS_ITEMS, ReadinessItem, SetReadiness,
};
use common::form::RawForm;
use common::i18n::{fill, t};
use common::services::{ACCESS_REQUEST, helseid};
use common::validate::OrgNumber;
use common::{FieldError, Lang};

use crate::acting;
use crate::auth::CurrentUser;
use crate::db::persontjenesten::{self as pt, NewRequest};
use crate::db::{Of, orders};
use crate::error::ApiError;
use crate::extract::{ApiJson, RequestLang};
use crate::now_ms;
use crate::oslo_time;
use crate::outbox::{Channel, NewNotification};
use crate::registry::{Lookup, authority_holders};
use crate::state::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::openapi::Errors;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(customer))
        .routes(routes!(documents))
        .routes(routes!(readiness, set_readiness))
        .routes(routes!(helseid_progress))
        .routes(routes!(prior_acceptances))
        .routes(routes!(tilgangsstyrere))
        .routes(routes!(access_requests))
        .routes(routes!(request_access))
        .routes(routes!(decide))
}

#[utoipa::path(get, path = "/organisations/{orgnr}/customer", tag = "customer portal", params(("orgnr" = String, Path, description = "The organisation number (9 digits)", example = "994598759")), responses((status = 200, description = "The organisation as NHN's customer", body = CustomerInfo), Errors), security(("session" = [])))]
async fn customer(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(orgnr): Path<String>,
) -> Result<Json<CustomerInfo>, ApiError> {
    let orgnr = acting::viewed_orgnr(&state, &user, &orgnr, lang).await?;
    let info = state.registry.customer_info(orgnr.as_ref()).await?;
    Ok(Json(info.ok_or(ApiError::NotFound)?))
}

#[utoipa::path(get, path = "/organisations/{orgnr}/documents", tag = "customer portal", params(("orgnr" = String, Path, description = "The organisation number (9 digits)", example = "994598759")), responses((status = 200, description = "The agreements the organisation has accepted or signed", body = OrgDocuments), Errors), security(("session" = [])))]
async fn documents(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(orgnr): Path<String>,
) -> Result<Json<OrgDocuments>, ApiError> {
    let orgnr = acting::viewed_orgnr(&state, &user, &orgnr, lang).await?;
    Ok(Json(
        crate::evidence::documents(&state.db, Of::Organisation(orgnr.as_ref())).await?,
    ))
}

#[utoipa::path(get, path = "/organisations/{orgnr}/readiness", tag = "customer portal", params(("orgnr" = String, Path, description = "The organisation number (9 digits)", example = "994598759")), responses((status = 200, description = "The checklist before activation", body = Vec<ReadinessItem>), Errors), security(("session" = [])))]
async fn readiness(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(orgnr): Path<String>,
) -> Result<Json<Vec<ReadinessItem>>, ApiError> {
    let orgnr = acting::viewed_orgnr(&state, &user, &orgnr, lang).await?;
    Ok(Json(readiness_of(&state, &orgnr, lang).await?))
}

/// The checklist: ticked by hand, or shown done by the evidence — the terms accepted for
/// the organisation, a delegation approved.
async fn readiness_of(
    state: &AppState,
    orgnr: &OrgNumber,
    lang: Lang,
) -> Result<Vec<ReadinessItem>, ApiError> {
    let ticked = pt::readiness(&state.db, orgnr.as_ref()).await?;
    let terms = pt::last_acceptance(&state.db, orgnr.as_ref(), "vilkar-persontjenesten").await?;
    let approval = pt::last_approval(&state.db, orgnr.as_ref()).await?;
    Ok(READINESS_ITEMS
        .iter()
        .map(|item| {
            let evidence = match *item {
                "vilkar" => terms
                    .clone()
                    .map(|(by, at)| (fill(t::READY_TERMS_BY.get(lang), &[&by]), at)),
                "delegering" => approval
                    .clone()
                    .map(|(by, at)| (fill(t::READY_APPROVED_BY.get(lang), &[&by]), at)),
                _ => None,
            };
            let found = evidence.or_else(|| {
                ticked
                    .iter()
                    .find(|(i, _, _)| i == item)
                    .map(|(_, by, at)| (by.clone(), *at))
            });
            ReadinessItem {
                item: (*item).to_owned(),
                done: found.is_some(),
                by: found.as_ref().map(|(by, _)| by.clone()),
                at: found.map(|(_, at)| oslo_time::date_and_time(at)),
            }
        })
        .collect())
}

#[utoipa::path(put, path = "/organisations/{orgnr}/readiness", tag = "customer portal", params(("orgnr" = String, Path, description = "The organisation number (9 digits)", example = "994598759")), request_body = SetReadiness, responses((status = 200, description = "The checklist", body = Vec<ReadinessItem>), Errors), security(("session" = [])))]
async fn set_readiness(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(orgnr): Path<String>,
    ApiJson(body): ApiJson<SetReadiness>,
) -> Result<Json<Vec<ReadinessItem>>, ApiError> {
    let orgnr = acting::viewed_orgnr(&state, &user, &orgnr, lang).await?;
    if !READINESS_ITEMS.contains(&body.item.as_str()) {
        return Err(ApiError::field("item", FieldError::UnknownChoice, lang));
    }
    let by = body.done.then(|| (user.name.as_str(), now_ms()));
    pt::set_readiness(&state.db, orgnr.as_ref(), &body.item, by).await?;
    Ok(Json(readiness_of(&state, &orgnr, lang).await?))
}

#[utoipa::path(get, path = "/organisations/{orgnr}/helseid", tag = "customer portal", params(("orgnr" = String, Path, description = "The organisation number (9 digits)", example = "994598759")), responses((status = 200, description = "Where the HelseID orders stand", body = Vec<HelseIdProgress>), Errors), security(("session" = [])))]
async fn helseid_progress(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(orgnr): Path<String>,
) -> Result<Json<Vec<HelseIdProgress>>, ApiError> {
    let orgnr = acting::viewed_orgnr(&state, &user, &orgnr, lang).await?;
    let orders: Vec<helseid::HelseIdOrder> =
        orders::history(&state.db, orgnr.as_ref(), helseid::HELSEID.slug)
            .await?
            .into_iter()
            .map(|(answers, status)| {
                let answer = |id| answers.one(id).to_owned();
                (answer("aktortype"), answer("miljo"), status)
            })
            .collect();
    Ok(Json(helseid::progress(&orders)))
}

/// The unit's role holders with authority, by name (the registry's public roles).
async fn holders(state: &AppState, orgnr: &OrgNumber) -> Result<Vec<String>, ApiError> {
    let Lookup::Found(_, legal_entity) = state.registry.lookup(orgnr).await? else {
        return Err(ApiError::NotFound);
    };
    let roles = state.registry.roles(&legal_entity).await?;
    let mut names: Vec<String> = roles
        .as_ref()
        .map(authority_holders)
        .unwrap_or_default()
        .into_iter()
        .map(|(_, n)| n)
        .collect();
    names.dedup();
    Ok(names)
}

#[utoipa::path(get, path = "/organisations/{orgnr}/tilgangsstyrere", tag = "customer portal", params(("orgnr" = String, Path, description = "The organisation number (9 digits)", example = "994598759")), responses((status = 200, description = "Who may decide access requests", body = Vec<String>), Errors), security(("session" = [])))]
async fn tilgangsstyrere(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Path(orgnr): Path<String>,
) -> Result<Json<Vec<String>>, ApiError> {
    let orgnr = OrgNumber::parse(&orgnr).map_err(|e| ApiError::field("orgnr", e, lang))?;
    Ok(Json(holders(&state, &orgnr).await?))
}

#[utoipa::path(post, path = "/access-requests", tag = "customer portal", request_body = NewAccessRequest, responses((status = 201, description = "Asked", body = AccessRequest), Errors), security(("session" = [])))]
async fn request_access(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    ApiJson(body): ApiJson<NewAccessRequest>,
) -> Result<(StatusCode, Json<AccessRequest>), ApiError> {
    let checked = ACCESS_REQUEST.validate(&body.answers);
    let mut errors = checked.as_ref().err().cloned().unwrap_or_default();
    let orgnr = match OrgNumber::parse(&body.orgnr) {
        Ok(o) => Some(o),
        Err(e) => {
            errors.add("orgnr", e);
            None
        }
    };
    if let Some(orgnr) = &orgnr
        && !holders(&state, orgnr).await?.contains(&body.tilgangsstyrer)
    {
        errors.add("tilgangsstyrer", FieldError::UnknownChoice);
    }
    let (Ok(form), Some(orgnr), true) = (checked, orgnr, errors.is_empty()) else {
        return Err(ApiError::Validation(errors, lang));
    };
    let answers: RawForm = form.normalised();
    let purposes = answers.many("formal");
    let now = now_ms();
    let id = pt::insert_request(
        &state.db,
        NewRequest {
            orgnr: orgnr.as_ref(),
            requester_key: &user.owner_key(),
            requester_name: &user.name,
            requester_email: answers.one("epost"),
            purposes_json: &serde_json::to_string(&purposes)?,
            message: answers.one("melding"),
            tilgangsstyrer: &body.tilgangsstyrer,
            now_ms: now,
        },
    )
    .await?;
    tracing::info!(id, orgnr = %orgnr, "access request stored");
    let stored = pt::request(&state.db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok((StatusCode::CREATED, Json(view(stored))))
}

fn view(r: pt::StoredRequest) -> AccessRequest {
    AccessRequest {
        id: r.id,
        orgnr: r.orgnr,
        requester: r.requester_name,
        purposes: serde_json::from_str(&r.purposes_json).unwrap_or_default(),
        message: r.message,
        tilgangsstyrer: r.tilgangsstyrer,
        status: r.status,
        created_at: oslo_time::date_and_time(r.created_at_ms),
    }
}

#[utoipa::path(get, path = "/organisations/{orgnr}/access-requests", tag = "customer portal", params(("orgnr" = String, Path, description = "The organisation number (9 digits)", example = "994598759")), responses((status = 200, description = "Access requests to decide, and the user's own", body = AccessRequests), Errors), security(("session" = [])))]
async fn access_requests(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(orgnr): Path<String>,
) -> Result<Json<AccessRequests>, ApiError> {
    let orgnr = OrgNumber::parse(&orgnr).map_err(|e| ApiError::field("orgnr", e, lang))?;
    let may_decide = acting::may_decide(&state, &user, &orgnr).await?;
    let requests = pt::requests(&state.db, orgnr.as_ref(), &user.owner_key(), may_decide).await?;
    Ok(Json(AccessRequests {
        may_decide,
        requests: requests.into_iter().map(view).collect(),
    }))
}

#[utoipa::path(post, path = "/access-requests/{id}/decision", tag = "customer portal", params(("id" = i64, Path, description = "The request's id")), request_body = AccessDecision, responses((status = 200, description = "Decided", body = AccessRequest), Errors), security(("session" = [])))]
async fn decide(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<AccessDecision>,
) -> Result<Json<AccessRequest>, ApiError> {
    let request = pt::request(&state.db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let orgnr = OrgNumber::parse(&request.orgnr)
        .map_err(|_| ApiError::broken("an access request's organisation number does not parse"))?;
    if !acting::may_decide(&state, &user, &orgnr).await? {
        return Err(ApiError::Forbidden);
    }
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    if !pt::decide(&mut tx, id, body.approve, &user.name, now).await? {
        return Err(ApiError::field("status", FieldError::UnknownChoice, lang));
    }
    let (subject, text) = if body.approve {
        (
            t::MAIL_ACCESS_APPROVED_SUBJECT,
            t::MAIL_ACCESS_APPROVED_BODY,
        )
    } else {
        (
            t::MAIL_ACCESS_DECLINED_SUBJECT,
            t::MAIL_ACCESS_DECLINED_BODY,
        )
    };
    let notice = NewNotification {
        channel: Channel::Email,
        recipient: request.requester_email.clone(),
        subject: subject.get(lang).to_owned(),
        body: fill(
            text.get(lang),
            &[&request.requester_name, &request.orgnr, &user.name],
        ),
        attachment_reference: None,
        secret: false,
    };
    crate::outbox::enqueue(&mut tx, &notice, now).await?;
    tx.commit().await?;
    state.outbox.wake();
    let stored = pt::request(&state.db, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(view(stored)))
}

#[utoipa::path(get, path = "/organisations/{orgnr}/acceptances", tag = "customer portal", params(("orgnr" = String, Path, description = "The organisation number (9 digits)", example = "994598759")), responses((status = 200, description = "Terms accepted before, for the whole legal entity", body = Vec<PriorAcceptance>), Errors), security(("session" = [])))]
async fn prior_acceptances(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(orgnr): Path<String>,
) -> Result<Json<Vec<PriorAcceptance>>, ApiError> {
    let orgnr = OrgNumber::parse(&orgnr).map_err(|e| ApiError::field("orgnr", e, lang))?;
    // Who accepted is shown only to whom the registry confirms acts for the unit.
    acting::require_view(&state, &user, &orgnr).await?;
    let legal_entity = crate::ordering::legal_entity_of(&state, &orgnr).await?;
    let mut found = Vec::new();
    let shared = common::services::SERVICES
        .iter()
        .flat_map(|s| s.documents.iter())
        .filter(|d| d.for_legal_entity);
    for doc in shared {
        if let Some((accepted_by, at, orgnr)) =
            orders::acceptance_under(&state.db, &legal_entity, doc.id).await?
        {
            found.push(PriorAcceptance {
                document_id: doc.id.to_owned(),
                accepted_by,
                accepted_at: oslo_time::date_and_time(at),
                orgnr,
            });
        }
    }
    Ok(Json(found))
}
