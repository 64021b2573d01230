//! Extractors whose rejections are `ApiError`s, so bad JSON gets the API's JSON error
//! body and not axum's plain text.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::{ACCEPT_LANGUAGE, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use common::Lang;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// `Json<T>` with `ApiError` as its rejection: the same checks and statuses as axum's
/// `Json` (415 without a JSON content type, 400 for broken JSON, 422 for JSON of the
/// wrong shape, the body limits' own), read with plain serde_json. axum reads through
/// serde_path_to_error, which copies every key on the way to say where JSON failed, and
/// the API's error body does not say that.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        if !json_content_type(req.headers()) {
            return Err(ApiError::Rejected(StatusCode::UNSUPPORTED_MEDIA_TYPE));
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|rejection| ApiError::Rejected(rejection.status()))?;
        serde_json::from_slice(&bytes).map(ApiJson).map_err(|e| {
            ApiError::Rejected(match e.classify() {
                serde_json::error::Category::Data => StatusCode::UNPROCESSABLE_ENTITY,
                _ => StatusCode::BAD_REQUEST,
            })
        })
    }
}

/// `application/json` or `application/*+json`, with any parameters (as axum's `Json`).
fn json_content_type(headers: &HeaderMap) -> bool {
    let Some(Ok(content_type)) = headers.get(CONTENT_TYPE).map(|v| v.to_str()) else {
        return false;
    };
    let essence = content_type.split(';').next().unwrap_or("").trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype
                .rsplit_once('+')
                .is_some_and(|(_, suffix)| suffix.eq_ignore_ascii_case("json")))
}

/// The request's language: `?lang=nb|en` where a link asks for one (a PDF downloaded by
/// the browser carries the browser's `Accept-Language`, not the language chosen in the
/// portal), else `Accept-Language` (bokmål by default).
pub struct RequestLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for RequestLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let asked = parts.uri.query().and_then(|q| {
            q.split('&')
                .filter_map(|pair| pair.strip_prefix("lang="))
                .find_map(|tag| Lang::ALL.into_iter().find(|l| l.tag() == tag))
        });
        if let Some(lang) = asked {
            return Ok(RequestLang(lang));
        }
        let header = parts
            .headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        Ok(RequestLang(Lang::from_accept_language(header)))
    }
}

/// The client's address, for rate limits: the TCP peer (the server is run with connect
/// info). Behind a reverse proxy that would be the proxy; see README, "Rate limits".
pub struct ClientAddress(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string());
        Ok(ClientAddress(peer))
    }
}

#[cfg(test)]
mod tests {
    use super::json_content_type;
    use axum::http::{HeaderMap, HeaderValue, header::CONTENT_TYPE};

    /// The content types axum's `Json` takes, and no others.
    #[test]
    fn json_is_application_json_or_a_json_suffix() {
        let judge = |value: Option<&'static str>| {
            let mut headers = HeaderMap::new();
            if let Some(value) = value {
                headers.insert(CONTENT_TYPE, HeaderValue::from_static(value));
            }
            json_content_type(&headers)
        };
        for taken in [
            "application/json",
            "application/json; charset=utf-8",
            "Application/JSON",
            "application/problem+json",
            "application/vnd.api+json;x=1",
        ] {
            assert!(judge(Some(taken)), "{taken}");
        }
        for refused in [
            "text/plain",
            "text/json",
            "application/jsonx",
            "application/x-www-form-urlencoded",
            "application",
            "json",
            "",
        ] {
            assert!(!judge(Some(refused)), "{refused}");
        }
        assert!(!judge(None));
    }
}
