//! Signing terms with eID (DDFL, SPEC §4).
//!
//! - `POST /api/signing` — "Signer dokument": the order (as `POST /api/orders` takes it)
//!   is checked in full (422 with field errors, nothing lost), kept, and the answer says
//!   where the signer logs in: ID-porten (with `prompt=login` at the signing level), or
//!   the built-in test signing when no ID-porten is configured.
//! - ID-porten's callback (`routes::auth`) finishes the signing: the signer's `pid` must
//!   be the fødselsnummer the form names, else nothing is signed.
//! - `POST /api/signing/{id}/test-sign` — the built-in test identity provider's signing.
//! - `GET  /api/signing/{id}` — how it went, with the order, so a refused signing goes
//!   back to the form with every answer.
//! - `GET  /api/signed/{reference}/pdf` — the sealed package, for those who act for the
//!   organisation it was signed for, and for the orderer.

use axum::extract::{Path, State};
use axum::http::HeaderValue;
use axum::http::header::{self, SET_COOKIE};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use common::api::{
    SigningOutcome, SigningStarted, SigningState, Standing, SubmitOrder, TestLoginRequest,
};
use common::form::Value;
use common::validate::OrgNumber;
use common::{FieldError, Lang};

use super::orders::{self, Signer};
use crate::acting;
use crate::auth::{CurrentUser, new_token};
use crate::db::signings::{self, NewSigning};
use crate::error::ApiError;
use crate::extract::{ApiJson, RequestLang};
use crate::now_ms;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/signing", post(start))
        .route("/signing/{id}", get(status))
        .route("/signing/{id}/test-sign", post(test_sign))
        .route("/signed/{reference}/pdf", get(package))
}

async fn start(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    ApiJson(body): ApiJson<SubmitOrder>,
) -> Result<Response, ApiError> {
    let checked = orders::check(&state, &user, &body, lang).await?;
    let Some(field) = checked.service.signer_field else {
        return Err(ApiError::field("service", FieldError::UnknownChoice, lang));
    };
    let Some(Value::Fodselsnummer(signer)) = checked.form.values.get(field) else {
        return Err(ApiError::field(field, FieldError::Required, lang));
    };
    let id = new_token()?;
    let order_json = serde_json::to_string(&body).map_err(ApiError::internal)?;
    signings::insert(
        &state.db,
        &NewSigning {
            id: &id,
            owner_key: &user.owner_key(),
            order_json: &order_json,
            signer_key: &state.sealer.protect_fnr(signer.expose()),
        },
        now_ms(),
    )
    .await?;
    let back = format!("/skjema/{}?signering={id}", checked.service.slug);
    let Some(idporten) = state.idporten.clone() else {
        let url = format!("/testsignering?signering={id}");
        return Ok(Json(SigningStarted { id, url }).into_response());
    };
    let (cookie, url) = super::auth::begin(&state, &idporten, back, Some(id.clone())).await?;
    Ok(([(SET_COOKIE, cookie)], Json(SigningStarted { id, url })).into_response())
}

/// Finishes the signing `id` of `user` with the eID login's outcome. Only the first
/// call for a signing does anything.
pub(super) async fn complete(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    signer: Result<Signer, SigningOutcome>,
    lang: Lang,
) -> Result<SigningOutcome, ApiError> {
    let owner = user.owner_key();
    let Some(row) = signings::claim(&state.db, id, &owner).await? else {
        // Finished already (or not this user's): what it came to, once.
        return match signings::find(&state.db, id, &owner).await? {
            Some(row) => Ok(row.outcome),
            None => Err(ApiError::NotFound),
        };
    };
    let (outcome, reference) = match signer {
        Err(outcome) => (outcome, None),
        Ok(signer) if state.sealer.protect_fnr(signer.fodselsnummer.expose()) != row.signer_key => {
            // Logged in as someone else than the form names: a refusal, never a signature.
            tracing::warn!("signing refused: the signer is not the person the form names");
            (SigningOutcome::OtherPerson, None)
        }
        Ok(signer) => {
            let order: SubmitOrder =
                serde_json::from_str(&row.order_json).map_err(ApiError::internal)?;
            if signer_lacks_authority(state, &order.orgnr, &signer).await? {
                tracing::warn!("signing refused: the signer holds no role with authority");
                signings::finish(&state.db, id, SigningOutcome::SignerLacksAuthority, None).await?;
                return Ok(SigningOutcome::SignerLacksAuthority);
            }
            match orders::place(state, user, &order, Some(&signer), lang).await {
                Ok((_, receipt)) => (SigningOutcome::Signed, Some(receipt.reference)),
                Err(e) => {
                    // The order no longer passes (authority changed, session gone …).
                    tracing::warn!(error = ?e, "signed order refused");
                    (SigningOutcome::Refused, None)
                }
            }
        }
    };
    signings::finish(&state.db, id, outcome, reference.as_deref()).await?;
    Ok(outcome)
}

/// Whether Enhetsregisteret knows the unit's roles and gives the signer none with
/// authority. The signature is what carries the authority to accept (seed 001: whoever
/// fills in the form names the one who signs), so it is checked on the signer.
async fn signer_lacks_authority(
    state: &AppState,
    orgnr: &str,
    signer: &Signer,
) -> Result<bool, ApiError> {
    let orgnr = OrgNumber::parse(orgnr).map_err(ApiError::internal)?;
    Ok(matches!(
        state
            .registry
            .choose(&orgnr, &signer.fodselsnummer, &signer.name)
            .await?,
        Ok(choice) if choice.standing == Standing::Lacks
    ))
}

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
        order: serde_json::from_str(&row.order_json).map_err(ApiError::internal)?,
        reference: row.reference,
    }))
}

/// The built-in test identity provider signs like ID-porten would: an eID, a synthetic
/// fødselsnummer and a name. Refused in production and where ID-porten is configured.
async fn test_sign(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<TestLoginRequest>,
) -> Result<Json<SigningState>, ApiError> {
    let (eid, fodselsnummer, name) = super::auth::test_person(&state, &body, lang)?;
    let signer = Signer {
        fodselsnummer,
        name: name.to_string(),
        eid,
        method: eid.label().nb.to_owned(),
        acr: super::auth::TEST_LOGIN_LEVEL.to_owned(),
    };
    complete(&state, &user, &id, Ok(signer), lang).await?;
    status(State(state), Extension(user), Path(id)).await
}

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
    let orgnr = OrgNumber::parse(&orgnr).map_err(ApiError::internal)?;
    let acts_for = match acting::require(&state, &user, &orgnr).await {
        Ok(_) => true,
        Err(ApiError::Forbidden) => false,
        Err(e) => return Err(e),
    };
    if !acts_for
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
    let disposition = format!("attachment; filename=\"signert-{reference}.pdf\"");
    Ok((
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/pdf"),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).map_err(ApiError::internal)?,
            ),
        ],
        pdf,
    ))
}
