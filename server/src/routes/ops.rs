//! For the load balancer and monitoring, outside `/api` and its session and cross-site
//! rules:
//! - `GET /healthz` — the process is up (no database call: a slow database must not get
//!   a live process restarted);
//! - `GET /readyz` — the database answers and every migration of this build is applied:
//!   until then, send no traffic here;
//! - `GET /metrics` — Prometheus text (`crate::metrics`), with `Authorization: Bearer
//!   <BP_METRICS_TOKEN>`; without a token configured it is open in development and
//!   absent in production.

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};

use crate::state::AppState;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .route("/metrics", get(metrics))
        .with_state(state)
}

async fn ready(State(state): State<AppState>) -> Response {
    match crate::db::ready(&state.db).await {
        Ok(true) => "ready".into_response(),
        Ok(false) => (
            StatusCode::SERVICE_UNAVAILABLE,
            "migrations not yet applied",
        )
            .into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "readiness: the database did not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
        }
    }
}

async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let sent = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let refusal = scrape_refusal(
        state.config.metrics_token.expose(),
        state.config.production,
        sent,
    );
    if let Some(status) = refusal {
        return status.into_response();
    }
    match state.metrics.render(&state.db, crate::now_ms()).await {
        Ok(text) => (
            [(
                header::CONTENT_TYPE,
                "application/openmetrics-text; version=1.0.0; charset=utf-8",
            )],
            text,
        )
            .into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "metrics: the database did not answer");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// Why a scrape is refused, if it is: with a token configured only its bearer may read
/// (401 otherwise); without one the endpoint is open in development and absent (404) in
/// production, so a forgotten token never publishes the figures.
fn scrape_refusal(token: &str, production: bool, sent: Option<&str>) -> Option<StatusCode> {
    if token.is_empty() {
        return production.then_some(StatusCode::NOT_FOUND);
    }
    // Digests compared, so the time taken says nothing about how much of it matched.
    let matches = Sha256::digest(sent.unwrap_or("")) == Sha256::digest(token);
    (!matches).then_some(StatusCode::UNAUTHORIZED)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scrape_needs_the_token_once_set_and_production_needs_one_set() {
        assert_eq!(scrape_refusal("", false, None), None);
        assert_eq!(scrape_refusal("", true, None), Some(StatusCode::NOT_FOUND));
        assert_eq!(
            scrape_refusal("", true, Some("x")),
            Some(StatusCode::NOT_FOUND)
        );
        for production in [false, true] {
            let refusal = |sent| scrape_refusal("s3cret", production, sent);
            assert_eq!(refusal(None), Some(StatusCode::UNAUTHORIZED));
            assert_eq!(refusal(Some("")), Some(StatusCode::UNAUTHORIZED));
            assert_eq!(refusal(Some("s3cre")), Some(StatusCode::UNAUTHORIZED));
            assert_eq!(refusal(Some("s3cret")), None);
        }
    }
}
