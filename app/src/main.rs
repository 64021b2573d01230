//! Bestillingsportal's single-page app: mounts the root component into `<body>`.

mod api;
mod app;
mod components;
mod i18n;
mod pages;
mod session;
mod title;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
