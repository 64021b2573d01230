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
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use common::api::{
    Eid, LogoutResponse, Me, SessionInfo, SigningOutcome, TestLoginRequest, safe_return_path,
};
use common::validate::{BoundedText, Fodselsnummer, OrgNumber};
use common::{FieldError, ValidationErrors};
use serde::Deserialize;

use crate::auth::{
    CurrentUser, clear_cookie, cookie_value, hash_token, new_token, session_cookie, token_from,
};
use crate::db::logins::{self, Attempt};
use crate::db::sessions::{self, Identity, LoginEvidence, SessionRow};
use crate::error::ApiError;
use crate::extract::{ApiJson, RequestLang};
use crate::idporten::{IdPorten, LoginError, Purpose};
use crate::now_ms;
use crate::state::AppState;

pub fn public() -> Router<AppState> {
    Router::new()
        .route("/auth/test-login", post(test_login))
        .route("/auth/login", get(login))
        .route("/auth/callback", get(callback))
}

/// The level the built-in test login records: honestly not an ID-porten level.
pub(super) const TEST_LOGIN_LEVEL: &str = "testinnlogging";

/// The cookie that ties a login attempt to the browser that started it.
const LOGIN_COOKIE: &str = "bp_login";

#[derive(Deserialize)]
struct LoginQuery {
    tilbake: Option<String>,
}

async fn login(
    State(state): State<AppState>,
    Query(query): Query<LoginQuery>,
) -> Result<Response, ApiError> {
    let return_to = safe_return_path(query.tilbake.as_deref());
    let Some(idporten) = &state.idporten else {
        let target = format!("/testinnlogging?tilbake={}", urlencode(&return_to));
        return Ok(Redirect::to(&target).into_response());
    };
    let (cookie, url) = begin(&state, idporten, return_to, None).await?;
    Ok(([(SET_COOKIE, cookie)], Redirect::to(&url)).into_response())
}

/// Starts an ID-porten login — for a session, or for the signing `signing_id` — and
/// returns the cookie that ties it to this browser and the URL to send the browser to.
pub(super) async fn begin(
    state: &AppState,
    idporten: &IdPorten,
    return_to: String,
    signing_id: Option<String>,
) -> Result<(HeaderValue, String), ApiError> {
    let purpose = match signing_id {
        Some(_) => Purpose::Signing,
        None => Purpose::Login,
    };
    let started = idporten.start(purpose);
    let browser = new_token()?;
    let attempt = Attempt {
        state_hash: hash_token(&started.state),
        browser_hash: hash_token(&browser),
        nonce: started.nonce,
        pkce_verifier: started.pkce_verifier,
        return_to,
        signing_id,
    };
    logins::insert(&state.db, &attempt, now_ms()).await?;
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LOGIN_COOKIE}={browser}; Path=/api/auth; HttpOnly; SameSite=Lax; Max-Age=600{secure}"
    );
    let cookie = HeaderValue::from_str(&cookie).map_err(ApiError::internal)?;
    Ok((cookie, started.url))
}

#[derive(Deserialize)]
struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    iss: Option<String>,
    error: Option<String>,
}

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
            let cookies = cookie.into_iter().chain([clear_login_cookie()]);
            Ok((
                AppendHeaders(cookies.map(|c| (SET_COOKIE, c))),
                Redirect::to(&return_to),
            )
                .into_response())
        }
        Err(reason) => {
            tracing::warn!(reason = reason.code(), "ID-porten login refused");
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
) -> Result<Result<(Option<HeaderValue>, String), LoginError>, ApiError> {
    // The state is taken (deleted) first, whatever happens next: it can serve one callback only.
    let attempt = match &query.state {
        Some(s) => logins::take(&state.db, &hash_token(s), now_ms()).await?,
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
        super::signing::complete(state, &user, signing_id, signer, lang).await?;
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
    let (cookie, _) = start_session(
        state,
        headers,
        person,
        identity.name,
        None,
        false,
        &evidence,
    )
    .await?;
    Ok(Ok((Some(cookie), attempt.return_to)))
}

/// The signer from ID-porten's answer to a signing login, or why there is none.
async fn signer_of(
    idporten: &IdPorten,
    query: CallbackQuery,
    attempt: &Attempt,
) -> Result<super::orders::Signer, SigningOutcome> {
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
        Ok(identity) => Ok(super::orders::Signer {
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

/// Creates a session and its cookie. Every login gets a new id, and a session the browser
/// still had ends: an id planted before login is worth nothing after it.
pub(super) async fn start_session(
    state: &AppState,
    headers: &HeaderMap,
    identity: Identity,
    name: String,
    orgnr: Option<OrgNumber>,
    remember: bool,
    evidence: &LoginEvidence,
) -> Result<(HeaderValue, Me), ApiError> {
    if let Some(old) = token_from(headers) {
        sessions::delete(&state.db, &hash_token(&old)).await?;
    }
    let token = new_token()?;
    let now = now_ms();
    let policy = state.policy_for(remember);
    let row = SessionRow {
        token_hash: hash_token(&token),
        identity,
        name,
        orgnr,
        remember,
        expires_at_ms: policy.expiry_from(now),
        acr: evidence.acr.clone().unwrap_or_default(),
    };
    sessions::insert(&state.db, &row, evidence, now).await?;
    let me = Me {
        name: row.name,
        eid: eid_of(&row.identity),
        session: session_info(state, row.expires_at_ms, remember),
    };
    let max_age = remember.then_some(i64::from(policy.lifetime_secs));
    Ok((
        session_cookie(&token, state.config.secure_cookies, max_age),
        me,
    ))
}

fn eid_of(identity: &Identity) -> Option<Eid> {
    match identity {
        Identity::Person { eid, .. } => Some(*eid),
        Identity::Account { .. } => None,
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

pub fn protected() -> Router<AppState> {
    Router::new()
        .route("/me", get(me))
        .route("/session/extend", post(extend))
        .route("/auth/logout", post(logout))
}

/// The person the built-in test identity provider logs in (or signs as): refused in
/// production and where ID-porten is configured — there, people log in through it.
pub(super) fn test_person(
    state: &AppState,
    body: &TestLoginRequest,
    lang: common::Lang,
) -> Result<(Eid, Fodselsnummer, BoundedText), ApiError> {
    if state.config.production || state.idporten.is_some() {
        return Err(ApiError::Forbidden);
    }
    let mut errors = ValidationErrors::default();
    let eid = Eid::parse_wire(&body.eid);
    if eid.is_none() {
        errors.add("eid", FieldError::UnknownChoice);
    }
    let fnr = Fodselsnummer::parse(&body.fodselsnummer)
        .map_err(|e| errors.add("fodselsnummer", e))
        .ok();
    let name = BoundedText::parse(&body.name, 200)
        .map_err(|e| errors.add("name", e))
        .ok();
    match (eid, fnr, name) {
        (Some(eid), Some(fnr), Some(name)) => Ok((eid, fnr, name)),
        _ => Err(ApiError::Validation(errors, lang)),
    }
}

async fn test_login(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    headers: HeaderMap,
    ApiJson(body): ApiJson<TestLoginRequest>,
) -> Result<Response, ApiError> {
    let (eid, fodselsnummer, name) = test_person(&state, &body, lang)?;
    let (cookie, me) = start_session(
        &state,
        &headers,
        Identity::Person { fodselsnummer, eid },
        name.to_string(),
        None,
        false,
        // The built-in test login reaches no ID-porten level; the evidence says so.
        &LoginEvidence {
            acr: Some(TEST_LOGIN_LEVEL.to_owned()),
            id_token: None,
        },
    )
    .await?;
    Ok(([(SET_COOKIE, cookie)], Json(me)).into_response())
}

fn session_info(state: &AppState, expires_at_ms: i64, remember: bool) -> SessionInfo {
    SessionInfo {
        expires_at_ms,
        server_now_ms: now_ms(),
        policy: state.policy_for(remember),
    }
}

async fn me(State(state): State<AppState>, Extension(user): Extension<CurrentUser>) -> Json<Me> {
    Json(Me {
        eid: eid_of(&user.identity),
        session: session_info(&state, user.expires_at_ms, user.remember),
        name: user.name,
    })
}

/// "Forleng økten": always extends, also within the renewal granularity the middleware uses.
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
        [(SET_COOKIE, clear_cookie())],
        Json(LogoutResponse { end_session_url }),
    )
        .into_response())
}
