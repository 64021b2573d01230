//! The customer centre's API. Staff have their own sessions (`crate::staff`); a
//! customer's session reaches none of this, and a staff session none of the customer's.
//!
//! - logging in and out, and `GET /api/staff/me`: `staff_login`.
//! - `GET  /api/staff/orders?status=&service=&orgnr=&assigned=me|none&overdue=true&q=&order=oldest&after=`
//!   — the queue: every order, filtered, searched, keyset-paged; each row's age in working
//!   days and where it stands against the 2-working-day answer time.
//! - `GET  /api/staff/export?…` — the same filters, every row, as CSV for Excel.
//! - `GET  /api/staff/orders/{reference}` — the case, with its history, the organisation's
//!   registry data and the order's evidence (viewing is logged).
//! - `GET  /api/staff/orders/{reference}/signed.pdf` and `…/attachments/{id}` — the
//!   order's signed package and its attachments (each download is logged).
//! - `POST /api/staff/orders/{reference}/take` — assigns it to me; a Mottatt case goes
//!   Under behandling.
//! - `POST /api/staff/orders/{reference}/status` — `{from, to, reason}` along
//!   `OrderStatus::can_move_to`.
//! - `POST /api/staff/orders/{reference}/notes` — an internal note, never shown to the customer.
//! - `POST /api/staff/orders/{reference}/reply` — a reply to the submitter, by e-mail.
//! - `POST /api/staff/orders/{reference}/servicebus` — activates ServiceBus: the username
//!   by e-mail, a generated password by SMS (the order must have asked for it).
//! - what only a leder does (assign, the audit log, the numbers): `staff_lead`.

use axum::extract::{Path, Query, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use common::api::staff::{
    CaseText, CaseView, MoveStatus, QueueItem, QueuePage, ServiceBusDone, ServiceBusView,
};
use common::{FieldError, OrderStatus};
use serde::Deserialize;

use super::{staff_lead, staff_login};
use crate::db::Of;
use crate::db::cases::{self, Assigned, QueueFilter, QueueRow};
use crate::download::{self, Disposition};
use crate::error::ApiError;
use crate::extract::{ApiJson, RequestLang};
use crate::ordering::conversation;
use crate::ordering::servicebus::{self, ActivationRefused};
use crate::ordering::status::{MoveRefused, move_order};
use crate::staff::{self, StaffUser};
use crate::state::AppState;
use crate::{now_ms, oslo_time, working_days};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::openapi::Errors;

/// Rows per page of the queue.
const PAGE: i64 = 50;

pub fn router(state: AppState) -> OpenApiRouter<AppState> {
    let protected = OpenApiRouter::new()
        .routes(routes!(staff_login::me))
        .routes(routes!(staff_login::logout))
        .routes(routes!(queue))
        .routes(routes!(export))
        .routes(routes!(case))
        .routes(routes!(signed_package))
        .routes(routes!(attachment))
        .routes(routes!(take))
        .routes(routes!(move_status))
        .routes(routes!(add_note))
        .routes(routes!(reply))
        .routes(routes!(activate_servicebus))
        .merge(staff_lead::router())
        .route_layer(from_fn_with_state(state, staff::require_staff));
    staff_login::router().merge(protected)
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct QueueQuery {
    status: Option<String>,
    service: Option<String>,
    orgnr: Option<String>,
    assigned: Option<String>,
    overdue: Option<bool>,
    q: Option<String>,
    order: Option<String>,
    after: Option<String>,
}

/// The queue's filters as the request gives them: 422 at the parameter that is not one.
fn filter_of(
    query: QueueQuery,
    user: &StaffUser,
    lang: common::Lang,
    today: jiff::civil::Date,
    limit: i64,
) -> Result<QueueFilter, ApiError> {
    let status = match query.status.as_deref() {
        None | Some("") => None,
        Some(name) => Some(OrderStatus::parse(name).ok_or(ApiError::field(
            "status",
            FieldError::UnknownChoice,
            lang,
        ))?),
    };
    let assigned = match query.assigned.as_deref() {
        None | Some("") => Assigned::Anyone,
        Some("me") => Assigned::To(user.subject.clone()),
        Some("none") => Assigned::Nobody,
        Some(_) => return Err(ApiError::field("assigned", FieldError::UnknownChoice, lang)),
    };
    let after = match query.after.as_deref() {
        None | Some("") => None,
        Some(cursor) => Some(
            cursor
                .parse::<i64>()
                .map_err(|_| ApiError::field("after", FieldError::UnknownChoice, lang))?,
        ),
    };
    Ok(QueueFilter {
        status,
        service: query.service.filter(|s| !s.is_empty()),
        orgnr: query.orgnr.filter(|s| !s.is_empty()),
        assigned,
        submitted_before_ms: query
            .overdue
            .unwrap_or(false)
            .then(|| working_days::oslo_midnight_ms(working_days::overdue_before(today))),
        search: query.q,
        oldest_first: query.order.as_deref() == Some("oldest"),
        after,
        limit,
    })
}

#[utoipa::path(get, path = "/staff/orders", tag = "customer centre", params(QueueQuery), responses((status = 200, description = "The customer centre's queue, filtered, a page at a time", body = QueuePage), Errors), security(("staff" = [])))]
async fn queue(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<StaffUser>,
    Query(query): Query<QueueQuery>,
) -> Result<Json<QueuePage>, ApiError> {
    let today = working_days::oslo_date(now_ms());
    let filter = filter_of(query, &user, lang, today, PAGE + 1)?;
    let mut rows = cases::queue(&state.db, &filter).await?;
    let more = rows.len() as i64 > PAGE;
    rows.truncate(PAGE as usize);
    let next = more
        .then(|| rows.last().map(|r| r.id.to_string()))
        .flatten();
    let items = rows
        .into_iter()
        .map(|r| queue_item(r, today))
        .collect::<Result<_, _>>()?;
    Ok(Json(QueuePage { items, next }))
}

/// At most this many rows in one export.
const EXPORT_MAX: i64 = 100_000;

/// The filtered queue as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads æøå),
/// `;` between fields (as Norwegian Excel expects), no fødselsnummer (the queue has none).
#[utoipa::path(get, path = "/staff/export", tag = "customer centre", params(QueueQuery), responses((status = 200, description = "The filtered queue as CSV for Excel", body = String, content_type = "text/csv; charset=utf-8"), Errors), security(("staff" = [])))]
async fn export(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<StaffUser>,
    RawQuery(raw_query): RawQuery,
    Query(query): Query<QueueQuery>,
) -> Result<Response, ApiError> {
    let today = working_days::oslo_date(now_ms());
    let filter = filter_of(query, &user, lang, today, EXPORT_MAX)?;
    let items: Vec<QueueItem> = cases::queue(&state.db, &filter)
        .await?
        .into_iter()
        .map(|r| queue_item(r, today))
        .collect::<Result<_, _>>()?;
    let bytes = crate::csv_export::queue(&items, lang)?;
    // What was exported, in the audit log: the filters, not the rows.
    let filters = raw_query.as_deref().unwrap_or("");
    cases::record_action(
        &state.db,
        &user.actor(),
        "exported",
        &format!("{} rader; {filters}", items.len()),
    )
    .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"bestillinger.csv\"",
            ),
        ],
        bytes,
    )
        .into_response())
}

fn queue_item(row: QueueRow, today: jiff::civil::Date) -> Result<QueueItem, ApiError> {
    let status = OrderStatus::parse(&row.status).ok_or(ApiError::broken("a stored status"))?;
    let submitted = working_days::oslo_date(row.submitted_at_ms);
    let open = !matches!(status, OrderStatus::Fullfort | OrderStatus::Avvist);
    Ok(QueueItem {
        reference: row.reference,
        service: row.service,
        orgnr: row.orgnr,
        org_name: row.org_name,
        status,
        submitted_at: oslo_time::date_and_time(row.submitted_at_ms),
        age_working_days: working_days::between(submitted, today),
        answer_time: open.then(|| working_days::answer_time(submitted, today)),
        assigned_to: row.assigned_name,
    })
}

#[utoipa::path(get, path = "/staff/orders/{reference}", tag = "customer centre", params(("reference" = String, Path, description = "The order's reference, e.g. BP-7K3M-Q9TX")), responses((status = 200, description = "The case: the order, its history and what may be done", body = CaseView), Errors), security(("staff" = [])))]
async fn case(
    State(state): State<AppState>,
    Extension(user): Extension<StaffUser>,
    Path(reference): Path<String>,
) -> Result<Json<CaseView>, ApiError> {
    let cases::CaseRow {
        row,
        ordered_by_name: ordered_by,
        answers_json,
    } = cases::case(&state.db, &reference)
        .await?
        .ok_or(ApiError::NotFound)?;
    let order_id = row.id;
    // Reading a case with personal data is itself an entry of the audit log.
    let mut conn = state.db.acquire().await?;
    cases::record(&mut conn, order_id, &user.actor(), "viewed", "").await?;
    drop(conn);
    let history = cases::history(&state.db, order_id)
        .await?
        .into_iter()
        .map(cases::EventRow::shown)
        .collect();
    let answers: common::form::RawForm = serde_json::from_str(&answers_json)?;
    let servicebus = servicebus_view(&state, order_id, &row.service, &answers).await?;
    // The case is worth reading without the registry: it says so rather than failing.
    let registry = state
        .registry
        .customer_info(&row.orgnr)
        .await
        .unwrap_or_else(|e| {
            tracing::warn!(error = %e, "the case page has no registry data");
            None
        });
    let documents = crate::evidence::documents(&state.db, Of::Order(&reference)).await?;
    Ok(Json(CaseView {
        item: queue_item(row, working_days::oslo_date(now_ms()))?,
        ordered_by,
        answers,
        history,
        servicebus,
        registry,
        documents,
    }))
}

/// The order's signed package, exactly as sealed.
#[utoipa::path(get, path = "/staff/orders/{reference}/signed.pdf", tag = "customer centre", params(("reference" = String, Path, description = "The order's reference, e.g. BP-7K3M-Q9TX")), responses((status = 200, description = "The order's signed document package", body = [u8], content_type = "application/pdf"), Errors), security(("staff" = [])))]
async fn signed_package(
    State(state): State<AppState>,
    Extension(user): Extension<StaffUser>,
    Path(reference): Path<String>,
) -> Result<Response, ApiError> {
    let order_id = crate::db::orders::id_of(&state.db, &reference)
        .await?
        .ok_or(ApiError::NotFound)?;
    let pdf = crate::db::signings::package_pdf(&state.db, &reference)
        .await?
        .ok_or(ApiError::NotFound)?;
    downloaded(&state, order_id, &user, "signert-dokument.pdf").await?;
    Ok(download::pdf(
        Disposition::Attachment,
        &format!("signert-{reference}.pdf"),
        pdf,
    ))
}

/// An attachment sent with the order.
#[utoipa::path(get, path = "/staff/orders/{reference}/attachments/{id}", tag = "customer centre", params(("reference" = String, Path, description = "The order's reference"), ("id" = String, Path, description = "The attachment's id")), responses((status = 200, description = "An attachment of the order", body = [u8], content_type = "application/pdf"), Errors), security(("staff" = [])))]
async fn attachment(
    State(state): State<AppState>,
    Extension(user): Extension<StaffUser>,
    Path((reference, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let order_id = crate::db::orders::id_of(&state.db, &reference)
        .await?
        .ok_or(ApiError::NotFound)?;
    let (name, bytes) = crate::db::attachments::of_order(&state.db, &id, &reference)
        .await?
        .ok_or(ApiError::NotFound)?;
    downloaded(&state, order_id, &user, &name).await?;
    Ok(download::pdf(Disposition::Attachment, &name, bytes))
}

/// A download is a staff action on personal data: it goes in the audit log.
async fn downloaded(
    state: &AppState,
    order_id: i64,
    user: &StaffUser,
    file: &str,
) -> Result<(), ApiError> {
    let mut conn = state.db.acquire().await?;
    cases::record(&mut conn, order_id, &user.actor(), "downloaded", file).await?;
    Ok(())
}

/// Where the order's ServiceBus activation stands, when it asked for one.
async fn servicebus_view(
    state: &AppState,
    order_id: i64,
    service: &str,
    answers: &common::form::RawForm,
) -> Result<Option<ServiceBusView>, ApiError> {
    let Some(asked) = common::services::by_slug(service).and_then(|s| s.servicebus_for(answers))
    else {
        return Ok(None);
    };
    let activated = crate::db::servicebus::of_order(&state.db, order_id)
        .await?
        .map(|a| ServiceBusDone {
            username: a.username,
            at: oslo_time::date_and_time(a.activated_at_ms),
            by: a.activated_by_name,
        });
    Ok(Some(ServiceBusView {
        email: answers.one(asked.email).to_owned(),
        mobile: answers.one(asked.mobile).to_owned(),
        activated,
    }))
}

#[utoipa::path(post, path = "/staff/orders/{reference}/take", tag = "customer centre", params(("reference" = String, Path, description = "The order's reference, e.g. BP-7K3M-Q9TX")), responses((status = 204, description = "The case is the caller's"), Errors), security(("staff" = [])))]
async fn take(
    State(state): State<AppState>,
    Extension(user): Extension<StaffUser>,
    Path(reference): Path<String>,
) -> Result<StatusCode, ApiError> {
    let mut tx = state.db.begin().await?;
    let order_id = cases::assign(&mut tx, &reference, &user.actor())
        .await?
        .ok_or(ApiError::NotFound)?;
    cases::record(&mut tx, order_id, &user.actor(), "taken", "").await?;
    tx.commit().await?;
    // Taking a new case starts its handling; one already further along keeps its status.
    match move_order(
        &state.db,
        &reference,
        OrderStatus::Mottatt,
        OrderStatus::UnderBehandling,
        None,
        &user.actor(),
    )
    .await?
    {
        Ok(()) | Err(MoveRefused::MovedMeanwhile(_)) => Ok(StatusCode::NO_CONTENT),
        Err(_) => Err(ApiError::NotFound),
    }
}

#[utoipa::path(post, path = "/staff/orders/{reference}/status", tag = "customer centre", params(("reference" = String, Path, description = "The order's reference, e.g. BP-7K3M-Q9TX")), request_body = MoveStatus, responses((status = 204, description = "Moved"), Errors), security(("staff" = [])))]
async fn move_status(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<StaffUser>,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<MoveStatus>,
) -> Result<StatusCode, ApiError> {
    match move_order(
        &state.db,
        &reference,
        body.from,
        body.to,
        body.reason.as_deref(),
        &user.actor(),
    )
    .await?
    {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(MoveRefused::NoSuchOrder) => Err(ApiError::NotFound),
        Err(MoveRefused::ReasonMissing(_)) => {
            Err(ApiError::field("reason", FieldError::Required, lang))
        }
        Err(MoveRefused::NotAllowed { .. } | MoveRefused::MovedMeanwhile(_)) => {
            Err(ApiError::field("to", FieldError::UnknownChoice, lang))
        }
        Err(MoveRefused::ServiceBusFirst) => {
            Err(ApiError::field("to", FieldError::ServiceBusFirst, lang))
        }
    }
}

#[utoipa::path(post, path = "/staff/orders/{reference}/notes", tag = "customer centre", params(("reference" = String, Path, description = "The order's reference, e.g. BP-7K3M-Q9TX")), request_body = CaseText, responses((status = 204, description = "Noted"), Errors), security(("staff" = [])))]
async fn add_note(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<StaffUser>,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<CaseText>,
) -> Result<StatusCode, ApiError> {
    let text = conversation::text_of(&body, lang)?;
    match conversation::note(&state.db, &reference, &user.actor(), &text).await? {
        true => Ok(StatusCode::NO_CONTENT),
        false => Err(ApiError::NotFound),
    }
}

#[utoipa::path(post, path = "/staff/orders/{reference}/reply", tag = "customer centre", params(("reference" = String, Path, description = "The order's reference, e.g. BP-7K3M-Q9TX")), request_body = CaseText, responses((status = 204, description = "Asked the customer"), Errors), security(("staff" = [])))]
async fn reply(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<StaffUser>,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<CaseText>,
) -> Result<StatusCode, ApiError> {
    let text = conversation::text_of(&body, lang)?;
    let sent = conversation::reply(&state.db, &reference, &user.actor(), &text).await?;
    if sent {
        state.outbox.wake();
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::NotFound)
    }
}

#[utoipa::path(post, path = "/staff/orders/{reference}/servicebus", tag = "customer centre", params(("reference" = String, Path, description = "The order's reference, e.g. BP-7K3M-Q9TX")), responses((status = 204, description = "ServiceBus access created; the password goes by SMS"), Errors), security(("staff" = [])))]
async fn activate_servicebus(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<StaffUser>,
    Path(reference): Path<String>,
) -> Result<StatusCode, ApiError> {
    let refused = |e| Err(ApiError::field("servicebus", e, lang));
    match servicebus::activate(&state.db, &reference, &user.actor()).await? {
        Ok(_username) => {
            state.outbox.wake();
            Ok(StatusCode::NO_CONTENT)
        }
        Err(ActivationRefused::NoSuchOrder) => Err(ApiError::NotFound),
        Err(ActivationRefused::NotOrdered) => refused(FieldError::ServiceBusNotOrdered),
        Err(ActivationRefused::AlreadyActivated) => refused(FieldError::ServiceBusActivatedAlready),
        Err(ActivationRefused::NotInHandling(_)) => refused(FieldError::CaseNotInHandling),
    }
}
