//! `/kundeportal/innlogging`: the customer portal's login (SPEC §1, seed 001). Username
//! and password ("Husk meg", "Glemt passordet?"), then "Hvor ønsker du å motta
//! sikkerhetskode?" (SMS or e-post), then "Bekreft kode". One page, three steps; focus
//! moves to each step's heading, and nothing typed is lost on an error.

use common::api::{CodeChannel, CodeDestinations, PasswordLogin};
use common::i18n::{fill, t};
use common::validate::SecurityCode;
use common::{FieldError, Text, ValidationErrors};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{ApiClientError, use_api};
use crate::components::error_summary::{ErrorSummary, show_errors, summary_of};
use crate::components::field::{InputSpec, TextInput};
use crate::components::focus_by_id;
use crate::i18n::{tr, use_lang};
use crate::title::set_title;

/// Where the login is.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Password,
    Channel(CodeDestinations),
    Code(String),
}

const HEADING_ID: &str = "portal-login-heading";

/// Where `boot.js` keeps the username of a login form the browser posted itself.
const POSTED_USERNAME: &str = "bp-login-username";

/// Where the browser posts the login form when the app is not there to do it.
const PASSWORD_FORM_ACTION: &str = "/api/auth/password/form";

/// The customer-portal login page.
#[component]
pub fn PortalLogin() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    let query = use_query_map();
    let step = RwSignal::new(Step::Password);
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let remember = RwSignal::new(false);
    let channel = RwSignal::new(CodeChannel::Email);
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new(ValidationErrors::default());
    let alert = RwSignal::new(None::<Text>);
    let busy = RwSignal::new(false);
    Effect::new(move |_| {
        let title = match step.get() {
            Step::Code(_) => t::CODE_CONFIRM_TITLE,
            _ => t::PORTAL_LOGIN_TITLE,
        };
        set_title(lang.get(), title.get(lang.get()));
    });
    let go_to = move |next: Step| {
        errors.set(ValidationErrors::default());
        step.set(next);
        focus_by_id(HEADING_ID.to_owned());
    };
    // What went wrong, said where it belongs: at the fields, or in the alert.
    let fail = move |e: ApiClientError| match e {
        ApiClientError::Rejected(found) => show_errors(errors, found),
        ApiClientError::TooManyAttempts => alert.set(Some(t::TOO_MANY_ATTEMPTS)),
        ApiClientError::Unauthenticated | ApiClientError::Expired => {
            alert.set(Some(t::CODE_START_OVER));
            go_to(Step::Password);
        }
        ApiClientError::Network => alert.set(Some(t::NETWORK_ERROR)),
        _ => alert.set(Some(t::SERVER_ERROR)),
    };
    // The password holds: SMS is chosen for an account that has no e-mail.
    let choose_channel = move |to: CodeDestinations| {
        if to.email.is_none() && to.sms.is_some() {
            channel.set(CodeChannel::Sms);
        }
        go_to(Step::Channel(to));
    };
    let run = move |task: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>| {
        alert.set(None);
        busy.set(true);
        spawn_local(async move {
            task.await;
            busy.set(false);
        });
    };

    let submit_password = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = ValidationErrors::default();
        if username.get_untracked().trim().is_empty() {
            found.add("username", FieldError::Required);
        }
        if password.get_untracked().is_empty() {
            found.add("password", FieldError::Required);
        }
        if !found.is_empty() {
            return show_errors(errors, found);
        }
        let body = PasswordLogin {
            username: username.get_untracked(),
            password: password.get_untracked(),
            remember: remember.get_untracked(),
        };
        run(Box::pin(async move {
            match api.password_login(&body).await {
                Ok(to) => choose_channel(to),
                Err(e) => fail(e),
            }
        }));
    };

    // Back from the form the browser posted itself, before the app had started (the
    // pre-rendered page's `<form action>`): the server sends it here with what happened,
    // and `boot.js` kept the username it sent.
    let (resume, failed) = query.with_untracked(|q| (q.get("steg"), q.get("feil")));
    if crate::in_browser()
        && let Some(storage) = window().session_storage().ok().flatten()
        && let Ok(Some(sent)) = storage.get_item(POSTED_USERNAME)
    {
        let _ = storage.remove_item(POSTED_USERNAME);
        if failed.is_some() {
            username.set(sent);
        }
    }
    if resume.as_deref() == Some("kode") {
        run(Box::pin(async move {
            match api.pending_login().await {
                Ok(to) => choose_channel(to),
                Err(e) => fail(e),
            }
        }));
    } else if failed.as_deref() == Some("vent") {
        alert.set(Some(t::TOO_MANY_ATTEMPTS));
    } else if failed.is_some() {
        show_errors(
            errors,
            ValidationErrors::single("password", FieldError::WrongCredentials),
        );
    }

    let send_code = move || {
        let chosen = channel.get_untracked();
        let destination = match step.get_untracked() {
            Step::Channel(to) => match chosen {
                CodeChannel::Sms => to.sms,
                CodeChannel::Email => to.email,
            }
            .unwrap_or_default(),
            Step::Code(sent_to) => sent_to,
            Step::Password => return,
        };
        run(Box::pin(async move {
            match api.send_code(chosen).await {
                Ok(()) => {
                    code.set(String::new());
                    go_to(Step::Code(destination));
                }
                Err(e) => fail(e),
            }
        }));
    };

    let navigate = use_navigate();
    let submit_code = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Err(e) = SecurityCode::parse(&code.get_untracked()) {
            return show_errors(errors, ValidationErrors::single("code", e));
        }
        let target = common::api::safe_return_path(
            query
                .get_untracked()
                .get("tilbake")
                .as_deref()
                .or(Some("/kundeportal")),
        );
        let navigate = navigate.clone();
        run(Box::pin(async move {
            match api.verify_code(code.get_untracked()).await {
                Ok(_) => navigate(&target, Default::default()),
                Err(e) => fail(e),
            }
        }));
    };

    static PASSWORD_FIELDS: [(&str, Text); 2] = [
        ("username", t::PORTAL_USERNAME),
        ("password", t::PORTAL_PASSWORD),
    ];
    static CODE_FIELDS: [(&str, Text); 1] = [("code", t::CODE_LABEL)];
    let error_at = move |id: &'static str| Signal::derive(move || errors.with(|e| e.get(id)));
    let aria_busy = move || busy.get().then_some("true");

    let password_step = move || {
        view! {
            <h1 class="ds-heading" data-size="lg" id=HEADING_ID tabindex="-1">{tr(t::PORTAL_LOGIN_TITLE)}</h1>
            <p class="ds-paragraph">{tr(t::PORTAL_LOGIN_INTRO)}</p>
            // Before the SPA has started (the page arrives pre-rendered) the browser posts
            // this form itself, and the server answers with this page at the next step;
            // the password goes in a body, never into the URL.
            <form class="bp-form" method="post" action=PASSWORD_FORM_ACTION novalidate on:submit=submit_password>
                <ErrorSummary items=summary_of(errors, &PASSWORD_FIELDS)/>
                <TextInput spec=InputSpec::text("username", t::PORTAL_USERNAME, None).kind("text", "text", "username")
                    value=username error=error_at("username")
                    on_input=Callback::new(move |v| username.set(v)) on_blur=Callback::new(|_| ())/>
                <TextInput spec=InputSpec::text("password", t::PORTAL_PASSWORD, None).kind("password", "text", "current-password")
                    value=password error=error_at("password")
                    on_input=Callback::new(move |v| password.set(v)) on_blur=Callback::new(|_| ())/>
                <div class="ds-field bp-choice">
                    <input class="ds-input" type="checkbox" id="f-remember" name="remember" value="true" aria-describedby="f-remember-hint"
                        prop:checked=move || remember.get() on:change=move |ev| remember.set(event_target_checked(&ev))/>
                    <label class="ds-label" for="f-remember">{tr(t::PORTAL_REMEMBER)}</label>
                    <div data-field="description" id="f-remember-hint">{tr(t::PORTAL_REMEMBER_HINT)}</div>
                </div>
                <button type="submit" class="ds-button" data-variant="primary" aria-busy=aria_busy>{tr(t::PORTAL_LOGIN_SUBMIT)}</button>
            </form>
            <p class="ds-paragraph"><a class="ds-link" href="/kundeportal/glemt-passord">{tr(t::PORTAL_FORGOT)}</a></p>
            <p class="ds-paragraph">{tr(t::PORTAL_QUESTIONS)}" "{tr(t::FOOTER_CONTACT)}</p>
            <p class="ds-paragraph"><a class="ds-link" href="/">{tr(t::PORTAL_OR_IDPORTEN)}</a></p>
        }
    };

    let channel_step = move |to: CodeDestinations| {
        let option = move |c: CodeChannel, masked: Option<String>| {
            masked.map(|masked| {
                let id = format!("f-channel-{}", match c { CodeChannel::Sms => "sms", CodeChannel::Email => "email" });
                view! {
                    <div class="ds-field bp-choice">
                        <input class="ds-input" type="radio" name="channel" id=id.clone()
                            prop:checked=move || channel.get() == c on:change=move |_| channel.set(c)/>
                        <label class="ds-label" for=id>{tr(c.label())}" ("{masked}")"</label>
                    </div>
                }
            })
        };
        view! {
            <h1 class="ds-heading" data-size="lg" id=HEADING_ID tabindex="-1">{tr(t::PORTAL_LOGIN_TITLE)}</h1>
            <form class="bp-form" novalidate on:submit=move |ev| { ev.prevent_default(); send_code(); }>
                <fieldset class="ds-fieldset">
                    <legend class="ds-heading" data-size="xs">{tr(t::CODE_WHERE)}</legend>
                    {option(CodeChannel::Sms, to.sms)}
                    {option(CodeChannel::Email, to.email)}
                </fieldset>
                <button type="submit" class="ds-button" data-variant="primary" aria-busy=aria_busy>{tr(t::CODE_SEND)}</button>
            </form>
        }
    };

    let code_step = move |sent_to: String| {
        view! {
            <h1 class="ds-heading" data-size="lg" id=HEADING_ID tabindex="-1">{tr(t::CODE_CONFIRM_TITLE)}</h1>
            <p class="ds-paragraph">{move || fill(t::CODE_SENT_TO.get(lang.get()), &[&sent_to])}</p>
            <form class="bp-form" novalidate on:submit=submit_code.clone()>
                <ErrorSummary items=summary_of(errors, &CODE_FIELDS)/>
                <TextInput spec=InputSpec::text("code", t::CODE_LABEL, Some(t::CODE_HINT)).kind("text", "numeric", "one-time-code")
                    value=code error=error_at("code")
                    on_input=Callback::new(move |v| code.set(v)) on_blur=Callback::new(|_| ())/>
                <div class="bp-actions">
                    <button type="submit" class="ds-button" data-variant="primary" aria-busy=aria_busy>{tr(t::CODE_SUBMIT)}</button>
                    <button type="button" class="ds-button" data-variant="secondary" on:click=move |_| send_code()>{tr(t::CODE_RESEND)}</button>
                </div>
            </form>
        }
    };

    view! {
        {move || alert.get().map(|text| view! {
            <div class="ds-alert" data-color="danger" role="alert"><p>{tr(text)}</p></div>
        })}
        {move || match step.get() {
            Step::Password => password_step().into_any(),
            Step::Channel(to) => channel_step(to).into_any(),
            Step::Code(sent_to) => code_step(sent_to).into_any(),
        }}
    }
}
