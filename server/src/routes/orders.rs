//! Orders.
//!
//! - `POST /api/orders/validate` — checks answers against the service's form spec
//!   (step 3's "Send"): 204, or 422 with the field errors.
//! - `POST /api/orders` — validates again, checks the accepted documents, stores the
//!   order durably with a reference number, answers 201 with the receipt.
//! - `GET  /api/orders/{reference}` — the receipt, for the person who ordered.
//! - `GET  /api/orders/{reference}/pdf` — the same receipt as PDF, to keep, sealed by the
//!   server (`crate::seal`; check it at `POST /api/seal/verify`).
//! - `GET  /api/orders/{reference}/conversation` — the customer centre's questions and
//!   replies, and the orderer's answers.
//! - `POST /api/orders/{reference}/answer` — the orderer answers a clarification: the case
//!   goes back into handling (409-like 422 at `text` when nothing waits for an answer).
//!
//! What happens to an order is `crate::ordering`'s; these only read and answer.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::{Extension, Json};
use common::api::staff::{CaseEvent, CaseText};
use common::api::{Receipt, SubmitOrder};

use crate::auth::CurrentUser;
use crate::db::orders;
use crate::documents;
use crate::download::{self, Disposition};
use crate::error::ApiError;
use crate::extract::{ApiJson, RequestLang};
use crate::ordering::{self, Acceptance, Placed};
use crate::state::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

use super::openapi::Errors;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(submit))
        .routes(routes!(validate))
        .routes(routes!(receipt))
        .routes(routes!(receipt_pdf))
        .routes(routes!(conversation))
        .routes(routes!(answer))
}

#[utoipa::path(post, path = "/orders/validate", tag = "orders", request_body = SubmitOrder, responses((status = 204, description = "The answers hold"), Errors), security(("session" = [])))]
async fn validate(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    ApiJson(body): ApiJson<SubmitOrder>,
) -> Result<StatusCode, ApiError> {
    ordering::check(&state, &user, &body, lang).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// 201 with the receipt, or 200 with the first order's receipt when the same submission
/// comes again.
#[utoipa::path(post, path = "/orders", tag = "orders", request_body = SubmitOrder, responses((status = 201, description = "Stored: the receipt", body = Receipt), (status = 200, description = "The same submission again: the first order's receipt", body = Receipt), Errors), security(("session" = [])))]
async fn submit(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    ApiJson(body): ApiJson<SubmitOrder>,
) -> Result<(StatusCode, Json<Receipt>), ApiError> {
    let accepted = Acceptance::Accepted(body.accepted_documents.clone());
    Ok(
        match ordering::place(&state, &user, &body, accepted, lang).await? {
            Placed::New(receipt) => (StatusCode::CREATED, Json(receipt)),
            Placed::Again(receipt) => (StatusCode::OK, Json(receipt)),
        },
    )
}

/// Receipts are the orderer's; an organisation's orders are listed under
/// `/api/organisations/{orgnr}/orders` for those who act for it.
async fn receipt_of(
    state: &AppState,
    user: &CurrentUser,
    reference: &str,
) -> Result<Receipt, ApiError> {
    if !common::reference::is_well_formed(reference) {
        return Err(ApiError::NotFound);
    }
    orders::receipt_for(&state.db, reference, &orders::Orderer::of(user))
        .await?
        .ok_or(ApiError::NotFound)
}

#[utoipa::path(get, path = "/orders/{reference}", tag = "orders", params(("reference" = String, Path, description = "The order's reference, e.g. BP-7K3M-Q9TX")), responses((status = 200, description = "The receipt", body = Receipt), Errors), security(("session" = [])))]
async fn receipt(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(reference): Path<String>,
) -> Result<Json<Receipt>, ApiError> {
    Ok(Json(receipt_of(&state, &user, &reference).await?))
}

#[utoipa::path(get, path = "/orders/{reference}/pdf", tag = "orders", params(("reference" = String, Path, description = "The order's reference, e.g. BP-7K3M-Q9TX")), responses((status = 200, description = "The receipt as a sealed PDF", body = [u8], content_type = "application/pdf"), Errors), security(("session" = [])))]
async fn receipt_pdf(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(reference): Path<String>,
) -> Result<impl IntoResponse, ApiError> {
    let receipt = receipt_of(&state, &user, &reference).await?;
    let filename = format!("kvittering-{}.pdf", receipt.reference);
    let sealer = state.sealer.clone();
    // Rendering is CPU work: keep it off the async workers.
    let bytes = tokio::task::spawn_blocking(move || {
        documents::receipt_pdf(&receipt, lang).map(|pdf| sealer.seal(&pdf))
    })
    .await??;
    Ok(download::pdf(Disposition::Attachment, &filename, bytes))
}

#[utoipa::path(get, path = "/orders/{reference}/conversation", tag = "orders", params(("reference" = String, Path, description = "The order's reference, e.g. BP-7K3M-Q9TX")), responses((status = 200, description = "The customer centre's questions and the answers", body = Vec<CaseEvent>), Errors), security(("session" = [])))]
async fn conversation(
    State(state): State<AppState>,
    Extension(user): Extension<CurrentUser>,
    Path(reference): Path<String>,
) -> Result<Json<Vec<CaseEvent>>, ApiError> {
    receipt_of(&state, &user, &reference).await?;
    let order_id = orders::id_of(&state.db, &reference)
        .await?
        .ok_or(ApiError::NotFound)?;
    let shown = ordering::conversation::SHOWN_TO_THE_CUSTOMER;
    Ok(Json(
        crate::db::cases::history_of_kinds(&state.db, order_id, &shown)
            .await?
            .into_iter()
            .map(crate::db::cases::EventRow::shown)
            .collect(),
    ))
}

#[utoipa::path(post, path = "/orders/{reference}/answer", tag = "orders", params(("reference" = String, Path, description = "The order's reference, e.g. BP-7K3M-Q9TX")), request_body = CaseText, responses((status = 204, description = "Answered: the case is back in handling"), Errors), security(("session" = [])))]
async fn answer(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<CurrentUser>,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<CaseText>,
) -> Result<StatusCode, ApiError> {
    receipt_of(&state, &user, &reference).await?;
    let text = ordering::conversation::text_of(&body, lang)?;
    let customer = crate::db::cases::Actor {
        subject: "kunde",
        name: &user.name,
    };
    match ordering::conversation::answer(&state.db, &reference, &customer, &text).await? {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(_) => Err(ApiError::field(
            "text",
            common::FieldError::UnknownChoice,
            lang,
        )),
    }
}
