//! The i18n catalog as data for the browser. In the wasm, a `common::Text` keeps only its
//! bokmål (`common::i18n`): nynorsk and English are fetched when a visitor chooses them,
//! as one file per language (`dist/lang/nn.txt`, `dist/lang/en.txt`) that maps each
//! bokmål text to its translation.
//!
//! The texts are read from the sources, where every `Text` is made: `Text::new("…", "…",
//! "…")` and the catalog's `texts! { NAME = "…", "…", "…"; … }`. A `Text::new` whose three
//! arguments are not string literals stops the build, so no text can be missed; two texts
//! with the same bokmål and different translations stop it too (the file is keyed by
//! bokmål).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// Where the browser's texts are made: the shared crate and the app.
const SOURCES: &[&str] = &["common/src", "app/src"];

/// A text's translations, keyed by its bokmål.
pub type Catalog = BTreeMap<String, [String; 2]>;

/// The languages fetched when chosen, in the order of a catalog entry's translations.
pub const FETCHED: [&str; 2] = ["nn", "en"];

/// Every text of the sources under `root`.
pub fn read(root: &Path) -> Result<Catalog, String> {
    let mut catalog = Catalog::new();
    let mut problems = Vec::new();
    for dir in SOURCES {
        for file in rust_files(&root.join(dir))? {
            let source =
                fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let texts = texts_in(&source).map_err(|e| format!("{}: {e}", file.display()))?;
            for [nb, nn, en] in texts {
                if let Err(problem) = add(&mut catalog, nb, [nn, en]) {
                    problems.push(format!("{}: {problem}", file.display()));
                }
            }
        }
    }
    match problems.is_empty() {
        true => Ok(catalog),
        false => Err(problems.join("\n")),
    }
}

/// Writes one file per fetched language into `dir`: bokmål and translation after each
/// other, every one ended by a NUL (no text holds one), sorted by bokmål so the app can
/// search it without building a map.
pub fn write(catalog: &Catalog, dir: &Path) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (i, lang) in FETCHED.iter().enumerate() {
        let mut pack = String::new();
        for (nb, translations) in catalog {
            for part in [nb, &translations[i]] {
                pack.push_str(part);
                pack.push('\0');
            }
        }
        let file = dir.join(format!("{lang}.txt"));
        fs::write(&file, pack).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}

fn add(catalog: &mut Catalog, nb: String, translations: [String; 2]) -> Result<(), String> {
    if [&nb, &translations[0], &translations[1]]
        .iter()
        .any(|t| t.contains('\0'))
    {
        return Err(format!("a text holds a NUL: {nb:?}"));
    }
    match catalog.get(&nb) {
        Some(known) if *known != translations => Err(format!(
            "\"{nb}\" is translated two ways: {known:?} and {translations:?}; \
             make the bokmål differ, or the translations agree"
        )),
        Some(_) => Ok(()),
        None => {
            catalog.insert(nb, translations);
            Ok(())
        }
    }
}

fn rust_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            files.extend(rust_files(&path)?);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The texts made in one source file, as `[bokmål, nynorsk, English]`.
pub fn texts_in(source: &str) -> Result<Vec<[String; 3]>, String> {
    let tokens: TokenStream = source.parse().map_err(|e| format!("{e:?}"))?;
    let mut texts = Vec::new();
    walk(tokens, &mut texts)?;
    Ok(texts)
}

fn walk(tokens: TokenStream, texts: &mut Vec<[String; 3]>) -> Result<(), String> {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, token) in tokens.iter().enumerate() {
        let TokenTree::Group(group) = token else {
            continue;
        };
        let before = |n: usize| i.checked_sub(n).map(|at| &tokens[at]);
        let ident = |t: Option<&TokenTree>, name: &str| matches!(t, Some(TokenTree::Ident(id)) if id == name);
        let punct = |t: Option<&TokenTree>, c: char| matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == c);
        // `Text::new(…)`
        if group.delimiter() == Delimiter::Parenthesis
            && ident(before(1), "new")
            && punct(before(2), ':')
            && punct(before(3), ':')
            && ident(before(4), "Text")
        {
            texts.push(
                three_literals(group.stream())
                    .map_err(|e| format!("Text::new({}): {e}", group.stream()))?,
            );
            continue;
        }
        // `texts! { NAME = "…", "…", "…"; … }` (not the `macro_rules! texts` defining it)
        if punct(before(1), '!') && ident(before(2), "texts") {
            for entry in split_at(group.stream(), ';') {
                let mut entry = entry.into_iter();
                match (entry.next(), entry.next()) {
                    (Some(TokenTree::Ident(_)), Some(TokenTree::Punct(p)))
                        if p.as_char() == '=' =>
                    {
                        let text = three_literals(entry.collect());
                        texts.push(text.map_err(|e| format!("texts! entry: {e}"))?);
                    }
                    (first, _) => return Err(format!("texts!: not `NAME = …` at {first:?}")),
                }
            }
            continue;
        }
        // The definition of `texts!` makes its `Text`s of its arguments, read above.
        let defines_texts = ident(before(1), "texts") && punct(before(2), '!');
        if !(defines_texts && ident(before(3), "macro_rules")) {
            walk(group.stream(), texts)?;
        }
    }
    Ok(())
}

/// `"…", "…", "…"` (a trailing comma allowed) as the three strings.
fn three_literals(tokens: TokenStream) -> Result<[String; 3], String> {
    let parts = split_at(tokens, ',');
    let strings = parts
        .into_iter()
        .map(|part| match part.as_slice() {
            [TokenTree::Literal(literal)] => syn::parse_str::<syn::LitStr>(&literal.to_string())
                .map(|s| s.value())
                .map_err(|_| format!("not a string literal: {literal}")),
            other => Err(format!(
                "not a string literal: {}",
                other.iter().cloned().collect::<TokenStream>()
            )),
        })
        .collect::<Result<Vec<String>, String>>()?;
    strings
        .try_into()
        .map_err(|all: Vec<String>| format!("{} strings, not three", all.len()))
}

/// The token runs between `separator`s; an empty last run (a trailing separator) is left out.
fn split_at(tokens: TokenStream, separator: char) -> Vec<Vec<TokenTree>> {
    let mut parts = vec![Vec::new()];
    for token in tokens {
        match &token {
            TokenTree::Punct(p) if p.as_char() == separator => parts.push(Vec::new()),
            _ => parts.last_mut().expect("never empty").push(token),
        }
    }
    if parts.last().is_some_and(Vec::is_empty) {
        parts.pop();
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use common::i18n::t;

    fn strings(texts: &[[&str; 3]]) -> Vec<[String; 3]> {
        texts.iter().map(|t| t.map(str::to_owned)).collect()
    }

    #[test]
    fn reads_both_ways_of_making_a_text_and_skips_comments() {
        let source = r#"
            // Text::new("in a comment", "x", "y") is not a text
            const A: Text = Text::new("Navn", "Namn", "Name");
            const B: common::Text = common::Text::new(
                "Med \"sitat\"\n", "Med «sitat»", "Quoted",
            );
            macro_rules! texts { ($($name:ident = $nb:literal, $nn:literal, $en:literal;)*) => {}; }
            texts! {
                C = "Ja", "Ja", "Yes";
                D = r"Rå", "Rå", "Raw";
            }
            fn f() { let x = vec![field(Text::new("Felt", "Felt", "Field"))]; }
        "#;
        assert_eq!(
            texts_in(source).unwrap(),
            strings(&[
                ["Navn", "Namn", "Name"],
                ["Med \"sitat\"\n", "Med «sitat»", "Quoted"],
                ["Ja", "Ja", "Yes"],
                ["Rå", "Rå", "Raw"],
                ["Felt", "Felt", "Field"],
            ])
        );
    }

    #[test]
    fn a_text_not_made_of_three_literals_stops_the_build() {
        for source in [
            "const A: Text = Text::new(NB, \"Namn\", \"Name\");",
            "const A: Text = Text::new(\"Navn\", \"Namn\");",
            "macro_rules! m { ($a:literal) => { Text::new($a, $a, $a) } }",
            "texts! { A = \"Ja\", \"Ja\"; }",
        ] {
            assert!(texts_in(source).is_err(), "{source}");
        }
    }

    #[test]
    fn one_bokmal_text_translated_two_ways_stops_the_build() {
        let mut catalog = Catalog::new();
        let pair = |nn: &str, en: &str| [nn.to_owned(), en.to_owned()];
        add(&mut catalog, "Navn".into(), pair("Namn", "Name")).unwrap();
        add(&mut catalog, "Navn".into(), pair("Namn", "Name")).unwrap();
        assert!(add(&mut catalog, "Navn".into(), pair("Namn", "Surname")).is_err());
    }

    #[test]
    fn the_catalog_from_the_sources_has_every_text_of_the_app() {
        let catalog = read(&crate::root()).unwrap();
        // The catalog's own list, and the form specs' texts.
        use common::form::FieldKind;
        let mut all: Vec<common::Text> = t::ALL.to_vec();
        for service in common::services::SERVICES {
            all.push(service.name);
            all.extend(service.next_steps);
            all.extend(service.documents.iter().map(|d| d.title));
            let form = service.form;
            all.extend([form.title].into_iter().chain(form.notice));
            for section in form.sections {
                all.extend(
                    [section.title]
                        .into_iter()
                        .chain(section.group.as_ref().map(|g| g.item)),
                );
                for field in section.fields {
                    all.extend([field.label].into_iter().chain(field.hint));
                    if let FieldKind::MultiChoice(choices) | FieldKind::OneChoice(choices) =
                        field.kind
                    {
                        for choice in choices {
                            all.extend([choice.label].into_iter().chain(choice.hint));
                        }
                    }
                }
            }
        }
        for text in all {
            assert_eq!(
                catalog.get(text.nb),
                Some(&[text.nn.to_owned(), text.en.to_owned()]),
                "{:?}",
                text.nb
            );
        }
        assert!(catalog.len() > 600, "{} texts", catalog.len());
    }
}
