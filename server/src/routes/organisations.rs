//! `GET /api/organisations/{orgnr}`: look a unit up in Enhetsregisteret (step 2), with the
//! user's standing with it (a role that gives authority, none, or not known).

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Extension, Json, Router};
use common::api::OrganisationChoice;
use common::validate::OrgNumber;
use common::{FieldError, ValidationErrors};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::extract::RequestLang;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/organisations/{orgnr}", get(lookup))
}

async fn lookup(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(orgnr): Path<String>,
) -> Result<Json<OrganisationChoice>, ApiError> {
    let orgnr = OrgNumber::parse(&orgnr).map_err(|e| field_error("orgnr", e, lang))?;
    match state
        .registry
        .choose(&orgnr, &user.fodselsnummer, &user.name)
        .await?
    {
        Ok(choice) => Ok(Json(choice)),
        // Unknown is 404; bankrupt and deleted units exist but may not order: 422 with why.
        Err(FieldError::NotInRegistry) => Err(ApiError::NotFound),
        Err(reason) => Err(field_error("orgnr", reason, lang)),
    }
}

fn field_error(field: &str, error: FieldError, lang: common::Lang) -> ApiError {
    let mut errors = ValidationErrors::default();
    errors.add(field, error);
    ApiError::Validation(errors, lang)
}
