//! What only a leder of the customer centre does (issue 15.1, 15.6, 15.8); everyone else
//! with a staff session gets 403.
//!
//! - `GET  /api/staff/members` — colleagues who have logged in, to assign cases to.
//! - `POST /api/staff/orders/{reference}/assign` — `{to}`: gives the case to a colleague.
//! - `GET  /api/staff/audit` — the audit log of staff actions, newest first.
//! - `GET  /api/staff/numbers?from=&to=` — orders per service and status submitted in the
//!   period (default: the last 30 days), with the median and 90th percentile of the working
//!   days to the first answer and to Fullført.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use common::FieldError;
use common::api::staff::{AssignCase, AuditEntry, CaseNumbers, StaffMember};
use serde::Deserialize;

use crate::db::cases::{self, Actor};
use crate::error::ApiError;
use crate::extract::{ApiJson, RequestLang};
use crate::staff::{self, Role, StaffUser};
use crate::state::AppState;
use crate::{case_numbers, now_ms, working_days};
use utoipa_axum::{router::OpenApiRouter, routes};

use super::openapi::Errors;

/// The period the numbers cover when none is asked for.
const DEFAULT_DAYS: i64 = 30;

/// The longest period the numbers cover in one request.
const MAX_DAYS: i32 = 3 * 366;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(members))
        .routes(routes!(assign))
        .routes(routes!(audit))
        .routes(routes!(numbers))
}

fn lead_only(user: &StaffUser) -> Result<(), ApiError> {
    match user.role {
        Role::Leder => Ok(()),
        Role::Saksbehandler => Err(ApiError::Forbidden),
    }
}

#[utoipa::path(get, path = "/staff/members", tag = "customer centre", responses((status = 200, description = "The customer centre's staff", body = Vec<StaffMember>), Errors), security(("staff" = [])))]
async fn members(
    State(state): State<AppState>,
    Extension(user): Extension<StaffUser>,
) -> Result<Json<Vec<StaffMember>>, ApiError> {
    lead_only(&user)?;
    Ok(Json(
        staff::members(&state.db)
            .await?
            .into_iter()
            .map(|m| StaffMember {
                subject: m.subject,
                name: m.name,
            })
            .collect(),
    ))
}

#[utoipa::path(post, path = "/staff/orders/{reference}/assign", tag = "customer centre", params(("reference" = String, Path, description = "The order's reference, e.g. BP-7K3M-Q9TX")), request_body = AssignCase, responses((status = 204, description = "Assigned"), Errors), security(("staff" = [])))]
async fn assign(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<StaffUser>,
    Path(reference): Path<String>,
    ApiJson(body): ApiJson<AssignCase>,
) -> Result<StatusCode, ApiError> {
    lead_only(&user)?;
    let member = staff::members(&state.db)
        .await?
        .into_iter()
        .find(|m| m.subject == body.to)
        .ok_or(ApiError::field("to", FieldError::UnknownChoice, lang))?;
    let to = Actor {
        subject: &member.subject,
        name: &member.name,
    };
    let mut tx = state.db.begin().await?;
    let order_id = cases::assign(&mut tx, &reference, &to)
        .await?
        .ok_or(ApiError::NotFound)?;
    cases::record(&mut tx, order_id, &user.actor(), "assigned", &member.name).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/staff/audit", tag = "customer centre", responses((status = 200, description = "Who looked at or did what", body = Vec<AuditEntry>), Errors), security(("staff" = [])))]
async fn audit(
    State(state): State<AppState>,
    Extension(user): Extension<StaffUser>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    lead_only(&user)?;
    Ok(Json(
        cases::audit_log(&state.db, 500)
            .await?
            .into_iter()
            .map(|(reference, e)| AuditEntry {
                reference,
                event: e.shown(),
            })
            .collect(),
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct Period {
    from: Option<String>,
    to: Option<String>,
}

#[utoipa::path(get, path = "/staff/numbers", tag = "customer centre", params(Period), responses((status = 200, description = "The period's figures", body = CaseNumbers), Errors), security(("staff" = [])))]
async fn numbers(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    Extension(user): Extension<StaffUser>,
    Query(period): Query<Period>,
) -> Result<Json<CaseNumbers>, ApiError> {
    lead_only(&user)?;
    let today = working_days::oslo_date(now_ms());
    let date = |field: &'static str, given: Option<String>, default: jiff::civil::Date| match given
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => Ok(default),
        Some(text) => common::validate::Date::parse(text)
            .ok()
            .and_then(|d| d.to_string().parse::<jiff::civil::Date>().ok())
            .ok_or(ApiError::field(field, FieldError::BadDate, lang)),
    };
    let to = date("to", period.to, today)?;
    let from = date(
        "from",
        period.from,
        to.checked_sub(jiff::Span::new().days(DEFAULT_DAYS - 1))
            .unwrap_or(to),
    )?;
    if to < from {
        return Err(ApiError::field("to", FieldError::DateBeforeStart, lang));
    }
    if (to - from).get_days() > MAX_DAYS {
        return Err(ApiError::field("from", FieldError::BadDate, lang));
    }
    let end = to.tomorrow().unwrap_or(to);
    let timelines = cases::timelines(
        &state.db,
        working_days::oslo_midnight_ms(from),
        working_days::oslo_midnight_ms(end),
    )
    .await?;
    Ok(Json(case_numbers::numbers(&timelines, from, to)))
}
