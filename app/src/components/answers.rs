//! The answers of a form as a list (GOV.UK check-answers pattern): each field's label and
//! the answer as a person reads it. "Se over svarene" before submit offers "Endre" for
//! each; the receipt shows the list without.

use common::Lang;
use common::form::{FieldKind, FormSpec, RawForm, RawValue, SWITCH_ON};
use common::i18n::{fill, t};
use leptos::prelude::*;

use crate::i18n::{tr, use_lang};

/// An answer as a person reads it: choice labels, AV/PÅ, dates as 24.12.2027, lists joined.
pub fn display_answer(kind: &FieldKind, value: Option<&RawValue>, lang: Lang) -> String {
    let values: Vec<String> = match value {
        Some(RawValue::One(s)) if !s.is_empty() => vec![s.clone()],
        Some(RawValue::Many(v)) => v.iter().filter(|s| !s.is_empty()).cloned().collect(),
        _ => Vec::new(),
    };
    let label_of = |choices: &[common::form::Choice], v: &String| {
        choices
            .iter()
            .find(|c| c.value == v)
            .map_or(v.clone(), |c| c.label.get(lang).to_owned())
    };
    match kind {
        FieldKind::MultiChoice(choices) | FieldKind::OneChoice(choices) => values
            .iter()
            .map(|v| label_of(choices, v))
            .collect::<Vec<_>>()
            .join(", "),
        FieldKind::Switch if values.first().is_some_and(|v| v == SWITCH_ON) => {
            t::SWITCH_ON_LABEL.get(lang).into()
        }
        FieldKind::Switch => t::SWITCH_OFF_LABEL.get(lang).into(),
        // The reference's name part: "egenerklæring.pdf".
        FieldKind::Attachment => values
            .iter()
            .map(|v| v.split_once(':').map_or(v.as_str(), |(_, name)| name))
            .collect::<Vec<_>>()
            .join(", "),
        FieldKind::Date => values
            .iter()
            .map(|v| v.split('-').rev().collect::<Vec<_>>().join("."))
            .collect::<Vec<_>>()
            .join(", "),
        _ => values.join(", "),
    }
}

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
