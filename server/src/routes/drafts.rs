//! Drafts of the journey (issue 6), for the user and an organisation they may act for.
//!
//! - `PUT /api/drafts/{service}` — saves the answers so far (the SPA debounces, and saves
//!   at each step change); answers with the draft as stored, whose idempotency key wins.
//! - `GET /api/drafts/{service}` — the newest draft, to resume after a new login; 404 if none.

use axum::extract::{Path, State};
use axum::{Extension, Json};
use common::api::{Draft, is_idempotency_key};
use common::services;
use common::validate::OrgNumber;
use common::{FieldError, Lang, ValidationErrors};

use crate::acting;
use crate::auth::CurrentUser;
use crate::db::{drafts, orders};
use crate::error::ApiError;
use crate::extract::{ApiJson, RequestLang};
use crate::now_ms;
use crate::state::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::openapi::Errors;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(latest, save))
}

/// The most a draft's answers may weigh: far above any form, far below abuse.
const MAX_ANSWERS_BYTES: usize = 64 * 1024;

fn service_of(slug: &str) -> Result<&'static services::Service, ApiError> {
    services::by_slug(slug).ok_or(ApiError::NotFound)
}

#[utoipa::path(get, path = "/drafts/{service}", tag = "drafts", params(("service" = String, Path, description = "The service's slug", example = "digitaleinnbyggertjenester")), responses((status = 200, description = "The user's draft of this service", body = Draft), Errors), security(("session" = [])))]
async fn latest(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(service): Path<String>,
) -> Result<Json<Draft>, ApiError> {
    let service = service_of(&service)?;
    drafts::latest(&state.db, &user.owner_key(), service.slug)
        .await?
        .map(Json)
        .ok_or(ApiError::NotFound)
}

#[utoipa::path(put, path = "/drafts/{service}", tag = "drafts", params(("service" = String, Path, description = "The service's slug", example = "digitaleinnbyggertjenester")), request_body = Draft, responses((status = 200, description = "Saved", body = Draft), Errors), security(("session" = [])))]
async fn save(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(service): Path<String>,
    ApiJson(mut draft): ApiJson<Draft>,
) -> Result<Json<Draft>, ApiError> {
    let service = service_of(&service)?;
    let answers_json = check(&state, &user, service, &draft, lang).await?;
    let now = now_ms();
    // A save that arrives after its order was submitted (it was in flight at "Fullfør")
    // must not bring the draft back.
    if orders::has_key(
        &state.db,
        &orders::Orderer::of(&user),
        &draft.idempotency_key,
    )
    .await?
    {
        return Ok(Json(draft));
    }
    draft.idempotency_key = drafts::save(
        &state.db,
        &user.owner_key(),
        service.slug,
        &draft,
        &answers_json,
        now,
    )
    .await?;
    draft.saved_at_ms = now;
    Ok(Json(draft))
}

/// The draft's shape, and the user's right to the organisation; the answers as JSON.
async fn check(
    state: &AppState,
    user: &CurrentUser,
    service: &services::Service,
    draft: &Draft,
    lang: Lang,
) -> Result<String, ApiError> {
    let mut errors = ValidationErrors::default();
    if common::Step::resumable(draft.step).is_none() {
        errors.add("step", FieldError::UnknownChoice);
    }
    if !is_idempotency_key(&draft.idempotency_key) {
        errors.add("idempotency_key", FieldError::UnknownChoice);
    }
    let answers_json = serde_json::to_string(&draft.answers)?;
    if answers_json.len() > MAX_ANSWERS_BYTES {
        errors.add(
            "answers",
            FieldError::TooLong {
                max: MAX_ANSWERS_BYTES as u32,
            },
        );
    }
    match OrgNumber::parse(&draft.orgnr) {
        Ok(orgnr) => match acting::choose(state, user, &orgnr).await? {
            // A draft for a unit the user may not act for is not kept — but anyone may
            // fill in a signed service's order: the signer carries the authority.
            Ok(choice) if !acting::may_order(Some(service), choice.standing) => {
                return Err(ApiError::Forbidden);
            }
            Ok(_) => {}
            Err(reason) => errors.add("orgnr", reason),
        },
        Err(e) => errors.add("orgnr", e),
    }
    errors
        .into_result(answers_json)
        .map_err(|e| ApiError::Validation(e, lang))
}
