//! Drafts (issue 6): the journey's answers are saved on the server as the user goes —
//! a second after the last change, and at once at each step change — and the next visit
//! after a new login resumes at the same step with every answer. A save refused because
//! the session ran out is kept in this tab's `sessionStorage` until the next login takes
//! it to the server, so not even the last keystrokes are lost.

use std::time::Duration;

use common::Step;
use common::api::Draft;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::JourneyState;
use crate::api::{Api, ApiClientError};

const DEBOUNCE: Duration = Duration::from_millis(1000);

fn local_key(state: &JourneyState) -> String {
    format!("bp-draft-{}", state.service.slug)
}

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Serialises with the browser's JSON, maps as objects (see `crate::api::to_json`): a
/// JS `Map` would stringify as `{}` and the kept answers would be empty.
fn keep_locally(state: &JourneyState, draft: &Draft) {
    if let (Some(storage), Some(json)) = (session_storage(), crate::api::to_json(draft)) {
        let _ = storage.set_item(&local_key(state), &json);
    }
}

fn take_local(state: &JourneyState) -> Option<Draft> {
    let storage = session_storage()?;
    let json = storage.get_item(&local_key(state)).ok().flatten()?;
    let _ = storage.remove_item(&local_key(state));
    let value = js_sys::JSON::parse(&json).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}

/// The journey as a draft, when it is at a step worth resuming.
fn current(state: &JourneyState) -> Option<Draft> {
    let step = state.step.get_untracked();
    let org = state.org.get_untracked()?;
    step.is_resumable().then(|| Draft {
        orgnr: org.organisation.orgnr,
        step: step.number(),
        answers: state.answers.get_untracked(),
        idempotency_key: state.idempotency_key.get_value(),
        saved_at_ms: 0,
    })
}

async fn save(api: Api, state: JourneyState, draft: Draft) {
    match api.save_draft(state.service.slug, &draft).await {
        // Every tab goes on with the key the server kept: one order, whichever submits.
        Ok(saved) => {
            state.idempotency_key.set_value(saved.idempotency_key);
            say_saved(&state);
        }
        Err(
            ApiClientError::Expired | ApiClientError::Unauthenticated | ApiClientError::Network,
        ) => keep_locally(&state, &draft),
        Err(_) => {}
    }
}

/// Shows (and a screen reader hears) when the answers were saved: to the minute, so
/// saves a second apart while typing change nothing and are not announced again.
fn say_saved(state: &JourneyState) {
    let now = js_sys::Date::new_0();
    let minute = format!("{:02}:{:02}", now.get_hours(), now.get_minutes());
    if state.saved_at.get_untracked().as_deref() != Some(minute.as_str()) {
        state.saved_at.set(Some(minute));
    }
}

/// Brings back the newest draft (this tab's unsaved one first), at its step. A kept
/// draft without answers never replaces the server's: less must not overwrite more.
pub async fn restore(api: Api, state: JourneyState) {
    let local = take_local(&state).filter(|d| !d.answers.0.is_empty());
    let draft = match local.clone() {
        Some(d) => Some(d),
        None => api.draft(state.service.slug).await.ok().flatten(),
    };
    let Some(draft) = draft else { return };
    if !resume(api, state, &draft).await {
        return;
    }
    state.restored.set(true);
    if local.is_some() {
        save(api, state, draft).await;
    }
}

/// Puts the journey back at the draft's step with its organisation and answers; false
/// when the user no longer acts for the unit (the organisation as the registry sees it
/// now), which is then not resumed.
pub async fn resume(api: Api, state: JourneyState, draft: &Draft) -> bool {
    let Ok(choice) = api.organisation(&draft.orgnr).await else {
        return false;
    };
    if !state.service.may_order_with(choice.standing) {
        return false;
    }
    state.org.set(Some(choice));
    state.answers.set(draft.answers.clone());
    state
        .idempotency_key
        .set_value(draft.idempotency_key.clone());
    // A step no draft is saved at (an old or altered draft) resumes at the form.
    state
        .step
        .set(Step::resumable(draft.step).unwrap_or(Step::Form));
    true
}

/// Saves as the user goes: debounced while typing, at once when the step changes.
pub fn autosave(api: Api, state: JourneyState) {
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let last_step = StoredValue::new(None::<Step>);
    Effect::new(move |_| {
        let step = state.step.get();
        state.answers.track();
        state.org.track();
        let delay = if last_step.get_value() == Some(step) {
            DEBOUNCE
        } else {
            Duration::ZERO
        };
        last_step.set_value(Some(step));
        if let Some(pending) = timer.get_value() {
            pending.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                // Read when the timer fires: after "Fullfør" there is nothing to save.
                if let Some(draft) = current(&state) {
                    spawn_local(save(api, state, draft));
                }
            },
            delay,
        )
        .ok();
        timer.set_value(handle);
    });
}
