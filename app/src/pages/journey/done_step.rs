//! Step 5, "Kvittering": "Ferdig!", what was delivered and signed, the reference number,
//! the receipt, the service's own "Videre saksgang" and "Logg ut".

use common::i18n::{fill, t};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::JourneyState;
use crate::api::use_api;
use crate::i18n::{tr, use_lang};

#[component]
pub fn DoneStep(state: JourneyState, on_logout: Callback<()>) -> impl IntoView {
    let api = use_api();
    let lang = use_lang();
    let service = state.service;
    let logout = move |_| {
        spawn_local(async move {
            // Leaving for ID-porten's logout brings the user back; otherwise say so here.
            if !matches!(api.leave().await, Ok(true)) {
                on_logout.run(());
            }
        });
    };
    move || {
        state.receipt.get().map(|receipt| {
            let href = format!("/kvittering/{}", receipt.reference);
            view! {
                <div class="bp-done">
                    <p class="ds-heading bp-done__title" data-size="md">{tr(t::DONE_TITLE)}</p>
                    <p class="ds-paragraph">{tr(t::DONE_REFERENCE)}": "<strong data-testid="reference">{receipt.reference.clone()}</strong></p>
                    <p class="ds-paragraph">{tr(t::DONE_FORMS)}</p>
                    <ul class="bp-ticks"><li><strong>{move || service.name.get(lang.get())}</strong>" ✓"</li></ul>
                    {(!service.documents.is_empty()).then(|| view! {
                        <p class="ds-paragraph">{tr(t::DONE_DOCUMENTS)}</p>
                        <ul class="bp-ticks">
                            {service.documents.iter().map(|d| view! { <li><strong>{move || d.title.get(lang.get())}</strong>" ✓"</li> }).collect_view()}
                        </ul>
                    })}
                    {receipt.signature.clone().map(|s| {
                        let href = format!("/api/signed/{}/pdf", s.reference);
                        view! {
                            <div class="ds-alert" data-color="success" data-testid="signed">
                                <p>{move || fill(t::SIGNED_BY.get(lang.get()), &[&s.signer])}<br/>
                                {move || fill(t::SIGNED_ON.get(lang.get()), &[&s.signed_on, &common::api::method_name(&s.method, lang.get())])}</p>
                                <p><a class="ds-link" href=href download rel="external">{tr(t::SIGNED_DOWNLOAD)}</a></p>
                                <p>{tr(t::SIGNED_KEPT)}</p>
                            </div>
                        }
                    })}
                    <p class="ds-paragraph">{tr(t::DONE_FINISHED)}</p>
                    <div class="bp-actions">
                        <a class="ds-button" data-variant="secondary" href=href>{tr(t::DONE_RECEIPT)}</a>
                        <button type="button" class="ds-button" data-variant="primary" on:click=logout>{tr(t::LOGOUT)}</button>
                    </div>
                    <crate::components::answers::NextSteps service/>
                </div>
            }
        })
    }
}
