//! Free text with a maximum length, counted in characters (not bytes: "Ørland" is 6).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::FieldError;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BoundedText(String);

impl BoundedText {
    /// Trims surrounding whitespace; empty input is `Required`, control characters are dropped.
    pub fn parse(input: &str, max: u32) -> Result<Self, FieldError> {
        let cleaned: String = input.trim().chars().filter(|c| !c.is_control()).collect();
        if cleaned.is_empty() {
            return Err(FieldError::Required);
        }
        if cleaned.chars().count() > max as usize {
            return Err(FieldError::TooLong { max });
        }
        Ok(BoundedText(cleaned))
    }
}

impl AsRef<str> for BoundedText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BoundedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
