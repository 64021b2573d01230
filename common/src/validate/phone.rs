//! Norwegian phone numbers: 8 digits, optionally prefixed +47 or 0047, spaces allowed.
//! Mobile numbers start with 4 or 9. Stored normalised as the 8 digits.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{digits, string_newtype, without_spaces};
use crate::FieldError;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MobileNumber(String);

/// The 8 national digits, after removing spaces and the country code.
fn national_digits(input: &str) -> Result<String, FieldError> {
    let compact = without_spaces(input);
    if compact.is_empty() {
        return Err(FieldError::Required);
    }
    let national = if let Some(rest) = compact
        .strip_prefix("+47")
        .or_else(|| compact.strip_prefix("0047"))
    {
        rest
    } else if compact.starts_with('+') || (compact.starts_with("00") && compact.len() > 8) {
        return Err(FieldError::NotNorwegian);
    } else {
        &compact
    };
    digits(national).ok_or(FieldError::NotDigits)?;
    if national.len() != 8 {
        return Err(FieldError::WrongLength { expected: 8 });
    }
    Ok(national.to_owned())
}

impl PhoneNumber {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let national = national_digits(input)?;
        // Norwegian subscriber numbers never start with 0 or 1 (those are prefixes and services).
        if national.starts_with(['0', '1']) {
            return Err(FieldError::BadPhone);
        }
        Ok(PhoneNumber(national))
    }
}

impl MobileNumber {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let national = national_digits(input)?;
        if !national.starts_with(['4', '9']) {
            return Err(FieldError::NotMobile);
        }
        Ok(MobileNumber(national))
    }
}

string_newtype!(PhoneNumber);
string_newtype!(MobileNumber);

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for MobileNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
