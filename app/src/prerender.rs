//! Build time (feature `ssr`, native): renders the first screen of each entry page — `/`,
//! `/skjema/{service}`, `/kundeportal/innlogging` — with the app's own components and
//! catalog into `dist/pages/<path>.html`, which the server sends for those paths. The
//! screen is the one a visitor sees before anything has been asked of the server (no
//! session, bokmål): nothing asynchronous runs here, every spawned task is dropped.
//! Each is marked `data-start="on-use"` and loses the bundle's preload hints: `boot.js`
//! fetches the app when the visitor needs it, not with the page.
//!
//! `cargo run -p app --no-default-features --features ssr -- <dist>` (the xtask does it).

use std::fs;
use std::path::Path;

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use common::Lang;
use common::i18n::t;
use common::services::SERVICES;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::pages::journey::landing_service;
use crate::title::title;

/// Where the first screen goes in the bundle's `index.html`.
const MOUNT_AT: &str = "<body>";

pub fn run() -> Result<(), String> {
    let dist = std::env::args()
        .nth(1)
        .ok_or("usage: app <dist directory>")?;
    let dist = Path::new(&dist);
    Executor::init_custom_executor(DropTasks).map_err(|e| format!("executor: {e:?}"))?;
    let template = fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("{}: {e}", dist.join("index.html").display()))?;
    for (path, page_title) in entry_pages() {
        let document = page(&template, &render(&path), &title(Lang::Nb, page_title))?;
        let name =
            common::prerendered::page_file(&path).ok_or(format!("{path}: not a plain path"))?;
        let file = dist.join("pages").join(name);
        fs::create_dir_all(file.parent().expect("under pages/")).map_err(|e| e.to_string())?;
        fs::write(&file, document).map_err(|e| format!("{}: {e}", file.display()))?;
        println!("prerender: {path} → {}", file.display());
    }
    Ok(())
}

/// Each entry page's path and the page part of its title.
fn entry_pages() -> Vec<(String, &'static str)> {
    let landing = landing_service();
    let mut pages = vec![("/".to_owned(), landing.name.get(Lang::Nb))];
    pages.extend(
        SERVICES
            .iter()
            .map(|s| (format!("/skjema/{}", s.slug), s.name.get(Lang::Nb))),
    );
    pages.push((
        "/kundeportal/innlogging".to_owned(),
        t::PORTAL_LOGIN_TITLE.get(Lang::Nb),
    ));
    pages
}

/// The app at `path`, as HTML.
fn render(path: &str) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(path));
        crate::app::App().to_html()
    })
}

/// The bundle's document with the first screen in its body and the page's own title.
fn page(template: &str, first_screen: &str, page_title: &str) -> Result<String, String> {
    if !template.contains(MOUNT_AT) {
        return Err(format!("index.html has no {MOUNT_AT}"));
    }
    let (before, after) = template
        .split_once("<title>")
        .and_then(|(before, rest)| Some((before, rest.split_once("</title>")?.1)))
        .ok_or("index.html has no <title>")?;
    let document = format!("{before}<title>{}</title>{after}", escape(page_title))
        .lines()
        .filter(|line| !line.contains("rel=\"modulepreload\"") && !line.contains("rel=\"preload\""))
        .collect::<Vec<_>>()
        .join("\n");
    Ok(document.replacen(
        MOUNT_AT,
        &format!(
            "{MOUNT_AT}\n<div id=\"{}\" data-start=\"on-use\">{first_screen}</div>",
            crate::APP_ROOT_ID
        ),
        1,
    ))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// The build's executor: tasks (fetching the session, a draft) are for the browser.
struct DropTasks;

impl CustomExecutor for DropTasks {
    fn spawn(&self, _: PinnedFuture<()>) {}
    fn spawn_local(&self, _: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}
