//! `/kundeportal`, Tjenester: the organisation's services, active (an order of it
//! Fullført), ordered (in the customer centre's handling) and inactive (each leads to its
//! order form), and the pages that follow a service after its order (Persontjenesten's
//! checklist, HelseID's steps).

use common::api::ServiceStatus;
use common::i18n::t;
use common::services;
use leptos::prelude::*;

use super::{PortalFrame, org_data};
use crate::components::Section;
use crate::i18n::tr;
use crate::pages::ProblemAlert;

#[component]
pub fn Services() -> impl IntoView {
    view! {
        <PortalFrame title=t::NAV_SERVICES>
            <ServiceLists/>
        </PortalFrame>
    }
}

/// Where a service leads beyond its order form, as its spec declares.
fn follow_up(slug: &str) -> Option<(&'static str, common::Text)> {
    services::by_slug(slug)?.follow_up
}

/// The name of the service `slug`, if it is one.
fn name(slug: &str) -> Option<common::Text> {
    services::by_slug(slug).map(|s| s.name)
}

/// Services listed by name, each with the page that follows it where it has one.
fn listed(list: Vec<ServiceStatus>) -> impl IntoView {
    list.into_iter()
        .filter_map(|s| Some((name(&s.slug)?, s.slug)))
        .map(|(n, slug)| view! {
            <li>{tr(n)}{follow_up(&slug).map(|(href, label)| view! { " – " <a class="ds-link" href=href>{tr(label)}</a> })}</li>
        })
        .collect_view()
}

#[component]
fn ServiceLists() -> impl IntoView {
    let (statuses, problem) =
        org_data(|api, orgnr| async move { api.organisation_services(&orgnr).await });
    view! {
        <ProblemAlert problem login_href=Signal::derive(|| "/kundeportal/innlogging".to_owned())/>
        {move || statuses.get().map(|list: Vec<ServiceStatus>| {
            let (active, rest): (Vec<_>, Vec<_>) = list.into_iter().partition(|s| s.active);
            let (ordered, inactive): (Vec<_>, Vec<_>) = rest.into_iter().partition(|s| s.ordered);
            view! {
                <Section id="active-heading" heading=t::PORTAL_ACTIVE>
                    {if active.is_empty() {
                        view! { <p class="ds-paragraph">{tr(t::PORTAL_NO_ACTIVE)}</p> }.into_any()
                    } else {
                        view! { <ul class="ds-list bp-links" data-testid="active-services">
                            {listed(active)}
                        </ul> }.into_any()
                    }}
                </Section>
                {(!ordered.is_empty()).then(|| view! {
                    <Section id="ordered-heading" heading=t::PORTAL_ORDERED>
                        <ul class="ds-list bp-links" data-testid="ordered-services">
                            {listed(ordered)}
                        </ul>
                    </Section>
                })}
                <Section id="inactive-heading" heading=t::PORTAL_INACTIVE>
                    <ul class="ds-list bp-links" data-testid="inactive-services">
                        {inactive.into_iter().filter_map(|s| Some((name(&s.slug)?, s.slug))).map(|(n, slug)| view! {
                            <li><a class="ds-link" href=format!("/skjema/{slug}")>{tr(n)}</a>
                                {follow_up(&slug).map(|(href, label)| view! { " – " <a class="ds-link" href=href>{tr(label)}</a> })}</li>
                        }).collect_view()}
                    </ul>
                </Section>
            }
        })}
    }
}
