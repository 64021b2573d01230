//! A real SMTP server for the tests: Python's aiosmtpd delivering into a Maildir, and the
//! messages read back decoded.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// An SMTP server on a free port; stopped when dropped.
pub struct SmtpServer(Child);

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub fn start_smtp(maildir: &Path, port: u16) -> SmtpServer {
    start_aiosmtpd(maildir, port, "aiosmtpd.handlers.Mailbox", None)
}

/// A relay that takes pipelined commands (RFC 2920), as Postfix does: aiosmtpd reads
/// commands one line at a time anyway, and this handler says so in its EHLO. It refuses
/// recipients whose address starts with `refused@`. `OneEhloMailbox` refuses a session's
/// second EHLO instead (RFC 5321 allows it, a strict relay might not).
const PIPELINING_MAILBOX: &str = r#"
from aiosmtpd.handlers import Mailbox

class PipeliningMailbox(Mailbox):
    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        return responses[:-1] + ['250-PIPELINING', responses[-1]]

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith('refused@'):
            return '550 5.1.1 No such mailbox'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        # Notes whether the client's next command came with this message's end (pipelined
        # across messages): asyncio's reader still holds what it read and not yet parsed.
        import os
        notes = os.path.join(os.path.dirname(self.mailbox._path.rstrip('/')), 'pipelined.txt')
        with open(notes, 'a') as f:
            f.write('1\n' if server._reader._buffer else '0\n')
        if b'Avvist innhold' in envelope.original_content:
            return '554 5.6.0 Content refused'
        return await super().handle_DATA(server, session, envelope)

class OneEhloMailbox(Mailbox):
    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        if session.host_name:
            return ['503 5.5.1 Already greeted']
        session.host_name = hostname
        return responses
"#;

fn start_aiosmtpd(
    maildir: &Path,
    port: u16,
    handler: &str,
    python_path: Option<&Path>,
) -> SmtpServer {
    // aiosmtpd 1.4.6 from PyPI (installed by `cargo xtask test`).
    let mut command = Command::new("python3");
    if let Some(path) = python_path {
        command.env("PYTHONPATH", path);
    }
    let child = command
        .args([
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            &format!("127.0.0.1:{port}"),
            "-c",
            handler,
        ])
        .arg(maildir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 -m aiosmtpd runs");
    wait_for_port(port);
    SmtpServer(child)
}

/// Waits until an SMTP server listens on `port`.
fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "aiosmtpd did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The messages delivered so far, decoded by Python's email package (headers RFC 2047,
/// bodies quoted-printable), as "To|Subject|Body".
pub fn delivered(maildir: &Path) -> Vec<String> {
    let script = r#"
import mailbox, sys
from email.header import decode_header, make_header
for m in mailbox.Maildir(sys.argv[1], create=False):
    subject = str(make_header(decode_header(m['Subject'])))
    body = m.get_payload(decode=True).decode('utf-8')
    print(m['To'] + '|' + subject + '|' + body.replace('\n', ' ') + '\x1e')
"#;
    python_records(script, maildir)
}

/// The recipient of every message delivered so far.
pub fn delivered_to(maildir: &Path) -> Vec<String> {
    let script = "import mailbox, sys\nfor m in mailbox.Maildir(sys.argv[1], create=False): print(m['To'] + '\x1e')";
    python_records(script, maildir)
}

/// The Message-ID of every message delivered so far.
pub fn delivered_message_ids(maildir: &Path) -> Vec<String> {
    let script = "import mailbox, sys\nfor m in mailbox.Maildir(sys.argv[1], create=False): print(m['Message-ID'] + '\\x1e')";
    python_records(script, maildir)
}

/// Runs a Python `script` over the Maildir; its output split at record separators.
fn python_records(script: &str, maildir: &Path) -> Vec<String> {
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(maildir)
        .output()
        .unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .split('\x1e')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// An SMTP server with a Maildir of its own, and the configuration that sends to it.
pub struct TestSmtp {
    pub maildir: std::path::PathBuf,
    pub port: u16,
    _server: SmtpServer,
    _dir: tempfile::TempDir,
}

impl TestSmtp {
    pub fn start() -> Self {
        Self::start_with(None)
    }

    /// One that takes pipelined commands (`PIPELINING_MAILBOX`).
    pub fn start_pipelining() -> Self {
        Self::start_with(Some("PipeliningMailbox"))
    }

    /// The same on a given port (another server's, stopped).
    pub fn start_pipelining_on(port: u16) -> Self {
        Self::start_on(Some("PipeliningMailbox"), port)
    }

    /// One that refuses a second EHLO in a session (`PIPELINING_MAILBOX`).
    pub fn start_refusing_a_second_ehlo() -> Self {
        Self::start_with(Some("OneEhloMailbox"))
    }

    /// aiosmtpd's own Mailbox handler, or one of `PIPELINING_MAILBOX`'s.
    fn start_with(handler: Option<&str>) -> Self {
        Self::start_on(handler, free_port())
    }

    fn start_on(handler: Option<&str>, port: u16) -> Self {
        let dir = tempfile::tempdir().unwrap();
        // aiosmtpd creates the Maildir's folders only when the directory does not exist yet.
        let maildir = dir.path().join("mail");
        let server = match handler {
            Some(class) => {
                std::fs::write(dir.path().join("pipelining_mailbox.py"), PIPELINING_MAILBOX)
                    .unwrap();
                let handler = format!("pipelining_mailbox.{class}");
                start_aiosmtpd(&maildir, port, &handler, Some(dir.path()))
            }
            None => start_smtp(&maildir, port),
        };
        TestSmtp {
            maildir,
            port,
            _server: server,
            _dir: dir,
        }
    }

    /// Points the portal's e-mail at this server.
    pub fn configure(&self, config: &mut server::config::Config) {
        config.smtp_host = Some("127.0.0.1".into());
        config.smtp_port = self.port;
    }
}

/// Waits for a delivered message matching `pred`.
pub async fn wait_for_mail(maildir: &Path, pred: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(m) = delivered(maildir).into_iter().find(|m| pred(m)) {
            return m;
        }
        assert!(Instant::now() < deadline, "no mail arrived");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// aiosmtpd with a handler that stores the first message it is given and then never says
/// "250" for it: the moment between the portal's send and its mark, held open until the
/// portal is killed. Later messages are stored and accepted. `held` exists once it holds.
pub struct HoldingSmtp {
    pub maildir: std::path::PathBuf,
    pub held: std::path::PathBuf,
    pub port: u16,
    _server: SmtpServer,
    _dir: tempfile::TempDir,
}

impl HoldingSmtp {
    pub fn start() -> Self {
        let script = r#"
import asyncio, mailbox, sys
from aiosmtpd.controller import Controller
class Holding:
    def __init__(self):
        self.box = mailbox.Maildir(sys.argv[1], create=True)
        self.holding = False
    async def handle_DATA(self, server, session, envelope):
        self.box.add(envelope.content)
        if not self.holding:
            self.holding = True
            open(sys.argv[2], 'w').close()
            await asyncio.sleep(3600)
        return '250 OK'
Controller(Holding(), hostname='127.0.0.1', port=int(sys.argv[3])).start()
asyncio.get_event_loop().run_until_complete(asyncio.sleep(3600))
"#;
        let dir = tempfile::tempdir().unwrap();
        let maildir = dir.path().join("mail");
        let held = dir.path().join("held");
        let port = free_port();
        let child = Command::new("python3")
            .args(["-c", script])
            .arg(&maildir)
            .arg(&held)
            .arg(port.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 with aiosmtpd runs");
        wait_for_port(port);
        HoldingSmtp {
            maildir,
            held,
            port,
            _server: SmtpServer(child),
            _dir: dir,
        }
    }

    /// The Message-ID of every message stored so far, in the order they came.
    pub fn message_ids(&self) -> Vec<String> {
        let script = "import mailbox, sys\nfor k in sorted(mailbox.Maildir(sys.argv[1], create=False).keys()):\n    print(mailbox.Maildir(sys.argv[1], create=False)[k]['Message-ID'] + '\\x1e')";
        python_records(script, &self.maildir)
    }
}
