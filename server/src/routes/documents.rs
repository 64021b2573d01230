//! - `GET /api/documents/{id}`: an agreement document's text (JSON), for the signing viewer.
//! - `GET /api/documents/{id}/pdf`: an agreement document to read before accepting.
//!   Public: the terms are not secret, and a user may read them before logging in.
//! - `POST /api/seal/verify`: whether a PDF the portal issued is unchanged (body: the
//!   file). Public: whoever holds a receipt or a signed package may check it.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;
use axum::routing::{get, post};

use common::api::DocumentText;

use crate::download::{self, Disposition};
use crate::error::ApiError;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/documents/{id}", get(text))
        .route("/documents/{id}/pdf", get(pdf))
        .route(
            "/seal/verify",
            // The PDFs we issue are far below this (fonts are subset); it is public, so
            // no larger body is read (issue 13.2).
            post(verify).layer(axum::extract::DefaultBodyLimit::max(4 * 1024 * 1024)),
        )
}

/// The document's text as JSON, for the signing viewer.
async fn text(Path(id): Path<String>) -> Result<axum::Json<DocumentText>, ApiError> {
    let doc = common::services::document(&id).ok_or(ApiError::NotFound)?;
    let text = doc.current().ok_or(ApiError::NotFound)?;
    Ok(axum::Json(DocumentText {
        id: doc.id.to_owned(),
        title: doc.title.nb.to_owned(),
        version: text.version.to_owned(),
        valid_from: text.valid_from.to_owned(),
        paragraphs: text.paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        sha256: crate::documents::sha256(text, doc.title.nb),
    }))
}

#[derive(serde::Deserialize)]
struct VersionQuery {
    versjon: Option<String>,
}

/// The current version, or `?versjon=` an earlier one (as an acceptance names it).
async fn pdf(
    Path(id): Path<String>,
    Query(query): Query<VersionQuery>,
) -> Result<impl IntoResponse, ApiError> {
    let doc = common::services::document(&id).ok_or(ApiError::NotFound)?;
    let text = match &query.versjon {
        Some(version) => crate::documents::text(doc.id, version),
        None => doc.current(),
    }
    .ok_or(ApiError::NotFound)?;
    // Rendering is CPU work: keep it off the async workers.
    let bytes = tokio::task::spawn_blocking(move || crate::documents::pdf(doc, text))
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(download::pdf(
        Disposition::Inline,
        &format!("{}-v{}.pdf", doc.id, text.version),
        bytes,
    ))
}

async fn verify(
    State(state): State<AppState>,
    body: axum::body::Bytes,
) -> axum::Json<common::api::SealCheck> {
    let outcome = state.sealer.verify(&body);
    axum::Json(common::api::SealCheck {
        valid: outcome.is_ok(),
    })
}
