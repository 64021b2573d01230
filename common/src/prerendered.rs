//! Where a pre-rendered entry page lives in the bundle: the app's build writes it there
//! (`app/src/prerender.rs`), the server looks it up (`server/src/routes/spa.rs`). One
//! naming for both sides.

/// The file under `dist/pages/` for the path `path`: `index.html` for `/`,
/// `skjema/ddfl.html` for `/skjema/ddfl`. Only plain lower-case segments have one, so no
/// path can name a file outside `pages/`.
pub fn page_file(path: &str) -> Option<String> {
    let name = path.trim_start_matches('/').trim_end_matches('/');
    if name.is_empty() {
        return Some("index.html".to_owned());
    }
    let plain = name.split('/').all(|s| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    });
    plain.then(|| format!("{name}.html"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_have_a_file_and_nothing_else_does() {
        assert_eq!(page_file("/").as_deref(), Some("index.html"));
        assert_eq!(
            page_file("/skjema/ddfl").as_deref(),
            Some("skjema/ddfl.html")
        );
        assert_eq!(
            page_file("/kundeportal/innlogging").as_deref(),
            Some("kundeportal/innlogging.html")
        );
        for other in [
            "/skjema/../index",
            "/skjema//ddfl",
            "/Skjema/ddfl",
            "/skjema/ddfl.html",
        ] {
            assert_eq!(page_file(other), None, "{other}");
        }
    }
}
