//! The customer centre's navigation: who is logged in and with which role, the queue, and
//! for a leder the numbers and the audit log.

use common::api::staff::StaffMe;
use common::i18n::{fill, t};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;

use crate::api::use_api;
use crate::i18n::{tr, use_lang};

/// The staff member of this page, once the server has said (`None` before, or when not
/// logged in — the page's own request then shows the way to log in).
pub fn staff_me() -> RwSignal<Option<StaffMe>> {
    let api = use_api();
    let me = RwSignal::new(None);
    spawn_local(async move {
        if let Ok(found) = api.staff_me().await {
            me.set(Some(found));
        }
    });
    me
}

pub fn is_leder(me: RwSignal<Option<StaffMe>>) -> bool {
    me.with(|m| m.as_ref().is_some_and(|m| m.role == "leder"))
}

#[component]
pub fn StaffNav(me: RwSignal<Option<StaffMe>>) -> impl IntoView {
    let lang = use_lang();
    let path = use_location().pathname;
    let link = move |href: &'static str, label: common::Text| {
        let current = move || (path.get() == href).then_some("page");
        view! { <li><a class="ds-link" href=href aria-current=current>{tr(label)}</a></li> }
    };
    view! {
        <nav class="bp-portal-nav" aria-label=move || t::KS_NAV.get(lang.get())>
            <ul>
                {link("/kundesenter", t::KS_QUEUE)}
                {move || is_leder(me).then(|| view! {
                    {link("/kundesenter/tall", t::KS_NUMBERS)}
                    {link("/kundesenter/logg", t::KS_AUDIT)}
                })}
            </ul>
            {move || me.get().map(|m| {
                let role = if m.role == "leder" { t::KS_ROLE_LEDER } else { t::KS_ROLE_SAKSBEHANDLER };
                view! { <p class="ds-paragraph" data-size="sm">{move || fill(t::KS_SIGNED_IN_AS.get(lang.get()), &[&m.name, role.get(lang.get())])}</p> }
            })}
        </nav>
    }
}
