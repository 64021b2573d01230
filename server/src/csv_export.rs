//! The customer centre's queue as CSV for Excel: UTF-8 with a byte-order mark (without it
//! Excel reads æøå wrong), `;` between fields (Norwegian Excel's list separator), written
//! by the `csv` crate (quoting). A text that a spreadsheet would take for a formula
//! (starting with `=`, `+`, `-`, `@`) gets a leading apostrophe: an organisation's name is
//! the customer's own input.

use common::Lang;
use common::api::staff::{AnswerTime, QueueItem};
use common::i18n::t;

use crate::error::ApiError;

/// The rows as a CSV file, headings in `lang`.
pub fn queue(items: &[QueueItem], lang: Lang) -> Result<Vec<u8>, ApiError> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(&mut out);
    let headings = [
        t::ORDERS_REFERENCE,
        t::ORDERS_SERVICE,
        t::KS_COL_ORG,
        t::KS_COL_ORGNR,
        t::ORDERS_DATE,
        t::KS_COL_AGE,
        t::KS_ANSWER_TIME,
        t::ORDERS_STATUS,
        t::KS_COL_ASSIGNED,
    ];
    writer.write_record(headings.iter().map(|h| h.get(lang)))?;
    for item in items {
        let service = common::services::by_slug(&item.service)
            .map_or(item.service.as_str(), |s| s.name.get(lang));
        let answer_time = match item.answer_time {
            Some(AnswerTime::OnTime) => t::KS_ON_TIME.get(lang),
            Some(AnswerTime::AtRisk) => t::KS_AT_RISK.get(lang),
            Some(AnswerTime::Overdue) => t::KS_LATE.get(lang),
            None => "",
        };
        writer.write_record([
            item.reference.as_str(),
            service,
            &safe(&item.org_name),
            &item.orgnr,
            &item.submitted_at,
            &item.age_working_days.to_string(),
            answer_time,
            item.status.label().get(lang),
            &safe(item.assigned_to.as_deref().unwrap_or("")),
        ])?;
    }
    writer.flush().map_err(csv::Error::from)?;
    drop(writer);
    Ok(out)
}

/// A text no spreadsheet runs as a formula.
fn safe(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use common::OrderStatus;

    #[test]
    fn excel_reads_it_norwegian_and_runs_nothing() {
        let item = QueueItem {
            reference: "BP-AAAA-AAAA".into(),
            service: "ddfl".into(),
            orgnr: "945627913".into(),
            org_name: "=HYPERLINK(\"x\"); Ørland".into(),
            status: OrderStatus::TrengerAvklaring,
            submitted_at: "01.12.2026 kl. 09:00".into(),
            age_working_days: 3,
            answer_time: Some(AnswerTime::Overdue),
            assigned_to: None,
        };
        let bytes = queue(&[item], Lang::Nb).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "Referanse;Tjeneste;Virksomhet;Organisasjonsnummer;Sendt inn;Arbeidsdager;Svarfrist;Status;Tildelt"
        );
        assert_eq!(
            lines[1],
            "BP-AAAA-AAAA;Digital Dialog Fastlege (DDFL);\"'=HYPERLINK(\"\"x\"\"); Ørland\";945627913;01.12.2026 kl. 09:00;3;Over svarfristen;Trenger avklaring;"
        );
    }
}
