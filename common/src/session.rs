//! The form time limit ("tidsbegrenset gyldighetstid", SPEC §5) as one policy: the server
//! enforces it, the SPA counts down with it. Times are Unix milliseconds.

use serde::{Deserialize, Serialize};

/// How long a session lives and when the user is warned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionPolicy {
    /// A session expires this long after the last activity or extension.
    pub lifetime_secs: u32,
    /// The warning dialog appears this long before expiry.
    pub warn_before_secs: u32,
}

impl Default for SessionPolicy {
    /// 30 minutes, warned 5 minutes before: long enough to fetch a HER-id from a colleague.
    fn default() -> Self {
        SessionPolicy {
            lifetime_secs: 30 * 60,
            warn_before_secs: 5 * 60,
        }
    }
}

impl SessionPolicy {
    /// The expiry of a session active at `now_ms` (activity and extension renew it).
    pub fn expiry_from(&self, now_ms: i64) -> i64 {
        now_ms + i64::from(self.lifetime_secs) * 1000
    }

    /// Where a session stands with `remaining_ms` left.
    pub fn phase(&self, remaining_ms: i64) -> Phase {
        if remaining_ms <= 0 {
            Phase::Expired
        } else if remaining_ms <= i64::from(self.warn_before_secs) * 1000 {
            Phase::Warning
        } else {
            Phase::Active
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Active,
    Warning,
    Expired,
}

/// The client's view of the server's clock: the countdown must follow the server's
/// expiry, not a client clock that may be minutes off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionClock {
    pub expires_at_ms: i64,
    /// server time − client time, measured when the session info arrived.
    pub offset_ms: i64,
}

impl SessionClock {
    pub fn new(expires_at_ms: i64, server_now_ms: i64, client_now_ms: i64) -> Self {
        SessionClock {
            expires_at_ms,
            offset_ms: server_now_ms - client_now_ms,
        }
    }

    pub fn remaining_ms(&self, client_now_ms: i64) -> i64 {
        self.expires_at_ms - (client_now_ms + self.offset_ms)
    }
}

/// The steps at which screen readers hear how much time is left: a ticking clock read
/// aloud every second would drown everything else, so the live line changes only here.
const ANNOUNCE_MINUTES: [i64; 4] = [10, 5, 2, 1];

/// The announcement step for `remaining_ms`: "less than N minutes", or `None` above them all.
pub fn announce_step(remaining_ms: i64) -> Option<i64> {
    ANNOUNCE_MINUTES
        .iter()
        .rev()
        .copied()
        .find(|m| remaining_ms <= m * 60_000)
}

/// "29:41" — minutes and seconds left, never negative.
pub fn format_remaining(remaining_ms: i64) -> String {
    let secs = (remaining_ms.max(0) + 999) / 1000;
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdown_follows_the_server_clock_not_the_client() {
        // Client clock 10 minutes behind the server: 20 minutes left, not 30.
        let clock = SessionClock::new(1_000_000 + 20 * 60_000, 1_000_000, 1_000_000 - 10 * 60_000);
        assert_eq!(clock.remaining_ms(1_000_000 - 10 * 60_000), 20 * 60_000);
    }

    #[test]
    fn phases_change_at_the_warning_lead_and_at_expiry() {
        let p = SessionPolicy {
            lifetime_secs: 600,
            warn_before_secs: 60,
        };
        assert_eq!(p.phase(60_001), Phase::Active);
        assert_eq!(p.phase(60_000), Phase::Warning);
        assert_eq!(p.phase(1), Phase::Warning);
        assert_eq!(p.phase(0), Phase::Expired);
        assert_eq!(p.expiry_from(5), 600_005);
    }

    #[test]
    fn screen_readers_hear_the_time_left_only_in_coarse_steps() {
        assert_eq!(announce_step(29 * 60_000), None);
        assert_eq!(announce_step(10 * 60_000), Some(10));
        assert_eq!(announce_step(9 * 60_000 + 59_000), Some(10));
        assert_eq!(announce_step(4 * 60_000), Some(5));
        assert_eq!(announce_step(90_000), Some(2));
        assert_eq!(announce_step(30_000), Some(1));
    }

    #[test]
    fn remaining_time_is_shown_as_minutes_and_seconds() {
        assert_eq!(format_remaining(29 * 60_000 + 41_000), "29:41");
        assert_eq!(format_remaining(1), "00:01");
        assert_eq!(format_remaining(-5), "00:00");
    }
}
