//! The answers of a form as a list (GOV.UK check-answers pattern): each field's label and
//! the answer as a person reads it. "Se over svarene" before submit offers "Endre" for
//! each; the receipt shows the list without.

use common::form::{FormSpec, RawForm, display_answer};
use common::i18n::{fill, t};
use leptos::prelude::*;

use crate::i18n::{tr, use_lang};

/// The list. `on_change`: show "Endre" for each answer, called with the field's id.
#[component]
pub fn AnswerList(
    spec: &'static FormSpec,
    #[prop(into)] answers: Signal<RawForm>,
    #[prop(optional)] on_change: Option<Callback<&'static str>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <dl class="bp-receipt bp-answers">
            {move || answers.with(|a| spec.fields().filter(|f| f.is_shown(a)).map(|f| {
                let value = display_answer(&f.kind, a.0.get(f.id), lang.get());
                let label = spec.summary_label(f, lang.get());
                let change = on_change.map(|cb| {
                    let name = fill(t::CHANGE_ANSWER.get(lang.get()), &[&label]);
                    view! {
                        <button type="button" class="ds-button" data-variant="tertiary" data-size="sm"
                            aria-label=name on:click=move |_| cb.run(f.id)>{tr(t::CHANGE)}</button>
                    }
                });
                view! {
                    <div class="bp-answer">
                        <dt>{label.clone()}</dt>
                        <dd><span>{value}</span>{change}</dd>
                    </div>
                }
            }).collect_view())}
        </dl>
    }
}
