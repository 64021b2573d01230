//! Reusable UI pieces, built from designsystemet's CSS classes.

pub mod answers;
pub mod error_summary;
pub mod field;
pub mod frame;
pub mod her_id;
pub mod org_records;
pub mod progress;
pub mod session_warning;
pub mod spec_form;

use common::Text;
use leptos::prelude::*;

use crate::i18n::tr;

/// A section of a page with its heading (a portal page, a case).
#[component]
pub fn Section(id: &'static str, heading: Text, children: Children) -> impl IntoView {
    view! {
        <section class="bp-portal-section" aria-labelledby=id>
            <h2 class="ds-heading" data-size="sm" id=id>{tr(heading)}</h2>
            {children()}
        </section>
    }
}

/// Moves keyboard focus to the element with `id` once the DOM has caught up.
pub fn focus_by_id(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}
