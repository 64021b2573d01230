//! `/kundeportal/dokumenter`, Dokumentoversikt: the agreements accepted for the
//! organisation (title, version, who, when, checksum; the text as PDF), the signed
//! document packages (kept here, not e-mailed to the signer) and the attachments sent
//! with its orders.

use common::i18n::t;
use leptos::prelude::*;

use super::{PortalFrame, org_data};
use crate::components::org_records::{DocumentSections, FileLinks};
use crate::pages::ProblemAlert;

/// The customer's own endpoints, which check that the user acts for the organisation.
const CUSTOMER_LINKS: FileLinks = FileLinks {
    signed: |s| format!("/api/signed/{}/pdf", s.reference),
    attachment: |a| format!("/api/attachments/{}", a.id),
};

#[component]
pub fn Documents() -> impl IntoView {
    view! {
        <PortalFrame title=t::NAV_DOCUMENTS>
            <DocumentLists/>
        </PortalFrame>
    }
}

#[component]
fn DocumentLists() -> impl IntoView {
    let (documents, problem) =
        org_data(|api, orgnr| async move { api.org_documents(&orgnr).await });
    view! {
        <ProblemAlert problem login_href=Signal::derive(|| "/kundeportal/innlogging".to_owned())/>
        {move || documents.get().map(|documents| view! { <DocumentSections documents links=CUSTOMER_LINKS/> })}
    }
}
