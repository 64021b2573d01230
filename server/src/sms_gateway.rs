//! SMS through an HTTP SMS gateway (a configurable URL and bearer token, as the Norwegian
//! gateways offer): one JSON POST per message. The outbox's id goes with it as an
//! idempotency key, so a message sent again after a crash between the gateway's answer
//! and our mark can be recognised and dropped by the gateway.

use std::time::Duration;

use serde::Serialize;

/// How long one message may take before the gateway counts as down (the outbox retries).
const TIMEOUT: Duration = Duration::from_secs(30);

pub struct SmsGateway {
    client: reqwest::Client,
    url: String,
    token: String,
}

/// The body the gateway receives.
#[derive(Serialize)]
struct Outgoing<'a> {
    /// E.164: "+4791234567".
    to: String,
    message: &'a str,
    /// Our notification's id: the same for every attempt of one message.
    reference: &'a str,
}

impl SmsGateway {
    pub fn new(url: &str, token: &str) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .build()
            .map_err(|e| format!("SMS gateway client: {e}"))?;
        Ok(SmsGateway {
            client,
            url: url.to_owned(),
            token: token.to_owned(),
        })
    }

    /// Sends `message` to a Norwegian mobile number (its 8 national digits, as the portal
    /// keeps them); done when the gateway answered 2xx.
    pub async fn send(&self, mobile: &str, message: &str, reference: &str) -> Result<(), String> {
        let digits: String = mobile.chars().filter(char::is_ascii_digit).collect();
        let national = digits
            .strip_prefix("47")
            .filter(|_| digits.len() == 10)
            .unwrap_or(&digits);
        let response = self
            .client
            .post(&self.url)
            .bearer_auth(&self.token)
            .header("Idempotency-Key", reference)
            .json(&Outgoing {
                to: format!("+47{national}"),
                message,
                reference,
            })
            .send()
            .await
            .map_err(|e| format!("SMS gateway: {e}"))?;
        let status = response.status();
        if status.is_success() {
            Ok(())
        } else {
            Err(format!("SMS gateway answered {status}"))
        }
    }
}
