//! `GET /api/dev/mailbox`: the development mailbox, the notifications the portal wrote to
//! its outbox, newest first. Not in production: there they go out by SMTP.

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
    if state.config.production {
        return Err(ApiError::NotFound);
    }
    Ok(Json(crate::outbox::latest(&state.db, 50).await?))
}
