//! The customer portal (SPEC §4) after login: a frame with the user's name, the
//! organisation acted for ("Bytt virksomhet") and the menu — Min konto, Kundeinformasjon,
//! Dokumentoversikt, Tjenester, Mine bestillinger, Brukerstøtte — around one page each.
//! Pages read the current organisation from context and load their data for it.

mod account;
mod conversation;
mod customer;
mod documents;
mod help;
mod helseid;
mod orders;
mod persontjenesten;
mod services;

pub use account::Account;
pub use conversation::OrderConversation;
pub use customer::Customer;
pub use documents::Documents;
pub use help::Help;
pub use helseid::HelseId;
pub use orders::Orders;
pub use persontjenesten::Persontjenesten;
pub use services::Services;

use std::future::Future;

use common::Text;
use common::api::{Me, MyOrganisations};
use common::i18n::{fill, t};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;

use crate::api::{Api, ApiClientError, use_api};
use crate::i18n::{tr, use_lang};
use crate::pages::{Loading, ProblemAlert};
use crate::title::set_title;

/// The organisation the portal acts for, and who is logged in (for the pages).
#[derive(Clone, Copy)]
pub struct PortalContext {
    pub orgnr: RwSignal<Option<String>>,
    pub me: RwSignal<Option<Me>>,
}

/// The menu: (path, label).
const MENU: [(&str, Text); 6] = [
    ("/kundeportal/konto", t::NAV_ACCOUNT),
    ("/kundeportal/kundeinformasjon", t::NAV_CUSTOMER),
    ("/kundeportal/dokumenter", t::NAV_DOCUMENTS),
    ("/kundeportal", t::NAV_SERVICES),
    ("/kundeportal/bestillinger", t::NAV_ORDERS),
    ("/kundeportal/brukerstotte", t::NAV_HELP),
];

/// The portal's menu, with the current page marked for screen readers.
#[component]
pub fn PortalMenu() -> impl IntoView {
    let location = use_location();
    view! {
        <nav class="bp-portal-nav" aria-label=tr(t::NAV_LABEL)>
            <ul>
                {MENU.into_iter().map(|(path, label)| {
                    let current = move || (location.pathname.get() == path).then_some("page");
                    view! { <li><a class="ds-link" href=path aria-current=current>{tr(label)}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// Not logged in (a first visit) or no longer (the session ran out): said as it is, with
/// both ways in — the portal account's password login and ID-porten.
#[component]
fn LoginNeeded(expired: bool) -> impl IntoView {
    let (text, role) = if expired {
        (t::PORTAL_SESSION_ENDED, "alert")
    } else {
        (t::PORTAL_LOGIN_NEEDED, "status")
    };
    let here = use_location().pathname.get_untracked();
    view! {
        <div class="ds-alert" data-color="info" role=role data-testid="login-needed">
            <p>{tr(text)}</p>
            <ul class="ds-list">
                <li><a class="ds-link" href="/kundeportal/innlogging">{tr(t::PORTAL_LOGIN_PASSWORD)}</a></li>
                <li><a class="ds-link" href=crate::pages::login_href(&here) rel="external">{tr(t::LOGIN_BUTTON)}</a></li>
            </ul>
        </div>
    }
}

/// Frame of a page for logged-in users: heading, who and for which organisation, menu.
#[component]
pub fn PortalFrame(title: Text, children: Children) -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    Effect::new(move |_| set_title(lang.get(), title.get(lang.get())));
    let context = PortalContext {
        orgnr: RwSignal::new(None),
        me: RwSignal::new(None),
    };
    provide_context(context);
    let orgs = RwSignal::new(None::<MyOrganisations>);
    let problem = RwSignal::new(None::<ApiClientError>);
    let switch = move |orgnr: String| {
        spawn_local(async move {
            match api.switch_organisation(orgnr).await {
                Ok(mine) => {
                    context.orgnr.set(mine.current.clone());
                    orgs.set(Some(mine));
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    spawn_local(async move {
        let loaded =
            async { Ok::<_, ApiClientError>((api.me().await?, api.my_organisations().await?)) };
        match loaded.await {
            Ok((who, mine)) => {
                context.me.set(Some(who));
                // Nothing chosen yet (a person from ID-porten): the first of theirs.
                let first = mine
                    .organisations
                    .first()
                    .map(|c| c.organisation.orgnr.clone());
                match (mine.current.clone(), first) {
                    (None, Some(first)) => switch(first),
                    (current, _) => context.orgnr.set(current),
                }
                orgs.set(Some(mine));
            }
            Err(e) => problem.set(Some(e)),
        }
    });
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
    let logged_out = move || {
        matches!(
            problem.get(),
            Some(ApiClientError::Unauthenticated | ApiClientError::Expired)
        )
    };
    view! {
        <h1 class="ds-heading" data-size="lg">{tr(title)}</h1>
        {move || if logged_out() {
            view! { <LoginNeeded expired=problem.get() == Some(ApiClientError::Expired)/> }.into_any()
        } else {
            view! { <ProblemAlert problem login_href=Signal::derive(|| "/kundeportal/innlogging".to_owned())/> }.into_any()
        }}
        {move || context.me.get().map(|m| view! {
            <p class="ds-paragraph bp-portal-who">{move || fill(t::STEP_LOGGED_IN.get(lang.get()), &[&m.name])}
                {move || current_name().map(|n| view! { " · " <strong data-testid="current-org">{n}</strong> })}
                " "
                <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" on:click=move |_| {
                    spawn_local(async move {
                        let _ = api.leave().await;
                        let _ = window().location().set_href("/kundeportal/innlogging");
                    });
                }>{tr(t::LOGOUT)}</button>
            </p>
        })}
        <Show when=move || !logged_out()><PortalMenu/></Show>
        {move || match orgs.get() {
            None if problem.get().is_none() => view! { <Loading/> }.into_any(),
            None => ().into_any(),
            Some(mine) if mine.organisations.is_empty() => view! {
                <div class="ds-alert" data-color="info"><p>{tr(t::PORTAL_NO_ORGS)}</p></div>
            }.into_any(),
            Some(mine) if mine.organisations.len() > 1 => {
                let current = mine.current.clone().unwrap_or_default();
                view! {
                    <div class="ds-field bp-switch-org">
                        <label class="ds-label" for="f-switch-org">{tr(t::PORTAL_SWITCH_ORG)}</label>
                        <select class="ds-input" id="f-switch-org" on:change=move |ev| switch(event_target_value(&ev))>
                            {mine.organisations.iter().map(|c| {
                                let orgnr = c.organisation.orgnr.clone();
                                view! { <option value=orgnr.clone() selected=orgnr == current>{c.organisation.display()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                }.into_any()
            }
            Some(_) => ().into_any(),
        }}
        {children()}
    }
}

/// Data of the current organisation, (re)loaded whenever the organisation changes.
pub fn org_data<T, F, Fut>(fetch: F) -> (RwSignal<Option<T>>, RwSignal<Option<ApiClientError>>)
where
    T: Send + Sync + 'static,
    F: Fn(Api, String) -> Fut + Copy + 'static,
    Fut: Future<Output = Result<T, ApiClientError>> + 'static,
{
    let api = use_api();
    let orgnr = expect_context::<PortalContext>().orgnr;
    let data = RwSignal::new(None);
    let problem = RwSignal::new(None);
    Effect::new(move |_| {
        if let Some(orgnr) = orgnr.get() {
            data.set(None);
            spawn_local(async move {
                match fetch(api, orgnr).await {
                    Ok(v) => data.set(Some(v)),
                    Err(e) => problem.set(Some(e)),
                }
            });
        }
    });
    (data, problem)
}
