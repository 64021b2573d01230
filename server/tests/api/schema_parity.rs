//! The two sets of migrations (`migrations/` for SQLite, `migrations-postgres/`) make the
//! same schema: every table with the same columns, each of the same kind and nullability,
//! and the same named indexes. Runs in the suite's PostgreSQL pass (`BP_TEST_POSTGRES`).

use std::collections::BTreeSet;

use server::db::{Backend, Db};

/// (table, column, kind, not null).
type Column = (String, String, &'static str, bool);

#[tokio::test]
async fn both_databases_get_the_same_tables_columns_and_indexes() {
    if std::env::var("BP_TEST_POSTGRES").is_err() {
        eprintln!("schema_parity: runs in the PostgreSQL pass (cargo xtask test)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let postgres = server::db::connect(&crate::helpers::database_url(dir.path(), "schema").await)
        .await
        .unwrap();
    let sqlite = server::db::connect(&format!("sqlite://{}/schema.db", dir.path().display()))
        .await
        .unwrap();
    assert_eq!(Backend::of(&postgres), Backend::Postgres);
    assert_eq!(Backend::of(&sqlite), Backend::Sqlite);

    let (in_sqlite, in_postgres) = (columns(&sqlite).await, columns(&postgres).await);
    let only_sqlite: Vec<_> = in_sqlite.difference(&in_postgres).collect();
    let only_postgres: Vec<_> = in_postgres.difference(&in_sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "columns only in SQLite: {only_sqlite:#?}\nonly in PostgreSQL: {only_postgres:#?}"
    );
    assert!(in_sqlite.len() > 150, "{} columns", in_sqlite.len());
    assert_eq!(indexes(&sqlite).await, indexes(&postgres).await);
}

async fn columns(db: &Db) -> BTreeSet<Column> {
    let sql = match Backend::of(db) {
        Backend::Sqlite => {
            "SELECT m.name, p.name, p.type, p.\"notnull\" OR p.pk > 0
             FROM sqlite_master m, pragma_table_info(m.name) p
             WHERE m.type = 'table' AND m.name <> '_sqlx_migrations'"
        }
        Backend::Postgres => {
            "SELECT table_name::text, column_name::text, data_type::text, is_nullable = 'NO'
             FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'"
        }
    };
    let rows: Vec<(String, String, String, server::db::Flag)> =
        sqlx::query_as(sql).fetch_all(db).await.unwrap();
    rows.into_iter()
        .map(|(table, column, declared, not_null)| {
            let kind = match declared.to_ascii_lowercase().as_str() {
                "integer" | "bigint" => "integer",
                // SQLite keeps yes/no as 0 or 1.
                "boolean" => "integer",
                "text" => "text",
                "blob" | "bytea" => "bytes",
                other => panic!("{table}.{column}: a type to map: {other}"),
            };
            (table, column, kind, not_null.0)
        })
        .collect()
}

/// The indexes made by name (not those a key or UNIQUE constraint makes by itself).
async fn indexes(db: &Db) -> BTreeSet<String> {
    let sql = match Backend::of(db) {
        Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        }
        Backend::Postgres => {
            "SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public'
             AND indexname NOT IN (SELECT conname FROM pg_constraint)"
        }
    };
    sqlx::query_scalar(sql)
        .fetch_all(db)
        .await
        .unwrap()
        .into_iter()
        .collect()
}
