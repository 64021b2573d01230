//! NHN's orderable services as data: each has a form spec and the agreement documents
//! the orderer accepts. Adding a service is adding an entry here.

use crate::FieldError;
use crate::form::{Choice, FieldKind, FieldSpec, FormSpec, RawForm, SWITCH_ON, Section, ShownIf};
use crate::i18n::{Text, t};

/// A service that can be ordered through the five-step journey.
#[derive(Debug)]
pub struct Service {
    /// In the URL: `/skjema/{slug}` (as NHN's own `kunde.nhn.no/skjema/digitaleinnbyggertjenester`).
    pub slug: &'static str,
    pub name: Text,
    pub form: &'static FormSpec,
    pub documents: &'static [DocumentRef],
    /// The form field holding the e-mail address that gets the order confirmation.
    pub contact_email: Option<&'static str>,
    /// `Some(slug)`: no longer ordered; the page points to that service instead
    /// (Personregister → Persontjenesten).
    pub replaced_by: Option<&'static str>,
    /// `Some(field)`: the terms are not accepted with a checkbox but signed with eID by the
    /// person whose fødselsnummer that field holds (DDFL: someone with signing authority,
    /// not necessarily the one who fills in the form).
    pub signer_field: Option<&'static str>,
    /// "Videre saksgang" on the receipt: what NHN does with this order, and what the
    /// customer does next (seed 000's list for DigiHelse; each service its own).
    pub next_steps: &'static [Text],
    /// Ordered once per organisation (an agreement, a connection): where it is active
    /// already, the form says so before a second order.
    pub active_once: bool,
    /// What the organisation's earlier orders must show before this one is taken; the
    /// server checks them all with one function (`ordering::prerequisites`).
    pub prerequisites: &'static [Prerequisite],
    /// The customer portal's page that follows the service after its order (HelseID's
    /// onboarding steps): its path and title.
    pub follow_up: Option<(&'static str, Text)>,
    /// NHN activates ServiceBus for the organisation as part of handling the order (seeds
    /// 000, 001: "ServiceBus er aktivert og passord sendes på SMS"); `None` for the rest.
    pub servicebus: Option<ServiceBusActivation>,
}

/// Where a ServiceBus activation's username and password go: the form's fields holding
/// the contact's e-mail address (the username) and mobile number (the password, by SMS).
#[derive(Debug)]
pub struct ServiceBusActivation {
    /// Asked for only when this holds (DDFL: the switch "Bestill aktivering av ServiceBus");
    /// `None`: every order of the service.
    pub when: Option<ShownIf>,
    pub email: &'static str,
    pub mobile: &'static str,
}

impl Service {
    /// The ServiceBus activation this order asked for, if any.
    pub fn servicebus_for(&self, answers: &RawForm) -> Option<&ServiceBusActivation> {
        self.servicebus
            .as_ref()
            .filter(|sb| sb.when.as_ref().is_none_or(|w| w.holds(answers)))
    }
}

/// A condition on the organisation's history that an order must meet. The refusal is a
/// field error at `at`, so the user sees it at the answer that asked for it.
#[derive(Debug)]
pub enum Prerequisite {
    /// The organisation has ordered `service` (an order not turned down), when the form's
    /// answer to `when` matches (always, with `None`). HelseID's actors, and a move of the
    /// line, need a member of Helsenettet: an organisation that ordered its connection.
    HasOrdered {
        service: &'static str,
        when: Option<ShownIf>,
        at: &'static str,
        error: FieldError,
    },
    /// An answer `field` = `later` needs an order of this same service with `field` =
    /// `earlier` that is Fullført, and the same answers to `same`. HelseID: production
    /// once the same actor kind's solution is approved in the test environment.
    CompletedFirst {
        field: &'static str,
        earlier: &'static str,
        later: &'static str,
        same: &'static [&'static str],
        error: FieldError,
    },
}

/// The answer time every order is handled within (seeds 000, 001).
pub const ANSWER_TIME: Text = Text::new(
    "Saken vil bli behandlet fortløpende, og svar vil normalt bli sendt i løpet av 1-2 dager.",
    "Saka blir behandla fortløpande, og svar blir normalt sendt i løpet av 1-2 dagar.",
    "The case is processed continuously, and a reply is normally sent within 1–2 days.",
);

/// The field of a signed service that names who is to sign.
pub const SIGNER_FIELD: &str = "signer_fnr";

/// An agreement document accepted with the order.
#[derive(Debug)]
pub struct DocumentRef {
    pub id: &'static str,
    pub title: Text,
    pub version: &'static str,
    /// Accepted once for the legal entity, it holds for every unit under it (Persontjenesten:
    /// once per municipality); the next user is told who accepted, not asked again.
    pub for_legal_entity: bool,
    /// Every version ever published, beside the service that uses them. Only the server
    /// has them (feature `agreement-texts`): the SPA fetches a text when it shows it, and
    /// its bundle carries none.
    #[cfg(feature = "agreement-texts")]
    pub published: &'static [AgreementText],
}

/// One published version of an agreement's text.
#[cfg(feature = "agreement-texts")]
#[derive(Debug)]
pub struct AgreementText {
    pub version: &'static str,
    pub valid_from: &'static str,
    pub paragraphs: &'static [&'static str],
}

#[cfg(feature = "agreement-texts")]
impl AgreementText {
    /// The canonical text whose hash is the evidence: title, version, date, paragraphs.
    pub fn canonical(&self, title: &str) -> String {
        let mut s = format!(
            "{title}\nVersjon {}, gjeldende fra {}\n",
            self.version, self.valid_from
        );
        for p in self.paragraphs {
            s.push('\n');
            s.push_str(p);
        }
        s
    }
}

#[cfg(feature = "agreement-texts")]
impl DocumentRef {
    /// The published version `version`.
    pub fn text(&self, version: &str) -> Option<&'static AgreementText> {
        self.published.iter().find(|t| t.version == version)
    }

    /// The version orderers accept now.
    pub fn current(&self) -> Option<&'static AgreementText> {
        self.text(self.version)
    }
}

mod accounts;
mod ddfl;
mod digihelse;
mod domain;
#[cfg(feature = "fixture-service")]
mod fixture;
mod grunndata;
pub mod helseid;
mod helsenett;
mod persontjenesten;

pub use accounts::{EPOST, FJERNHJELP, HJEMMEKONTOR, VIDEO};
pub use ddfl::DIGITAL_DIALOG_FASTLEGE;
pub use digihelse::DIGITALE_INNBYGGERTJENESTER;
pub use domain::DOMENE;
pub use grunndata::{ADRESSEREGISTERET, EDI, TREDJEPARTSLEVERANDOR};
pub use helseid::HELSEID;
pub use helsenett::{DEAKTIVERING, FLYTTING, TILKNYTNING};
pub use persontjenesten::{ACCESS_REQUEST, PERSONREGISTER, PERSONTJENESTEN};

/// Declares `SERVICES`, with the test-only fixture added when the feature asks for it.
macro_rules! services {
    ($($service:expr),* $(,)?) => {
        /// Every orderable service, in the order the portal lists them.
        #[cfg(not(feature = "fixture-service"))]
        pub static SERVICES: &[Service] = &[$($service),*];
        /// Every orderable service, and the test-only fixture.
        #[cfg(feature = "fixture-service")]
        pub static SERVICES: &[Service] = &[$($service,)* fixture::FIXTURE];
    };
}

services![
    DIGITALE_INNBYGGERTJENESTER,
    DIGITAL_DIALOG_FASTLEGE,
    TILKNYTNING,
    FLYTTING,
    DEAKTIVERING,
    EPOST,
    EDI,
    HJEMMEKONTOR,
    VIDEO,
    FJERNHJELP,
    DOMENE,
    ADRESSEREGISTERET,
    PERSONTJENESTEN,
    PERSONREGISTER,
    HELSEID,
    TREDJEPARTSLEVERANDOR,
];

impl Service {
    /// Whether the orderer accepts the terms (with a checkbox, so as a person logged in
    /// with eID). A signed service's terms are accepted by the signer's eID instead.
    pub fn orderer_accepts_terms(&self) -> bool {
        !self.documents.is_empty() && self.signer_field.is_none()
    }

    /// Whether a user with `standing` may order this service for the unit. Accepting
    /// terms needs a role the registry confirms: where it does not know the unit's roles,
    /// a person may order what has no terms, not accept. A signed service anyone may fill
    /// in, since the signature carries the authority, checked on the signer (seed 001).
    /// A contact person's account may order, and is asked for ID-porten where terms are.
    /// The one rule for step 2, drafts and the server's check alike.
    pub fn may_order_with(&self, standing: crate::api::Standing) -> bool {
        use crate::api::Standing;
        match standing {
            _ if self.signer_field.is_some() => true,
            Standing::Holds(_) | Standing::Contact => true,
            Standing::Unknown => !self.orderer_accepts_terms(),
            Standing::Lacks => false,
        }
    }

    /// The title of a signed service's signing: the heading of the section that asks who
    /// signs ("Signering av bruksvilkår for Digital Dialog Fastlege").
    pub fn signing_title(&self) -> Text {
        self.form
            .sections
            .iter()
            .find(|s| s.fields.iter().any(|f| Some(f.id) == self.signer_field))
            .map_or(self.name, |s| s.title)
    }
}

pub fn by_slug(slug: &str) -> Option<&'static Service> {
    SERVICES.iter().find(|s| s.slug == slug)
}

pub fn document(id: &str) -> Option<&'static DocumentRef> {
    SERVICES
        .iter()
        .flat_map(|s| s.documents.iter())
        .find(|d| d.id == id)
}

const NAME: u32 = 200;
const SHORT: u32 = 100;
const NAME_KIND: FieldKind = FieldKind::Text { max: NAME };
const SHORT_KIND: FieldKind = FieldKind::Text { max: SHORT };
const EMAIL_KIND: FieldKind = FieldKind::Email;

// Fields several forms ask for alike.
const EPJ_NAVN: FieldSpec = field("epj_navn", Text::new("Navn", "Namn", "Name"), NAME_KIND);
const EPJ_SYSTEM: FieldSpec = field(
    "epj_system",
    Text::new("EPJ-system", "EPJ-system", "EPR system"),
    SHORT_KIND,
);
const KONTAKT_NAVN: FieldSpec = field("kontakt_navn", Text::new("Navn", "Namn", "Name"), NAME_KIND);
const KONTAKT_MOBIL: FieldSpec = field(
    "kontakt_mobil",
    Text::new("Mobilnummer", "Mobilnummer", "Mobile number"),
    FieldKind::Mobile,
);
/// The e-mail address that gets the order's confirmation.
const KONTAKT_EPOST: FieldSpec = hinted(
    "kontakt_epost",
    Text::new("E-post", "E-post", "E-mail"),
    Text::new(
        "Bekreftelsen sendes hit.",
        "Stadfestinga blir send hit.",
        "The confirmation goes here.",
    ),
    EMAIL_KIND,
);

const fn choice(value: &'static str, label: Text) -> Choice {
    Choice {
        value,
        label,
        hint: None,
    }
}

const fn optional(id: &'static str, label: Text, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        required: false,
        ..field(id, label, kind)
    }
}

const fn field(id: &'static str, label: Text, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        id,
        label,
        hint: None,
        kind,
        required: true,
        repeat: None,
        shown_if: None,
    }
}

const fn hinted(id: &'static str, label: Text, hint: Text, kind: FieldKind) -> FieldSpec {
    FieldSpec {
        id,
        label,
        hint: Some(hint),
        kind,
        required: true,
        repeat: None,
        shown_if: None,
    }
}
