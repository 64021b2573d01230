//! `GET /api/dev/mailbox`: the development mailbox, the notifications the portal wrote to
//! its outbox, newest first. Only without SMTP and not in production.

use axum::Json;
use axum::extract::State;
use common::api::MailboxEntry;

use crate::error::ApiError;
use crate::state::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::openapi::Errors;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(mailbox))
}

#[utoipa::path(get, path = "/dev/mailbox", tag = "development", responses((status = 200, description = "The development mailbox (404 in production)", body = Vec<MailboxEntry>), Errors))]
async fn mailbox(State(state): State<AppState>) -> Result<Json<Vec<MailboxEntry>>, ApiError> {
    // Only where it is the delivery: not in production, and not where SMTP sends the
    // messages (then it would be an open window onto codes and reset links).
    if state.config.production || state.config.smtp_host.is_some() {
        return Err(ApiError::NotFound);
    }
    Ok(Json(crate::outbox::latest(&state.db, 50).await?))
}
