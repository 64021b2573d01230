//! Session reads in groups. Every request with a cookie reads its session, and on SQLite
//! each query is a round trip through the pool to the connection's own thread: most of
//! the CPU of a request that does little else. One task reads the sessions of all the
//! requests waiting at that moment with one query, as the order writer does for commits;
//! a request that comes alone is read at once, without waiting for company. The task
//! keeps a connection of its own (`HeldConnection`).

use tokio::sync::{mpsc, oneshot};

use super::Db;
use super::held::HeldConnection;
use super::sessions::{self, SessionRow};

/// Why a group's read failed; each waiting request gets its own copy (`sqlx::Error` is
/// not `Clone`).
#[derive(Debug, thiserror::Error)]
#[error("session read: {0}")]
pub struct ReadError(pub String);

struct Read {
    token_hash: String,
    reply: oneshot::Sender<Result<Option<SessionRow>, ReadError>>,
}

/// Handle to the reading task; cheap to clone.
#[derive(Clone)]
pub struct SessionReads {
    reads: mpsc::Sender<Read>,
}

/// At most this many sessions in one query.
const MAX_GROUP: usize = 128;

impl SessionReads {
    pub fn start(db: Db) -> Self {
        let (reads, rx) = mpsc::channel(4 * MAX_GROUP);
        tokio::spawn(run(db, rx));
        SessionReads { reads }
    }

    /// The session whose token hashes to `token_hash`, if there is one.
    pub async fn find(&self, token_hash: &str) -> Result<Option<SessionRow>, ReadError> {
        let (reply, answer) = oneshot::channel();
        let read = Read {
            token_hash: token_hash.to_owned(),
            reply,
        };
        let stopped = || ReadError("the session reader stopped".into());
        self.reads.send(read).await.map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

async fn run(db: Db, mut reads: mpsc::Receiver<Read>) {
    let mut conn = HeldConnection::new(&db);
    let mut group = Vec::with_capacity(MAX_GROUP);
    while reads.recv_many(&mut group, MAX_GROUP).await > 0 {
        let hashes: Vec<&str> = group.iter().map(|r| r.token_hash.as_str()).collect();
        // A read can be tried again: once more on a fresh connection if the one held
        // has died (the database restarted) since the last group.
        let read = async |c: &mut sqlx::AnyConnection| sessions::find_all(c, &hashes).await;
        let mut found = conn.run(read).await;
        if found.is_err() {
            found = conn.run(read).await;
        }
        match found {
            Ok(found) => {
                for read in group.drain(..) {
                    let row = found.get(&read.token_hash).cloned();
                    let _ = read.reply.send(Ok(row));
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, size = group.len(), "session read failed");
                for read in group.drain(..) {
                    let _ = read.reply.send(Err(ReadError(e.to_string())));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::sessions::{Identity, LoginEvidence};
    use common::api::Eid;
    use common::validate::Fodselsnummer;

    fn session(token_hash: &str, identity: Identity, name: &str) -> SessionRow {
        SessionRow {
            token_hash: token_hash.into(),
            identity,
            name: name.into(),
            orgnr: None,
            remember: false,
            expires_at_ms: 10_000,
            acr: String::new(),
        }
    }

    #[tokio::test]
    async fn requests_that_wait_together_each_get_their_own_session() {
        let (_dir, db) = crate::db::test_db().await;
        let person = |eid| Identity::Person {
            fodselsnummer: Fodselsnummer::parse("08908834756").unwrap(),
            eid,
        };
        for row in [
            session("hash-kari", person(Eid::Minid), "Kari"),
            session("hash-ola", person(Eid::Bankid), "Ola"),
        ] {
            sessions::insert(&db, &row, &LoginEvidence::default(), 1)
                .await
                .unwrap();
        }
        let reads = SessionReads::start(db);
        // Sent together, so they share a query: one token twice, one no session has.
        let (a, b, c, d) = tokio::join!(
            reads.find("hash-kari"),
            reads.find("hash-ola"),
            reads.find("hash-kari"),
            reads.find("hash-nobody"),
        );
        let name = |r: Result<Option<SessionRow>, ReadError>| r.unwrap().map(|s| s.name);
        assert_eq!(name(a).as_deref(), Some("Kari"));
        assert_eq!(name(b).as_deref(), Some("Ola"));
        assert_eq!(name(c).as_deref(), Some("Kari"));
        assert_eq!(name(d), None);
        assert!(matches!(
            reads.find("hash-ola").await.unwrap().map(|s| s.identity),
            Some(Identity::Person {
                eid: Eid::Bankid,
                ..
            })
        ));
    }
}
