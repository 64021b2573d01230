//! The error summary at the top of a form (designsystemet `ds-error-summary`, GOV.UK
//! pattern): focused when a submit fails, each error a link that moves focus to its field.

use common::i18n::t;
use common::{Text, ValidationErrors};
use leptos::prelude::*;

use crate::components::field::dom_id;
use crate::components::focus_by_id;
use crate::i18n::{tr, use_lang};

pub const SUMMARY_ID: &str = "error-summary";

/// `items`: (DOM id of the field, text "Label: message").
#[component]
pub fn ErrorSummary(#[prop(into)] items: Signal<Vec<(String, String)>>) -> impl IntoView {
    // While errors are shown the title says so first ("Feil: …"): it is what a screen
    // reader announces on a reload, and what a tab shows.
    let lang = use_lang();
    Effect::new(move |_| mark_title(!items.with(Vec::is_empty), lang.get()));
    on_cleanup(move || mark_title(false, lang.get_untracked()));
    view! {
        <Show when=move || !items.get().is_empty()>
            <div class="ds-error-summary" id=SUMMARY_ID tabindex="-1" role="region" aria-labelledby="error-summary-heading">
                <h2 class="ds-heading" data-size="xs" id="error-summary-heading">{tr(t::ERROR_SUMMARY_TITLE)}</h2>
                <ul class="ds-list">
                    {move || items.get().into_iter().map(|(id, text)| {
                        let target = id.clone();
                        view! {
                            <li>
                                <a class="ds-link" href=format!("#{id}")
                                    on:click=move |ev| { ev.prevent_default(); focus_by_id(target.clone()); }>
                                    {text}
                                </a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// Puts the error prefix in front of the document's title, or takes it away.
fn mark_title(errors: bool, lang: common::Lang) {
    if !crate::in_browser() {
        return;
    }
    let document = document();
    let title = document.title();
    let bare = common::Lang::ALL
        .into_iter()
        .find_map(|l| title.strip_prefix(t::TITLE_ERROR_PREFIX.get(l)))
        .unwrap_or(&title)
        .to_owned();
    let wanted = if errors {
        format!("{}{bare}", t::TITLE_ERROR_PREFIX.get(lang))
    } else {
        bare
    };
    if wanted != title {
        document.set_title(&wanted);
    }
}

/// Shows `found` at the fields and in the summary, and moves focus there.
pub fn show_errors(errors: RwSignal<ValidationErrors>, found: ValidationErrors) {
    errors.set(found);
    focus_summary();
}

/// Focuses the summary after it has rendered.
pub fn focus_summary() {
    focus_by_id(SUMMARY_ID.to_owned());
}

/// The summary's items for a fixed form: each field with an error, in the form's order.
pub fn summary_of(
    errors: RwSignal<ValidationErrors>,
    fields: &'static [(&'static str, Text)],
) -> Signal<Vec<(String, String)>> {
    let lang = use_lang();
    Signal::derive(move || {
        let lang = lang.get();
        errors.with(|e| {
            fields
                .iter()
                .filter_map(|(id, label)| {
                    e.get(id).map(|err| {
                        (
                            dom_id(id),
                            format!("{}: {}", label.get(lang), err.message(lang)),
                        )
                    })
                })
                .collect()
        })
    })
}
