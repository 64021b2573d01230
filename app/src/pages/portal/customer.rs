//! `/kundeportal/kundeinformasjon`, Kundeinformasjon: the organisation as
//! Enhetsregisteret has it — number, form, address, main unit, roles with authority —
//! and as Adresseregisteret has it: its HER-ids and EDI address, with the onboarding
//! steps NHN takes for a unit new in Helsenettet as a tracker (seed 002, Grunndata).

use common::api::register::Grunndata;
use common::i18n::{fill, t};
use leptos::prelude::*;

use super::{PortalFrame, org_data};
use crate::components::Section;
use crate::components::org_records::RegistryDetails;
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;

/// The seed's steps, in order.
const STEPS: [common::Text; 4] = [
    t::GRUNNDATA_STEP_CONNECTED,
    t::GRUNNDATA_STEP_HER_ID,
    t::GRUNNDATA_STEP_EDI,
    t::GRUNNDATA_STEP_ACCOUNT,
];

#[component]
pub fn Customer() -> impl IntoView {
    view! {
        <PortalFrame title=t::NAV_CUSTOMER>
            <CustomerDetails/>
            <GrunndataTracker/>
        </PortalFrame>
    }
}

#[component]
fn CustomerDetails() -> impl IntoView {
    let (info, problem) = org_data(|api, orgnr| async move { api.customer_info(&orgnr).await });
    view! {
        <ProblemAlert problem login_href=Signal::derive(|| "/kundeportal/innlogging".to_owned())/>
        {move || info.get().map(|info| view! { <RegistryDetails info/> })}
    }
}

#[component]
fn GrunndataTracker() -> impl IntoView {
    let (grunndata, problem) = org_data(|api, orgnr| async move { api.grunndata(&orgnr).await });
    view! {
        <ProblemAlert problem login_href=Signal::derive(|| "/kundeportal/innlogging".to_owned())/>
        {move || grunndata.get().map(|g| view! {
            <Section id="grunndata" heading=t::GRUNNDATA_TITLE>
                <GrunndataSteps grunndata=g/>
            </Section>
        })}
    }
}

#[component]
fn GrunndataSteps(grunndata: Grunndata) -> impl IntoView {
    let lang = use_lang();
    let done = grunndata.steps_done();
    // The first step not done is the one under way; the register's steps are not known
    // while it does not answer.
    let current = done.iter().position(|d| !d);
    let edi = grunndata.edi_address.clone();
    view! {
        <p class="ds-paragraph">{tr(t::GRUNNDATA_INTRO)}</p>
        {(!grunndata.available).then(|| view! {
            <div class="ds-alert" data-color="warning"><p>{tr(t::GRUNNDATA_UNAVAILABLE)}</p></div>
        })}
        <ol class="bp-steps" data-testid="grunndata-tracker">
            {STEPS.iter().enumerate().map(|(i, step)| {
                let (class, state) = if done[i] {
                    ("bp-step bp-step--done", Some(t::HELSEID_STEP_DONE))
                } else if current == Some(i) {
                    ("bp-step bp-step--current", Some(t::HELSEID_STEP_NOW))
                } else {
                    ("bp-step", None)
                };
                view! {
                    <li class=class aria-current=(current == Some(i)).then_some("step")>
                        <span class="bp-step__number" aria-hidden="true">{i + 1}</span>
                        <span>{tr(*step)}{state.map(|s| view! { " – " <strong>{tr(s)}</strong> })}</span>
                    </li>
                }
            }).collect_view()}
        </ol>
        {(!grunndata.parties.is_empty()).then(|| view! {
            <ul class="ds-list" data-testid="grunndata-her-ids">
                {grunndata.parties.into_iter().map(|p| {
                    let her_id = p.her_id.to_string();
                    view! { <li>{move || fill(t::HER_ID_NAMED.get(lang.get()), &[&her_id, &p.name])}</li> }
                }).collect_view()}
            </ul>
        })}
        {edi.map(|e| view! { <p class="ds-paragraph">{move || fill(t::GRUNNDATA_EDI.get(lang.get()), &[&e])}</p> })}
        <p class="ds-paragraph"><a class="ds-link" href="/skjema/adresseregisteret">{tr(t::GRUNNDATA_ORDER)}</a></p>
    }
}
