//! The session warning (SPEC §5, the GOV.UK/HMRC timeout pattern): a modal dialog at the
//! policy's warning lead time. `showModal()` moves focus into the dialog and keeps it
//! there; Esc means "stay" and extends like "Forleng økten"; "Logg ut" ends the session.

use common::i18n::{fill, t};
use common::session::{Phase, format_remaining};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiClientError, use_api};
use crate::i18n::{tr, use_lang};

/// The warning dialog; shown only while a session is in its warning phase.
#[component]
pub fn SessionWarning() -> impl IntoView {
    let api = use_api();
    let lang = use_lang();
    let remaining = move || api.remaining_ms();
    let warning = Memo::new(move |_| {
        remaining().is_some_and(|ms| api.policy.get().phase(ms) == Phase::Warning)
    });
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        match (warning.get(), d.open()) {
            (true, false) => {
                let _ = d.show_modal();
            }
            (false, true) => d.close(),
            _ => {}
        }
    });
    let extend = move || {
        spawn_local(async move {
            let _ = api.extend_session().await;
        })
    };
    let logout = move |_| {
        spawn_local(async move {
            match api.leave().await {
                Ok(true) => {}
                Ok(false) | Err(ApiClientError::Unauthenticated | ApiClientError::Expired) => {
                    let _ = window().location().reload();
                }
                Err(_) => {}
            }
        })
    };
    // Coarse for screen readers: whole minutes, or "under a minute".
    let text = move || {
        let ms = remaining().unwrap_or(0);
        let left = if ms > 60_000 {
            format!("{} min", ms.div_euclid(60_000) + 1)
        } else {
            format_remaining(ms)
        };
        fill(t::SESSION_WARNING_TEXT.get(lang.get()), &[&left])
    };
    view! {
        <dialog class="ds-dialog bp-session-warning" node_ref=dialog aria-labelledby="session-warning-title"
            aria-describedby="session-warning-text"
            on:cancel=move |ev: leptos::ev::Event| { ev.prevent_default(); extend(); }>
            <h2 class="ds-heading" data-size="sm" id="session-warning-title">{tr(t::SESSION_WARNING_TITLE)}</h2>
            <p class="ds-paragraph" id="session-warning-text">{text}</p>
            <div class="bp-actions">
                <button type="button" class="ds-button" data-variant="primary" autofocus on:click=move |_| extend()>
                    {tr(t::SESSION_EXTEND)}
                </button>
                <button type="button" class="ds-button" data-variant="secondary" on:click=logout>{tr(t::LOGOUT)}</button>
            </div>
        </dialog>
    }
}
