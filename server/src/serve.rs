//! The accept loop, with the limits a hostile client cannot outlast: HTTP/1.1 connections
//! whose request head must arrive within a timeout (which also ends idle keep-alive
//! connections and slow-header "slowloris" ones), a cap on open connections at which the
//! longest-idle one is closed to make room — so a health check still gets in while
//! thousands of sockets sit idle — and the process's file limit raised at start.
//!
//! `axum::serve` has none of these knobs, so this drives hyper directly.

use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tower::ServiceExt;

/// How long a connection may take to send a request's head; also how long a kept-alive
/// connection may wait idle for its next request.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub max_connections: usize,
    pub header_timeout: Duration,
}

/// Files kept free under the process's limit for the database, the bundle and logs.
const FILES_IN_RESERVE: u64 = 256;

/// Raises the soft limit on open files to the hard limit, where the system allows it, and
/// returns the connection cap that fits under it.
pub fn fit_to_file_limit(wanted: usize) -> usize {
    let limit = match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) => limit,
        Err(e) => {
            tracing::warn!(error = %e, "could not read or raise the open-file limit");
            return wanted;
        }
    };
    let room = usize::try_from(limit.saturating_sub(FILES_IN_RESERVE).max(16)).unwrap_or(wanted);
    if room < wanted {
        tracing::warn!(
            open_files = limit,
            connections = room,
            "the open-file limit caps the connections"
        );
    }
    wanted.min(room)
}

/// Serves `app` on `listener` until `shutdown` resolves, then lets requests in flight finish.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let connections = Arc::new(Connections::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let (stream, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(e) => {
                // Out of files (or a connection reset before accept): make room and go on.
                tracing::warn!(error = %e, "accept failed");
                connections.evict_longest_idle();
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        let slot = connections.admit().await;
        let activity = slot.activity.clone();
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            // The peer address feeds the per-address login limits.
            request.extensions_mut().insert(ConnectInfo(peer));
            let busy = activity.begin();
            let response = app.clone().oneshot(request.map(axum::body::Body::new));
            async move {
                let response = response.await;
                drop(busy);
                response
            }
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            tokio::select! {
                _ = connection => {}
                () = slot.activity.evicted.notified() => {}
            }
            drop(slot);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// The open connections, by id, with what the cap needs to know of each.
struct Connections {
    max: usize,
    next_id: AtomicU64,
    open: Mutex<HashMap<u64, Arc<Activity>>>,
    closed: Notify,
}

/// One connection's requests in flight and when it last started or finished one.
struct Activity {
    in_flight: AtomicUsize,
    last_active: Mutex<tokio::time::Instant>,
    evicted: Notify,
}

impl Activity {
    fn touch(&self) {
        *self.last_active.lock().expect("activity lock") = tokio::time::Instant::now();
    }

    fn begin(self: &Arc<Self>) -> Busy {
        self.in_flight.fetch_add(1, Ordering::SeqCst);
        self.touch();
        Busy(self.clone())
    }
}

/// A request in flight; the connection is not idle while one lives.
struct Busy(Arc<Activity>);

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.touch();
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A place among the open connections, given back when the connection ends.
struct Slot {
    id: u64,
    activity: Arc<Activity>,
    connections: Arc<Connections>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.connections.open().remove(&self.id);
        self.connections.closed.notify_one();
    }
}

impl Connections {
    fn new(max: usize) -> Self {
        Connections {
            max: max.max(1),
            next_id: AtomicU64::new(0),
            open: Mutex::new(HashMap::new()),
            closed: Notify::new(),
        }
    }

    fn open(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<Activity>>> {
        self.open.lock().expect("connections lock")
    }

    /// A place for a new connection: at the cap the longest-idle connection is closed to
    /// make room; when every connection is busy, waits until one ends.
    async fn admit(self: &Arc<Self>) -> Slot {
        loop {
            let closed = self.closed.notified();
            if self.open().len() < self.max || self.evict_longest_idle() {
                let id = self.next_id.fetch_add(1, Ordering::Relaxed);
                let activity = Arc::new(Activity {
                    in_flight: AtomicUsize::new(0),
                    last_active: Mutex::new(tokio::time::Instant::now()),
                    evicted: Notify::new(),
                });
                self.open().insert(id, activity.clone());
                return Slot {
                    id,
                    activity,
                    connections: self.clone(),
                };
            }
            // Every connection is busy: wait for one to end (or look again shortly,
            // in case one became idle without ending).
            let _ = tokio::time::timeout(Duration::from_millis(100), closed).await;
        }
    }

    /// Closes the connection with no request in flight that has been idle longest;
    /// false when every connection is busy.
    fn evict_longest_idle(&self) -> bool {
        let mut open = self.open();
        let idle = open
            .iter()
            .filter(|(_, a)| a.in_flight.load(Ordering::SeqCst) == 0)
            .min_by_key(|(_, a)| *a.last_active.lock().expect("activity lock"))
            .map(|(id, _)| *id);
        let Some(id) = idle else { return false };
        if let Some(activity) = open.remove(&id) {
            // `notify_one` keeps the wake-up if the connection's task is not waiting yet.
            activity.evicted.notify_one();
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn at_the_cap_the_longest_idle_connection_makes_room() {
        let connections = Arc::new(Connections::new(2));
        let first = connections.admit().await;
        tokio::time::sleep(Duration::from_millis(5)).await;
        let second = connections.admit().await;
        let _third = connections.admit().await;
        assert_eq!(connections.open().len(), 2);
        assert!(!connections.open().contains_key(&first.id));
        assert!(connections.open().contains_key(&second.id));
    }

    #[tokio::test]
    async fn a_busy_connection_is_never_closed_to_make_room() {
        let connections = Arc::new(Connections::new(1));
        let only = connections.admit().await;
        let busy = only.activity.begin();
        let waiting = tokio::time::timeout(Duration::from_millis(300), connections.admit()).await;
        assert!(
            waiting.is_err(),
            "admitted while the only connection was busy"
        );
        drop(busy);
        drop(only);
        let admitted = tokio::time::timeout(Duration::from_millis(300), connections.admit()).await;
        assert!(
            admitted.is_ok(),
            "not admitted after the busy connection ended"
        );
    }
}
