//! HER-id: the identifier of a communication party in NHN's Adresseregister; a positive integer.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::without_spaces;
use crate::FieldError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct HerId(u32);

impl HerId {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let compact = without_spaces(input);
        if compact.is_empty() {
            return Err(FieldError::Required);
        }
        if compact.starts_with('-')
            && compact[1..].chars().all(|c| c.is_ascii_digit())
            && compact.len() > 1
        {
            return Err(FieldError::NotPositive);
        }
        if !compact.chars().all(|c| c.is_ascii_digit()) {
            return Err(FieldError::NotDigits);
        }
        // HER-ids are at most 9 digits; more cannot be one (and would overflow).
        if compact.len() > 9 {
            return Err(FieldError::TooLong { max: 9 });
        }
        match compact.parse::<u32>() {
            Ok(0) | Err(_) => Err(FieldError::NotPositive),
            Ok(n) => Ok(HerId(n)),
        }
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

impl TryFrom<String> for HerId {
    type Error = FieldError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        HerId::parse(&value)
    }
}

impl From<HerId> for String {
    fn from(value: HerId) -> String {
        value.0.to_string()
    }
}

impl fmt::Display for HerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
