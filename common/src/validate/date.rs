//! A calendar date as forms take it: `2026-11-23` (what a date input gives) or
//! `23.11.2026` as Norwegians write it. Shown and stored as `2026-11-23`.

use std::fmt;

use crate::FieldError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

impl Date {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(FieldError::Required);
        }
        let parts: Vec<&str> = if input.contains('-') {
            input.split('-').collect()
        } else {
            input.split('.').rev().collect()
        };
        let [y, m, d] = parts.as_slice() else {
            return Err(FieldError::BadDate);
        };
        let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
            (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u16>().ok())
                .flatten()
        };
        let (Some(year), Some(month), Some(day)) =
            (digits(y, 4..=4), digits(m, 1..=2), digits(d, 1..=2))
        else {
            return Err(FieldError::BadDate);
        };
        let (month, day) = (month as u8, day as u8);
        if !(1900..=2200).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return Err(FieldError::BadDate);
        }
        Ok(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_spellings_and_real_days_only() {
        assert_eq!(Date::parse("2026-11-23").unwrap().to_string(), "2026-11-23");
        assert_eq!(Date::parse("23.11.2026").unwrap().to_string(), "2026-11-23");
        assert_eq!(Date::parse("1.2.2027").unwrap().to_string(), "2027-02-01");
        assert_eq!(Date::parse("29.02.2028").unwrap().to_string(), "2028-02-29");
        for bad in [
            "29.02.2027",
            "31.04.2026",
            "00.01.2026",
            "2026-13-01",
            "23/11/2026",
            "i morgen",
            "23.11.26",
        ] {
            assert_eq!(Date::parse(bad), Err(FieldError::BadDate), "{bad}");
        }
        assert_eq!(Date::parse(" "), Err(FieldError::Required));
        assert!(Date::parse("01.01.2027").unwrap() > Date::parse("31.12.2026").unwrap());
    }
}
