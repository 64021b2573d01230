//! `/kundeportal/brukerstotte`, Brukerstøtte: the help centre, searched as you type
//! (`common::help`). Open to everyone: help is needed most when login fails.

use common::help;
use common::i18n::{fill, t};
use leptos::prelude::*;

use super::PortalMenu;
use crate::i18n::{tr, use_lang};
use crate::title::set_title;

#[component]
pub fn Help() -> impl IntoView {
    let lang = use_lang();
    Effect::new(move |_| set_title(lang.get(), t::NAV_HELP.get(lang.get())));
    let query = RwSignal::new(String::new());
    let hits = move || help::search(&query.get(), lang.get());
    view! {
        <h1 class="ds-heading" data-size="lg">{tr(t::NAV_HELP)}</h1>
        <PortalMenu/>
        <div class="ds-field" role="search">
            <label class="ds-label" for="f-help-search">{tr(t::HELP_SEARCH)}</label>
            <input class="ds-input" type="search" id="f-help-search" autocomplete="off"
                prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev))/>
        </div>
        <p class="ds-paragraph" role="status" data-testid="help-count">
            {move || {
                let n = hits().len();
                if n == 0 { t::HELP_NO_HITS.get(lang.get()).to_owned() } else { fill(t::HELP_HITS.get(lang.get()), &[&n.to_string()]) }
            }}
        </p>
        <div class="bp-help">
            {move || hits().into_iter().map(|a| view! {
                <details class="ds-details bp-help__article">
                    <summary>{move || a.title.get(lang.get())}</summary>
                    <p class="ds-paragraph">{move || a.body.get(lang.get())}</p>
                </details>
            }).collect_view()}
        </div>
    }
}
