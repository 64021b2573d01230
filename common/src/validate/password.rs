//! What the customer-portal login accepts: a new password (long enough to resist
//! guessing, never echoed by `Debug`) and the six-digit security code.

use std::fmt;

use crate::FieldError;

/// The shortest password the portal accepts. Length beats composition rules
/// (NIST SP 800-63B); people may use spaces and any characters they like.
pub const PASSWORD_MIN_CHARS: u32 = 12;
/// The longest: enough for passphrases, short enough that hashing cannot be abused.
pub const PASSWORD_MAX_CHARS: u32 = 128;
/// Digits in a security code sent by SMS or e-mail.
pub const CODE_DIGITS: u32 = 6;

/// A password someone chose; its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        if input.is_empty() {
            return Err(FieldError::Required);
        }
        let chars = input.chars().count() as u32;
        if chars < PASSWORD_MIN_CHARS || input.trim().is_empty() {
            return Err(FieldError::PasswordTooShort {
                min: PASSWORD_MIN_CHARS,
            });
        }
        if chars > PASSWORD_MAX_CHARS {
            return Err(FieldError::TooLong {
                max: PASSWORD_MAX_CHARS,
            });
        }
        Ok(NewPassword(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// A security code as typed: six digits, spaces allowed ("123 456").
#[derive(Clone, PartialEq, Eq)]
pub struct SecurityCode(String);

impl SecurityCode {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let code = super::without_spaces(input);
        if code.is_empty() {
            return Err(FieldError::Required);
        }
        if !code.chars().all(|c| c.is_ascii_digit()) {
            return Err(FieldError::NotDigits);
        }
        if code.len() != CODE_DIGITS as usize {
            return Err(FieldError::WrongLength {
                expected: CODE_DIGITS,
            });
        }
        Ok(SecurityCode(code))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecurityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecurityCode(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_long_enough_and_not_blank() {
        assert_eq!(NewPassword::parse(""), Err(FieldError::Required));
        assert_eq!(
            NewPassword::parse("kort-passord"[..11].as_ref()),
            Err(FieldError::PasswordTooShort { min: 12 })
        );
        assert_eq!(
            NewPassword::parse("            "),
            Err(FieldError::PasswordTooShort { min: 12 })
        );
        assert!(
            NewPassword::parse("tolv tegn æø").is_ok(),
            "counts characters, not bytes"
        );
        assert_eq!(
            NewPassword::parse(&"x".repeat(129)),
            Err(FieldError::TooLong { max: 128 })
        );
        assert_eq!(
            format!("{:?}", NewPassword::parse("hemmelig-passord").unwrap()),
            "NewPassword(***)"
        );
    }

    #[test]
    fn codes_are_six_digits() {
        assert_eq!(SecurityCode::parse("123 456").unwrap().expose(), "123456");
        assert_eq!(SecurityCode::parse(""), Err(FieldError::Required));
        assert_eq!(SecurityCode::parse("12345a"), Err(FieldError::NotDigits));
        assert_eq!(
            SecurityCode::parse("12345"),
            Err(FieldError::WrongLength { expected: 6 })
        );
        assert_eq!(
            SecurityCode::parse("１２３４５６"),
            Err(FieldError::NotDigits),
            "full-width digits are not ASCII digits"
        );
    }
}
