//! Builds the application from its configuration: database (migrated), registry, router,
//! listener. Tests build it on port 0 and ask `address()` which port they got.

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;

use crate::adresseregisteret::AddressRegister;
use crate::config::Config;
use crate::db::writer::OrderWriter;
use crate::idporten::{IdPorten, IdPortenConfig};
use crate::oidc::ProviderConfig;
use crate::outbox::{Outbox, Sender};
use crate::registry::Registry;
use crate::routes;
use crate::sms_gateway::SmsGateway;
use crate::staff_oidc::{RoleMapping, StaffOidc};
use crate::state::AppState;

pub struct Application {
    listener: TcpListener,
    state: AppState,
}

impl Application {
    pub async fn build(config: Config) -> Result<Self, Box<dyn std::error::Error>> {
        if config.production && config.oidc_issuer.is_none() {
            return Err("production mode needs ID-porten (BP_OIDC_ISSUER): the built-in test login is for development only".into());
        }
        let sealer = match config.seal_key.expose() {
            "" if config.production => {
                return Err("production mode needs a seal key (BP_SEAL_KEY)".into());
            }
            "" => {
                tracing::warn!(
                    "no BP_SEAL_KEY: PDFs are sealed with the published development key"
                );
                crate::seal::Sealer::development()
            }
            key => crate::seal::Sealer::from_hex(key)?,
        };
        let db = crate::db::connect(&config.database_url).await?;
        let converted = crate::db::orders::protect_old_orderers(&db, &sealer).await?;
        if converted > 0 {
            tracing::info!(
                orders = converted,
                "orderers' fødselsnummer replaced by keyed hashes"
            );
        }
        let listener = TcpListener::bind(config.listen).await?;
        let mut sender = Sender::dev_mailbox();
        if let Some(host) = &config.smtp_host {
            sender = sender.with_smtp(host, config.smtp_port, &config.smtp_from)?;
        }
        if let Some(url) = &config.sms_gateway_url {
            sender = sender.with_sms(SmsGateway::new(url, config.sms_gateway_token.expose())?);
        }
        let outbox = Outbox::start(
            db.clone(),
            sender,
            std::time::Duration::from_secs(config.outbox_lease_secs),
        );
        let orders = OrderWriter::start(&db, outbox.clone()).await?;
        let sessions = crate::db::session_reads::SessionReads::start(db.clone());
        spawn_purges(db.clone(), config.draft_retention_days);
        if config.demo_accounts && !config.production {
            crate::db::accounts::seed_demo(&db).await?;
        }
        let registry = Arc::new(match &config.brreg_url {
            Some(url) => Registry::live(url)?,
            None => Registry::bundled(),
        });
        let adresseregisteret = Arc::new(match &config.adresseregister_url {
            Some(url) => AddressRegister::live(url)?,
            None => AddressRegister::bundled(),
        });
        let idporten = match &config.oidc_issuer {
            Some(issuer) => {
                let redirect_url = config.oidc_redirect_url.clone().unwrap_or_else(|| {
                    format!(
                        "http://{}/api/auth/callback",
                        listener.local_addr().map_or(config.listen, |a| a)
                    )
                });
                let idporten = IdPorten::discover(IdPortenConfig {
                    issuer: issuer.clone(),
                    client_id: config.oidc_client_id.clone(),
                    client_secret: config.oidc_client_secret.expose().to_owned(),
                    redirect_url,
                    required_acr: config.oidc_acr.clone(),
                    signing_acr: config.signing_acr.clone(),
                })
                .await?;
                tracing::info!(%issuer, "logins go through ID-porten");
                Some(Arc::new(idporten))
            }
            None => {
                tracing::warn!(
                    "no ID-porten configured: using the built-in TEST login (Testinnlogging)"
                );
                None
            }
        };
        let staff_oidc = match &config.staff_oidc_issuer {
            Some(issuer) => {
                let redirect_url = config.staff_oidc_redirect_url.clone().unwrap_or_else(|| {
                    format!(
                        "http://{}/api/staff/callback",
                        listener.local_addr().map_or(config.listen, |a| a)
                    )
                });
                let provider = ProviderConfig {
                    issuer: issuer.clone(),
                    client_id: config.staff_oidc_client_id.clone(),
                    client_secret: config.staff_oidc_client_secret.expose().to_owned(),
                    redirect_url,
                };
                let roles = RoleMapping {
                    claim: config.staff_role_claim.clone(),
                    saksbehandler: config.staff_role_saksbehandler.clone(),
                    leder: config.staff_role_leder.clone(),
                };
                let staff = StaffOidc::discover(provider, roles).await?;
                tracing::info!(%issuer, "staff log in through their identity provider");
                Some(Arc::new(staff))
            }
            None => None,
        };
        let state = AppState::new(crate::state::Shared {
            db,
            config: Arc::new(config),
            registry,
            adresseregisteret,
            orders,
            sessions,
            idporten,
            staff_oidc,
            outbox,
            sealer,
            metrics: Arc::default(),
        });
        Ok(Application { listener, state })
    }

    pub fn address(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("bound listener has an address")
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let config = self.state.config.clone();
        let limits = crate::serve::Limits {
            max_connections: crate::serve::fit_to_file_limit(config.max_connections),
            header_timeout: std::time::Duration::from_secs(config.header_timeout_secs),
        };
        let app = routes::router(self.state);
        crate::serve::serve(self.listener, app, limits, shutdown_signal()).await
    }
}

/// Deletes what is kept only for a while: every minute, sessions past their end (with the
/// fødselsnummer they hold); every hour, signings older than a day (a refused one keeps the
/// answers for the way back), and drafts and uploads no order took older than the retention.
fn spawn_purges(db: crate::db::Db, retention_days: u32) {
    let retention_ms = i64::from(retention_days) * 24 * 3_600_000;
    tokio::spawn(async move {
        let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
        for minute in 0u64.. {
            every_minute.tick().await;
            let now = crate::now_ms();
            logged(
                "expired sessions",
                crate::db::sessions::end_expired(&db, now).await,
            );
            if minute % 60 != 0 {
                continue;
            }
            logged(
                "old signings",
                crate::db::signings::purge(&db, now - 24 * 3_600_000).await,
            );
            logged(
                "old drafts",
                crate::db::drafts::purge(&db, now - retention_ms).await,
            );
            logged(
                "unused attachments",
                crate::db::attachments::purge(&db, now - retention_ms).await,
            );
        }
    });
}

/// Logs what a purge deleted, or why it could not.
fn logged(what: &str, deleted: Result<u64, sqlx::Error>) {
    match deleted {
        Ok(0) => {}
        Ok(n) => tracing::info!(deleted = n, "{what} deleted"),
        Err(e) => tracing::warn!(error = %e, "could not delete {what}"),
    }
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
