//! Free text with a maximum length, counted in characters (not bytes: "Ørland" is 6).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::FieldError;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BoundedText(String);

impl BoundedText {
    /// Trims surrounding whitespace; empty input is `Required`; control characters and
    /// the invisible ones that change how text reads (bidi overrides, zero-width) are
    /// dropped, so a name in the evidence and on a PDF shows what it says.
    pub fn parse(input: &str, max: u32) -> Result<Self, FieldError> {
        let cleaned: String = input
            .trim()
            .chars()
            .filter(|c| !c.is_control() && !is_invisible(*c))
            .collect();
        let cleaned = cleaned.trim().to_owned();
        if cleaned.is_empty() {
            return Err(FieldError::Required);
        }
        if cleaned.chars().count() > max as usize {
            return Err(FieldError::TooLong { max });
        }
        Ok(BoundedText(cleaned))
    }
}

/// Bidi embeddings, overrides and isolates, direction marks, zero-width characters,
/// the word joiner, the byte-order mark and the soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_that_change_how_text_reads_are_dropped() {
        let spoofed = "Kari\u{202E}nosrepts\u{202C} Test\u{200B}person\u{FEFF}";
        assert_eq!(
            BoundedText::parse(spoofed, 100).unwrap().as_ref(),
            "Karinosrepts Testperson"
        );
        assert_eq!(
            BoundedText::parse("\u{200B}\u{2066}", 100).unwrap_err(),
            FieldError::Required
        );
        assert_eq!(
            BoundedText::parse("Åse Ødegård", 100).unwrap().as_ref(),
            "Åse Ødegård"
        );
    }
}
