//! Times as Norwegian users read them, in Norwegian time (Europe/Oslo, summer time
//! included). A leaf module: receipts, e-mails, PDFs and listings all format through it.

/// "22.11.2026 kl. 21:05".
pub fn date_and_time(ms: i64) -> String {
    strftime(ms, "%d.%m.%Y kl. %H:%M")
}

/// "22.11.2026".
pub fn date(ms: i64) -> String {
    strftime(ms, "%d.%m.%Y")
}

fn strftime(ms: i64, format: &str) -> String {
    let Ok(ts) = jiff::Timestamp::from_millisecond(ms) else {
        return String::new();
    };
    let tz = jiff::tz::TimeZone::get("Europe/Oslo").unwrap_or(jiff::tz::TimeZone::UTC);
    ts.to_zoned(tz).strftime(format).to_string()
}
