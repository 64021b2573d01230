//! The answers of a form as a list (GOV.UK check-answers pattern): each field's label and
//! the answer as a person reads it. "Se over svarene" before submit offers "Endre" for
//! each; the receipt shows the list without.

use common::form::{FormSpec, RawForm};
use common::i18n::{fill, t};
use leptos::prelude::*;

use crate::i18n::{tr, use_lang};

/// The list, one line per answer and per row of a repeated group. `on_change`: show
/// "Endre" for each, called with the field's id and the group row.
#[component]
pub fn AnswerList(
    spec: &'static FormSpec,
    #[prop(into)] answers: Signal<RawForm>,
    #[prop(optional)] on_change: Option<Callback<(&'static str, Option<usize>)>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <dl class="bp-receipt bp-answers">
            {move || answers.with(|a| spec.answer_lines(a, lang.get()).into_iter().map(|line| {
                let change = on_change.map(|cb| {
                    let name = fill(t::CHANGE_ANSWER.get(lang.get()), &[&line.label]);
                    let (field, row) = (line.field, line.row);
                    view! {
                        <button type="button" class="ds-button" data-variant="tertiary" data-size="sm"
                            aria-label=name on:click=move |_| cb.run((field, row))>{tr(t::CHANGE)}</button>
                    }
                });
                view! {
                    <div class="bp-answer">
                        <dt>{line.label}</dt>
                        <dd><span>{line.value}</span>{change}</dd>
                    </div>
                }
            }).collect_view())}
        </dl>
    }
}

/// "Videre saksgang": what happens with an order of `service` next, from its spec.
#[component]
pub fn NextSteps(service: &'static common::services::Service) -> impl IntoView {
    (!service.next_steps.is_empty()).then(|| {
        view! {
            <h3 class="ds-heading" data-size="xs">{tr(t::NEXT_STEPS_TITLE)}</h3>
            <ul class="ds-list" data-testid="next-steps">
                {service.next_steps.iter().map(|step| view! { <li>{tr(*step)}</li> }).collect_view()}
            </ul>
        }
    })
}
