//! The database: SQLite in WAL mode with `synchronous=FULL`, so an order acknowledged
//! to the user survives a crash or power cut. Migrations run at start-up.

pub mod accounts;
pub mod attachments;
pub mod cases;
pub mod drafts;
pub mod login_failures;
pub mod logins;
pub mod orders;
pub mod password_resets;
pub mod pending_logins;
pub mod persontjenesten;
pub mod servicebus;
pub mod sessions;
pub mod signings;
pub mod writer;

/// Whose records a listing covers: an organisation's (Dokumentoversikt), or one order's
/// (the customer centre's case page).
#[derive(Clone, Copy, Debug)]
pub enum Of<'a> {
    Organisation(&'a str),
    Order(&'a str),
}

impl Of<'_> {
    /// The condition on a table aliased `o` that has `orgnr` and `reference` (orders, signed
    /// packages), with one parameter.
    fn condition(self) -> &'static str {
        match self {
            Of::Organisation(_) => "o.orgnr = ?",
            Of::Order(_) => "o.reference = ?",
        }
    }

    fn value(self) -> String {
        match self {
            Of::Organisation(v) | Of::Order(v) => v.to_owned(),
        }
    }
}

use std::str::FromStr;
use std::time::Duration;

use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};

/// A transaction that reads before it writes. It takes SQLite's write lock at `BEGIN`:
/// a deferred one that read first cannot upgrade its lock once another connection has
/// committed meanwhile, and SQLite refuses it at once (SQLITE_BUSY, which the busy timeout
/// does not wait out) — a 500 whenever the outbox marked a mail sent at the same moment.
pub async fn begin_write(
    db: &SqlitePool,
) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error> {
    db.begin_with("BEGIN IMMEDIATE").await
}

/// Opens (creating if missing) the database at `url` and brings its schema up to date.
pub async fn connect(url: &str) -> Result<SqlitePool, sqlx::Error> {
    if let Some(path) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        let path = path.split('?').next().unwrap_or(path);
        if let Some(dir) = std::path::Path::new(path)
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir).map_err(|e| sqlx::Error::Configuration(e.into()))?;
        }
    }
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10));
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await?;
    MIGRATIONS.run(&pool).await?;
    Ok(pool)
}

/// The schema's migrations, built in; `/readyz` checks that each one is applied.
pub static MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Whether the database answers and every migration this build knows is applied (a
/// replica of an older build may run against a newer schema, not the other way round).
pub async fn ready(db: &SqlitePool) -> Result<bool, sqlx::Error> {
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
            .fetch_all(db)
            .await?;
    Ok(MIGRATIONS
        .iter()
        .all(|m| m.migration_type.is_down_migration() || applied.contains(&m.version)))
}
