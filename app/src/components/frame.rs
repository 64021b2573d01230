//! The frame around every page: header (brand, session countdown, language switch)
//! and the footer with the customer centre's contact details.

use common::Lang;
use common::i18n::{fill, t};
use common::session::{Phase, announce_step, format_remaining};
use leptos::prelude::*;

use crate::api::use_api;
use crate::i18n::{fetch_texts, store_lang, tr, use_lang};

/// Page header.
#[component]
pub fn Header() -> impl IntoView {
    // The customer portal's pages are named as such; the journey is "Skjema og avtaler".
    let location = leptos_router::hooks::use_location();
    let in_portal = move || location.pathname.with(|p| p.starts_with("/kundeportal"));
    view! {
        <header class="bp-header">
            <div class="bp-header__inner">
                <a class="bp-brand" href=move || if in_portal() { "/kundeportal" } else { "/" }>
                    <span class="bp-brand__name">"norsk "<strong>"helsenett"</strong></span>
                    <span class="bp-brand__app">{move || if in_portal() { tr(t::PORTAL_APP_TITLE)() } else { tr(t::APP_TITLE)() }}</span>
                </a>
                <div class="bp-header__tools">
                    <Countdown/>
                    <LanguageMenu/>
                </div>
            </div>
        </header>
    }
}

const LANGUAGE_MENU_ID: &str = "bp-language-menu";
const LANGUAGE_BUTTON_ID: &str = "bp-language-button";

/// "Språk": a button that shows the three languages, each named in itself and marked
/// with its own `lang`; the chosen one is remembered on this device (`store_lang`) and
/// sent to the server with every request.
#[component]
fn LanguageMenu() -> impl IntoView {
    let lang = use_lang();
    let open = RwSignal::new(false);
    let close = move || {
        open.set(false);
        crate::components::focus_by_id(LANGUAGE_BUTTON_ID.to_owned());
    };
    let failed = RwSignal::new(false);
    // Its texts are fetched first; until then the page stays in the language it shows.
    // Focus goes back to "Språk" from the open menu; a language chosen another way
    // (a script, a test) leaves focus where it was.
    let choose = move |chosen: Lang| {
        leptos::task::spawn_local(async move {
            let fetched = fetch_texts(chosen).await;
            failed.set(!fetched);
            if fetched {
                store_lang(chosen);
                lang.set(chosen);
                if open.get_untracked() {
                    close();
                }
            }
        });
    };
    view! {
        <div class="bp-language" on:keydown=move |ev| if ev.key() == "Escape" && open.get_untracked() { close() }>
            <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" id=LANGUAGE_BUTTON_ID
                aria-expanded=move || open.get().to_string() aria-controls=LANGUAGE_MENU_ID
                on:click=move |_| open.update(|o| *o = !*o)>
                {tr(t::LANGUAGE)}
            </button>
            <ul class="bp-language__menu" id=LANGUAGE_MENU_ID hidden=move || !open.get()>
                {Lang::ALL.into_iter().map(|l| view! {
                    <li>
                        <button type="button" class="ds-button" data-variant="tertiary" data-size="sm" lang=l.tag()
                            aria-pressed=move || (lang.get() == l).to_string() on:click=move |_| choose(l)>
                            {l.own_name()}
                        </button>
                    </li>
                }).collect_view()}
            </ul>
            <p class="ds-validation-message" data-color="danger" role="alert" hidden=move || !failed.get()>
                {tr(t::LANGUAGE_FAILED)}
            </p>
        </div>
    }
}

/// The session's remaining time, from the server's expiry (SPEC §5).
#[component]
fn Countdown() -> impl IntoView {
    let api = use_api();
    let lang = use_lang();
    let remaining = move || api.remaining_ms();
    view! {
        {move || remaining().map(|ms| {
            let expired = ms <= 0;
            let text = if expired {
                t::SESSION_EXPIRED.get(lang.get()).to_owned()
            } else {
                fill(t::SESSION_REMAINING.get(lang.get()), &[&format_remaining(ms)])
            };
            let warning = api.policy.get().phase(ms) != Phase::Active;
            // The ticking clock is for the eye; screen readers get the coarse live line below.
            view! { <p class="bp-countdown" class:bp-countdown--warning=warning data-testid="countdown" aria-hidden=(!expired).then_some("true")>{text}</p> }
        })}
        <p class="ds-sr-only" aria-live="polite" data-testid="countdown-announcement">
            {move || remaining().and_then(|ms| match announce_step(ms) {
                _ if ms <= 0 => None, // the visible line says it, unhidden
                Some(1) => Some(t::SESSION_ANNOUNCE_ONE.get(lang.get()).to_owned()),
                Some(m) => Some(fill(t::SESSION_ANNOUNCE.get(lang.get()), &[&m.to_string()])),
                None => None,
            })}
        </p>
    }
}

/// Page footer (SPEC: on every page).
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="bp-footer">
            <p>
                <strong>{tr(t::FOOTER_QUESTIONS)}</strong>" "
                <span>{move || tr(t::FOOTER_CONTACT)().split(" | ").next().unwrap_or_default().to_owned()}</span>
                " | "
                <a class="ds-link" href="mailto:kundesenter@nhn.no">"kundesenter@nhn.no"</a>
            </p>
        </footer>
    }
}
