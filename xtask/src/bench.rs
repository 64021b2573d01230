//! `cargo xtask bench`: the figures the README keeps (DEVELOPERS.md "Speed and size").
//!
//! - bundle: wasm, JS glue and CSS, raw / gzip / brotli;
//! - first load of each entry page on a throttled phone in Chromium beside the React
//!   baseline (`first_load.rs`): bytes and requests until idle, LCP, primary action, CLS;
//! - server: requests/s at 16 concurrent clients (wrk) for `GET /api/health` and for
//!   durable order submits, against raw SQLite's `synchronous=FULL` commit rate measured
//!   in the same run; the server's peak memory;
//! - the outbox: how fast the order confirmations of that load drain to an SMTP server
//!   (Postfix's smtp-sink discarding them), against the submit rate;
//! - a fresh server's peak memory under 32 concurrent password resets and 32 concurrent
//!   password logins (issue 13: it once grew to 3.5 GB);
//! - the customer centre's queue with 1,000,000 stored orders (`seed_orders`): the first
//!   page and filtered searches, p50 and p95 of 200 requests each (issue 15).
//!
//! Results are printed and written into README.md between the bench markers.

use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::tools::{ensure_build_tools, ensure_debian_package, ensure_test_tools};
use crate::{TaskResult, bundle, check, cmd, root};

const PORT: u16 = 8095;
/// The SMTP server the bench's confirmations go to.
const SMTP_PORT: u16 = 8097;
/// The fresh server of the password measurement.
const PASSWORD_PORT: u16 = 8096;
/// The server of the queue measurement, on a database of a million orders.
const QUEUE_PORT: u16 = 8098;
const QUEUE_ORDERS: u32 = 1_000_000;
/// The servers of the PostgreSQL figures (`bench_postgres.rs`).
pub const POSTGRES_PORTS: [u16; 2] = [8099, 8100];
pub const SMTP_ENV: [(&str, &str); 2] = [("BP_SMTP_HOST", "127.0.0.1"), ("BP_SMTP_PORT", "8097")];
const START: &str = "<!-- bench:start -->";
const END: &str = "<!-- bench:end -->";

pub fn bench() -> TaskResult {
    ensure_build_tools()?;
    ensure_test_tools()?;
    ensure_debian_package("/usr/bin/wrk", "wrk")?;
    bundle::build()?;
    check(cmd(
        "cargo",
        &["build", "--release", "-p", "server", "--bins"],
    ))?;

    let mut report = String::from("| what | figure |\n|---|---|\n");
    let mut row = |what: &str, figure: String| {
        println!("bench: {what}: {figure}");
        report.push_str(&format!("| {what} | {figure} |\n"));
    };
    let dist = root().join("dist");
    let mut first_load_br = 0;
    for (name, file) in [
        (
            "main wasm (the shell and the entry pages)",
            "pkg/app_bg.wasm",
        ),
        ("JS glue", "pkg/app.js"),
        ("CSS", "app.css"),
        (
            "landing page's document (pre-rendered) + boot.js",
            "pages/index.html",
        ),
    ] {
        let sizes = sizes(&dist, file)?;
        let sizes = if file == "pages/index.html" {
            add(sizes, self::sizes(&dist, "boot.js")?)
        } else {
            sizes
        };
        first_load_br += sizes.2;
        row(
            &format!("{name} raw / gzip / brotli"),
            format!("{} / {} / {}", kb(sizes.0), kb(sizes.1), kb(sizes.2)),
        );
    }
    // The entry pages load none of this until used (their own rows below say what they
    // load); this is what a first use costs before the page's own module.
    row(
        "the app's core when first used, brotli (sum of the files above)",
        kb(first_load_br),
    );
    let (modules, all_wasm) = all_wasm_modules(&dist)?;
    row(
        "the whole app's wasm, every split module, raw / gzip / brotli (target ≤ 308 kB brotli)",
        format!(
            "{} / {} / {} in {modules} files",
            kb(all_wasm.0),
            kb(all_wasm.1),
            kb(all_wasm.2)
        ),
    );

    // Not wasm: the texts of a language other than bokmål, fetched when it is chosen.
    let (nynorsk, english) = (sizes(&dist, "lang/nn.txt")?, sizes(&dist, "lang/en.txt")?);
    row(
        "nynorsk / English texts, fetched when chosen, brotli",
        format!("{} / {}", kb(nynorsk.2), kb(english.2)),
    );

    let tmp = std::env::temp_dir().join(format!("bp-bench-{}", std::process::id()));
    fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    let raw_rate = raw_commit_rate(&tmp)?;
    let mut smtp = start_smtp_sink()?;
    let mut server = start_server(
        &tmp,
        PORT,
        "bench.db",
        &[
            ("BP_SMTP_HOST", "127.0.0.1"),
            ("BP_SMTP_PORT", &SMTP_PORT.to_string()),
        ],
    )?;
    let result = server_figures(&tmp, raw_rate, server.id(), &mut row);
    let _ = server.kill();
    let _ = server.wait();
    let result = result.and_then(|()| crate::bench_postgres::figures(&tmp, &mut row));
    let _ = smtp.kill();
    let _ = smtp.wait();
    result?;
    let mut fresh = start_server(&tmp, PASSWORD_PORT, "password.db", &[])?;
    let result = password_peak(fresh.id(), &mut row);
    let _ = fresh.kill();
    let _ = fresh.wait();
    result?;
    queue_figures(&tmp, &mut row)?;
    let _ = fs::remove_dir_all(&tmp);

    let readme_path = root().join("README.md");
    let readme = fs::read_to_string(&readme_path).map_err(|e| e.to_string())?;
    if let (Some(a), Some(b)) = (readme.find(START), readme.find(END)) {
        let machine = format!(
            "Measured by `cargo xtask bench` on {} ({} cores).\n\n",
            today(),
            cores()
        );
        let updated = format!("{}{START}\n{machine}{report}{}", &readme[..a], &readme[b..]);
        fs::write(&readme_path, updated).map_err(|e| e.to_string())?;
        println!("bench: README.md updated");
    }
    Ok(())
}

/// `cargo xtask bench --postgres`: the PostgreSQL figures alone, printed (the README is
/// left as it is).
pub fn postgres_only() -> TaskResult {
    ensure_debian_package("/usr/bin/wrk", "wrk")?;
    check(cmd(
        "cargo",
        &["build", "--release", "-p", "server", "--bins"],
    ))?;
    let tmp = std::env::temp_dir().join(format!("bp-bench-{}", std::process::id()));
    fs::create_dir_all(&tmp).map_err(|e| e.to_string())?;
    let mut smtp = start_smtp_sink()?;
    let result = crate::bench_postgres::figures(&tmp, &mut |what, figure| {
        println!("bench: {what}: {figure}")
    });
    let _ = smtp.kill();
    let _ = smtp.wait();
    let _ = fs::remove_dir_all(&tmp);
    result
}

fn server_figures(
    tmp: &Path,
    raw_rate: f64,
    pid: u32,
    row: &mut impl FnMut(&str, String),
) -> TaskResult {
    crate::first_load::figures(tmp, PORT, row)?;

    let cookie = login()?;
    let health = wrk(&[&format!("http://127.0.0.1:{PORT}/api/health")], None)?;
    let script = tmp.join("order.lua");
    fs::write(&script, order_script(&cookie)).map_err(|e| e.to_string())?;
    let stored_before = orders_stored(&tmp.join("bench.db"))?;
    let cpu_before = cpu_seconds(pid)?;
    let orders = wrk(
        &[&format!("http://127.0.0.1:{PORT}/api/orders")],
        Some(&script),
    )?;
    let cpu_used = cpu_seconds(pid)? - cpu_before;
    let stored = orders_stored(&tmp.join("bench.db"))? - stored_before;
    let load_ended = Instant::now();
    let load_ended_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| e.to_string())?
        .as_millis();
    let drain = outbox_drain(&tmp.join("bench.db"), load_ended_ms)?;
    row("GET /api/health, 16 clients", format!("{health:.0} req/s"));
    row(
        "raw SQLite commits, WAL + synchronous=FULL, same disk",
        format!("{raw_rate:.0} /s"),
    );
    row(
        "durable order submits (POST /api/orders), 16 clients",
        format!(
            "{orders:.0} /s = {:.2} × raw SQLite commits, {:.2} × health",
            orders / raw_rate,
            orders / health
        ),
    );
    row(
        "server CPU time per stored order: user + system during the submit load, its outbox sends included (target ≤ 100 µs)",
        format!(
            "{:.0} µs ({stored} orders, {cpu_used:.2} s CPU)",
            cpu_used / stored.max(1) as f64 * 1e6
        ),
    );
    row(
        "outbox: the load's confirmations to SMTP (Postfix smtp-sink), 16 at a time, during and after the load",
        format!(
            "{} in all, {:.0} /s = {:.2} × the submit rate; backlog gone {:.1} s after the load",
            drain.sent,
            drain.rate,
            drain.rate / orders,
            load_ended.elapsed().as_secs_f64()
        ),
    );
    row(
        "outbox: its backlog alone, once the submits stopped (target ≥ the submit rate)",
        if drain.after_load == 0 {
            "none left: the sends kept up with the submits".to_owned()
        } else {
            format!(
                "{} at {:.0} /s = {:.2} × the submit rate",
                drain.after_load,
                drain.after_load_rate,
                drain.after_load_rate / orders
            )
        },
    );
    row(
        "server memory after the load: RSS / peak",
        format!(
            "{} kB / {} kB",
            memory(pid, "VmRSS:"),
            memory(pid, "VmHWM:")
        ),
    );
    Ok(())
}

/// A field of /proc/PID/status, in kB.
fn memory(pid: u32, field: &str) -> String {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("?")
        .to_owned()
}

/// CPU seconds (user + system) the process `pid` has used so far, from `/proc`.
pub fn cpu_seconds(pid: u32) -> Result<f64, String> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).map_err(|e| e.to_string())?;
    // After the command name (which may hold spaces) and the state: utime and stime are
    // the 11th and 12th numbers (fields 14 and 15 of proc(5)), in clock ticks.
    let fields: Vec<u64> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest)
        .unwrap_or_default()
        .split_whitespace()
        .skip(1)
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    let ticks = fields.get(10).zip(fields.get(11)).map(|(u, s)| u + s);
    let per_second: f64 = output({
        let mut c = Command::new("getconf");
        c.arg("CLK_TCK");
        c
    })?
    .trim()
    .parse()
    .map_err(|e| format!("getconf CLK_TCK: {e}"))?;
    ticks
        .map(|t| t as f64 / per_second)
        .ok_or_else(|| format!("/proc/{pid}/stat: {stat}"))
}

/// How many orders the database at `db` holds.
fn orders_stored(db: &Path) -> Result<u64, String> {
    let mut command = Command::new("python3");
    command
        .args([
            "-c",
            "import sqlite3, sys\nprint(sqlite3.connect(sys.argv[1], timeout=30).execute('SELECT count(*) FROM orders').fetchone()[0])",
        ])
        .arg(db);
    output(command)?
        .trim()
        .parse()
        .map_err(|e| format!("counting orders: {e}"))
}

/// An SMTP server that takes every message and keeps none: Postfix's `smtp-sink`, the
/// MTA's own load-test server, as the local relay a deployment sends through would take
/// them (aiosmtpd, the tests' server, is Python and tops out near 800 messages/s here).
fn start_smtp_sink() -> Result<Child, String> {
    let postfix = crate::tools::unpacked_debian_package("postfix", "usr/sbin/smtp-sink")?;
    let mut command = Command::new(postfix.join("usr/sbin/smtp-sink"));
    command.env("LD_LIBRARY_PATH", postfix.join("usr/lib/postfix"));
    // Run as root, it wants a user to drop to.
    if crate::tools::is_root() {
        command.args(["-u", "nobody"]);
    }
    let child = command
        .args([&format!("127.0.0.1:{SMTP_PORT}"), "256"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("smtp-sink: {e}"))?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", SMTP_PORT)).is_err() {
        if Instant::now() > deadline {
            return Err("smtp-sink did not start".into());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(child)
}

/// What the outbox sent of the load's confirmations: all of them, and the backlog it
/// still had when the submits stopped (sent with the machine to itself).
struct Drain {
    sent: u64,
    rate: f64,
    after_load: u64,
    after_load_rate: f64,
}

/// Waits (at most three minutes) until the outbox has sent everything, then reads how many
/// went by SMTP and at what rate between the first and the last, overall and after
/// `load_ended_ms` (Python's sqlite3 reads the bench database; the bench needs no SQLite
/// crate).
fn outbox_drain(db: &Path, load_ended_ms: u128) -> Result<Drain, String> {
    let script = "import sqlite3, sys\n\
        c = sqlite3.connect(sys.argv[1], timeout=30)\n\
        e = int(sys.argv[2])\n\
        print(*c.execute(\"SELECT (SELECT count(*) FROM notifications WHERE sent_at_ms IS NULL AND channel = 'email'), count(*), min(sent_at_ms), max(sent_at_ms), count(*) FILTER (WHERE sent_at_ms > ?) FROM notifications WHERE delivered_via = 'smtp'\", (e,)).fetchone())";
    let deadline = Instant::now() + Duration::from_secs(180);
    loop {
        let mut command = Command::new("python3");
        command
            .args(["-c", script])
            .arg(db)
            .arg(load_ended_ms.to_string());
        let out = output(command)?;
        let numbers: Vec<f64> = out
            .split_whitespace()
            .filter_map(|n| n.parse().ok())
            .collect();
        if let [0.0, sent, first, last, after] = numbers[..] {
            let seconds = |from: f64| ((last - from) / 1000.0).max(0.001);
            return Ok(Drain {
                sent: sent as u64,
                rate: sent / seconds(first),
                after_load: after as u64,
                after_load_rate: after / seconds(load_ended_ms as f64),
            });
        }
        if Instant::now() > deadline {
            return Err(format!("the outbox did not drain in 3 minutes: {out}"));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Peak memory of a fresh server while 32 password resets (made-up tokens) and 32
/// password logins (unknown users: argon2 runs as for a known one) arrive at once.
fn password_peak(pid: u32, row: &mut impl FnMut(&str, String)) -> TaskResult {
    let before = memory(pid, "VmHWM:");
    let requests: Vec<_> = (0..64)
        .map(|i| {
            std::thread::spawn(move || {
                let (path, body) = if i % 2 == 0 {
                    (
                        "/api/auth/reset",
                        format!(r#"{{"token":"{i:064}","password":"et helt nytt passord"}}"#),
                    )
                } else {
                    (
                        "/api/auth/password",
                        format!(r#"{{"username":"ukjent{i}","password":"feil passord","remember":false}}"#),
                    )
                };
                http_on(PASSWORD_PORT, "POST", path, "", &body)
            })
        })
        .collect();
    for request in requests {
        request
            .join()
            .map_err(|_| "a password request panicked")??;
    }
    row(
        "fresh server's peak RSS under 32 concurrent password resets + 32 password logins (target ≤ 100 MB)",
        format!("{} kB (idle: {before} kB)", memory(pid, "VmHWM:")),
    );
    Ok(())
}

/// The queue's response times with a million orders: what a case handler does most.
fn queue_figures(tmp: &Path, row: &mut impl FnMut(&str, String)) -> TaskResult {
    let seeded = Instant::now();
    let mut seed = Command::new(root().join("target/release/seed_orders"));
    seed.arg(tmp.join("queue.db")).arg(QUEUE_ORDERS.to_string());
    let found = output(seed)?;
    let (reference, name) = found
        .trim()
        .split_once(' ')
        .ok_or(format!("seed_orders said {found}"))?;
    println!(
        "bench: {QUEUE_ORDERS} orders stored in {:.0} s",
        seeded.elapsed().as_secs_f64()
    );
    let mut server = start_server(tmp, QUEUE_PORT, "queue.db", &[])?;
    let result = (|| {
        // The seeded open cases are spread over 20 handlers; this login is the first.
        let body = r#"{"name":"Saksbehandler 0","role":"saksbehandler"}"#;
        let cookie = cookie_of(&http_on(
            QUEUE_PORT,
            "POST",
            "/api/staff/test-login",
            "",
            body,
        )?)?;
        let name = name.replace(' ', "%20");
        let queries = [
            ("the first page, newest first", String::new()),
            (
                "open DDFL cases (status and service)",
                "status=mottatt&service=ddfl".to_owned(),
            ),
            (
                "a reference number",
                format!("q={}", reference.to_lowercase()),
            ),
            (
                &*format!("part of a name (\"{}\")", name.replace("%20", " ")),
                format!("q={name}"),
            ),
            (
                "an organisation number, oldest first",
                "q=900000007&order=oldest".to_owned(),
            ),
            (
                "my cases past the answer time",
                "assigned=me&overdue=true".to_owned(),
            ),
            ("a name that matches nothing", "q=finnes%20ikke".to_owned()),
        ]
        .map(|(what, query)| (what.to_owned(), query));
        for (what, query) in queries {
            let path = format!("/api/staff/orders?{query}");
            let headers = format!("Cookie: {cookie}\r\n");
            let mut times = Vec::with_capacity(200);
            for _ in 0..200 {
                let started = Instant::now();
                let response = http_on(QUEUE_PORT, "GET", &path, &headers, "")?;
                times.push(started.elapsed().as_secs_f64() * 1000.0);
                if !response.starts_with("HTTP/1.1 200") {
                    return Err(format!("{path}: {}", response.lines().next().unwrap_or("")));
                }
            }
            times.sort_by(f64::total_cmp);
            row(
                &format!("queue with 1,000,000 orders: {what}, p50 / p95 (target p95 ≤ 50 ms)"),
                format!("{:.1} ms / {:.1} ms", times[99], times[189]),
            );
        }
        Ok(())
    })();
    let _ = server.kill();
    let _ = server.wait();
    result
}

fn sizes(dist: &Path, file: &str) -> Result<(u64, u64, u64), String> {
    let len = |p: String| {
        fs::metadata(&p)
            .map(|m| m.len())
            .map_err(|e| format!("{p}: {e}"))
    };
    let base = dist.join(file).display().to_string();
    Ok((
        len(base.clone())?,
        len(format!("{base}.gz"))?,
        len(format!("{base}.br"))?,
    ))
}

/// The wasm modules the split build made (`pkg/*.wasm`): how many, and their sizes summed.
fn all_wasm_modules(dist: &Path) -> Result<(usize, (u64, u64, u64)), String> {
    let mut total = (0, 0, 0);
    let mut count = 0;
    for entry in fs::read_dir(dist.join("pkg")).map_err(|e| e.to_string())? {
        let name = entry.map_err(|e| e.to_string())?.file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".wasm") {
            total = add(total, sizes(dist, &format!("pkg/{name}"))?);
            count += 1;
        }
    }
    Ok((count, total))
}

fn add(a: (u64, u64, u64), b: (u64, u64, u64)) -> (u64, u64, u64) {
    (a.0 + b.0, a.1 + b.1, a.2 + b.2)
}

pub fn kb(bytes: u64) -> String {
    format!("{:.1} kB", bytes as f64 / 1000.0)
}

pub fn output(mut command: Command) -> Result<String, String> {
    let shown = format!("{command:?}");
    let out = command
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("{shown}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{shown} failed"));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn raw_commit_rate(tmp: &Path) -> Result<f64, String> {
    commit_rate(&tmp.join("raw.db").display().to_string())
}

/// Single-row commits per second on `target` (a SQLite file or a PostgreSQL URL).
pub fn commit_rate(db: &str) -> Result<f64, String> {
    let bin = root().join("target/release/commit_rate");
    let mut command = Command::new(bin);
    command.args([db, "5"]);
    let out = output(command)?;
    out.trim()
        .parse()
        .map_err(|_| format!("commit_rate said {out}"))
}

/// The release server on `port` with database `db` in `tmp`, and the `env` given.
fn start_server(tmp: &Path, port: u16, db: &str, env: &[(&str, &str)]) -> Result<Child, String> {
    let dist = root().join("dist").display().to_string();
    let mut all = vec![("BP_DIST", dist.as_str())];
    all.extend(env);
    launch(tmp, port, db, &all)
}

/// The release server serving another bundle (the React baseline).
pub fn start_server_with_dist(
    tmp: &Path,
    port: u16,
    db: &str,
    dist: &Path,
) -> Result<Child, String> {
    launch(tmp, port, db, &[("BP_DIST", &dist.display().to_string())])
}

fn launch(tmp: &Path, port: u16, db: &str, env: &[(&str, &str)]) -> Result<Child, String> {
    launch_on(&format!("sqlite://{}/{db}", tmp.display()), port, env)
}

/// The release server on `port` with the database at `url`.
pub fn launch_on(url: &str, port: u16, env: &[(&str, &str)]) -> Result<Child, String> {
    let child = Command::new(root().join("target/release/server"))
        .env("BP_LISTEN", format!("127.0.0.1:{port}"))
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .envs(env.iter().copied())
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    wait_until_up(port)?;
    Ok(child)
}

/// Waits until the server on `port` answers its health check (at most 30 s).
pub fn wait_until_up(port: u16) -> Result<(), String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if http_on(port, "GET", "/api/health", "", "").is_ok_and(|r| r.starts_with("HTTP/1.1 200"))
        {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Err(format!("the server on port {port} did not start"))
}

/// A minimal HTTP/1.1 exchange with the server on `port` (the bench needs no HTTP client).
pub fn http_on(
    port: u16,
    method: &str,
    path: &str,
    headers: &str,
    body: &str,
) -> Result<String, String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{headers}\r\n{body}",
        body.len()
    );
    s.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
    let mut response = String::new();
    s.read_to_string(&mut response).map_err(|e| e.to_string())?;
    Ok(response)
}

fn login() -> Result<String, String> {
    login_on(PORT)
}

/// Kari's session cookie from the test login on the server at `port`.
pub fn login_on(port: u16) -> Result<String, String> {
    // The daglig leder of NHN in the bundled extract: she may accept its terms.
    let body = r#"{"eid":"bankid","fodselsnummer":"08908834756","name":"Kari Testperson"}"#;
    cookie_of(&http_on(port, "POST", "/api/auth/test-login", "", body)?)
}

/// The session cookie a login response sets, as `name=value`.
fn cookie_of(response: &str) -> Result<String, String> {
    response
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned)
        .ok_or_else(|| format!("no session cookie: {response}"))
}

/// The value of the cookie `name` that a response sets.
pub fn cookie_value(response: &str, name: &str) -> Result<String, String> {
    let cookie = response
        .lines()
        .filter_map(|l| l.strip_prefix("set-cookie: "))
        .find_map(|c| c.strip_prefix(&format!("{name}=")))
        .ok_or_else(|| format!("no {name} cookie: {response}"))?;
    Ok(cookie.split(';').next().unwrap_or(cookie).to_owned())
}

pub const ORDER: &str = r#"{"service":"digitaleinnbyggertjenester","orgnr":"994598759","accepted_documents":["avtale-digihelse"],"answers":{"tjenestetype":["digihelse"],"kommune_navn":"Ørland kommune","her_id_virksomhet":"8765432","her_id_parter":["8765433","8765434"],"kontakt_navn":"Kari Nordmann","kontakt_epost":"kari@orland.kommune.no","kontakt_mobil":"91234567","epj_navn":"CGM","epj_system":"CGM Journal","epj_versjon":"142","ikt_navn":"Driftspartner AS","ikt_orgnr":"994598759","ikt_mobil":"41234567","ikt_epost_statistikk":"stat@drift.no"}}"#;

pub fn order_script(cookie: &str) -> String {
    format!(
        "wrk.method = \"POST\"\nwrk.body = [[{ORDER}]]\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.headers[\"Cookie\"] = \"{cookie}\"\n\
         function response(status) if status ~= 201 then error(\"status \" .. status) end end\n"
    )
}

/// Requests per second from wrk at 16 connections; refuses a run with failed requests.
fn wrk(args: &[&str], script: Option<&Path>) -> Result<f64, String> {
    wrk_result(output(wrk_command(args, script, 16))?)
}

/// wrk at `connections` for 8 seconds.
pub fn wrk_command(args: &[&str], script: Option<&Path>, connections: u32) -> Command {
    let mut c = Command::new("wrk");
    c.args(["-t2", &format!("-c{connections}"), "-d8s"]);
    if let Some(s) = script {
        c.arg("-s").arg(s);
    }
    c.args(args);
    c
}

/// The rate a wrk run reports; an error for a run with failed requests.
pub fn wrk_result(out: String) -> Result<f64, String> {
    if out.contains("Non-2xx") || out.contains("errors:") && out.contains("timeout") {
        return Err(format!("wrk saw failed requests:\n{out}"));
    }
    out.lines()
        .find_map(|l| l.strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| format!("wrk said {out}"))
}

pub fn json_number(json: &str, key: &str) -> Option<f64> {
    let at = json.find(&format!("\"{key}\":"))? + key.len() + 3;
    json[at..].split([',', '}']).next()?.trim().parse().ok()
}

fn today() -> String {
    let out = Command::new("date").arg("+%Y-%m-%d").output().ok();
    out.map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default()
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

#[cfg(test)]
mod cpu_tests {
    use super::cpu_seconds;

    #[test]
    fn cpu_seconds_grow_with_work() {
        let before = cpu_seconds(std::process::id()).unwrap();
        let started = std::time::Instant::now();
        let mut x = 0u64;
        while started.elapsed() < std::time::Duration::from_millis(300) {
            x = std::hint::black_box(x.wrapping_mul(6364136223846793005).wrapping_add(1));
        }
        let used = cpu_seconds(std::process::id()).unwrap() - before;
        assert!((0.2..5.0).contains(&used), "{used} s for 0.3 s of work");
    }
}
