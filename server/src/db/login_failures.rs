//! Rate limits for customer-portal logins, kept in the database so they hold across
//! server processes. Every attempt — a password or a security code, right or wrong — is
//! a row (account, address, time). Within `WINDOW_MS` the limits slow a guesser down
//! progressively rather than lock anyone out at once:
//!
//! - **account and address together**: `PAIR_FREE` attempts without delay (a password and
//!   a few mistyped codes), then each next attempt waits for a delay that doubles from one
//!   second up to a minute after the previous one, and after `PAIR_MAX` none until the
//!   oldest leaves the window (a guesser at one address gets 12 tries in 15 minutes,
//!   whatever codes it had sent);
//! - **the address**, successes included (a guesser who knows a password cannot wash its
//!   count by logging in): the same after `ADDRESS_FREE`, capped at `ADDRESS_MAX`;
//! - **the account from all addresses** (a spread-out guesser): the same delay after
//!   `ACCOUNT_FREE`, never a hard cap, and not at an address the user has completed a
//!   login from in the last 30 days — so strangers elsewhere can slow each other, but
//!   cannot lock the user out at her usual address.
//!
//! After a full login the user's own rows stop counting for the account (they still
//! count for the address) and the address becomes trusted for the account.
//!
//! Each attempt *reserves* its row in one statement that also computes the wait (SQLite
//! runs a statement under the write lock; on PostgreSQL advisory locks on the account and
//! the address do the same: see `reserve`), so two processes cannot both take the last
//! slot).

use crate::db::Db;

pub const PAIR_FREE: i64 = 6;
pub const PAIR_MAX: i64 = 12;
pub const ADDRESS_FREE: i64 = 24;
pub const ADDRESS_MAX: i64 = 36;
pub const ACCOUNT_FREE: i64 = 12;
pub const WINDOW_MS: i64 = 15 * 60 * 1000;
/// The first delay after the free attempts; it doubles with each further attempt.
pub const FIRST_DELAY_MS: i64 = 1000;
pub const MAX_DELAY_MS: i64 = 60 * 1000;
/// How long a completed login makes its address trusted for the account.
pub const TRUST_MS: i64 = 30 * 24 * 60 * 60 * 1000;

/// The SQL for one limit's wait in ms (≤ 0: none), from its window's count `n`, `first`
/// and `last` attempt: after `free` attempts a delay after the last that doubles from
/// `FIRST_DELAY_MS` to `MAX_DELAY_MS`, and with a `cap`, none until the first has left
/// the window.
fn wait_case(sql: Dialect, limit: &str, free: i64, cap: Option<i64>) -> String {
    let capped = cap.map_or(String::new(), |cap| {
        format!("WHEN {limit}.n >= {cap} THEN {limit}.first + {WINDOW_MS} - $3 ")
    });
    let least = sql.least;
    format!(
        "CASE {capped}WHEN {limit}.n >= {free} THEN {limit}.last \
         + {least}({FIRST_DELAY_MS} << CAST({least}({limit}.n - {free}, 16) AS INTEGER), {MAX_DELAY_MS}) - $3 ELSE 0 END"
    )
}

/// The names of the scalar minimum and maximum: SQLite's `min`/`max` with several
/// arguments are PostgreSQL's `LEAST`/`GREATEST`.
#[derive(Clone, Copy)]
struct Dialect {
    least: &'static str,
    greatest: &'static str,
}

impl Dialect {
    fn of(backend: super::Backend) -> Self {
        match backend {
            super::Backend::Sqlite => Dialect {
                least: "min",
                greatest: "max",
            },
            super::Backend::Postgres => Dialect {
                least: "LEAST",
                greatest: "GREATEST",
            },
        }
    }
}

/// The wait of an attempt under all three limits, as the CTE `wait(ms)`, then `tail`.
/// Parameters: $1 account, $2 address, $3 now, $4 window start, $5 trust start. In SQL
/// so the check and the insert are one statement.
fn wait_sql(sql: Dialect, tail: &str) -> String {
    format!(
        "WITH pair AS (SELECT count(*) AS n, min(at_ms) AS first, max(at_ms) AS last
                       FROM login_failures WHERE account_key = $1 AND address = $2 AND at_ms > $4),
              addr AS (SELECT count(*) AS n, min(at_ms) AS first, max(at_ms) AS last
                       FROM login_failures WHERE address = $2 AND at_ms > $4),
              acct AS (SELECT count(*) AS n, max(at_ms) AS last
                       FROM login_failures WHERE account_key = $1 AND at_ms > $4
                       AND NOT EXISTS (SELECT 1 FROM login_trust
                                       WHERE account_key = $1 AND address = $2 AND at_ms > $5)),
              wait AS (SELECT {}({}, {}, {}) AS ms FROM pair, addr, acct) {tail}",
        sql.greatest,
        wait_case(sql, "pair", PAIR_FREE, Some(PAIR_MAX)),
        wait_case(sql, "addr", ADDRESS_FREE, Some(ADDRESS_MAX)),
        wait_case(sql, "acct", ACCOUNT_FREE, None),
    )
}

/// Why an attempt was refused: wait this long, then try again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wait {
    pub ms: i64,
}

/// Records an attempt on `account_key` from `address`, or says how long to wait first
/// (and then records nothing).
pub async fn reserve(
    db: &Db,
    account_key: &str,
    address: &str,
    now_ms: i64,
) -> Result<Result<(), Wait>, sqlx::Error> {
    let backend = super::Backend::of(db);
    let sql = Dialect::of(backend);
    let insert = wait_sql(
        sql,
        " INSERT INTO login_failures (account_key, address, at_ms)
          SELECT $1, $2, $3 FROM wait WHERE wait.ms <= 0 RETURNING id",
    );
    let since = now_ms - WINDOW_MS;
    let trusted_since = now_ms - TRUST_MS;
    let mut tx = db.begin().await?;
    if backend == super::Backend::Postgres {
        // PostgreSQL runs concurrent statements side by side, each seeing the rows
        // committed before it: two attempts could both take the last free one. Attempts
        // on one account, then on one address, take their turn (always in that order, so
        // two never wait for each other); the locks end with the transaction.
        for key in [
            format!("login-account:{account_key}"),
            format!("login-address:{address}"),
        ] {
            sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .bind(key)
                .execute(&mut *tx)
                .await?;
        }
    }
    let inserted: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(insert))
        .bind(account_key)
        .bind(address)
        .bind(now_ms)
        .bind(since)
        .bind(trusted_since)
        .fetch_optional(&mut *tx)
        .await?;
    tx.commit().await?;
    // Old rows go on the way; the indexes keep this cheap.
    sqlx::query("DELETE FROM login_failures WHERE at_ms <= $1")
        .bind(since)
        .execute(db)
        .await?;
    if inserted.is_some() {
        return Ok(Ok(()));
    }
    let ms: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(wait_sql(sql, " SELECT ms FROM wait")))
        .bind(account_key)
        .bind(address)
        .bind(now_ms)
        .bind(since)
        .bind(trusted_since)
        .fetch_one(db)
        .await?;
    // Another attempt may have freed nothing between the two statements, but time moved
    // on: at least a second, so the answer never says "wait 0 seconds".
    Ok(Err(Wait { ms: ms.max(1000) }))
}

/// After a full login from `address`: the user's attempts from there no longer count
/// against the account (they still count for the address), and the address is trusted
/// for the account for `TRUST_MS`.
pub async fn forgive(
    db: &Db,
    account_key: &str,
    address: &str,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.begin().await?;
    sqlx::query(
        "UPDATE login_failures SET account_key = '' WHERE account_key = $1 AND address = $2",
    )
    .bind(account_key)
    .bind(address)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO login_trust (account_key, address, at_ms) VALUES ($1, $2, $3)
         ON CONFLICT (account_key, address) DO UPDATE SET at_ms = excluded.at_ms",
    )
    .bind(account_key)
    .bind(address)
    .bind(now_ms)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM login_trust WHERE at_ms <= $1")
        .bind(now_ms - TRUST_MS)
        .execute(&mut *tx)
        .await?;
    tx.commit().await
}

/// After a password reset: the account starts afresh (the addresses keep their counts).
pub async fn clear_account(db: &Db, account_key: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE login_failures SET account_key = '' WHERE account_key = $1")
        .bind(account_key)
        .execute(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The delay after the previous attempt once `n` attempts are in the window and
    /// `free` were allowed without one: what `wait_case` computes, as a plain function the
    /// statement's waits are checked against.
    fn delay_ms(n: i64, free: i64) -> i64 {
        if n < free {
            return 0;
        }
        let doublings = (n - free).min(16);
        (FIRST_DELAY_MS << doublings).min(MAX_DELAY_MS)
    }

    #[test]
    fn the_delay_doubles_from_a_second_to_a_minute_after_the_free_attempts() {
        let delays: Vec<i64> = (0..14).map(|n| delay_ms(n, PAIR_FREE)).collect();
        assert_eq!(
            delays,
            [
                0, 0, 0, 0, 0, 0, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000
            ]
        );
        assert_eq!(delay_ms(10_000, ACCOUNT_FREE), MAX_DELAY_MS);
    }

    /// The statement's waits are `delay_ms`'s, attempt by attempt, until the hard cap.
    #[tokio::test]
    async fn one_guesser_waits_longer_after_each_attempt_then_for_the_window() {
        let (_dir, db) = crate::db::test_db().await;
        let mut now = 1_000_000_000;
        for n in 0..PAIR_MAX {
            let wait = delay_ms(n, PAIR_FREE);
            if wait > 0 {
                // Right after the previous attempt: told the rest of the delay.
                let early = reserve(&db, "kari", "10.0.0.1", now + 1).await.unwrap();
                assert_eq!(
                    early,
                    Err(Wait {
                        ms: (wait - 1).max(1000)
                    }),
                    "attempt {n}"
                );
                now += wait;
            }
            assert_eq!(
                reserve(&db, "kari", "10.0.0.1", now).await.unwrap(),
                Ok(()),
                "attempt {n}"
            );
        }
        // The cap: no attempt until the first leaves the window, whatever the delay says.
        let first = 1_000_000_000;
        let later = now + MAX_DELAY_MS;
        let refused = reserve(&db, "kari", "10.0.0.1", later).await.unwrap();
        assert_eq!(
            refused,
            Err(Wait {
                ms: first + WINDOW_MS - later
            })
        );
        assert_eq!(
            reserve(&db, "kari", "10.0.0.1", first + WINDOW_MS + 1)
                .await
                .unwrap(),
            Ok(()),
            "the oldest has left the window"
        );
    }

    /// Strangers at many addresses slow the account down everywhere but where its user
    /// last logged in.
    #[tokio::test]
    async fn strangers_spread_over_addresses_cannot_slow_the_user_at_her_trusted_address() {
        let (_dir, db) = crate::db::test_db().await;
        let now = 2_000_000_000;
        forgive(&db, "kari", "10.0.0.1", now - 1000).await.unwrap();
        for i in 0..ACCOUNT_FREE {
            let stranger = format!("192.0.2.{i}");
            assert_eq!(
                reserve(&db, "kari", &stranger, now + i).await.unwrap(),
                Ok(())
            );
        }
        let refused = reserve(&db, "kari", "192.0.2.200", now + 20).await.unwrap();
        assert_eq!(
            refused,
            Err(Wait { ms: 1000 }),
            "a new address waits a second, not 15 minutes"
        );
        assert_eq!(
            reserve(&db, "kari", "10.0.0.1", now + 20).await.unwrap(),
            Ok(())
        );
    }
}
