//! E-mail addresses: one `@`, a non-empty local part, a domain with a dot, no spaces.
//! Deliberately simple (the address is confirmed by the mail that reaches it); no regex,
//! which would weigh down the wasm bundle.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::string_newtype;
use crate::FieldError;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

/// RFC 5321's limit on a forward path.
const MAX_LEN: usize = 254;

impl Email {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(FieldError::Required);
        }
        if trimmed.chars().count() > MAX_LEN {
            return Err(FieldError::TooLong {
                max: MAX_LEN as u32,
            });
        }
        let (local, domain) = trimmed.split_once('@').ok_or(FieldError::BadEmail)?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with(['.', '-'])
            && !domain.ends_with(['.', '-'])
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let local_ok = !local.is_empty()
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local
                .chars()
                .all(|c| !c.is_whitespace() && !c.is_control() && !"@<>()[],;:\\\"".contains(c));
        if !(domain_ok && local_ok) {
            return Err(FieldError::BadEmail);
        }
        Ok(Email(trimmed.to_owned()))
    }
}

string_newtype!(Email);

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
