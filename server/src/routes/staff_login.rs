//! Staff logging in and out of the customer centre:
//!
//! - `GET  /api/staff/login`, `GET /api/staff/callback` — through the staff identity
//!   provider (`crate::staff_oidc`); without one configured, to the test login page.
//! - `POST /api/staff/test-login` — the built-in test staff login (development only; no
//!   staff identity provider configured). Clearly marked in the name it gives.
//! - `GET  /api/staff/me`, `POST /api/staff/logout` (behind `require_staff`).

use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use axum::{Extension, Json};
use common::FieldError;
use common::api::staff::{StaffMe, StaffTestLogin};
use common::validate::BoundedText;
use serde::Deserialize;

use crate::auth::{cookie_value, hash_token, new_token};
use crate::db::logins::{self, Attempt};
use crate::error::ApiError;
use crate::extract::{ApiJson, RequestLang};
use crate::idporten::LoginError;
use crate::now_ms;
use crate::staff::{self, Role, StaffUser};
use crate::staff_oidc::StaffOidc;
use crate::state::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::openapi::Errors;

/// The routes before a staff session exists.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(test_login))
        .routes(routes!(login))
        .routes(routes!(callback))
}

#[utoipa::path(post, path = "/staff/test-login", tag = "customer centre", request_body = StaffTestLogin, responses((status = 204, description = "Logged in (development only), with the staff cookie"), Errors))]
async fn test_login(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    ApiJson(body): ApiJson<StaffTestLogin>,
) -> Result<Response, ApiError> {
    if state.config.production || state.staff_oidc.is_some() {
        return Err(ApiError::Forbidden);
    }
    let role =
        Role::parse(&body.role).ok_or(ApiError::field("role", FieldError::UnknownChoice, lang))?;
    let name = BoundedText::parse(&body.name, 100).map_err(|e| ApiError::field("name", e, lang))?;
    // The subject says what it is: nobody mistakes a test login for a colleague's.
    let subject = format!("test:{}:{}", role.as_str(), name.as_ref());
    let cookie = staff::start(&state, &subject, &format!("{name} (test)"), role).await?;
    Ok(([(SET_COOKIE, cookie)], StatusCode::NO_CONTENT).into_response())
}

/// The staff login attempt's browser cookie, sent only back to the staff endpoints.
const STAFF_LOGIN_COOKIE: &str = "bp_staff_login";

#[utoipa::path(get, path = "/staff/login", tag = "customer centre", responses((status = 303, description = "To the identity provider, or back into the portal"), Errors))]
async fn login(State(state): State<AppState>) -> Result<Response, ApiError> {
    let Some(provider) = &state.staff_oidc else {
        return Ok(Redirect::to("/kundesenter/innlogging").into_response());
    };
    let started = provider.start();
    let browser = new_token()?;
    let attempt = Attempt {
        state_hash: hash_token(&started.state),
        browser_hash: hash_token(&browser),
        nonce: started.nonce,
        pkce_verifier: started.pkce_verifier,
        return_to: "/kundesenter".into(),
        signing_id: None,
        for_staff: true,
    };
    logins::insert(&state.db, &attempt, now_ms()).await?;
    let cookie = crate::auth::cookie(
        STAFF_LOGIN_COOKIE,
        &browser,
        // Lax: the provider's redirect back is a cross-site navigation.
        "Path=/api/staff; HttpOnly; SameSite=Lax; Max-Age=600",
        state.config.secure_cookies,
    )?;
    Ok(([(SET_COOKIE, cookie)], Redirect::to(&started.url)).into_response())
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    iss: Option<String>,
    error: Option<String>,
}

#[utoipa::path(get, path = "/staff/callback", tag = "customer centre", params(CallbackQuery), responses((status = 303, description = "To the identity provider, or back into the portal"), Errors))]
async fn callback(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<CallbackQuery>,
) -> Result<Response, ApiError> {
    let Some(provider) = state.staff_oidc.clone() else {
        return Err(ApiError::NotFound);
    };
    let clear = HeaderValue::from_static(
        "bp_staff_login=; Path=/api/staff; HttpOnly; SameSite=Lax; Max-Age=0",
    );
    match finish_staff_login(&state, &provider, &headers, query).await? {
        Ok(cookie) => Ok((
            AppendHeaders([(SET_COOKIE, cookie), (SET_COOKIE, clear)]),
            Redirect::to("/kundesenter"),
        )
            .into_response()),
        Err(reason) => {
            tracing::warn!(reason = reason.code(), "staff login refused");
            let target = format!("/kundesenter/innlogging?feil={}", reason.code());
            Ok((AppendHeaders([(SET_COOKIE, clear)]), Redirect::to(&target)).into_response())
        }
    }
}

/// The callback's checks, in order, as for customers: the attempt taken once, from the
/// browser that started it, the issuer, the code, the ID token, a role.
async fn finish_staff_login(
    state: &AppState,
    provider: &StaffOidc,
    headers: &HeaderMap,
    query: CallbackQuery,
) -> Result<Result<HeaderValue, LoginError>, ApiError> {
    let attempt = match &query.state {
        Some(s) => logins::take(&state.db, &hash_token(s), true, now_ms()).await?,
        None => None,
    };
    let Some(attempt) = attempt else {
        return Ok(Err(LoginError::State));
    };
    let browser = cookie_value(headers, STAFF_LOGIN_COOKIE).map(|b| hash_token(&b));
    if browser.as_deref() != Some(attempt.browser_hash.as_str()) {
        return Ok(Err(LoginError::State));
    }
    if query.error.is_some() {
        return Ok(Err(LoginError::Cancelled));
    }
    if !provider.issuer_matches(query.iss.as_deref()) {
        return Ok(Err(LoginError::Issuer));
    }
    let Some(code) = query.code else {
        return Ok(Err(LoginError::Exchange));
    };
    let who = match provider
        .finish(code, attempt.pkce_verifier, attempt.nonce)
        .await
    {
        Ok(who) => who,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(
        staff::start(state, &who.subject, &who.name, who.role).await?
    ))
}

#[utoipa::path(get, path = "/staff/me", tag = "customer centre", responses((status = 200, description = "The staff member logged in", body = StaffMe), Errors), security(("staff" = [])))]
pub async fn me(Extension(user): Extension<StaffUser>) -> Json<StaffMe> {
    Json(StaffMe {
        name: user.name,
        role: user.role.as_str().to_owned(),
    })
}

#[utoipa::path(post, path = "/staff/logout", tag = "customer centre", responses((status = 204, description = "Logged out"), Errors), security(("staff" = [])))]
pub async fn logout(
    State(state): State<AppState>,
    Extension(user): Extension<StaffUser>,
) -> Result<StatusCode, ApiError> {
    staff::end(&state.db, &user.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}
