//! The page for addresses that lead nowhere.

use common::i18n::t;
use leptos::prelude::*;

use crate::i18n::{tr, use_lang};
use crate::title::set_title;

/// "Fant ikke siden".
#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    Effect::new(move |_| set_title(lang.get(), t::NOT_FOUND_TITLE.get(lang.get())));
    view! {
        <h1 class="ds-heading" data-size="lg">{tr(t::NOT_FOUND_TITLE)}</h1>
        <p class="ds-paragraph">{tr(t::NOT_FOUND_BODY)}</p>
        <p><a class="ds-link" href="/">{tr(t::TO_FRONT_PAGE)}</a></p>
    }
}
