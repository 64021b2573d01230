//! "Glemt passordet?" (`/kundeportal/glemt-passord`): ask for a reset link by e-mail; and
//! `/kundeportal/nytt-passord#<token>`: choose a new password with it. The token travels
//! in the URL's fragment, which browsers never send to a server or put in a Referer.

use common::i18n::t;
use common::validate::NewPassword;
use common::{FieldError, Text, ValidationErrors};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{ApiClientError, use_api};
use crate::components::error_summary::{ErrorSummary, show_errors, summary_of};
use crate::components::field::{InputSpec, TextInput};
use crate::components::focus_by_id;
use crate::i18n::{tr, use_lang};
use crate::title::set_title;

/// The outcome shown above the form: a confirmation or a problem.
fn outcome_view(outcome: RwSignal<Option<Result<Text, Text>>>) -> impl IntoView {
    move || {
        outcome.get().map(|o| match o {
            Ok(text) => view! {
                <div class="ds-alert" data-color="success" role="status" id="outcome" tabindex="-1">
                    <p>{tr(text)}</p>
                    <p><a class="ds-link" href="/kundeportal/innlogging">{tr(t::TO_PORTAL_LOGIN)}</a></p>
                </div>
            }
            .into_any(),
            Err(text) => view! {
                <div class="ds-alert" data-color="danger" role="alert" id="outcome" tabindex="-1"><p>{tr(text)}</p></div>
            }
            .into_any(),
        })
    }
}

fn problem_text(e: &ApiClientError) -> Text {
    match e {
        ApiClientError::Network => t::NETWORK_ERROR,
        ApiClientError::TooManyAttempts => t::TOO_MANY_ATTEMPTS,
        _ => t::SERVER_ERROR,
    }
}

/// "Glemt passordet?"
#[component]
pub fn ForgotPassword() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    Effect::new(move |_| set_title(lang.get(), t::FORGOT_TITLE.get(lang.get())));
    let username = RwSignal::new(String::new());
    let errors = RwSignal::new(ValidationErrors::default());
    let outcome = RwSignal::new(None::<Result<Text, Text>>);
    static FIELDS: [(&str, Text); 1] = [("username", t::PORTAL_USERNAME)];
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if username.get_untracked().trim().is_empty() {
            return show_errors(
                errors,
                ValidationErrors::single("username", FieldError::Required),
            );
        }
        errors.set(ValidationErrors::default());
        spawn_local(async move {
            let result = api.forgot_password(username.get_untracked()).await;
            outcome.set(Some(match result {
                Ok(()) => Ok(t::FORGOT_SENT),
                Err(e) => Err(problem_text(&e)),
            }));
            focus_by_id("outcome".into());
        });
    };
    view! {
        <h1 class="ds-heading" data-size="lg">{tr(t::FORGOT_TITLE)}</h1>
        {outcome_view(outcome)}
        <p class="ds-paragraph">{tr(t::FORGOT_INTRO)}</p>
        <form class="bp-form" novalidate on:submit=submit>
            <ErrorSummary items=summary_of(errors, &FIELDS)/>
            <TextInput spec=InputSpec::text("username", t::PORTAL_USERNAME, None).kind("text", "text", "username")
                value=username error=Signal::derive(move || errors.with(|e| e.get("username")))
                on_input=Callback::new(move |v| username.set(v)) on_blur=Callback::new(|_| ())/>
            <button type="submit" class="ds-button" data-variant="primary">{tr(t::FORGOT_SUBMIT)}</button>
        </form>
    }
}

/// "Lag nytt passord", from the link in the e-mail.
#[component]
pub fn ResetPassword() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    Effect::new(move |_| set_title(lang.get(), t::RESET_TITLE.get(lang.get())));
    let token = window()
        .location()
        .hash()
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_owned();
    let password = RwSignal::new(String::new());
    let errors = RwSignal::new(ValidationErrors::default());
    let outcome = RwSignal::new(None::<Result<Text, Text>>);
    static FIELDS: [(&str, Text); 1] = [("password", t::RESET_PASSWORD)];
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Err(e) = NewPassword::parse(&password.get_untracked()) {
            return show_errors(errors, ValidationErrors::single("password", e));
        }
        errors.set(ValidationErrors::default());
        let token = token.clone();
        spawn_local(async move {
            let result = api.reset_password(token, password.get_untracked()).await;
            match result {
                Ok(()) => outcome.set(Some(Ok(t::RESET_DONE))),
                Err(ApiClientError::Rejected(found)) if found.get("token").is_some() => {
                    outcome.set(Some(Err(t::RESET_LINK_INVALID)));
                }
                Err(ApiClientError::Rejected(found)) => return show_errors(errors, found),
                Err(e) => outcome.set(Some(Err(problem_text(&e)))),
            }
            focus_by_id("outcome".into());
        });
    };
    view! {
        <h1 class="ds-heading" data-size="lg">{tr(t::RESET_TITLE)}</h1>
        {outcome_view(outcome)}
        // Once the password is set, the form has done its work: the way on is to log in.
        <Show when=move || !matches!(outcome.get(), Some(Ok(_))) fallback=|| view! {
            <p class="ds-paragraph"><a class="ds-button" data-variant="primary" href="/kundeportal/innlogging">{tr(t::RESET_LOGIN)}</a></p>
        }>
            <form class="bp-form" novalidate on:submit=submit.clone()>
                <ErrorSummary items=summary_of(errors, &FIELDS)/>
                <TextInput spec=InputSpec::text("password", t::RESET_PASSWORD, Some(t::RESET_HINT)).kind("password", "text", "new-password")
                    value=password error=Signal::derive(move || errors.with(|e| e.get("password")))
                    on_input=Callback::new(move |v| password.set(v)) on_blur=Callback::new(|_| ())/>
                <button type="submit" class="ds-button" data-variant="primary">{tr(t::RESET_SUBMIT)}</button>
            </form>
            <p class="ds-paragraph"><a class="ds-link" href="/kundeportal/glemt-passord">{tr(t::PORTAL_FORGOT)}</a></p>
        </Show>
    }
}
