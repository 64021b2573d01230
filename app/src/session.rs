//! The session clock in the SPA: the server's expiry, corrected for the difference
//! between the server's clock and this device's.

use common::session::SessionClock;

/// This device's clock, Unix ms.
pub fn client_now_ms() -> i64 {
    if crate::in_browser() {
        js_sys::Date::now() as i64
    } else {
        0
    }
}

pub fn clock(expires_at_ms: i64, server_now_ms: i64) -> SessionClock {
    SessionClock::new(expires_at_ms, server_now_ms, client_now_ms())
}

/// What one tab tells the others about the session.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TabMessage {
    /// The session's expiry as the server last said it.
    Clock {
        expires_at_ms: i64,
        server_now_ms: i64,
    },
    LoggedOut,
}

/// The portal's tabs in this browser, over a `BroadcastChannel`. Where the browser has
/// none, each tab simply keeps its own clock (the server enforces expiry either way).
#[derive(Clone, Copy)]
pub struct TabSync {
    channel: leptos::prelude::StoredValue<
        Option<web_sys::BroadcastChannel>,
        leptos::prelude::LocalStorage,
    >,
}

impl Default for TabSync {
    fn default() -> Self {
        TabSync {
            channel: leptos::prelude::StoredValue::new_local(
                crate::in_browser()
                    .then(|| web_sys::BroadcastChannel::new("bestillingsportal-session").ok())
                    .flatten(),
            ),
        }
    }
}

impl TabSync {
    /// Posts as `{kind, expires_at_ms, server_now_ms}`: plain numbers, no serde needed.
    pub fn send(&self, message: &TabMessage) {
        use leptos::prelude::WithValue;
        let data = js_sys::Object::new();
        let set = |k: &str, v: wasm_bindgen::JsValue| {
            let _ = js_sys::Reflect::set(&data, &k.into(), &v);
        };
        match *message {
            TabMessage::Clock {
                expires_at_ms,
                server_now_ms,
            } => {
                set("kind", "clock".into());
                set("expires_at_ms", (expires_at_ms as f64).into());
                set("server_now_ms", (server_now_ms as f64).into());
            }
            TabMessage::LoggedOut => set("kind", "logged_out".into()),
        }
        self.channel.with_value(|c| {
            if let Some(c) = c {
                let _ = c.post_message(&data);
            }
        });
    }

    /// Calls `on_message` for every message from another tab, for the page's lifetime.
    pub fn listen(&self, on_message: impl Fn(TabMessage) + 'static) {
        use leptos::prelude::WithValue;
        use wasm_bindgen::JsCast;
        use wasm_bindgen::closure::Closure;
        let handler =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
                let number = |k: &str| get(k).and_then(|v| v.as_f64()).map(|n| n as i64);
                let message = match get("kind").and_then(|v| v.as_string()).as_deref() {
                    Some("clock") => match (number("expires_at_ms"), number("server_now_ms")) {
                        (Some(expires_at_ms), Some(server_now_ms)) => Some(TabMessage::Clock {
                            expires_at_ms,
                            server_now_ms,
                        }),
                        _ => None,
                    },
                    Some("logged_out") => Some(TabMessage::LoggedOut),
                    _ => None,
                };
                if let Some(m) = message {
                    on_message(m);
                }
            });
        self.channel.with_value(|c| {
            if let Some(c) = c {
                c.set_onmessage(Some(handler.as_ref().unchecked_ref()));
            }
        });
        // The app lives as long as the page: the handler does too.
        handler.forget();
    }
}

/// Whether the server's `bp_signed_in` hint cookie is there (set with the session, cleared
/// at logout; it says nothing the session cookie does not): a guess, for fetching
/// signed-in code early. The server's answer decides.
#[cfg(feature = "csr")]
pub fn signed_in_hint() -> bool {
    if !crate::in_browser() {
        return false;
    }
    js_sys::Reflect::get(&leptos::prelude::document(), &"cookie".into())
        .ok()
        .and_then(|c| c.as_string())
        .is_some_and(|c| c.split(';').any(|c| c.trim().starts_with("bp_signed_in=")))
}
