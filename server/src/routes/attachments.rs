//! Attachments (the domain's self-declaration).
//!
//! - `POST /api/attachments` — the file's bytes as the body, its name in `X-File-Name`
//!   (percent-encoded): PDF only, judged by the bytes, at most 5 MB; 201 with the
//!   reference the form's answer holds, 422 with a clear message otherwise.
//! - `GET /api/attachments/{id}` — the file, for its uploader and for whoever acts for the
//!   organisation whose order holds it.

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::{Extension, Json};
use common::api::Uploaded;
use common::validate::{AttachmentRef, MAX_ATTACHMENT_BYTES, check_pdf, clean_name};
use common::{FieldError, Lang};
use sha2::{Digest, Sha256};

use crate::acting;
use crate::auth::CurrentUser;
use crate::db::attachments::{self, NewAttachment};
use crate::download::{self, Disposition};
use crate::error::ApiError;
use crate::extract::RequestLang;
use crate::hex;
use crate::now_ms;
use crate::state::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::openapi::Errors;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(
            // A little over the limit, so a file just too large gets the clear 422.
            OpenApiRouter::new()
                .routes(routes!(upload))
                .layer(DefaultBodyLimit::max(MAX_ATTACHMENT_BYTES + 1024 * 1024)),
        )
        .routes(routes!(download))
}

/// Where upload errors are reported: the SPA shows them at the field that sent the file.
const FILE: &str = "file";

#[utoipa::path(post, path = "/attachments", tag = "attachments", params(("X-File-Name" = String, Header, description = "The file's name, percent-encoded")), request_body(content = [u8], content_type = "application/octet-stream", description = "The PDF file's bytes"), responses((status = 201, description = "Stored: the reference the answer holds", body = Uploaded), Errors), security(("session" = [])))]
async fn upload(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Uploaded>), ApiError> {
    let refuse = |e: FieldError, lang: Lang| ApiError::field(FILE, e, lang);
    let name = headers
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| percent_encoding::percent_decode_str(v).decode_utf8().ok())
        .map(|v| clean_name(&v))
        .filter(|n| !n.is_empty())
        .ok_or(refuse(FieldError::Required, lang))?;
    check_pdf(&body).map_err(|e| refuse(e, lang))?;
    let mut id = [0u8; 16];
    getrandom::fill(&mut id)?;
    let id = hex::encode(&id);
    let reference = AttachmentRef::new(&id, &name).map_err(|e| refuse(e, lang))?;
    attachments::insert(
        &state.db,
        NewAttachment {
            id: &id,
            owner_key: &user.owner_key(),
            name: reference.name(),
            bytes: &body,
            sha256: &hex::encode(&Sha256::digest(&body)),
            now_ms: now_ms(),
        },
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(Uploaded {
            reference: reference.to_string(),
            name: reference.name().to_owned(),
            size: body.len() as u64,
        }),
    ))
}

#[utoipa::path(get, path = "/attachments/{id}", tag = "attachments", params(("id" = String, Path, description = "The attachment's id")), responses((status = 200, description = "The file", body = [u8], content_type = "application/pdf"), Errors), security(("session" = [])))]
async fn download(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let orgnrs: Vec<String> = acting::mine(&state, &user)
        .await?
        .into_iter()
        .map(|c| c.organisation.orgnr)
        .collect();
    let (name, bytes) = attachments::fetch(&state.db, &id, &user.owner_key(), &orgnrs)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(download::pdf(Disposition::Attachment, &name, bytes))
}
