//! The SMTP connections the outbox sends through: kept open between messages and reused,
//! with Nagle's algorithm off.
//!
//! lettre 0.11's pooled transport leaves `TCP_NODELAY` unset, so the five-byte end of
//! every message waits for the relay's delayed ACK — 40 ms a message (lettre#1159, not
//! yet released) — and it sends a NOOP before each reuse. Its `AsyncSmtpConnection` takes
//! a stream of ours, so this keeps lettre for the protocol and only owns the sockets.
//!
//! The stream also holds what is written until the next answer is read
//! (`SentBeforeReading`): a message's text and the line that ends it go out as one
//! packet instead of two. And where the relay says it takes commands without waiting for
//! each answer (PIPELINING, RFC 2920; Postfix does), `MAIL`, `RCPT` and `DATA` go out
//! together and their answers are read after: two round trips a message instead of four,
//! the outbox's main cost under load. Elsewhere lettre sends the message its own way.

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, ready};
use std::time::Duration;

use lettre::Message;
use lettre::address::Envelope;
use lettre::transport::smtp::client::{AsyncSmtpConnection, AsyncTokioStream};
use lettre::transport::smtp::commands::{Data, Ehlo, Mail, Rcpt};
use lettre::transport::smtp::extension::ClientId;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// How long connecting, or one whole message, may take before the relay counts as down.
const TIMEOUT: Duration = Duration::from_secs(60);

/// A plain SMTP relay (a local MTA or the test server) and its idle connections.
pub struct SmtpRelay {
    host: String,
    port: u16,
    idle: Mutex<Vec<Connection>>,
}

/// An open connection: lettre's side of the dialogue, and the bytes waiting to go out on
/// its stream (shared with the stream, `SentBeforeReading`).
struct Connection {
    smtp: AsyncSmtpConnection,
    unsent: Unsent,
    /// The relay advertised PIPELINING.
    pipelining: bool,
}

type Unsent = Arc<Mutex<Vec<u8>>>;

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

    /// Whether the relay of the idle connections takes pipelined commands (`None` with no
    /// connection open).
    pub fn pipelining(&self) -> Option<bool> {
        let idle = self.idle.lock().expect("relay lock");
        idle.first().map(|c| c.pipelining)
    }

    async fn send_on(
        connection: &mut Connection,
        message: &Message,
        body: &[u8],
    ) -> Result<(), SendError> {
        let envelope = message.envelope();
        let sending = async {
            if connection.pipelining && all_ascii(envelope, body) {
                send_pipelined(connection, envelope, body).await
            } else {
                connection.smtp.send(envelope, body).await.map(|_| ())
            }
        };
        match tokio::time::timeout(TIMEOUT, sending).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(SendError::Smtp(e)),
            Err(_) => Err(SendError::TimedOut),
        }
    }

    async fn connect(&self) -> Result<Connection, String> {
        let connecting = async {
            let stream = TcpStream::connect((self.host.as_str(), self.port))
                .await
                .map_err(|e| format!("connecting to {}:{}: {e}", self.host, self.port))?;
            stream.set_nodelay(true).map_err(|e| e.to_string())?;
            let unsent = Unsent::default();
            let stream = SentBeforeReading {
                stream,
                unsent: unsent.clone(),
            };
            let mut smtp =
                AsyncSmtpConnection::connect_with_transport(Box::new(stream), &ClientId::default())
                    .await
                    .map_err(|e| e.to_string())?;
            // lettre keeps only the extensions it uses; a second EHLO (allowed, it resets
            // the session) shows the rest once per connection. A relay that refuses it is
            // sent to one command at a time.
            let pipelining = match smtp.command(Ehlo::new(ClientId::default())).await {
                Ok(ehlo) => ehlo.message().any(|line| {
                    line.split_whitespace()
                        .next()
                        .is_some_and(|keyword| keyword.eq_ignore_ascii_case("PIPELINING"))
                }),
                Err(e) if is_refusal(&e) => false,
                Err(e) => return Err(e.to_string()),
            };
            Ok(Connection {
                smtp,
                unsent,
                pipelining,
            })
        };
        tokio::time::timeout(TIMEOUT, connecting)
            .await
            .map_err(|_| format!("connecting to {}:{} timed out", self.host, self.port))?
    }
}

/// Plain ASCII throughout: no SMTPUTF8 or 8BITMIME parameter to negotiate, which lettre's
/// own send does for the rest. (lettre encodes bodies as quoted-printable or base64.)
fn all_ascii(envelope: &Envelope, body: &[u8]) -> bool {
    body.is_ascii()
        && envelope
            .from()
            .into_iter()
            .chain(envelope.to())
            .all(|address| AsRef::<str>::as_ref(address).is_ascii())
}

/// `MAIL`, every `RCPT` and `DATA` in one write (sent at the first read), then their
/// answers in order, then the message. The first refusal fails the send, and the caller
/// drops the connection with whatever answers are still unread, as lettre's own send does.
async fn send_pipelined(
    connection: &mut Connection,
    envelope: &Envelope,
    body: &[u8],
) -> Result<(), lettre::transport::smtp::Error> {
    let mut commands = Mail::new(envelope.from().cloned(), Vec::new()).to_string();
    for recipient in envelope.to() {
        commands.push_str(&Rcpt::new(recipient.clone(), Vec::new()).to_string());
    }
    commands.push_str(&Data.to_string());
    connection
        .unsent
        .lock()
        .expect("unsent lock")
        .extend_from_slice(commands.as_bytes());
    for _ in 0..envelope.to().len() + 2 {
        connection.smtp.read_response().await?;
    }
    connection.smtp.message(body).await.map(|_| ())
}

/// The relay answered with a 4xx or 5xx: the connection is alive, the command refused.
fn is_refusal(e: &lettre::transport::smtp::Error) -> bool {
    e.is_transient() || e.is_permanent()
}

/// A TCP stream whose writes wait until the next read, then go out together. SMTP is a
/// dialogue: lettre reads an answer after every command and after the message, so
/// nothing written waits long; the message's text and its end (`\r\n.\r\n`, which lettre
/// writes and flushes on its own) share one send. `flush` therefore only marks the end of
/// a write; the read that follows sends it.
#[derive(Debug)]
struct SentBeforeReading {
    stream: TcpStream,
    unsent: Unsent,
}

impl SentBeforeReading {
    fn poll_send_unsent(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let mut unsent = self.unsent.lock().expect("unsent lock");
        while !unsent.is_empty() {
            let sent = ready!(Pin::new(&mut self.stream).poll_write(cx, &unsent))?;
            if sent == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            unsent.drain(..sent);
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
        self.unsent
            .lock()
            .expect("unsent lock")
            .extend_from_slice(buf);
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
        matches!(self, SendError::Smtp(e) if is_refusal(e))
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
