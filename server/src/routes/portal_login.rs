//! The customer portal's login (SPEC §1, seed 001): username and password, then a
//! security code by SMS or e-mail, then the session.
//!
//! - `POST /api/auth/password` — checks the password (argon2, on the blocking pool), with
//!   rate limits per account and per address; answers where a code can be sent (masked)
//!   and sets a short-lived cookie for the rest of this login.
//! - `POST /api/auth/password/form` — the same check for the pre-rendered page's
//!   `<form method=post>`, sent before the SPA has started: answers with a redirect to the
//!   page, which resumes at the code step (or shows what was wrong).
//! - `GET /api/auth/pending` — where the code of this browser's pending login may go: how
//!   the SPA resumes after that redirect.
//! - `POST /api/auth/code` — sends a six-digit code (valid 5 minutes) through the outbox.
//! - `POST /api/auth/code/verify` — "Bekreft kode": five guesses per code, single use;
//!   the right code starts the session (a new id) and answers `Me`.
//! - `POST /api/auth/forgot` — "Glemt passordet?": a reset link by e-mail (single use, 30
//!   minutes). Always 202, so nobody learns which usernames exist.
//! - `POST /api/auth/reset` — a new password with the link's token.

use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Query, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Redirect;
use axum::response::{AppendHeaders, IntoResponse, Response};
use axum::{Form, Json};
use common::api::{
    CodeChannel, CodeDestinations, ForgotPassword, PasswordLogin, ResetPassword, SendCode,
    VerifyCode,
};
use common::i18n::{fill, t};
use common::validate::{NewPassword, SecurityCode};
use common::{FieldError, ValidationErrors};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::auth::{cookie_value, hash_token, new_token};
use crate::db::accounts::{self, Account, normalise_username};
use crate::db::pending_logins::{self, Guess};
use crate::db::sessions::{self, Identity, LoginEvidence};
use crate::db::{login_failures, password_resets};
use crate::error::ApiError;
use crate::extract::{ApiJson, ClientAddress, RequestLang};
use crate::hex;
use crate::login::{self, NewSession};
use crate::metrics::LoginFailure;
use crate::now_ms;
use crate::outbox::{self, Channel, NewNotification};
use crate::password;
use crate::state::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::openapi::Errors;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(check_password))
        .routes(routes!(check_password_form))
        .routes(routes!(pending_destinations))
        .routes(routes!(send_code))
        .routes(routes!(verify_code))
        .routes(routes!(forgot))
        .routes(routes!(reset))
}

/// Counts an attempt (a password or a code, at `field`) against the limits, or says at
/// the field how long to wait.
async fn reserve_attempt(
    state: &AppState,
    account_key: &str,
    address: &str,
    field: &'static str,
    lang: common::Lang,
) -> Result<(), ApiError> {
    match login_failures::reserve(&state.db, account_key, address, now_ms()).await? {
        Ok(()) => Ok(()),
        Err(wait) => {
            state.metrics.login_failed(LoginFailure::RateLimited);
            tracing::warn!(
                wait_ms = wait.ms,
                field,
                "customer-portal attempt refused: too many"
            );
            Err(ApiError::Wait {
                field,
                ms: wait.ms,
                lang,
            })
        }
    }
}

/// The cookie that carries a login from the password to the code.
const PENDING_COOKIE: &str = "bp_pending";

fn required(field: &str, value: &str, errors: &mut ValidationErrors) {
    if value.trim().is_empty() {
        errors.add(field, FieldError::Required);
    }
}

#[utoipa::path(post, path = "/auth/password", tag = "customer portal login", request_body = PasswordLogin, responses((status = 200, description = "The password holds: where the code may go", body = CodeDestinations), Errors))]
async fn check_password(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    ClientAddress(address): ClientAddress,
    ApiJson(body): ApiJson<PasswordLogin>,
) -> Result<Response, ApiError> {
    let (cookie, to) = password_holds(&state, lang, &address, body).await?;
    Ok(([(SET_COOKIE, cookie)], Json(to)).into_response())
}

/// The login form as a browser posts it (the pre-rendered page's names).
#[derive(Debug, Deserialize, utoipa::ToSchema)]
struct PasswordForm {
    #[serde(rename = "f-username", default)]
    username: String,
    #[serde(rename = "f-password", default)]
    password: String,
    /// The "Husk meg" checkbox: present when ticked.
    #[serde(default)]
    remember: Option<String>,
}

/// Where to go once logged in, as the login page had it.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
struct AfterLogin {
    tilbake: Option<String>,
}

const LOGIN_PAGE: &str = "/kundeportal/innlogging";

#[utoipa::path(post, path = "/auth/password/form", tag = "customer portal login", params(AfterLogin), request_body(content = PasswordForm, content_type = "application/x-www-form-urlencoded"), responses((status = 303, description = "Back to the login page: at the code step (`?steg=kode`) when the password holds, else with what was wrong (`?feil=passord` or `?feil=vent`)"), Errors))]
async fn check_password_form(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    after: Result<Query<AfterLogin>, QueryRejection>,
    form: Result<Form<PasswordForm>, FormRejection>,
) -> Result<Response, ApiError> {
    // A browser always sends the form, encoded as forms are: anything else is refused
    // before it counts as a login attempt.
    let Form(form) = form.map_err(|e| ApiError::Rejected(e.status()))?;
    let body = PasswordLogin {
        username: form.username,
        password: form.password,
        remember: form.remember.is_some(),
    };
    // The messages are the SPA's to say, in the visitor's language: only their kind goes.
    let (cookie, location) = match password_holds(&state, common::Lang::Nb, &address, body).await {
        Ok((cookie, _)) => {
            let back = after.ok().and_then(|Query(a)| a.tilbake);
            (Some(cookie), resume_location(back.as_deref()))
        }
        Err(ApiError::Validation(..)) => (None, format!("{LOGIN_PAGE}?feil=passord")),
        Err(ApiError::Wait { .. } | ApiError::TooManyAttempts(_)) => {
            (None, format!("{LOGIN_PAGE}?feil=vent"))
        }
        Err(other) => return Err(other),
    };
    let mut response = Redirect::to(&location).into_response();
    if let Some(cookie) = cookie {
        response.headers_mut().insert(SET_COOKIE, cookie);
    }
    Ok(response)
}

/// The login page at the code step, keeping where to go after it (only a page of ours).
fn resume_location(back: Option<&str>) -> String {
    let mut location = format!("{LOGIN_PAGE}?steg=kode");
    if let Some(back) = back.filter(|b| common::api::safe_return_path(Some(b)) == *b) {
        location.push_str("&tilbake=");
        location.extend(percent_encoding::utf8_percent_encode(
            back,
            percent_encoding::NON_ALPHANUMERIC,
        ));
    }
    location
}

#[utoipa::path(get, path = "/auth/pending", tag = "customer portal login", responses((status = 200, description = "This browser's login is past the password: where the code may go", body = CodeDestinations), Errors))]
async fn pending_destinations(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Json<CodeDestinations>, ApiError> {
    let (_, found) = pending(&state, &headers).await?;
    let account = accounts::by_id(&state.db, found.account_id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    Ok(Json(destinations(&account)))
}

/// Checks a username and password against the limits and the account: when they hold, a
/// pending login (its cookie) and where its code may go.
async fn password_holds(
    state: &AppState,
    lang: common::Lang,
    address: &str,
    body: PasswordLogin,
) -> Result<(HeaderValue, CodeDestinations), ApiError> {
    let mut errors = ValidationErrors::default();
    required("username", &body.username, &mut errors);
    required("password", &body.password, &mut errors);
    if body.username.chars().count() > 200 || body.password.chars().count() > 1024 {
        errors.add("password", FieldError::WrongCredentials);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors, lang));
    }
    let account_key = normalise_username(&body.username);
    reserve_attempt(state, &account_key, address, "password", lang).await?;
    let account = accounts::by_username(&state.db, &account_key).await?;
    // Verified even without an account (against a dummy hash), so both take as long.
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let verified = password::verify(body.password, stored).await;
    let Some(account) = account.filter(|_| verified) else {
        state.metrics.login_failed(LoginFailure::Password);
        return Err(ApiError::field(
            "password",
            FieldError::WrongCredentials,
            lang,
        ));
    };
    // Not forgiven yet: the attempt counts until the code, too, is right.
    let token = new_token()?;
    pending_logins::create(
        &state.db,
        &hash_token(&token),
        account.id,
        body.remember,
        now_ms(),
    )
    .await?;
    let cookie = auth_cookie(
        state,
        PENDING_COOKIE,
        &token,
        pending_logins::MAX_AGE_MS / 1000,
    )?;
    Ok((cookie, destinations(&account)))
}

/// A cookie for the login's own steps only (`Path=/api/auth`).
fn auth_cookie(
    state: &AppState,
    name: &str,
    value: &str,
    max_age_secs: i64,
) -> Result<HeaderValue, ApiError> {
    Ok(crate::auth::cookie(
        name,
        value,
        &format!("Path=/api/auth; HttpOnly; SameSite=Strict; Max-Age={max_age_secs}"),
        state.config.secure_cookies,
    )?)
}

/// Where codes can go, masked: enough to recognise, not enough to learn.
fn destinations(account: &Account) -> CodeDestinations {
    CodeDestinations {
        sms: account.mobile.as_deref().map(crate::masked::mobile),
        email: account.email.as_deref().map(crate::masked::email),
    }
}

/// The pending login of this browser, with its token.
async fn pending(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<(String, pending_logins::Pending), ApiError> {
    let token = cookie_value(headers, PENDING_COOKIE).ok_or(ApiError::Unauthenticated)?;
    let found = pending_logins::find(&state.db, &hash_token(&token), now_ms())
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    Ok((token, found))
}

/// A uniformly random six-digit code.
fn new_code() -> Result<String, ApiError> {
    // Rejection sampling: 4,294,000,000 is the largest multiple of 10⁶ below 2³².
    loop {
        let mut bytes = [0u8; 4];
        getrandom::fill(&mut bytes)?;
        let n = u32::from_le_bytes(bytes);
        if n < 4_294_000_000 {
            return Ok(format!("{:06}", n % 1_000_000));
        }
    }
}

/// The code's hash, keyed by the login's token: a copy of the table alone cannot be
/// searched through the million possible codes.
fn code_hash(pending_token: &str, code: &str) -> String {
    hex::encode(&Sha256::digest(
        format!("{pending_token}:{code}").as_bytes(),
    ))
}

#[utoipa::path(post, path = "/auth/code", tag = "customer portal login", request_body = SendCode, responses((status = 204, description = "The code is on its way"), Errors))]
async fn send_code(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SendCode>,
) -> Result<StatusCode, ApiError> {
    let (token, found) = pending(&state, &headers).await?;
    let account = accounts::by_id(&state.db, found.account_id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    let (channel, recipient) = match body.channel {
        CodeChannel::Sms => (Channel::Sms, account.mobile),
        CodeChannel::Email => (Channel::Email, account.email),
    };
    let Some(recipient) = recipient else {
        return Err(ApiError::field("channel", FieldError::UnknownChoice, lang));
    };
    let code = new_code()?;
    let now = now_ms();
    let mut tx = state.db.begin().await?;
    let stored = pending_logins::set_code(
        &mut tx,
        &hash_token(&token),
        &code_hash(&token, &code),
        channel.as_str(),
        now,
    )
    .await?;
    if !stored {
        return Err(ApiError::TooManyAttempts(lang));
    }
    let notification = NewNotification {
        channel,
        recipient,
        subject: t::CODE_MAIL_SUBJECT.get(lang).to_owned(),
        body: fill(t::CODE_MAIL_BODY.get(lang), &[&code]),
        attachment_reference: None,
        secret: true,
    };
    outbox::enqueue(&mut tx, &notification, now).await?;
    tx.commit().await?;
    state.outbox.wake();
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(post, path = "/auth/code/verify", tag = "customer portal login", request_body = VerifyCode, responses((status = 200, description = "Logged in, with the session cookie", body = common::api::Me), Errors))]
async fn verify_code(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    ApiJson(body): ApiJson<VerifyCode>,
) -> Result<Response, ApiError> {
    let code = SecurityCode::parse(&body.code).map_err(|e| ApiError::field("code", e, lang))?;
    let (token, pending) = pending(&state, &headers).await?;
    let token_hash = hash_token(&token);
    let account = accounts::by_id(&state.db, pending.account_id)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    // A guess at the code is a login attempt like a password: it counts for the account
    // and the address, across new logins and new codes.
    reserve_attempt(&state, &account.username, &address, "code", lang).await?;
    let (stored_hash, expires_ms, attempts_left) =
        match pending_logins::count_guess(&state.db, &token_hash).await? {
            Guess::NoCode => return Err(ApiError::Unauthenticated),
            Guess::Exhausted => {
                tracing::warn!("customer-portal code refused: too many wrong codes");
                return Err(ApiError::TooManyAttempts(lang));
            }
            Guess::Counted {
                code_hash,
                expires_ms,
                attempts_left,
            } => (code_hash, expires_ms, attempts_left),
        };
    if code_hash(&token, code.expose()) != stored_hash {
        let attempts_left = u32::try_from(attempts_left).unwrap_or(0);
        state.metrics.login_failed(LoginFailure::Code);
        return Err(ApiError::field(
            "code",
            FieldError::WrongCode { attempts_left },
            lang,
        ));
    }
    if expires_ms <= now_ms() {
        return Err(ApiError::field("code", FieldError::CodeExpired, lang));
    }
    // Taking the login is what makes the code single-use: only one request gets the row.
    let found = pending_logins::take(&state.db, &token_hash)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    login_failures::forgive(&state.db, &account.username, &address, now_ms()).await?;
    let first_org = accounts::organisations(&state.db, account.id)
        .await?
        .into_iter()
        .next();
    let (cookies, me) = login::start(
        &state,
        &headers,
        NewSession {
            identity: Identity::Account { id: account.id },
            name: account.name,
            orgnr: first_org,
            remember: found.remember,
            evidence: LoginEvidence::default(),
        },
    )
    .await?;
    let clear = auth_cookie(&state, PENDING_COOKIE, "", 0)?;
    Ok((
        AppendHeaders(cookies.into_iter().chain([clear]).map(|c| (SET_COOKIE, c))),
        Json(me),
    )
        .into_response())
}

#[utoipa::path(post, path = "/auth/forgot", tag = "customer portal login", request_body = ForgotPassword, responses((status = 202, description = "A reset link goes to the account's e-mail, if there is such an account"), Errors))]
async fn forgot(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    ApiJson(body): ApiJson<ForgotPassword>,
) -> Result<StatusCode, ApiError> {
    if body.username.trim().is_empty() {
        return Err(ApiError::field("username", FieldError::Required, lang));
    }
    let Some(account) = accounts::by_username(&state.db, &body.username).await? else {
        return Ok(StatusCode::ACCEPTED);
    };
    let Some(email) = account.email.clone() else {
        return Ok(StatusCode::ACCEPTED);
    };
    let token = new_token()?;
    let now = now_ms();
    let link = format!("{}/kundeportal/nytt-passord#{token}", public_url(&state));
    let mut tx = state.db.begin().await?;
    if password_resets::create(&mut tx, &hash_token(&token), account.id, now).await? {
        let notification = NewNotification {
            channel: Channel::Email,
            recipient: email,
            subject: t::RESET_MAIL_SUBJECT.get(lang).to_owned(),
            body: fill(t::RESET_MAIL_BODY.get(lang), &[&account.username, &link]),
            attachment_reference: None,
            secret: true,
        };
        outbox::enqueue(&mut tx, &notification, now).await?;
        tx.commit().await?;
        state.outbox.wake();
    }
    Ok(StatusCode::ACCEPTED)
}

fn public_url(state: &AppState) -> String {
    state
        .config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", state.config.listen))
        .trim_end_matches('/')
        .to_owned()
}

#[utoipa::path(post, path = "/auth/reset", tag = "customer portal login", request_body = ResetPassword, responses((status = 204, description = "The new password is set"), Errors))]
async fn reset(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    ApiJson(body): ApiJson<ResetPassword>,
) -> Result<StatusCode, ApiError> {
    let new_password =
        NewPassword::parse(&body.password).map_err(|e| ApiError::field("password", e, lang))?;
    // The cheap check first: without a live link nobody gets an argon2 hash (19 MiB) made.
    let account_id = password_resets::take(&state.db, &hash_token(body.token.trim()), now_ms())
        .await?
        .ok_or_else(|| ApiError::field("token", FieldError::ResetLinkInvalid, lang))?;
    let hash = password::hash(new_password.expose().to_owned()).await?;
    accounts::set_password(&state.db, account_id, &hash).await?;
    // A new password ends every session of the account, and lifts its lock-out.
    sessions::delete_for_account(&state.db, account_id).await?;
    if let Some(account) = accounts::by_id(&state.db, account_id).await? {
        login_failures::clear_account(&state.db, &account.username).await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits() {
        for _ in 0..1000 {
            let c = new_code().unwrap();
            assert_eq!(c.len(), 6);
            assert!(c.bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
