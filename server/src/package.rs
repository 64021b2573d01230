//! The signed document package (SPEC §4), as Posten's signing service made it for NHN: a
//! cover page ("Dokumentet er elektronisk signert av NAVN / Signert DD.MM.ÅÅÅÅ med
//! ID-porten: METODE" and what the package holds), the original document with a
//! watermark on every page, and the signature data. The caller seals the whole file
//! (`crate::seal`), so a changed byte anywhere is detected.

use common::i18n::{Lang, fill, t};
use common::services::DocumentRef;

use crate::documents::{self, Line, Part};

/// What the package says about the signature.
pub struct Signature<'a> {
    /// "Signering av bruksvilkår for Digital Dialog Fastlege"
    pub title: &'a str,
    pub signer: &'a str,
    /// The eID as ID-porten named it, e.g. "Minid-PIN".
    pub method: &'a str,
    pub level: &'a str,
    /// The signer's fødselsnummer, protected (`Sealer::protect_fnr`).
    pub signer_key: &'a str,
    pub signed_at_ms: i64,
    pub reference: &'a str,
    pub organisation: &'a str,
}

/// The package as PDF, not yet sealed.
pub fn render(
    doc: &DocumentRef,
    sig: &Signature,
    lang: Lang,
) -> Result<Vec<u8>, crate::documents::PdfError> {
    let text = doc.current().ok_or("no text for the document")?;
    let original = documents::document_lines(doc, text);
    let sha256 = documents::sha256_of(doc).ok_or("no text for the document")?;
    let cover = vec![
        Line::heading(sig.title),
        Line::blank(),
        Line::body(t::PKG_SIGNED_BY.get(lang)),
        Line::subheading(&sig.signer.to_uppercase()),
        Line::body(&fill(
            t::SIGNED_ON.get(lang),
            &[&crate::oslo_time::date(sig.signed_at_ms), sig.method],
        )),
        Line::blank(),
        Line::blank(),
        Line::subheading(t::PKG_CONTAINS.get(lang)),
        Line::body(&format!("• {}", t::PKG_ITEM_COVER.get(lang))),
        Line::body(&format!("• {}", t::PKG_ITEM_ORIGINAL.get(lang))),
        Line::body(&format!("• {}", t::PKG_ITEM_SIGNATURE.get(lang))),
        Line::blank(),
        Line::body(t::PKG_SEAL_NOTE.get(lang)),
    ];
    let field =
        |label: common::Text, value: &str| Line::body(&format!("{}: {value}", label.get(lang)));
    let signature_data = vec![
        Line::heading(t::PKG_SIGNATURE_DATA.get(lang)),
        Line::blank(),
        field(t::PKG_SIGNER, sig.signer),
        field(t::PKG_SIGNER_ID, sig.signer_key),
        field(t::PKG_EID, sig.method),
        field(t::PKG_LEVEL, sig.level),
        field(
            t::PKG_TIME,
            &crate::oslo_time::date_and_time(sig.signed_at_ms),
        ),
        field(t::PKG_DOCUMENT, doc.title.nb),
        field(t::PKG_VERSION, doc.version),
        field(t::PKG_DOCUMENT_HASH, &sha256),
        field(t::PKG_ORDER, sig.reference),
        field(t::RECEIPT_ORG, sig.organisation),
    ];
    documents::render_parts(
        sig.title,
        &[
            Part {
                lines: &cover,
                watermark: None,
            },
            Part {
                lines: &original,
                watermark: Some(t::PKG_WATERMARK.get(lang)),
            },
            Part {
                lines: &signature_data,
                watermark: None,
            },
        ],
    )
}
