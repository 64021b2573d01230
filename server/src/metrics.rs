//! What operators watch (`GET /metrics`, Prometheus text format): requests by route and
//! status with their latency, orders stored by service, login failures, the outbox's
//! backlog and its oldest notification's age, and the database pool's use.
//!
//! Counters live in the process (each replica counts its own; Prometheus sums them);
//! the outbox figures are read from the database at each scrape, so every replica
//! reports the same shared backlog. Routes are labelled as declared
//! (`/api/orders/{reference}`), never with the path itself: a path may hold a reference.

use std::sync::Arc;
use std::time::Instant;

use crate::db::Db;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ServiceLabel {
    service: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct FailureLabel {
    kind: &'static str,
}

/// Why a login attempt failed, as counted.
#[derive(Clone, Copy, Debug)]
pub enum LoginFailure {
    /// The customer portal's username or password was wrong.
    Password,
    /// The security code was wrong.
    Code,
    /// Refused unread: too many attempts for the account or the address.
    RateLimited,
    /// ID-porten's answer was refused (cancelled, wrong level, a bad state…).
    IdPorten,
}

impl LoginFailure {
    fn label(self) -> &'static str {
        match self {
            LoginFailure::Password => "password",
            LoginFailure::Code => "code",
            LoginFailure::RateLimited => "rate_limited",
            LoginFailure::IdPorten => "idporten",
        }
    }
}

/// The process's metrics, shared by every request.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RequestLabels, Histogram>,
    orders: Family<ServiceLabel, Counter>,
    login_failures: Family<FailureLabel, Counter>,
    outbox_backlog: Gauge,
    outbox_oldest_age: Gauge<f64, std::sync::atomic::AtomicU64>,
    pool_connections: Gauge,
    pool_idle: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("bp");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "API requests answered, by method, route as declared and status",
            requests.clone(),
        );
        // 1 ms to ~16 s: a session lookup at the low end, a slow SMTP-bound call at the top.
        let latency = Family::<RequestLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.001, 2.0, 15))
        });
        registry.register(
            "http_request_duration_seconds",
            "Time from request to response head, by method, route and status",
            latency.clone(),
        );
        let orders = Family::<ServiceLabel, Counter>::default();
        registry.register(
            "orders_stored",
            "Orders stored (acknowledged with a reference) by this process, by service",
            orders.clone(),
        );
        let login_failures = Family::<FailureLabel, Counter>::default();
        registry.register(
            "login_failures",
            "Failed login attempts: password, code, rate_limited, idporten",
            login_failures.clone(),
        );
        let outbox_backlog = Gauge::default();
        registry.register(
            "outbox_backlog",
            "Notifications (e-mail, SMS) not yet sent",
            outbox_backlog.clone(),
        );
        let outbox_oldest_age = Gauge::<f64, std::sync::atomic::AtomicU64>::default();
        registry.register(
            "outbox_oldest_age_seconds",
            "Age of the oldest notification not yet sent (0 when none waits)",
            outbox_oldest_age.clone(),
        );
        let pool_connections = Gauge::default();
        registry.register(
            "db_pool_connections",
            "Database connections open in this process's pool",
            pool_connections.clone(),
        );
        let pool_idle = Gauge::default();
        registry.register(
            "db_pool_idle_connections",
            "Of those, the idle ones",
            pool_idle.clone(),
        );
        Metrics {
            registry,
            requests,
            latency,
            orders,
            login_failures,
            outbox_backlog,
            outbox_oldest_age,
            pool_connections,
            pool_idle,
        }
    }
}

impl Metrics {
    pub fn order_stored(&self, service: &str) {
        self.orders
            .get_or_create(&ServiceLabel {
                service: service.to_owned(),
            })
            .inc();
    }

    pub fn login_failed(&self, why: LoginFailure) {
        self.login_failures
            .get_or_create(&FailureLabel { kind: why.label() })
            .inc();
    }

    /// The text a scrape answers, the database's figures read now.
    pub async fn render(&self, db: &Db, now_ms: i64) -> Result<String, sqlx::Error> {
        let (backlog, oldest_ms): (i64, Option<i64>) = sqlx::query_as(
            "SELECT COUNT(*), MIN(created_at_ms) FROM notifications WHERE sent_at_ms IS NULL",
        )
        .fetch_one(db)
        .await?;
        self.outbox_backlog.set(backlog);
        let age_ms = oldest_ms.map_or(0, |at| (now_ms - at).max(0));
        self.outbox_oldest_age.set(age_ms as f64 / 1000.0);
        self.pool_connections.set(i64::from(db.size()));
        self.pool_idle.set(db.num_idle() as i64);
        let mut text = String::new();
        prometheus_client::encoding::text::encode(&mut text, &self.registry)
            .expect("writing to a String cannot fail");
        Ok(text)
    }
}

/// Middleware: counts and times each API request under its declared route.
pub async fn track(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(no route)", MatchedPath::as_str)
        .to_owned();
    let response = next.run(request).await;
    let labels = RequestLabels {
        method,
        route,
        status: response.status().as_u16(),
    };
    metrics.requests.get_or_create(&labels).inc();
    metrics
        .latency
        .get_or_create(&labels)
        .observe(started.elapsed().as_secs_f64());
    response
}
