//! The first load of each entry page on a throttled phone (`end2end/bench/load.mjs`: real
//! Chromium, 150 ms RTT, 1.6 Mbit/s, 4× CPU, Pixel 7, cold cache, median of five), beside
//! the React 19 + designsystemet version of the journey (`../shared/react-baseline/dist`)
//! served by the same server binary, brotli-precompressed the same way, in the same run:
//! bytes and requests until the network is idle, LCP, when the primary action is on
//! screen and works, and the layout shift; ours as ratios to React's landing page. Our
//! pages fetch their app on use (`app/boot.js`): load.mjs also touches them at first
//! sight, for when the app is live then and what it costs.

use std::fs;
use std::path::Path;

use crate::bench::{json_number, kb, output, start_server_with_dist};
use crate::{bundle, cmd, root};

/// Our entry pages and the accessible name of each one's primary action.
const ENTRY_PAGES: &[(&str, &str)] = &[
    ("/", "^Logg inn med ID-porten"),
    ("/skjema/ddfl", "^Logg inn med ID-porten"),
    ("/kundeportal/innlogging", "^Logg inn$"),
];
/// React's landing page: its first screen's button "Logg inn".
const REACT_ACTION: &str = "^Logg inn";
const REACT_PORT: u16 = 8099;
const RUNS: &str = "5";

/// One page's medians.
struct Load {
    bytes: f64,
    requests: f64,
    lcp_ms: f64,
    action_ms: Option<f64>,
    cls: f64,
    /// A page that fetches its app on use, touched at first sight: when the app is live,
    /// and what the page transferred until idle then.
    touched: Option<(f64, f64)>,
}

pub fn figures(tmp: &Path, port: u16, row: &mut impl FnMut(&str, String)) -> Result<(), String> {
    let react = react_baseline(tmp)?;
    row(
        "React baseline's landing page on a throttled phone: transferred until idle; LCP; \"Logg inn\" on screen and working; CLS",
        format!(
            "{} in {} requests; {}; {}; {:.3}",
            kb(react.bytes as u64),
            react.requests,
            secs(react.lcp_ms),
            react.action_ms.map_or("never".into(), secs),
            react.cls
        ),
    );
    for (path, action) in ENTRY_PAGES {
        let ours = load(port, path, action)?;
        row(
            &format!(
                "`{path}` on a throttled phone: transferred until idle (target ≤ 150 kB) — ratio to React"
            ),
            format!(
                "{} in {} requests — {:.2}×",
                kb(ours.bytes as u64),
                ours.requests,
                ours.bytes / react.bytes
            ),
        );
        row(
            &format!("`{path}`: LCP (target ≤ 1.0 s) — ratio to React"),
            format!("{} — {:.2}×", secs(ours.lcp_ms), ours.lcp_ms / react.lcp_ms),
        );
        let action_ratio = match (ours.action_ms, react.action_ms) {
            (Some(a), Some(b)) => format!("{:.2}×", a / b),
            _ => "–".into(),
        };
        row(
            &format!(
                "`{path}`: primary action on screen and working (target ≤ 1.5 s, ≤ 0.6× React) — ratio"
            ),
            format!(
                "{} — {action_ratio}",
                ours.action_ms.map_or("never".into(), secs)
            ),
        );
        row(
            &format!("`{path}`: layout shift while the SPA takes over (target ≤ 0.02)"),
            format!("{:.3}", ours.cls),
        );
        if let Some((live_ms, bytes)) = ours.touched {
            row(
                &format!(
                    "`{path}`: a control touched at first sight — the app live; transferred until idle then"
                ),
                format!("{}; {}", secs(live_ms), kb(bytes as u64)),
            );
        }
    }
    Ok(())
}

/// React's build, precompressed like ours, served by our server binary on its own port.
fn react_baseline(tmp: &Path) -> Result<Load, String> {
    let from = root().join("../shared/react-baseline/dist");
    let dist = tmp.join("react-dist");
    copy_dir(&from, &dist)?;
    bundle::precompress(&dist)?;
    let mut server = start_server_with_dist(tmp, REACT_PORT, "react.db", &dist)?;
    let result = load(REACT_PORT, "/", REACT_ACTION);
    let _ = server.kill();
    let _ = server.wait();
    result
}

fn load(port: u16, path: &str, action: &str) -> Result<Load, String> {
    let url = format!("http://127.0.0.1:{port}{path}");
    let json = output(cmd("node", &["end2end/bench/load.mjs", &url, RUNS, action]))?;
    let number = |key| json_number(&json, key);
    Ok(Load {
        bytes: number("transferBytes").ok_or(format!("load.mjs said {json}"))?,
        requests: number("requests").unwrap_or(0.0),
        lcp_ms: number("lcpMs").ok_or(format!("load.mjs said {json}"))?,
        action_ms: number("actionMs"),
        cls: number("cls").unwrap_or(0.0),
        touched: number("liveMs").zip(number("touchedBytes")),
    })
}

fn secs(ms: f64) -> String {
    format!("{:.2} s", ms / 1000.0)
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}
