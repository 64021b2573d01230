//! Renders any `FormSpec` (forms are data, SPEC "Forms as data"): sections as fieldsets,
//! each field by its kind. The answers and errors live in the caller's signals, so the
//! caller decides when to validate and nothing typed is lost between steps.

use common::form::{FieldKind, FieldSpec, FormSpec, RawForm, SWITCH_ON, Section, item_path};
use common::i18n::{fill, t};
use common::{Lang, ValidationErrors};
use leptos::prelude::*;

use crate::components::field::{
    FieldMessage, InputSpec, TextInput, described_by, dom_id, remove_label,
};
use crate::components::her_id::{HerIdNote, PARTIES_LIST, PartiesList, PartyRegister};
use crate::i18n::{tr, use_lang};

/// The error summary's entries for `errors`, in the spec's field order.
pub fn summary_items(
    spec: &FormSpec,
    errors: &ValidationErrors,
    lang: Lang,
) -> Vec<(String, String)> {
    let mut items = Vec::new();
    for field in spec.fields() {
        for (path, error) in errors
            .0
            .iter()
            .filter(|(p, _)| p.split('.').next() == Some(field.id))
        {
            let label = spec.summary_label(field, lang);
            let label = match path.split_once('.') {
                Some((_, index)) => {
                    format!("{label} {}", index.parse::<usize>().map_or(0, |i| i + 1))
                }
                None => label,
            };
            let target = match field.kind {
                FieldKind::MultiChoice(_) | FieldKind::OneChoice(_) => {
                    dom_id(&format!("{}.0", field.id))
                }
                _ if field.repeat.is_some() && !path.contains('.') => {
                    dom_id(&item_path(field.id, 0))
                }
                _ => dom_id(path),
            };
            items.push((target, format!("{label}: {}", error.message(lang))));
        }
    }
    items
}

/// The fields that still keep the form from being sent, as the user reads them
/// ("Navn, Organisasjonsnummer"): shown beside the button instead of a silent grey one.
pub fn missing_labels(spec: &FormSpec, answers: &RawForm, lang: Lang) -> Vec<String> {
    let Err(errors) = spec.validate(answers) else {
        return Vec::new();
    };
    let mut labels: Vec<String> = Vec::new();
    for field in spec.fields() {
        if errors
            .0
            .keys()
            .any(|p| p.split('.').next() == Some(field.id))
        {
            labels.push(spec.summary_label(field, lang));
        }
    }
    labels
}

/// The whole form.
#[component]
pub fn SpecForm(
    spec: &'static FormSpec,
    answers: RwSignal<RawForm>,
    errors: RwSignal<ValidationErrors>,
) -> impl IntoView {
    let lang = use_lang();
    let asks_her_ids = spec.fields().any(|f| matches!(f.kind, FieldKind::HerId));
    let sections = spec
        .sections
        .iter()
        .map(|section| {
            if section.group.is_some() {
                return view! { <GroupSection section answers errors/> }.into_any();
            }
            view! {
                <fieldset class="ds-fieldset bp-section">
                    <legend class="ds-heading" data-size="xs">{move || section.title.get(lang.get())}</legend>
                    {section.fields.iter().map(|field| view! { <SpecField field answers errors/> }).collect_view()}
                </fieldset>
            }
            .into_any()
        })
        .collect_view();
    view! { {asks_her_ids.then(|| view! { <PartiesList/> })} {sections} }
}

/// One field of a spec, by kind.
#[component]
fn SpecField(
    field: &'static FieldSpec,
    answers: RwSignal<RawForm>,
    errors: RwSignal<ValidationErrors>,
) -> impl IntoView {
    let shown = move || field.shown_if.is_none() || answers.with(|a| field.is_shown(a));
    let render = move || match (&field.kind, field.repeat) {
        (FieldKind::MultiChoice(_) | FieldKind::OneChoice(_), _) => {
            view! { <ChoiceField field answers errors/> }.into_any()
        }
        (FieldKind::Switch, _) => view! { <SwitchField field answers/> }.into_any(),
        (FieldKind::Attachment, _) => view! { <AttachmentField field answers errors/> }.into_any(),
        (_, Some(_)) => view! { <RepeatedField field answers errors/> }.into_any(),
        _ => view! { <SingleField field answers errors/> }.into_any(),
    };
    // A conditional field is in the page only while its condition holds.
    view! { <Show when=shown>{render}</Show> }
}

fn input_spec(
    field: &'static FieldSpec,
    path: &str,
    label: Signal<String>,
    with_hint: bool,
) -> InputSpec {
    let lang = use_lang();
    InputSpec {
        id: dom_id(path),
        label,
        hint: field
            .hint
            .filter(|_| with_hint)
            .map(|h| Signal::derive(move || h.get(lang.get()).to_owned())),
        input_type: field.kind.input_type(),
        input_mode: field.kind.input_mode(),
        autocomplete: field.kind.autocomplete(),
        required: field.required,
        list: matches!(field.kind, FieldKind::HerId).then_some(PARTIES_LIST),
    }
}

/// A HER-id field's register, when the form has one (see `components::her_id`).
fn her_id_register(field: &FieldSpec) -> Option<PartyRegister> {
    matches!(field.kind, FieldKind::HerId)
        .then(use_context::<PartyRegister>)
        .flatten()
}

/// After a blur with no format error, a HER-id is checked against the register.
fn check_register(
    register: Option<PartyRegister>,
    errors: RwSignal<ValidationErrors>,
    path: &str,
    value: &str,
    current: Signal<String>,
) {
    if let Some(register) = register
        && errors.with_untracked(|e| !e.0.contains_key(path))
    {
        register.check_on_leave(errors, path.to_owned(), value, current);
    }
}

/// Sets or clears the error at `path` after a blur: format errors show once the user
/// leaves the field. A required field left empty keeps the error it was shown (as
/// "Du må fylle ut feltet." after "Send"): passing through it fixes nothing, and the page
/// must not jump under the next click.
fn check_blur(
    field: &'static FieldSpec,
    errors: RwSignal<ValidationErrors>,
    path: String,
    value: &str,
) {
    let found = field.check_on_blur(value);
    let shown = errors.with_untracked(|e| e.0.get(&path).copied());
    let next = match found {
        Some(err) => Some(err),
        None if value.trim().is_empty() && field.required && shown.is_some() => {
            Some(common::FieldError::Required)
        }
        None => None,
    };
    if next == shown {
        return;
    }
    errors.update(|e| match next {
        Some(err) => {
            e.0.insert(path, err);
        }
        None => {
            e.0.remove(&path);
        }
    });
}

/// While typing: an error already shown disappears as soon as the value is right, but
/// no new error appears mid-word.
fn clear_if_fixed(
    field: &'static FieldSpec,
    errors: RwSignal<ValidationErrors>,
    path: &str,
    value: &str,
) {
    if errors.with_untracked(|e| e.0.contains_key(path))
        && !value.trim().is_empty()
        && field.check_on_blur(value).is_none()
    {
        errors.update(|e| {
            e.0.remove(path);
        });
    }
}

#[component]
fn SingleField(
    field: &'static FieldSpec,
    answers: RwSignal<RawForm>,
    errors: RwSignal<ValidationErrors>,
) -> impl IntoView {
    let lang = use_lang();
    let label = Signal::derive(move || field.label.get(lang.get()).to_owned());
    let spec = input_spec(field, field.id, label, true);
    let register = her_id_register(field);
    let value = Signal::derive(move || answers.with(|a| a.one(field.id).to_owned()));
    view! {
        <TextInput spec
            value
            error=Signal::derive(move || errors.with(|e| e.get(field.id)))
            on_input=Callback::new(move |v: String| {
                clear_if_fixed(field, errors, field.id, &v);
                answers.update(|a| a.set_one(field.id, v));
            })
            on_blur=Callback::new(move |v: String| {
                check_blur(field, errors, field.id.to_owned(), &v);
                check_register(register, errors, field.id, &v, value);
            })/>
        {register.map(|_| view! { <HerIdNote id=dom_id(field.id) value/> })}
    }
}

/// Sets item `index` of a field's list, growing it as needed.
fn set_at(answers: RwSignal<RawForm>, id: &str, index: usize, value: String) {
    answers.update(|a| {
        let mut v = a.many(id);
        v.resize(v.len().max(index + 1), String::new());
        v[index] = value;
        a.set_many(id, v);
    })
}

/// Forgets the errors at `field.N` paths: they are keyed by position, which a removed row shifts.
fn forget_row_errors(errors: RwSignal<ValidationErrors>, ids: &[&str]) {
    errors.update(|e| {
        e.0.retain(|k, _| !ids.iter().any(|id| k.starts_with(&format!("{id}."))))
    });
}

/// A field the user may repeat (e.g. one HER-id per communication party).
#[component]
fn RepeatedField(
    field: &'static FieldSpec,
    answers: RwSignal<RawForm>,
    errors: RwSignal<ValidationErrors>,
) -> impl IntoView {
    let lang = use_lang();
    let max = field.repeat.unwrap_or(1) as usize;
    let items = move || {
        let v = answers.with(|a| a.many(field.id));
        if v.is_empty() { vec![String::new()] } else { v }
    };
    let count = move || items().len();
    let set_item = move |index: usize, value: String| set_at(answers, field.id, index, value);
    let remove = move |index: usize| {
        answers.update(|a| {
            let mut v = a.many(field.id);
            if index < v.len() {
                v.remove(index);
            }
            a.set_many(field.id, v);
        });
        forget_row_errors(errors, &[field.id]);
    };
    let add = move |_| {
        let n = count();
        answers.update(|a| {
            let mut v = a.many(field.id);
            v.resize(n + 1, String::new());
            a.set_many(field.id, v);
        });
        crate::components::focus_by_id(dom_id(&item_path(field.id, n)));
    };
    let hint_id = format!("{}-hint", dom_id(field.id));
    view! {
        <fieldset class="ds-fieldset bp-repeat" aria-describedby=field.hint.is_some().then(|| hint_id.clone())>
            <legend class="ds-label">{move || field.label.get(lang.get())}</legend>
            {field.hint.map(|h| view! { <div data-field="description" id=hint_id.clone()>{move || h.get(lang.get())}</div> })}
            <FieldMessage id=dom_id(field.id) error=Signal::derive(move || errors.with(|e| e.get(field.id)))/>
            {move || (0..count()).map(|index| {
                let path = item_path(field.id, index);
                let label = Signal::derive(move || format!("{} {}", field.label.get(lang.get()), index + 1));
                let spec = input_spec(field, &path, label, false);
                let p_err = path.clone();
                let p_blur = path.clone();
                let p_input = path.clone();
                let register = her_id_register(field);
                let value = Signal::derive(move || items().get(index).cloned().unwrap_or_default());
                view! {
                    <div class="bp-repeat__row">
                        <TextInput spec
                            value
                            error=Signal::derive(move || errors.with(|e| e.get(&p_err)))
                            on_input=Callback::new(move |v: String| { clear_if_fixed(field, errors, &p_input, &v); set_item(index, v); })
                            on_blur=Callback::new(move |v: String| {
                                check_blur(field, errors, p_blur.clone(), &v);
                                check_register(register, errors, &p_blur, &v, value);
                            })/>
                        {register.map(|_| view! { <HerIdNote id=dom_id(&path) value/> })}
                        {(count() > 1).then(|| view! {
                            <button type="button" class="ds-button" data-variant="tertiary" data-size="sm"
                                aria-label=move || remove_label(field.label.get(lang.get()), index)
                                on:click=move |_| remove(index)>
                                {tr(t::FORM_REMOVE)}
                            </button>
                        })}
                    </div>
                }
            }).collect_view()}
            {move || (count() < max).then(|| view! {
                <button type="button" class="ds-button" data-variant="secondary" data-size="sm" on:click=add>
                    {tr(t::FORM_ADD_ANOTHER)}
                </button>
            })}
        </fieldset>
    }
}

/// AV/PÅ: a checkbox with the switch role ("Bestill aktivering av ServiceBus").
#[component]
fn SwitchField(field: &'static FieldSpec, answers: RwSignal<RawForm>) -> impl IntoView {
    let lang = use_lang();
    let id = dom_id(field.id);
    let hint_id = format!("{id}-hint");
    let on = move || answers.with(|a| a.one(field.id) == SWITCH_ON);
    let flip = move |ev: leptos::ev::Event| {
        let value = if event_target_checked(&ev) {
            SWITCH_ON
        } else {
            ""
        };
        answers.update(|a| a.set_one(field.id, value.to_owned()));
    };
    view! {
        <div class="ds-field bp-choice">
            <input class="ds-input" type="checkbox" role="switch" id=id.clone() name=field.id
                aria-describedby=field.hint.is_some().then(|| hint_id.clone())
                prop:checked=on on:change=flip/>
            <label class="ds-label" for=id>{move || field.label.get(lang.get())}</label>
            {field.hint.map(|h| view! { <div data-field="description" id=hint_id.clone()>{move || h.get(lang.get())}</div> })}
        </div>
    }
}

/// Tick one or more (checkboxes), or pick one (radio buttons).
#[component]
fn ChoiceField(
    field: &'static FieldSpec,
    answers: RwSignal<RawForm>,
    errors: RwSignal<ValidationErrors>,
) -> impl IntoView {
    let lang = use_lang();
    let (choices, multi) = match field.kind {
        FieldKind::MultiChoice(choices) => (choices, true),
        FieldKind::OneChoice(choices) => (choices, false),
        _ => return ().into_any(),
    };
    let error = Signal::derive(move || errors.with(|e| e.get(field.id)));
    let base = dom_id(field.id);
    let error_id = format!("{base}-error");
    view! {
        <fieldset class="ds-fieldset bp-choices" aria-invalid=move || error.get().is_some().then_some("true")
            aria-describedby=move || error.get().is_some().then(|| error_id.clone())>
            <legend class="ds-label">{move || field.label.get(lang.get())}</legend>
            <FieldMessage id=base.clone() error/>
            {choices.iter().enumerate().map(|(i, choice)| {
                let id = dom_id(&item_path(field.id, i));
                let hint_id = format!("{id}-hint");
                let checked = move || answers.with(|a| a.many(field.id).iter().any(|v| v == choice.value));
                let toggle = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    answers.update(|a| {
                        if !multi {
                            return a.set_one(field.id, choice.value.to_owned());
                        }
                        let mut v: Vec<String> = a.many(field.id).into_iter().filter(|x| x != choice.value).collect();
                        if on {
                            v.push(choice.value.to_owned());
                        }
                        a.set_many(field.id, v);
                    });
                    if on {
                        errors.update(|e| { e.0.remove(field.id); });
                    }
                };
                view! {
                    <div class="ds-field bp-choice">
                        <input class="ds-input" type=if multi { "checkbox" } else { "radio" } id=id.clone() name=field.id value=choice.value
                            aria-describedby=choice.hint.is_some().then(|| hint_id.clone())
                            prop:checked=checked on:change=toggle/>
                        <label class="ds-label" for=id data-weight="regular">{move || choice.label.get(lang.get())}</label>
                        {choice.hint.map(|h| view! { <div data-field="description" id=hint_id.clone()>{move || h.get(lang.get())}</div> })}
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
    .into_any()
}

/// A repeatable group ("Brukere"): one block of the section's fields per row, each row
/// titled "Bruker 1", "Bruker 2" …, with "Legg til bruker" and "Fjern" per row.
#[component]
fn GroupSection(
    section: &'static Section,
    answers: RwSignal<RawForm>,
    errors: RwSignal<ValidationErrors>,
) -> impl IntoView {
    let lang = use_lang();
    let Some(group) = &section.group else {
        return ().into_any();
    };
    let ids: Vec<&'static str> = section.fields.iter().map(|f| f.id).collect();
    let count = move || answers.with(|a| section.rows(a).len()).max(1);
    let item = move |i: usize| {
        fill(
            t::GROUP_ITEM.get(lang.get()),
            &[group.item.get(lang.get()), &(i + 1).to_string()],
        )
    };
    let add = move |_| {
        let n = count();
        for f in section.fields {
            set_at(answers, f.id, n, String::new());
        }
        crate::components::focus_by_id(dom_id(&item_path(section.fields[0].id, n)));
    };
    let remove_ids = ids.clone();
    let remove = move |index: usize| {
        answers.update(|a| {
            for id in &remove_ids {
                let mut v = a.many(id);
                if index < v.len() {
                    v.remove(index);
                }
                a.set_many(id, v);
            }
        });
        forget_row_errors(errors, &remove_ids);
    };
    let first = section.fields[0].id;
    view! {
        <fieldset class="ds-fieldset bp-section bp-group">
            <legend class="ds-heading" data-size="xs">{move || section.title.get(lang.get())}</legend>
            <FieldMessage id=dom_id(first) error=Signal::derive(move || errors.with(|e| e.get(first)))/>
            {move || (0..count()).map(|index| {
                let remove = remove.clone();
                view! {
                    <fieldset class="ds-fieldset bp-group__row">
                        <legend class="ds-label">{move || item(index)}</legend>
                        {section.fields.iter().map(|field| {
                            let path = item_path(field.id, index);
                            let label = Signal::derive(move || field.label.get(lang.get()).to_owned());
                            let spec = input_spec(field, &path, label, true);
                            let (p_err, p_blur, p_input) = (path.clone(), path.clone(), path.clone());
                            view! {
                                <TextInput spec
                                    value=Signal::derive(move || answers.with(|a| a.many(field.id).get(index).cloned().unwrap_or_default()))
                                    error=Signal::derive(move || errors.with(|e| e.get(&p_err)))
                                    on_input=Callback::new(move |v: String| { clear_if_fixed(field, errors, &p_input, &v); set_at(answers, field.id, index, v); })
                                    on_blur=Callback::new(move |v: String| check_blur(field, errors, p_blur.clone(), &v))/>
                            }
                        }).collect_view()}
                        {(count() > 1).then(|| view! {
                            <button type="button" class="ds-button" data-variant="tertiary" data-size="sm"
                                aria-label=move || remove_label(group.item.get(lang.get()), index)
                                on:click=move |_| remove(index)>
                                {tr(t::FORM_REMOVE)}
                            </button>
                        })}
                    </fieldset>
                }
            }).collect_view()}
            {move || (count() < group.max as usize).then(|| view! {
                <button type="button" class="ds-button" data-variant="secondary" data-size="sm" on:click=add>
                    {move || fill(t::GROUP_ADD.get(lang.get()), &[&common::i18n::lower_case(group.item.get(lang.get()))])}
                </button>
            })}
        </fieldset>
    }
    .into_any()
}

/// A PDF to attach: chosen, checked for size here, sent at once to the server (which
/// judges the content); the answer is the server's reference, shown as the file's name.
#[component]
fn AttachmentField(
    field: &'static FieldSpec,
    answers: RwSignal<RawForm>,
    errors: RwSignal<ValidationErrors>,
) -> impl IntoView {
    let lang = use_lang();
    let api = crate::api::use_api();
    let id = dom_id(field.id);
    let hint_id = format!("{id}-hint");
    let error = Signal::derive(move || errors.with(|e| e.get(field.id)));
    let uploading = RwSignal::new(false);
    let set_error = move |e: Option<common::FieldError>| {
        errors.update(|all| match e {
            Some(e) => {
                all.0.insert(field.id.to_owned(), e);
            }
            None => {
                all.0.remove(field.id);
            }
        })
    };
    let chosen = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        if file.size() > common::validate::MAX_ATTACHMENT_BYTES as f64 {
            set_error(Some(common::FieldError::FileTooLarge {
                max_mb: (common::validate::MAX_ATTACHMENT_BYTES / (1024 * 1024)) as u32,
            }));
            return;
        }
        uploading.set(true);
        leptos::task::spawn_local(async move {
            match api.upload(&file).await {
                Ok(uploaded) => {
                    answers.update(|a| a.set_one(field.id, uploaded.reference));
                    set_error(None);
                }
                Err(crate::api::ApiClientError::Rejected(e)) => {
                    set_error(e.get("file").or(Some(common::FieldError::NotPdf)))
                }
                Err(_) => set_error(Some(common::FieldError::AttachmentMissing)),
            }
            uploading.set(false);
            input.set_value("");
        });
    };
    let name = move || {
        answers.with(|a| {
            common::validate::AttachmentRef::parse(a.one(field.id))
                .ok()
                .map(|r| r.name().to_owned())
        })
    };
    let described = move || {
        described_by(
            &dom_id(field.id),
            field.hint.is_some(),
            error.get().is_some(),
        )
    };
    view! {
        <div class="ds-field bp-file">
            <label class="ds-label" for=id.clone()>
                {move || field.label.get(lang.get())}
                {(!field.required).then(|| view! { " " <span class="bp-optional">{tr(t::FORM_OPTIONAL)}</span> })}
            </label>
            {field.hint.map(|h| view! { <div data-field="description" id=hint_id.clone()>{move || h.get(lang.get())}</div> })}
            <FieldMessage id=id.clone() error/>
            <input class="ds-input" type="file" id=id accept="application/pdf,.pdf"
                aria-describedby=described aria-invalid=move || error.get().is_some().then_some("true")
                on:change=chosen/>
            <p class="ds-paragraph" role="status" data-size="sm">
                {move || if uploading.get() {
                    Some(t::ATTACH_UPLOADING.get(lang.get()).to_owned())
                } else {
                    name().map(|n| fill(t::ATTACH_DONE.get(lang.get()), &[&n]))
                }}
            </p>
            {move || name().map(|_| view! {
                <button type="button" class="ds-button" data-variant="tertiary" data-size="sm"
                    on:click=move |_| answers.update(|a| a.set_one(field.id, String::new()))>
                    {tr(t::ATTACH_REMOVE)}
                </button>
            })}
        </div>
    }
}
