//! A file attached to an order (the domain's self-declaration): PDF only, decided by the
//! bytes rather than the name, and never larger than `MAX_ATTACHMENT_BYTES`. The SPA runs
//! the same check before uploading, the server again on what arrives.

use std::fmt;

use crate::FieldError;

/// 5 MiB: a scanned, signed self-declaration is well below it.
pub const MAX_ATTACHMENT_BYTES: usize = 5 * 1024 * 1024;

/// The longest file name kept (characters).
const MAX_NAME_CHARS: usize = 200;

/// Checks that `bytes` are a PDF of acceptable size: the header `%PDF-` at the start and
/// the end-of-file marker near the end, as every PDF writer puts them.
pub fn check_pdf(bytes: &[u8]) -> Result<(), FieldError> {
    if bytes.is_empty() {
        return Err(FieldError::EmptyFile);
    }
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(FieldError::FileTooLarge {
            max_mb: (MAX_ATTACHMENT_BYTES / (1024 * 1024)) as u32,
        });
    }
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !bytes.starts_with(b"%PDF-") || !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(FieldError::NotPdf);
    }
    Ok(())
}

/// An uploaded attachment as a form answer: `"{id}:{file name}"`. The id is the server's
/// (32 hex digits); the name is kept so the answers and the receipt can show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttachmentRef {
    id: String,
    name: String,
}

impl AttachmentRef {
    pub fn new(id: &str, name: &str) -> Result<Self, FieldError> {
        Self::parse(&format!("{id}:{name}"))
    }

    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let (id, name) = input.split_once(':').ok_or(FieldError::AttachmentMissing)?;
        let name = clean_name(name);
        if id.len() != 32
            || !id
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
            || name.is_empty()
        {
            return Err(FieldError::AttachmentMissing);
        }
        Ok(AttachmentRef {
            id: id.to_owned(),
            name,
        })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn name(&self) -> &str {
        &self.name
    }
}

/// The file name as shown: no path, no control characters, at most 200 characters.
pub fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect()
}

impl fmt::Display for AttachmentRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.id, self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

    #[test]
    fn a_pdf_is_known_by_its_bytes() {
        assert_eq!(check_pdf(PDF), Ok(()));
        assert_eq!(
            check_pdf(b"PK\x03\x04 word document"),
            Err(FieldError::NotPdf)
        );
        assert_eq!(check_pdf(b"%PDF-1.7 cut short"), Err(FieldError::NotPdf));
        assert_eq!(check_pdf(b""), Err(FieldError::EmptyFile));
        let mut big = PDF.to_vec();
        big.resize(MAX_ATTACHMENT_BYTES + 1, b' ');
        assert_eq!(check_pdf(&big), Err(FieldError::FileTooLarge { max_mb: 5 }));
    }

    #[test]
    fn a_reference_holds_the_id_and_a_clean_name() {
        let id = "0123456789abcdef0123456789abcdef";
        let r = AttachmentRef::parse(&format!("{id}:C:\\Users\\kari\\egenerklæring.pdf")).unwrap();
        assert_eq!((r.id(), r.name()), (id, "egenerklæring.pdf"));
        assert!(AttachmentRef::parse("egenerklæring.pdf").is_err());
        assert!(AttachmentRef::parse(&format!("{}:x.pdf", "Z".repeat(32))).is_err());
        assert!(AttachmentRef::parse(&format!("{id}:")).is_err());
    }
}
