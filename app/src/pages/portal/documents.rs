//! `/kundeportal/dokumenter`, Dokumentoversikt: the agreements accepted for the
//! organisation (title, version, who, when, checksum; the text as PDF), the signed
//! document packages (kept here, not e-mailed to the signer) and the attachments sent
//! with its orders.

use common::i18n::{fill, t};
use leptos::prelude::*;

use super::{PortalFrame, PortalSection, org_data};
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;

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
    let lang = use_lang();
    let (documents, problem) =
        org_data(|api, orgnr| async move { api.org_documents(&orgnr).await });
    view! {
        <ProblemAlert problem login_href=Signal::derive(|| "/kundeportal/innlogging".to_owned())/>
        {move || documents.get().map(|d| view! {
            <PortalSection id="accepted-heading" heading=t::DOCS_ACCEPTED>
                {if d.accepted.is_empty() {
                    view! { <p class="ds-paragraph">{tr(t::DOCS_NONE)}</p> }.into_any()
                } else {
                    view! { <ul class="ds-list bp-documents" data-testid="accepted-documents">
                        {d.accepted.into_iter().map(|a| {
                            // The version that was accepted, also after a newer one came.
                            let href = format!("/api/documents/{}/pdf?versjon={}", a.document_id, a.version);
                            view! {
                                <li>
                                    <a class="ds-link" href=href rel="external">{a.title.clone()}</a>
                                    <br/>{move || fill(t::DOCS_ACCEPTED_BY.get(lang.get()), &[&a.version, &a.accepted_by, &common::i18n::time_text(&a.accepted_at, lang.get()), &a.order_reference])}
                                    <br/>{move || {
                                        let lang = lang.get();
                                        let eid = common::api::eid_name(&a.eid).map_or(a.eid.clone(), |n| n.get(lang).to_owned());
                                        let level = common::api::level_name(&a.level).map_or(a.level.clone(), |n| n.get(lang).to_owned());
                                        fill(t::DOCS_LEVEL.get(lang), &[&eid, &level])
                                    }}
                                    <br/><small class="bp-hash">{move || fill(t::DOCS_CHECKSUM.get(lang.get()), &[&a.sha256])}</small>
                                </li>
                            }
                        }).collect_view()}
                    </ul> }.into_any()
                }}
            </PortalSection>
            <PortalSection id="signed-heading" heading=t::DOCS_SIGNED>
                {if d.signed.is_empty() {
                    view! { <p class="ds-paragraph">{tr(t::DOCS_NONE)}</p> }.into_any()
                } else {
                    view! { <ul class="ds-list" data-testid="signed-packages">
                        {d.signed.into_iter().map(|s| view! {
                            <li>
                                <a class="ds-link" href=format!("/api/signed/{}/pdf", s.reference) rel="external">{s.document_title.clone()}</a>
                                <br/>{move || fill(t::DOCS_SIGNED_LINE.get(lang.get()), &[&s.version, &s.signer, &s.signed_on, &common::api::method_name(&s.method, lang.get()), &s.reference])}
                            </li>
                        }).collect_view()}
                    </ul> }.into_any()
                }}
            </PortalSection>
            <PortalSection id="attachments-heading" heading=t::DOCS_ATTACHMENTS>
                {if d.attachments.is_empty() {
                    view! { <p class="ds-paragraph">{tr(t::DOCS_NONE)}</p> }.into_any()
                } else {
                    view! { <ul class="ds-list" data-testid="attachments">
                        {d.attachments.into_iter().map(|a| {
                            let kb = a.size.div_ceil(1024).to_string();
                            view! {
                                <li>
                                    <a class="ds-link" href=format!("/api/attachments/{}", a.id) rel="external">{a.name.clone()}</a>
                                    " "{move || fill(t::DOCS_ATTACHMENT_OF.get(lang.get()), &[&kb, &a.order_reference])}
                                </li>
                            }
                        }).collect_view()}
                    </ul> }.into_any()
                }}
            </PortalSection>
        })}
    }
}
