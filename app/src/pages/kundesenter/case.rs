//! `/kundesenter/sak/{reference}`: a case as the customer centre works it — where it
//! stands, who ordered, the answers as the customer read them, its history — and what a
//! handler does: take it, move its status along `OrderStatus::can_move_to` (with the
//! reason the customer is told, where the status needs one), activate ServiceBus where
//! the order asked for it; a leder also gives it to a colleague. Below: the organisation
//! as Enhetsregisteret has it and the order's evidence and files.

use common::api::staff::{CaseView, MoveStatus, ServiceBusView};
use common::i18n::{fill, t};
use common::{OrderStatus, ValidationErrors, services};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;

use super::assign::AssignForm;
use super::nav::{StaffNav, is_leder, staff_me};
use super::{answer_time_tag, service_name};
use crate::api::{ApiClientError, use_api};
use crate::components::Section;
use crate::components::answers::AnswerList;
use crate::components::org_records::{DocumentSections, FileLinks, RegistryDetails};
use crate::i18n::{tr, use_lang};
use crate::pages::ProblemAlert;
use crate::title::set_title;

/// The customer centre's endpoints for the order's files; each download is audited.
const STAFF_LINKS: FileLinks = FileLinks {
    signed: |s| format!("/api/staff/orders/{}/signed.pdf", s.reference),
    attachment: |a| {
        format!(
            "/api/staff/orders/{}/attachments/{}",
            a.order_reference, a.id
        )
    },
};

#[component]
pub fn CasePage() -> impl IntoView {
    let lang = use_lang();
    let api = use_api();
    let reference = use_params_map().with_untracked(|p| p.get("reference").unwrap_or_default());
    let title = {
        let reference = reference.clone();
        move || fill(t::KS_CASE_TITLE.get(lang.get()), &[&reference])
    };
    Effect::new({
        let title = title.clone();
        move |_| set_title(lang.get(), &title())
    });
    let me = staff_me();
    let case = RwSignal::new(None::<CaseView>);
    let problem = RwSignal::new(None::<ApiClientError>);
    let errors = RwSignal::new(ValidationErrors::default());
    let reload = {
        let reference = reference.clone();
        move || {
            let reference = reference.clone();
            spawn_local(async move {
                match api.staff_case(&reference).await {
                    Ok(found) => case.set(Some(found)),
                    Err(e) => problem.set(Some(e)),
                }
            });
        }
    };
    reload();
    let action = |name: &'static str| {
        let (reference, reload) = (reference.clone(), reload.clone());
        Callback::new(move |_: ()| {
            let (reference, reload) = (reference.clone(), reload.clone());
            spawn_local(async move {
                match api.staff_action(&reference, name).await {
                    Ok(()) => {
                        errors.set(ValidationErrors::default());
                        reload();
                    }
                    Err(ApiClientError::Rejected(found)) => errors.set(found),
                    Err(e) => problem.set(Some(e)),
                }
            });
        })
    };
    let (take, activate) = (action("take"), action("servicebus"));
    let assigned = {
        let reload = reload.clone();
        Callback::new(move |_: ()| reload())
    };
    let to = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let save = {
        let (reference, reload) = (reference.clone(), reload.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(from) = case.get_untracked().map(|c| c.item.status) else {
                return;
            };
            let Some(target) = OrderStatus::parse(&to.get_untracked()) else {
                return;
            };
            let body = MoveStatus {
                from,
                to: target,
                reason: Some(reason.get_untracked()).filter(|r| !r.trim().is_empty()),
            };
            let (reference, reload) = (reference.clone(), reload.clone());
            spawn_local(async move {
                match api.staff_move(&reference, &body).await {
                    Ok(()) => {
                        errors.set(ValidationErrors::default());
                        reason.set(String::new());
                        reload();
                    }
                    Err(ApiClientError::Rejected(found)) => errors.set(found),
                    Err(e) => problem.set(Some(e)),
                }
            });
        }
    };
    let send_text = |kind: &'static str| {
        let (reference, reload) = (reference.clone(), reload.clone());
        Callback::new(move |text: String| {
            let (reference, reload) = (reference.clone(), reload.clone());
            spawn_local(async move {
                match api.staff_text(&reference, kind, text).await {
                    Ok(()) => reload(),
                    Err(e) => problem.set(Some(e)),
                }
            });
        })
    };
    let (send_note, send_reply) = (send_text("notes"), send_text("reply"));
    let error_at = move |field: &'static str| {
        errors.with(|e| e.0.get(field).map(|err| err.message(lang.get())))
    };
    let reason_error = move || error_at("reason");
    let to_error = move || error_at("to");
    view! {
        <StaffNav me/>
        <p><a class="ds-link" href="/kundesenter">{tr(t::KS_BACK)}</a></p>
        <h1 class="ds-heading" data-size="lg">{title.clone()}</h1>
        <ProblemAlert problem login_href=Signal::derive(|| super::STAFF_LOGIN.to_owned()) login_label=t::KS_LOGIN/>
        {move || case.get().map(|c| {
            let item = c.item.clone();
            let moves: Vec<OrderStatus> = OrderStatus::ALL
                .into_iter()
                .filter(|s| item.status.can_move_to(*s))
                .collect();
            // The choice starts at the first move the status allows.
            if let Some(first) = moves.first()
                && OrderStatus::parse(&to.get_untracked()).is_none_or(|s| !moves.contains(&s))
            {
                to.set(first.as_str().to_owned());
            }
            let spec = services::by_slug(&item.service).map(|s| s.form);
            let answers = c.answers.clone();
            let service = item.service.clone();
            let tag = item.answer_time.map(|time| {
                let (text, color) = answer_time_tag(time);
                view! { <span class="ds-tag" data-color=color>{tr(text)}</span> }
            });
            view! {
                <dl class="bp-receipt" data-testid="case-summary">
                    <div><dt>{tr(t::ORDERS_SERVICE)}</dt><dd>{move || service_name(&service, lang.get())}</dd></div>
                    <div><dt>{tr(t::KS_COL_ORG)}</dt><dd>{format!("{} ({})", item.org_name, item.orgnr)}</dd></div>
                    <div><dt>{tr(t::KS_ORDERED_BY)}</dt><dd>{c.ordered_by.clone()}</dd></div>
                    <div><dt>{tr(t::ORDERS_STATUS)}</dt><dd data-testid="case-status">{tr(item.status.label())} " " {tag}</dd></div>
                    <div><dt>{tr(t::KS_COL_ASSIGNED)}</dt><dd>{item.assigned_to.clone().unwrap_or_else(|| t::KS_NOBODY.get(lang.get_untracked()).to_owned())}</dd></div>
                </dl>
                <button type="button" class="ds-button" data-variant="secondary" on:click=move |_| take.run(())>{tr(t::KS_TAKE)}</button>
                {move || is_leder(me).then(|| view! {
                    <AssignForm reference=item.reference.clone() on_assigned=assigned problem/>
                })}
                {c.servicebus.clone().map(|servicebus| view! {
                    <ServiceBusPanel servicebus on_activate=activate error=Signal::derive(move || error_at("servicebus"))/>
                })}
                {if moves.is_empty() {
                    view! { <p class="ds-paragraph">{tr(t::KS_FINAL)}</p> }.into_any()
                } else {
                    view! {
                        <form class="bp-form" novalidate on:submit=save.clone()>
                            <div class="ds-field">
                                <label class="ds-label" for="ks-to">{tr(t::KS_NEW_STATUS)}</label>
                                <select class="ds-input" id="ks-to" on:change=move |ev| to.set(event_target_value(&ev))
                                    aria-describedby=move || to_error().is_some().then_some("ks-to-error")
                                    aria-invalid=move || to_error().is_some().then_some("true")>
                                    {moves.iter().map(|s| {
                                        let value = s.as_str();
                                        view! { <option value=value selected=move || to.get() == value>{tr(s.label())}</option> }
                                    }).collect_view()}
                                </select>
                                {move || to_error().map(|m| view! {
                                    <p class="ds-validation-message" id="ks-to-error" data-color="danger">{m}</p>
                                })}
                            </div>
                            <div class="ds-field">
                                <label class="ds-label" for="ks-reason">{tr(t::KS_REASON)}</label>
                                <div class="ds-field__description" id="ks-reason-hint">{tr(t::KS_REASON_HINT)}</div>
                                <textarea class="ds-input" id="ks-reason" rows="3"
                                    aria-describedby=move || if reason_error().is_some() { "ks-reason-hint ks-reason-error" } else { "ks-reason-hint" }
                                    aria-invalid=move || reason_error().is_some().then_some("true")
                                    prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                                {move || reason_error().map(|m| view! {
                                    <p class="ds-validation-message" id="ks-reason-error" data-color="danger">{m}</p>
                                })}
                            </div>
                            <button type="submit" class="ds-button">{tr(t::KS_SAVE_STATUS)}</button>
                        </form>
                    }.into_any()
                }}
                <TextForm id="ks-note" label=t::KS_NOTE button=t::KS_ADD_NOTE on_send=send_note/>
                <TextForm id="ks-reply" label=t::KS_REPLY button=t::KS_SEND_REPLY on_send=send_reply/>
                <h2 class="ds-heading" data-size="sm">{tr(t::KS_ANSWERS)}</h2>
                {spec.map(|spec| view! { <AnswerList spec answers=Signal::derive(move || answers.clone())/> })}
                <Section id="ks-registry-heading" heading=t::KS_REGISTRY>
                    {match c.registry.clone() {
                        Some(info) => view! { <RegistryDetails info/> }.into_any(),
                        None => view! { <p class="ds-paragraph">{tr(t::KS_REGISTRY_NONE)}</p> }.into_any(),
                    }}
                </Section>
                <DocumentSections documents=c.documents.clone() links=STAFF_LINKS/>
                <h2 class="ds-heading" data-size="sm">{tr(t::KS_HISTORY)}</h2>
                <ol class="ds-list" data-testid="case-history">
                    {c.history.iter().map(|e| {
                        let at = e.at.clone();
                        let kind = super::event_label(&e.kind);
                        let (by, detail) = (e.by.clone(), e.detail.clone());
                        view! { <li>{move || common::i18n::time_text(&at, lang.get())} ": " {by} " – " {tr(kind)} " " {detail}</li> }
                    }).collect_view()}
                </ol>
            }
        })}
    }
}

/// Where the order's ServiceBus activation stands, and the button that makes it.
#[component]
fn ServiceBusPanel(
    servicebus: ServiceBusView,
    on_activate: Callback<()>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let ServiceBusView {
        email,
        mobile,
        activated,
    } = servicebus;
    view! {
        <section class="bp-section" aria-labelledby="ks-sb-heading" data-testid="case-servicebus">
            <h2 class="ds-heading" data-size="sm" id="ks-sb-heading">{tr(t::KS_SB_HEADING)}</h2>
            {match activated {
                Some(done) => view! {
                    <p class="ds-paragraph">{move || fill(t::KS_SB_DONE.get(lang.get()), &[&common::i18n::time_text(&done.at, lang.get()), &done.by, &done.username])}</p>
                }.into_any(),
                None => view! {
                    <p class="ds-paragraph">{move || fill(t::KS_SB_ASKED.get(lang.get()), &[&email, &mobile])}</p>
                    {move || error.get().map(|m| view! {
                        <p class="ds-validation-message" data-color="danger" role="alert">{m}</p>
                    })}
                    <button type="button" class="ds-button" on:click=move |_| on_activate.run(())>{tr(t::KS_SB_ACTIVATE)}</button>
                }.into_any(),
            }}
        </section>
    }
}

/// A text and its button (a note, a reply): sends the text and empties the field.
#[component]
pub fn TextForm(
    id: &'static str,
    label: common::Text,
    button: common::Text,
    on_send: Callback<String>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    view! {
        <form class="bp-form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let value = text.get_untracked();
            if !value.trim().is_empty() {
                on_send.run(value);
                text.set(String::new());
            }
        }>
            <div class="ds-field">
                <label class="ds-label" for=id>{tr(label)}</label>
                <textarea class="ds-input" id=id rows="3" prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            <button type="submit" class="ds-button" data-variant="secondary">{tr(button)}</button>
        </form>
    }
}
