//! `/kundeportal/konto`, Min konto: who is logged in and how; a new password.

use common::i18n::t;
use leptos::prelude::*;

use super::{PortalContext, PortalFrame};
use crate::i18n::tr;

#[component]
pub fn Account() -> impl IntoView {
    view! {
        <PortalFrame title=t::NAV_ACCOUNT>
            <AccountDetails/>
        </PortalFrame>
    }
}

#[component]
fn AccountDetails() -> impl IntoView {
    let me = expect_context::<PortalContext>().me;
    move || {
        me.get().map(|m| {
            view! {
                <dl class="bp-receipt">
                    <div><dt>{tr(t::ACCOUNT_NAME)}</dt><dd>{m.name.clone()}</dd></div>
                    <div><dt>{tr(t::ACCOUNT_LOGIN)}</dt><dd>{if m.eid.is_some() { tr(t::ACCOUNT_IDPORTEN).into_any() } else { tr(t::ACCOUNT_PORTAL).into_any() }}</dd></div>
                </dl>
                {m.eid.is_none().then(|| view! {
                    <p class="ds-paragraph"><a class="ds-link" href="/kundeportal/glemt-passord">{tr(t::ACCOUNT_NEW_PASSWORD)}</a></p>
                })}
            }
        })
    }
}
