//! The SMTP connections the outbox sends through: kept open between messages and reused,
//! with Nagle's algorithm off.
//!
//! lettre 0.11's pooled transport leaves `TCP_NODELAY` unset, so the five-byte end of
//! every message waits for the relay's delayed ACK — 40 ms a message (lettre#1159, not
//! yet released) — and it sends a NOOP before each reuse. Its `AsyncSmtpConnection` takes
//! a stream of ours, so this keeps lettre for the protocol and only owns the sockets.
//!
//! The stream also holds what lettre writes until it reads the answer
//! (`SentBeforeReading`): a message's text and the line that ends it go out as one
//! packet instead of two, a send fewer per message for the outbox under load.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Mutex;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use lettre::Message;
use lettre::transport::smtp::client::{AsyncSmtpConnection, AsyncTokioStream};
use lettre::transport::smtp::extension::ClientId;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
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
            let stream = SentBeforeReading {
                stream,
                unsent: Vec::new(),
            };
            AsyncSmtpConnection::connect_with_transport(Box::new(stream), &ClientId::default())
                .await
                .map_err(|e| e.to_string())
        };
        tokio::time::timeout(TIMEOUT, connecting)
            .await
            .map_err(|_| format!("connecting to {}:{} timed out", self.host, self.port))?
    }
}

/// A TCP stream whose writes wait until the next read, then go out together. SMTP is a
/// dialogue: lettre reads an answer after every command and after the message, so
/// nothing written waits long; the message's text and its end (`\r\n.\r\n`, which lettre
/// writes and flushes on its own) share one send. `flush` therefore only marks the end of
/// a write; the read that follows sends it.
#[derive(Debug)]
struct SentBeforeReading {
    stream: TcpStream,
    unsent: Vec<u8>,
}

impl SentBeforeReading {
    fn poll_send_unsent(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while !self.unsent.is_empty() {
            let sent = ready!(Pin::new(&mut self.stream).poll_write(cx, &self.unsent))?;
            if sent == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.unsent.drain(..sent);
        }
        Poll::Ready(Ok(()))
    }
}

impl AsyncRead for SentBeforeReading {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_send_unsent(cx))?;
        Pin::new(&mut this.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for SentBeforeReading {
    fn poll_write(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.get_mut().unsent.extend_from_slice(buf);
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_send_unsent(cx))?;
        Pin::new(&mut this.stream).poll_shutdown(cx)
    }
}

impl AsyncTokioStream for SentBeforeReading {
    fn peer_addr(&self) -> io::Result<SocketAddr> {
        self.stream.peer_addr()
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
