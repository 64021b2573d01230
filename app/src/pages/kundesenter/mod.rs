//! The customer centre's back office (`/kundesenter`, issue 15): the staff login, the
//! queue of orders, a case, and for a leder the numbers and the audit log. Staff sessions
//! are the server's (`/api/staff`), apart from customers'.

mod assign;
mod audit;
mod case;
mod login;
mod nav;
mod numbers;
mod queue;

pub use audit::AuditLog;
pub use case::{CasePage, TextForm};
pub use login::StaffLogin;
pub use numbers::Numbers;
pub use queue::Queue;

use common::api::staff::AnswerTime;
use common::i18n::t;
use common::{Lang, Text, services};

/// Where staff log in: the server sends them to their identity provider, or to the test
/// login page where none is configured.
const STAFF_LOGIN: &str = "/api/staff/login";

/// A service's name, or its slug where the spec is gone.
fn service_name(slug: &str, lang: Lang) -> String {
    services::by_slug(slug).map_or(slug.to_owned(), |s| s.name.get(lang).to_owned())
}

/// The answer-time tag: its text and designsystemet colour.
fn answer_time_tag(time: AnswerTime) -> (Text, &'static str) {
    match time {
        AnswerTime::OnTime => (t::KS_ON_TIME, "success"),
        AnswerTime::AtRisk => (t::KS_AT_RISK, "warning"),
        AnswerTime::Overdue => (t::KS_LATE, "danger"),
    }
}

/// What a history or audit-log entry's kind says.
fn event_label(kind: &str) -> Text {
    match kind {
        "taken" => t::KS_EV_TAKEN,
        "viewed" => t::KS_EV_VIEWED,
        "reason" => t::KS_EV_REASON,
        "note" => t::KS_EV_NOTE,
        "reply" => t::KS_EV_REPLY,
        "answer" => t::KS_EV_ANSWER,
        "activated" => t::KS_EV_ACTIVATED,
        "exported" => t::KS_EV_EXPORTED,
        "downloaded" => t::KS_EV_DOWNLOADED,
        "assigned" => t::KS_EV_ASSIGNED,
        _ => t::KS_EV_STATUS,
    }
}
