//! Configuration from command-line flags or environment variables, with defaults that
//! run the portal on a laptop with no set-up at all.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;
use common::session::SessionPolicy;

#[derive(Clone, Debug, Parser)]
#[command(
    name = "server",
    about = "Bestillingsportal: NHN's self-service ordering portal"
)]
pub struct Config {
    /// Address to listen on; port 0 picks a free port (tests).
    #[arg(long, env = "BP_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Database. SQLite file by default (created if missing).
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

    /// Production mode: the built-in test login is refused.
    #[arg(long, env = "BP_PRODUCTION", default_value_t = false)]
    pub production: bool,

    /// Mark cookies `Secure` (set when served over HTTPS).
    #[arg(long, env = "BP_SECURE_COOKIES", default_value_t = false)]
    pub secure_cookies: bool,
}

impl Config {
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
