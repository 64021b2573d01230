//! Extractors whose rejections are `ApiError`s, so bad JSON gets the API's JSON error
//! body and not axum's plain text.

use axum::extract::{FromRequest, FromRequestParts};
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use common::Lang;

use crate::error::ApiError;

/// `Json<T>` with `ApiError` as its rejection.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

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
