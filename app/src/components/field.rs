//! Form fields wired for accessibility: label, hint and error joined by
//! `aria-describedby`, `aria-invalid` when wrong. Format errors appear on blur, "required"
//! only on submit, and nothing the user typed is ever cleared.

use common::FieldError;
use common::i18n::{fill, t};
use leptos::prelude::*;

use crate::i18n::{tr, use_lang};

/// The DOM id of a field path: `her_id_parter.1` → `f-her_id_parter-1`.
pub fn dom_id(path: &str) -> String {
    format!("f-{}", path.replace('.', "-"))
}

/// Joins the ids of hint and error that describe an input.
pub fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let mut parts = Vec::new();
    if has_hint {
        parts.push(format!("{id}-hint"));
    }
    if has_error {
        parts.push(format!("{id}-error"));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The error message under a field, in the current language.
#[component]
pub fn FieldMessage(id: String, #[prop(into)] error: Signal<Option<FieldError>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        {move || error.get().map(|e| view! {
            <p class="ds-validation-message" data-field="validation" id=format!("{id}-error")>{e.message(lang.get())}</p>
        })}
    }
}

/// What a text input shows and how a phone keyboard should look.
#[derive(Clone)]
pub struct InputSpec {
    pub id: String,
    pub label: Signal<String>,
    pub hint: Option<Signal<String>>,
    pub input_type: &'static str,
    pub input_mode: &'static str,
    pub autocomplete: &'static str,
    pub required: bool,
    /// The id of a `<datalist>` of suggestions (a unit's HER-ids).
    pub list: Option<&'static str>,
}

impl InputSpec {
    /// A required text input labelled from the catalog.
    pub fn text(id: &str, label: common::Text, hint: Option<common::Text>) -> Self {
        let lang = use_lang();
        InputSpec {
            id: dom_id(id),
            label: Signal::derive(move || label.get(lang.get()).to_owned()),
            hint: hint.map(|h| Signal::derive(move || h.get(lang.get()).to_owned())),
            input_type: "text",
            input_mode: "text",
            autocomplete: "off",
            required: true,
            list: None,
        }
    }

    pub fn kind(
        self,
        input_type: &'static str,
        input_mode: &'static str,
        autocomplete: &'static str,
    ) -> Self {
        InputSpec {
            input_type,
            input_mode,
            autocomplete,
            ..self
        }
    }
}

/// One text input with label, hint and error.
#[component]
pub fn TextInput(
    spec: InputSpec,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] error: Signal<Option<FieldError>>,
    on_input: Callback<String>,
    on_blur: Callback<String>,
) -> impl IntoView {
    let InputSpec {
        id,
        label,
        hint,
        input_type,
        input_mode,
        autocomplete,
        required,
        list,
    } = spec;
    let has_hint = hint.is_some();
    let id_for_describe = id.clone();
    view! {
        <div class="ds-field bp-field">
            <label class="ds-label" for=id.clone()>
                {move || label.get()}
                {(!required).then(|| view! { <span class="bp-optional">" ("{tr(t::FORM_OPTIONAL)}")"</span> })}
            </label>
            {hint.map(|h| view! { <div data-field="description" id=format!("{id}-hint")>{move || h.get()}</div> })}
            <input class="ds-input" id=id.clone() name=id.clone() type=input_type inputmode=input_mode
                autocomplete=autocomplete spellcheck="false" list=list
                aria-required=required.then_some("true")
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || described_by(&id_for_describe, has_hint, error.get().is_some())
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                // A step change removes the focused input (Enter submits its form), and the
                // browser then blurs it: by then its page may be gone, so only try.
                on:blur=move |ev| { on_blur.try_run(event_target_value(&ev)); }/>
            <FieldMessage id=id error=error/>
        </div>
    }
}

/// "Fjern Her-id kommunikasjonsparter nummer 2": remove buttons must say what they remove.
pub fn remove_label(label: &str, index: usize) -> String {
    fill(
        t::FORM_REMOVE_ITEM.get(use_lang().get_untracked()),
        &[label, &(index + 1).to_string()],
    )
}
