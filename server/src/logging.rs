//! Where log lines go and how they look: readable text on a laptop, one JSON object per
//! line in production for the log collector. Either way each line inside a request
//! carries its span (`request{id, method, route}`), so it can be found by the
//! `x-request-id` a user reports; what goes into spans and events is kept free of personal
//! data where they are made (`routes/trace.rs`).

use tracing_subscriber::EnvFilter;

use crate::config::{Config, LogFormat};

/// The format `config` asks for: its own, else JSON in production and text elsewhere.
pub fn format_of(config: &Config) -> LogFormat {
    config.log_format.unwrap_or(if config.production {
        LogFormat::Json
    } else {
        LogFormat::Text
    })
}

/// Installs the process's logger (once, at start).
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| "info,sqlx=warn,tower_http=warn".into());
    let lines = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Text => lines.init(),
        // The current span's fields (the request id) beside each event's own; the list of
        // enclosing spans would repeat them.
        LogFormat::Json => lines
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .init(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_production_unless_told_otherwise() {
        let mut config = Config::for_tests("sqlite::memory:".into());
        assert_eq!(format_of(&config), LogFormat::Text);
        config.production = true;
        assert_eq!(format_of(&config), LogFormat::Json);
        config.log_format = Some(LogFormat::Text);
        assert_eq!(format_of(&config), LogFormat::Text);
    }
}
