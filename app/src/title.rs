//! The document's title, which screen readers announce first and browsers show in the tab.
//! A leaf module every page uses, so no page needs the app's root module.

use common::Lang;
use common::i18n::t;
use leptos::prelude::document;

/// Sets the document title: "<page> – Skjema og avtaler".
pub fn set_title(lang: Lang, page: &str) {
    document().set_title(&format!("{page} – {}", t::APP_TITLE.get(lang)));
}
