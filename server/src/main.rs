//! Starts Bestillingsportal's server: configuration from flags and environment, then
//! `Application::build` does the rest (see `startup.rs`).

use clap::Parser;
use server::{config::Config, startup::Application};

/// mimalloc, not glibc's malloc: an order is allocated and freed across threads (the
/// runtime's, sqlx's SQLite threads), and glibc's malloc, free and consolidation were a
/// fifth of the server's CPU under the order load (perf). Its arenas are committed as
/// they are used (`.cargo/config.toml`), so it holds about as much memory as glibc's
/// allocator from the start.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
