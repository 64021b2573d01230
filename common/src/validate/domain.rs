//! A domain name as Norid and DNS accept it: labels of letters (Norwegian and the other
//! letters .no allows), digits and inner hyphens, at least two labels. Stored lower-case.

use std::fmt;

use crate::FieldError;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DomainName(String);

/// Letters .no accepts beyond a–z (Norid's list, the common ones).
const EXTRA_LETTERS: &str = "æøåäöüéèêàáâóòôçñ";

impl DomainName {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let name = crate::i18n::lower_case(input.trim().trim_end_matches('.'));
        let labels: Vec<&str> = name.split('.').collect();
        let label_ok = |l: &&str| {
            (1..=63).contains(&l.chars().count())
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| {
                    c.is_ascii_lowercase()
                        || c.is_ascii_digit()
                        || c == '-'
                        || EXTRA_LETTERS.contains(c)
                })
        };
        if name.len() > 253 || labels.len() < 2 || !labels.iter().all(label_ok) {
            return Err(FieldError::BadDomain);
        }
        Ok(DomainName(name))
    }
}

impl fmt::Display for DomainName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        for ok in ["legekontoret.no", "Bø-legesenter.NO.", "ns1.helsenett.no"] {
            assert!(DomainName::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            DomainName::parse(" Bø-Legesenter.no ").unwrap().to_string(),
            "bø-legesenter.no"
        );
        for bad in [
            "legekontoret",
            "-lege.no",
            "lege-.no",
            "lege kontor.no",
            "lege..no",
            "https://lege.no",
        ] {
            assert_eq!(DomainName::parse(bad), Err(FieldError::BadDomain), "{bad}");
        }
    }
}
