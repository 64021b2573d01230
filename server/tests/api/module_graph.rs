//! The server's modules import each other without circles: every `crate::…` and
//! `super::…` path in `server/src` is an edge from its file's module to the module it
//! names, and the graph must have no cycle. A circle is how a layer starts leaking into
//! another (routes serving each other domain helpers, a leaf needing the root); this test
//! names the modules of any circle it finds.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path ("routes::orders") → its source file's text, test modules cut off.
fn modules() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "bin") {
                    dirs.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&root).unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if matches!(
                parts.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                parts.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // A file's own tests (`use super::*`) are not imports between modules.
            let code = text.split("#[cfg(test)]").next().unwrap_or("").to_owned();
            found.insert(parts.join("::"), code);
        }
    }
    found
}

/// Every `crate::a::b` or `super::a` path in `code`, as absolute segments.
fn paths_in(module: &str, code: &str) -> Vec<Vec<String>> {
    let parent: Vec<String> = module
        .split("::")
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    let parent = &parent[..parent.len().saturating_sub(1)];
    let mut out = Vec::new();
    for (start, base) in [("crate::", &[][..]), ("super::", parent)] {
        for (at, _) in code.match_indices(start) {
            let before = code[..at].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let rest = &code[at + start.len()..];
            let segments: Vec<String> = rest
                .split("::")
                .map_while(|s| {
                    let ident: String = s
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                        .collect();
                    (!ident.is_empty()).then_some(ident)
                })
                .collect();
            let mut full = base.to_vec();
            full.extend(segments);
            out.push(full);
        }
    }
    out
}

/// Module → the other modules it imports (the longest module prefix of each path; a
/// module's own children and ancestors are its structure, not imports).
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let mut edges = BTreeMap::new();
    for (module, code) in &modules {
        let targets: BTreeSet<String> = paths_in(module, code)
            .into_iter()
            .filter_map(|path| {
                (1..=path.len())
                    .rev()
                    .map(|n| path[..n].join("::"))
                    .find(|m| modules.contains_key(m))
            })
            .filter(|target| {
                target != module
                    && !module.starts_with(&format!("{target}::"))
                    && !target.starts_with(&format!("{module}::"))
                    && !module.is_empty()
                    && !target.is_empty()
            })
            .collect();
        edges.insert(module.clone(), targets);
    }
    edges
}

/// A cycle through `start`, if there is one.
fn cycle_from(edges: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_owned(), vec![start.to_owned()])];
    let mut seen = BTreeSet::new();
    while let Some((at, path)) = stack.pop() {
        for next in edges.get(&at).into_iter().flatten() {
            if next == start {
                return Some(path.clone());
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

#[test]
fn no_module_of_the_server_imports_itself_in_a_circle() {
    let edges = graph();
    // The reading works: the graph sees the layers it is meant to keep apart.
    assert!(edges["routes::orders"].contains("ordering"), "{edges:?}");
    assert!(edges["ordering::place"].contains("db::writer"));
    assert!(edges["routes::auth"].contains("login"));
    let cycles: Vec<Vec<String>> = edges.keys().filter_map(|m| cycle_from(&edges, m)).collect();
    assert!(cycles.is_empty(), "import circles: {cycles:?}");
}

#[test]
fn the_reader_finds_a_circle_where_there_is_one() {
    let mut edges = graph();
    edges.get_mut("hex").unwrap().insert("auth".into());
    assert!(cycle_from(&edges, "hex").is_some());
}
