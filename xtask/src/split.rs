//! Splits the app's wasm at its lazy routes (leptos_router's `#[lazy_route]`, which marks
//! each lazy page's view as a wasm-split point): the main module keeps the shell and the
//! entry pages (the journey, the customer-portal login), each other page becomes a module
//! of its own (code several pages share goes into a shared chunk), fetched by the loader
//! `__wasm_split.js` when the user first goes there. The linker keeps its relocations
//! (`-Clink-args=--emit-relocs`, `.cargo/config.toml`) so code can be moved between
//! modules; wasm-bindgen then runs on the main module with `--keep-lld-exports`.

use std::fs;
use std::path::{Path, PathBuf};

/// The loader module the main wasm imports the split points' stubs from, beside `app.js`.
pub const LOADER: &str = "./__wasm_split.js";

/// Splits `linked` (the app as the linker wrote it): the split modules and the loader go
/// into `pkg`, the main module to the returned path (for wasm-bindgen).
pub fn split(linked: &Path, pkg: &Path) -> Result<(PathBuf, Vec<PathBuf>), String> {
    let input = fs::read(linked).map_err(|e| format!("{}: {e}", linked.display()))?;
    let main = linked.with_file_name("app_split.wasm");
    let mut options = wasm_split_cli_support::Options::new(&input);
    options.output_dir = pkg;
    options.main_out_path = &main;
    // The loader imports `initSync` from wasm-bindgen's glue for the main module's exports.
    options.main_module = "./app.js";
    options.link_name = LOADER;
    let split =
        wasm_split_cli_support::transform(options).map_err(|e| format!("wasm split: {e:?}"))?;
    Ok((main, split.split_modules))
}
