//! One trace per API request: a span with a request id (also answered in `x-request-id`,
//! so a user's report can be found) and the route as declared, never the path itself —
//! a path may hold a reference number, and nothing personal belongs in a log. Failures
//! are logged here, once, with the cause the error left in the response
//! (`error::FailureCause`).

use std::time::Duration;

use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderName, Response};
use tower_http::request_id::{
    MakeRequestId, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::TraceLayer;
use tracing::Span;

use crate::error::FailureCause;

pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Request ids: 16 random hex digits, unique across replicas without coordination.
#[derive(Clone, Copy, Default)]
pub struct RandomRequestId;

impl MakeRequestId for RandomRequestId {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).ok()?;
        crate::hex::encode(&bytes).parse().ok().map(RequestId::new)
    }
}

/// Gives each request its id (after `forget_client_id`: ids are ours to trust).
pub fn set_request_id() -> SetRequestIdLayer<RandomRequestId> {
    SetRequestIdLayer::new(REQUEST_ID, RandomRequestId)
}

/// Drops a request id the client sent: a log must not show one request under another's id.
pub async fn forget_client_id(mut request: Request) -> Request {
    request.headers_mut().remove(REQUEST_ID);
    request
}

/// Answers with the request's id.
pub fn propagate_request_id() -> PropagateRequestIdLayer {
    PropagateRequestIdLayer::new(REQUEST_ID)
}

/// The request's span and its one log line on failure.
#[allow(clippy::type_complexity)]
pub fn trace_layer() -> TraceLayer<
    tower_http::classify::SharedClassifier<tower_http::classify::ServerErrorsAsFailures>,
    fn(&Request) -> Span,
    (),
    fn(&Response<axum::body::Body>, Duration, &Span),
    (),
    (),
    (),
> {
    TraceLayer::new_for_http()
        .make_span_with(request_span as fn(&Request) -> Span)
        .on_request(())
        .on_response(log_failure as fn(&Response<axum::body::Body>, Duration, &Span))
        .on_body_chunk(())
        .on_eos(())
        .on_failure(())
}

fn request_span(request: &Request) -> Span {
    let id = request
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(no route)", MatchedPath::as_str);
    tracing::info_span!("request", id, method = %request.method(), route)
}

/// Server errors as errors, the registry's absence and refusals of our own making as
/// warnings; a 4xx that is the client's (422, 401, 404) is no log line at all.
fn log_failure(response: &Response<axum::body::Body>, latency: Duration, _: &Span) {
    let status = response.status().as_u16();
    let ms = latency.as_millis() as u64;
    let cause = response.extensions().get::<FailureCause>().map(|c| &*c.0);
    match (response.status().is_server_error(), cause) {
        (true, Some(cause)) if status == 503 => {
            tracing::warn!(
                status,
                ms,
                cause,
                "request failed: a dependency did not answer"
            )
        }
        (true, cause) => tracing::error!(status, ms, cause, "request failed"),
        _ => {}
    }
}
