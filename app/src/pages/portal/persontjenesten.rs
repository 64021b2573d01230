//! `/kundeportal/persontjenesten`: getting ready for Persontjenesten (seed 003) — the
//! checklist "Oppgradering – vilkår – brannmur – delegering av rettigheter", saved for
//! the organisation; the request for rights to a tilgangsstyrer (the purposes, a
//! message); and the requests, which a tilgangsstyrer approves or declines here.

use common::ValidationErrors;
use common::api::{AccessRequests, NewAccessRequest, ReadinessItem, SetReadiness};
use common::form::{FieldKind, RawForm};
use common::i18n::{fill, t};
use common::services::ACCESS_REQUEST;
use common::{FieldError, Text};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{PortalContext, PortalFrame, org_data};
use crate::api::{ApiClientError, use_api};
use crate::components::Section;
use crate::components::error_summary::{ErrorSummary, show_errors};
use crate::components::field::{FieldMessage, dom_id};
use crate::components::spec_form::{SpecForm, summary_items};
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;

#[component]
pub fn Persontjenesten() -> impl IntoView {
    view! {
        <PortalFrame title=t::PT_TITLE>
            <p class="ds-paragraph">{tr(t::PT_INTRO)}</p>
            <Checklist/>
            <p class="ds-paragraph"><a class="ds-link" href="/skjema/persontjenesten">{tr(t::PT_ORDER)}</a></p>
            <RequestAccess/>
        </PortalFrame>
    }
}

fn item_label(item: &str) -> Text {
    match item {
        "oppgradering" => t::READY_OPPGRADERING,
        "vilkar" => t::READY_VILKAR,
        "brannmur" => t::READY_BRANNMUR,
        _ => t::READY_DELEGERING,
    }
}

#[component]
fn Checklist() -> impl IntoView {
    let api = use_api();
    let lang = use_lang();
    let orgnr = expect_context::<PortalContext>().orgnr;
    let (items, problem) = org_data(|api, orgnr| async move { api.readiness(&orgnr).await });
    let set = move |item: String, done: bool| {
        let Some(o) = orgnr.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match api.set_readiness(&o, &SetReadiness { item, done }).await {
                Ok(list) => items.set(Some(list)),
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    view! {
        <ProblemAlert problem login_href=Signal::derive(|| "/kundeportal/innlogging".to_owned())/>
        {move || items.get().map(|list: Vec<ReadinessItem>| view! {
            <fieldset class="ds-fieldset bp-checklist" data-testid="readiness">
                <legend class="ds-heading" data-size="xs">{tr(t::PT_TITLE)}</legend>
                {list.into_iter().map(|i| {
                    let id = dom_id(&format!("ready.{}", i.item));
                    let item = i.item.clone();
                    let note = i.by.clone().zip(i.at.clone());
                    let note_id = format!("{id}-hint");
                    view! {
                        <div class="ds-field bp-choice">
                            <input class="ds-input" type="checkbox" id=id.clone() prop:checked=i.done
                                aria-describedby=note.is_some().then(|| note_id.clone())
                                on:change=move |ev| set(item.clone(), event_target_checked(&ev))/>
                            <label class="ds-label" for=id data-weight="regular">{tr(item_label(&i.item))}</label>
                            {note.map(|(by, at)| view! {
                                <div data-field="description" id=note_id.clone()>{move || fill(t::READY_BY_AT.get(lang.get()), &[&by, &common::i18n::time_text(&at, lang.get())])}</div>
                            })}
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        })}
    }
}

/// The request form (its fields are the `ACCESS_REQUEST` spec) and the list of requests.
#[component]
fn RequestAccess() -> impl IntoView {
    let api = use_api();
    let lang = use_lang();
    let orgnr = expect_context::<PortalContext>().orgnr;
    let answers = RwSignal::new(RawForm::default());
    let errors = RwSignal::new(ValidationErrors::default());
    let chosen = RwSignal::new(String::new());
    let sent = RwSignal::new(None::<String>);
    let (holders, _) = org_data(|api, orgnr| async move { api.tilgangsstyrere(&orgnr).await });
    let (requests, problem) =
        org_data(|api, orgnr| async move { api.access_requests(&orgnr).await });
    let reload = move || {
        if let Some(o) = orgnr.get_untracked() {
            spawn_local(async move {
                if let Ok(list) = api.access_requests(&o).await {
                    requests.set(Some(list));
                }
            });
        }
    };
    let summary = Signal::derive(move || {
        let mut items = summary_items(&ACCESS_REQUEST, &errors.get(), lang.get());
        if let Some(e) = errors.with(|e| e.get("tilgangsstyrer")) {
            items.push((
                dom_id("tilgangsstyrer"),
                format!(
                    "{}: {}",
                    t::ACCESS_TILGANGSSTYRER.get(lang.get()),
                    e.message(lang.get())
                ),
            ));
        }
        items
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        sent.set(None);
        let mut found = ACCESS_REQUEST
            .validate(&answers.get_untracked())
            .err()
            .unwrap_or_default();
        let who = chosen.get_untracked();
        if who.is_empty() {
            found.add("tilgangsstyrer", FieldError::Required);
        }
        if !found.is_empty() {
            return show_errors(errors, found);
        }
        errors.set(ValidationErrors::default());
        let body = NewAccessRequest {
            orgnr: orgnr.get_untracked().unwrap_or_default(),
            answers: answers.get_untracked(),
            tilgangsstyrer: who.clone(),
        };
        spawn_local(async move {
            match api.request_access(&body).await {
                Ok(_) => {
                    sent.set(Some(who));
                    answers.set(RawForm::default());
                    chosen.set(String::new());
                    reload();
                }
                Err(ApiClientError::Rejected(e)) => show_errors(errors, e),
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    let decide = move |id: i64, approve: bool| {
        spawn_local(async move {
            match api.decide_access(id, approve).await {
                Ok(_) => reload(),
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    let error = Signal::derive(move || errors.with(|e| e.get("tilgangsstyrer")));
    // The registry names nobody to ask (roles not known, or none with authority): say so
    // and give the way on, instead of a choice with nothing in it.
    let nobody_to_ask = move || holders.with(|h| h.as_ref().is_some_and(Vec::is_empty));
    let mail_href = move || {
        let subject = t::ACCESS_NO_HOLDERS_SUBJECT.get(lang.get());
        let org = orgnr.get().unwrap_or_default();
        let subject = js_sys::encode_uri_component(&format!("{subject} ({org})"));
        format!("mailto:kundesenter@nhn.no?subject={subject}")
    };
    view! {
        <Section id="access-heading" heading=t::ACCESS_TITLE>
            <p class="ds-paragraph">{tr(t::ACCESS_INTRO)}</p>
            {move || sent.get().map(|who| view! {
                <div class="ds-alert" data-color="success" role="status"><p>{move || fill(t::ACCESS_SENT.get(lang.get()), &[&who])}</p></div>
            })}
            <Show when=nobody_to_ask>
                <div class="ds-alert" data-color="info" data-testid="no-tilgangsstyrer">
                    <p>{tr(t::ACCESS_NO_HOLDERS)}</p>
                    <p><a class="ds-link" href=mail_href>{tr(t::ACCESS_NO_HOLDERS_MAIL)}</a></p>
                </div>
            </Show>
            <Show when=move || !nobody_to_ask()>
                <form class="bp-form" novalidate on:submit=submit>
                    <ErrorSummary items=summary/>
                    <SpecForm spec=&ACCESS_REQUEST answers errors/>
                    <div class="ds-field">
                        <label class="ds-label" for=dom_id("tilgangsstyrer")>{tr(t::ACCESS_TILGANGSSTYRER)}</label>
                        <FieldMessage id=dom_id("tilgangsstyrer") error/>
                        <select class="ds-input" id=dom_id("tilgangsstyrer")
                            aria-invalid=move || error.get().is_some().then_some("true")
                            aria-describedby=move || error.get().is_some().then(|| format!("{}-error", dom_id("tilgangsstyrer")))
                            on:change=move |ev| chosen.set(event_target_value(&ev)) prop:value=move || chosen.get()>
                            <option value="">"–"</option>
                            {move || holders.get().unwrap_or_default().into_iter().map(|n| view! { <option value=n.clone()>{n.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="ds-button" data-variant="primary">{tr(t::ACCESS_SEND)}</button>
                </form>
            </Show>
        </Section>
        <ProblemAlert problem login_href=Signal::derive(|| "/kundeportal/innlogging".to_owned())/>
        {move || requests.get().filter(|r| !r.requests.is_empty()).map(|r: AccessRequests| view! {
            <Section id="requests-heading" heading=t::ACCESS_LIST>
                <ul class="ds-list" data-testid="access-requests">
                    {r.requests.into_iter().map(|q| {
                        let purposes = purpose_labels(&q.purposes, lang.get_untracked()).join("; ");
                        let status = match q.status.as_str() {
                            "godkjent" => t::ACCESS_GODKJENT,
                            "avslatt" => t::ACCESS_AVSLATT,
                            _ => t::ACCESS_VENTER,
                        };
                        let pending = q.status == "venter" && r.may_decide;
                        let id = q.id;
                        view! {
                            <li>
                                {move || fill(t::ACCESS_FROM.get(lang.get()), &[&q.requester, &common::i18n::time_text(&q.created_at, lang.get()), &purposes])}
                                " → "{q.tilgangsstyrer.clone()}" "
                                <span class="ds-tag" data-color="info">{tr(status)}</span>
                                {(!q.message.is_empty()).then(|| view! { <br/><q>{q.message.clone()}</q> })}
                                {pending.then(|| view! {
                                    <div class="bp-actions">
                                        <button type="button" class="ds-button" data-variant="primary" data-size="sm" on:click=move |_| decide(id, true)>{tr(t::ACCESS_APPROVE)}</button>
                                        <button type="button" class="ds-button" data-variant="secondary" data-size="sm" on:click=move |_| decide(id, false)>{tr(t::ACCESS_DECLINE)}</button>
                                    </div>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Section>
        })}
    }
}

/// The purposes' labels, from the request spec's own choices.
fn purpose_labels(values: &[String], lang: common::Lang) -> Vec<String> {
    let Some(FieldKind::MultiChoice(choices)) = ACCESS_REQUEST.field("formal").map(|f| &f.kind)
    else {
        return values.to_vec();
    };
    values
        .iter()
        .map(|v| {
            choices
                .iter()
                .find(|c| c.value == v)
                .map_or(v.clone(), |c| c.label.get(lang).to_owned())
        })
        .collect()
}
