//! The SMTP connections the outbox sends through: kept open between messages and reused,
//! with Nagle's algorithm off.
//!
//! lettre 0.11's pooled transport leaves `TCP_NODELAY` unset, so the five-byte end of
//! every message waits for the relay's delayed ACK — 40 ms a message (lettre#1159, not
//! yet released) — and it sends a NOOP before each reuse. Its `AsyncSmtpConnection` takes
//! a stream of ours, so this keeps lettre for the protocol and only owns the sockets.

use std::sync::Mutex;
use std::time::Duration;

use lettre::Message;
use lettre::transport::smtp::client::AsyncSmtpConnection;
use lettre::transport::smtp::extension::ClientId;
use tokio::net::TcpStream;

/// How long connecting, or one whole message, may take before the relay counts as down.
const TIMEOUT: Duration = Duration::from_secs(60);

/// A plain SMTP relay (a local MTA or the test server) and its idle connections.
pub struct SmtpRelay {
    host: String,
    port: u16,
    idle: Mutex<Vec<AsyncSmtpConnection>>,
}

impl SmtpRelay {
    pub fn new(host: &str, port: u16) -> Self {
        SmtpRelay {
            host: host.to_owned(),
            port,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Sends `message` on an idle connection or a new one. A reused connection the relay
    /// has closed meanwhile (it fails without an SMTP answer) is replaced once; an SMTP
    /// refusal is not retried here. Callers running N sends at once hold at most N
    /// connections.
    pub async fn send(&self, message: &Message) -> Result<(), String> {
        let body = message.formatted();
        let reused = self.idle.lock().expect("relay lock").pop();
        let was_reused = reused.is_some();
        let mut connection = match reused {
            Some(connection) => connection,
            None => self.connect().await?,
        };
        let mut result = Self::send_on(&mut connection, message, &body).await;
        if let Err(e) = &result
            && was_reused
            && !e.is_response()
        {
            connection = self.connect().await?;
            result = Self::send_on(&mut connection, message, &body).await;
        }
        match result {
            Ok(()) => {
                self.idle.lock().expect("relay lock").push(connection);
                Ok(())
            }
            // lettre has aborted the connection on any error; it is dropped here.
            Err(e) => Err(e.to_string()),
        }
    }

    async fn send_on(
        connection: &mut AsyncSmtpConnection,
        message: &Message,
        body: &[u8],
    ) -> Result<(), SendError> {
        match tokio::time::timeout(TIMEOUT, connection.send(message.envelope(), body)).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => Err(SendError::Smtp(e)),
            Err(_) => Err(SendError::TimedOut),
        }
    }

    async fn connect(&self) -> Result<AsyncSmtpConnection, String> {
        let connecting = async {
            let stream = TcpStream::connect((self.host.as_str(), self.port))
                .await
                .map_err(|e| format!("connecting to {}:{}: {e}", self.host, self.port))?;
            stream.set_nodelay(true).map_err(|e| e.to_string())?;
            AsyncSmtpConnection::connect_with_transport(Box::new(stream), &ClientId::default())
                .await
                .map_err(|e| e.to_string())
        };
        tokio::time::timeout(TIMEOUT, connecting)
            .await
            .map_err(|_| format!("connecting to {}:{} timed out", self.host, self.port))?
    }
}

/// Why one send failed: the relay answered with a refusal, or the connection failed.
enum SendError {
    Smtp(lettre::transport::smtp::Error),
    TimedOut,
}

impl SendError {
    /// The relay answered (4xx/5xx): the connection was alive, the message refused.
    fn is_response(&self) -> bool {
        matches!(self, SendError::Smtp(e) if e.is_transient() || e.is_permanent())
    }
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SendError::Smtp(e) => e.fmt(f),
            SendError::TimedOut => f.write_str("the SMTP relay did not answer in time"),
        }
    }
}
