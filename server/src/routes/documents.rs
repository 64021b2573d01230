//! - `GET /api/documents/{id}`: an agreement document's text (JSON), for the signing viewer.
//! - `GET /api/documents/{id}/pdf`: an agreement document to read before accepting.
//!   Public: the terms are not secret, and a user may read them before logging in.
//! - `POST /api/seal/verify`: whether a PDF the portal issued is unchanged (body: the
//!   file). Public: whoever holds a receipt or a signed package may check it.

use axum::extract::{Path, Query, State};
use axum::response::IntoResponse;

use common::api::DocumentText;

use crate::download::{self, Disposition};
use crate::error::ApiError;
use crate::state::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::openapi::Errors;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(text))
        .routes(routes!(pdf))
        .merge(
            // The PDFs we issue are far below this (fonts are subset); it is public, so
            // no larger body is read (issue 13.2).
            OpenApiRouter::new()
                .routes(routes!(verify))
                .layer(axum::extract::DefaultBodyLimit::max(4 * 1024 * 1024)),
        )
}

/// The document's text as JSON, for the signing viewer.
#[utoipa::path(get, path = "/documents/{id}", tag = "documents", params(("id" = String, Path, description = "The document's id", example = "avtale-digihelse")), responses((status = 200, description = "The agreement's text", body = DocumentText), Errors))]
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

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct VersionQuery {
    versjon: Option<String>,
}

/// The current version, or `?versjon=` an earlier one (as an acceptance names it).
#[utoipa::path(get, path = "/documents/{id}/pdf", tag = "documents", params(("id" = String, Path, description = "The document's id", example = "avtale-digihelse"), VersionQuery), responses((status = 200, description = "The agreement as PDF", body = [u8], content_type = "application/pdf"), Errors))]
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

#[utoipa::path(post, path = "/seal/verify", tag = "documents", request_body(content = [u8], content_type = "application/octet-stream", description = "The PDF file's bytes"), responses((status = 200, description = "Whether the PDF carries the portal's intact seal", body = common::api::SealCheck), Errors))]
async fn verify(
    State(state): State<AppState>,
    crate::extract::RequestLang(lang): crate::extract::RequestLang,
    body: axum::body::Bytes,
) -> Result<axum::Json<common::api::SealCheck>, ApiError> {
    // No file at all is a mistake to point out, not a PDF whose seal failed.
    if body.is_empty() {
        return Err(ApiError::field("file", common::FieldError::Required, lang));
    }
    let outcome = state.sealer.verify(&body);
    Ok(axum::Json(common::api::SealCheck {
        valid: outcome.is_ok(),
    }))
}
