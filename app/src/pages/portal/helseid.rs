//! `/kundeportal/helseid`: HelseID's six onboarding steps (seed 004) as a tracker for
//! each actor kind the organisation has ordered for, and the way to order.

use common::form::FieldKind;
use common::i18n::{fill, t};
use common::services::{HELSEID, helseid::ONBOARDING_STEPS};
use leptos::prelude::*;

use super::{PortalFrame, org_data};
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;

#[component]
pub fn HelseId() -> impl IntoView {
    view! {
        <PortalFrame title=t::HELSEID_TITLE>
            <Tracker/>
        </PortalFrame>
    }
}

/// The actor kind's label, from the HelseID form's own choices.
fn kind_label(kind: &str) -> Option<common::Text> {
    match HELSEID.form.field("aktortype")?.kind {
        FieldKind::OneChoice(choices) => choices.iter().find(|c| c.value == kind).map(|c| c.label),
        _ => None,
    }
}

#[component]
fn Tracker() -> impl IntoView {
    let lang = use_lang();
    let (progress, problem) =
        org_data(|api, orgnr| async move { api.helseid_progress(&orgnr).await });
    view! {
        <ProblemAlert problem login_href=Signal::derive(|| "/kundeportal/innlogging".to_owned())/>
        <div class="ds-alert" data-color="info"><p>{tr(t::HELSEID_PREREQ)}</p></div>
        {move || progress.get().map(|list| view! {
            {list.is_empty().then(|| view! { <p class="ds-paragraph">{tr(t::HELSEID_NONE)}</p> })}
            {list.into_iter().filter_map(|p| Some((kind_label(&p.aktortype)?, p.done))).map(|(label, done)| {
                let heading = move || fill(t::HELSEID_STEPS.get(lang.get()), &[label.get(lang.get())]);
                view! {
                    <section class="bp-portal-section" data-testid="helseid-tracker">
                        <h2 class="ds-heading" data-size="sm">{heading}</h2>
                        <ol class="bp-steps">
                            {ONBOARDING_STEPS.iter().enumerate().map(|(i, step)| {
                                let number = i as u8 + 1;
                                let (class, state) = match number {
                                    // The introduction meeting is NHN's to hold: ordering does
                                    // not complete it, and nothing here records it yet.
                                    1 => ("bp-step", Some(t::HELSEID_STEP_BY_NHN)),
                                    n if n <= done => ("bp-step bp-step--done", Some(t::HELSEID_STEP_DONE)),
                                    n if n == done + 1 => ("bp-step bp-step--current", Some(t::HELSEID_STEP_NOW)),
                                    _ => ("bp-step", None),
                                };
                                view! {
                                    <li class=class aria-current=(number == done + 1).then_some("step")>
                                        <span class="bp-step__number" aria-hidden="true">{number}</span>
                                        <span>{tr(*step)}{state.map(|s| view! { " – " <strong>{tr(s)}</strong> })}</span>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        {(done < 4).then(|| view! {
                            <div class="ds-alert" data-color="info" data-testid="helseid-approval"><p>{tr(t::HELSEID_APPROVAL_BY_NHN)}</p></div>
                        })}
                    </section>
                }
            }).collect_view()}
        })}
        <p class="ds-paragraph"><a class="ds-button" data-variant="primary" href="/skjema/helseid">{tr(t::HELSEID_ORDER)}</a></p>
    }
}
