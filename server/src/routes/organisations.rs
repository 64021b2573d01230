//! Organisations, and who acts for which (see `crate::acting`).
//!
//! - `GET /api/organisations/{orgnr}` — look a unit up in Enhetsregisteret (step 2), with
//!   the user's standing with it (a role that gives authority, contact person, none, or
//!   not known).
//! - `GET /api/organisations` — the organisations the user acts for, and the one chosen.
//! - `PUT /api/session/organisation` — act for another of them ("Bytt virksomhet").
//! - `GET /api/organisations/{orgnr}/orders` — the organisation's orders, for those who
//!   act for it.
//! - `GET /api/organisations/{orgnr}/services` — every service, active or not for it.
//! - `GET /api/organisations/{orgnr}/parties` — its communication parties in
//!   Adresseregisteret (HER-ids to pick from), for those who may order for it.
//! - `GET /api/organisations/{orgnr}/parties/{her_id}` — one HER-id looked up.
//! - `GET /api/organisations/{orgnr}/grunndata` — the unit in Adresseregisteret and its
//!   onboarding steps, for those who act for it.

use axum::extract::{Path, State};
use axum::{Extension, Json};
use common::FieldError;
use common::api::register::{Grunndata, HerIdLookup, UnitParties};
use common::api::{
    ChooseOrganisation, MyOrganisations, OrderSummary, OrganisationChoice, ServiceStatus,
};
use common::validate::{HerId, OrgNumber};

use crate::acting;
use crate::auth::CurrentUser;
use crate::db::{orders, sessions};
use crate::error::ApiError;
use crate::extract::{ApiJson, RequestLang};
use crate::her_ids;
use crate::state::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::openapi::Errors;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(mine))
        .routes(routes!(lookup))
        .routes(routes!(org_orders))
        .routes(routes!(org_services))
        .routes(routes!(parties))
        .routes(routes!(party))
        .routes(routes!(grunndata))
        .routes(routes!(switch))
}

#[utoipa::path(get, path = "/organisations/{orgnr}", tag = "organisations", params(("orgnr" = String, Path, description = "The organisation number (9 digits)", example = "994598759")), responses((status = 200, description = "The organisation, and the user's standing in it", body = OrganisationChoice), Errors), security(("session" = [])))]
async fn lookup(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(orgnr): Path<String>,
) -> Result<Json<OrganisationChoice>, ApiError> {
    let orgnr = OrgNumber::parse(&orgnr).map_err(|e| ApiError::field("orgnr", e, lang))?;
    match acting::choose(&state, &user, &orgnr).await? {
        Ok(choice) => Ok(Json(choice)),
        // Unknown is 404; bankrupt and deleted units exist but may not order: 422 with why.
        Err(FieldError::NotInRegistry) => Err(ApiError::NotFound),
        Err(reason) => Err(ApiError::field("orgnr", reason, lang)),
    }
}

#[utoipa::path(get, path = "/organisations", tag = "organisations", responses((status = 200, description = "The organisations the user acts for", body = MyOrganisations), Errors), security(("session" = [])))]
async fn mine(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
) -> Result<Json<MyOrganisations>, ApiError> {
    let organisations = acting::mine(&state, &user).await?;
    Ok(Json(MyOrganisations {
        current: user.orgnr.map(|o| o.as_ref().to_owned()),
        organisations,
    }))
}

#[utoipa::path(put, path = "/session/organisation", tag = "organisations", request_body = ChooseOrganisation, responses((status = 200, description = "The organisation chosen", body = MyOrganisations), Errors), security(("session" = [])))]
async fn switch(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    ApiJson(body): ApiJson<ChooseOrganisation>,
) -> Result<Json<MyOrganisations>, ApiError> {
    let orgnr = acting::viewed_orgnr(&state, &user, &body.orgnr, lang).await?;
    sessions::set_organisation(&state.db, &user.token_hash, &orgnr).await?;
    Ok(Json(MyOrganisations {
        current: Some(orgnr.as_ref().to_owned()),
        organisations: acting::mine(&state, &user).await?,
    }))
}

#[utoipa::path(get, path = "/organisations/{orgnr}/orders", tag = "organisations", params(("orgnr" = String, Path, description = "The organisation number (9 digits)", example = "994598759")), responses((status = 200, description = "The organisation's orders", body = Vec<OrderSummary>), Errors), security(("session" = [])))]
async fn org_orders(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(orgnr): Path<String>,
) -> Result<Json<Vec<OrderSummary>>, ApiError> {
    let orgnr = acting::viewed_orgnr(&state, &user, &orgnr, lang).await?;
    Ok(Json(
        orders::for_organisation(&state.db, orgnr.as_ref(), &orders::Orderer::of(&user)).await?,
    ))
}

#[utoipa::path(get, path = "/organisations/{orgnr}/services", tag = "organisations", params(("orgnr" = String, Path, description = "The organisation number (9 digits)", example = "994598759")), responses((status = 200, description = "The organisation's services and their state", body = Vec<ServiceStatus>), Errors), security(("session" = [])))]
async fn org_services(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(orgnr): Path<String>,
) -> Result<Json<Vec<ServiceStatus>>, ApiError> {
    let orgnr = acting::viewed_orgnr(&state, &user, &orgnr, lang).await?;
    let ordered = orders::services_of(&state.db, orgnr.as_ref()).await?;
    Ok(Json(
        common::services::SERVICES
            .iter()
            .map(|s| {
                let found = ordered.iter().find(|(slug, _)| slug == s.slug);
                ServiceStatus {
                    slug: s.slug.to_owned(),
                    active: found.is_some_and(|(_, completed)| *completed),
                    ordered: found.is_some_and(|(_, completed)| !completed),
                }
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/organisations/{orgnr}/parties", tag = "organisations", params(("orgnr" = String, Path, description = "The organisation number (9 digits)", example = "994598759")), responses((status = 200, description = "The unit's communication parties in Adresseregisteret, with whether the register answered", body = UnitParties), Errors), security(("session" = [])))]
async fn parties(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(orgnr): Path<String>,
) -> Result<Json<UnitParties>, ApiError> {
    let orgnr = acting::ordering_orgnr(&state, &user, &orgnr, lang).await?;
    Ok(Json(her_ids::unit_parties(&state, &orgnr).await?))
}

#[utoipa::path(get, path = "/organisations/{orgnr}/parties/{her_id}", tag = "organisations", params(("orgnr" = String, Path, description = "The organisation number (9 digits)", example = "994598759"), ("her_id" = String, Path, description = "A HER-id (a positive whole number)", example = "8765432")), responses((status = 200, description = "The HER-id's party, if Adresseregisteret knows it, with whether it answered", body = HerIdLookup), Errors), security(("session" = [])))]
async fn party(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path((orgnr, her_id)): Path<(String, String)>,
) -> Result<Json<HerIdLookup>, ApiError> {
    acting::ordering_orgnr(&state, &user, &orgnr, lang).await?;
    let her_id = HerId::parse(&her_id).map_err(|e| ApiError::field("her_id", e, lang))?;
    Ok(Json(her_ids::lookup(&state, her_id).await?))
}

#[utoipa::path(get, path = "/organisations/{orgnr}/grunndata", tag = "organisations", params(("orgnr" = String, Path, description = "The organisation number (9 digits)", example = "994598759")), responses((status = 200, description = "The unit in Adresseregisteret, and how far its onboarding has come", body = Grunndata), Errors), security(("session" = [])))]
async fn grunndata(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(orgnr): Path<String>,
) -> Result<Json<Grunndata>, ApiError> {
    let orgnr = acting::viewed_orgnr(&state, &user, &orgnr, lang).await?;
    Ok(Json(her_ids::grunndata(&state, &orgnr).await?))
}
