//! The customer centre's API (`/api/staff/*`): the queue, a case, and what staff do to it.

use serde::{Deserialize, Serialize};

use crate::OrderStatus;
use crate::api::{CustomerInfo, OrgDocuments};
use crate::form::RawForm;

/// `POST /api/staff/test-login`: the built-in test staff login (development only).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffTestLogin {
    pub name: String,
    /// "saksbehandler" or "leder".
    pub role: String,
}

/// `GET /api/staff/me`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffMe {
    pub name: String,
    pub role: String,
}

/// Where a case stands against the 2-working-day answer time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AnswerTime {
    OnTime,
    /// Due today: the last working day of the answer time.
    AtRisk,
    Overdue,
}

/// `GET /api/staff/orders`: one row of the queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueItem {
    pub reference: String,
    pub service: String,
    pub orgnr: String,
    pub org_name: String,
    pub status: OrderStatus,
    pub submitted_at: String,
    /// Working days since it was submitted (weekends and public holidays not counted).
    pub age_working_days: i64,
    /// `None` once the case is Fullført or Avvist.
    pub answer_time: Option<AnswerTime>,
    pub assigned_to: Option<String>,
}

/// A page of the queue, and the cursor of the next (keyset paging).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueuePage {
    pub items: Vec<QueueItem>,
    pub next: Option<String>,
}

/// `GET /api/staff/orders/{reference}`: a case as the customer centre works it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseView {
    pub item: QueueItem,
    pub ordered_by: String,
    pub answers: RawForm,
    pub history: Vec<CaseEvent>,
    /// `Some` when the order asked for ServiceBus to be activated.
    pub servicebus: Option<ServiceBusView>,
    /// The organisation as Enhetsregisteret has it now; `None` when the registry does not
    /// answer or no longer knows the unit.
    pub registry: Option<CustomerInfo>,
    /// The order's acceptance evidence, signed package and attachments; the files at
    /// `/api/staff/orders/{reference}/signed.pdf` and `…/attachments/{id}`.
    pub documents: OrgDocuments,
}

/// Where a case's ServiceBus activation stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceBusView {
    /// Gets the username by e-mail.
    pub email: String,
    /// Gets the password by SMS.
    pub mobile: String,
    pub activated: Option<ServiceBusDone>,
}

/// A ServiceBus activation made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceBusDone {
    pub username: String,
    pub at: String,
    pub by: String,
}

/// One entry of a case's history (and of the audit log).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseEvent {
    pub at: String,
    pub by: String,
    pub kind: String,
    pub detail: String,
}

/// `POST /api/staff/orders/{reference}/status`: a move the handler saw as possible.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MoveStatus {
    pub from: OrderStatus,
    pub to: OrderStatus,
    #[serde(default)]
    pub reason: Option<String>,
}

/// `POST /api/staff/orders/{reference}/notes` and `/reply`, and the customer's
/// `POST /api/orders/{reference}/answer`: a text.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseText {
    pub text: String,
}

/// `GET /api/staff/audit` (leder): one staff action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// The case it concerns; `None` for an action on no single case (an export).
    pub reference: Option<String>,
    pub event: CaseEvent,
}

/// `POST /api/staff/orders/{reference}/assign` (leder): gives the case to a colleague.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssignCase {
    /// The colleague's subject, as `GET /api/staff/members` lists it.
    pub to: String,
}

/// `GET /api/staff/members` (leder): a colleague who can be given cases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffMember {
    pub subject: String,
    pub name: String,
}

/// `GET /api/staff/numbers?from=2026-11-01&to=2026-11-30` (leder): the orders submitted
/// in the period (both days included), per service, and how long they took.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseNumbers {
    pub from: String,
    pub to: String,
    /// One row per service that had orders in the period, in the catalogue's order.
    pub services: Vec<ServiceNumbers>,
    /// Every service together (`service` is empty).
    pub total: ServiceNumbers,
}

/// One service's orders in the period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceNumbers {
    pub service: String,
    pub orders: u64,
    /// How many stand at each status now, in `OrderStatus::ALL`'s order.
    pub by_status: Vec<(OrderStatus, u64)>,
    /// From submitted to the first answer the customer got (a reply, a question, a decision).
    pub first_answer: Durations,
    /// From submitted to Fullført.
    pub completed: Durations,
}

/// Durations in working days, over the cases that got that far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Durations {
    pub cases: u64,
    pub median: Option<f64>,
    pub p90: Option<f64>,
}
