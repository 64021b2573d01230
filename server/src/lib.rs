//! Bestillingsportal's server: the JSON API under `/api`, SQLite persistence, sessions,
//! the registry of organisations, agreement documents as PDF, and the SPA bundle.

pub mod acting;
pub mod adresseregisteret;
pub mod auth;
pub mod case_numbers;
pub mod config;
pub mod csv_export;
pub mod db;
pub mod documents;
pub mod download;
pub mod error;
pub mod evidence;
pub mod extract;
pub mod her_ids;
pub mod hex;
pub mod idporten;
pub mod logging;
pub mod login;
pub mod masked;
pub mod metrics;
pub mod oidc;
pub mod ordering;
pub mod oslo_time;
pub mod outbox;
pub mod package;
pub mod password;
pub mod registry;
pub mod routes;
pub mod seal;
pub mod serve;
pub mod sms_gateway;
pub mod smtp_relay;
pub mod staff;
pub mod staff_oidc;
pub mod staff_role;
pub mod startup;
pub mod state;
pub mod working_days;

/// Milliseconds since the Unix epoch, the unit of every time in the database and API.
pub fn now_ms() -> i64 {
    jiff::Timestamp::now().as_millisecond()
}
