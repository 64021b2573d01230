//! `/kundesenter/logg` (leder): the audit log — every staff action (viewed a case, took it,
//! changed its status, replied, activated ServiceBus, downloaded a file, exported the
//! queue), who and when, newest first. Append-only on the server; read-only here.

use common::api::staff::AuditEntry;
use common::i18n::t;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::event_label;
use super::nav::{StaffNav, staff_me};
use crate::api::{ApiClientError, use_api};
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;
use crate::title::set_title;

#[component]
pub fn AuditLog() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    Effect::new(move |_| set_title(lang.get(), t::KS_AUDIT.get(lang.get())));
    let me = staff_me();
    let entries = RwSignal::new(None::<Vec<AuditEntry>>);
    let problem = RwSignal::new(None::<ApiClientError>);
    spawn_local(async move {
        match api.staff_audit().await {
            Ok(found) => entries.set(Some(found)),
            Err(e) => problem.set(Some(e)),
        }
    });
    view! {
        <StaffNav me/>
        <h1 class="ds-heading" data-size="lg">{tr(t::KS_AUDIT)}</h1>
        <ProblemAlert problem login_href=Signal::derive(|| super::STAFF_LOGIN.to_owned()) login_label=t::KS_LOGIN/>
        <p class="ds-paragraph">{tr(t::KS_AUDIT_INTRO)}</p>
        {move || entries.get().map(|entries| view! {
            <div class="bp-table-wrap">
                <table class="ds-table bp-stack" data-testid="audit-log">
                    <thead><tr>
                        <th scope="col">{tr(t::KS_COL_WHEN)}</th>
                        <th scope="col">{tr(t::KS_COL_WHO)}</th>
                        <th scope="col">{tr(t::KS_COL_WHAT)}</th>
                        <th scope="col">{tr(t::KS_COL_CASE)}</th>
                    </tr></thead>
                    <tbody>
                        {entries.into_iter().map(|entry| {
                            let e = entry.event;
                            let at = e.at.clone();
                            let case = entry.reference.map(|r| {
                                let href = format!("/kundesenter/sak/{r}");
                                view! { <a class="ds-link" href=href>{r}</a> }
                            });
                            view! {
                                <tr>
                                    <td data-label=tr(t::KS_COL_WHEN)>{move || common::i18n::time_text(&at, lang.get())}</td>
                                    <td data-label=tr(t::KS_COL_WHO)>{e.by.clone()}</td>
                                    <td data-label=tr(t::KS_COL_WHAT)>{tr(event_label(&e.kind))} " " {e.detail.clone()}</td>
                                    <td data-label=tr(t::KS_COL_CASE)>{case}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
    }
}
