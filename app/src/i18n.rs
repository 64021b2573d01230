//! Language in the SPA: the current `Lang` lives in a signal in context; `tr` turns a
//! catalog text into a reactive closure, so switching language re-renders every text.
//! Nynorsk and English are not in the wasm: a language's texts are fetched the first time
//! it is shown (`fetch_texts`; `boot.js` starts the fetch beside the app's own when the
//! device chose one before), and the language switches once they are there.

use common::i18n::fetched;
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

/// The language the app starts in: the stored one if its texts are there.
pub fn starting_lang() -> Lang {
    Some(stored_lang())
        .filter(|&lang| fetched::has(lang))
        .unwrap_or(Lang::Nb)
}

pub fn store_lang(lang: Lang) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
}

/// Makes sure `lang`'s texts are here, fetching its file if need be; false if it could
/// not be had (offline, say), and the app stays in the language it shows.
pub async fn fetch_texts(lang: Lang) -> bool {
    if fetched::has(lang) {
        return true;
    }
    // The same request as `boot.js`'s preload, so the browser hands over that response.
    let response = gloo_net::http::Request::get(&format!("/lang/{}.txt", lang.tag()))
        .send()
        .await;
    match response {
        Ok(r) if r.ok() => match r.text().await {
            Ok(file) => fetched::load(lang, file),
            Err(_) => false,
        },
        _ => false,
    }
}
