//! What the portal knows of an organisation and its orders, shown alike to the customer
//! (Kundeinformasjon, Dokumentoversikt) and to the customer centre (a case): the unit as
//! Enhetsregisteret has it, and the evidence — agreements accepted, packages signed,
//! attachments sent — with links to the files where the viewer may fetch them.

use common::api::{AttachmentInfo, Authority, CustomerInfo, OrgDocuments, SignatureInfo};
use common::i18n::{fill, t};
use leptos::prelude::*;

use super::Section;
use crate::i18n::{tr, use_lang};

/// Where the viewer fetches the files: the customer's endpoints or the customer centre's.
#[derive(Clone, Copy)]
pub struct FileLinks {
    pub signed: fn(&SignatureInfo) -> String,
    pub attachment: fn(&AttachmentInfo) -> String,
}

fn role_label(authority: Authority) -> common::Text {
    match authority {
        Authority::DagligLeder => t::ROLE_DAGLIG_LEDER,
        Authority::Signatur => t::ROLE_SIGNATUR,
        Authority::Prokura => t::ROLE_PROKURA,
    }
}

/// The unit as Enhetsregisteret has it: number, form, address, main unit, roles.
#[component]
pub fn RegistryDetails(info: CustomerInfo) -> impl IntoView {
    let c = info;
    view! {
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
    }
}

/// The agreements accepted (title, version, who, when, eID and level, checksum; the text
/// as PDF), the signed document packages and the attachments.
#[component]
pub fn DocumentSections(documents: OrgDocuments, links: FileLinks) -> impl IntoView {
    let lang = use_lang();
    let d = documents;
    view! {
        <Section id="accepted-heading" heading=t::DOCS_ACCEPTED>
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
        </Section>
        <Section id="signed-heading" heading=t::DOCS_SIGNED>
            {if d.signed.is_empty() {
                view! { <p class="ds-paragraph">{tr(t::DOCS_NONE)}</p> }.into_any()
            } else {
                view! { <ul class="ds-list" data-testid="signed-packages">
                    {d.signed.into_iter().map(|s| view! {
                        <li>
                            <a class="ds-link" href=(links.signed)(&s) rel="external">{s.document_title.clone()}</a>
                            <br/>{move || fill(t::DOCS_SIGNED_LINE.get(lang.get()), &[&s.version, &s.signer, &s.signed_on, &common::api::method_name(&s.method, lang.get()), &s.reference])}
                        </li>
                    }).collect_view()}
                </ul> }.into_any()
            }}
        </Section>
        <Section id="attachments-heading" heading=t::DOCS_ATTACHMENTS>
            {if d.attachments.is_empty() {
                view! { <p class="ds-paragraph">{tr(t::DOCS_NONE)}</p> }.into_any()
            } else {
                view! { <ul class="ds-list" data-testid="attachments">
                    {d.attachments.into_iter().map(|a| {
                        let kb = a.size.div_ceil(1024).to_string();
                        view! {
                            <li>
                                <a class="ds-link" href=(links.attachment)(&a) rel="external">{a.name.clone()}</a>
                                " "{move || fill(t::DOCS_ATTACHMENT_OF.get(lang.get()), &[&kb, &a.order_reference])}
                            </li>
                        }
                    }).collect_view()}
                </ul> }.into_any()
            }}
        </Section>
    }
}
