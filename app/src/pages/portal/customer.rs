//! `/kundeportal/kundeinformasjon`, Kundeinformasjon: the organisation as
//! Enhetsregisteret has it — number, form, address, main unit, roles with authority.

use common::i18n::t;
use leptos::prelude::*;

use super::{PortalFrame, org_data};
use crate::components::org_records::RegistryDetails;
use crate::pages::ProblemAlert;

#[component]
pub fn Customer() -> impl IntoView {
    view! {
        <PortalFrame title=t::NAV_CUSTOMER>
            <CustomerDetails/>
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
