//! The only place that talks HTTP. Every call sends the user's language and reads the
//! session's new expiry from the response headers, so the countdown follows the server.

use common::api::staff::{
    AssignCase, AuditEntry, CaseEvent, CaseNumbers, CaseText, CaseView, MoveStatus, QueuePage,
    StaffMe, StaffMember, StaffTestLogin,
};
use common::api::{
    AccessDecision, AccessRequest, AccessRequests, ChooseOrganisation, CodeChannel,
    CodeDestinations, CustomerInfo, DocumentText, Draft, ErrorBody, ErrorCode, FieldErrorBody,
    ForgotPassword, HelseIdProgress, LogoutResponse, MailboxEntry, Me, MyOrganisations,
    NewAccessRequest, OrderSummary, OrgDocuments, OrganisationChoice, PasswordLogin,
    PriorAcceptance, ReadinessItem, Receipt, ResetPassword, SendCode, ServiceStatus, SessionInfo,
    SetReadiness, SigningStarted, SigningState, SubmitOrder, TestLoginRequest, Uploaded,
    VerifyCode,
};
use common::session::{SessionClock, SessionPolicy};
use common::{Lang, ValidationErrors};
use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use wasm_bindgen::JsValue;

use crate::session::{client_now_ms, clock};

/// Parses a response body with the browser's own JSON parser: serde_json would add tens
/// of kilobytes to the bundle for work the browser already does. 204 (no body) is `null`.
async fn parse_json(response: &Response) -> Result<JsValue, ()> {
    let text = response.text().await.map_err(|_| ())?;
    if text.is_empty() {
        Ok(JsValue::NULL)
    } else {
        js_sys::JSON::parse(&text).map_err(|_| ())
    }
}

/// Serialises a request body with the browser's `JSON.stringify` (maps as objects).
pub(crate) fn to_json<B: Serialize>(body: &B) -> Option<String> {
    let value = body
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()?;
    js_sys::JSON::stringify(&value).ok().map(String::from)
}

/// A query string of the pairs with a value, each percent-encoded by the browser.
pub(crate) fn to_query(pairs: &[(&str, String)]) -> String {
    pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{key}={}", js_sys::encode_uri_component(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// Why a call did not give what was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiClientError {
    /// The server could not be reached.
    Network,
    /// The input was refused: field errors to show.
    Rejected(ValidationErrors),
    /// Not logged in.
    Unauthenticated,
    /// The session ran out.
    Expired,
    NotFound,
    /// 403: not this user's to see or do.
    Forbidden,
    /// 429: too many failed attempts; wait.
    TooManyAttempts,
    /// Anything else the server refused or failed at.
    Server,
}

/// The API client, in context; `Copy` because it only holds signals.
#[derive(Clone, Copy)]
pub struct Api {
    lang: RwSignal<Lang>,
    /// The session's clock, updated by every response that carries it.
    pub clock: RwSignal<Option<SessionClock>>,
    /// The server's session policy (lifetime, warning lead).
    pub policy: RwSignal<SessionPolicy>,
    /// This device's clock, ticking once a second (see `start_ticking`).
    now: RwSignal<i64>,
    /// The other tabs of this portal (see `crate::session::TabSync`).
    tabs: crate::session::TabSync,
}

pub fn use_api() -> Api {
    expect_context::<Api>()
}

impl Api {
    pub fn new(lang: RwSignal<Lang>) -> Self {
        Api {
            lang,
            clock: RwSignal::new(None),
            policy: RwSignal::new(SessionPolicy::default()),
            now: RwSignal::new(client_now_ms()),
            tabs: crate::session::TabSync::default(),
        }
    }

    /// Listens to the other tabs: a new expiry there (activity, "Forleng økten") is the
    /// expiry here; a logout there logs this tab out too.
    pub fn start_tab_sync(&self) {
        let clock = self.clock;
        self.tabs.listen(move |message| match message {
            crate::session::TabMessage::Clock {
                expires_at_ms,
                server_now_ms,
            } => clock.set(Some(crate::session::clock(expires_at_ms, server_now_ms))),
            crate::session::TabMessage::LoggedOut => {
                clock.set(None);
                let _ = window().location().reload();
            }
        });
    }

    fn set_clock(&self, expires_at_ms: i64, server_now_ms: i64) {
        // Most answers repeat the expiry (the server renews in steps): only news is sent on.
        let moved = self
            .clock
            .with_untracked(|c| c.map(|c| c.expires_at_ms) != Some(expires_at_ms));
        self.clock.set(Some(clock(expires_at_ms, server_now_ms)));
        if moved {
            self.tabs.send(&crate::session::TabMessage::Clock {
                expires_at_ms,
                server_now_ms,
            });
        }
    }

    fn prepare(&self, builder: RequestBuilder) -> RequestBuilder {
        builder.header("Accept-Language", self.lang.get_untracked().tag())
    }

    async fn send<T: DeserializeOwned>(
        &self,
        request: Result<Request, gloo_net::Error>,
    ) -> Result<T, ApiClientError> {
        let body = self.exchange(request).await?;
        serde_wasm_bindgen::from_value(body).map_err(|_| ApiClientError::Server)
    }

    /// Sends the request and answers the body of a success, parsed by the browser. Not
    /// generic, so the error path below is in the bundle once (generic, it was 24 copies).
    async fn exchange(
        &self,
        request: Result<Request, gloo_net::Error>,
    ) -> Result<JsValue, ApiClientError> {
        let response = request
            .map_err(|_| ApiClientError::Network)?
            .send()
            .await
            .map_err(|_| ApiClientError::Network)?;
        self.note_session(&response);
        if response.ok() {
            return parse_json(&response)
                .await
                .map_err(|_| ApiClientError::Server);
        }
        let body: Option<ErrorBody> = parse_json(&response)
            .await
            .ok()
            .and_then(|v| serde_wasm_bindgen::from_value(v).ok());
        Err(match body.map(|b| (b.error, b.fields)) {
            Some((ErrorCode::Validation, fields)) => rejected(fields),
            // A login attempt told to wait names its field: shown there, like a refusal.
            Some((ErrorCode::TooManyAttempts, fields)) if !fields.is_empty() => rejected(fields),
            Some((ErrorCode::SessionExpired, _)) => {
                self.clock.set(None);
                ApiClientError::Expired
            }
            Some((ErrorCode::Unauthenticated, _)) => ApiClientError::Unauthenticated,
            Some((ErrorCode::NotFound, _)) => ApiClientError::NotFound,
            Some((ErrorCode::Forbidden, _)) => ApiClientError::Forbidden,
            Some((ErrorCode::TooManyAttempts, _)) => ApiClientError::TooManyAttempts,
            _ => ApiClientError::Server,
        })
    }

    fn note_session(&self, response: &Response) {
        let header = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.parse::<i64>().ok())
        };
        if let (Some(expires), Some(now)) = (header("x-session-expires-at"), header("x-server-now"))
        {
            self.set_clock(expires, now);
        }
    }

    fn note_info(&self, info: &SessionInfo) {
        self.set_clock(info.expires_at_ms, info.server_now_ms);
        self.policy.set(info.policy);
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiClientError> {
        self.send(self.prepare(Request::get(path)).build()).await
    }

    async fn post<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiClientError> {
        self.send_json(Request::post(path), body).await
    }

    async fn send_json<B: Serialize, T: DeserializeOwned>(
        &self,
        builder: RequestBuilder,
        body: &B,
    ) -> Result<T, ApiClientError> {
        let json = to_json(body).ok_or(ApiClientError::Server)?;
        self.send(
            self.prepare(builder)
                .header("Content-Type", "application/json")
                .body(json),
        )
        .await
    }

    /// Customer portal: username and password; where the code can go.
    pub async fn password_login(
        &self,
        body: &PasswordLogin,
    ) -> Result<CodeDestinations, ApiClientError> {
        self.post("/api/auth/password", body).await
    }

    /// The login this browser has past the password (posted as a form), to go on with.
    pub async fn pending_login(&self) -> Result<CodeDestinations, ApiClientError> {
        self.get("/api/auth/pending").await
    }

    pub async fn send_code(&self, channel: CodeChannel) -> Result<(), ApiClientError> {
        self.post("/api/auth/code", &SendCode { channel }).await
    }

    /// "Bekreft kode": the right code starts the session.
    pub async fn verify_code(&self, code: String) -> Result<Me, ApiClientError> {
        let me: Me = self
            .post("/api/auth/code/verify", &VerifyCode { code })
            .await?;
        self.note_info(&me.session);
        Ok(me)
    }

    pub async fn forgot_password(&self, username: String) -> Result<(), ApiClientError> {
        self.post("/api/auth/forgot", &ForgotPassword { username })
            .await
    }

    pub async fn reset_password(
        &self,
        token: String,
        password: String,
    ) -> Result<(), ApiClientError> {
        self.post("/api/auth/reset", &ResetPassword { token, password })
            .await
    }

    pub async fn my_organisations(&self) -> Result<MyOrganisations, ApiClientError> {
        self.get("/api/organisations").await
    }

    /// "Bytt virksomhet".
    pub async fn switch_organisation(
        &self,
        orgnr: String,
    ) -> Result<MyOrganisations, ApiClientError> {
        self.send_json(
            Request::put("/api/session/organisation"),
            &ChooseOrganisation { orgnr },
        )
        .await
    }

    pub async fn organisation_services(
        &self,
        orgnr: &str,
    ) -> Result<Vec<ServiceStatus>, ApiClientError> {
        self.get(&format!("/api/organisations/{orgnr}/services"))
            .await
    }

    /// The unit's communication parties in Adresseregisteret, to pick HER-ids from.
    pub async fn unit_parties(
        &self,
        orgnr: &str,
    ) -> Result<common::api::register::UnitParties, ApiClientError> {
        self.get(&format!("/api/organisations/{orgnr}/parties"))
            .await
    }

    /// Kundeinformasjon's Grunndata: the unit in Adresseregisteret, its onboarding steps.
    pub async fn grunndata(
        &self,
        orgnr: &str,
    ) -> Result<common::api::register::Grunndata, ApiClientError> {
        self.get(&format!("/api/organisations/{orgnr}/grunndata"))
            .await
    }

    /// One HER-id as Adresseregisteret knows it.
    pub async fn her_id_lookup(
        &self,
        orgnr: &str,
        her_id: u32,
    ) -> Result<common::api::register::HerIdLookup, ApiClientError> {
        self.get(&format!("/api/organisations/{orgnr}/parties/{her_id}"))
            .await
    }

    pub async fn organisation_orders(
        &self,
        orgnr: &str,
    ) -> Result<Vec<OrderSummary>, ApiClientError> {
        self.get(&format!("/api/organisations/{orgnr}/orders"))
            .await
    }

    /// Sends a file as it is (the server decides whether it is a PDF).
    pub async fn upload(&self, file: &web_sys::File) -> Result<Uploaded, ApiClientError> {
        let name = String::from(js_sys::encode_uri_component(&file.name()));
        self.send(
            self.prepare(Request::post("/api/attachments"))
                .header("Content-Type", "application/octet-stream")
                .header("X-File-Name", &name)
                .body(JsValue::from(file.clone())),
        )
        .await
    }

    pub async fn customer_info(&self, orgnr: &str) -> Result<CustomerInfo, ApiClientError> {
        self.get(&format!("/api/organisations/{orgnr}/customer"))
            .await
    }

    pub async fn org_documents(&self, orgnr: &str) -> Result<OrgDocuments, ApiClientError> {
        self.get(&format!("/api/organisations/{orgnr}/documents"))
            .await
    }

    pub async fn readiness(&self, orgnr: &str) -> Result<Vec<ReadinessItem>, ApiClientError> {
        self.get(&format!("/api/organisations/{orgnr}/readiness"))
            .await
    }

    pub async fn set_readiness(
        &self,
        orgnr: &str,
        body: &SetReadiness,
    ) -> Result<Vec<ReadinessItem>, ApiClientError> {
        self.send_json(
            Request::put(&format!("/api/organisations/{orgnr}/readiness")),
            body,
        )
        .await
    }

    pub async fn helseid_progress(
        &self,
        orgnr: &str,
    ) -> Result<Vec<HelseIdProgress>, ApiClientError> {
        self.get(&format!("/api/organisations/{orgnr}/helseid"))
            .await
    }

    pub async fn tilgangsstyrere(&self, orgnr: &str) -> Result<Vec<String>, ApiClientError> {
        self.get(&format!("/api/organisations/{orgnr}/tilgangsstyrere"))
            .await
    }

    pub async fn access_requests(&self, orgnr: &str) -> Result<AccessRequests, ApiClientError> {
        self.get(&format!("/api/organisations/{orgnr}/access-requests"))
            .await
    }

    pub async fn request_access(
        &self,
        body: &NewAccessRequest,
    ) -> Result<AccessRequest, ApiClientError> {
        self.post("/api/access-requests", body).await
    }

    pub async fn decide_access(
        &self,
        id: i64,
        approve: bool,
    ) -> Result<AccessRequest, ApiClientError> {
        self.post(
            &format!("/api/access-requests/{id}/decision"),
            &AccessDecision { approve },
        )
        .await
    }

    pub async fn prior_acceptances(
        &self,
        orgnr: &str,
    ) -> Result<Vec<PriorAcceptance>, ApiClientError> {
        self.get(&format!("/api/organisations/{orgnr}/acceptances"))
            .await
    }

    pub async fn me(&self) -> Result<Me, ApiClientError> {
        let me: Me = self.get("/api/me").await?;
        self.note_info(&me.session);
        Ok(me)
    }

    pub async fn test_login(&self, body: &TestLoginRequest) -> Result<Me, ApiClientError> {
        let me: Me = self.post("/api/auth/test-login", body).await?;
        self.note_info(&me.session);
        Ok(me)
    }

    /// Starts the one clock that the countdown and the warning both read.
    pub fn start_ticking(&self) {
        let now = self.now;
        if let Ok(handle) = set_interval_with_handle(
            move || now.set(client_now_ms()),
            std::time::Duration::from_secs(1),
        ) {
            on_cleanup(move || handle.clear());
        }
    }

    /// The session's remaining time by the server's clock, reactive; `None` without a session.
    pub fn remaining_ms(&self) -> Option<i64> {
        let now = self.now.get();
        self.clock.get().map(|c| c.remaining_ms(now))
    }

    /// Logs out; after an ID-porten login the browser goes on to end that session too.
    /// `Ok(true)`: the browser is leaving for ID-porten.
    pub async fn leave(&self) -> Result<bool, ApiClientError> {
        let response = self.logout().await?;
        match response.end_session_url {
            Some(url) => Ok(window().location().set_href(&url).is_ok()),
            None => Ok(false),
        }
    }

    /// "Forleng økten": renews the session on the server; the new expiry updates the clock.
    pub async fn extend_session(&self) -> Result<SessionInfo, ApiClientError> {
        let info: SessionInfo = self.post("/api/session/extend", &()).await?;
        self.note_info(&info);
        Ok(info)
    }

    pub async fn logout(&self) -> Result<LogoutResponse, ApiClientError> {
        let result = self.post("/api/auth/logout", &()).await;
        self.clock.set(None);
        self.tabs.send(&crate::session::TabMessage::LoggedOut);
        result
    }

    /// The newest draft of a service, if any.
    pub async fn draft(&self, service: &str) -> Result<Option<Draft>, ApiClientError> {
        match self.get(&format!("/api/drafts/{service}")).await {
            Ok(draft) => Ok(Some(draft)),
            Err(ApiClientError::NotFound) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Saves the draft; the server answers with the idempotency key every tab must use.
    pub async fn save_draft(&self, service: &str, draft: &Draft) -> Result<Draft, ApiClientError> {
        self.send_json(Request::put(&format!("/api/drafts/{service}")), draft)
            .await
    }

    pub async fn organisation(&self, orgnr: &str) -> Result<OrganisationChoice, ApiClientError> {
        self.get(&format!("/api/organisations/{orgnr}")).await
    }

    pub async fn validate_order(&self, order: &SubmitOrder) -> Result<(), ApiClientError> {
        self.post("/api/orders/validate", order).await
    }

    pub async fn submit_order(&self, order: &SubmitOrder) -> Result<Receipt, ApiClientError> {
        self.post("/api/orders", order).await
    }

    // The customer centre (`/api/staff`): its own session cookie, sent there only.
    pub async fn staff_test_login(&self, body: &StaffTestLogin) -> Result<(), ApiClientError> {
        self.post("/api/staff/test-login", body).await
    }

    pub async fn staff_me(&self) -> Result<StaffMe, ApiClientError> {
        self.get("/api/staff/me").await
    }

    pub async fn staff_members(&self) -> Result<Vec<StaffMember>, ApiClientError> {
        self.get("/api/staff/members").await
    }

    pub async fn staff_assign(&self, reference: &str, to: String) -> Result<(), ApiClientError> {
        self.post(
            &format!("/api/staff/orders/{reference}/assign"),
            &AssignCase { to },
        )
        .await
    }

    pub async fn staff_audit(&self) -> Result<Vec<AuditEntry>, ApiClientError> {
        self.get("/api/staff/audit").await
    }

    /// The leder's numbers; `query` is `from=…&to=…`.
    pub async fn staff_numbers(&self, query: &str) -> Result<CaseNumbers, ApiClientError> {
        self.get(&format!("/api/staff/numbers?{query}")).await
    }

    /// The queue; `query` is the URL's query string as the page built it.
    pub async fn staff_queue(&self, query: &str) -> Result<QueuePage, ApiClientError> {
        self.get(&format!("/api/staff/orders?{query}")).await
    }

    pub async fn staff_case(&self, reference: &str) -> Result<CaseView, ApiClientError> {
        self.get(&format!("/api/staff/orders/{reference}")).await
    }

    /// An action on the case without a body: "take", "servicebus" (activate it).
    pub async fn staff_action(&self, reference: &str, action: &str) -> Result<(), ApiClientError> {
        self.post(&format!("/api/staff/orders/{reference}/{action}"), &())
            .await
    }

    pub async fn staff_move(
        &self,
        reference: &str,
        body: &MoveStatus,
    ) -> Result<(), ApiClientError> {
        self.post(&format!("/api/staff/orders/{reference}/status"), body)
            .await
    }

    /// A note or a reply (`kind`: "notes" or "reply") to the case.
    pub async fn staff_text(
        &self,
        reference: &str,
        kind: &str,
        text: String,
    ) -> Result<(), ApiClientError> {
        self.post(
            &format!("/api/staff/orders/{reference}/{kind}"),
            &CaseText { text },
        )
        .await
    }

    /// What the customer centre said about the user's order, and their answers.
    pub async fn conversation(&self, reference: &str) -> Result<Vec<CaseEvent>, ApiClientError> {
        self.get(&format!("/api/orders/{reference}/conversation"))
            .await
    }

    pub async fn answer_order(&self, reference: &str, text: String) -> Result<(), ApiClientError> {
        self.post(
            &format!("/api/orders/{reference}/answer"),
            &CaseText { text },
        )
        .await
    }

    pub async fn mailbox(&self) -> Result<Vec<MailboxEntry>, ApiClientError> {
        self.get("/api/dev/mailbox").await
    }

    pub async fn receipt(&self, reference: &str) -> Result<Receipt, ApiClientError> {
        self.get(&format!("/api/orders/{reference}")).await
    }

    /// "Signer dokument": the order checked and kept; where the signer logs in.
    pub async fn start_signing(
        &self,
        order: &SubmitOrder,
    ) -> Result<SigningStarted, ApiClientError> {
        self.post("/api/signing", order).await
    }

    pub async fn signing(&self, id: &str) -> Result<SigningState, ApiClientError> {
        self.get(&format!("/api/signing/{id}")).await
    }

    /// The built-in test identity provider's signing (no ID-porten configured).
    pub async fn test_sign(
        &self,
        id: &str,
        body: &TestLoginRequest,
    ) -> Result<SigningState, ApiClientError> {
        self.post(&format!("/api/signing/{id}/test-sign"), body)
            .await
    }

    pub async fn document_text(&self, id: &str) -> Result<DocumentText, ApiClientError> {
        self.get(&format!("/api/documents/{id}")).await
    }
}

/// The field errors of an error body, as the form shows them.
fn rejected(fields: BTreeMap<String, FieldErrorBody>) -> ApiClientError {
    ApiClientError::Rejected(ValidationErrors(
        fields.into_iter().map(|(k, v)| (k, v.error)).collect(),
    ))
}
