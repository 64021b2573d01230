//! `GET /api/dev/mailbox`: the development mailbox, the notifications the portal wrote to
//! its outbox, newest first. Only without SMTP and not in production.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use common::api::MailboxEntry;

use crate::error::ApiError;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/dev/mailbox", get(mailbox))
}

async fn mailbox(State(state): State<AppState>) -> Result<Json<Vec<MailboxEntry>>, ApiError> {
    // Only where it is the delivery: not in production, and not where SMTP sends the
    // messages (then it would be an open window onto codes and reset links).
    if state.config.production || state.config.smtp_host.is_some() {
        return Err(ApiError::NotFound);
    }
    Ok(Json(crate::outbox::latest(&state.db, 50).await?))
}
