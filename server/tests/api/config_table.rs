//! The README's table of settings is the one the code declares (`config::markdown_table`).

const BEGIN: &str = "<!-- config-table: made by server::config::markdown_table -->\n";
const END: &str = "<!-- /config-table -->";

#[test]
fn the_readme_lists_every_setting_as_declared() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .expect("README.md");
    let table = server::config::markdown_table();
    let documented = readme
        .split_once(BEGIN)
        .and_then(|(_, rest)| rest.split_once(END))
        .map(|(table, _)| table);
    assert_eq!(
        documented,
        Some(table.as_str()),
        "the README's settings differ from the code; put this between the markers:\n{table}"
    );
    assert!(table.contains("| `BP_METRICS_TOKEN` |"), "{table}");
    assert!(
        table.contains("| `DATABASE_URL` | `sqlite://data/bestillingsportal.db` |"),
        "{table}"
    );
}
