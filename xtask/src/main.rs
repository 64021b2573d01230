//! `cargo xtask <task>`: the project's own task runner (as in rust-analyzer).
//!
//! - `run`: installs what is missing, builds the bundle and the server, starts the
//!   portal on SQLite with demo data and the test identity provider.
//! - `test`: installs what is missing, runs every test: unit, API, lints, and the
//!   Playwright end-to-end suite in Chromium with axe-core.
//! - `bench`: bundle sizes, load time, server throughput and memory (`bench.rs`).
//! - `dist`: builds the SPA bundle into `dist/` only.

mod bench;
mod bundle;
mod tools;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// What a task returns: `Err` carries the message printed before exiting non-zero.
pub type TaskResult = Result<(), String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(),
        Some("test") => test(&args[1..]),
        Some("bench") => bench::bench(),
        Some("dist") => tools::ensure_build_tools().and_then(|_| bundle::build()),
        _ => {
            eprintln!("usage: cargo xtask <run | test [--e2e-only] | bench | dist>");
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

fn run() -> TaskResult {
    tools::ensure_build_tools()?;
    bundle::build()?;
    check(cmd("cargo", &["build", "--release", "-p", "server"]))?;
    let server = root().join("target/release/server");
    let mut command = Command::new(server);
    command
        .current_dir(root())
        .env("BP_DIST", root().join("dist"));
    if std::env::var_os("DATABASE_URL").is_none() {
        command.env("DATABASE_URL", "sqlite://data/bestillingsportal.db");
    }
    println!("xtask: starting the portal (Ctrl+C stops it); the test login is at /testinnlogging");
    check(command)
}

fn test(args: &[String]) -> TaskResult {
    let e2e_only = args.iter().any(|a| a == "--e2e-only");
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
        check(cmd(
            "cargo",
            &["test", "-p", "common", "-p", "server", "-p", "xtask"],
        ))?;
    }
    bundle::build()?;
    check(cmd("cargo", &["build", "-p", "server"]))?;
    let mut playwright = tools::npx(&[
        "playwright",
        "test",
        "--config",
        "end2end/playwright.config.ts",
    ]);
    playwright.env("BP_SERVER_BIN", root().join("target/debug/server"));
    check(playwright)
}
