//! `cargo xtask bench`, on PostgreSQL: a durable throwaway cluster (`postgres.rs`, fsync
//! on) on the same disk; its raw single-row commit rate, then the server's durable order
//! submits at 16 clients against it (the same ratio as SQLite's), the server's CPU per
//! stored order, and two replicas on the one database taking 8 clients each.

use std::path::Path;
use std::process::Child;

use crate::TaskResult;
use crate::bench::{
    POSTGRES_PORTS, SMTP_ENV, commit_rate, cpu_seconds, launch_on, login_on, order_script, output,
    wrk_command, wrk_result,
};
use crate::postgres::{Cluster, Durability};

pub fn figures(tmp: &Path, row: &mut impl FnMut(&str, String)) -> TaskResult {
    let cluster = Cluster::start(Durability::Durable)?;
    let raw = commit_rate(&cluster.create_database("raw")?)?;
    row(
        "raw PostgreSQL commits, one row per transaction, fsync on, same disk",
        format!("{raw:.0} /s"),
    );
    let url = cluster.create_database("bench")?;
    let stored = || -> Result<u64, String> {
        cluster
            .scalar("bench", "SELECT count(*) FROM orders")?
            .parse()
            .map_err(|e| format!("counting orders: {e}"))
    };

    let [a_port, b_port] = POSTGRES_PORTS;
    let a = Replica(launch_on(&url, a_port, &SMTP_ENV)?);
    let script = tmp.join("order-postgres.lua");
    std::fs::write(&script, order_script(&login_on(a_port)?)).map_err(|e| e.to_string())?;
    let orders_url = |port: u16| format!("http://127.0.0.1:{port}/api/orders");
    let before = stored()?;
    let cpu_before = cpu_seconds(a.0.id())?;
    let one = wrk_result(output(wrk_command(
        &[&orders_url(a_port)],
        Some(&script),
        16,
    ))?)?;
    let cpu = cpu_seconds(a.0.id())? - cpu_before;
    let count = stored()? - before;
    row(
        "durable order submits on PostgreSQL (POST /api/orders), 16 clients",
        format!("{one:.0} /s = {:.2} × raw PostgreSQL commits", one / raw),
    );
    row(
        "server CPU time per stored order on PostgreSQL (the server's, not the database's)",
        format!(
            "{:.0} µs ({count} orders, {cpu:.2} s CPU)",
            cpu / count.max(1) as f64 * 1e6
        ),
    );

    // The session made on A is honoured by B: one script for both.
    let _b = Replica(launch_on(&url, b_port, &SMTP_ENV)?); // runs until the end
    let mut runs = Vec::new();
    for port in [a_port, b_port] {
        let mut command = wrk_command(&[&orders_url(port)], Some(&script), 8);
        command.stdout(std::process::Stdio::piped());
        runs.push(command.spawn().map_err(|e| format!("wrk: {e}"))?);
    }
    let mut both = 0.0;
    for run in runs {
        let out = run.wait_with_output().map_err(|e| e.to_string())?;
        both += wrk_result(String::from_utf8_lossy(&out.stdout).into_owned())?;
    }
    row(
        "two replicas on one PostgreSQL, 8 clients each, durable order submits",
        format!("{both:.0} /s = {:.2} × one replica", both / one),
    );
    Ok(())
}

/// A server process, stopped when dropped.
struct Replica(Child);

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
