//! The baseline for `cargo xtask bench`: how many single-row transactions per second raw
//! SQLite commits on this disk with WAL and `synchronous=FULL` (one fsync per commit),
//! through the same driver and settings as the server. Prints the rate.

use std::str::FromStr;
use std::time::{Duration, Instant};

use sqlx::ConnectOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: sqlite_commit_rate <file.db> [seconds]")?;
    let seconds: u64 = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let mut conn = SqliteConnectOptions::from_str(&format!("sqlite://{path}"))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .connect()
        .await?;
    sqlx::query("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
        .execute(&mut conn)
        .await?;
    // About the size of a stored order.
    let body = "x".repeat(900);
    let start = Instant::now();
    let mut commits = 0u64;
    while start.elapsed() < Duration::from_secs(seconds) {
        sqlx::query("INSERT INTO t (body) VALUES ($1)")
            .bind(&body)
            .execute(&mut conn)
            .await?;
        commits += 1;
    }
    println!("{:.0}", commits as f64 / start.elapsed().as_secs_f64());
    Ok(())
}
