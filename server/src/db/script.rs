//! Statements sent to the database as one command. A SQLite connection lives on a thread
//! of its own (sqlx), and every command is a hop to that thread and back: two thread
//! switches. With each statement alone, the order writer's connection thread switched
//! 1.15 times an order; with a batch in two commands, 0.72.
//! On SQLite a `Script` holds several statements with their values bound one after the
//! other (anonymous `?`, which sqlx binds in turn across the statements). PostgreSQL takes
//! one statement with parameters per command, so there a script is run statement by
//! statement (`Script::run_unless_together`).

use sqlx::any::AnyArguments;
use sqlx::{Any, AnyConnection, Arguments, Encode, Type};

use super::Backend;

/// Statements and their values, in order.
pub struct Script {
    backend: Backend,
    sql: String,
    args: AnyArguments,
    /// Placeholders handed out so far (PostgreSQL's are numbered).
    placeholders: usize,
    /// The first value that would not encode; reported when the script runs.
    error: Option<String>,
}

impl Script {
    pub fn new(backend: Backend) -> Self {
        Script {
            backend,
            sql: String::new(),
            args: AnyArguments::default(),
            placeholders: 0,
            error: None,
        }
    }

    /// Whether several statements go as one command (SQLite).
    pub fn together(&self) -> bool {
        self.backend == Backend::Sqlite
    }

    /// `rows` rows of `columns` placeholders, for the values bound next.
    pub fn values(&mut self, rows: usize, columns: usize) -> String {
        let list = match self.backend {
            Backend::Sqlite => super::values(Backend::Sqlite, rows, columns),
            Backend::Postgres => super::values_from(self.placeholders + 1, rows, columns),
        };
        self.placeholders += rows * columns;
        list
    }

    /// One placeholder, for the value bound next.
    pub fn placeholder(&mut self) -> String {
        self.values(1, 1).trim_matches(['(', ')']).to_owned()
    }

    /// Adds a statement; its placeholders come from `values` and `placeholder`.
    pub fn push(&mut self, statement: &str) {
        if !self.sql.is_empty() {
            self.sql.push_str(";\n");
        }
        self.sql.push_str(statement);
    }

    /// Binds the next value (chained, as the writer's `bind_*!` macros do).
    pub fn bind<'t, T: Encode<'t, Any> + Type<Any>>(&mut self, value: T) -> &mut Self {
        if let Err(e) = self.args.add(value) {
            self.error.get_or_insert(e.to_string());
        }
        self
    }

    /// Runs the statements added so far and starts afresh.
    pub async fn run(&mut self, conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
        let done = std::mem::replace(self, Script::new(self.backend));
        if let Some(e) = done.error {
            return Err(sqlx::Error::Encode(e.into()));
        }
        if done.sql.is_empty() {
            return Ok(());
        }
        // Only placeholders are made up by the callers; every value is bound.
        sqlx::query_with(sqlx::AssertSqlSafe(done.sql), done.args)
            .execute(conn)
            .await?;
        Ok(())
    }

    /// Runs what was added where statements go one by one (PostgreSQL); on SQLite they
    /// wait for the rest.
    pub async fn run_unless_together(
        &mut self,
        conn: &mut AnyConnection,
    ) -> Result<(), sqlx::Error> {
        if self.together() {
            return Ok(());
        }
        self.run(conn).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_anonymous_on_sqlite_and_numbered_on_postgresql() {
        let mut sqlite = Script::new(Backend::Sqlite);
        assert_eq!(sqlite.values(1, 2), "(?, ?)");
        assert_eq!(sqlite.placeholder(), "?");
        let mut postgres = Script::new(Backend::Postgres);
        assert_eq!(postgres.values(2, 1), "($1), ($2)");
        assert_eq!(postgres.placeholder(), "$3");
    }

    #[tokio::test]
    async fn the_values_bind_in_turn_across_the_statements() {
        let (_dir, pool) = crate::db::test_db_of_either().await;
        let backend = Backend::of(&pool);
        let mut conn = pool.acquire().await.unwrap().detach();
        let mut script = Script::new(backend);
        for (service, step) in [("a", 1_i64), ("b", 2)] {
            let values = script.values(1, 7);
            script.push(&format!(
                "INSERT INTO drafts (owner_key, service, orgnr, step, answers_json, idempotency_key, updated_at_ms) VALUES {values}"
            ));
            script
                .bind("p:k")
                .bind(service)
                .bind("994598759")
                .bind(step)
                .bind("{}")
                .bind("key")
                .bind(1_i64);
            script.run_unless_together(&mut conn).await.unwrap();
        }
        script.run(&mut conn).await.unwrap();
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT service, step FROM drafts ORDER BY service")
                .fetch_all(&pool)
                .await
                .unwrap();
        assert_eq!(rows, [("a".to_owned(), 1), ("b".to_owned(), 2)]);
    }
}
