//! `GET /api/organisations/{orgnr}`: look a unit up in Enhetsregisteret (step 2).

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use common::api::Organisation;
use common::validate::OrgNumber;
use common::{FieldError, ValidationErrors};

use crate::error::ApiError;
use crate::extract::RequestLang;
use crate::registry::Lookup;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/organisations/{orgnr}", get(lookup))
}

async fn lookup(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Path(orgnr): Path<String>,
) -> Result<Json<Organisation>, ApiError> {
    let orgnr = OrgNumber::parse(&orgnr).map_err(|e| field_error("orgnr", e, lang))?;
    match state.registry.lookup(&orgnr).await? {
        Lookup::Found(org) => Ok(Json(org)),
        // Unknown is 404; bankrupt and deleted units exist but may not order: 422 with why.
        Lookup::Refused(FieldError::NotInRegistry) => Err(ApiError::NotFound),
        Lookup::Refused(reason) => Err(field_error("orgnr", reason, lang)),
    }
}

fn field_error(field: &str, error: FieldError, lang: common::Lang) -> ApiError {
    let mut errors = ValidationErrors::default();
    errors.add(field, error);
    ApiError::Validation(errors, lang)
}
