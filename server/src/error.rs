//! The API's one error type. Each variant's doc says its HTTP status; every response
//! carries `common::api::ErrorBody`, so clients handle one shape. Our own failures stay
//! typed (`Internal`) until the response, which keeps the cause in its extensions for the
//! request's trace (`routes::trace`) to log: never sent, always tied to its request.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::Request;
use axum::extract::rejection::JsonRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use common::api::{ErrorBody, ErrorCode, FieldErrorBody};
use common::i18n::t;
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
    /// The given 4xx: a request refused before any handler understood it (bad JSON, wrong
    /// content type or method, too large, too slow). Never echoes what was sent: serde's
    /// messages quote the submitted values.
    Rejected(StatusCode),
    /// 429: too many failed logins or codes (messages in `lang`).
    TooManyAttempts(Lang),
    /// 429 with `Retry-After`: a login attempt that came before its delay ran out, said at
    /// the field it was made in.
    Wait {
        field: &'static str,
        ms: i64,
        lang: Lang,
    },
    /// 503: a service we depend on (Enhetsregisteret) did not answer.
    Unavailable(crate::registry::RegistryUnavailable),
    /// 500: our fault; the cause is logged, never sent.
    Internal(Internal),
}

/// What failed on our side, kept whole until it is logged.
#[derive(Debug, thiserror::Error)]
pub enum Internal {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Writer(#[from] crate::db::writer::WriteError),
    #[error(transparent)]
    SessionRead(#[from] crate::db::session_reads::ReadError),
    #[error(transparent)]
    Pdf(#[from] crate::documents::PdfError),
    #[error(transparent)]
    Hash(#[from] crate::password::HashError),
    #[error("blocking task: {0}")]
    Join(#[from] tokio::task::JoinError),
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Not `#[from]`: getrandom's error is no `std::error::Error` without its `std` feature.
    #[error("random numbers: {0}")]
    Random(getrandom::Error),
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("header value: {0}")]
    Header(#[from] axum::http::header::InvalidHeaderValue),
    /// Our own data broke a rule it keeps (a stored organisation number that does not
    /// parse, a signed service without terms).
    #[error("broken invariant: {0}")]
    Broken(&'static str),
}

impl From<getrandom::Error> for Internal {
    fn from(e: getrandom::Error) -> Self {
        Internal::Random(e)
    }
}

impl From<Internal> for ApiError {
    fn from(e: Internal) -> Self {
        ApiError::Internal(e)
    }
}

impl ApiError {
    /// 422 for one field.
    pub fn field(path: &str, error: common::FieldError, lang: Lang) -> Self {
        ApiError::Validation(ValidationErrors::single(path, error), lang)
    }

    /// 500: our own data broke one of its rules.
    pub fn broken(what: &'static str) -> Self {
        ApiError::Internal(Internal::Broken(what))
    }
}

/// Every cause of an `Internal` error becomes one with `?`.
macro_rules! internal_from {
    ($($cause:ty),* $(,)?) => {$(
        impl From<$cause> for ApiError {
            fn from(e: $cause) -> Self {
                ApiError::Internal(e.into())
            }
        }
    )*};
}

internal_from![
    sqlx::Error,
    crate::db::writer::WriteError,
    crate::db::session_reads::ReadError,
    crate::documents::PdfError,
    crate::password::HashError,
    tokio::task::JoinError,
    serde_json::Error,
    getrandom::Error,
    axum::http::header::InvalidHeaderValue,
    csv::Error,
];

impl From<crate::registry::RegistryUnavailable> for ApiError {
    fn from(e: crate::registry::RegistryUnavailable) -> Self {
        ApiError::Unavailable(e)
    }
}

/// Why a request failed on our side (or a dependency's), in the response's extensions:
/// the request's trace logs it with the request id and route.
#[derive(Clone, Debug)]
pub struct FailureCause(pub std::sync::Arc<str>);

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        ApiError::Rejected(rejection.status())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let retry_after = match &self {
            ApiError::Wait { ms, .. } => Some(wait_seconds(*ms)),
            _ => None,
        };
        let cause = match &self {
            ApiError::Internal(e) => Some(e.to_string()),
            ApiError::Unavailable(e) => Some(format!("registry unavailable: {}", e.0)),
            _ => None,
        };
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
                let message = t::FORM_REJECTED.get(lang).to_owned();
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
                t::API_UNAUTHENTICATED.nb.into(),
                BTreeMap::new(),
            ),
            ApiError::SessionExpired => (
                StatusCode::UNAUTHORIZED,
                ErrorCode::SessionExpired,
                t::SESSION_EXPIRED.nb.into(),
                BTreeMap::new(),
            ),
            ApiError::Forbidden => (
                StatusCode::FORBIDDEN,
                ErrorCode::Forbidden,
                t::API_FORBIDDEN.nb.into(),
                BTreeMap::new(),
            ),
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                ErrorCode::NotFound,
                t::API_NOT_FOUND.nb.into(),
                BTreeMap::new(),
            ),
            ApiError::Rejected(status) => (
                status,
                ErrorCode::BadRequest,
                rejection_text(status).nb.into(),
                BTreeMap::new(),
            ),
            ApiError::TooManyAttempts(lang) => (
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::TooManyAttempts,
                t::TOO_MANY_ATTEMPTS.get(lang).into(),
                BTreeMap::new(),
            ),
            ApiError::Wait { field, ms, lang } => {
                let error = common::FieldError::WaitBeforeTrying {
                    seconds: wait_seconds(ms),
                };
                let at_field = FieldErrorBody {
                    error,
                    message: error.message(lang),
                };
                (
                    StatusCode::TOO_MANY_REQUESTS,
                    ErrorCode::TooManyAttempts,
                    error.message(lang),
                    BTreeMap::from([(field.to_owned(), at_field)]),
                )
            }
            ApiError::Unavailable(_) => (
                StatusCode::SERVICE_UNAVAILABLE,
                ErrorCode::Internal,
                t::API_REGISTRY_DOWN.nb.into(),
                BTreeMap::new(),
            ),
            ApiError::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::Internal,
                t::API_INTERNAL.nb.into(),
                BTreeMap::new(),
            ),
        };
        let mut response = (
            status,
            Json(ErrorBody {
                error,
                message,
                fields,
            }),
        )
            .into_response();
        if let Some(cause) = cause {
            response.extensions_mut().insert(FailureCause(cause.into()));
        }
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

/// A wait in whole seconds, rounded up: never "0 seconds".
fn wait_seconds(ms: i64) -> u32 {
    u32::try_from((ms.max(0) + 999) / 1000)
        .unwrap_or(u32::MAX)
        .max(1)
}

/// What a refused request is told, by status.
fn rejection_text(status: StatusCode) -> common::i18n::Text {
    match status {
        StatusCode::METHOD_NOT_ALLOWED => t::REQUEST_WRONG_METHOD,
        StatusCode::REQUEST_TIMEOUT => t::REQUEST_TOO_SLOW,
        StatusCode::PAYLOAD_TOO_LARGE => t::REQUEST_TOO_LARGE,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => t::REQUEST_WRONG_TYPE,
        _ => t::REQUEST_UNREADABLE,
    }
}

/// Gives every error answer under `/api` the API's one JSON shape. Axum's own refusals (a
/// path that does not parse, a wrong method, a body over the limit) come as text/plain
/// quoting the input, or empty; they keep their status and get an `ErrorBody` instead.
pub async fn json_errors(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response.headers().get(header::CONTENT_TYPE)
        == Some(&HeaderValue::from_static("application/json"));
    if is_json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let error = match status {
        StatusCode::UNAUTHORIZED => ApiError::Unauthenticated,
        StatusCode::FORBIDDEN => ApiError::Forbidden,
        StatusCode::NOT_FOUND => ApiError::NotFound,
        s if s.is_server_error() => ApiError::broken("a server error without a body"),
        s => ApiError::Rejected(s),
    };
    let mut json = error.into_response();
    // A 405 says which methods the address takes.
    if let Some(allow) = response.headers().get(header::ALLOW) {
        json.headers_mut().insert(header::ALLOW, allow.clone());
    }
    json
}
