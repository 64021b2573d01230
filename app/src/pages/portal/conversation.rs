//! `/kundeportal/bestillinger/{reference}`: what the customer centre has said about one of
//! the user's orders — its questions and replies — and, when it waits for the customer
//! (Trenger avklaring), the answer that puts the case back into handling.

use common::api::staff::CaseEvent;
use common::i18n::{fill, t};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use super::PortalFrame;
use crate::api::{ApiClientError, use_api};
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;
use crate::pages::kundesenter::TextForm;

#[component]
pub fn OrderConversation() -> impl IntoView {
    view! {
        <PortalFrame title=t::NAV_ORDERS>
            <Conversation/>
        </PortalFrame>
    }
}

#[component]
fn Conversation() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    let reference = use_params_map().with_untracked(|p| p.get("reference").unwrap_or_default());
    let messages = RwSignal::new(None::<Vec<CaseEvent>>);
    let problem = RwSignal::new(None::<ApiClientError>);
    let sent = RwSignal::new(false);
    let reload = {
        let reference = reference.clone();
        move || {
            let reference = reference.clone();
            spawn_local(async move {
                match api.conversation(&reference).await {
                    Ok(found) => messages.set(Some(found)),
                    Err(e) => problem.set(Some(e)),
                }
            });
        }
    };
    reload();
    let send = {
        let (reference, reload) = (reference.clone(), reload.clone());
        Callback::new(move |text: String| {
            let (reference, reload) = (reference.clone(), reload.clone());
            spawn_local(async move {
                match api.answer_order(&reference, text).await {
                    Ok(()) => {
                        sent.set(true);
                        reload();
                    }
                    Err(e) => problem.set(Some(e)),
                }
            });
        })
    };
    let heading = {
        let reference = reference.clone();
        move || fill(t::CONV_TITLE.get(lang.get()), &[&reference])
    };
    view! {
        <h2 class="ds-heading" data-size="md">{heading}</h2>
        <ProblemAlert problem login_href=Signal::derive(|| "/kundeportal/innlogging".to_owned())/>
        <h3 class="ds-heading" data-size="sm">{tr(t::CONV_HEADING)}</h3>
        {move || messages.get().map(|list| if list.is_empty() {
            view! { <p class="ds-paragraph">{tr(t::CONV_NONE)}</p> }.into_any()
        } else {
            view! {
                <ol class="ds-list" data-testid="conversation">
                    {list.into_iter().map(|m| {
                        let at = m.at.clone();
                        let who = if m.kind == "answer" { t::KS_EV_ANSWER } else { t::KS_TITLE };
                        view! { <li>{move || common::i18n::time_text(&at, lang.get())} " – " {tr(who)} " " {m.detail}</li> }
                    }).collect_view()}
                </ol>
            }.into_any()
        })}
        <Show when=move || sent.get()>
            <div class="ds-alert" data-color="success" role="status"><p>{tr(t::CONV_SENT)}</p></div>
        </Show>
        <TextForm id="conv-answer" label=t::CONV_ANSWER button=t::CONV_SEND on_send=send/>
    }
}
