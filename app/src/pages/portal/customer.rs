//! `/kundeportal/kundeinformasjon`, Kundeinformasjon: the organisation as
//! Enhetsregisteret has it — number, form, address, main unit, roles with authority.

use common::api::Authority;
use common::i18n::t;
use leptos::prelude::*;

use super::{PortalFrame, org_data};
use crate::i18n::tr;
use crate::pages::ProblemAlert;

#[component]
pub fn Customer() -> impl IntoView {
    view! {
        <PortalFrame title=t::NAV_CUSTOMER>
            <CustomerDetails/>
        </PortalFrame>
    }
}

fn role_label(authority: Authority) -> common::Text {
    match authority {
        Authority::DagligLeder => t::ROLE_DAGLIG_LEDER,
        Authority::Signatur => t::ROLE_SIGNATUR,
        Authority::Prokura => t::ROLE_PROKURA,
    }
}

#[component]
fn CustomerDetails() -> impl IntoView {
    let (info, problem) = org_data(|api, orgnr| async move { api.customer_info(&orgnr).await });
    view! {
        <ProblemAlert problem login_href=Signal::derive(|| "/kundeportal/innlogging".to_owned())/>
        {move || info.get().map(|c| view! {
            <dl class="bp-receipt" data-testid="customer-info">
                <div><dt>{tr(t::ACCOUNT_NAME)}</dt><dd>{c.organisation.name.clone()}</dd></div>
                <div><dt>{tr(t::CUSTOMER_ORGNR)}</dt><dd>{c.organisation.orgnr.clone()}</dd></div>
                {c.organisation_form.map(|f| view! { <div><dt>{tr(t::CUSTOMER_FORM)}</dt><dd>{f}</dd></div> })}
                {c.address.map(|a| view! { <div><dt>{tr(t::CUSTOMER_ADDRESS)}</dt><dd>{a}</dd></div> })}
                {c.parent.map(|p| view! { <div><dt>{tr(t::CUSTOMER_PARENT)}</dt><dd>{p.display()}</dd></div> })}
                {(!c.role_holders.is_empty()).then(|| view! {
                    <div><dt>{tr(t::CUSTOMER_ROLES)}</dt><dd><ul class="ds-list">
                        {c.role_holders.into_iter().map(|(role, name)| view! { <li>{name}" ("{tr(role_label(role))}")"</li> }).collect_view()}
                    </ul></dd></div>
                })}
            </dl>
            <p class="ds-paragraph" data-size="sm">{tr(t::CUSTOMER_SOURCE)}</p>
        })}
    }
}
