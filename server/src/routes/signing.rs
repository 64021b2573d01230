//! Signing terms with eID (DDFL, SPEC §4).
//!
//! - `POST /api/signing` — "Signer dokument": the order (as `POST /api/orders` takes it)
//!   is checked in full (422 with field errors, nothing lost), kept, and the answer says
//!   where the signer logs in: ID-porten (with `prompt=login` at the signing level), or
//!   the built-in test signing when no ID-porten is configured.
//! - ID-porten's callback (`routes::auth`) finishes the signing
//!   (`ordering::complete_signing`): the signer's `pid` must be the fødselsnummer the
//!   form names, else nothing is signed.
//! - `POST /api/signing/{id}/test-sign` — the built-in test identity provider's signing.
//! - `GET  /api/signing/{id}` — how it went, with the order, so a refused signing goes
//!   back to the form with every answer.
//! - `GET  /api/signed/{reference}/pdf` — the sealed package, for those who act for the
//!   organisation it was signed for, and for the orderer.

use axum::extract::{Path, State};
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use common::api::{SigningStarted, SigningState, SubmitOrder, TestLoginRequest};
use common::validate::OrgNumber;

use crate::acting;
use crate::auth::CurrentUser;
use crate::db::signings;
use crate::download::{self, Disposition};
use crate::error::ApiError;
use crate::extract::{ApiJson, RequestLang};
use crate::login;
use crate::ordering::{self, Signer, StartedSigning};
use crate::state::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::openapi::Errors;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(start))
        .routes(routes!(status))
        .routes(routes!(test_sign))
        .routes(routes!(package))
}

#[utoipa::path(post, path = "/signing", tag = "signing", request_body = SubmitOrder, responses((status = 200, description = "Where the signer logs in", body = SigningStarted), Errors), security(("session" = [])))]
async fn start(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    ApiJson(body): ApiJson<SubmitOrder>,
) -> Result<Response, ApiError> {
    let StartedSigning { id, service } =
        ordering::start_signing(&state, &user, &body, lang).await?;
    let Some(idporten) = state.idporten.clone() else {
        let url = format!("/testsignering?signering={id}");
        return Ok(Json(SigningStarted { id, url }).into_response());
    };
    let back = format!("/skjema/{service}?signering={id}");
    let (cookie, url) = login::begin_idporten(&state, &idporten, back, Some(id.clone())).await?;
    Ok(([(SET_COOKIE, cookie)], Json(SigningStarted { id, url })).into_response())
}

#[utoipa::path(get, path = "/signing/{id}", tag = "signing", params(("id" = String, Path, description = "The signing's id")), responses((status = 200, description = "How the signing stands", body = SigningState), Errors), security(("session" = [])))]
async fn status(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<String>,
) -> Result<Json<SigningState>, ApiError> {
    let row = signings::find(&state.db, &id, &user.owner_key())
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(SigningState {
        outcome: row.outcome,
        order: serde_json::from_str(&row.order_json)?,
        reference: row.reference,
    }))
}

/// The built-in test identity provider signs like ID-porten would: an eID, a synthetic
/// fødselsnummer and a name. Refused in production and where ID-porten is configured.
#[utoipa::path(post, path = "/signing/{id}/test-sign", tag = "signing", params(("id" = String, Path, description = "The signing's id")), request_body = TestLoginRequest, responses((status = 200, description = "Signed with the test login (development only)", body = SigningState), Errors), security(("session" = [])))]
async fn test_sign(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<TestLoginRequest>,
) -> Result<Json<SigningState>, ApiError> {
    let (eid, fodselsnummer, name) = login::test_person(&state, &body, lang)?;
    let signer = Signer {
        fodselsnummer,
        name: name.to_string(),
        eid,
        method: eid.label().nb.to_owned(),
        acr: login::TEST_LOGIN_LEVEL.to_owned(),
    };
    ordering::complete_signing(&state, &user, &id, Ok(signer), lang).await?;
    status(State(state), Extension(user), Path(id)).await
}

#[utoipa::path(get, path = "/signed/{reference}/pdf", tag = "signing", params(("reference" = String, Path, description = "The order's reference, e.g. BP-7K3M-Q9TX")), responses((status = 200, description = "The signed document package", body = [u8], content_type = "application/pdf"), Errors), security(("session" = [])))]
async fn package(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(reference): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    if !common::reference::is_well_formed(&reference) {
        return Err(ApiError::NotFound);
    }
    let orgnr = signings::package_orgnr(&state.db, &reference)
        .await?
        .ok_or(ApiError::NotFound)?;
    // Those who act for the organisation may fetch it, and the orderer.
    let orgnr = OrgNumber::parse(&orgnr)
        .map_err(|_| ApiError::broken("a package's organisation number does not parse"))?;
    if !acting::may_view(&state, &user, &orgnr).await?
        && !crate::db::orders::is_orderer(
            &state.db,
            &reference,
            &crate::db::orders::Orderer::of(&user),
        )
        .await?
    {
        return Err(ApiError::NotFound);
    }
    let pdf = signings::package_pdf(&state.db, &reference)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(download::pdf(
        Disposition::Attachment,
        &format!("signert-{reference}.pdf"),
        pdf,
    ))
}
