//! A connection a background task keeps for itself (the session reads, the outbox).
//!
//! sqlx tests every connection given back to its pool with a ping, and on PostgreSQL
//! another before lending it: for a task that runs a statement every few hundred
//! microseconds under load, two round trips for each one that does the work. A task that
//! holds its connection pays neither. After a failure the connection is dropped, and the
//! next use takes a fresh one from the pool (a database restarted meanwhile, say).

use sqlx::{AnyConnection, Executor};

use super::Db;

pub struct HeldConnection {
    pool: Db,
    conn: Option<AnyConnection>,
    setup: Option<&'static str>,
}

impl HeldConnection {
    /// None yet: the first use takes it.
    pub fn new(pool: &Db) -> Self {
        HeldConnection {
            pool: pool.clone(),
            conn: None,
            setup: None,
        }
    }

    /// Runs `sql` on every connection this takes, before its first use (settings of the
    /// task's own, which a connection of the pool must not carry).
    pub fn with_setup(mut self, sql: Option<&'static str>) -> Self {
        self.setup = sql;
        self
    }

    /// Runs `task` on the connection, taken out of the pool for good if there is none.
    /// After an error the connection may be dead or in the middle of something, so it
    /// goes, and the next use opens another.
    pub async fn run<T>(
        &mut self,
        task: impl AsyncFnOnce(&mut AnyConnection) -> Result<T, sqlx::Error>,
    ) -> Result<T, sqlx::Error> {
        let result = task(self.connection().await?).await;
        if result.is_err() {
            self.conn = None;
        }
        result
    }

    async fn connection(&mut self) -> Result<&mut AnyConnection, sqlx::Error> {
        if self.conn.is_none() {
            let mut conn = self.pool.acquire().await?.detach();
            if let Some(sql) = self.setup {
                conn.execute(sql).await?;
            }
            self.conn = Some(conn);
        }
        Ok(self.conn.as_mut().expect("just set"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_failed_use_gives_the_next_one_a_fresh_connection() {
        let (_dir, db) = crate::db::test_db_of_either().await;
        let mut held = HeldConnection::new(&db);
        // The connection is the same from one use to the next: a temporary table lives
        // as long as its connection.
        let run = |sql: &'static str| {
            async move |c: &mut AnyConnection| sqlx::query(sql).execute(c).await.map(|_| ())
        };
        held.run(run("CREATE TEMPORARY TABLE scratch (x INTEGER)"))
            .await
            .unwrap();
        held.run(run("INSERT INTO scratch VALUES (1)"))
            .await
            .unwrap();
        // A failure, and the next use has a new connection, without the table.
        assert!(
            held.run(run("INSERT INTO no_such_table VALUES (1)"))
                .await
                .is_err()
        );
        assert!(held.run(run("SELECT x FROM scratch")).await.is_err());
    }
}
