//! Sessions on the server: the cookie, the lookup, expiry and renewal.
//!
//! `require_session` guards every route that needs a user. It refuses a missing session
//! (401 `unauthenticated`) and an expired one (401 `session_expired`), renews the session
//! on activity (the form's time limit counts from the last thing the user did), and tells
//! the SPA the new expiry in response headers so its countdown stays true.

use axum::extract::{Request, State};
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use common::validate::OrgNumber;
use sha2::{Digest, Sha256};

use crate::db::sessions::{self, Identity, SessionRow};
use crate::error::ApiError;
use crate::now_ms;
use crate::state::AppState;

pub const COOKIE_NAME: &str = "bp_session";
/// Response headers carrying the session's expiry and the server's clock (Unix ms).
pub const EXPIRES_HEADER: &str = "x-session-expires-at";
pub const SERVER_NOW_HEADER: &str = "x-server-now";

/// Renewals closer together than this are skipped: one write per request would halve
/// the throughput of order submits for a gain nobody can see.
const RENEW_GRANULARITY_MS: i64 = 15_000;

/// The logged-in user of a request.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub token_hash: String,
    pub identity: Identity,
    pub name: String,
    /// The organisation chosen in the customer portal.
    pub orgnr: Option<OrgNumber>,
    pub remember: bool,
    pub expires_at_ms: i64,
    /// The login's security level, for the acceptance evidence.
    pub acr: String,
    /// A person's fødselsnummer as a keyed hash (`Sealer::protect_fnr`): how orders, drafts,
    /// uploads, signings and access requests know their owner without storing the number.
    pub person_key: Option<String>,
}

impl CurrentUser {
    /// Whose draft, upload, signing or access request: `p:` and the person's keyed hash,
    /// or `a:` and the account's id.
    pub fn owner_key(&self) -> String {
        match (&self.identity, &self.person_key) {
            (Identity::Account { id }, _) => format!("a:{id}"),
            (Identity::Person { .. }, Some(key)) => format!("p:{key}"),
            (Identity::Person { .. }, None) => unreachable!("a person's session has a key"),
        }
    }

    /// The person behind an eID login; accounts get 403 where only a person may act
    /// (accepting terms needs ID-porten).
    pub fn person(&self) -> Result<(&common::validate::Fodselsnummer, common::api::Eid), ApiError> {
        match &self.identity {
            Identity::Person { fodselsnummer, eid } => Ok((fodselsnummer, *eid)),
            Identity::Account { .. } => Err(ApiError::Forbidden),
        }
    }
}

/// A fresh random session token (256 bits, hex).
pub fn new_token() -> Result<String, ApiError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(crate::hex::encode(&bytes))
}

pub fn hash_token(token: &str) -> String {
    crate::hex::encode(&Sha256::digest(token.as_bytes()))
}

/// The session token from the request's cookies.
pub fn token_from(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, COOKIE_NAME)
}

/// The value of the cookie called `name`.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.to_owned())
}

/// A cookie that scripts may read, set and cleared with the session: `boot.js` starts the
/// app at once for a visitor who has it, since the pre-rendered first screen (the way in)
/// is not theirs. It says only "signed in" and grants nothing.
pub const SIGNED_IN_HINT: &str = "bp_signed_in";

/// `Set-Cookie`s for a new session: the session, HttpOnly (no script can read it),
/// SameSite=Lax, and its hint. Browser-session cookies, unless "Husk meg" asked them to
/// outlive the browser (`max_age`).
pub fn session_cookies(token: &str, secure: bool, max_age_secs: Option<i64>) -> [HeaderValue; 2] {
    let secure = if secure { "; Secure" } else { "" };
    let max_age = max_age_secs.map_or(String::new(), |s| format!("; Max-Age={s}"));
    [
        format!("{COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Lax{max_age}{secure}"),
        format!("{SIGNED_IN_HINT}=1; Path=/; SameSite=Lax{max_age}{secure}"),
    ]
    .map(|c| HeaderValue::from_str(&c).expect("hex token is a valid header value"))
}

/// `Set-Cookie` for `name=value` with `attributes` ("Path=…; HttpOnly; SameSite=…"), and
/// `Secure` where the portal is served over HTTPS: the one place that decides it.
pub fn cookie(
    name: &str,
    value: &str,
    attributes: &str,
    secure: bool,
) -> Result<HeaderValue, axum::http::header::InvalidHeaderValue> {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!("{name}={value}; {attributes}{secure}"))
}

/// `Set-Cookie`s that end the session's cookie and its hint.
pub fn clear_cookies() -> [HeaderValue; 2] {
    [
        HeaderValue::from_static("bp_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
        HeaderValue::from_static("bp_signed_in=; Path=/; SameSite=Lax; Max-Age=0"),
    ]
}

/// Middleware for the whole API: a write (any method but GET, HEAD, OPTIONS) that a
/// browser sends from another site is refused before anything else happens — the
/// session cookie is `SameSite=Lax`, which still lets a page on a sibling subdomain post
/// with it (issue 13.9: such a page logged the user out). Browsers say where a request
/// comes from in `Sec-Fetch-Site`, older ones in `Origin`; a client that sends neither is
/// not a browser acting for a user, and is judged by its cookie alone.
pub async fn refuse_cross_site(request: Request, next: Next) -> Result<Response, ApiError> {
    use axum::http::Method;
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && from_another_site(request.headers()) {
        tracing::warn!(method = %request.method(), "cross-site write refused");
        return Err(ApiError::Forbidden);
    }
    Ok(next.run(request).await)
}

/// Whether a browser says the request comes from a page of another origin.
fn from_another_site(headers: &HeaderMap) -> bool {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    match (header("sec-fetch-site"), header("origin")) {
        (Some(site), _) => !matches!(site, "same-origin" | "none"),
        (None, Some(origin)) => origin
            .split_once("://")
            .is_none_or(|(_, authority)| Some(authority) != header("host")),
        (None, None) => false,
    }
}

/// Middleware for routes that need a user; see the module doc.
pub async fn require_session(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    // No route answers OPTIONS, and a CORS preflight carries no cookie: it gets the method
    // router's 405 (we allow no cross-origin use), not a 401 that reads as "log in".
    if request.method() == axum::http::Method::OPTIONS {
        return Ok(next.run(request).await);
    }
    let token = token_from(request.headers()).ok_or(ApiError::Unauthenticated)?;
    let user = live_session(&state, &token).await?;
    let expires_at_ms = user.expires_at_ms;
    request.extensions_mut().insert(user);
    let mut response = next.run(request).await;
    // A handler that ended the session (logout) has already said so with its cookie.
    if !response.headers().contains_key(SET_COOKIE) {
        let headers = response.headers_mut();
        // A handler that moved the expiry itself (extend) has said so already.
        headers
            .entry(EXPIRES_HEADER)
            .or_insert(HeaderValue::from(expires_at_ms));
        headers
            .entry(SERVER_NOW_HEADER)
            .or_insert(HeaderValue::from(now_ms()));
    }
    Ok(response)
}

/// The user of a live session in the request's cookie, for the few routes outside the
/// middleware that need one (the ID-porten callback of a signing).
pub async fn current_user(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<CurrentUser>, ApiError> {
    let Some(token) = token_from(headers) else {
        return Ok(None);
    };
    match live_session(state, &token).await {
        Ok(user) => Ok(Some(user)),
        Err(ApiError::Unauthenticated | ApiError::SessionExpired) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The session of `token`, renewed: refused when missing or expired.
async fn live_session(state: &AppState, token: &str) -> Result<CurrentUser, ApiError> {
    let token_hash = hash_token(token);
    let Some(row) = state.sessions.find(&token_hash).await? else {
        return Err(match sessions::ended(&state.db, &token_hash).await? {
            true => ApiError::SessionExpired,
            false => ApiError::Unauthenticated,
        });
    };
    let now = now_ms();
    if row.expires_at_ms <= now {
        // Its personal data goes now; the time limit is still what the user is told.
        sessions::end_expired(&state.db, now).await?;
        return Err(ApiError::SessionExpired);
    }
    let renewed = state.policy_for(row.remember).expiry_from(now);
    let expires_at_ms = if renewed - row.expires_at_ms >= RENEW_GRANULARITY_MS {
        sessions::set_expiry(&state.db, &token_hash, renewed).await?;
        renewed
    } else {
        row.expires_at_ms
    };
    let SessionRow {
        identity,
        name,
        orgnr,
        remember,
        acr,
        ..
    } = row;
    let person_key = match &identity {
        Identity::Person { fodselsnummer, .. } => {
            Some(state.sealer.protect_fnr(fodselsnummer.expose()))
        }
        Identity::Account { .. } => None,
    };
    Ok(CurrentUser {
        person_key,
        token_hash,
        identity,
        name,
        orgnr,
        remember,
        expires_at_ms,
        acr,
    })
}
