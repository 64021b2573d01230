//! `GET /api/organisations/{orgnr}`: look a unit up in Enhetsregisteret (step 2).

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use common::ValidationErrors;
use common::api::Organisation;
use common::validate::OrgNumber;

use crate::error::ApiError;
use crate::extract::RequestLang;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/organisations/{orgnr}", get(lookup))
}

async fn lookup(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Path(orgnr): Path<String>,
) -> Result<Json<Organisation>, ApiError> {
    let orgnr = OrgNumber::parse(&orgnr).map_err(|e| {
        let mut errors = ValidationErrors::default();
        errors.add("orgnr", e);
        ApiError::Validation(errors, lang)
    })?;
    state
        .registry
        .lookup(&orgnr)
        .map(Json)
        .ok_or(ApiError::NotFound)
}
