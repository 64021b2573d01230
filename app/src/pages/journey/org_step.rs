//! Step 2, "Søk opp og velg din virksomhet": a valid number shows "NAVN (orgnr)" from
//! Enhetsregisteret, then "Gå videre".

use common::FieldError;
use common::Step;
use common::api::{OrganisationChoice, Standing};
use common::form::{FieldKind, FieldSpec};
use common::i18n::t;
use common::validate::OrgNumber;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::JourneyState;
use crate::api::{ApiClientError, use_api};
use crate::components::field::{InputSpec, TextInput};
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;

static ORG_FIELD: FieldSpec = FieldSpec {
    id: "orgnr",
    label: t::ORG_LABEL,
    hint: Some(t::ORG_HINT),
    kind: FieldKind::OrgNumber,
    required: true,
    repeat: None,
    shown_if: None,
};

#[component]
pub fn OrgStep(state: JourneyState) -> impl IntoView {
    let api = use_api();
    let lang = use_lang();
    let input = RwSignal::new(
        state
            .org
            .get_untracked()
            .map(|c| c.organisation.orgnr)
            .unwrap_or_default(),
    );
    let error = RwSignal::new(state.org_error.get_untracked());
    let found = RwSignal::new(state.org.get_untracked());
    let problem = RwSignal::new(None::<ApiClientError>);
    // Without authority the unit cannot be chosen — except for a signed service, whose
    // signer carries the authority (seed 001).
    let refused = move |choice: &OrganisationChoice| !state.service.may_order_with(choice.standing);
    let search = move |value: String| {
        found.set(None);
        problem.set(None);
        let orgnr = match OrgNumber::parse(&value) {
            Ok(o) => o,
            Err(e) => return error.set(Some(e)),
        };
        error.set(None);
        spawn_local(async move {
            match api.organisation(orgnr.as_ref()).await {
                Ok(choice) => {
                    if refused(&choice) {
                        error.set(Some(FieldError::NoAuthority));
                    }
                    found.set(Some(choice));
                }
                Err(ApiClientError::NotFound) => error.set(Some(FieldError::NotInRegistry)),
                Err(ApiClientError::Rejected(e)) => error.set(e.get("orgnr")),
                Err(other) => super::report(problem, other),
            }
        });
    };
    // The units the user is known to act for, to pick with one press (and to switch between).
    let mine = RwSignal::new(Vec::<OrganisationChoice>::new());
    spawn_local(async move {
        if let Ok(list) = api.my_organisations().await {
            mine.set(list.organisations);
        }
    });
    let pick = move |choice: OrganisationChoice| {
        input.set(choice.organisation.orgnr.clone());
        error.set(None);
        problem.set(None);
        found.set(Some(choice));
    };
    let on_input = Callback::new(move |v: String| {
        input.set(v.clone());
        found.set(None);
        // Nine digits typed: look it up straight away, as NHN's own form does.
        if v.chars().filter(char::is_ascii_digit).count() == 9 && OrgNumber::parse(&v).is_ok() {
            search(v);
        } else if error.get_untracked().is_some() && ORG_FIELD.check_on_blur(&v).is_none() {
            error.set(None);
        }
    });
    let on_blur = Callback::new(move |v: String| {
        // Left empty, the field keeps what it was told ("Du må fylle ut feltet.").
        if found.try_get_untracked().flatten().is_none() && !v.trim().is_empty() {
            error.try_set(ORG_FIELD.check_on_blur(&v));
        }
    });
    let spec = InputSpec {
        id: "f-orgnr".into(),
        label: Signal::derive(move || t::ORG_LABEL.get(lang.get()).to_owned()),
        hint: Some(Signal::derive(move || {
            t::ORG_HINT.get(lang.get()).to_owned()
        })),
        input_type: "text",
        input_mode: "numeric",
        autocomplete: "off",
        required: true,
        list: None,
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match found.get_untracked() {
            Some(choice) if refused(&choice) => error.set(Some(FieldError::NoAuthority)),
            Some(choice) => {
                state.org_error.set(None);
                state.org.set(Some(choice));
                state.go(Step::Form);
            }
            None if input.get_untracked().trim().is_empty() => {
                error.set(Some(FieldError::Required))
            }
            None => search(input.get_untracked()),
        }
    };
    view! {
        <ProblemAlert problem login_href=Signal::derive(move || crate::pages::login_href(&state.path()))/>
        <form class="bp-form" novalidate on:submit=submit>
            <TextInput spec value=input error=error on_input on_blur/>
            <div role="status" class="bp-org-result">
                {move || found.get().map(|choice| {
                    let reason = match choice.standing {
                        Standing::Holds(authority) => Some(authority.reason()),
                        _ => None,
                    };
                    view! {
                        <p class="bp-org-found"><strong>{choice.organisation.display()}</strong></p>
                        {reason.map(|r| view! { <p class="ds-paragraph">{tr(r)}</p> })}
                    }
                })}
            </div>
            {move || if found.get().is_some_and(|c| !refused(&c)) {
                view! { <button type="submit" class="ds-button" data-variant="primary">{tr(t::ORG_CONTINUE)}</button> }.into_any()
            } else {
                view! { <button type="submit" class="ds-button" data-variant="secondary">{tr(t::ORG_SEARCH)}</button> }.into_any()
            }}
        </form>
        // One's own units after the lookup: a person with a role in many would push the
        // number field and "Gå videre" off a phone's first screen.
        <Show when=move || !mine.with(Vec::is_empty)>
            <section aria-labelledby="my-orgs-heading" class="bp-my-orgs">
                <h2 class="ds-heading" data-size="xs" id="my-orgs-heading">{tr(t::PORTAL_MY_ORGS)}</h2>
                <ul class="ds-list">
                    {move || mine.get().into_iter().map(|choice| {
                        let label = choice.organisation.display();
                        view! {
                            <li><button type="button" class="ds-button" data-variant="tertiary"
                                on:click=move |_| pick(choice.clone())>{label}</button></li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
        // Who may accept, after the action: on a phone "Gå videre" stays on the first screen.
        <p class="ds-paragraph bp-note">{tr(t::ORG_AUTHORITY)}</p>
    }
}
