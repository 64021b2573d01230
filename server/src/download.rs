//! A PDF the browser shows or saves, under its own name: the ASCII `filename` for old
//! clients and the UTF-8 `filename*` (RFC 6266) so "Vedlegg æøå.pdf" keeps its letters.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// Whether the browser shows the PDF or saves it.
#[derive(Clone, Copy, Debug)]
pub enum Disposition {
    Inline,
    Attachment,
}

pub fn pdf(disposition: Disposition, name: &str, bytes: Vec<u8>) -> Response {
    let kind = match disposition {
        Disposition::Inline => "inline",
        Disposition::Attachment => "attachment",
    };
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let value = format!(
        "{kind}; filename=\"{ascii}\"; filename*=UTF-8''{}",
        percent_encoding::utf8_percent_encode(name, percent_encoding::NON_ALPHANUMERIC)
    );
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, value),
        ],
        bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_keeps_its_letters_and_the_fallback_is_ascii() {
        let response = pdf(Disposition::Attachment, "Egenerklæring 1.pdf", vec![]);
        let value = response.headers()[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap();
        assert_eq!(
            value,
            "attachment; filename=\"Egenerkl_ring_1.pdf\"; filename*=UTF-8''Egenerkl%C3%A6ring%201%2Epdf"
        );
    }
}
