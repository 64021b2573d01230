//! Validated values: each type can only be built by its `parse`, so holding one is
//! proof that the input passed the rule (SPEC §6). Serde goes through `parse` too
//! (`#[serde(try_from = "String")]`), so JSON cannot smuggle an invalid value in.

mod attachment;
mod date;
mod domain;
mod email;
mod fodselsnummer;
mod her_id;
mod org_number;
mod password;
mod phone;
mod text;

pub use attachment::{AttachmentRef, MAX_ATTACHMENT_BYTES, check_pdf, clean_name};
pub use date::Date;
pub use domain::DomainName;
pub use email::Email;
pub use fodselsnummer::{FnrKind, Fodselsnummer, masked};
pub use her_id::HerId;
pub use org_number::OrgNumber;
pub use password::{CODE_DIGITS, NewPassword, PASSWORD_MIN_CHARS, SecurityCode};
pub use phone::{MobileNumber, PhoneNumber};
pub use text::BoundedText;

/// Removes the spaces people type to group digits ("994 598 759").
fn without_spaces(input: &str) -> String {
    input.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The digits of `s` as numbers, or `None` if anything else is there.
fn digits(s: &str) -> Option<Vec<u32>> {
    s.chars().map(|c| c.to_digit(10)).collect()
}

/// Σ digit × weight.
fn weighted_sum(digits: &[u32], weights: &[u32]) -> u32 {
    digits.iter().zip(weights).map(|(d, w)| d * w).sum()
}

/// Implements the string plumbing every validated newtype shares: `AsRef<str>`,
/// `TryFrom<String>` (for serde), `From<T> for String`.
macro_rules! string_newtype {
    ($ty:ident) => {
        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
        impl TryFrom<String> for $ty {
            type Error = crate::FieldError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                $ty::parse(&value)
            }
        }
        impl From<$ty> for String {
            fn from(value: $ty) -> String {
                value.0
            }
        }
    };
}
pub(crate) use string_newtype;
