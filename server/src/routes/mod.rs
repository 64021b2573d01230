//! The HTTP surface: `/api/*` (JSON) and everything else from the SPA bundle (`spa.rs`).

mod attachments;
mod auth;
mod dev;
mod documents;
mod drafts;
mod health;
mod openapi;
mod ops;
mod orders;
mod organisations;
mod portal;
mod portal_login;
mod signing;
mod spa;
mod staff;
mod staff_lead;
mod staff_login;
mod trace;

use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::from_fn_with_state;
use axum::response::IntoResponse;
use tower::ServiceBuilder;
use tower_http::set_header::SetResponseHeaderLayer;
use utoipa_axum::router::OpenApiRouter;

use crate::auth::require_session;
use crate::error::ApiError;
use crate::state::AppState;

/// The whole application: API plus static bundle.
pub fn router(state: AppState) -> Router {
    let dist = state.config.dist.clone();
    let https = state.config.secure_cookies;
    let time_limit = Duration::from_secs(state.config.request_timeout_secs);
    Router::new()
        .merge(ops::router(state.clone()))
        .nest("/api", api(state))
        .merge(spa::router(dist))
        // One stack, outermost first (see `api` for why it is one).
        .layer(
            ServiceBuilder::new()
                // Over HTTPS (secure cookies), browsers are told to come back only that way.
                .option_layer(https.then(|| {
                    security_header(
                        header::STRICT_TRANSPORT_SECURITY,
                        "max-age=31536000; includeSubDomains",
                    )
                }))
                // Revalidate every time: file names are not content-hashed, and the files
                // are small.
                .layer(SetResponseHeaderLayer::if_not_present(
                    header::CACHE_CONTROL,
                    HeaderValue::from_static("no-cache"),
                ))
                .layer(security_header(header::X_FRAME_OPTIONS, "DENY"))
                .layer(security_header(header::REFERRER_POLICY, "no-referrer"))
                .layer(security_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
                .layer(security_header(header::CONTENT_SECURITY_POLICY, CSP))
                .layer(from_fn_with_state(time_limit, limit_time)),
        )
}

/// The JSON API, and its OpenAPI description at `/api/openapi.json` (`openapi.rs`).
/// Routes under `protected` need a live session (see `auth::require_session`).
pub fn api(state: AppState) -> Router {
    use utoipa::OpenApi;
    let protected = OpenApiRouter::new()
        .merge(auth::protected())
        .merge(organisations::router())
        .merge(orders::router())
        .merge(drafts::router())
        .merge(attachments::router())
        .merge(portal::router())
        .merge(signing::router())
        .route_layer(from_fn_with_state(state.clone(), require_session));
    let (routes, description) = OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .merge(health::router())
        .merge(auth::public())
        .merge(portal_login::router())
        // Development only (404 in production), and open: it is where a customer-portal
        // login's code arrives when no SMTP server is configured.
        .merge(dev::router())
        .merge(documents::router())
        .merge(staff::router(state.clone()))
        .merge(protected)
        .split_for_parts();
    // Serialised once; each answer shares the bytes.
    let description = axum::body::Bytes::from(
        openapi::under("/api", description)
            .to_json()
            .expect("the API description serialises"),
    );
    routes
        .route(
            "/openapi.json",
            axum::routing::get(move || async move {
                ([(header::CONTENT_TYPE, "application/json")], description)
            }),
        )
        .fallback(|| async { ApiError::NotFound })
        // One stack, outermost first, added in one `layer` call: axum wraps each route in
        // a boxed service per call, cloned and boxed again on every request, so nine calls
        // were nine allocations and nine boxed futures a request (about 7 % of an order's
        // CPU in a profile). Per route, not around the router: `metrics::track` and the
        // trace read the matched route.
        .layer(
            ServiceBuilder::new()
                .layer(axum::middleware::map_request(trace::forget_client_id))
                // The trace sees the final answer, and the id exists before it starts.
                .layer(trace::set_request_id())
                .layer(trace::propagate_request_id())
                .layer(trace::trace_layer())
                .layer(from_fn_with_state(
                    state.metrics.clone(),
                    crate::metrics::track,
                ))
                // Answers, receipts and PDFs are personal data: no cache keeps a copy.
                .layer(security_header(header::CACHE_CONTROL, "no-store"))
                .layer(axum::middleware::from_fn(crate::error::json_errors))
                .layer(axum::middleware::from_fn(crate::auth::refuse_cross_site))
                // Every JSON body is small (a draft's answers are at most 64 KiB); the
                // routes that take files (attachments, the seal check) set their own,
                // larger, limits.
                .layer(axum::extract::DefaultBodyLimit::max(MAX_JSON_BODY)),
        )
        .with_state(state)
}

/// Ends a request that takes longer than the limit, head to answer, its body upload
/// included: a client sending one byte at a time holds nothing for long.
async fn limit_time(
    State(limit): State<Duration>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::Rejected(StatusCode::REQUEST_TIMEOUT).into_response(),
    }
}

/// The default limit of a request body under `/api`.
const MAX_JSON_BODY: usize = 256 * 1024;

/// Wasm needs `'wasm-unsafe-eval'`; nothing else runs but our own files.
const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
                   font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

fn security_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
}
