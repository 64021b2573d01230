//! The SPA bundle: its files; for an entry page (`/`, `/skjema/{service}`,
//! `/kundeportal/innlogging`) the document with its first screen rendered at build time
//! (`dist/pages/<path>.html`, from the app's `prerender.rs`); for every other path the
//! plain `index.html`, so deep links answer 200 and the SPA draws the page.

use std::path::{Path, PathBuf};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::Method;
use axum::response::{IntoResponse, Redirect, Response};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// The bundle's files, then the page for any other path.
pub fn router(dist: PathBuf) -> Router {
    let files = ServeDir::new(&dist)
        // `/` is an entry page, not the directory's index.html.
        .append_index_html_on_directories(false)
        .call_fallback_on_method_not_allowed(true)
        .precompressed_br()
        .precompressed_gzip();
    let pages = Router::new().fallback(page).with_state(dist.clone());
    Router::new().fallback_service(files.fallback(pages))
}

async fn page(State(dist): State<PathBuf>, request: Request) -> Response {
    // A form of a pre-rendered page sent before the SPA started: back to the page (the
    // body, a password perhaps, is dropped unread).
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        let path = request.uri().path();
        // "//host/…" would send the browser to another site.
        let back = if path.starts_with("//") { "/" } else { path };
        return Redirect::to(back).into_response();
    }
    let file = prerendered(&dist, request.uri().path()).unwrap_or_else(|| dist.join("index.html"));
    match ServeFile::new(file)
        .precompressed_br()
        .precompressed_gzip()
        .oneshot(request)
        .await
    {
        Ok(response) => response.into_response(),
        Err(never) => match never {},
    }
}

/// The pre-rendered document for `path`, if the build made one.
fn prerendered(dist: &Path, path: &str) -> Option<PathBuf> {
    let file = dist
        .join("pages")
        .join(common::prerendered::page_file(path)?);
    file.is_file().then_some(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_paths_find_a_prerendered_page() {
        let dist = std::env::temp_dir().join(format!("bp-spa-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("pages/skjema")).unwrap();
        std::fs::write(dist.join("pages/index.html"), "landing").unwrap();
        std::fs::write(dist.join("pages/skjema/ddfl.html"), "ddfl").unwrap();
        assert_eq!(prerendered(&dist, "/"), Some(dist.join("pages/index.html")));
        assert_eq!(
            prerendered(&dist, "/skjema/ddfl"),
            Some(dist.join("pages/skjema/ddfl.html"))
        );
        for other in [
            "/skjema/helseid",
            "/skjema/../index",
            "/skjema//ddfl",
            "/Skjema/ddfl",
            "/skjema/ddfl.html",
        ] {
            assert_eq!(prerendered(&dist, other), None, "{other}");
        }
        std::fs::remove_dir_all(dist).unwrap();
    }
}
