//! `cargo xtask <task>`: the project's own task runner (as in rust-analyzer).
//!
//! - `run`: installs what is missing, builds the bundle and the server, starts the
//!   portal on SQLite with demo data and the test identity provider.
//! - `test`: installs what is missing, runs every test: unit, API, lints, and the
//!   Playwright end-to-end suite in Chromium with axe-core.
//! - `bench`: bundle sizes, load time, server throughput and memory (`bench.rs`).
//! - `dist`: builds the SPA bundle into `dist/` only.

mod bench;
mod bench_postgres;
mod bundle;
mod catalog;
mod contract;
mod first_load;
mod postgres;
mod split;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// What a task returns: `Err` carries the message printed before exiting non-zero.
pub type TaskResult = Result<(), String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(&args[1..]),
        Some("test") => test(&args[1..]),
        Some("bench") if args.get(1).is_some_and(|a| a == "--postgres") => bench::postgres_only(),
        Some("bench") => bench::bench(),
        Some("dist") => tools::ensure_build_tools().and_then(|_| bundle::build()),
        Some("contract") => contract::run(),
        _ => {
            eprintln!(
                "usage: cargo xtask <run [--idporten] [--postgres] | test [--e2e-only] [-- playwright args] | bench [--postgres] | dist | contract>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Runs a command in the workspace root, failing with its name if it fails.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root());
    c
}

pub fn check(mut command: Command) -> TaskResult {
    let shown = format!("{command:?}");
    println!("xtask: $ {shown}");
    let status = command.status().map_err(|e| format!("{shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

fn run(args: &[String]) -> TaskResult {
    tools::ensure_build_tools()?;
    bundle::build()?;
    check(cmd("cargo", &["build", "--release", "-p", "server"]))?;
    let server = root().join("target/release/server");
    let mut command = Command::new(server);
    command
        .current_dir(root())
        .env("BP_DIST", root().join("dist"));
    // --postgres: on a PostgreSQL cluster of its own, gone when the task ends.
    let _cluster = if args.iter().any(|a| a == "--postgres") {
        let cluster = postgres::Cluster::start(postgres::Durability::Durable)?;
        command.env(
            "DATABASE_URL",
            cluster.create_database("bestillingsportal")?,
        );
        Some(cluster)
    } else {
        if std::env::var_os("DATABASE_URL").is_none() {
            command.env("DATABASE_URL", "sqlite://data/bestillingsportal.db");
        }
        None
    };
    // --idporten: log in through a real OpenID provider set up like ID-porten.
    let _provider = if args.iter().any(|a| a == "--idporten") {
        let listen = std::env::var("BP_LISTEN").unwrap_or_else(|_| "127.0.0.1:8080".into());
        let provider = ChildGuard(
            cmd(
                "node",
                &[
                    "end2end/oidc/provider.mjs",
                    "8092",
                    &format!("http://{listen}/api/auth/callback"),
                ],
            )
            .spawn()
            .map_err(|e| format!("node end2end/oidc/provider.mjs: {e}"))?,
        );
        command
            .env("BP_OIDC_ISSUER", "http://127.0.0.1:8092")
            .env("BP_OIDC_CLIENT_SECRET", "test-secret-not-for-production");
        println!(
            "xtask: starting the portal with the test ID-porten at http://127.0.0.1:8092 (Ctrl+C stops both)"
        );
        Some(provider)
    } else {
        println!(
            "xtask: starting the portal (Ctrl+C stops it); the test login is at /testinnlogging"
        );
        None
    };
    check(command)
}

/// Stops a helper process when the task ends.
struct ChildGuard(std::process::Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Cargo arguments that add the test-only fixture service.
const FIXTURE_FEATURE: &[&str] = &["--features", "common/fixture-service"];

fn test(args: &[String]) -> TaskResult {
    let e2e_only = args.iter().any(|a| a == "--e2e-only");
    // Whatever follows `--` goes to Playwright: `-- kundesenter.spec.ts --project desktop`.
    let playwright_args: Vec<&str> = args
        .iter()
        .skip_while(|a| *a != "--")
        .skip(1)
        .map(String::as_str)
        .collect();
    tools::ensure_build_tools()?;
    tools::ensure_test_tools()?;
    if !e2e_only {
        check(cmd("cargo", &["fmt", "--all", "--check"]))?;
        check(cmd(
            "cargo",
            &[
                "clippy",
                "-p",
                "common",
                "-p",
                "server",
                "-p",
                "xtask",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ))?;
        check(cmd(
            "cargo",
            &[
                "clippy",
                "-p",
                "app",
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ],
        ))?;
        // The same app built natively to pre-render the entry pages (`prerender.rs`).
        check(cmd(
            "cargo",
            &[
                "clippy",
                "-p",
                "app",
                "--no-default-features",
                "--features",
                "ssr",
                "--",
                "-D",
                "warnings",
            ],
        ))?;
        check(cmd(
            "cargo",
            &["test", "-p", "common", "-p", "server", "-p", "xtask"],
        ))?;
        api_suite_on_postgres()?;
        contract::run()?;
    }
    // The end-to-end suite runs with a service that exists only as a test fixture spec
    // (`common/src/services/fixture.rs`), in the SPA and the server alike.
    bundle::build_with(FIXTURE_FEATURE)?;
    let mut server = vec!["build", "-p", "server"];
    server.extend(FIXTURE_FEATURE);
    check(cmd("cargo", &server))?;
    let mut playwright = tools::npx(&[
        "playwright",
        "test",
        "--config",
        "end2end/playwright.config.ts",
    ]);
    playwright.args(&playwright_args);
    // DEBUG=pw:webserver puts every server's and the provider's output into the log below.
    playwright
        .env("BP_SERVER_BIN", root().join("target/debug/server"))
        .env("DEBUG", "pw:webserver");
    let log = run_logged(playwright)?;
    check_no_personal_data(&log)
}

/// The API suite once more, each test on a database of its own in a throwaway PostgreSQL
/// cluster (`helpers::database_url`), and the schema comparison that needs both; then the
/// database layer's and the outbox's unit tests (`db::`, `outbox::`: the order writer,
/// whose batches take a path of their own on PostgreSQL, the held connections, the
/// claim's plan; those that need SQLite stay on it).
fn api_suite_on_postgres() -> TaskResult {
    let cluster = postgres::Cluster::start(postgres::Durability::Fast)?;
    for args in [
        &["test", "-p", "server", "--test", "api"][..],
        &["test", "-p", "server", "--lib", "--", "db::", "outbox::"],
    ] {
        let mut tests = cmd("cargo", args);
        tests.env("BP_TEST_POSTGRES", cluster.url());
        check(tests)?;
    }
    Ok(())
}

/// Runs `command`, echoing and returning everything it printed; fails if it fails.
fn run_logged(mut command: Command) -> Result<String, String> {
    let shown = format!("{command:?}");
    println!("xtask: $ {shown}");
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .map_err(|e| format!("{shown}: {e}"))?;
    let stderr = child.stderr.take().expect("piped stderr");
    let err_thread = std::thread::spawn(move || tee(stderr, true));
    let mut log = tee(child.stdout.take().expect("piped stdout"), false);
    log.extend(err_thread.join().unwrap_or_default());
    let log = log.join("\n");
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(log)
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Echoes `reader` line by line (to stderr or stdout) and returns the lines.
fn tee(reader: impl std::io::Read, to_stderr: bool) -> Vec<String> {
    use std::io::{BufRead, BufReader};
    let mut lines = Vec::new();
    for line in BufReader::new(reader).lines().map_while(Result::ok) {
        if to_stderr {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
        lines.push(line);
    }
    lines
}

/// The test persons' fødselsnummer, as the end-to-end tests type them.
/// Whether a line holds a fødselsnummer: eleven digits standing alone that pass the
/// number's own checks (date, control digits) — whichever test person typed it.
fn holds_fodselsnummer(line: &str) -> bool {
    // Split at what is not a letter or digit: eleven digits inside a hex request id
    // ("4b30511054288d94") are part of that id, not a number of their own.
    line.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|run| run.len() == 11 && run.bytes().all(|b| b.is_ascii_digit()))
        .any(|run| common::validate::Fodselsnummer::parse(run).is_ok())
}

/// Personal data never in logs: the servers' output of a whole end-to-end run must not
/// hold any fødselsnummer (SPEC; issue 3).
fn check_no_personal_data(log: &str) -> TaskResult {
    let leaks: Vec<&str> = log.lines().filter(|l| holds_fodselsnummer(l)).collect();
    if leaks.is_empty() {
        println!(
            "xtask: no fødselsnummer in {} lines of server and provider output",
            log.lines().count()
        );
        return Ok(());
    }
    Err(format!(
        "a fødselsnummer appeared in the output of the test run:\n{}",
        leaks.join("\n")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fodselsnummer_in_the_log_fails_the_run() {
        assert!(
            check_no_personal_data("[WebServer] INFO order stored reference=BP-3467-3467\n")
                .is_ok()
        );
        let leak = check_no_personal_data("[WebServer] WARN login pid=08908834756\n").unwrap_err();
        assert!(leak.contains("pid=08908834756"));
        // Any valid number, not only a known list; timestamps and references are not numbers.
        assert!(holds_fodselsnummer("x 22069015569 y"));
        assert!(!holds_fodselsnummer("at 1763856000000 ms, id 12345678901"));
        // A random request id whose digits happen to pass the checks (a CI run, 2026-12-06).
        assert!(common::validate::Fodselsnummer::parse("30511054288").is_ok());
        assert!(!holds_fodselsnummer(
            r#"request{id="4b30511054288d94" method=POST}"#
        ));
        assert!(holds_fodselsnummer(r#"fnr="22069015569""#));
    }
}
