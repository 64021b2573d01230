//! The API tests, one test binary: the real server on a random port with a fresh SQLite
//! database per test, and real peers where the server talks to one (an SMTP server, a
//! stub of Enhetsregisteret's API).

mod drafts;
mod helpers;
mod hostile;
mod orders;
mod outbox;
mod portal_login;
mod registry;
mod services;
mod signing;
mod smtp;
mod spec_parity;
