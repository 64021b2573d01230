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
//! together and their answers are read after, and a run of messages (`send_all`) sends
//! each message's text together with the next one's commands: one round trip a message
//! instead of four, the outbox's main cost under load. Elsewhere lettre sends each
//! message its own way.

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

    /// Sends `message` on an idle connection or a new one (`send_all` of one).
    pub async fn send(&self, message: &Message) -> Result<(), String> {
        let mut outcome = Err("not sent".to_owned());
        self.send_all(std::slice::from_ref(message), |_, result| outcome = result)
            .await;
        outcome
    }

    /// Sends `messages` in order over one connection at a time, telling `done` each
    /// message's outcome (by its index) as soon as the relay has answered for it. Where
    /// the relay pipelines, a message's text goes out together with the next message's
    /// commands, so a run of messages costs one round trip each.
    ///
    /// A refusal fails only its own message: the connection is dropped and the rest go on
    /// a new one. A reused connection the relay has closed meanwhile (it fails before any
    /// answer) is replaced once. Callers running N of these at once hold at most N
    /// connections.
    pub async fn send_all(
        &self,
        messages: &[Message],
        mut done: impl FnMut(usize, Result<(), String>),
    ) {
        let bodies: Vec<Vec<u8>> = messages.iter().map(Message::formatted).collect();
        let mut next = 0;
        let mut stale_replaced = false;
        while next < messages.len() {
            let reused = self.idle.lock().expect("relay lock").pop();
            let was_reused = reused.is_some();
            let mut connection = match reused {
                Some(connection) => connection,
                None => match self.connect().await {
                    Ok(connection) => connection,
                    Err(e) => {
                        (next..messages.len()).for_each(|i| done(i, Err(e.clone())));
                        return;
                    }
                },
            };
            let rest = Run {
                messages: &messages[next..],
                bodies: &bodies[next..],
            };
            let pipelinable = if connection.pipelining {
                rest.pipelinable()
            } else {
                0
            };
            let run = rest.first(pipelinable.max(1));
            let mut tell = |i, result| done(next + i, result);
            let outcome = if pipelinable > 0 {
                run.pipelined(&mut connection, &mut tell).await
            } else {
                run.one_by_one(&mut connection, &mut tell).await
            };
            match outcome {
                Ended::AllSent => {
                    self.idle.lock().expect("relay lock").push(connection);
                    next += run.messages.len();
                    continue;
                }
                Ended::Refused { sent } => next += sent,
                Ended::Broken {
                    answered: false, ..
                } if was_reused && !stale_replaced => {
                    stale_replaced = true;
                }
                Ended::Broken { sent, error, .. } => {
                    // The message in flight may or may not have reached the relay; it
                    // fails here and is sent again later (same Message-ID).
                    done(next + sent, Err(error));
                    next += sent + 1;
                }
            }
            // lettre has aborted the connection, or a refusal left answers unread: it is
            // dropped here.
        }
    }

    /// Whether the relay of the idle connections takes pipelined commands (`None` with no
    /// connection open).
    pub fn pipelining(&self) -> Option<bool> {
        let idle = self.idle.lock().expect("relay lock");
        idle.first().map(|c| c.pipelining)
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

/// Messages to send in order on one connection, with their formatted texts.
struct Run<'a> {
    messages: &'a [Message],
    bodies: &'a [Vec<u8>],
}

/// How a run on one connection ended. `sent` counts the messages whose outcome was told.
enum Ended {
    AllSent,
    /// The relay refused the last of those: its connection is not used again.
    Refused {
        sent: usize,
    },
    /// The connection failed while message `sent` was on its way; `answered`: the relay
    /// had answered something on it first.
    Broken {
        sent: usize,
        error: String,
        answered: bool,
    },
}

impl<'a> Run<'a> {
    fn first(&self, count: usize) -> Run<'a> {
        Run {
            messages: &self.messages[..count],
            bodies: &self.bodies[..count],
        }
    }

    /// The leading messages that go pipelined: plain ASCII throughout, so no SMTPUTF8 or
    /// 8BITMIME parameter to negotiate, which lettre's own send does for the rest.
    /// (lettre encodes bodies as quoted-printable or base64.)
    fn pipelinable(&self) -> usize {
        self.messages
            .iter()
            .zip(self.bodies)
            .take_while(|(message, body)| {
                let envelope = message.envelope();
                body.is_ascii()
                    && envelope
                        .from()
                        .into_iter()
                        .chain(envelope.to())
                        .all(|address| AsRef::<str>::as_ref(address).is_ascii())
            })
            .count()
    }

    /// The messages (all `pipelinable`): `MAIL`, every `RCPT` and `DATA` of the first in
    /// one write; then, for each, its text and the next one's commands in one write, and
    /// the answers to both (its end, then the next one's commands) in one read.
    async fn pipelined(
        &self,
        connection: &mut Connection,
        done: &mut impl FnMut(usize, Result<(), String>),
    ) -> Ended {
        let mut answered = false;
        queue(connection, commands(self.messages[0].envelope()).as_bytes());
        for (i, message) in self.messages.iter().enumerate() {
            for _ in 0..message.envelope().to().len() + 2 {
                match answer(connection).await {
                    Ok(()) => answered = true,
                    Err(e) if e.is_response() => {
                        // The rest of its answers stay unread: the caller drops the
                        // connection, as lettre's own send does after a refusal.
                        done(i, Err(e.to_string()));
                        return Ended::Refused { sent: i + 1 };
                    }
                    Err(e) => return e.broke(i, answered),
                }
            }
            queue(connection, &with_transparency(&self.bodies[i]));
            if let Some(next) = self.messages.get(i + 1) {
                queue(connection, commands(next.envelope()).as_bytes());
            }
            // A refused text costs only its message: the next one's commands are
            // already on their way and answered on their own.
            match answer(connection).await {
                Ok(()) => done(i, Ok(())),
                Err(e) if e.is_response() => done(i, Err(e.to_string())),
                Err(e) => return e.broke(i, answered),
            }
            answered = true;
        }
        Ended::AllSent
    }

    /// The first message by lettre's own send, one command at a time.
    async fn one_by_one(
        &self,
        connection: &mut Connection,
        done: &mut impl FnMut(usize, Result<(), String>),
    ) -> Ended {
        let sending = connection
            .smtp
            .send(self.messages[0].envelope(), &self.bodies[0]);
        match within_time(sending).await {
            Ok(_) => done(0, Ok(())),
            Err(e) if e.is_response() => {
                done(0, Err(e.to_string()));
                return Ended::Refused { sent: 1 };
            }
            Err(e) => return e.broke(0, false),
        }
        Ended::AllSent
    }
}

/// `MAIL`, every `RCPT` and `DATA` for one message.
fn commands(envelope: &Envelope) -> String {
    let mut commands = Mail::new(envelope.from().cloned(), Vec::new()).to_string();
    for recipient in envelope.to() {
        commands.push_str(&Rcpt::new(recipient.clone(), Vec::new()).to_string());
    }
    commands.push_str(&Data.to_string());
    commands
}

/// Written now, sent at the next read (`SentBeforeReading`).
fn queue(connection: &Connection, bytes: &[u8]) {
    connection
        .unsent
        .lock()
        .expect("unsent lock")
        .extend_from_slice(bytes);
}

/// The next answer, within the time a message may take.
async fn answer(connection: &mut Connection) -> Result<(), SendError> {
    within_time(connection.smtp.read_response())
        .await
        .map(|_| ())
}

/// A step of the dialogue, within the time a message may take.
async fn within_time<T>(
    step: impl Future<Output = Result<T, lettre::transport::smtp::Error>>,
) -> Result<T, SendError> {
    match tokio::time::timeout(TIMEOUT, step).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(e)) => Err(SendError::Smtp(e)),
        Err(_) => Err(SendError::TimedOut),
    }
}

/// A message's text as DATA carries it (RFC 5321 4.5.2): a line that starts with a dot
/// gets a second one, and the text ends with a line holding only a dot.
fn with_transparency(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + 8);
    for line in body.split_inclusive(|&b| b == b'\n') {
        if line.starts_with(b".") {
            out.push(b'.');
        }
        out.extend_from_slice(line);
    }
    out.extend_from_slice(b"\r\n.\r\n");
    out
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

    /// The run ended by this failure while message `sent` was on its way.
    fn broke(self, sent: usize, answered: bool) -> Ended {
        Ended::Broken {
            sent,
            error: self.to_string(),
            answered,
        }
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

#[cfg(test)]
mod tests {
    use super::with_transparency;

    /// Every line that starts with a dot gets a second one, and the text ends with a line
    /// of one dot (RFC 5321 4.5.2).
    #[test]
    fn lines_that_start_with_a_dot_get_a_second_one() {
        let cases: [(&[u8], &[u8]); 5] = [
            (b"", b"\r\n.\r\n"),
            (b"Hei", b"Hei\r\n.\r\n"),
            (b".", b"..\r\n.\r\n"),
            (
                b".en\r\nto.\r\n..tre\r\n.",
                b"..en\r\nto.\r\n...tre\r\n..\r\n.\r\n",
            ),
            (b"a\n.b\r\n\r\n.\r\n", b"a\n..b\r\n\r\n..\r\n\r\n.\r\n"),
        ];
        for (body, sent) in cases {
            assert_eq!(
                with_transparency(body),
                sent,
                "{}",
                String::from_utf8_lossy(body)
            );
        }
    }
}
