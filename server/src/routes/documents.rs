//! `GET /api/documents/{id}/pdf`: an agreement document to read before accepting.
//! Public: the terms are not secret, and a user may read them before logging in.

use axum::Router;
use axum::extract::Path;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;

use crate::error::ApiError;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/documents/{id}/pdf", get(pdf))
}

async fn pdf(Path(id): Path<String>) -> Result<impl IntoResponse, ApiError> {
    let doc = common::services::document(&id).ok_or(ApiError::NotFound)?;
    // Rendering is CPU work: keep it off the async workers.
    let bytes = tokio::task::spawn_blocking(move || crate::documents::pdf(doc))
        .await
        .map_err(ApiError::internal)?
        .ok_or(ApiError::NotFound)?;
    let disposition = format!("inline; filename=\"{}-v{}.pdf\"", doc.id, doc.version);
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    ))
}
