//! `/kundeportal`: the customer portal's front page after login. Who is logged in, the
//! organisation they act for ("Bytt virksomhet" when there are several), its services
//! (active, and inactive ones leading to their order form) and its orders.

use common::api::{Me, MyOrganisations, OrderSummary, ServiceStatus};
use common::i18n::{fill, t};
use common::services;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiClientError, use_api};
use crate::app::set_title;
use crate::i18n::{tr, use_lang};
use crate::pages::{Loading, ProblemAlert};

/// The customer portal's front page.
#[component]
pub fn Portal() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    Effect::new(move |_| set_title(lang.get(), t::PORTAL_TITLE.get(lang.get())));
    let me = RwSignal::new(None::<Me>);
    let orgs = RwSignal::new(None::<MyOrganisations>);
    let orders = RwSignal::new(None::<Vec<OrderSummary>>);
    let statuses = RwSignal::new(None::<Vec<ServiceStatus>>);
    let problem = RwSignal::new(None::<ApiClientError>);
    let load_orders = move |current: Option<String>| {
        orders.set(None);
        statuses.set(None);
        if let Some(orgnr) = current {
            spawn_local(async move {
                let loaded = async {
                    Ok::<_, ApiClientError>((
                        api.organisation_services(&orgnr).await?,
                        api.organisation_orders(&orgnr).await?,
                    ))
                };
                match loaded.await {
                    Ok((services, list)) => {
                        statuses.set(Some(services));
                        orders.set(Some(list));
                    }
                    Err(e) => problem.set(Some(e)),
                }
            });
        }
    };
    spawn_local(async move {
        let loaded =
            async { Ok::<_, ApiClientError>((api.me().await?, api.my_organisations().await?)) };
        match loaded.await {
            Ok((who, mine)) => {
                me.set(Some(who));
                load_orders(mine.current.clone());
                orgs.set(Some(mine));
            }
            Err(e) => problem.set(Some(e)),
        }
    });
    let switch = move |orgnr: String| {
        spawn_local(async move {
            match api.switch_organisation(orgnr).await {
                Ok(mine) => {
                    load_orders(mine.current.clone());
                    orgs.set(Some(mine));
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    let current_name = move || {
        orgs.with(|o| {
            o.as_ref().and_then(|o| {
                o.organisations
                    .iter()
                    .find(|c| Some(&c.organisation.orgnr) == o.current.as_ref())
                    .map(|c| c.organisation.display())
            })
        })
    };
    view! {
        <h1 class="ds-heading" data-size="lg">{tr(t::PORTAL_TITLE)}</h1>
        <ProblemAlert problem login_href=Signal::derive(|| "/kundeportal/innlogging".to_owned())/>
        {move || me.get().map(|m| view! {
            <p class="ds-paragraph">{move || fill(t::STEP_LOGGED_IN.get(lang.get()), &[&m.name])}</p>
        })}
        {move || match orgs.get() {
            None if problem.get().is_none() => view! { <Loading/> }.into_any(),
            None => ().into_any(),
            Some(mine) if mine.organisations.is_empty() => view! {
                <div class="ds-alert" data-color="info"><p>{tr(t::PORTAL_NO_ORGS)}</p></div>
            }.into_any(),
            Some(mine) => {
                let several = mine.organisations.len() > 1;
                let current = mine.current.clone().unwrap_or_default();
                view! {
                    <section class="bp-card" aria-labelledby="org-heading">
                        <h2 class="ds-heading" data-size="sm" id="org-heading">{tr(t::PORTAL_ORG)}</h2>
                        <p class="ds-paragraph"><strong data-testid="current-org">{current_name}</strong></p>
                        <p class="ds-paragraph">{tr(t::PORTAL_CONTACT)}</p>
                        {several.then(|| view! {
                            <div class="ds-field">
                                <label class="ds-label" for="f-switch-org">{tr(t::PORTAL_SWITCH_ORG)}</label>
                                <select class="ds-input" id="f-switch-org" on:change=move |ev| switch(event_target_value(&ev))>
                                    {mine.organisations.iter().map(|c| {
                                        let orgnr = c.organisation.orgnr.clone();
                                        view! { <option value=orgnr.clone() selected=orgnr == current>{c.organisation.display()}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                        })}
                    </section>
                }.into_any()
            }
        }}
        {move || statuses.get().map(|list| {
            let name = move |slug: &str| services::by_slug(slug).map(|s| s.name);
            let (active, inactive): (Vec<_>, Vec<_>) = list.into_iter().partition(|s| s.active);
            view! {
                <section aria-labelledby="services-heading">
                    <h2 class="ds-heading" data-size="sm" id="services-heading">{tr(t::PORTAL_SERVICES)}</h2>
                    <h3 class="ds-heading" data-size="xs">{tr(t::PORTAL_ACTIVE)}</h3>
                    {if active.is_empty() {
                        view! { <p class="ds-paragraph">{tr(t::PORTAL_NO_ACTIVE)}</p> }.into_any()
                    } else {
                        view! { <ul class="ds-list" data-testid="active-services">
                            {active.into_iter().filter_map(|s| name(&s.slug)).map(|n| view! { <li>{tr(n)}</li> }).collect_view()}
                        </ul> }.into_any()
                    }}
                    <h3 class="ds-heading" data-size="xs">{tr(t::PORTAL_INACTIVE)}</h3>
                    <ul class="ds-list" data-testid="inactive-services">
                        {inactive.into_iter().filter_map(|s| Some((name(&s.slug)?, s.slug))).map(|(n, slug)| view! {
                            <li><a class="ds-link" href=format!("/skjema/{slug}")>{tr(n)}</a></li>
                        }).collect_view()}
                    </ul>
                </section>
            }
        })}
        {move || orders.get().map(|list| view! {
            <section aria-labelledby="orders-heading">
                <h2 class="ds-heading" data-size="sm" id="orders-heading">{tr(t::PORTAL_ORDERS)}</h2>
                {if list.is_empty() {
                    view! { <p class="ds-paragraph">{tr(t::PORTAL_NO_ORDERS)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="ds-list bp-orders">
                            {list.into_iter().map(|o| {
                                let service = services::by_slug(&o.service).map_or(o.service.clone(), |s| s.name.get(lang.get_untracked()).to_owned());
                                view! { <li>{o.reference}" · "{service}" · "{o.submitted_at}" · "{o.ordered_by}</li> }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        })}
        {move || me.get().map(|_| view! {
            <button type="button" class="ds-button" data-variant="secondary" on:click=move |_| {
                spawn_local(async move {
                    let _ = api.leave().await;
                    let _ = window().location().set_href("/kundeportal/innlogging");
                });
            }>{tr(t::LOGOUT)}</button>
        })}
    }
}
