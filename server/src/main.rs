//! Starts Bestillingsportal's server: configuration from flags and environment, then
//! `Application::build` does the rest (see `startup.rs`).

use clap::Parser;
use server::{config::Config, startup::Application};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::parse();
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(config.request_threads())
        .enable_all()
        .build()?
        .block_on(serve(config))
}

async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    server::logging::init(server::logging::format_of(&config));
    let app = Application::build(config).await?;
    // The line tools and teammates look for: where the portal answers.
    println!("Bestillingsportal kjører på http://{}", app.address());
    app.run_until_stopped().await?;
    Ok(())
}
