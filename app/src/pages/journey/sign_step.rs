//! Step 4 of a service whose terms are signed (DDFL, SPEC §4): "Signering av bruksvilkår
//! for …" with "Les dokument og signer" / "Avbryt signering"; the document viewer (pages,
//! zoom, download) with "Signer dokument" / "Avbryt"; then the signer's eID login. A
//! refused signing comes back here with the reason, and every answer kept.

use common::Step;
use common::api::{DocumentText, SigningOutcome};
use common::i18n::{fill, t};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::JourneyState;
use super::form_step::order_of;
use crate::api::{ApiClientError, use_api};
use crate::components::answers::AnswerList;
use crate::components::error_summary::focus_summary;
use crate::components::field::dom_id;
use crate::components::focus_by_id;
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;

/// Paragraphs per page of the viewer: the DDFL terms are "Side 1 av 2", as at Posten.
const PER_PAGE: usize = 3;
/// Zoom steps of the viewer's text, in per cent.
const ZOOM: std::ops::RangeInclusive<u32> = 80..=200;

#[component]
pub fn SignStep(state: JourneyState) -> impl IntoView {
    let api = use_api();
    let lang = use_lang();
    let service = state.service;
    let reading = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<ApiClientError>);
    let title = Signal::derive(move || service.signing_title().get(lang.get()).to_owned());
    let signer = move || {
        state
            .answers
            .with(|a| common::validate::masked(a.one(service.signer_field.unwrap_or_default())))
    };
    let sign = move |()| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        let order = order_of(&state, Vec::new());
        spawn_local(async move {
            match api.start_signing(&order).await {
                // To the eID login; it comes back to this journey with the outcome.
                Ok(started) => {
                    if window().location().set_href(&started.url).is_err() {
                        busy.set(false);
                    }
                }
                Err(ApiClientError::Rejected(errors)) => {
                    state.errors.set(errors);
                    state.go(Step::Form);
                    focus_summary();
                    busy.set(false);
                }
                Err(other) => {
                    super::report(problem, other);
                    busy.set(false);
                }
            }
        });
    };
    let cancel = move |()| {
        state.signing.set(None);
        state.go(Step::Form);
    };
    let change_signer = move |_| {
        state.go(Step::Form);
        if let Some(field) = service.signer_field {
            focus_by_id(dom_id(field));
        }
    };
    view! {
        {move || state.signing.get().and_then(|outcome| {
            let text = match outcome {
                SigningOutcome::OtherPerson => t::SIGN_OTHER_PERSON,
                SigningOutcome::Level => t::SIGN_LEVEL,
                SigningOutcome::Cancelled | SigningOutcome::Pending => t::SIGN_CANCELLED,
                SigningOutcome::Refused => t::SIGN_REFUSED,
                SigningOutcome::SignerLacksAuthority => t::SIGN_NO_AUTHORITY,
                SigningOutcome::Signed => return None,
            };
            Some(view! {
                <div class="ds-alert" data-color="danger" role="alert" data-testid="signing-refused">
                    <p>{tr(text)}</p>
                    {matches!(outcome, SigningOutcome::OtherPerson | SigningOutcome::SignerLacksAuthority).then(|| view! {
                        <p><button type="button" class="ds-button" data-variant="tertiary" on:click=change_signer>{tr(t::SIGN_CHANGE_SIGNER)}</button></p>
                    })}
                </div>
            })
        })}
        <ProblemAlert problem login_href=Signal::derive(move || crate::pages::login_href(&state.path()))/>
        <Show when=move || !reading.get() fallback=move || view! {
            <Viewer state busy on_sign=Callback::new(sign) on_cancel=Callback::new(cancel)/>
        }>
            <super::JumpToAction targets=&["sign-read"] label=t::JUMP_TO_SIGNING/>
            <h3 class="ds-heading" data-size="2xs">{tr(t::CHECK_ANSWERS)}</h3>
            <AnswerList spec=service.form answers=state.answers on_change=super::change_answer(state)/>
            <h3 class="ds-heading" data-size="xs">{title}</h3>
            <p class="ds-paragraph">{tr(t::SIGN_INTRO)}</p>
            <div class="ds-alert" data-color="warning"><p>{tr(t::SIGN_ON_BEHALF)}</p></div>
            <p class="ds-paragraph">{move || fill(t::SIGN_WHO.get(lang.get()), &[&signer()])}</p>
            <div class="bp-actions">
                <button type="button" class="ds-button" data-variant="secondary" on:click=move |_| cancel(())>{tr(t::SIGN_CANCEL)}</button>
                <button type="button" id="sign-read" class="ds-button" data-variant="primary" on:click=move |_| {
                    reading.set(true);
                    focus_by_id("viewer-page".to_owned());
                }>{tr(t::SIGN_READ)}</button>
            </div>
        </Show>
    }
}

/// The document to sign, page by page, with zoom and download, and the two buttons.
#[component]
fn Viewer(
    state: JourneyState,
    busy: RwSignal<bool>,
    on_sign: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let api = use_api();
    let lang = use_lang();
    let doc = state.service.documents.first();
    let text = RwSignal::new(None::<DocumentText>);
    let page = RwSignal::new(0usize);
    let zoom = RwSignal::new(100u32);
    if let Some(doc) = doc {
        spawn_local(async move {
            text.set(api.document_text(doc.id).await.ok());
        });
    }
    let pages = move || {
        text.with(|t| {
            t.as_ref()
                .map_or(1, |t| t.paragraphs.len().div_ceil(PER_PAGE).max(1))
        })
    };
    let page_label = move || {
        fill(
            t::VIEWER_PAGE.get(lang.get()),
            &[&(page.get() + 1).to_string(), &pages().to_string()],
        )
    };
    let pdf = doc.map(|d| format!("/api/documents/{}/pdf", d.id));
    let icon_button = |label: common::Text,
                       glyph: &'static str,
                       disabled: Signal<bool>,
                       act: fn(RwSignal<usize>, RwSignal<u32>)| {
        view! {
            <button type="button" class="ds-button bp-viewer__tool" data-variant="tertiary" data-icon="true"
                aria-label=tr(label) aria-disabled=move || disabled.get().then_some("true")
                on:click=move |_| if !disabled.get_untracked() { act(page, zoom) }>
                <span aria-hidden="true">{glyph}</span>
            </button>
        }
    };
    view! {
        <section class="bp-viewer" aria-labelledby="viewer-title">
            <div class="bp-viewer__page" id="viewer-page" tabindex="0" role="region" aria-label=tr(t::VIEWER_LABEL)
                style:font-size=move || format!("{}%", zoom.get())>
                {move || text.get().map(|d| {
                    let first = page.get() * PER_PAGE;
                    view! {
                        <h4 class="ds-heading" data-size="xs" id="viewer-title">{d.title.clone()}</h4>
                        <p class="ds-paragraph">{move || fill(t::VIEWER_VERSION.get(lang.get()), &[&d.version, &d.valid_from])}</p>
                        <p class="ds-paragraph bp-note" data-size="sm">{tr(t::SAMPLE_DOCUMENT)}</p>
                        {d.paragraphs.iter().skip(first).take(PER_PAGE).map(|p| view! { <p class="ds-paragraph">{p.clone()}</p> }).collect_view()}
                    }
                })}
            </div>
            <div class="bp-viewer__bar">
                <button type="button" class="ds-button" data-variant="secondary" on:click=move |_| on_cancel.run(())>
                    <span aria-hidden="true">"✕ "</span>{tr(t::SIGN_ABORT)}
                </button>
                <button type="button" class="ds-button" data-variant="primary" aria-disabled=move || busy.get().then_some("true")
                    on:click=move |_| on_sign.run(())>{tr(t::SIGN_DOCUMENT)}</button>
                <div class="bp-viewer__tools">
                    {icon_button(t::VIEWER_ZOOM_IN, "+", Signal::derive(move || zoom.get() >= *ZOOM.end()), |_, z| z.update(|z| *z += 20))}
                    {icon_button(t::VIEWER_ZOOM_OUT, "−", Signal::derive(move || zoom.get() <= *ZOOM.start()), |_, z| z.update(|z| *z -= 20))}
                    {icon_button(t::VIEWER_PREV, "‹", Signal::derive(move || page.get() == 0), |p, _| p.update(|p| *p -= 1))}
                    <span class="bp-viewer__page-number" aria-live="polite">{page_label}</span>
                    {icon_button(t::VIEWER_NEXT, "›", Signal::derive(move || page.get() + 1 >= pages()), |p, _| p.update(|p| *p += 1))}
                    {pdf.map(|href| view! {
                        <a class="ds-button bp-viewer__tool" data-variant="tertiary" data-icon="true" href=href download rel="external"
                            aria-label=tr(t::VIEWER_DOWNLOAD)><span aria-hidden="true">"↓"</span></a>
                    })}
                </div>
            </div>
        </section>
    }
}
