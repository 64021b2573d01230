//! What happens to an order, from the first check to its last status: the one home of
//! ordering between the routes (which read the request and answer) and the database.
//!
//! - `check` — every check of a submission, for step 3's "Send" and the submit alike;
//! - `place` — checks again, gathers the acceptance evidence, stores the order durably;
//! - `signing` — a signed service's order waits for its signer's eID login;
//! - `status` — the customer centre moves an order along `OrderStatus::can_move_to`;
//! - `conversation` — internal notes, replies to the submitter, the customer's answers;
//! - `servicebus` — activating ServiceBus: the username by e-mail, the password by SMS.

mod check;
pub mod conversation;
mod notify;
mod place;
mod prerequisites;
pub mod servicebus;
mod signing;
pub mod status;

pub use check::{CheckedOrder, check, legal_entity_of};
pub use place::{Acceptance, Placed, Signer, place};
pub use signing::{StartedSigning, complete_signing, start_signing};
