//! The database: SQLite in WAL mode with `synchronous=FULL`, so an order acknowledged
//! to the user survives a crash or power cut. Migrations run at start-up.

pub mod accounts;
pub mod attachments;
pub mod cases;
pub mod drafts;
pub mod held;
pub mod login_failures;
pub mod logins;
pub mod orders;
pub mod password_resets;
pub mod pending_logins;
pub mod persontjenesten;
pub mod script;
pub mod servicebus;
pub mod session_reads;
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
            Of::Organisation(_) => "o.orgnr = $1",
            Of::Order(_) => "o.reference = $1",
        }
    }

    fn value(self) -> String {
        match self {
            Of::Organisation(v) | Of::Order(v) => v.to_owned(),
        }
    }
}

use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::{AnyConnection, Executor};

/// The database, SQLite or PostgreSQL (`DATABASE_URL` decides), behind sqlx's `Any`
/// driver: one set of queries, in the SQL both understand (`$1` placeholders,
/// `ON CONFLICT`, `RETURNING`); where they differ, `Backend` says which one this is.
pub type Db = sqlx::AnyPool;

/// A transaction on `Db`.
pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// Which database a `Db` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The database a URL names: `postgres://` or `postgresql://`, else SQLite.
    pub fn of_url(url: &str) -> Self {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }

    pub fn of(db: &Db) -> Self {
        Backend::of_url(db.connect_options().database_url.as_str())
    }

    pub fn of_connection(conn: &AnyConnection) -> Self {
        if conn.backend_name() == "PostgreSQL" {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }

    /// `BEGIN` for a transaction that reads before it writes. SQLite: take the write lock
    /// at once (`IMMEDIATE`) — a deferred one that read first cannot upgrade its lock once
    /// another connection has committed meanwhile, and SQLite refuses it at once
    /// (SQLITE_BUSY, which the busy timeout does not wait out). PostgreSQL locks rows as
    /// they are written and needs nothing more.
    pub fn begin_write(self) -> &'static str {
        match self {
            Backend::Sqlite => "BEGIN IMMEDIATE",
            Backend::Postgres => "BEGIN",
        }
    }
}

/// A transaction that reads before it writes (see `Backend::begin_write`).
pub async fn begin_write(db: &Db) -> Result<Tx, sqlx::Error> {
    db.begin_with(Backend::of(db).begin_write()).await
}

/// Opens the database at `url` without touching its schema (tests look into it this way).
pub async fn open(url: &str) -> Result<Db, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let backend = Backend::of_url(url);
    let url = match backend {
        Backend::Sqlite => sqlite_url(url)?,
        Backend::Postgres => url.to_owned(),
    };
    AnyPoolOptions::new()
        .max_connections(8)
        // A connection to a file does not go stale the way one over the network can, and
        // on SQLite the test is one more hop to the connection's thread per query: measured
        // ~15% of the CPU of a request that reads its session (GET /api/me).
        .test_before_acquire(backend == Backend::Postgres)
        .after_connect(|conn, _| {
            Box::pin(async move {
                if Backend::of_connection(conn) == Backend::Sqlite {
                    // WAL with `synchronous=FULL`: an acknowledged order survives a crash
                    // or a power cut. Temporary tables (a `RETURNING`'s rows) in memory:
                    // as files they cost the writer five system calls a batch. A
                    // checkpoint every 10,000 pages of WAL (40 MB) instead of SQLite's
                    // 1,000: it copies each page changed since the last one once, and the
                    // pages the order writer changes again and again (the tables' last
                    // pages, the references' index) add up far less often. Measured under
                    // the order load: 22.5 → 18.7 kB written an order, 120–136 → 94–116 µs
                    // of CPU. The price is a longer WAL to read back after a crash.
                    conn.execute(
                        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
                         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; \
                         PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 10000;",
                    )
                    .await?;
                }
                Ok(())
            })
        })
        .acquire_timeout(Duration::from_secs(30))
        .connect(&url)
        .await
}

/// A fresh, migrated SQLite database in a temporary directory, for unit tests; the
/// directory (and the database) goes when the returned `TempDir` is dropped.
#[cfg(test)]
pub async fn test_db() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = connect(&format!("sqlite://{}/test.db", dir.path().display()))
        .await
        .unwrap();
    (dir, db)
}

/// The database of a test: a SQLite file in `dir`, or, when `BP_TEST_POSTGRES` names a
/// PostgreSQL server (`postgres://user@host:port`; `cargo xtask test` runs the API suite
/// and the writer's tests a second time that way), a database of its own there — the same
/// one for the same `dir` and `name`, so a restarted server finds what the first one stored.
#[doc(hidden)]
pub async fn test_database_url(dir: &std::path::Path, name: &str) -> String {
    let Some(server) = std::env::var("BP_TEST_POSTGRES")
        .ok()
        .filter(|s| !s.is_empty())
    else {
        return format!("sqlite://{}/{name}.db", dir.display());
    };
    use sha2::Digest;
    let key = sha2::Sha256::digest(format!("{}/{name}", dir.display()));
    let database = format!("bp_{}", crate::hex::encode(&key[..8]));
    let admin = open(&format!("{server}/postgres"))
        .await
        .expect("PostgreSQL answers");
    let created = sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {database}")))
        .execute(&admin)
        .await;
    if let Err(e) = created {
        assert!(
            e.to_string().contains("already exists"),
            "CREATE DATABASE: {e}"
        );
    }
    admin.close().await;
    format!("{server}/{database}")
}

/// A fresh, migrated database for a unit test that should hold on both databases: SQLite,
/// or PostgreSQL when `BP_TEST_POSTGRES` says so (see `test_database_url`).
#[cfg(test)]
pub async fn test_db_of_either() -> (tempfile::TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = connect(&test_database_url(dir.path(), "test").await)
        .await
        .unwrap();
    (dir, db)
}

/// Opens (creating if missing) the database at `url` and brings its schema up to date.
pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
    let db = open(url).await?;
    migrations(Backend::of(&db)).run(&db).await?;
    Ok(db)
}

/// A SQLite URL that creates the file (and its directory) when missing.
fn sqlite_url(url: &str) -> Result<String, sqlx::Error> {
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .unwrap_or(url);
    let (file, query) = path.split_once('?').unwrap_or((path, ""));
    if let Some(dir) = std::path::Path::new(file)
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).map_err(|e| sqlx::Error::Configuration(e.into()))?;
    }
    Ok(if query.contains("mode=") {
        format!("sqlite://{path}")
    } else if query.is_empty() {
        format!("sqlite://{file}?mode=rwc")
    } else {
        format!("sqlite://{file}?{query}&mode=rwc")
    })
}

/// The schema's migrations, built in, one set per database, kept in step by a test that
/// compares the schemas they make; `/readyz` checks that each one is applied.
pub fn migrations(backend: Backend) -> &'static sqlx::migrate::Migrator {
    static SQLITE: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");
    static POSTGRES: sqlx::migrate::Migrator = sqlx::migrate!("./migrations-postgres");
    match backend {
        Backend::Sqlite => &SQLITE,
        Backend::Postgres => &POSTGRES,
    }
}

/// Whether the database answers and every migration this build knows is applied (a
/// replica of an older build may run against a newer schema, not the other way round).
pub async fn ready(db: &Db) -> Result<bool, sqlx::Error> {
    let applied: Vec<i64> =
        sqlx::query_scalar("SELECT version FROM _sqlx_migrations WHERE success")
            .fetch_all(db)
            .await?;
    Ok(migrations(Backend::of(db))
        .iter()
        .all(|m| m.migration_type.is_down_migration() || applied.contains(&m.version)))
}

/// A yes/no read back from either database: SQLite answers 0 or 1, PostgreSQL a boolean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag(pub bool);

impl sqlx::Type<sqlx::Any> for Flag {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <bool as sqlx::Type<sqlx::Any>>::type_info()
    }

    fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
        let kind = ty.kind();
        kind == sqlx::any::AnyTypeInfoKind::Bool || kind.is_integer()
    }
}

impl<'r> sqlx::Decode<'r, sqlx::Any> for Flag {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        match <bool as sqlx::Decode<sqlx::Any>>::decode(value.clone()) {
            Ok(b) => Ok(Flag(b)),
            Err(_) => Ok(Flag(<i64 as sqlx::Decode<sqlx::Any>>::decode(value)? != 0)),
        }
    }
}

/// `($1, $2, …), (…)`: the placeholders of `rows` rows of `columns` values each, for a
/// statement whose only parameters they are. One statement per table for the whole batch:
/// on SQLite every statement is a round trip to the connection's own thread, so a batch
/// costs a handful of them, not a handful per order. SQLite gets anonymous `?`, bound in
/// order: sqlx looks up every numbered parameter's name, and SQLite finds a name by walking
/// the statement's list of them, a cost that grows with the square of a batch's size.
pub fn values(backend: Backend, rows: usize, columns: usize) -> String {
    match backend {
        Backend::Postgres => values_from(1, rows, columns),
        Backend::Sqlite => {
            let row = format!("({})", vec!["?"; columns].join(", "));
            vec![row; rows].join(", ")
        }
    }
}

/// `values`, numbered from `$first`: for a statement with more than one list.
pub fn values_from(first: usize, rows: usize, columns: usize) -> String {
    use std::fmt::Write;
    let mut sql = String::with_capacity(rows * columns * 6);
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..columns {
            if column > 0 {
                sql.push_str(", ");
            }
            let _ = write!(sql, "${}", first + row * columns + column);
        }
        sql.push(')');
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::Backend;

    #[test]
    fn placeholders_are_numbered_on_postgresql_and_anonymous_on_sqlite() {
        assert_eq!(super::values(Backend::Postgres, 2, 2), "($1, $2), ($3, $4)");
        assert_eq!(super::values(Backend::Sqlite, 2, 3), "(?, ?, ?), (?, ?, ?)");
        assert_eq!(super::values_from(4, 1, 2), "($4, $5)");
    }

    /// What every pooled SQLite connection is set to: durable commits (WAL, a sync on each
    /// commit), foreign keys enforced, temporary tables in memory, checkpoints far apart.
    #[tokio::test]
    async fn sqlite_connections_are_durable_and_keep_temporary_tables_in_memory() {
        let (_dir, db) = super::test_db().await;
        let mut conn = db.acquire().await.unwrap();
        let mut setting = async |pragma: &str| -> String {
            let row: (String,) = sqlx::query_as(sqlx::AssertSqlSafe(format!(
                "SELECT CAST({pragma} AS TEXT) FROM pragma_{pragma}"
            )))
            .fetch_one(&mut *conn)
            .await
            .unwrap();
            row.0
        };
        assert_eq!(setting("journal_mode").await, "wal");
        // 2 = FULL, 1 = ON, 2 = MEMORY.
        assert_eq!(setting("synchronous").await, "2");
        assert_eq!(setting("foreign_keys").await, "1");
        assert_eq!(setting("temp_store").await, "2");
        // Not a table-valued pragma: asked for by itself.
        let (pages,): (i64,) = sqlx::query_as("PRAGMA wal_autocheckpoint")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert_eq!(pages, 10_000);
    }
}
