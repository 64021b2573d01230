//! `/kundesenter`: every order, newest or oldest first, filtered by status and by who has
//! it, searched by reference, org number or name, a page at a time; each row's age in
//! working days and where it stands against the 2-working-day answer time.

use common::OrderStatus;
use common::api::staff::QueuePage;
use common::i18n::t;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::nav::{StaffNav, staff_me};
use super::{answer_time_tag, service_name};
use crate::api::{ApiClientError, to_query, use_api};
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;
use crate::title::set_title;

#[component]
pub fn Queue() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    Effect::new(move |_| set_title(lang.get(), t::KS_QUEUE.get(lang.get())));
    let search = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let assigned = RwSignal::new(String::new());
    let order = RwSignal::new(String::new());
    let overdue = RwSignal::new(false);
    let page = RwSignal::new(None::<QueuePage>);
    let problem = RwSignal::new(None::<ApiClientError>);
    // The filters last shown, for the export of the same rows.
    let shown = RwSignal::new(String::new());
    let filters = move || {
        let overdue = if overdue.get_untracked() { "true" } else { "" };
        vec![
            ("q", search.get_untracked()),
            ("status", status.get_untracked()),
            ("assigned", assigned.get_untracked()),
            ("order", order.get_untracked()),
            ("overdue", overdue.to_owned()),
        ]
    };
    let load = move |after: Option<String>| {
        let mut pairs = filters();
        shown.set(to_query(&pairs));
        pairs.push(("after", after.unwrap_or_default()));
        let query = to_query(&pairs);
        spawn_local(async move {
            match api.staff_queue(&query).await {
                Ok(found) => {
                    problem.set(None);
                    page.set(Some(found));
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    load(None);
    let option = |value: &'static str, label| view! { <option value=value>{tr(label)}</option> };
    let me = staff_me();
    view! {
        <StaffNav me/>
        <h1 class="ds-heading" data-size="lg">{tr(t::KS_QUEUE)}</h1>
        <ProblemAlert problem login_href=Signal::derive(|| super::STAFF_LOGIN.to_owned()) login_label=t::KS_LOGIN/>
        <form class="bp-form bp-queue-filters" role="search" on:submit=move |ev| { ev.prevent_default(); load(None); }>
            <div class="ds-field">
                <label class="ds-label" for="ks-q">{tr(t::KS_SEARCH)}</label>
                <input class="ds-input" id="ks-q" type="search" prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))/>
            </div>
            <div class="ds-field">
                <label class="ds-label" for="ks-status">{tr(t::ORDERS_STATUS)}</label>
                <select class="ds-input" id="ks-status" on:change=move |ev| status.set(event_target_value(&ev))>
                    {option("", t::KS_ALL)}
                    {OrderStatus::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{tr(s.label())}</option> }).collect_view()}
                </select>
            </div>
            <div class="ds-field">
                <label class="ds-label" for="ks-assigned">{tr(t::KS_ASSIGNED)}</label>
                <select class="ds-input" id="ks-assigned" on:change=move |ev| assigned.set(event_target_value(&ev))>
                    {option("", t::KS_ALL)}
                    {option("me", t::KS_ASSIGNED_ME)}
                    {option("none", t::KS_ASSIGNED_NONE)}
                </select>
            </div>
            <div class="ds-field">
                <label class="ds-label" for="ks-order">{tr(t::KS_ORDER)}</label>
                <select class="ds-input" id="ks-order" on:change=move |ev| order.set(event_target_value(&ev))>
                    {option("", t::KS_NEWEST)}
                    {option("oldest", t::KS_OLDEST)}
                </select>
            </div>
            <div class="ds-field">
                <input class="ds-input" type="checkbox" id="ks-overdue" prop:checked=move || overdue.get()
                    on:change=move |ev| overdue.set(event_target_checked(&ev))/>
                <label class="ds-label" for="ks-overdue">{tr(t::KS_ONLY_OVERDUE)}</label>
            </div>
            <button type="submit" class="ds-button">{tr(t::KS_SHOW)}</button>
        </form>
        <p><a class="ds-link" href=move || format!("/api/staff/export?{}", shown.get()) download="bestillinger.csv">{tr(t::KS_EXPORT)}</a></p>
        {move || page.get().map(|p| if p.items.is_empty() {
            view! { <p class="ds-paragraph">{tr(t::KS_EMPTY)}</p> }.into_any()
        } else {
            let next = p.next.clone();
            view! {
                <div class="bp-table-wrap">
                    <table class="ds-table bp-stack" data-testid="queue">
                        <thead><tr>
                            <th scope="col">{tr(t::ORDERS_REFERENCE)}</th>
                            <th scope="col">{tr(t::ORDERS_SERVICE)}</th>
                            <th scope="col">{tr(t::KS_COL_ORG)}</th>
                            <th scope="col">{tr(t::ORDERS_DATE)}</th>
                            <th scope="col">{tr(t::KS_COL_AGE)}</th>
                            <th scope="col">{tr(t::ORDERS_STATUS)}</th>
                            <th scope="col">{tr(t::KS_COL_ASSIGNED)}</th>
                        </tr></thead>
                        <tbody>
                            {p.items.into_iter().map(|item| {
                                let href = format!("/kundesenter/sak/{}", item.reference);
                                let service = item.service.clone();
                                let tag = item.answer_time.map(|time| {
                                    let (text, color) = answer_time_tag(time);
                                    view! { " " <span class="ds-tag" data-color=color>{tr(text)}</span> }
                                });
                                let at = item.submitted_at.clone();
                                view! {
                                    <tr>
                                        <td data-label=tr(t::ORDERS_REFERENCE)><a class="ds-link" href=href>{item.reference.clone()}</a></td>
                                        <td data-label=tr(t::ORDERS_SERVICE)>{move || service_name(&service, lang.get())}</td>
                                        <td data-label=tr(t::KS_COL_ORG)>{format!("{} ({})", item.org_name, item.orgnr)}</td>
                                        <td data-label=tr(t::ORDERS_DATE)>{move || common::i18n::time_text(&at, lang.get())}</td>
                                        <td data-label=tr(t::KS_COL_AGE)>{item.age_working_days}{tag}</td>
                                        <td data-label=tr(t::ORDERS_STATUS)>{tr(item.status.label())}</td>
                                        <td data-label=tr(t::KS_COL_ASSIGNED)>{item.assigned_to.clone().unwrap_or_else(|| "–".into())}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {next.map(|cursor| view! {
                    <button type="button" class="ds-button" data-variant="secondary"
                        on:click=move |_| load(Some(cursor.clone()))>{tr(t::KS_NEXT)}</button>
                })}
            }.into_any()
        })}
    }
}
