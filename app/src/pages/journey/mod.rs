//! The five-step agreement journey "Skjema og avtaler" (SPEC §3) for any service:
//! 1 logged in, 2 choose the organisation, 3 fill in the form, 4 read and accept,
//! 5 receipt. The steps are always visible; the current one holds its content.

mod accept_step;
mod done_step;
mod draft;
mod form_step;
mod org_step;
mod sign_step;

use common::Step;
use common::api::{Me, OrganisationChoice, Receipt, SigningOutcome, Standing};
use common::form::RawForm;
use common::i18n::{fill, t};
use common::services::{self, Service};
use common::{FieldError, ValidationErrors};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::use_api;
use crate::components::focus_by_id;
use crate::components::progress::{ProgressStep, StepState};
use crate::i18n::{tr, use_lang};
use crate::pages::not_found::NotFound;
use crate::title::set_title;

/// Everything the journey has gathered so far; kept across steps so going back loses nothing.
#[derive(Clone, Copy)]
pub struct JourneyState {
    pub service: &'static Service,
    pub step: RwSignal<Step>,
    pub org: RwSignal<Option<OrganisationChoice>>,
    /// A refusal of the organisation found later (e.g. by the server at submit), shown at step 2.
    pub org_error: RwSignal<Option<FieldError>>,
    pub answers: RwSignal<RawForm>,
    pub errors: RwSignal<ValidationErrors>,
    pub receipt: RwSignal<Option<Receipt>>,
    /// One key per order: a repeated "Fullfør" (double-click, retry) finds the first order.
    pub idempotency_key: StoredValue<String>,
    /// The journey was brought back from a draft after a new login.
    pub restored: RwSignal<bool>,
    /// How the last signing went, when the signer's eID login was refused or cancelled.
    pub signing: RwSignal<Option<SigningOutcome>>,
    /// When the answers were last saved as a draft, "HH:MM" on this device's clock.
    pub saved_at: RwSignal<Option<String>>,
}

impl JourneyState {
    /// Moves to `step` and puts focus on its heading, so screen readers hear where they are.
    pub fn go(&self, step: Step) {
        self.step.set(step);
        focus_by_id(format!("step-{}", step.number()));
    }

    /// The path back to this journey, for the login page's return.
    pub fn path(&self) -> String {
        format!("/skjema/{}", self.service.slug)
    }
}

/// "Endre" in "Se over svarene": back to the form, at that field (a group's row at its
/// first field); "Send" there comes back.
pub fn change_answer(state: JourneyState) -> Callback<(&'static str, Option<usize>)> {
    use common::form::{FieldKind, item_path};
    Callback::new(move |(id, row): (&'static str, Option<usize>)| {
        state.go(Step::Form);
        let first_item = state.service.form.field(id).is_some_and(|f| {
            f.repeat.is_some()
                || matches!(f.kind, FieldKind::MultiChoice(_) | FieldKind::OneChoice(_))
        });
        let path = match row {
            Some(row) => item_path(id, row),
            None if first_item => item_path(id, 0),
            None => id.to_owned(),
        };
        focus_by_id(crate::components::field::dom_id(&path));
    })
}

/// The form's notice (a price, a condition), before the form and again before submit.
pub fn notice(spec: &'static common::form::FormSpec) -> impl IntoView {
    spec.notice.map(|text| {
        view! { <div class="ds-alert" data-color="info"><p>{tr(text)}</p></div> }
    })
}

/// Shows a problem at the step, except an expired session: the journey says that once,
/// above the steps, with the way back (and the draft keeps the answers).
pub fn report(
    problem: RwSignal<Option<crate::api::ApiClientError>>,
    e: crate::api::ApiClientError,
) {
    if e != crate::api::ApiClientError::Expired {
        problem.set(Some(e));
    }
}

/// At the top of a step whose action follows a long review ("Se over svarene" fills
/// several screens on a phone): one obvious control that takes the user, and focus, to
/// the first of `targets` that is on the page.
#[component]
pub fn JumpToAction(targets: &'static [&'static str], label: common::Text) -> impl IntoView {
    let jump = move |_| {
        if let Some(id) = targets
            .iter()
            .find(|id| document().get_element_by_id(id).is_some())
        {
            focus_by_id((*id).to_owned());
        }
    };
    view! {
        <p class="bp-jump"><button type="button" class="ds-button" data-variant="tertiary" data-size="sm" on:click=jump>{tr(label)}" ↓"</button></p>
    }
}

/// A random key for one order (the browser's `crypto.randomUUID`).
fn new_key() -> String {
    if !crate::in_browser() {
        return String::new(); // pre-rendered: no order is placed from the build
    }
    window()
        .crypto()
        .map(|c| c.random_uuid())
        .unwrap_or_else(|_| format!("k-{}", js_sys::Date::now() as u64))
}

/// The landing page `/`: DigiHelse's journey, the service most come for, in place (a
/// redirect would cost the phone a round trip before the first screen).
#[component]
pub fn Landing() -> impl IntoView {
    view! { <ServiceJourney service=landing_service()/> }
}

/// The service `/` shows.
pub fn landing_service() -> &'static Service {
    services::by_slug("digitaleinnbyggertjenester").expect("the landing page's service")
}

/// The journey page for the service in the URL.
#[component]
pub fn Journey() -> impl IntoView {
    let params = use_params_map();
    move || match params
        .with(|p| p.get("service"))
        .and_then(|s| services::by_slug(&s))
    {
        Some(service) => view! { <ServiceJourney service/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn ServiceJourney(service: &'static Service) -> impl IntoView {
    let api = use_api();
    let lang = use_lang();
    let me = RwSignal::new(None::<Me>);
    let logged_out = RwSignal::new(false);
    let state = JourneyState {
        service,
        step: RwSignal::new(Step::Organisation),
        org: RwSignal::new(None),
        org_error: RwSignal::new(None),
        answers: RwSignal::new(RawForm::default()),
        errors: RwSignal::new(ValidationErrors::default()),
        receipt: RwSignal::new(None),
        idempotency_key: StoredValue::new(new_key()),
        restored: RwSignal::new(false),
        signing: RwSignal::new(None),
        saved_at: RwSignal::new(None),
    };
    // The title names the step once the steps are there: "Steg 3 av 5: Fyll ut skjema –
    // Digital Dialog Fastlege – Skjema og avtaler", so each step's title differs.
    Effect::new(move |_| {
        let lang = lang.get();
        let name = service.name.get(lang);
        // As the view below: no steps for a closed service, or an account that may not accept.
        let steps_shown = service.replaced_by.is_none()
            && me.with(|m| {
                m.as_ref()
                    .is_some_and(|m| m.eid.is_some() || !service.orderer_accepts_terms())
            });
        match steps_shown {
            true => set_title(
                lang,
                &format!("{} – {name}", step_label(service, state.step.get(), lang)),
            ),
            false => set_title(lang, name),
        }
    });
    // Back from the signer's eID login: `?signering=<id>` says which signing.
    let signing_id = use_query_map().with_untracked(|q| q.get("signering"));
    #[cfg(feature = "csr")]
    if crate::session::signed_in_hint() {
        // Likely signed in: fetch the steps' code while asking the server who this is.
        spawn_local(__preload_signed_in_journey());
    }
    spawn_local(async move { me.set(api.me().await.ok()) });
    let on_logout = Callback::new(move |_| {
        me.set(None);
        logged_out.set(true);
    });
    view! {
        <h1 class="ds-heading" data-size="lg">{move || service.form.title.get(lang.get())}</h1>
        {move || match me.get() {
            // Closed down: say so, and where to go instead (Personregister → Persontjenesten).
            _ if service.replaced_by.is_some() => view! { <Replaced service/> }.into_any(),
            // Until the server says who this is, the way in: the same first screen the
            // pre-rendered page showed, so the SPA takes over without a jump.
            None => view! { <LoginIntro state logged_out/> }.into_any(),
            // A customer-portal account may order, but not accept terms: that needs ID-porten.
            Some(me) if me.eid.is_none() && service.orderer_accepts_terms() => view! {
                <div class="ds-alert" data-color="info" role="status">
                    <p>{tr(t::TERMS_NEED_IDPORTEN)}</p>
                    <p><a class="ds-link" href=crate::pages::login_href(&state.path()) rel="external">{tr(t::LOGIN_BUTTON)}</a></p>
                </div>
            }.into_any(),
            Some(me) => signed_in_view(api, state, me, signing_id.clone(), on_logout),
        }}
    }
}

/// The signed-in journey once its code has arrived and the draft is back. The build's
/// pre-render never gets here (nobody is signed in at build time), so it draws nothing.
fn signed_in_view(
    api: crate::api::Api,
    state: JourneyState,
    me: Me,
    signing_id: Option<String>,
    on_logout: Callback<()>,
) -> AnyView {
    #[cfg(feature = "csr")]
    let view = view! {
        <Suspense>{Suspend::new(signed_in_journey(api, state, me, signing_id, on_logout))}</Suspense>
    }
    .into_any();
    #[cfg(not(feature = "csr"))]
    let view = {
        let _ = (api, state, me, signing_id, on_logout, signed_in_journey);
        ().into_any()
    };
    view
}

/// Steps 2–5, the draft brought back (or the signing picked up) first: loaded when the
/// user is signed in, so the entry pages' app does not carry the forms, the signing and
/// the receipt.
#[lazy]
async fn signed_in_journey(
    api: crate::api::Api,
    state: JourneyState,
    me: Me,
    signing_id: Option<String>,
    on_logout: Callback<()>,
) -> AnyView {
    match signing_id {
        Some(id) => back_from_signing(api, state, &id).await,
        None => draft::restore(api, state).await,
    }
    draft::autosave(api, state);
    view! { <Steps state me on_logout/> }.into_any()
}

/// Picks the journey up where the signing left it: the receipt when signed; otherwise
/// step 4 again with the reason, the organisation and every answer of the signed order.
async fn back_from_signing(api: crate::api::Api, state: JourneyState, id: &str) {
    let Ok(signing) = api.signing(id).await else {
        return draft::restore(api, state).await;
    };
    if let Some(reference) = &signing.reference {
        if let Ok(receipt) = api.receipt(reference).await {
            state.receipt.set(Some(receipt));
            state.step.set(Step::Receipt);
        }
        return;
    }
    let order = signing.order;
    let at_signing = common::api::Draft {
        orgnr: order.orgnr,
        step: Step::Accept.number(),
        answers: order.answers,
        idempotency_key: order
            .idempotency_key
            .unwrap_or_else(|| state.idempotency_key.get_value()),
        saved_at_ms: 0,
    };
    if draft::resume(api, state, &at_signing).await {
        state.signing.set(Some(signing.outcome));
    }
}

/// A service no longer ordered: its notice and a link to the one that replaced it.
#[component]
fn Replaced(service: &'static Service) -> impl IntoView {
    let lang = use_lang();
    let successor = service.replaced_by.and_then(services::by_slug);
    view! {
        {notice(service.form)}
        {successor.map(|s| view! {
            <p class="ds-paragraph">
                <a class="ds-link" href=format!("/skjema/{}", s.slug)>{move || fill(t::REPLACED_GO.get(lang.get()), &[s.name.get(lang.get())])}</a>
            </p>
        })}
    }
}

/// Before login: what the journey holds and "Logg inn med ID-porten" (seed 000's first page).
#[component]
fn LoginIntro(state: JourneyState, logged_out: RwSignal<bool>) -> impl IntoView {
    let href = crate::pages::login_href(&state.path());
    view! {
        <Show when=move || logged_out.get()>
            <div class="ds-alert" data-color="success" role="status"><p>{tr(t::LOGGED_OUT)}</p></div>
        </Show>
        <div class="bp-intro">
            // The way in first: on a phone it is on the first screen (issue 12.5).
            <section class="bp-card">
                <h2 class="ds-heading" data-size="sm">{tr(t::WELCOME_TITLE)}</h2>
                <p class="ds-paragraph">{tr(t::WELCOME_BODY)}</p>
                <a class="ds-button" data-variant="primary" href=href rel="external">{tr(t::LOGIN_BUTTON)}" →"</a>
            </section>
            <section class="bp-card">
                <h2 class="ds-heading" data-size="sm">{tr(t::LOGIN_TITLE)}</h2>
                <ol class="bp-steps bp-steps--plain">
                    {[t::LOGIN_STEP_1, t::LOGIN_STEP_2, t::LOGIN_STEP_3, t::LOGIN_STEP_4, t::LOGIN_STEP_5].into_iter().enumerate().map(|(i, text)| view! {
                        <li class="bp-step"><span class="bp-step__number" aria-hidden="true">{i + 1}</span><span>{tr(text)}</span></li>
                    }).collect_view()}
                </ol>
            </section>
        </div>
    }
}

/// "Les og signer", "Les gjennom og aksepter", or "Se over og send".
fn step_4_title(service: &Service) -> common::Text {
    match (service.signer_field, service.documents.is_empty()) {
        (Some(_), _) => t::STEP_SIGN,
        (None, false) => t::STEP_READ_ACCEPT,
        (None, true) => t::STEP_CHECK_SEND,
    }
}

/// "Steg 3 av 5: Fyll ut skjema": where the journey is, for the title and screen readers.
fn step_label(service: &Service, step: Step, lang: common::Lang) -> String {
    let name = match step {
        Step::Login | Step::Organisation => t::STEP_CHOOSE_ORG,
        Step::Form => t::STEP_FILL_FORM,
        Step::Accept => step_4_title(service),
        Step::Receipt => t::STEP_RECEIPT,
    };
    fill(
        t::STEP_ANNOUNCE.get(lang),
        &[&step.number().to_string(), name.get(lang)],
    )
}

/// Says "Steg 3 av 5: Fyll ut skjema" to screen readers when the step changes — once per
/// change, in the language of that moment: a later language switch does not repeat it.
#[component]
fn StepAnnouncement(state: JourneyState) -> impl IntoView {
    let lang = use_lang();
    let announcement = RwSignal::new(String::new());
    Effect::new(move |before: Option<Step>| {
        let step = state.step.get();
        if before.is_some_and(|b| b != step) {
            announcement.set(step_label(state.service, step, lang.get_untracked()));
        }
        step
    });
    view! { <p class="ds-sr-only" aria-live="polite" data-testid="step-announcement">{move || announcement.get()}</p> }
}

/// The progress list with the current step's content inside it.
#[component]
fn Steps(state: JourneyState, me: Me, on_logout: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let at = move |n: Step| {
        Signal::derive(move || match state.step.get() {
            s if s > n => StepState::Done,
            s if s == n => StepState::Current,
            _ => StepState::Upcoming,
        })
    };
    let name = me.name.clone();
    let title = move |text: common::Text| Signal::derive(move || text.get(lang.get()).to_owned());
    let org_title =
        Signal::derive(
            move || match (state.org.get(), state.step.get() > Step::Organisation) {
                (Some(choice), true) => {
                    let acting = fill(
                        t::STEP_ACTING_FOR.get(lang.get()),
                        &[&choice.organisation.display()],
                    );
                    // Why this person may accept, where the registry tells ("Du er daglig leder.").
                    match choice.standing {
                        Standing::Holds(authority) => {
                            format!("{acting}. {}", authority.reason().get(lang.get()))
                        }
                        _ => acting,
                    }
                }
                _ => t::STEP_CHOOSE_ORG.get(lang.get()).to_owned(),
            },
        );
    let api = use_api();
    // No clock any more means the server said the session expired.
    let expired = move || api.remaining_ms().is_none_or(|ms| ms <= 0);
    let login_again = crate::pages::login_href(&state.path());
    view! {
        <StepAnnouncement state/>
        // There (empty) from the start, so that its first words are announced; its line
        // kept, so that nothing below moves when they come.
        <p class="ds-paragraph bp-saved" data-size="sm" role="status" data-testid="draft-saved">
            // Once the order is placed, there is no draft to speak of.
            {move || state.saved_at.get().filter(|_| state.step.get() != Step::Receipt)
                .map(|at| fill(t::DRAFT_SAVED.get(lang.get()), &[&at]))}
        </p>
        <Show when=move || state.restored.get()>
            <div class="ds-alert" data-color="info" role="status"><p>{tr(t::DRAFT_RESTORED)}</p></div>
        </Show>
        // The time ran out while the page was open: say so, and the way back.
        <Show when=expired>
            <div class="ds-alert" data-color="warning" role="alert">
                <p>{tr(t::SESSION_EXPIRED)}</p>
                <p><a class="ds-link" href=login_again.clone() rel="external">{tr(t::LOGIN_TRY_AGAIN)}</a></p>
            </div>
        </Show>
        <nav aria-label=tr(t::PROGRESS_LABEL)>
            <ol class="bp-steps">
                <ProgressStep step=Step::Login title=Signal::derive(move || fill(t::STEP_LOGGED_IN.get(lang.get()), &[&name])) state=Signal::derive(|| StepState::Done)/>
                <ProgressStep step=Step::Organisation title=org_title state=at(Step::Organisation)>
                    <org_step::OrgStep state/>
                </ProgressStep>
                <ProgressStep step=Step::Form title=title(t::STEP_FILL_FORM) state=at(Step::Form)>
                    <form_step::FormStep state/>
                </ProgressStep>
                <ProgressStep step=Step::Accept title=title(step_4_title(state.service)) state=at(Step::Accept)>
                    {if state.service.signer_field.is_some() {
                        view! { <sign_step::SignStep state/> }.into_any()
                    } else {
                        view! { <accept_step::AcceptStep state/> }.into_any()
                    }}
                </ProgressStep>
                <ProgressStep step=Step::Receipt title=title(t::STEP_RECEIPT) state=at(Step::Receipt)>
                    <done_step::DoneStep state on_logout/>
                </ProgressStep>
            </ol>
        </nav>
    }
}
