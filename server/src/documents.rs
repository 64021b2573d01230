//! Agreement documents: the exact text of each version (our own sample texts, marked as
//! such), its SHA-256 (the evidence stored with each acceptance names the hash of what was
//! accepted), and its rendering to PDF with krilla. A new version is a new entry; an old
//! one is never changed.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use common::i18n::t;
use common::services::{AgreementText, DocumentRef};
use krilla::Document;
use krilla::geom::Point;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};
use sha2::{Digest, Sha256};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};

/// One published version of a document (the texts live beside the services' specs).
/// Versions are added, never edited: the pinned hashes in the tests below fail if an old
/// text changes.
pub fn text(id: &str, version: &str) -> Option<&'static AgreementText> {
    common::services::document(id)?.text(version)
}

/// The SHA-256 of a version's canonical text, under the document's title.
pub fn sha256(text: &AgreementText, title: &str) -> String {
    crate::hex::encode(&Sha256::digest(text.canonical(title).as_bytes()))
}

/// Hashes of the current versions, by document id: worked out once, since every order
/// names them and a version's text never changes.
static CURRENT_HASHES: LazyLock<HashMap<&'static str, String>> = LazyLock::new(|| {
    common::services::SERVICES
        .iter()
        .flat_map(|s| s.documents.iter())
        .filter_map(|doc| Some((doc.id, sha256(doc.current()?, doc.title.nb))))
        .collect()
});

/// The hash of the text a document reference points to.
pub fn sha256_of(doc: &DocumentRef) -> Option<String> {
    CURRENT_HASHES.get(doc.id).cloned()
}

const REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// Rendered PDFs by document id.
/// A document version: (id, version).
type VersionKey = (&'static str, &'static str);

static PDF_CACHE: LazyLock<Mutex<HashMap<VersionKey, Vec<u8>>>> = LazyLock::new(Default::default);

/// A version of the document as PDF; rendered once and kept (a version never changes).
pub fn pdf(doc: &'static DocumentRef, text: &'static AgreementText) -> Option<Vec<u8>> {
    let key = (doc.id, text.version);
    if let Some(bytes) = PDF_CACHE.lock().ok()?.get(&key) {
        return Some(bytes.clone());
    }
    let lines = document_lines(doc, text);
    let bytes = render(doc.title.nb, &lines).ok()?;
    PDF_CACHE.lock().ok()?.insert(key, bytes.clone());
    Some(bytes)
}

/// The document as lines to lay out: title, version, the sample note with the hash, text.
pub fn document_lines(doc: &DocumentRef, text: &AgreementText) -> Vec<Line> {
    let mut lines = vec![
        Line::heading(doc.title.nb),
        Line::body(&format!(
            "Versjon {}, gjeldende fra {}",
            text.version, text.valid_from
        )),
        Line::body(&format!(
            "{} SHA-256: {}",
            t::SAMPLE_DOCUMENT.nb,
            sha256(text, doc.title.nb)
        )),
        Line::blank(),
    ];
    for p in text.paragraphs {
        lines.push(Line::body(p));
        lines.push(Line::blank());
    }
    lines
}

/// A receipt as PDF (issue 5): reference, who ordered for which organisation and when,
/// every answer as the user read it, and the documents accepted with version and hash.
pub fn receipt_pdf(
    receipt: &common::api::Receipt,
    lang: common::Lang,
) -> Result<Vec<u8>, PdfError> {
    let service = common::services::by_slug(&receipt.service);
    let service_name = service.map_or(receipt.service.clone(), |s| s.name.get(lang).to_owned());
    let field =
        |label: common::Text, value: &str| Line::body(&format!("{}: {value}", label.get(lang)));
    let mut lines = vec![
        Line::heading(t::RECEIPT_TITLE.get(lang)),
        Line::blank(),
        field(t::DONE_REFERENCE, &receipt.reference),
        field(t::RECEIPT_SERVICE, &service_name),
        field(t::RECEIPT_ORG, &receipt.organisation.display()),
        field(t::RECEIPT_ORDERED_BY, &receipt.ordered_by),
        field(t::RECEIPT_SUBMITTED, &receipt.submitted_at),
        Line::blank(),
        Line::subheading(t::RECEIPT_ANSWERS.get(lang)),
    ];
    for line in service
        .map(|s| s.form.answer_lines(&receipt.answers, lang))
        .unwrap_or_default()
    {
        lines.push(Line::body(&format!("{}: {}", line.label, line.value)));
    }
    if !receipt.documents.is_empty() {
        lines.push(Line::blank());
        lines.push(Line::subheading(t::RECEIPT_DOCUMENTS.get(lang)));
        for d in &receipt.documents {
            lines.push(Line::body(&common::i18n::fill(
                t::RECEIPT_DOCUMENT_LINE.get(lang),
                &[&d.title, &d.version, &d.sha256],
            )));
        }
    }
    if let Some(s) = &receipt.signature {
        lines.push(Line::blank());
        lines.push(Line::body(&common::i18n::fill(
            t::SIGNED_BY.get(lang),
            &[&s.signer],
        )));
        lines.push(Line::body(&common::i18n::fill(
            t::SIGNED_ON.get(lang),
            &[&s.signed_on, &s.method],
        )));
    }
    render(t::RECEIPT_TITLE.get(lang), &lines)
}

/// Why a PDF could not be made (a font that does not load, krilla's own errors).
#[derive(Debug, thiserror::Error)]
#[error("PDF: {0}")]
pub struct PdfError(pub String);

impl From<&str> for PdfError {
    fn from(what: &str) -> Self {
        PdfError(what.to_owned())
    }
}

/// A paragraph to lay out.
pub struct Line {
    text: String,
    bold: bool,
    size: f32,
}

impl Line {
    pub fn heading(text: &str) -> Self {
        Line {
            text: text.to_owned(),
            bold: true,
            size: 16.0,
        }
    }
    pub fn subheading(text: &str) -> Self {
        Line {
            text: text.to_owned(),
            bold: true,
            size: 12.0,
        }
    }
    pub fn body(text: &str) -> Self {
        Line {
            text: text.to_owned(),
            bold: false,
            size: 10.5,
        }
    }
    pub fn blank() -> Self {
        Line {
            text: String::new(),
            bold: false,
            size: 6.0,
        }
    }
}

const PAGE_W: f32 = 595.0; // A4 in points
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 56.0;

/// A part of a document that starts on a new page; `watermark` is drawn across each of
/// its pages (the original in a signed package).
pub struct Part<'a> {
    pub lines: &'a [Line],
    pub watermark: Option<&'a str>,
}

/// Lays paragraphs out on A4 pages: words wrapped by their real widths in the font
/// (krilla has no layout engine), a new page when one is full.
pub fn render(title: &str, lines: &[Line]) -> Result<Vec<u8>, PdfError> {
    render_parts(
        title,
        &[Part {
            lines,
            watermark: None,
        }],
    )
}

/// Like `render`, with each part from a new page.
pub fn render_parts(title: &str, parts: &[Part]) -> Result<Vec<u8>, PdfError> {
    let regular = Font::new(REGULAR.into(), 0).ok_or("regular font")?;
    let bold = Font::new(BOLD.into(), 0).ok_or("bold font")?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language("nb".to_owned()),
    );
    for part in parts {
        render_part(&mut document, &regular, &bold, part)?;
    }
    document.finish().map_err(|e| PdfError(format!("{e:?}")))
}

fn render_part(
    document: &mut Document,
    regular: &Font,
    bold: &Font,
    part: &Part,
) -> Result<(), PdfError> {
    let mut wrapped: Vec<(String, bool, f32)> = Vec::new();
    for line in part.lines {
        let font_bytes = if line.bold { BOLD } else { REGULAR };
        if line.text.is_empty() {
            wrapped.push((String::new(), false, line.size));
        }
        for l in wrap(font_bytes, &line.text, line.size, PAGE_W - 2.0 * MARGIN) {
            wrapped.push((l, line.bold, line.size));
        }
    }
    let mut rest = wrapped.as_slice();
    while !rest.is_empty() {
        let mut page =
            document.start_page_with(PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("page size")?);
        let mut surface = page.surface();
        if let Some(mark) = part.watermark {
            watermark(&mut surface, bold, mark);
        }
        let mut y = MARGIN;
        while let Some(((text, is_bold, size), tail)) = rest.split_first() {
            let height = size * 1.45;
            if y + height > PAGE_H - MARGIN {
                break;
            }
            y += height;
            if !text.is_empty() {
                let font = if *is_bold {
                    bold.clone()
                } else {
                    regular.clone()
                };
                surface.draw_text(
                    Point::from_xy(MARGIN, y),
                    font,
                    *size,
                    text,
                    false,
                    TextDirection::Auto,
                );
            }
            rest = tail;
        }
        surface.finish();
        page.finish();
    }
    Ok(())
}

/// Large light-grey text across the page's diagonal, under the text drawn after it.
fn watermark(surface: &mut krilla::surface::Surface, font: &Font, mark: &str) {
    let size = 96.0;
    surface.push_transform(&krilla::geom::Transform::from_rotate_at(
        -45.0,
        PAGE_W / 2.0,
        PAGE_H / 2.0,
    ));
    surface.set_fill(Some(krilla::paint::Fill {
        paint: krilla::color::luma::Color::new(225).into(),
        ..Default::default()
    }));
    let width = measurer(BOLD, size)(mark);
    surface.draw_text(
        Point::from_xy((PAGE_W - width) / 2.0, PAGE_H / 2.0 + size / 3.0),
        font.clone(),
        size,
        mark,
        false,
        TextDirection::Auto,
    );
    surface.set_fill(Some(krilla::paint::Fill::default()));
    surface.pop();
}

/// The width of a text in the font at `size`, by the glyphs' advance widths.
/// The font is read once per measurer, not once per word.
fn measurer(font_bytes: &[u8], size: f32) -> impl Fn(&str) -> f32 + '_ {
    let font = skrifa::FontRef::new(font_bytes).ok();
    let charmap = font.as_ref().map(|f| f.charmap());
    let metrics = font
        .as_ref()
        .map(|f| f.glyph_metrics(Size::new(size), LocationRef::default()));
    move |s: &str| {
        s.chars()
            .map(|c| {
                charmap
                    .as_ref()
                    .and_then(|m| m.map(c))
                    .zip(metrics.as_ref())
                    .and_then(|(g, m)| m.advance_width(g))
                    .unwrap_or(size * 0.5)
            })
            .sum()
    }
}

/// Greedy word wrap by advance widths.
fn wrap(font_bytes: &[u8], text: &str, size: f32, width: f32) -> Vec<String> {
    let measure = measurer(font_bytes, size);
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if measure(&candidate) > width && !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            current = word.to_owned();
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every published version with the SHA-256 its acceptances name. A new version is a
    /// new line here; changing an old text (or its title) fails this test, because the
    /// evidence of everyone who accepted it points to that hash.
    const PUBLISHED: &[(&str, &str, &str)] = &[
        (
            "avtale-digihelse",
            "1.0",
            "30ea8f1c7de42532802e42794da9a46be63342809ec57f30d4fe7483c36a329c",
        ),
        (
            "bruksvilkar-ddfl",
            "1.0",
            "1932453f42be22054d2b9fdb1437917be74b42f5311004141781733392ba8b1b",
        ),
        (
            "vilkar-persontjenesten",
            "1.0",
            "5b7bca2eb2f29574e6b8f3577344f691af8d70fa42035ce9dc0343bc601c04e2",
        ),
        (
            "vilkar-helseid",
            "1.0",
            "0845042a8b84cbc1f2fcdeb782000a5851bc7cdf96c761a117ac5b413be77305",
        ),
    ];

    #[test]
    fn a_published_version_never_changes() {
        let published = common::services::SERVICES
            .iter()
            .flat_map(|s| s.documents.iter())
            .flat_map(|doc| doc.published.iter().map(move |text| (doc, text)));
        for (doc, text) in published {
            let pinned = PUBLISHED
                .iter()
                .find(|(id, version, _)| *id == doc.id && *version == text.version)
                .unwrap_or_else(|| panic!("{} {} is not in PUBLISHED", doc.id, text.version));
            assert_eq!(
                sha256(text, doc.title.nb),
                pinned.2,
                "{} {}",
                doc.id,
                text.version
            );
        }
        for (id, version, _) in PUBLISHED {
            assert!(text(id, version).is_some(), "{id} {version} was removed");
        }
    }

    #[test]
    fn every_service_document_has_its_current_version() {
        for service in common::services::SERVICES {
            for doc in service.documents {
                assert!(doc.current().is_some(), "{} {}", doc.id, doc.version);
            }
        }
    }
}
