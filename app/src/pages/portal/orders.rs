//! `/kundeportal/bestillinger`, Mine bestillinger: the organisation's orders with their
//! status (`OrderStatus`); the user's own orders link to their receipts and, once the
//! customer centre has taken them, to its messages (`conversation.rs`).

use common::Lang;
use common::i18n::t;
use common::services;
use leptos::prelude::*;

use super::{PortalFrame, org_data};
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;

#[component]
pub fn Orders() -> impl IntoView {
    view! {
        <PortalFrame title=t::NAV_ORDERS>
            <OrderTable/>
        </PortalFrame>
    }
}

fn service_name(slug: &str, lang: Lang) -> String {
    services::by_slug(slug).map_or(slug.to_owned(), |s| s.name.get(lang).to_owned())
}

#[component]
fn OrderTable() -> impl IntoView {
    let lang = use_lang();
    let (orders, problem) =
        org_data(|api, orgnr| async move { api.organisation_orders(&orgnr).await });
    view! {
        <ProblemAlert problem login_href=Signal::derive(|| "/kundeportal/innlogging".to_owned())/>
        {move || orders.get().map(|list| if list.is_empty() {
            view! { <p class="ds-paragraph">{tr(t::PORTAL_NO_ORDERS)}</p> }.into_any()
        } else {
            view! {
                // On a phone each row stands as a block of "Label: value" lines (style/app.css),
                // so the status is on screen without scrolling sideways.
                <div class="bp-table-wrap">
                    <table class="ds-table bp-orders bp-stack" data-testid="orders">
                        <thead><tr>
                            <th scope="col">{tr(t::ORDERS_REFERENCE)}</th>
                            <th scope="col">{tr(t::ORDERS_SERVICE)}</th>
                            <th scope="col">{tr(t::ORDERS_DATE)}</th>
                            <th scope="col">{tr(t::ORDERS_BY)}</th>
                            <th scope="col">{tr(t::ORDERS_STATUS)}</th>
                        </tr></thead>
                        <tbody>
                            {list.into_iter().map(|o| {
                                let service = o.service.clone();
                                // Once the customer centre has it, its messages (and the answer to a question).
                                let messages = (o.mine && o.status != common::OrderStatus::Mottatt).then(|| {
                                    let href = format!("/kundeportal/bestillinger/{}", o.reference);
                                    view! { " " <a class="ds-link" href=href>{tr(t::CONV_OPEN)}</a> }
                                });
                                // One's own order opens its receipt again; others' are listed only.
                                let reference = if o.mine {
                                    let href = format!("/kvittering/{}", o.reference);
                                    view! { <a class="ds-link" href=href>{o.reference}</a> }.into_any()
                                } else {
                                    o.reference.into_any()
                                };
                                view! {
                                    <tr>
                                        <td data-label=tr(t::ORDERS_REFERENCE)>{reference}</td>
                                        <td data-label=tr(t::ORDERS_SERVICE)>{move || service_name(&service, lang.get())}</td>
                                        <td data-label=tr(t::ORDERS_DATE)>{let at = o.submitted_at; move || common::i18n::time_text(&at, lang.get())}</td>
                                        <td data-label=tr(t::ORDERS_BY)>{o.ordered_by}</td>
                                        <td data-label=tr(t::ORDERS_STATUS)><span class="ds-tag" data-color="info">{tr(o.status.label())}</span>
                                            {messages}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        })}
    }
}
