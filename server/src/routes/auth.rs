//! Login, the session and logout.
//!
//! - `POST /api/auth/test-login` — the built-in test identity provider (no ID-porten
//!   configured): an eID, a synthetic fødselsnummer and a name. Refused in production.
//! - `GET  /api/me` — who is logged in, and the session's expiry.
//! - `POST /api/session/extend` — "Forleng økten".
//! - `POST /api/auth/logout` — ends the session.

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use common::api::{Eid, Me, SessionInfo, TestLoginRequest};
use common::validate::{BoundedText, Fodselsnummer};
use common::{FieldError, ValidationErrors};

use crate::auth::{CurrentUser, clear_cookie, hash_token, new_token, session_cookie};
use crate::db::sessions::{self, SessionRow};
use crate::error::ApiError;
use crate::extract::{ApiJson, RequestLang};
use crate::now_ms;
use crate::state::AppState;

pub fn public() -> Router<AppState> {
    Router::new().route("/auth/test-login", post(test_login))
}

pub fn protected() -> Router<AppState> {
    Router::new()
        .route("/me", get(me))
        .route("/session/extend", post(extend))
        .route("/auth/logout", post(logout))
}

async fn test_login(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    ApiJson(body): ApiJson<TestLoginRequest>,
) -> Result<Response, ApiError> {
    if state.config.production {
        return Err(ApiError::Forbidden);
    }
    let mut errors = ValidationErrors::default();
    let eid = Eid::parse_wire(&body.eid);
    if eid.is_none() {
        errors.add("eid", FieldError::UnknownChoice);
    }
    // Only synthetic test persons in a test login: a real person's number has no place here.
    let fnr = Fodselsnummer::parse(&body.fodselsnummer)
        .map_err(|e| errors.add("fodselsnummer", e))
        .ok();
    let name = BoundedText::parse(&body.name, 200)
        .map_err(|e| errors.add("name", e))
        .ok();
    let (Some(eid), Some(fodselsnummer), Some(name)) = (eid, fnr, name) else {
        return Err(ApiError::Validation(errors, lang));
    };
    let token = new_token()?;
    let now = now_ms();
    let row = SessionRow {
        token_hash: hash_token(&token),
        fodselsnummer,
        name: name.to_string(),
        eid,
        expires_at_ms: state.policy().expiry_from(now),
    };
    sessions::insert(&state.db, &row, now).await?;
    let me = Me {
        name: row.name,
        eid,
        session: session_info(&state, row.expires_at_ms),
    };
    Ok((
        [(
            SET_COOKIE,
            session_cookie(&token, state.config.secure_cookies),
        )],
        Json(me),
    )
        .into_response())
}

fn session_info(state: &AppState, expires_at_ms: i64) -> SessionInfo {
    SessionInfo {
        expires_at_ms,
        server_now_ms: now_ms(),
        policy: state.policy(),
    }
}

async fn me(State(state): State<AppState>, Extension(user): Extension<CurrentUser>) -> Json<Me> {
    Json(Me {
        name: user.name,
        eid: user.eid,
        session: session_info(&state, user.expires_at_ms),
    })
}

/// The middleware has already renewed the session; this answers the new expiry.
async fn extend(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
) -> Json<SessionInfo> {
    Json(session_info(&state, user.expires_at_ms))
}

async fn logout(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
) -> Result<Response, ApiError> {
    sessions::delete(&state.db, &user.token_hash).await?;
    Ok((
        [(SET_COOKIE, clear_cookie())],
        axum::http::StatusCode::NO_CONTENT,
    )
        .into_response())
}
