//! Login, the session and logout.
//!
//! - `GET  /api/auth/login?tilbake=/path` — starts an ID-porten login (or, with none
//!   configured, sends the browser to the built-in test login).
//! - `GET  /api/auth/callback` — ID-porten's redirect back; creates the session.
//! - `POST /api/auth/test-login` — the built-in test identity provider (no ID-porten
//!   configured): an eID, a synthetic fødselsnummer and a name. Refused in production.
//! - `GET  /api/me` — who is logged in, and the session's expiry.
//! - `POST /api/session/extend` — "Forleng økten".
//! - `POST /api/auth/logout` — ends the session.

use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{AppendHeaders, IntoResponse, Redirect, Response};
use axum::{Extension, Json};
use common::api::{LogoutResponse, Me, SigningOutcome, TestLoginRequest, safe_return_path};
use serde::Deserialize;

use crate::auth::{CurrentUser, clear_cookies, cookie_value, hash_token};
use crate::db::logins::{self, Attempt};
use crate::db::sessions::{self, Identity, LoginEvidence};
use crate::error::ApiError;
use crate::extract::{ApiJson, RequestLang};
use crate::idporten::{IdPorten, LoginError, Purpose};
use crate::login::{self, LOGIN_COOKIE, NewSession, TEST_LOGIN_LEVEL, eid_of, session_info};
use crate::now_ms;
use crate::ordering::{self, Signer};
use crate::state::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::openapi::Errors;

pub fn public() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(test_login))
        .routes(routes!(login))
        .routes(routes!(callback))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct LoginQuery {
    tilbake: Option<String>,
}

#[utoipa::path(get, path = "/auth/login", tag = "login", params(LoginQuery), responses((status = 303, description = "To the identity provider, or back into the portal"), Errors))]
async fn login(
    State(state): State<AppState>,
    Query(query): Query<LoginQuery>,
) -> Result<Response, ApiError> {
    let return_to = safe_return_path(query.tilbake.as_deref());
    let Some(idporten) = &state.idporten else {
        let target = format!("/testinnlogging?tilbake={}", urlencode(&return_to));
        return Ok(Redirect::to(&target).into_response());
    };
    let (cookie, url) = login::begin_idporten(&state, idporten, return_to, None).await?;
    Ok(([(SET_COOKIE, cookie)], Redirect::to(&url)).into_response())
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    iss: Option<String>,
    error: Option<String>,
}

#[utoipa::path(get, path = "/auth/callback", tag = "login", params(CallbackQuery), responses((status = 303, description = "To the identity provider, or back into the portal"), Errors))]
async fn callback(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    headers: HeaderMap,
    Query(query): Query<CallbackQuery>,
) -> Result<Response, ApiError> {
    let Some(idporten) = state.idporten.clone() else {
        return Err(ApiError::NotFound);
    };
    match finish_login(&state, &idporten, &headers, query, lang).await? {
        Ok((cookie, return_to)) => {
            let cookies = cookie.into_iter().flatten().chain([clear_login_cookie()]);
            Ok((
                AppendHeaders(cookies.map(|c| (SET_COOKIE, c))),
                Redirect::to(&return_to),
            )
                .into_response())
        }
        Err(reason) => {
            tracing::warn!(reason = reason.code(), "ID-porten login refused");
            state
                .metrics
                .login_failed(crate::metrics::LoginFailure::IdPorten);
            let target = format!("/innlogging-feilet?grunn={}", reason.code());
            Ok((
                AppendHeaders([(SET_COOKIE, clear_login_cookie())]),
                Redirect::to(&target),
            )
                .into_response())
        }
    }
}

fn clear_login_cookie() -> HeaderValue {
    HeaderValue::from_static("bp_login=; Path=/api/auth; HttpOnly; SameSite=Lax; Max-Age=0")
}

/// The callback's checks, in order; the outer `Result` is for the server's own failures.
async fn finish_login(
    state: &AppState,
    idporten: &IdPorten,
    headers: &HeaderMap,
    query: CallbackQuery,
    lang: common::Lang,
) -> Result<Result<(Option<[HeaderValue; 2]>, String), LoginError>, ApiError> {
    // The state is taken (deleted) first, whatever happens next: it can serve one callback only.
    let attempt = match &query.state {
        Some(s) => logins::take(&state.db, &hash_token(s), false, now_ms()).await?,
        None => None,
    };
    let Some(attempt) = attempt else {
        return Ok(Err(LoginError::State));
    };
    let browser = cookie_value(headers, LOGIN_COOKIE).map(|b| hash_token(&b));
    if browser.as_deref() != Some(attempt.browser_hash.as_str()) {
        return Ok(Err(LoginError::State));
    }
    if let Some(signing_id) = &attempt.signing_id {
        // A signing: the orderer's session goes on; the signer's login only signs.
        let Some(user) = crate::auth::current_user(state, headers).await? else {
            return Ok(Err(LoginError::State));
        };
        let signer = signer_of(idporten, query, &attempt).await;
        ordering::complete_signing(state, &user, signing_id, signer, lang).await?;
        return Ok(Ok((None, attempt.return_to)));
    }
    if query.error.is_some() {
        return Ok(Err(LoginError::Cancelled));
    }
    if let Err(e) = idporten.check_issuer(query.iss.as_deref()) {
        return Ok(Err(e));
    }
    let Some(code) = query.code else {
        return Ok(Err(LoginError::Exchange));
    };
    let identity = match idporten
        .finish(code, attempt.pkce_verifier, attempt.nonce, Purpose::Login)
        .await
    {
        Ok(identity) => identity,
        Err(e) => return Ok(Err(e)),
    };
    let evidence = LoginEvidence {
        acr: Some(identity.acr),
        id_token: Some(identity.id_token),
    };
    let person = Identity::Person {
        fodselsnummer: identity.fodselsnummer,
        eid: identity.eid,
    };
    let (cookie, _) = login::start(
        state,
        headers,
        NewSession {
            identity: person,
            name: identity.name,
            orgnr: None,
            remember: false,
            evidence,
        },
    )
    .await?;
    Ok(Ok((Some(cookie), attempt.return_to)))
}

/// The signer from ID-porten's answer to a signing login, or why there is none.
async fn signer_of(
    idporten: &IdPorten,
    query: CallbackQuery,
    attempt: &Attempt,
) -> Result<Signer, SigningOutcome> {
    if query.error.is_some() || idporten.check_issuer(query.iss.as_deref()).is_err() {
        return Err(SigningOutcome::Cancelled);
    }
    let code = query.code.ok_or(SigningOutcome::Cancelled)?;
    match idporten
        .finish(
            code,
            attempt.pkce_verifier.clone(),
            attempt.nonce.clone(),
            Purpose::Signing,
        )
        .await
    {
        Ok(identity) => Ok(Signer {
            fodselsnummer: identity.fodselsnummer,
            name: identity.name,
            eid: identity.eid,
            method: identity.method,
            acr: identity.acr,
        }),
        Err(LoginError::Level) => Err(SigningOutcome::Level),
        Err(e) => {
            tracing::warn!(reason = e.code(), "signing login refused");
            Err(SigningOutcome::Cancelled)
        }
    }
}

/// Percent-encodes a path for use as a query value.
fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn protected() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(me))
        .routes(routes!(extend))
        .routes(routes!(logout))
}

#[utoipa::path(post, path = "/auth/test-login", tag = "login", request_body = TestLoginRequest, responses((status = 200, description = "Logged in (development only): who, with the session cookie", body = Me), Errors))]
async fn test_login(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    headers: HeaderMap,
    ApiJson(body): ApiJson<TestLoginRequest>,
) -> Result<Response, ApiError> {
    let (eid, fodselsnummer, name) = login::test_person(&state, &body, lang)?;
    let (cookies, me) = login::start(
        &state,
        &headers,
        NewSession {
            identity: Identity::Person { fodselsnummer, eid },
            name: name.to_string(),
            orgnr: None,
            remember: false,
            // The built-in test login reaches no ID-porten level; the evidence says so.
            evidence: LoginEvidence {
                acr: Some(TEST_LOGIN_LEVEL.to_owned()),
                id_token: None,
            },
        },
    )
    .await?;
    Ok((AppendHeaders(cookies.map(|c| (SET_COOKIE, c))), Json(me)).into_response())
}

#[utoipa::path(get, path = "/me", tag = "login", responses((status = 200, description = "Who is logged in, and the session's expiry", body = Me), Errors), security(("session" = [])))]
async fn me(State(state): State<AppState>, Extension(user): Extension<CurrentUser>) -> Json<Me> {
    Json(Me {
        eid: eid_of(&user.identity),
        session: session_info(&state, user.expires_at_ms, user.remember),
        name: user.name,
    })
}

/// "Forleng økten": always extends, also within the renewal granularity the middleware uses.
#[utoipa::path(post, path = "/session/extend", tag = "login", responses((status = 200, description = "The session's new expiry", body = common::api::SessionInfo), Errors), security(("session" = [])))]
async fn extend(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, ApiError> {
    let expires_at_ms = state.policy_for(user.remember).expiry_from(now_ms());
    sessions::set_expiry(&state.db, &user.token_hash, expires_at_ms).await?;
    let header = [(
        crate::auth::EXPIRES_HEADER,
        HeaderValue::from(expires_at_ms),
    )];
    Ok((
        header,
        Json(session_info(&state, expires_at_ms, user.remember)),
    )
        .into_response())
}

#[utoipa::path(post, path = "/auth/logout", tag = "login", responses((status = 200, description = "Logged out; where to end the ID-porten session too", body = LogoutResponse), Errors), security(("session" = [])))]
async fn logout(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, ApiError> {
    let id_token = sessions::id_token(&state.db, &user.token_hash).await?;
    sessions::delete(&state.db, &user.token_hash).await?;
    // Logging out of the portal logs out of ID-porten too (RP-initiated logout).
    let end_session_url = state
        .idporten
        .as_ref()
        .and_then(|i| i.logout_url(id_token.as_deref()));
    Ok((
        AppendHeaders(clear_cookies().map(|c| (SET_COOKIE, c))),
        Json(LogoutResponse { end_session_url }),
    )
        .into_response())
}
