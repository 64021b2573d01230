//! A leder gives a case to a colleague: anyone who has logged in to the customer centre.

use common::ValidationErrors;
use common::api::staff::StaffMember;
use common::i18n::t;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiClientError, use_api};
use crate::components::field::FieldMessage;
use crate::i18n::tr;

#[component]
pub fn AssignForm(
    reference: String,
    on_assigned: Callback<()>,
    problem: RwSignal<Option<ApiClientError>>,
) -> impl IntoView {
    let api = use_api();
    let members = RwSignal::new(Vec::<StaffMember>::new());
    let chosen = RwSignal::new(String::new());
    let errors = RwSignal::new(ValidationErrors::default());
    spawn_local(async move {
        match api.staff_members().await {
            Ok(found) => {
                if let Some(first) = found.first() {
                    chosen.set(first.subject.clone());
                }
                members.set(found);
            }
            Err(e) => problem.set(Some(e)),
        }
    });
    let error = move || errors.with(|e| e.0.get("to").cloned());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (reference, to) = (reference.clone(), chosen.get_untracked());
        spawn_local(async move {
            match api.staff_assign(&reference, to).await {
                Ok(()) => {
                    errors.set(ValidationErrors::default());
                    on_assigned.run(());
                }
                Err(ApiClientError::Rejected(found)) => errors.set(found),
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    view! {
        <form class="bp-form" novalidate on:submit=submit>
            <div class="ds-field">
                <label class="ds-label" for="ks-assign">{tr(t::KS_ASSIGN)}</label>
                <select class="ds-input" id="ks-assign" on:change=move |ev| chosen.set(event_target_value(&ev))
                    aria-invalid=move || error().is_some().then_some("true")
                    aria-describedby=move || error().is_some().then_some("ks-assign-error")>
                    {move || members.get().into_iter().map(|m| {
                        let subject = m.subject.clone();
                        view! { <option value=m.subject selected=move || chosen.get() == subject>{m.name}</option> }
                    }).collect_view()}
                </select>
                <FieldMessage id="ks-assign".to_owned() error=Signal::derive(error)/>
            </div>
            <button type="submit" class="ds-button" data-variant="secondary">{tr(t::KS_ASSIGN_SAVE)}</button>
        </form>
    }
}
