//! Language in the SPA: the current `Lang` lives in a signal in context; `tr` turns a
//! catalog text into a reactive closure, so switching language re-renders every text.

use common::{Lang, Text};
use leptos::prelude::*;

const STORAGE_KEY: &str = "bp-lang";

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// A catalog text in the current language, as a reactive view.
pub fn tr(text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || text.get(lang.get())
}

/// The language chosen earlier on this device, else bokmål.
pub fn stored_lang() -> Lang {
    if !crate::in_browser() {
        return Lang::Nb; // the pre-rendered first screen is bokmål
    }
    let stored = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
    stored
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(Lang::Nb)
}

pub fn store_lang(lang: Lang) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
}
