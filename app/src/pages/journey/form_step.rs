//! Step 3, "Fyll ut skjema": the service's form spec rendered and checked by the common
//! validator on "Send", then by the server (the same code) before step 4.

use common::Step;
use common::ValidationErrors;
use common::api::SubmitOrder;
use common::i18n::t;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::JourneyState;
use crate::api::{ApiClientError, use_api};
use crate::components::error_summary::{ErrorSummary, focus_summary};
use crate::components::spec_form::{SpecForm, missing_labels, summary_items};
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;

/// The order as the API takes it, from what the journey holds.
pub fn order_of(state: &JourneyState, accepted: Vec<String>) -> SubmitOrder {
    SubmitOrder {
        service: state.service.slug.into(),
        orgnr: state
            .org
            .get_untracked()
            .map(|c| c.organisation.orgnr)
            .unwrap_or_default(),
        answers: state.answers.get_untracked(),
        accepted_documents: accepted,
        idempotency_key: Some(state.idempotency_key.get_value()),
    }
}

#[component]
pub fn FormStep(state: JourneyState) -> impl IntoView {
    let api = use_api();
    let lang = use_lang();
    let spec = state.service.form;
    let problem = RwSignal::new(None::<ApiClientError>);
    let busy = RwSignal::new(false);
    let summary = Signal::derive(move || summary_items(spec, &state.errors.get(), lang.get()));
    // A service ordered once per organisation and active there already: said before a
    // second order is made (it is not refused: the customer may have reasons).
    let active_already = RwSignal::new(false);
    if spec
        .fields()
        .any(|f| matches!(f.kind, common::form::FieldKind::HerId))
    {
        crate::components::her_id::PartyRegister::provide(Signal::derive(move || {
            state.org.get().map(|c| c.organisation.orgnr)
        }));
    }
    if state.service.active_once {
        Effect::new(move |_| {
            let Some(orgnr) = state.org.get().map(|c| c.organisation.orgnr) else {
                return;
            };
            spawn_local(async move {
                let active = api.organisation_services(&orgnr).await.is_ok_and(|list| {
                    list.iter()
                        .any(|s| s.slug == state.service.slug && s.taken())
                });
                active_already.set(active);
            });
        });
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        problem.set(None);
        if let Err(errors) = spec.validate(&state.answers.get_untracked()) {
            state.errors.set(errors);
            focus_summary();
            return;
        }
        state.errors.set(ValidationErrors::default());
        busy.set(true);
        let order = order_of(&state, Vec::new());
        spawn_local(async move {
            match api.validate_order(&order).await {
                Ok(()) => state.go(Step::Accept),
                Err(ApiClientError::Rejected(errors)) if errors.get("orgnr").is_some() => {
                    state.org_error.set(errors.get("orgnr"));
                    state.go(Step::Organisation);
                }
                Err(ApiClientError::Rejected(errors)) => {
                    state.errors.set(errors);
                    focus_summary();
                }
                Err(other) => super::report(problem, other),
            }
            busy.set(false);
        });
    };
    view! {
        <ProblemAlert problem login_href=Signal::derive(move || crate::pages::login_href(&state.path()))/>
        {super::notice(spec)}
        <Show when=move || active_already.get()>
            <div class="ds-alert" data-color="warning" data-testid="already-active">
                <p>{move || common::i18n::fill(t::ALREADY_ACTIVE.get(lang.get()), &[
                    state.service.name.get(lang.get()),
                    &state.org.get().map(|c| c.organisation.display()).unwrap_or_default(),
                ])}</p>
            </div>
        </Show>
        <form class="bp-form" novalidate on:submit=submit>
            <ErrorSummary items=summary/>
            <SpecForm spec answers=state.answers errors=state.errors/>
            {move || {
                let missing = state.answers.with(|a| missing_labels(spec, a, lang.get()));
                (!missing.is_empty()).then(|| view! {
                    <p class="ds-paragraph bp-missing" data-size="sm" data-testid="missing">
                        {tr(t::FORM_MISSING)}" "{missing.join(", ")}
                    </p>
                })
            }}
            <div class="bp-actions">
                <button type="button" class="ds-button" data-variant="secondary" on:click=move |_| state.go(Step::Organisation)>{tr(t::BACK)}</button>
                <button type="submit" class="ds-button" data-variant="primary" aria-disabled=move || busy.get().then_some("true")>
                    {tr(if state.service.signer_field.is_some() { t::FORM_TO_SIGNING } else { t::FORM_SEND })}
                </button>
            </div>
        </form>
    }
}
