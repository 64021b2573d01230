//! `/kundesenter/tall` (leder): the orders submitted in a chosen period per service and
//! status, and the median and 90th percentile of the working days to the first answer and
//! to Fullført.

use common::OrderStatus;
use common::ValidationErrors;
use common::api::staff::{CaseNumbers, Durations, ServiceNumbers};
use common::i18n::t;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::nav::{StaffNav, staff_me};
use super::service_name;
use crate::api::{ApiClientError, to_query, use_api};
use crate::components::field::FieldMessage;
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;
use crate::title::set_title;

#[component]
pub fn Numbers() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    Effect::new(move |_| set_title(lang.get(), t::KS_NUMBERS.get(lang.get())));
    let me = staff_me();
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let numbers = RwSignal::new(None::<CaseNumbers>);
    let errors = RwSignal::new(ValidationErrors::default());
    let problem = RwSignal::new(None::<ApiClientError>);
    let load = move || {
        let query = to_query(&[("from", from.get_untracked()), ("to", to.get_untracked())]);
        spawn_local(async move {
            match api.staff_numbers(&query).await {
                Ok(found) => {
                    errors.set(ValidationErrors::default());
                    problem.set(None);
                    // The period the server used, also where none was chosen.
                    from.set(found.from.clone());
                    to.set(found.to.clone());
                    numbers.set(Some(found));
                }
                Err(ApiClientError::Rejected(found)) => errors.set(found),
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    load();
    let date_field =
        move |id: &'static str, field: &'static str, label, value: RwSignal<String>| {
            let error = move || errors.with(|e| e.0.get(field).cloned());
            view! {
                <div class="ds-field">
                    <label class="ds-label" for=id>{tr(label)}</label>
                    <input class="ds-input" id=id type="date" prop:value=move || value.get()
                        aria-invalid=move || error().is_some().then_some("true")
                        aria-describedby=move || error().is_some().then(|| format!("{id}-error"))
                        on:input=move |ev| value.set(event_target_value(&ev))/>
                    <FieldMessage id=id.to_owned() error=Signal::derive(error)/>
                </div>
            }
        };
    view! {
        <StaffNav me/>
        <h1 class="ds-heading" data-size="lg">{tr(t::KS_NUMBERS)}</h1>
        <ProblemAlert problem login_href=Signal::derive(|| super::STAFF_LOGIN.to_owned()) login_label=t::KS_LOGIN/>
        <form class="bp-form bp-queue-filters" novalidate on:submit=move |ev| { ev.prevent_default(); load(); }>
            {date_field("ks-from", "from", t::KS_FROM, from)}
            {date_field("ks-to", "to", t::KS_TO, to)}
            <button type="submit" class="ds-button">{tr(t::KS_SHOW)}</button>
        </form>
        <p class="ds-paragraph" data-size="sm">{tr(t::KS_DAYS_NOTE)}</p>
        {move || numbers.get().map(|n| if n.total.orders == 0 {
            view! { <p class="ds-paragraph">{tr(t::KS_NO_ORDERS)}</p> }.into_any()
        } else {
            view! {
                <div class="bp-table-wrap">
                    <table class="ds-table bp-stack" data-testid="numbers">
                        <thead><tr>
                            <th scope="col">{tr(t::ORDERS_SERVICE)}</th>
                            <th scope="col">{tr(t::KS_ORDERS)}</th>
                            {OrderStatus::ALL.into_iter().map(|s| view! { <th scope="col">{tr(s.label())}</th> }).collect_view()}
                            <th scope="col">{tr(t::KS_FIRST_ANSWER)}</th>
                            <th scope="col">{tr(t::KS_TO_DONE)}</th>
                        </tr></thead>
                        <tbody>
                            {n.services.into_iter().map(|s| view! { <NumbersRow numbers=s/> }).collect_view()}
                        </tbody>
                        <tfoot><NumbersRow numbers=n.total/></tfoot>
                    </table>
                </div>
            }.into_any()
        })}
    }
}

/// One service's row (or the total's, whose service is empty).
#[component]
fn NumbersRow(numbers: ServiceNumbers) -> impl IntoView {
    let lang = use_lang();
    let service = numbers.service.clone();
    let name = move || {
        if service.is_empty() {
            t::KS_TOTAL.get(lang.get()).to_owned()
        } else {
            service_name(&service, lang.get())
        }
    };
    view! {
        <tr>
            <th scope="row" data-label=tr(t::ORDERS_SERVICE)>{name}</th>
            <td data-label=tr(t::KS_ORDERS)>{numbers.orders}</td>
            {numbers.by_status.into_iter().map(|(s, n)| view! { <td data-label=tr(s.label())>{n}</td> }).collect_view()}
            <td data-label=tr(t::KS_FIRST_ANSWER)>{durations(numbers.first_answer)}</td>
            <td data-label=tr(t::KS_TO_DONE)>{durations(numbers.completed)}</td>
        </tr>
    }
}

/// "1,5 (median) · 3 (90. persentil)", Norwegian decimals; "–" where no case got there.
fn durations(d: Durations) -> impl IntoView {
    let lang = use_lang();
    let number = |v: f64| {
        let text = format!("{:.1}", v);
        let text = text.strip_suffix(".0").map_or(text.clone(), str::to_owned);
        text.replace('.', ",")
    };
    match (d.median, d.p90) {
        (Some(median), Some(p90)) => {
            let (median, p90) = (number(median), number(p90));
            view! {
                <span>{move || format!("{median} ({}) · {p90} ({})", t::KS_MEDIAN.get(lang.get()), t::KS_P90.get(lang.get()))}</span>
            }
            .into_any()
        }
        _ => view! { <span>"–"</span> }.into_any(),
    }
}
