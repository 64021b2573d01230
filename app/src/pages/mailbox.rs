//! `/utvikling/postkasse`: the development mailbox, the e-mail and SMS the portal would
//! have sent (no SMTP configured). Development only; the server refuses it in production.

use common::api::MailboxEntry;
use common::i18n::t;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiClientError, use_api};
use crate::i18n::{tr, use_lang};
use crate::pages::{Loading, ProblemAlert, login_href};
use crate::title::set_title;

/// The development mailbox page.
#[component]
pub fn Mailbox() -> impl IntoView {
    let api = use_api();
    let lang = use_lang();
    Effect::new(move |_| set_title(lang.get(), t::DEV_MAILBOX_TITLE.get(lang.get())));
    let entries = RwSignal::new(None::<Result<Vec<MailboxEntry>, ApiClientError>>);
    spawn_local(async move { entries.set(Some(api.mailbox().await)) });
    view! {
        <h1 class="ds-heading" data-size="lg">{tr(t::DEV_MAILBOX_TITLE)}</h1>
        <p class="ds-paragraph bp-note">{tr(t::DEV_MAILBOX_NOTE)}</p>
        {move || match entries.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <p class="ds-paragraph">{tr(t::DEV_MAILBOX_EMPTY)}</p> }.into_any(),
            Some(Ok(list)) => list.into_iter().map(|m| view! {
                <article class="bp-card bp-mail">
                    <h2 class="ds-heading" data-size="xs">{m.subject}</h2>
                    <p class="ds-paragraph">{tr(t::DEV_MAILBOX_TO)}": "{m.recipient}" · "{m.created_at}</p>
                    <pre class="bp-mail__body">{m.body}</pre>
                </article>
            }).collect_view().into_any(),
            Some(Err(e)) => view! { <ProblemAlert problem=Signal::derive(move || Some(e.clone())) login_href=Signal::derive(|| login_href("/utvikling/postkasse"))/> }.into_any(),
        }}
    }
}
