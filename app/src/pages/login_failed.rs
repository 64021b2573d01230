//! `/innlogging-feilet?grunn=…`: why an ID-porten login was refused, in plain words, and
//! a way to start again. The reason code names the kind of failure only.

use common::Text;
use common::i18n::t;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::{tr, use_lang};
use crate::pages::login_href;
use crate::title::set_title;

fn reason_text(code: &str) -> Text {
    match code {
        "state" => t::LOGIN_FAILED_STATE,
        "issuer" => t::LOGIN_FAILED_ISSUER,
        "exchange" => t::LOGIN_FAILED_EXCHANGE,
        "level" => t::LOGIN_FAILED_LEVEL,
        "person" => t::LOGIN_FAILED_PERSON,
        "cancelled" => t::LOGIN_FAILED_CANCELLED,
        _ => t::LOGIN_FAILED_TOKEN,
    }
}

/// The login-failed page.
#[component]
pub fn LoginFailed() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    Effect::new(move |_| set_title(lang.get(), t::LOGIN_FAILED_TITLE.get(lang.get())));
    let reason = move || reason_text(&query.with(|q| q.get("grunn")).unwrap_or_default());
    view! {
        <h1 class="ds-heading" data-size="lg">{tr(t::LOGIN_FAILED_TITLE)}</h1>
        <div class="ds-alert" data-color="danger" role="alert"><p>{move || reason().get(lang.get())}</p></div>
        <p><a class="ds-button" data-variant="primary" href=login_href("/") rel="external">{tr(t::LOGIN_TRY_AGAIN)}</a></p>
    }
}
