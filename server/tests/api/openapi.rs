//! The API description at `/api/openapi.json`: OpenAPI 3.1, every API route in it
//! (routes are registered with their description, `utoipa_axum::routes!`, so a plain
//! `.route(` in an API module is one left out), the error body documented.

use reqwest::StatusCode;

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_description_is_openapi_3_1_with_every_route_and_its_errors() {
    let app = spawn_app().await;
    let r = reqwest::get(format!("{}/api/openapi.json", app.base))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let doc: serde_json::Value = r.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let submit = &doc["paths"]["/api/orders"]["post"];
    assert_eq!(
        submit["responses"]["201"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Receipt"
    );
    assert_eq!(
        submit["responses"]["422"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ErrorBody"
    );
    assert_eq!(submit["security"][0]["session"], serde_json::json!([]));
    let operations: usize = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .map(|item| item.as_object().unwrap().len())
        .sum();
    // Every `routes!(…)` handler in the API modules is one operation.
    let declared: usize = api_modules()
        .iter()
        .map(|(_, source)| source.matches("#[utoipa::path(").count())
        .sum();
    assert_eq!(operations, declared, "{doc}");
    assert!(operations >= 60, "{operations}");
}

#[test]
fn no_api_route_bypasses_the_description() {
    for (name, source) in api_modules() {
        assert!(
            !source.contains(".route("),
            "{name} registers a route without its description: use `.routes(routes!(handler))`"
        );
    }
}

/// The API's route modules and their source (not `ops.rs`, `spa.rs`, `mod.rs`: outside
/// `/api`, or the description's own route).
fn api_modules() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/routes");
    let mut modules: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_str().unwrap();
            !["ops.rs", "spa.rs", "mod.rs", "trace.rs", "openapi.rs"].contains(&name)
        })
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    modules.sort();
    modules
}

#[tokio::test]
async fn a_seal_check_without_a_file_is_refused_at_the_field() {
    // Found by schemathesis: an empty body was answered 200 "not valid".
    let app = spawn_app().await;
    let r = reqwest::Client::new()
        .post(format!("{}/api/seal/verify", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: common::api::ErrorBody = r.json().await.unwrap();
    assert!(body.fields.contains_key("file"), "{body:?}");
}
