//! Fødselsnummer and its relatives: 11 digits, being the date of birth (6), the individual
//! number (3) and two mod-11 control digits. D-numbers add 40 to the day, H-numbers 40 to the month,
//! synthetic test numbers (Test Norge, Skatteetaten) 80 to the month; Felles hjelpenummer
//! start with 8 or 9 and carry no date. From 2032 the first control digit may come from
//! remainder 0, 1, 2 or 3 (Skatteetaten's extended series), so all four are accepted.
//!
//! A fødselsnummer is personal data: `Display` and `Debug` mask it, so it cannot leak
//! into a log line or an error message by accident. Use `expose()` where the digits are
//! really needed (storage, comparison with an eID's `pid`).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{digits, weighted_sum, without_spaces};
use crate::FieldError;

#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Fodselsnummer {
    digits: String,
    kind: FnrKind,
}

/// Which series the number belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FnrKind {
    /// An ordinary fødselsnummer.
    Fnr,
    /// D-nummer: day + 40.
    Dnr,
    /// H-nummer: month + 40.
    Hnr,
    /// Synthetic test person: month + 80.
    Synthetic,
    /// Felles hjelpenummer: first digit 8 or 9.
    Fh,
}

const K1_WEIGHTS: [u32; 10] = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1];
const K2_WEIGHTS: [u32; 11] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

impl Fodselsnummer {
    /// Parses a number where Felles hjelpenummer are not accepted (the usual case).
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        Self::parse_with(input, false)
    }

    /// Parses a number; `allow_fh` says whether this field takes Felles hjelpenummer.
    pub fn parse_with(input: &str, allow_fh: bool) -> Result<Self, FieldError> {
        let compact = without_spaces(input);
        if compact.is_empty() {
            return Err(FieldError::Required);
        }
        let d = digits(&compact).ok_or(FieldError::NotDigits)?;
        if d.len() != 11 {
            return Err(FieldError::WrongLength { expected: 11 });
        }
        // Control digits first: a typing error is the likeliest cause of any failure.
        // k1: the weighted sum over the first ten digits must leave remainder 0..=3.
        if weighted_sum(&d[..10], &K1_WEIGHTS) % 11 > 3 {
            return Err(FieldError::BadChecksum);
        }
        if !weighted_sum(&d, &K2_WEIGHTS).is_multiple_of(11) {
            return Err(FieldError::BadChecksum);
        }
        let kind = if d[0] >= 8 {
            if !allow_fh {
                return Err(FieldError::FhNotAllowed);
            }
            FnrKind::Fh
        } else {
            birth_date_kind(&d).ok_or(FieldError::NoSuchDate)?
        };
        Ok(Fodselsnummer {
            digits: compact,
            kind,
        })
    }

    pub fn kind(&self) -> FnrKind {
        self.kind
    }

    /// The date of birth as "YYYY-MM-DD" (Enhetsregisteret's `fodselsdato`); `None` for
    /// Felles hjelpenummer, which carry no date.
    pub fn birth_date(&self) -> Option<String> {
        if self.kind == FnrKind::Fh {
            return None;
        }
        let d: Vec<u32> = self.digits.chars().filter_map(|c| c.to_digit(10)).collect();
        let day = (d[0] * 10 + d[1]) % 40;
        let month = (d[2] * 10 + d[3]) % 40;
        let yy = d[4] * 10 + d[5];
        let year = century(d[6] * 100 + d[7] * 10 + d[8], yy)? + yy;
        Some(format!("{year:04}-{month:02}-{day:02}"))
    }

    /// The digits themselves. Personal data: never log or put in a URL.
    pub fn expose(&self) -> &str {
        &self.digits
    }
}

/// Checks the date of birth and tells the series; `None` when there is no such date.
fn birth_date_kind(d: &[u32]) -> Option<FnrKind> {
    let mut day = d[0] * 10 + d[1];
    let mut month = d[2] * 10 + d[3];
    let yy = d[4] * 10 + d[5];
    let individual = d[6] * 100 + d[7] * 10 + d[8];
    let mut kind = FnrKind::Fnr;
    if day > 40 {
        day -= 40;
        kind = FnrKind::Dnr;
    }
    if month > 80 {
        month -= 80;
        kind = FnrKind::Synthetic;
    } else if month > 40 {
        month -= 40;
        kind = FnrKind::Hnr;
    }
    let year = century(individual, yy)? + yy;
    (1..=12).contains(&month).then_some(())?;
    (1..=days_in_month(year, month))
        .contains(&day)
        .then_some(kind)
}

/// The century from the individual number (Skatteetaten's table).
fn century(individual: u32, yy: u32) -> Option<u32> {
    match individual {
        0..=499 => Some(1900),
        500..=749 if yy >= 54 => Some(1800),
        500..=999 if yy <= 39 => Some(2000),
        900..=999 if yy >= 40 => Some(1900),
        _ => None,
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl TryFrom<String> for Fodselsnummer {
    type Error = FieldError;
    /// Deserialising accepts Felles hjelpenummer only where a field says so; API fields
    /// that allow them validate through the form spec instead.
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Fodselsnummer::parse(&value)
    }
}

impl From<Fodselsnummer> for String {
    fn from(value: Fodselsnummer) -> String {
        value.digits
    }
}

/// Shows only the date part; the personal digits are masked.
impl fmt::Display for Fodselsnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&masked(&self.digits))
    }
}

/// A fødselsnummer as it may be shown: the date of birth and five stars ("080988*****").
/// Also for a number as typed, not yet parsed.
pub fn masked(raw: &str) -> String {
    format!("{}*****", raw.chars().take(6).collect::<String>())
}

impl fmt::Debug for Fodselsnummer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fodselsnummer({self}, {:?})", self.kind)
    }
}
