//! The JSON API's request and response bodies, shared so the SPA and the server cannot
//! drift apart. Paths are documented at each handler in `server/src/routes`.

pub mod register;
pub mod staff;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::error::FieldError;
use crate::form::RawForm;
use crate::i18n::{Text, t};
use crate::session::SessionPolicy;

/// The electronic IDs offered by ID-porten (SPEC §1), in ID-porten's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Eid {
    Minid,
    Bankid,
    BankidMobil,
    BuypassSmartkort,
    BuypassMobil,
    Commfides,
}

impl Eid {
    pub const ALL: [Eid; 6] = [
        Eid::Minid,
        Eid::Bankid,
        Eid::BankidMobil,
        Eid::BuypassSmartkort,
        Eid::BuypassMobil,
        Eid::Commfides,
    ];

    pub fn label(self) -> Text {
        match self {
            Eid::Minid => t::EID_MINID,
            Eid::Bankid => t::EID_BANKID,
            Eid::BankidMobil => t::EID_BANKID_MOBIL,
            Eid::BuypassSmartkort => t::EID_BUYPASS_KORT,
            Eid::BuypassMobil => t::EID_BUYPASS_MOBIL,
            Eid::Commfides => t::EID_COMMFIDES,
        }
    }

    /// The stable wire name (also the form value).
    pub fn as_str(self) -> &'static str {
        match self {
            Eid::Minid => "minid",
            Eid::Bankid => "bankid",
            Eid::BankidMobil => "bankid_mobil",
            Eid::BuypassSmartkort => "buypass_smartkort",
            Eid::BuypassMobil => "buypass_mobil",
            Eid::Commfides => "commfides",
        }
    }

    pub fn parse_wire(s: &str) -> Option<Eid> {
        Eid::ALL.into_iter().find(|e| e.as_str() == s)
    }
}

/// How a login's eID, as the evidence stores it, reads to a person: "BankID på mobil",
/// or a portal account's password login; `None` for a code this build does not know.
pub fn eid_name(code: &str) -> Option<Text> {
    match code {
        "kundeportal" => Some(t::EID_ACCOUNT),
        code => Eid::parse_wire(code).map(Eid::label),
    }
}

/// A signature's method as stored (the eID's bokmål name, or ID-porten's own word such
/// as "Minid-PIN"), in `lang` where it is one of ours.
pub fn method_name(method: &str, lang: crate::Lang) -> String {
    Eid::ALL
        .into_iter()
        .find(|e| e.label().nb == method)
        .map_or_else(|| method.to_owned(), |e| e.label().get(lang).to_owned())
}

/// How a login's security level (ID-porten's `acr`) reads: "betydelig", "høyt"; the
/// built-in test login says it is not an ID-porten level.
pub fn level_name(acr: &str) -> Option<Text> {
    match acr {
        "idporten-loa-substantial" | "Level3" => Some(t::LEVEL_SUBSTANTIAL),
        "idporten-loa-high" | "Level4" => Some(t::LEVEL_HIGH),
        "testinnlogging" => Some(t::LEVEL_TEST),
        "" => Some(t::LEVEL_NONE),
        _ => None,
    }
}

/// The SPA's top-level pages a login may return to (`/` is the front page).
const RETURN_PAGES: &[&str] = &["", "skjema", "kundeportal", "kvittering"];

/// Where to go after login: one of the SPA's own pages, else the front page. The target
/// is read as a path of plain segments (letters, digits, `-`, `_`, `.`) under one of
/// `RETURN_PAGES`, with an optional query of plain `key=value` pairs — so nothing a
/// browser would read as another host (`//x`, `/\x`, a tab or newline it strips, `%2F`)
/// can pass, whatever prefix it starts with.
pub fn safe_return_path(target: Option<&str>) -> String {
    target
        .filter(|t| is_own_page(t))
        .map_or_else(|| "/".to_owned(), str::to_owned)
}

fn is_own_page(target: &str) -> bool {
    let plain = |s: &str| {
        !s.is_empty()
            && s != "."
            && s != ".."
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    };
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let Some(rest) = path.strip_prefix('/') else {
        return false;
    };
    let mut segments = rest.split('/');
    let first = segments.next().unwrap_or_default();
    let path_ok = if first.is_empty() {
        rest.is_empty()
    } else {
        RETURN_PAGES.contains(&first) && segments.all(plain)
    };
    let query_ok = query.is_empty()
        || query.split('&').all(|pair| {
            pair.split_once('=')
                .is_some_and(|(k, v)| plain(k) && (v.is_empty() || plain(v)))
        });
    path_ok && query_ok
}

/// `POST /api/auth/logout`: where to send the browser to end the ID-porten session too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LogoutResponse {
    pub end_session_url: Option<String>,
}

/// `POST /api/auth/test-login`: the built-in test identity provider's form.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TestLoginRequest {
    pub eid: String,
    pub fodselsnummer: String,
    pub name: String,
}

/// The session's remaining time, as the server sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    pub expires_at_ms: i64,
    pub server_now_ms: i64,
    pub policy: SessionPolicy,
}

/// `GET /api/me`: who is logged in. Carries no fødselsnummer: the SPA does not need it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub name: String,
    /// The eID of a person who logged in through ID-porten (or the test login); `None` for
    /// a customer-portal account (username, password and code), which cannot accept terms.
    pub eid: Option<Eid>,
    pub session: SessionInfo,
}

/// `POST /api/auth/password`: the customer portal's first step.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordLogin {
    pub username: String,
    pub password: String,
    /// "Husk meg": a longer session.
    #[serde(default)]
    pub remember: bool,
}

/// Where a security code can go, as the user may see it (masked).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeDestinations {
    /// "*** ** 567"
    pub sms: Option<String>,
    /// "k***@legekontor.no"
    pub email: Option<String>,
}

/// "Hvor ønsker du å motta sikkerhetskode?"
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CodeChannel {
    Sms,
    Email,
}

impl CodeChannel {
    pub fn label(self) -> Text {
        match self {
            CodeChannel::Sms => t::CODE_BY_SMS,
            CodeChannel::Email => t::CODE_BY_EMAIL,
        }
    }
}

/// `POST /api/auth/code`: send a code by this channel.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SendCode {
    pub channel: CodeChannel,
}

/// `POST /api/auth/code/verify`: "Bekreft kode".
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerifyCode {
    pub code: String,
}

/// `POST /api/auth/forgot`: "Glemt passordet?".
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ForgotPassword {
    pub username: String,
}

/// `POST /api/auth/reset`: a new password with the link's token.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResetPassword {
    pub token: String,
    pub password: String,
}

/// `GET /api/organisations`: the organisations the user acts for, and the one chosen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyOrganisations {
    pub current: Option<String>,
    pub organisations: Vec<OrganisationChoice>,
}

/// `PUT /api/session/organisation`: act for another of one's organisations.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChooseOrganisation {
    pub orgnr: String,
}

/// `GET /api/organisations/{orgnr}/services`: one service, and where the organisation
/// stands with it. Active once an order of it is Fullført (the customer centre has set it
/// up, ServiceBus activated where it was asked for); ordered while an order of it is in
/// handling (`OrderStatus::counts_for_the_organisation`, not yet Fullført).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ServiceStatus {
    pub slug: String,
    pub active: bool,
    pub ordered: bool,
}

impl ServiceStatus {
    /// Active, or on its way: a once-only service is not ordered again without a word.
    pub fn taken(&self) -> bool {
        self.active || self.ordered
    }
}

/// `GET /api/organisations/{orgnr}/orders`: one of the organisation's orders.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderSummary {
    pub reference: String,
    pub service: String,
    pub ordered_by: String,
    pub submitted_at: String,
    pub status: crate::OrderStatus,
    /// The user made this order, so its receipt is theirs to open again.
    pub mine: bool,
}

/// `GET /api/organisations/{orgnr}`: a unit from Enhetsregisteret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Organisation {
    pub orgnr: String,
    pub name: String,
}

impl Organisation {
    /// "NORSK HELSENETT SF (994598759)", as the seed shows it.
    pub fn display(&self) -> String {
        format!("{} ({})", self.name, self.orgnr)
    }
}

/// A role in Enhetsregisteret that gives authority to accept agreements for a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Authority {
    DagligLeder,
    Signatur,
    Prokura,
}

impl Authority {
    /// From a role type code of Enhetsregisteret (`DAGL`, `SIGN`, `SIFE`, `SIHV`, `PROK`, `POFE`, `POHV`).
    pub fn from_role_code(code: &str) -> Option<Authority> {
        match code {
            "DAGL" => Some(Authority::DagligLeder),
            "SIGN" | "SIFE" | "SIHV" => Some(Authority::Signatur),
            "PROK" | "POFE" | "POHV" => Some(Authority::Prokura),
            _ => None,
        }
    }

    /// Why the user may accept: "Du er daglig leder".
    pub fn reason(self) -> Text {
        match self {
            Authority::DagligLeder => Text::new(
                "Du er daglig leder.",
                "Du er dagleg leiar.",
                "You are the general manager.",
            ),
            Authority::Signatur => Text::new(
                "Du har signaturrett.",
                "Du har signaturrett.",
                "You have signing rights.",
            ),
            Authority::Prokura => Text::new(
                "Du har prokura.",
                "Du har prokura.",
                "You hold procuration.",
            ),
        }
    }
}

/// The user's standing with a unit, as far as the registry tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "status", content = "role", rename_all = "snake_case")]
pub enum Standing {
    /// Holds a role that gives authority.
    Holds(Authority),
    /// The registry lists the unit's roles, and the user holds none of them.
    Lacks,
    /// The registry's roles for the unit are not known here: the rule is shown instead.
    Unknown,
    /// A customer-portal account registered as the organisation's contact person: may
    /// order accounts and services, but accepting terms needs ID-porten.
    Contact,
}

/// `GET /api/organisations/{orgnr}`: the unit and the user's standing with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganisationChoice {
    pub organisation: Organisation,
    pub standing: Standing,
}

/// `POST /api/orders` and `POST /api/orders/validate`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmitOrder {
    pub service: String,
    pub orgnr: String,
    pub answers: RawForm,
    /// Ids of the agreement documents the user ticked as accepted.
    #[serde(default)]
    pub accepted_documents: Vec<String>,
    /// Made by the client once per order: submitting again with the same key (double-click,
    /// retry after a network error) returns the first order's receipt instead of a new order.
    #[serde(default)]
    pub idempotency_key: Option<String>,
}

/// `PUT /api/drafts/{service}` and `GET /api/drafts/{service}`: the journey so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Draft {
    pub orgnr: String,
    /// The step the user was at, by number (`journey::Step`: 3 = the form, 4 = read and
    /// accept). A number on the wire, so a wrong one is refused at the field.
    pub step: u8,
    pub answers: RawForm,
    /// The order's idempotency key; the server keeps the first one it was given, and
    /// answers with it, so every tab submits the same order.
    pub idempotency_key: String,
    /// Set by the server.
    #[serde(default)]
    pub saved_at_ms: i64,
}

/// Whether an idempotency key has a sane shape: 8–64 letters, digits or hyphens.
pub fn is_idempotency_key(key: &str) -> bool {
    (8..=64).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// A document accepted with an order, with the hash of the exact text accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptedDocument {
    pub id: String,
    pub title: String,
    pub version: String,
    pub sha256: String,
}

/// The receipt of a stored order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Receipt {
    pub reference: String,
    pub service: String,
    pub organisation: Organisation,
    pub ordered_by: String,
    pub submitted_at_ms: i64,
    /// "22.11.2026 kl. 21:05", Norwegian time.
    pub submitted_at: String,
    /// The answers as stored (normalised).
    pub answers: RawForm,
    pub documents: Vec<AcceptedDocument>,
    /// For a signed service (DDFL): who signed, when and how; the package is at
    /// `GET /api/signed/{reference}/pdf`.
    #[serde(default)]
    pub signature: Option<SignatureInfo>,
}

/// A signed document package, as the receipt and Dokumentoversikt show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignatureInfo {
    /// The order the signature belongs to; names the package.
    pub reference: String,
    pub document_title: String,
    pub version: String,
    pub signer: String,
    /// "23.11.2026"
    pub signed_on: String,
    /// How ID-porten says the signer logged in, e.g. "Minid-PIN".
    pub method: String,
}

/// `GET /api/documents/{id}`: an agreement document's text, for the signing viewer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentText {
    pub id: String,
    pub title: String,
    pub version: String,
    pub valid_from: String,
    pub paragraphs: Vec<String>,
    pub sha256: String,
}

/// `POST /api/signing` (body: the order, as for `POST /api/orders`): where the browser
/// goes for the signer's eID login.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SigningStarted {
    pub id: String,
    pub url: String,
}

/// `GET /api/signing/{id}`: how a signing went, with the order it was for, so a refused
/// signing comes back to the form with every answer.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SigningState {
    pub outcome: SigningOutcome,
    pub order: SubmitOrder,
    /// The order's reference once signed.
    pub reference: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SigningOutcome {
    /// Sent to the eID login, not back yet.
    Pending,
    Signed,
    /// Someone else than the person the form names logged in: nothing was signed.
    OtherPerson,
    /// The eID login was below the level signing requires.
    Level,
    /// The signer cancelled at ID-porten, or the login failed.
    Cancelled,
    /// The order no longer passes its checks (e.g. the authority to act changed meanwhile).
    Refused,
    /// The signer is the form's person, but Enhetsregisteret knows the unit's roles and
    /// gives them none with authority (daglig leder, signatur, prokura): nothing signed.
    SignerLacksAuthority,
}

/// `GET /api/dev/mailbox`: a notification as the development mailbox shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MailboxEntry {
    pub channel: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub created_at: String,
    pub sent: bool,
}

/// Machine-readable error kinds of the API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Validation,
    Unauthenticated,
    SessionExpired,
    Forbidden,
    NotFound,
    BadRequest,
    /// 429: too many failed logins or codes; wait and try again.
    TooManyAttempts,
    Internal,
}

/// One field's error on the wire: the typed error plus its message in the request's language.
// Read back through `WireFieldError`: serde's derive for a flattened, internally tagged
// enum buffers the whole object and was the largest single function in the app's wasm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "WireFieldError")]
pub struct FieldErrorBody {
    #[serde(flatten)]
    pub error: FieldError,
    pub message: String,
}

/// `FieldErrorBody` as it is written: the code, the message, and the one number a code
/// may carry, under its own name.
#[derive(Deserialize)]
struct WireFieldError {
    code: String,
    message: String,
    max: Option<u32>,
    expected: Option<u32>,
    attempts_left: Option<u32>,
    min: Option<u32>,
    max_mb: Option<u32>,
    seconds: Option<u32>,
    her_id: Option<u32>,
}

impl TryFrom<WireFieldError> for FieldErrorBody {
    type Error = String;

    fn try_from(wire: WireFieldError) -> Result<Self, String> {
        let number = |name: &str| match name {
            "max" => wire.max,
            "expected" => wire.expected,
            "attempts_left" => wire.attempts_left,
            "min" => wire.min,
            "max_mb" => wire.max_mb,
            "seconds" => wire.seconds,
            "her_id" => wire.her_id,
            _ => None,
        };
        let error = FieldError::from_code(&wire.code, number)
            .ok_or_else(|| format!("unknown field error {:?}", wire.code))?;
        Ok(FieldErrorBody {
            error,
            message: wire.message,
        })
    }
}

/// Every error response of the API has this body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorCode,
    pub message: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldErrorBody>,
}

/// `POST /api/attachments`: the stored upload, as the form's answer refers to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Uploaded {
    /// The answer for the attachment field (`AttachmentRef` as text).
    pub reference: String,
    pub name: String,
    pub size: u64,
}

/// `GET /api/organisations/{orgnr}/documents` (Dokumentoversikt).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrgDocuments {
    pub accepted: Vec<AcceptedEvidence>,
    pub attachments: Vec<AttachmentInfo>,
    /// Signed document packages (DDFL), kept here instead of e-mailed to the signer.
    #[serde(default)]
    pub signed: Vec<SignatureInfo>,
}

/// One accepted agreement document, as the evidence records it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AcceptedEvidence {
    pub document_id: String,
    pub title: String,
    pub version: String,
    pub sha256: String,
    pub accepted_by: String,
    /// The eID and the security level (`acr`) of the login that accepted or signed.
    #[serde(default)]
    pub eid: String,
    #[serde(default)]
    pub level: String,
    pub accepted_at: String,
    pub order_reference: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttachmentInfo {
    pub id: String,
    pub name: String,
    pub size: u64,
    pub order_reference: String,
}

/// `GET /api/organisations/{orgnr}/customer` (Kundeinformasjon), from Enhetsregisteret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerInfo {
    pub organisation: Organisation,
    /// "Statsforetak", "Kommune", …
    pub organisation_form: Option<String>,
    pub address: Option<String>,
    /// The main unit, when this is a sub-unit.
    pub parent: Option<Organisation>,
    /// Who the registry lists with a role that gives authority, and which.
    pub role_holders: Vec<(Authority, String)>,
}

/// Persontjenesten's readiness checklist of an organisation (seed 003): "Oppgradering –
/// vilkår – brannmur – delegering av rettigheter".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReadinessItem {
    pub item: String,
    pub done: bool,
    /// Who ticked it, or what showed it done ("Vilkår akseptert av …"), and when.
    pub by: Option<String>,
    pub at: Option<String>,
}

/// The readiness items, in the seed's order.
pub const READINESS_ITEMS: [&str; 4] = ["oppgradering", "vilkar", "brannmur", "delegering"];

/// `PUT /api/organisations/{orgnr}/readiness`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetReadiness {
    pub item: String,
    pub done: bool,
}

/// `POST /api/access-requests`: rights asked of a tilgangsstyrer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAccessRequest {
    pub orgnr: String,
    /// Checked against `services::ACCESS_REQUEST` (purposes, message, e-mail).
    pub answers: RawForm,
    pub tilgangsstyrer: String,
}

/// An access request as its requester and the organisation's tilgangsstyrere see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccessRequest {
    pub id: i64,
    pub orgnr: String,
    pub requester: String,
    pub purposes: Vec<String>,
    pub message: String,
    pub tilgangsstyrer: String,
    /// `venter`, `godkjent` or `avslatt`.
    pub status: String,
    pub created_at: String,
}

/// `GET /api/organisations/{orgnr}/access-requests`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccessRequests {
    /// Whether the user may decide (holds a role with authority for the organisation).
    pub may_decide: bool,
    pub requests: Vec<AccessRequest>,
}

/// `POST /api/access-requests/{id}/decision`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccessDecision {
    pub approve: bool,
}

/// `GET /api/organisations/{orgnr}/helseid`: how far each actor kind has come through
/// the six onboarding steps (`done` of them completed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HelseIdProgress {
    pub aktortype: String,
    pub done: u8,
}

/// `GET /api/organisations/{orgnr}/acceptances`: terms that hold for the whole legal
/// entity and were accepted already, for any of its units.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PriorAcceptance {
    pub document_id: String,
    pub accepted_by: String,
    pub accepted_at: String,
    /// The unit it was accepted for.
    pub orgnr: String,
}

/// `POST /api/seal/verify`: whether the PDF carries the portal's seal, unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SealCheck {
    pub valid: bool,
}

#[cfg(test)]
mod return_paths {
    use super::safe_return_path;

    #[test]
    fn only_the_spas_own_pages_are_returned_to() {
        for own in [
            "/",
            "/skjema/ddfl",
            "/skjema/ddfl?signering=ab12-CD_34",
            "/kundeportal",
            "/kundeportal/bestillinger",
            "/kvittering/BP-3467-3467",
        ] {
            assert_eq!(safe_return_path(Some(own)), own);
        }
        // What browsers read as another host, or what is not a page of ours.
        for hostile in [
            "//example.org",
            "/\t/example.org",
            "/\n/example.org",
            "/\r/example.org",
            "/\\example.org",
            "/%2F/example.org",
            "/%09/example.org",
            "https://example.org/",
            "http:example.org",
            "example.org",
            "/skjema//example.org",
            "/skjema/../../x",
            "/skjema/ddfl?x=//example.org",
            "/annet",
            "/kundeportal/",
            "",
        ] {
            assert_eq!(safe_return_path(Some(hostile)), "/", "{hostile:?}");
        }
        assert_eq!(safe_return_path(None), "/");
    }
}

#[cfg(test)]
mod names {
    use super::*;
    use crate::Lang;

    #[test]
    fn evidence_codes_read_as_names_in_either_language() {
        assert_eq!(
            eid_name("bankid_mobil").map(|t| t.nb),
            Some("BankID på mobil")
        );
        assert_eq!(
            eid_name("bankid_mobil").map(|t| t.en),
            Some("BankID on mobile")
        );
        assert_eq!(eid_name("kundeportal"), Some(t::EID_ACCOUNT));
        assert_eq!(eid_name("ukjent"), None);
        assert_eq!(level_name("idporten-loa-high"), Some(t::LEVEL_HIGH));
        assert_eq!(level_name("Level3"), Some(t::LEVEL_SUBSTANTIAL));
        assert_eq!(level_name("testinnlogging"), Some(t::LEVEL_TEST));
        assert_eq!(method_name("BankID på mobil", Lang::En), "BankID on mobile");
        assert_eq!(method_name("Minid-PIN", Lang::En), "Minid-PIN");
    }
}
