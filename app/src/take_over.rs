//! Starts the SPA. An entry page arrives with its first screen already rendered (at build
//! time, from these same components: `prerender.rs`) inside `<div id="bp-app">`, and is
//! usable before the wasm has loaded. The SPA renders into a new container and swaps it
//! in before the browser paints again: what the visitor typed, and where the focus was,
//! are carried over by element id, and a button pressed before the app was there
//! (`boot.js` held it and wrote its place in `data-replay`) is pressed again.

use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, HtmlElement, HtmlInputElement};

pub fn start() {
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
            let focused = document
                .active_element()
                .filter(|e| first_screen.contains(Some(e)))
                .map(|e| e.id())
                .filter(|id| !id.is_empty());
            let replay = first_screen
                .get_attribute("data-replay")
                .and_then(|n| n.parse::<u32>().ok());
            // Typed into the app's own inputs before the carrying: newer than the old value.
            let typed_since = Rc::new(RefCell::new(HashSet::new()));
            let record = {
                let typed_since = typed_since.clone();
                Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                    if let Some(input) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                        typed_since.borrow_mut().insert(input.id());
                    }
                })
            };
            for event in ["input", "change"] {
                let _ = root.add_event_listener_with_callback_and_bool(
                    event,
                    record.as_ref().unchecked_ref(),
                    true,
                );
            }
            let _ = first_screen.replace_with_with_node_1(&root);
            // The router draws its page in a task of its own, done before the next frame.
            request_animation_frame(move || {
                for event in ["input", "change"] {
                    let _ = root.remove_event_listener_with_callback_and_bool(
                        event,
                        record.as_ref().unchecked_ref(),
                        true,
                    );
                }
                carry_inputs(&first_screen, &root, &typed_since.borrow());
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
/// with the same id, and tells the app through the event its handlers listen to — unless
/// the visitor has typed into the app's input already (`typed_since`).
fn carry_inputs(from: &Element, to: &Element, typed_since: &HashSet<String>) {
    let new_inputs = inputs(to);
    for old in inputs(from) {
        let Some(new) = new_inputs
            .iter()
            .find(|new| new.id() == old.id() && !typed_since.contains(&new.id()))
        else {
            continue;
        };
        let event = if matches!(old.type_().as_str(), "checkbox" | "radio") {
            if old.checked() == new.checked() {
                continue;
            }
            new.set_checked(old.checked());
            "change"
        } else {
            if old.value() == new.value() {
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
