//! Builds the SPA bundle into `dist/`: the app compiled to wasm32 with the size profile,
//! wasm-bindgen's glue, wasm-opt -Oz, the stylesheet (designsystemet + theme + ours),
//! static files, the scripts and the stylesheet minified (esbuild), the entry pages'
//! first screens rendered by the same app built natively (`app/src/prerender.rs` into
//! `dist/pages/`), the texts of nynorsk and English (`catalog.rs`, into `dist/lang/`);
//! each text and wasm file also precompressed (.br, .gz) for the server.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::tools::npx;
use crate::{TaskResult, check, cmd, root};

/// designsystemet's stylesheet; only the components below are shipped (see `design_system_css`).
const DS_CSS: &str = "node_modules/@digdir/designsystemet-css/dist/src/index.css";

/// The designsystemet components the app uses. Add one here when the app starts using it:
/// the rest of the design system's CSS (tables, tabs, comboboxes, …) stays out of the bundle.
const DS_COMPONENTS: &[&str] = &[
    "alert",
    "dialog",
    "button",
    "error-summary",
    "field",
    "fieldset",
    "heading",
    "input",
    "label",
    "link",
    "list",
    "paragraph",
    "skip-link",
    "validation-message",
];

/// After the design system, in cascade order: the brand theme fills its layers, our
/// additions (unlayered) come last.
const CSS_PARTS: &[&str] = &[
    "node_modules/@digdir/designsystemet-theme/brand/digdir.css",
    "style/theme.css",
    "style/app.css",
];

/// wasm features rustc enables by default for wasm32 today; wasm-opt must accept them.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

pub fn build() -> TaskResult {
    build_with(&[])
}

/// The bundle with extra cargo arguments (the tests add the fixture service's feature).
pub fn build_with(extra: &[&str]) -> TaskResult {
    let root = root();
    let dist = root.join("dist");
    let mut args = vec![
        "build",
        "-p",
        "app",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
    ];
    args.extend(extra);
    check(cmd("cargo", &args))?;
    let _ = fs::remove_dir_all(&dist);
    fs::create_dir_all(dist.join("pkg")).map_err(|e| e.to_string())?;
    let (main, lazy) = crate::split::split(
        &root.join("target/wasm32-unknown-unknown/wasm-release/app.wasm"),
        &dist.join("pkg"),
    )?;
    let main = main.display().to_string();
    check(cmd(
        "wasm-bindgen",
        &[
            &main,
            "--out-dir",
            "dist/pkg",
            "--out-name",
            "app",
            "--target",
            "web",
            "--no-typescript",
            // The split modules call the main module's functions by their linker names.
            "--keep-lld-exports",
            "--no-demangle",
        ],
    ))?;
    let main = dist.join("pkg/app_bg.wasm");
    for wasm in lazy.iter().chain([&main]) {
        let wasm = wasm.display().to_string();
        let mut opt: Vec<&str> = vec!["wasm-opt", "-Oz", "--strip-debug", "--strip-producers"];
        opt.extend(WASM_FEATURES);
        opt.extend([wasm.as_str(), "-o", wasm.as_str()]);
        check(npx(&opt))?;
    }

    let mut css = design_system_css(
        &fs::read_to_string(root.join(DS_CSS)).map_err(|e| format!("{DS_CSS}: {e}"))?,
    )?;
    for part in CSS_PARTS {
        let text = fs::read_to_string(root.join(part)).map_err(|e| format!("{part}: {e}"))?;
        css.push_str(&format!("/* {part} */\n{text}\n"));
    }
    fs::write(dist.join("app.css"), css).map_err(|e| e.to_string())?;
    for (from, to) in [("app/index.html", "index.html"), ("app/boot.js", "boot.js")] {
        fs::copy(root.join(from), dist.join(to)).map_err(|e| format!("{from}: {e}"))?;
    }
    for entry in fs::read_dir(root.join("public")).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        fs::copy(entry.path(), dist.join(entry.file_name())).map_err(|e| e.to_string())?;
    }
    minify(&dist)?;
    // Nynorsk and English, fetched when chosen (the wasm holds the bokmål only).
    crate::catalog::write(&crate::catalog::read(&root)?, &dist.join("lang"))?;
    prerender(extra)?;
    precompress(&dist)
}

/// The scripts and the stylesheet the browser fetches, minified in place by one esbuild
/// run (npm): whitespace, comments and local names out, nothing else changed (no bundling,
/// no syntax lowering, the module format kept). Brotli afterwards: the entry pages' CSS and
/// `boot.js` 2.0 kB less, the app's JS glue and split loader 2.1 kB less.
fn minify(dist: &Path) -> TaskResult {
    let files: Vec<String> = ["app.css", "boot.js", "pkg/app.js", "pkg/__wasm_split.js"]
        .iter()
        .map(|file| dist.join(file).display().to_string())
        .collect();
    // Written back where each file was read (`--outbase` keeps `pkg/`).
    let outdir = format!("--outdir={}", dist.display());
    let outbase = format!("--outbase={}", dist.display());
    let mut args = vec![
        "esbuild",
        "--minify",
        "--log-level=warning",
        "--allow-overwrite",
        &outdir,
        &outbase,
    ];
    args.extend(files.iter().map(String::as_str));
    check(npx(&args))
}

/// Renders the entry pages' first screens into `dist/pages/` (the app's feature `ssr`).
fn prerender(extra: &[&str]) -> TaskResult {
    let mut args = vec![
        "run",
        "--quiet",
        "-p",
        "app",
        "--no-default-features",
        "--features",
        "ssr",
    ];
    args.extend(extra);
    args.extend(["--", "dist"]);
    check(cmd("cargo", &args))
}

/// designsystemet's `index.css` is its layer order followed by one `@layer … { … }` block per
/// component. Keeps the layer order, every `ds.base` block and the blocks of `DS_COMPONENTS`
/// (a block belongs to the first `.ds-` class in it).
fn design_system_css(index: &str) -> Result<String, String> {
    let order_end = index
        .find(';')
        .ok_or("designsystemet css: no layer order")?
        + 1;
    let mut out = format!(
        "/* {DS_CSS}, components: {} */\n{}\n",
        DS_COMPONENTS.join(", "),
        &index[..order_end]
    );
    let (mut depth, mut start) = (0usize, order_end);
    for (i, c) in index.char_indices().skip_while(|(i, _)| *i < order_end) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth
                    .checked_sub(1)
                    .ok_or("designsystemet css: unbalanced braces")?;
                if depth == 0 {
                    let block = &index[start..=i];
                    if block.starts_with("@layer ds.base")
                        || DS_COMPONENTS.contains(&first_component(block))
                    {
                        out.push_str(block);
                        out.push('\n');
                    }
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// "alert" for a block whose first class is `.ds-alert`.
fn first_component(block: &str) -> &str {
    let Some(at) = block.find(".ds-") else {
        return "";
    };
    let name = &block[at + 4..];
    let end = name
        .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
        .unwrap_or(name.len());
    name[..end].trim_end_matches('-')
}

/// Writes `.br` (quality 11) and `.gz` beside every compressible file.
pub fn precompress(dir: &Path) -> TaskResult {
    for entry in fs::read_dir(dir).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            precompress(&path)?;
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "html" | "js" | "css" | "wasm" | "svg" | "json" | "txt") {
            continue;
        }
        let data = fs::read(&path).map_err(|e| e.to_string())?;
        fs::write(format!("{}.br", path.display()), brotli_bytes(&data))
            .map_err(|e| e.to_string())?;
        fs::write(format!("{}.gz", path.display()), gzip_bytes(&data))
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

pub fn brotli_bytes(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).expect("in-memory brotli");
    out
}

pub fn gzip_bytes(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).expect("in-memory gzip");
    e.finish().expect("in-memory gzip")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_used_components_and_the_base_layer_are_kept() {
        let index = "@layer ds.theme, ds.base, ds.components;@layer ds.base{.ds-sr-only{a:b}}\
                     @layer ds.components{.ds-button{c:d}.ds-spinner{e:f}}@layer ds.components{.ds-table{g:h}}";
        let css = design_system_css(index).unwrap();
        assert!(css.contains("@layer ds.theme, ds.base, ds.components;"));
        assert!(css.contains(".ds-sr-only{a:b}"));
        assert!(css.contains(".ds-button{c:d}.ds-spinner{e:f}"));
        assert!(!css.contains(".ds-table"));
    }
}
