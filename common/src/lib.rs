//! Everything the SPA and the server must agree on: validated domain types
//! (parse, don't validate), field errors and their messages, the i18n catalog,
//! the declarative order-form specs, the session-time policy and the API types.
//!
//! No I/O and no platform crates: this builds for wasm32 and native alike, so both
//! sides run exactly one implementation of every rule.

pub mod api;
pub mod error;
pub mod form;
pub mod help;
pub mod i18n;
pub mod journey;
pub mod prerendered;
pub mod reference;
pub mod services;
pub mod session;
pub mod status;
pub mod validate;

pub use error::{FieldError, ValidationErrors};
pub use i18n::{Lang, Text};
pub use journey::Step;
pub use status::OrderStatus;
