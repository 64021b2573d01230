//! Organisasjonsnummer and virksomhetsnummer (Enhetsregisteret): 9 digits, the last a
//! mod-11 control digit with weights 3 2 7 6 5 4 3 2.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{digits, string_newtype, weighted_sum, without_spaces};
use crate::FieldError;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OrgNumber(String);

const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];

impl OrgNumber {
    /// Accepts the 9 digits with or without spaces; stores them without.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let compact = without_spaces(input);
        if compact.is_empty() {
            return Err(FieldError::Required);
        }
        let d = digits(&compact).ok_or(FieldError::NotDigits)?;
        if d.len() != 9 {
            return Err(FieldError::WrongLength { expected: 9 });
        }
        if mod11_control(&d[..8], &WEIGHTS) != Some(d[8]) {
            return Err(FieldError::BadChecksum);
        }
        Ok(OrgNumber(compact))
    }
}

/// The mod-11 control digit for `digits`, or `None` when the remainder is 1 (no digit exists).
pub(crate) fn mod11_control(digits: &[u32], weights: &[u32]) -> Option<u32> {
    match 11 - weighted_sum(digits, weights) % 11 {
        11 => Some(0),
        10 => None,
        k => Some(k),
    }
}

string_newtype!(OrgNumber);

impl fmt::Display for OrgNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
