//! Bestillingsportal's single-page app. In the browser (feature `csr`) it takes over the
//! page (`take_over.rs`); built natively with feature `ssr` the same binary renders the
//! entry pages' first screen to HTML for the bundle (`prerender.rs`).

// The lazy routes' async views nest deep types in the native (pre-render) build.
#![recursion_limit = "512"]

mod api;
mod app;
mod components;
mod i18n;
mod lazy_pages;
mod pages;
#[cfg(feature = "ssr")]
mod prerender;
mod session;
#[cfg(not(feature = "ssr"))]
mod take_over;
mod title;

/// The element the app lives in (and the pre-rendered first screen arrives in).
pub const APP_ROOT_ID: &str = "bp-app";

/// Whether this runs in a browser; otherwise it is the build rendering the first screens,
/// where there is no window, clock or storage to ask.
pub fn in_browser() -> bool {
    cfg!(target_arch = "wasm32")
}

#[cfg(not(feature = "ssr"))]
fn main() {
    take_over::start();
}

#[cfg(feature = "ssr")]
fn main() {
    if let Err(message) = prerender::run() {
        eprintln!("prerender: {message}");
        std::process::exit(1);
    }
}
