//! A local SMS gateway that answers like one and records what it received: the bearer
//! token, the idempotency key and the JSON body of every message.

use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};

/// One message as the gateway received it.
#[derive(Clone, Debug)]
pub struct Received {
    pub authorization: String,
    pub idempotency_key: String,
    pub body: serde_json::Value,
}

pub struct SmsStub {
    pub url: String,
    received: Arc<Mutex<Vec<Received>>>,
}

pub const TOKEN: &str = "test-sms-token";

impl SmsStub {
    pub async fn start() -> Self {
        let received = Arc::new(Mutex::new(Vec::new()));
        let app = Router::new()
            .route("/sms", post(receive))
            .with_state(received.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/sms", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        SmsStub { url, received }
    }

    /// Points the portal's SMS at this gateway.
    pub fn configure(&self, config: &mut server::config::Config) {
        config.sms_gateway_url = Some(self.url.clone());
        config.sms_gateway_token = TOKEN.parse().unwrap();
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Waits until `n` messages have arrived.
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        loop {
            let now = self.received();
            if now.len() >= n {
                return now;
            }
            assert!(std::time::Instant::now() < deadline, "no SMS arrived");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
}

async fn receive(
    State(received): State<Arc<Mutex<Vec<Received>>>>,
    headers: HeaderMap,
    Json(body): Json<serde_json::Value>,
) -> StatusCode {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned()
    };
    received.lock().unwrap().push(Received {
        authorization: header("authorization"),
        idempotency_key: header("idempotency-key"),
        body,
    });
    StatusCode::ACCEPTED
}
