//! The API's one error type. Each variant's doc says its HTTP status; every response
//! carries `common::api::ErrorBody`, so clients handle one shape.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use common::api::{ErrorBody, ErrorCode, FieldErrorBody};
use common::{Lang, ValidationErrors};

#[derive(Debug)]
pub enum ApiError {
    /// 422: input refused, with the field-level errors (messages in `lang`).
    Validation(ValidationErrors, Lang),
    /// 401: no session.
    Unauthenticated,
    /// 401: the session ran out (the form's time limit).
    SessionExpired,
    /// 403: the session may not do this.
    Forbidden,
    /// 404: no such thing (or not the user's to see).
    NotFound,
    /// 400: a malformed request (bad JSON, wrong content type).
    BadRequest(String),
    /// 429: too many failed logins or codes (messages in `lang`).
    TooManyAttempts(Lang),
    /// 503: a service we depend on (Enhetsregisteret) did not answer.
    Unavailable(String),
    /// 500: our fault; the cause is logged, never sent.
    Internal(String),
}

impl ApiError {
    /// 422 for one field.
    pub fn field(path: &str, error: common::FieldError, lang: Lang) -> Self {
        ApiError::Validation(ValidationErrors::single(path, error), lang)
    }

    pub fn internal(cause: impl std::fmt::Display) -> Self {
        ApiError::Internal(cause.to_string())
    }
}

impl From<sqlx::Error> for ApiError {
    fn from(e: sqlx::Error) -> Self {
        ApiError::internal(e)
    }
}

impl From<crate::registry::RegistryUnavailable> for ApiError {
    fn from(e: crate::registry::RegistryUnavailable) -> Self {
        ApiError::Unavailable(e.0)
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        ApiError::BadRequest(rejection.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, error, message, fields) = match self {
            ApiError::Validation(errors, lang) => {
                let fields: BTreeMap<_, _> = errors
                    .0
                    .into_iter()
                    .map(|(path, error)| {
                        (
                            path,
                            FieldErrorBody {
                                error,
                                message: error.message(lang),
                            },
                        )
                    })
                    .collect();
                let message = common::i18n::t::FORM_REJECTED.get(lang).to_owned();
                (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    ErrorCode::Validation,
                    message,
                    fields,
                )
            }
            ApiError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                ErrorCode::Unauthenticated,
                "Du er ikke logget inn.".into(),
                BTreeMap::new(),
            ),
            ApiError::SessionExpired => (
                StatusCode::UNAUTHORIZED,
                ErrorCode::SessionExpired,
                common::i18n::t::SESSION_EXPIRED.nb.into(),
                BTreeMap::new(),
            ),
            ApiError::Forbidden => (
                StatusCode::FORBIDDEN,
                ErrorCode::Forbidden,
                "Du har ikke tilgang til dette.".into(),
                BTreeMap::new(),
            ),
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
                "Fant ikke det du ba om.".into(),
                BTreeMap::new(),
            ),
            ApiError::BadRequest(detail) => (
                StatusCode::BAD_REQUEST,
                ErrorCode::BadRequest,
                format!("Ugyldig forespørsel: {detail}"),
                BTreeMap::new(),
            ),
            ApiError::TooManyAttempts(lang) => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::TooManyAttempts,
                common::i18n::t::TOO_MANY_ATTEMPTS.get(lang).into(),
                BTreeMap::new(),
            ),
            ApiError::Unavailable(cause) => {
                tracing::warn!(%cause, "dependency unavailable");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    ErrorCode::Internal,
                    "Enhetsregisteret svarer ikke akkurat nå. Prøv igjen om litt.".into(),
                    BTreeMap::new(),
                )
            }
            ApiError::Internal(cause) => {
                tracing::error!(%cause, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorCode::Internal,
                    "Noe gikk galt hos oss. Prøv igjen om litt.".into(),
                    BTreeMap::new(),
                )
            }
        };
        (
            status,
            Json(ErrorBody {
                error,
                message,
                fields,
            }),
        )
            .into_response()
    }
}
