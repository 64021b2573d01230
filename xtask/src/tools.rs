//! Installs what the build and the tests need, idempotently and quickly when present:
//! the wasm32 target, wasm-bindgen-cli at Cargo.lock's version, npm packages (design
//! system CSS, binaryen's wasm-opt, Playwright, axe-core), Debian's Chromium, poppler and
//! PostgreSQL (`postgres.rs`).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{TaskResult, check, cmd, root};

pub fn ensure_build_tools() -> TaskResult {
    ensure_wasm_target()?;
    ensure_wasm_bindgen()?;
    ensure_npm_packages()
}

pub fn ensure_test_tools() -> TaskResult {
    ensure_debian_package("/usr/bin/chromium", "chromium")?;
    ensure_debian_package("/usr/bin/pdftotext", "poppler-utils")?;
    ensure_python_package("aiosmtpd", "aiosmtpd==1.4.6")
}

/// A PyPI package for the tests (aiosmtpd: the real SMTP server the outbox tests send to).
pub fn ensure_python_package(module: &str, requirement: &str) -> TaskResult {
    if output("python3", &["-c", &format!("import {module}")]).is_some() {
        return Ok(());
    }
    check(cmd(
        "python3",
        &["-m", "pip", "install", "--quiet", requirement],
    ))
}

pub fn is_root() -> bool {
    output("id", &["-u"]).is_some_and(|u| u.trim() == "0")
}

fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn ensure_wasm_target() -> TaskResult {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    check(cmd("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

/// The version of `package` recorded in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{package}\"")
            && let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_owned());
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

/// wasm-bindgen's CLI must match the library exactly, or the glue does not fit the wasm.
fn ensure_wasm_bindgen() -> TaskResult {
    let version = locked_version("wasm-bindgen")?;
    let installed = output("wasm-bindgen", &["--version"]).unwrap_or_default();
    if installed.split_whitespace().nth(1) == Some(version.as_str()) {
        return Ok(());
    }
    // Not --locked: one of its locked dependencies is no longer on the registry (TOOLCHAIN.md).
    check(cmd(
        "cargo",
        &["install", "wasm-bindgen-cli", "--version", &version],
    ))
}

fn ensure_npm_packages() -> TaskResult {
    let root = root();
    let stamp = root.join("node_modules/.package-lock.json");
    let fresh = modified(&stamp)
        .zip(modified(&root.join("package-lock.json")))
        .is_some_and(|(installed, wanted)| installed >= wanted);
    if fresh {
        return Ok(());
    }
    check(cmd("npm", &["ci", "--no-audit", "--no-fund"]))
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// A Debian package unpacked under `target/tools/<package>` (downloaded, not installed:
/// no maintainer scripts, no daemon, nothing changed on the machine); its root.
pub fn unpacked_debian_package(package: &str, binary: &str) -> Result<PathBuf, String> {
    let dir = root().join("target/tools").join(package);
    let unpacked = dir.join("root");
    if unpacked.join(binary).exists() {
        return Ok(unpacked);
    }
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let download = || {
        let mut download = cmd("apt-get", &["download", package]);
        download.current_dir(&dir);
        check(download)
    };
    if download().is_err() {
        check(cmd("apt-get", &["update"]))?;
        download()?;
    }
    let deb = std::fs::read_dir(&dir)
        .map_err(|e| e.to_string())?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "deb"))
        .ok_or(format!("apt-get download {package} left no .deb"))?;
    let mut extract = cmd("dpkg-deb", &["-x"]);
    extract.arg(&deb).arg(&unpacked);
    check(extract)?;
    Ok(unpacked)
}

/// Debian packages (Chromium: Playwright's own browser download cannot work here).
pub fn ensure_debian_package(binary: &str, package: &str) -> TaskResult {
    if Path::new(binary).exists() {
        return Ok(());
    }
    install_debian_package(package)
}

pub fn install_debian_package(package: &str) -> TaskResult {
    let sudo: &[&str] = if is_root() { &[] } else { &["sudo"] };
    let run = |args: &[&str]| {
        let all: Vec<&str> = sudo.iter().chain(args).copied().collect();
        let mut c = cmd(all[0], &all[1..]);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        check(c)
    };
    if run(&[
        "apt-get",
        "install",
        "-y",
        "--no-install-recommends",
        package,
    ])
    .is_err()
    {
        run(&["apt-get", "update"])?;
        run(&[
            "apt-get",
            "install",
            "-y",
            "--no-install-recommends",
            package,
        ])?;
    }
    Ok(())
}

/// A tool from `node_modules/.bin`, with that directory first on PATH (wasm-opt from npm
/// binaryen must win over any older system copy).
pub fn npx(args: &[&str]) -> Command {
    let bin = root().join("node_modules/.bin");
    let path = std::env::var("PATH").unwrap_or_default();
    let mut c = Command::new(bin.join(args[0]));
    c.args(&args[1..])
        .current_dir(root())
        .env("PATH", format!("{}:{path}", bin.display()));
    c
}
