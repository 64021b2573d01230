//! The customer centre's back office (`/kundesenter`, issue 15): the staff login, the
//! queue of orders and a case. Staff sessions are the server's (`/api/staff`), apart from
//! customers'.

mod case;
mod login;
mod queue;

pub use case::{CasePage, TextForm};
pub use login::StaffLogin;
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
