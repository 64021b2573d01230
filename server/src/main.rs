//! Starts Bestillingsportal's server: configuration from flags and environment, then
//! `Application::build` does the rest (see `startup.rs`).

use clap::Parser;
use server::{config::Config, startup::Application};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_http=warn".into()),
        )
        .init();
    let app = Application::build(Config::parse()).await?;
    // The line tools and teammates look for: where the portal answers.
    println!("Bestillingsportal kjører på http://{}", app.address());
    app.run_until_stopped().await?;
    Ok(())
}
