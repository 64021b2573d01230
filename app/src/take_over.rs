//! Starts the SPA. An entry page arrives with its first screen already rendered (at build
//! time, from these same components: `prerender.rs`) inside `<div id="bp-app">`, and is
//! usable before the wasm has loaded. The SPA renders into a new container, out of the
//! document, and swaps it in before the browser paints again: what the visitor typed, and
//! where the focus was, are carried over by element id, and a button pressed before the
//! app was there (`boot.js` held it and wrote its place in `data-replay`) is pressed again.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

pub fn start() {
    let lang = crate::i18n::stored_lang();
    if common::i18n::fetched::has(lang) {
        take_over();
    } else {
        // The chosen language's texts first, so the app starts in it; without them
        // (offline) it starts in bokmål, as the first screen is.
        wasm_bindgen_futures::spawn_local(async move {
            crate::i18n::fetch_texts(lang).await;
            take_over();
        });
    }
}

fn take_over() {
    let document = document();
    let root = document
        .create_element("div")
        .expect("a document can make a div");
    root.set_id(crate::APP_ROOT_ID);
    let prerendered = document.get_element_by_id(crate::APP_ROOT_ID);
    leptos::mount::mount_to(
        root.clone().unchecked_into::<HtmlElement>(),
        crate::app::App,
    )
    .forget();
    // For the benchmark and the tests: the page is the SPA's from here on.
    let _ = root.set_attribute("data-live", "");
    match prerendered {
        Some(first_screen) => {
            // The router draws its page in a task of its own, done before the next frame:
            // the swap waits for it, so until then the visitor goes on typing into the
            // pre-rendered page (swapped at once, keys pressed during that task would go
            // to no element), and what they typed is carried in the same step.
            request_animation_frame(move || {
                let focused = document
                    .active_element()
                    .filter(|e| first_screen.contains(Some(e)))
                    .map(|e| e.id())
                    .filter(|id| !id.is_empty());
                // A button pressed before now, held by `boot.js`: its place among the buttons.
                let replay = first_screen
                    .get_attribute("data-replay")
                    .and_then(|n| n.parse::<u32>().ok());
                let _ = first_screen.replace_with_with_node_1(&root);
                carry_inputs(&first_screen, &root);
                if let Some(el) = focused
                    .and_then(|id| document.get_element_by_id(&id))
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                {
                    let _ = el.focus();
                }
                // The first frame is the pre-rendered one, so its n-th button is the same.
                if let Some(button) = replay
                    .and_then(|n| root.query_selector_all("button").ok()?.item(n))
                    .and_then(|b| b.dyn_into::<HtmlElement>().ok())
                {
                    button.click();
                }
            });
        }
        None => {
            let _ = document.body().map(|body| body.append_child(&root));
        }
    }
}

/// Gives each input of the app what the visitor typed or ticked in the pre-rendered one
/// with the same id, and tells the app through the event its handlers listen to.
fn carry_inputs(from: &Element, to: &Element) {
    let new_inputs = inputs(to);
    for old in inputs(from) {
        let Some(new) = new_inputs.iter().find(|new| new.id() == old.id()) else {
            continue;
        };
        // Only what the visitor changed: a field left as the page came keeps what the app
        // put there (a username brought back after the browser posted the login).
        let event = if matches!(old.type_().as_str(), "checkbox" | "radio") {
            if old.checked() == old.default_checked() || old.checked() == new.checked() {
                continue;
            }
            new.set_checked(old.checked());
            "change"
        } else {
            if old.value() == old.default_value() || old.value() == new.value() {
                continue;
            }
            new.set_value(&old.value());
            "input"
        };
        // Bubbling, as the browser's own: the app may listen further up.
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(e) = web_sys::Event::new_with_event_init_dict(event, &init) {
            let _ = new.dispatch_event(&e);
        }
    }
}

/// The inputs with an id under `parent`.
fn inputs(parent: &Element) -> Vec<HtmlInputElement> {
    let Ok(list) = parent.query_selector_all("input[id]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlInputElement>().ok())
        .collect()
}
