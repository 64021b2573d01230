//! The session clock in the SPA: the server's expiry, corrected for the difference
//! between the server's clock and this device's.

use common::session::SessionClock;

/// This device's clock, Unix ms.
pub fn client_now_ms() -> i64 {
    js_sys::Date::now() as i64
}

pub fn clock(expires_at_ms: i64, server_now_ms: i64) -> SessionClock {
    SessionClock::new(expires_at_ms, server_now_ms, client_now_ms())
}
