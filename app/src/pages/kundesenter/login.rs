//! `/kundesenter/innlogging`: the built-in test staff login, clearly marked, for when no
//! staff identity provider is configured (development and the tests); and where the
//! provider's login ends when it was refused (`?feil=`), with the way to try again.

use common::ValidationErrors;
use common::api::staff::StaffTestLogin;
use common::i18n::t;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{ApiClientError, use_api};
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;
use crate::title::set_title;

#[component]
pub fn StaffLogin() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    Effect::new(move |_| set_title(lang.get(), t::KS_LOGIN_TITLE.get(lang.get())));
    let name = RwSignal::new(String::new());
    let role = RwSignal::new("saksbehandler".to_owned());
    let errors = RwSignal::new(ValidationErrors::default());
    let problem = RwSignal::new(None::<ApiClientError>);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = StaffTestLogin {
            name: name.get_untracked(),
            role: role.get_untracked(),
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            match api.staff_test_login(&body).await {
                Ok(()) => navigate("/kundesenter", Default::default()),
                Err(ApiClientError::Rejected(found)) => errors.set(found),
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    let query = use_query_map();
    let failed = move || query.with(|q| q.get("feil"));
    let name_error =
        move || errors.with(|e| e.0.get("name").map(|error| error.message(lang.get())));
    if let Some(reason) = failed() {
        let text = if reason == "role" {
            t::KS_LOGIN_NO_ROLE
        } else {
            t::KS_LOGIN_FAILED
        };
        Effect::new(move |_| set_title(lang.get(), t::KS_LOGIN_FAILED.get(lang.get())));
        return view! {
            <h1 class="ds-heading" data-size="lg">{tr(t::KS_TITLE)}</h1>
            <div class="ds-alert" data-color="danger" role="alert"><p>{tr(text)}</p></div>
            <p><a class="ds-button" data-variant="primary" href=super::STAFF_LOGIN rel="external">{tr(t::LOGIN_TRY_AGAIN)}</a></p>
        }
        .into_any();
    }
    view! {
        <h1 class="ds-heading" data-size="lg">{tr(t::KS_LOGIN_TITLE)}</h1>
        <div class="ds-alert" data-color="warning"><p>{tr(t::KS_LOGIN_NOTE)}</p></div>
        <ProblemAlert problem login_href=Signal::derive(|| super::STAFF_LOGIN.to_owned()) login_label=t::KS_LOGIN/>
        <form class="bp-form" novalidate on:submit=submit>
            <div class="ds-field">
                <label class="ds-label" for="ks-name">{tr(t::KS_NAME)}</label>
                <input class="ds-input" id="ks-name" name="name" autocomplete="name"
                    aria-invalid=move || name_error().is_some().then_some("true")
                    aria-describedby=move || name_error().is_some().then_some("ks-name-error")
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                {move || name_error().map(|m| view! {
                    <p class="ds-validation-message" id="ks-name-error" data-color="danger">{m}</p>
                })}
            </div>
            <div class="ds-field">
                <label class="ds-label" for="ks-role">{tr(t::KS_ROLE)}</label>
                <select class="ds-input" id="ks-role" on:change=move |ev| role.set(event_target_value(&ev))>
                    <option value="saksbehandler">{tr(t::KS_ROLE_SAKSBEHANDLER)}</option>
                    <option value="leder">{tr(t::KS_ROLE_LEDER)}</option>
                </select>
            </div>
            <button type="submit" class="ds-button">{tr(t::KS_LOGIN)}</button>
        </form>
    }
    .into_any()
}
