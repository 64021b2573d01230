//! The API tests, one test binary: the real server on a random port with a fresh SQLite
//! database per test, and real peers where the server talks to one (an SMTP server, a
//! stub of Enhetsregisteret's API).

mod config_table;
mod crash;
mod drafts;
mod helpers;
mod her_ids;
mod hostile;
mod module_graph;
mod openapi;
mod ops;
mod orders;
mod organisations;
mod outbox;
mod persons;
mod portal_login;
mod registry;
mod replicas;
mod schema_parity;
mod servicebus;
mod services;
mod sessions;
mod signing;
mod sms_stub;
mod smtp;
mod spec_parity;
mod staff;
mod staff_case;
mod staff_login;
mod trace;
