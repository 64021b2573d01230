//! What every handler shares: the database, the configuration and the registry.

use std::sync::Arc;

use crate::db::Db;
use common::session::SessionPolicy;

use crate::config::Config;
use crate::db::writer::OrderWriter;
use crate::idporten::IdPorten;
use crate::outbox::Outbox;
use crate::registry::Registry;

/// Cloned for every request by each layer and extractor that takes it, so it is one
/// `Arc`: a clone is one count, not one per shared part.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> Self {
        AppState(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The parts of `AppState`.
pub struct Shared {
    pub db: Db,
    pub config: Arc<Config>,
    pub registry: Arc<Registry>,
    /// Adresseregisteret's communication parties (HER-ids).
    pub adresseregisteret: Arc<crate::adresseregisteret::AddressRegister>,
    pub orders: OrderWriter,
    /// Reads the sessions of requests that arrive together with one query.
    pub sessions: crate::db::session_reads::SessionReads,
    /// ID-porten, when configured; `None` means the built-in test login.
    pub idporten: Option<Arc<IdPorten>>,
    /// The customer centre's staff provider, when configured; `None` means the built-in
    /// test staff login.
    pub staff_oidc: Option<Arc<crate::staff_oidc::StaffOidc>>,
    /// Wakes the notification worker after a commit that wrote notifications.
    pub outbox: Outbox,
    /// Seals the PDFs the portal issues.
    pub sealer: crate::seal::Sealer,
    /// Counters and histograms for `/metrics`.
    pub metrics: Arc<crate::metrics::Metrics>,
}

impl Shared {
    pub fn policy(&self) -> SessionPolicy {
        self.config.session_policy()
    }

    /// The policy of a session: "Husk meg" gives the longer lifetime.
    pub fn policy_for(&self, remember: bool) -> SessionPolicy {
        let policy = self.policy();
        if remember {
            SessionPolicy {
                lifetime_secs: self.config.remember_lifetime_secs.max(policy.lifetime_secs),
                ..policy
            }
        } else {
            policy
        }
    }
}
