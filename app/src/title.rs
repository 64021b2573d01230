//! The document's title, which screen readers announce first and browsers show in the tab.
//! A leaf module every page uses, so no page needs the app's root module.

use common::Lang;
use common::i18n::t;
use leptos::prelude::document;

/// Sets the document title: "<page> – Skjema og avtaler".
pub fn set_title(lang: Lang, page: &str) {
    document().set_title(&title(lang, page));
}

/// "<page> – Skjema og avtaler", also written into the pre-rendered pages.
pub fn title(lang: Lang, page: &str) -> String {
    format!("{page} – {}", t::APP_TITLE.get(lang))
}
