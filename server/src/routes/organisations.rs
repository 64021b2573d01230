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

use axum::extract::{Path, State};
use axum::routing::{get, put};
use axum::{Extension, Json, Router};
use common::FieldError;
use common::api::{
    ChooseOrganisation, MyOrganisations, OrderSummary, OrganisationChoice, ServiceStatus,
};
use common::validate::OrgNumber;

use crate::acting;
use crate::auth::CurrentUser;
use crate::db::{orders, sessions};
use crate::error::ApiError;
use crate::extract::{ApiJson, RequestLang};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/organisations", get(mine))
        .route("/organisations/{orgnr}", get(lookup))
        .route("/organisations/{orgnr}/orders", get(org_orders))
        .route("/organisations/{orgnr}/services", get(org_services))
        .route("/session/organisation", put(switch))
}

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
