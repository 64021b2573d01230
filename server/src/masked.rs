//! Contact details masked for showing: enough for their owner to recognise, not enough
//! for anyone else to learn them (where a login code went, where a password was sent).

/// A mobile number as shown to whoever should recognise it, not learn it: "*** ** 567".
pub fn mobile(mobile: &str) -> String {
    let digits: String = mobile.chars().filter(char::is_ascii_digit).collect();
    let last = &digits[digits.len().saturating_sub(3)..];
    format!("*** ** {last}")
}

/// An e-mail address the same way: "k***@legekontor.no".
pub fn email(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_are_masked() {
        assert_eq!(mobile("41234567"), "*** ** 567");
        assert_eq!(email("kari.kontakt@legekontor.no"), "k***@legekontor.no");
    }
}
