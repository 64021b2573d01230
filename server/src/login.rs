//! Starting sessions, for every way in: ID-porten (its login attempt, tied to the
//! browser), the built-in test identity provider, and the customer portal's password
//! and code. The routes only read the request and answer; the signing of an order starts
//! its ID-porten login here too.

use axum::http::{HeaderMap, HeaderValue};
use common::api::{Eid, Me, SessionInfo, TestLoginRequest};
use common::validate::{BoundedText, Fodselsnummer, OrgNumber};
use common::{FieldError, ValidationErrors};

use crate::auth::{hash_token, new_token, session_cookies, token_from};
use crate::db::logins::{self, Attempt};
use crate::db::sessions::{self, Identity, LoginEvidence, SessionRow};
use crate::error::ApiError;
use crate::idporten::{IdPorten, Purpose};
use crate::now_ms;
use crate::state::AppState;

/// The level the built-in test login records: honestly not an ID-porten level.
pub const TEST_LOGIN_LEVEL: &str = "testinnlogging";

/// The cookie that ties an ID-porten login attempt to the browser that started it.
pub const LOGIN_COOKIE: &str = "bp_login";

/// A session about to start: who, and how they proved it.
pub struct NewSession {
    pub identity: Identity,
    pub name: String,
    /// The organisation the customer portal opens with.
    pub orgnr: Option<OrgNumber>,
    /// "Husk meg": the longer lifetime, and a cookie that outlives the browser.
    pub remember: bool,
    pub evidence: LoginEvidence,
}

/// Creates a session and its cookie. Every login gets a new id, and a session the browser
/// still had ends: an id planted before login is worth nothing after it.
pub async fn start(
    state: &AppState,
    headers: &HeaderMap,
    new: NewSession,
) -> Result<([HeaderValue; 2], Me), ApiError> {
    if let Some(old) = token_from(headers) {
        sessions::delete(&state.db, &hash_token(&old)).await?;
    }
    let token = new_token()?;
    let now = now_ms();
    let policy = state.policy_for(new.remember);
    let row = SessionRow {
        token_hash: hash_token(&token),
        identity: new.identity,
        name: new.name,
        orgnr: new.orgnr,
        remember: new.remember,
        expires_at_ms: policy.expiry_from(now),
        acr: new.evidence.acr.clone().unwrap_or_default(),
    };
    sessions::insert(&state.db, &row, &new.evidence, now).await?;
    let me = Me {
        name: row.name,
        eid: eid_of(&row.identity),
        session: session_info(state, row.expires_at_ms, new.remember),
    };
    let max_age = new.remember.then_some(i64::from(policy.lifetime_secs));
    Ok((
        session_cookies(&token, state.config.secure_cookies, max_age),
        me,
    ))
}

/// Starts an ID-porten login — for a session, or for the signing `signing_id` — and
/// returns the cookie that ties it to this browser and the URL to send the browser to.
pub async fn begin_idporten(
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
        for_staff: false,
    };
    logins::insert(&state.db, &attempt, now_ms()).await?;
    let cookie = crate::auth::cookie(
        LOGIN_COOKIE,
        &browser,
        "Path=/api/auth; HttpOnly; SameSite=Lax; Max-Age=600",
        state.config.secure_cookies,
    )?;
    Ok((cookie, started.url))
}

/// The person the built-in test identity provider logs in (or signs as): refused in
/// production and where ID-porten is configured — there, people log in through it.
pub fn test_person(
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

/// The eID of a person's session; an account has none.
pub fn eid_of(identity: &Identity) -> Option<Eid> {
    match identity {
        Identity::Person { eid, .. } => Some(*eid),
        Identity::Account { .. } => None,
    }
}

/// What the SPA needs to count a session down.
pub fn session_info(state: &AppState, expires_at_ms: i64, remember: bool) -> SessionInfo {
    SessionInfo {
        expires_at_ms,
        server_now_ms: now_ms(),
        policy: state.policy_for(remember),
    }
}
