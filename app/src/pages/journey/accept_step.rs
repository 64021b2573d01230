//! Step 4, "Les gjennom og aksepter": "Se over svarene" (each answer with "Endre"), the agreement documents (PDF icon to the right of
//! each title), the acceptance checkbox and "Fullfør", which stores the order.

use common::FieldError;
use common::Step;
use common::api::PriorAcceptance;
use common::i18n::{fill, t};
use common::services;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::JourneyState;
use super::form_step::order_of;
use crate::api::{ApiClientError, use_api};
use crate::components::answers::AnswerList;
use crate::components::error_summary::{ErrorSummary, focus_summary};
use crate::components::field::FieldMessage;
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;

const ACCEPT_ID: &str = "f-accept";
const FINISH_ID: &str = "finish";

#[component]
pub fn AcceptStep(state: JourneyState) -> impl IntoView {
    let api = use_api();
    let lang = use_lang();
    let service = state.service;
    let accepted = RwSignal::new(false);
    let error = RwSignal::new(None::<FieldError>);
    let problem = RwSignal::new(None::<ApiClientError>);
    let busy = RwSignal::new(false);
    // Terms that hold for the whole municipality and were accepted already (for any of its
    // units) are not asked for again: the user is told who accepted them, and when.
    let prior = RwSignal::new(Vec::<PriorAcceptance>::new());
    if service.documents.iter().any(|d| d.for_legal_entity) {
        Effect::new(move |_| {
            if state.step.get() != Step::Accept {
                return;
            }
            if let Some(orgnr) = state.org.get().map(|c| c.organisation.orgnr) {
                spawn_local(async move {
                    prior.set(api.prior_acceptances(&orgnr).await.unwrap_or_default());
                });
            }
        });
    }
    let remaining = Signal::derive(move || {
        prior.with(|p| {
            service
                .documents
                .iter()
                .filter(|d| !p.iter().any(|a| a.document_id == d.id))
                .collect::<Vec<_>>()
        })
    });
    // Services with terms are accepted here; the others are only checked and sent.
    let has_documents = move || !remaining.with(Vec::is_empty);
    let summary = Signal::derive(move || {
        error
            .get()
            .map(|_| {
                vec![(
                    ACCEPT_ID.to_owned(),
                    t::ACCEPT_REQUIRED.get(lang.get()).to_owned(),
                )]
            })
            .unwrap_or_default()
    });
    let finish = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        problem.set(None);
        if has_documents() && !accepted.get_untracked() {
            error.set(Some(FieldError::NotAccepted));
            focus_summary();
            return;
        }
        busy.set(true);
        let order = order_of(
            &state,
            remaining
                .get_untracked()
                .iter()
                .map(|d| d.id.to_owned())
                .collect(),
        );
        spawn_local(async move {
            match api.submit_order(&order).await {
                Ok(receipt) => {
                    state.receipt.set(Some(receipt));
                    state.go(Step::Receipt);
                }
                Err(ApiClientError::Rejected(errors)) if errors.get("orgnr").is_some() => {
                    state.org_error.set(errors.get("orgnr"));
                    state.go(Step::Organisation);
                }
                Err(ApiClientError::Rejected(errors)) => {
                    // The server found something the form step did not: back there, with the answers.
                    state.errors.set(errors);
                    state.go(Step::Form);
                    focus_summary();
                }
                Err(other) => super::report(problem, other),
            }
            busy.set(false);
        });
    };
    let change = super::change_answer(state);
    view! {
        <super::JumpToAction targets=&[ACCEPT_ID, FINISH_ID] label=t::JUMP_TO_FINISH/>
        <h3 class="ds-heading" data-size="2xs">{tr(t::CHECK_ANSWERS)}</h3>
        <AnswerList spec=service.form answers=state.answers on_change=change/>
        {super::notice(service.form)}
        {move || prior.get().into_iter().filter_map(|p| Some((services::document(&p.document_id)?, p))).map(|(doc, p)| view! {
            <div class="ds-alert" data-color="success" role="status" data-testid="accepted-before">
                <p>{move || fill(t::ACCEPTED_BEFORE.get(lang.get()), &[doc.title.get(lang.get()), &p.accepted_by, &common::i18n::time_text(&p.accepted_at, lang.get()), &p.orgnr])}</p>
            </div>
        }).collect_view()}
        {move || has_documents().then(|| view! {
        <h3 class="ds-heading" data-size="2xs">{move || fill(t::ACCEPT_TITLE.get(lang.get()), &[service.name.get(lang.get())])}</h3>
        <p class="ds-paragraph">{tr(t::ACCEPT_DOWNLOAD_HINT)}</p>
        <ul class="bp-documents">
            {remaining.get().into_iter().map(|doc| view! {
                <li>
                    <span>{move || doc.title.get(lang.get())}</span>
                    <a class="bp-pdf-link" href=format!("/api/documents/{}/pdf", doc.id) target="_blank" rel="noopener"
                        aria-label=move || fill(t::ACCEPT_DOWNLOAD.get(lang.get()), &[doc.title.get(lang.get())])>
                        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="28" height="28">
                            <path fill="currentColor" d="M6 2h9l5 5v15H6zM14 3.5V8h4.5zM8 13h2a1.5 1.5 0 0 1 0 3H9v2H8zm1 1v1h1a.5.5 0 0 0 0-1zm3-1h1.5a2.5 2.5 0 0 1 0 5H12zm1 1v3h.5a1.5 1.5 0 0 0 0-3zm3-1h3v1h-2v1h1.5v1H17v2h-1z"/>
                        </svg>
                        <span class="bp-pdf-link__text">"PDF"</span>
                    </a>
                </li>
            }).collect_view()}
        </ul>
        })}
        <ProblemAlert problem login_href=Signal::derive(move || crate::pages::login_href(&state.path()))/>
        <form class="bp-form" novalidate on:submit=finish>
            <ErrorSummary items=summary/>
            {move || has_documents().then(|| view! {
            <div class="ds-field bp-choice">
                <input class="ds-input" type="checkbox" id=ACCEPT_ID
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby=move || error.get().is_some().then(|| format!("{ACCEPT_ID}-error"))
                    prop:checked=move || accepted.get()
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        accepted.set(on);
                        if on { error.set(None); }
                    }/>
                <label class="ds-label" for=ACCEPT_ID>{tr(t::ACCEPT_CHECKBOX)}</label>
                <FieldMessage id=ACCEPT_ID.to_owned() error/>
            </div>
            })}
            <div class="bp-actions">
                <button type="button" class="ds-button" data-variant="secondary" on:click=move |_| state.go(Step::Form)>{tr(t::BACK)}</button>
                <button type="submit" id=FINISH_ID class="ds-button" data-variant="primary" aria-disabled=move || busy.get().then_some("true")>{tr(t::ACCEPT_FINISH)}</button>
            </div>
            <p class="ds-paragraph bp-note">{move || if has_documents() { tr(t::ACCEPT_CONFIRM) } else { tr(t::SUBMIT_CONFIRM) }}</p>
        </form>
    }
}
