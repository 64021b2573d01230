//! The API contract, fuzzed: schemathesis (PyPI) reads `/api/openapi.json` from a running
//! server and sends what the description allows and what it does not, with every check
//! on — no 5xx, every answer's status, type and body as described — once anonymous and
//! once with a customer's and a staff member's session (`server/tests/schemathesis.toml`).

use std::process::{Command, Stdio};

use crate::bench::{cookie_value, http_on, wait_until_up};
use crate::tools::ensure_python_package;
use crate::{ChildGuard, TaskResult, check, cmd, root};

/// The version verified on these machines (`../shared/TOOLCHAIN.md`).
const SCHEMATHESIS: &str = "schemathesis==4.32.5";

pub fn run() -> TaskResult {
    ensure_python_package("schemathesis", SCHEMATHESIS)?;
    check(cmd("cargo", &["build", "-p", "server"]))?;
    let port = free_port()?;
    let dir = std::env::temp_dir().join(format!("bp-contract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let _server = ChildGuard(
        Command::new(root().join("target/debug/server"))
            .env("BP_LISTEN", format!("127.0.0.1:{port}"))
            .env(
                "DATABASE_URL",
                format!("sqlite://{}/contract.db", dir.display()),
            )
            .env("BP_DIST", "/nonexistent")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| format!("the server: {e}"))?,
    );
    wait_until_up(port)?;
    let customer = cookie(
        port,
        "/api/auth/test-login",
        r#"{"eid":"bankid","fodselsnummer":"08908834756","name":"Kari Testperson"}"#,
        "bp_session",
    )?;
    let staff = cookie(
        port,
        "/api/staff/test-login",
        r#"{"name":"Siri Saksbehandler","role":"leder"}"#,
        "bp_staff",
    )?;
    // An order of the customer's, so that the routes of an order (the receipt, the
    // conversation, the customer centre's case) are fuzzed on one that exists.
    let reference = placed_order(port, &customer)?;
    let url = format!("http://127.0.0.1:{port}/api/openapi.json");
    // Anonymous: every protected route must say 401, as described.
    fuzz("anonymous", schemathesis(&url, "", "", &reference, &[]))?;
    // Signed in as both; logging out would end the sessions half-way (the anonymous run
    // covers those two routes).
    fuzz(
        "signed in as a customer and a staff member",
        schemathesis(
            &url,
            &customer,
            &staff,
            &reference,
            &["--exclude-path-regex", "logout"],
        ),
    )?;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// Runs one schemathesis pass, named, without echoing the command: its environment holds
/// the sessions' cookies.
fn fuzz(what: &str, mut command: Command) -> TaskResult {
    println!("xtask: schemathesis, {what}");
    let status = command.status().map_err(|e| format!("schemathesis: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("schemathesis, {what}: failed ({status})"))
    }
}

fn schemathesis(url: &str, session: &str, staff: &str, reference: &str, extra: &[&str]) -> Command {
    let config = root().join("server/tests/schemathesis.toml");
    let mut command = Command::new("python3");
    command
        .args(["-m", "schemathesis.cli", "--config-file"])
        .arg(config)
        .args(["run", url, "--checks", "all", "--no-color"])
        .args(extra)
        .env("BP_SESSION", session)
        .env("BP_STAFF", staff)
        .env("BP_REFERENCE", reference);
    command
}

/// Places the bench's DigiHelse order as the customer whose session is `session`; its
/// reference.
fn placed_order(port: u16, session: &str) -> Result<String, String> {
    let cookie = format!("Cookie: bp_session={session}\r\n");
    let response = http_on(port, "POST", "/api/orders", &cookie, crate::bench::ORDER)?;
    response
        .split("\"reference\":\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .filter(|_| response.starts_with("HTTP/1.1 201"))
        .map(str::to_owned)
        .ok_or_else(|| format!("the seed order was not placed: {response}"))
}

/// The value of the cookie `name` that a test login at `path` sets.
fn cookie(port: u16, path: &str, body: &str, name: &str) -> Result<String, String> {
    cookie_value(&http_on(port, "POST", path, "", body)?, name)
}

pub fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}
