//! Configuration from command-line flags or environment variables, with defaults that
//! run the portal on a laptop with no set-up at all.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;
use common::session::SessionPolicy;

/// How log lines are written (`Config::log_format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Debug, Parser)]
#[command(
    name = "server",
    about = "Bestillingsportal: NHN's self-service ordering portal"
)]
pub struct Config {
    /// Address to listen on; port 0 picks a free port (tests).
    #[arg(long, env = "BP_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Database: a SQLite file (created if missing), or PostgreSQL (`postgres://user@host/db`) for several replicas.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/bestillingsportal.db"
    )]
    pub database_url: String,

    /// The built SPA bundle (index.html, wasm, css) to serve.
    #[arg(long, env = "BP_DIST", default_value = "dist")]
    pub dist: PathBuf,

    /// Session lifetime after the last activity, in seconds (the form's time limit).
    #[arg(long, env = "BP_SESSION_LIFETIME_SECS", default_value_t = SessionPolicy::default().lifetime_secs)]
    pub session_lifetime_secs: u32,

    /// How long before expiry the user is warned, in seconds.
    #[arg(long, env = "BP_SESSION_WARN_SECS", default_value_t = SessionPolicy::default().warn_before_secs)]
    pub session_warn_secs: u32,

    /// Session lifetime after the last activity with "Husk meg" ticked (customer portal).
    #[arg(long, env = "BP_REMEMBER_LIFETIME_SECS", default_value_t = 8 * 3600)]
    pub remember_lifetime_secs: u32,

    /// The portal's address as users reach it, for links in e-mail (password reset);
    /// default `http://<listen>`.
    #[arg(long, env = "BP_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Demo data: customer-portal accounts for the demo organisations (see README). Never
    /// in production.
    #[arg(long, env = "BP_DEMO_ACCOUNTS", default_value_t = true, action = clap::ArgAction::Set)]
    pub demo_accounts: bool,

    /// Drafts untouched for this many days are deleted.
    #[arg(long, env = "BP_DRAFT_RETENTION_DAYS", default_value_t = 30)]
    pub draft_retention_days: u32,

    /// Production mode: the built-in test login is refused.
    #[arg(long, env = "BP_PRODUCTION", default_value_t = false)]
    pub production: bool,

    /// Log lines as `json` (one object per line, for a log collector) or `text`; default
    /// `json` in production, `text` otherwise. The level is `RUST_LOG`'s (default `info`).
    #[arg(long, env = "BP_LOG_FORMAT", value_enum)]
    pub log_format: Option<LogFormat>,

    /// ID-porten's issuer URL. Without it the built-in test login is used (not in production).
    #[arg(long, env = "BP_OIDC_ISSUER")]
    pub oidc_issuer: Option<String>,

    /// The portal's client id at ID-porten.
    #[arg(long, env = "BP_OIDC_CLIENT_ID", default_value = "bestillingsportal")]
    pub oidc_client_id: String,

    /// The portal's client secret at ID-porten.
    #[arg(
        long,
        env = "BP_OIDC_CLIENT_SECRET",
        default_value = "",
        hide_env_values = true
    )]
    pub oidc_client_secret: Secret,

    /// Where ID-porten sends the browser back; default `http://<listen>/api/auth/callback`.
    #[arg(long, env = "BP_OIDC_REDIRECT_URL")]
    pub oidc_redirect_url: Option<String>,

    /// The customer centre's staff identity provider (e.g. NHN's Entra ID). Without it the
    /// built-in test staff login is used (not in production).
    #[arg(long, env = "BP_STAFF_OIDC_ISSUER")]
    pub staff_oidc_issuer: Option<String>,

    /// The portal's client id at the staff identity provider.
    #[arg(
        long,
        env = "BP_STAFF_OIDC_CLIENT_ID",
        default_value = "bestillingsportal-kundesenter"
    )]
    pub staff_oidc_client_id: String,

    /// The portal's client secret at the staff identity provider.
    #[arg(
        long,
        env = "BP_STAFF_OIDC_CLIENT_SECRET",
        default_value = "",
        hide_env_values = true
    )]
    pub staff_oidc_client_secret: Secret,

    /// Where the staff provider sends the browser back; default
    /// `http://<listen>/api/staff/callback`.
    #[arg(long, env = "BP_STAFF_OIDC_REDIRECT_URL")]
    pub staff_oidc_redirect_url: Option<String>,

    /// The ID token's claim that carries the staff member's roles (Entra ID: `roles`).
    #[arg(long, env = "BP_STAFF_ROLE_CLAIM", default_value = "roles")]
    pub staff_role_claim: String,

    /// The claim's value that makes a saksbehandler.
    #[arg(
        long,
        env = "BP_STAFF_ROLE_SAKSBEHANDLER",
        default_value = "saksbehandler"
    )]
    pub staff_role_saksbehandler: String,

    /// The claim's value that makes a leder.
    #[arg(long, env = "BP_STAFF_ROLE_LEDER", default_value = "leder")]
    pub staff_role_leder: String,

    /// The least security level a login must reach (`idporten-loa-substantial` or `-high`).
    #[arg(long, env = "BP_OIDC_ACR", default_value = "idporten-loa-substantial")]
    pub oidc_acr: String,

    /// The least security level of the eID login that signs terms (DDFL).
    #[arg(
        long,
        env = "BP_SIGNING_ACR",
        default_value = "idporten-loa-substantial"
    )]
    pub signing_acr: String,

    /// Where the copy of every signed document package goes: Direktoratet for e-helse
    /// registers the terms signed for its services (SPEC §4).
    #[arg(
        long,
        env = "BP_EHELSE_COPY_TO",
        default_value = "postmottak@ehelse.no"
    )]
    pub ehelse_copy_to: String,

    /// Enhetsregisteret's open API, e.g. `https://data.brreg.no/enhetsregisteret/api`.
    /// Without it the bundled extract (`server/data/enhetsregisteret.json`) is used.
    #[arg(long, env = "BP_BRREG_URL")]
    pub brreg_url: Option<String>,

    /// Adresseregisteret's REST API (communication parties by HER-id and by unit). Without
    /// it the bundled extract (`server/data/adresseregisteret.json`) is used.
    #[arg(long, env = "BP_ADRESSEREGISTER_URL")]
    pub adresseregister_url: Option<String>,

    /// SMTP server for e-mail (plain SMTP to a local relay). Without it notifications go to
    /// the development mailbox (`/utvikling/postkasse`).
    #[arg(long, env = "BP_SMTP_HOST")]
    pub smtp_host: Option<String>,

    /// The SMTP server's port.
    #[arg(long, env = "BP_SMTP_PORT", default_value_t = 25)]
    pub smtp_port: u16,

    /// Sender of the portal's e-mail.
    #[arg(
        long,
        env = "BP_SMTP_FROM",
        default_value = "Norsk helsenett <ikke-svar@nhn.no>"
    )]
    pub smtp_from: String,

    /// An HTTP SMS gateway for text messages (login codes, ServiceBus passwords): a JSON
    /// POST `{to, message, reference}` with the token as bearer. Without it SMS go to the
    /// development mailbox (or wait, logged, when e-mail goes by SMTP).
    #[arg(long, env = "BP_SMS_GATEWAY_URL")]
    pub sms_gateway_url: Option<String>,

    /// The bearer token the SMS gateway expects.
    #[arg(
        long,
        env = "BP_SMS_GATEWAY_TOKEN",
        default_value = "",
        hide_env_values = true
    )]
    pub sms_gateway_token: Secret,

    /// The key that seals issued PDFs (receipts, signed packages): a 32-byte Ed25519 seed
    /// as 64 hex digits. Required in production; development uses a published key.
    #[arg(long, env = "BP_SEAL_KEY", default_value = "", hide_env_values = true)]
    pub seal_key: Secret,

    /// The bearer token a Prometheus scrape of `/metrics` must send. Without one,
    /// `/metrics` is open in development and absent (404) in production.
    #[arg(
        long,
        env = "BP_METRICS_TOKEN",
        default_value = "",
        hide_env_values = true
    )]
    pub metrics_token: Secret,

    /// Mark cookies `Secure` (set when served over HTTPS).
    #[arg(long, env = "BP_SECURE_COOKIES", default_value_t = false)]
    pub secure_cookies: bool,

    /// Open connections at most; at the cap the longest-idle one is closed to make room.
    /// Lowered to what the open-file limit allows.
    #[arg(long, env = "BP_MAX_CONNECTIONS", default_value_t = 4096)]
    pub max_connections: usize,

    /// Seconds a server process holds the notifications it claimed for sending; one that
    /// died holding them loses them to the next after this.
    #[arg(long, env = "BP_OUTBOX_LEASE_SECS", default_value_t = 60)]
    pub outbox_lease_secs: u64,

    /// Seconds a connection may take to send a request's head, and may stay idle between
    /// requests.
    #[arg(long, env = "BP_HEADER_TIMEOUT_SECS", default_value_t = 10)]
    pub header_timeout_secs: u64,

    /// Seconds a request may take from its head to its answer, body upload included (a
    /// 10 MB attachment on a slow mobile line needs about a minute).
    #[arg(long, env = "BP_REQUEST_TIMEOUT_SECS", default_value_t = 120)]
    pub request_timeout_secs: u64,

    /// Threads that serve requests. Without it, one fewer than the machine's cores (at
    /// least one), so that the database's own threads (SQLite's connections, or a
    /// PostgreSQL on the same machine) keep a core
    #[arg(long, env = "BP_WORKER_THREADS")]
    pub worker_threads: Option<usize>,
}

/// A secret from configuration: never printed, not even by `Debug`.
#[derive(Clone, Default)]
pub struct Secret(String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl std::str::FromStr for Secret {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Secret(s.to_owned()))
    }
}

impl Config {
    /// The request-serving threads to start (`worker_threads`, or the cores less one).
    pub fn request_threads(&self) -> usize {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        self.worker_threads
            .unwrap_or(cores.saturating_sub(1))
            .max(1)
    }

    pub fn session_policy(&self) -> SessionPolicy {
        SessionPolicy {
            lifetime_secs: self.session_lifetime_secs,
            warn_before_secs: self.session_warn_secs,
        }
    }

    /// Defaults for tests: a free port and the given database.
    pub fn for_tests(database_url: String) -> Config {
        let mut config = Config::parse_from(["server"]);
        config.listen = "127.0.0.1:0".parse().expect("literal address");
        config.database_url = database_url;
        config
    }
}

/// The README's table of settings, made from the flags' own declarations (variable,
/// default, help), so the documentation cannot drift from the code: the API test
/// `config_table` fails when the README's copy differs.
pub fn markdown_table() -> String {
    use clap::CommandFactory;
    let mut table = String::from("| Variable | Default | What it sets |\n|---|---|---|\n");
    for arg in Config::command().get_arguments() {
        let Some(env) = arg.get_env() else { continue };
        let default = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(", ");
        let default = match default.as_str() {
            "" => "—".to_owned(),
            d => format!("`{d}`"),
        };
        let help = arg
            .get_long_help()
            .or(arg.get_help())
            .map(|h| h.to_string().replace('\n', " ").replace('|', "\\|"))
            .unwrap_or_default();
        table.push_str(&format!(
            "| `{}` | {default} | {help} |\n",
            env.to_string_lossy()
        ));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::Config;

    #[test]
    fn requests_get_every_core_but_one_unless_told() {
        let cores = std::thread::available_parallelism().unwrap().get();
        let mut config = Config::for_tests("sqlite::memory:".into());
        config.worker_threads = None;
        assert_eq!(config.request_threads(), (cores - 1).max(1));
        config.worker_threads = Some(3);
        assert_eq!(config.request_threads(), 3);
        config.worker_threads = Some(0);
        assert_eq!(config.request_threads(), 1, "never none");
    }
}
