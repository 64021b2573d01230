//! The receipt of a stored order, `/kvittering/{reference}`: printable, loaded from the
//! server (so it is there after a restart, on any device the user logs in on).

use common::api::Receipt;
use common::i18n::{fill, t};
use common::services;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use crate::api::{ApiClientError, use_api};
use crate::components::answers::{AnswerList, NextSteps};
use crate::i18n::{tr, use_lang};
use crate::pages::{Loading, ProblemAlert};
use crate::title::set_title;

/// The receipt page.
#[component]
pub fn ReceiptPage() -> impl IntoView {
    let api = use_api();
    let lang = use_lang();
    let params = use_params_map();
    Effect::new(move |_| set_title(lang.get(), t::RECEIPT_TITLE.get(lang.get())));
    let receipt = RwSignal::new(None::<Result<Receipt, ApiClientError>>);
    let reference = params
        .with_untracked(|p| p.get("reference"))
        .unwrap_or_default();
    let login_href = crate::pages::login_href(&format!("/kvittering/{reference}"));
    spawn_local(async move { receipt.set(Some(api.receipt(&reference).await)) });
    view! {
        <h1 class="ds-heading" data-size="lg">{tr(t::RECEIPT_TITLE)}</h1>
        {move || match receipt.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Ok(r)) => view! { <ReceiptView receipt=r/> }.into_any(),
            Some(Err(ApiClientError::NotFound)) => view! { <p class="ds-paragraph">{tr(t::RECEIPT_NOT_FOUND)}</p> }.into_any(),
            Some(Err(e)) => view! { <ProblemAlert problem=Signal::derive(move || Some(e.clone())) login_href=Signal::derive({ let h = login_href.clone(); move || h.clone() })/> }.into_any(),
        }}
    }
}

#[component]
fn ReceiptView(receipt: Receipt) -> impl IntoView {
    let lang = use_lang();
    let service = services::by_slug(&receipt.service);
    let api = use_api();
    let print = move |_| {
        let _ = window().print();
    };
    let logout = move |_| {
        spawn_local(async move {
            // ID-porten's logout brings the user back; otherwise to the front page.
            if !matches!(api.leave().await, Ok(true)) {
                let _ = window().location().set_href("/");
            }
        });
    };
    let r = receipt.clone();
    view! {
        <dl class="bp-receipt">
            <dt>{tr(t::DONE_REFERENCE)}</dt><dd data-testid="receipt-reference">{r.reference.clone()}</dd>
            <dt>{tr(t::RECEIPT_SERVICE)}</dt><dd>{move || service.map(|s| s.name.get(lang.get())).unwrap_or_default()}</dd>
            <dt>{tr(t::RECEIPT_ORG)}</dt><dd>{r.organisation.display()}</dd>
            <dt>{tr(t::RECEIPT_ORDERED_BY)}</dt><dd>{r.ordered_by.clone()}</dd>
            <dt>{tr(t::RECEIPT_SUBMITTED)}</dt><dd>{let at = r.submitted_at.clone(); move || common::i18n::time_text(&at, lang.get())}</dd>
        </dl>
        <h2 class="ds-heading" data-size="sm">{tr(t::RECEIPT_ANSWERS)}</h2>
        {service.map(|s| {
            let answers = receipt.answers.clone();
            view! { <AnswerList spec=s.form answers=Signal::derive(move || answers.clone())/> }
        })}
        {(!receipt.documents.is_empty()).then(|| view! {
            <h2 class="ds-heading" data-size="sm">{tr(t::RECEIPT_DOCUMENTS)}</h2>
            <ul class="ds-list">
                {receipt.documents.clone().into_iter().map(|d| view! {
                    <li>{move || fill(t::RECEIPT_DOCUMENT_LINE.get(lang.get()), &[&d.title, &d.version, &d.sha256])}</li>
                }).collect_view()}
            </ul>
        })}
        {receipt.signature.clone().map(|s| view! {
            <p class="ds-paragraph" data-testid="receipt-signature">
                {move || fill(t::SIGNED_BY.get(lang.get()), &[&s.signer])}<br/>
                {move || fill(t::SIGNED_ON.get(lang.get()), &[&s.signed_on, &common::api::method_name(&s.method, lang.get())])}<br/>
                <a class="ds-link bp-no-print" href=format!("/api/signed/{}/pdf", s.reference) rel="external" download="">{tr(t::SIGNED_DOWNLOAD)}</a>
            </p>
        })}
        <div class="bp-actions bp-no-print">
            <a class="ds-button" data-variant="primary" data-testid="receipt-pdf" rel="external" download=""
                href={
                    let reference = receipt.reference.clone();
                    // In the language chosen here, not the browser's.
                    move || format!("/api/orders/{reference}/pdf?lang={}", lang.get().tag())
                }>{tr(t::RECEIPT_PDF)}</a>
            <button type="button" class="ds-button" data-variant="secondary" on:click=print>{tr(t::RECEIPT_PRINT)}</button>
        </div>
        {service.map(|s| view! { <NextSteps service=s/> })}
        // The way back to the other orders, and out.
        <div class="bp-actions bp-no-print">
            <a class="ds-button" data-variant="secondary" href="/kundeportal/bestillinger">{tr(t::RECEIPT_TO_ORDERS)}</a>
            <button type="button" class="ds-button" data-variant="tertiary" on:click=logout>{tr(t::LOGOUT)}</button>
        </div>
    }
}
