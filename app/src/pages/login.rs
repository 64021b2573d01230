//! The built-in test identity provider (SPEC §1): used when no ID-porten is configured.
//! Like ID-porten's own test login: pick an eID, type a synthetic fødselsnummer and a
//! name. Clearly marked as a test login. The number goes in the request body, never a URL.
//! At `/testsignering?signering=<id>` the same form is the signer's eID login of a
//! signing (DDFL), and goes back to the journey with the outcome.

use common::api::{Eid, TestLoginRequest};
use common::form::{FieldKind, FieldSpec};
use common::i18n::t;
use common::validate::{BoundedText, Fodselsnummer};
use common::{Text, ValidationErrors};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{ApiClientError, use_api};
use crate::components::error_summary::{ErrorSummary, focus_summary, summary_of};
use crate::components::field::{InputSpec, TextInput};
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;
use crate::title::set_title;

/// The test login form.
#[component]
pub fn TestLogin() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    let query = use_query_map();
    // Signing mode: the signing this login is for.
    let signing = query.with_untracked(|q| q.get("signering"));
    let signing_mode = signing.is_some();
    let heading = if signing_mode {
        t::TEST_SIGN_TITLE
    } else {
        t::TEST_LOGIN_TITLE
    };
    Effect::new(move |_| set_title(lang.get(), heading.get(lang.get())));
    let eid = RwSignal::new(Eid::Minid);
    let fnr = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let errors = RwSignal::new(ValidationErrors::default());
    let problem = RwSignal::new(None::<ApiClientError>);
    let busy = RwSignal::new(false);
    static FIELDS: [(&str, Text); 2] = [
        ("fodselsnummer", t::TEST_LOGIN_FNR),
        ("name", t::TEST_LOGIN_NAME),
    ];
    let summary = summary_of(errors, &FIELDS);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = ValidationErrors::default();
        if let Err(e) = Fodselsnummer::parse(&fnr.get_untracked()) {
            found.add("fodselsnummer", e);
        }
        if let Err(e) = BoundedText::parse(&name.get_untracked(), 200) {
            found.add("name", e);
        }
        if !found.is_empty() {
            errors.set(found);
            focus_summary();
            return;
        }
        errors.set(ValidationErrors::default());
        busy.set(true);
        let body = TestLoginRequest {
            eid: eid.get_untracked().as_str().into(),
            fodselsnummer: fnr.get_untracked(),
            name: name.get_untracked(),
        };
        let target = common::api::safe_return_path(query.get_untracked().get("tilbake").as_deref());
        let navigate = navigate.clone();
        let signing = signing.clone();
        spawn_local(async move {
            let done = match &signing {
                Some(id) => api
                    .test_sign(id, &body)
                    .await
                    .map(|s| format!("/skjema/{}?signering={id}", s.order.service)),
                None => api.test_login(&body).await.map(|_| target),
            };
            match done {
                Ok(target) => {
                    navigate(&target, Default::default());
                    // The focused button is gone with this page: put focus at the start of
                    // the new one, or the next Tab starts from where the button was.
                    crate::components::focus_by_id("main".to_owned());
                }
                Err(ApiClientError::Rejected(e)) => {
                    errors.set(e);
                    focus_summary();
                }
                Err(other) => problem.set(Some(other)),
            }
            busy.set(false);
        });
    };
    static FNR_FIELD: FieldSpec = FieldSpec {
        id: "fodselsnummer",
        label: t::TEST_LOGIN_FNR,
        hint: Some(t::TEST_LOGIN_FNR_HINT),
        kind: FieldKind::Fodselsnummer { allow_fh: false },
        required: true,
        repeat: None,
        shown_if: None,
    };
    let blur_fnr = move |v: String| {
        let e = FNR_FIELD.check_on_blur(&v);
        errors.update(|errs| match e {
            Some(e) => {
                errs.0.insert("fodselsnummer".into(), e);
            }
            None => {
                errs.0.remove("fodselsnummer");
            }
        });
    };
    let input = |id: &str,
                 label: Text,
                 hint: Option<Text>,
                 mode: &'static str,
                 autocomplete: &'static str| {
        InputSpec::text(id, label, hint).kind("text", mode, autocomplete)
    };
    view! {
        <h1 class="ds-heading" data-size="lg">{tr(heading)}</h1>
        <div class="ds-alert" data-color="warning"><p>{tr(t::TEST_LOGIN_WARNING)}</p></div>
        <ProblemAlert problem login_href=Signal::derive(|| "/testinnlogging".to_owned())/>
        <form class="bp-form" novalidate on:submit=submit>
            <ErrorSummary items=summary/>
            // One line for the eID, so the whole login fits a phone's first screen.
            <div class="ds-field">
                <label class="ds-label" for="f-eid">{tr(t::TEST_LOGIN_EID)}</label>
                <select class="ds-input" id="f-eid" on:change=move |ev| {
                    if let Some(e) = Eid::parse_wire(&event_target_value(&ev)) { eid.set(e) }
                }>
                    {Eid::ALL.into_iter().map(|e| view! {
                        <option value=e.as_str() selected=move || eid.get() == e>{tr(e.label())}</option>
                    }).collect_view()}
                </select>
            </div>
            <TextInput spec=input("fodselsnummer", t::TEST_LOGIN_FNR, Some(t::TEST_LOGIN_FNR_HINT), "numeric", "off")
                value=fnr error=Signal::derive(move || errors.with(|e| e.get("fodselsnummer")))
                on_input=Callback::new(move |v| fnr.set(v)) on_blur=Callback::new(blur_fnr)/>
            <TextInput spec=input("name", t::TEST_LOGIN_NAME, None, "text", "name")
                value=name error=Signal::derive(move || errors.with(|e| e.get("name")))
                on_input=Callback::new(move |v| name.set(v)) on_blur=Callback::new(|_| ())/>
            <button type="submit" class="ds-button" data-variant="primary" aria-disabled=move || busy.get().then_some("true")>
                {tr(if signing_mode { t::TEST_SIGN_SUBMIT } else { t::TEST_LOGIN_SUBMIT })}
            </button>
        </form>
    }
}
