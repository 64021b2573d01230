//! What every handler shares: the database, the configuration and the registry.

use std::sync::Arc;

use common::session::SessionPolicy;
use sqlx::SqlitePool;

use crate::config::Config;
use crate::db::writer::OrderWriter;
use crate::idporten::IdPorten;
use crate::registry::Registry;

#[derive(Clone)]
pub struct AppState {
    pub db: SqlitePool,
    pub config: Arc<Config>,
    pub registry: Arc<Registry>,
    pub orders: OrderWriter,
    /// ID-porten, when configured; `None` means the built-in test login.
    pub idporten: Option<Arc<IdPorten>>,
}

impl AppState {
    pub fn policy(&self) -> SessionPolicy {
        self.config.session_policy()
    }
}
