//! Sessions end to end: the test login, what a session shows and refuses, its expiry,
//! "Forleng økten" and logout.

use crate::persons::{EIRIK, KARI};
use common::api::{ErrorBody, ErrorCode, Me};
use reqwest::StatusCode;
use serde_json::json;
use server::config::Config;
use server::startup::Application;

use crate::helpers::*;

#[tokio::test]
async fn health_answers_ok() {
    let app = spawn_app().await;
    assert_eq!(app.get("/api/health").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn endpoints_that_need_a_user_refuse_without_a_session() {
    let app = spawn_app().await;
    for (method, path) in [
        ("GET", "/api/me"),
        ("GET", "/api/organisations/994598759"),
        ("POST", "/api/orders"),
        ("POST", "/api/orders/validate"),
        ("POST", "/api/session/extend"),
        ("GET", "/api/orders/BP-3467-3467"),
    ] {
        let r = match method {
            "GET" => app.get(path).await,
            _ => app.post(path, &order(valid_answers())).await,
        };
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{method} {path}");
        let body: ErrorBody = r.json().await.unwrap();
        assert_eq!(body.error, ErrorCode::Unauthenticated);
    }
}

#[tokio::test]
async fn test_login_sets_an_httponly_session_and_me_shows_the_user_without_fnr() {
    let app = spawn_app().await;
    let r = app
        .client
        .post(format!("{}/api/auth/test-login", app.base))
        .json(&json!({ "eid": "minid", "fodselsnummer": KARI.0, "name": "Ola Test" }))
        .send()
        .await
        .unwrap();
    let cookies = set_cookies(&r);
    let session = cookies
        .iter()
        .find(|c| c.starts_with("bp_session="))
        .unwrap();
    assert!(
        session.contains("HttpOnly") && session.contains("SameSite=Lax"),
        "{session}"
    );
    // The hint boot.js reads says "signed in" and nothing more.
    assert!(
        cookies.contains(&"bp_signed_in=1; Path=/; SameSite=Lax".to_owned()),
        "{cookies:?}"
    );
    let r = app.get("/api/me").await;
    assert!(r.headers().contains_key("x-session-expires-at"));
    let text = r.text().await.unwrap();
    assert!(
        !text.contains(KARI.0),
        "no fødselsnummer in /api/me: {text}"
    );
    let me: Me = serde_json::from_str(&text).unwrap();
    assert_eq!(me.name, "Ola Test");
    assert!(me.session.expires_at_ms > me.session.server_now_ms);
}

#[tokio::test]
async fn test_login_refuses_bad_input_with_field_errors_and_production_will_not_start_without_idporten()
 {
    let app = spawn_app().await;
    let r = app
        .post(
            "/api/auth/test-login",
            &json!({ "eid": "facebook", "fodselsnummer": EIRIK.0, "name": " " }),
        )
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = r.json().await.unwrap();
    assert_eq!(
        body.fields.keys().collect::<Vec<_>>(),
        vec!["eid", "fodselsnummer", "name"]
    );
    assert!(!body.message.contains(EIRIK.0));

    // Production without ID-porten refuses to start: the test login is never offered there.
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::for_tests(crate::helpers::database_url(dir.path(), "p").await);
    config.production = true;
    let refused = Application::build(config)
        .await
        .err()
        .expect("refuses to start");
    assert!(refused.to_string().contains("BP_OIDC_ISSUER"), "{refused}");
}

#[tokio::test]
async fn an_expired_session_gets_session_expired_and_logout_ends_the_session() {
    let dir = std::sync::Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_with(dir, |c| c.session_lifetime_secs = 1).await;
    app.login().await;
    assert_eq!(app.get("/api/me").await.status(), StatusCode::OK);
    tokio::time::sleep(std::time::Duration::from_millis(1200)).await;
    let r = app.post("/api/orders", &order(valid_answers())).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        r.json::<ErrorBody>().await.unwrap().error,
        ErrorCode::SessionExpired
    );

    let app = spawn_app().await;
    app.login().await;
    let r = app.post("/api/auth/logout", &json!({})).await;
    assert_eq!(r.status(), StatusCode::OK);
    let cleared = set_cookies(&r);
    for name in ["bp_session=;", "bp_signed_in=;"] {
        assert!(
            cleared
                .iter()
                .any(|c| c.starts_with(name) && c.contains("Max-Age=0")),
            "logout clears {name} {cleared:?}"
        );
    }
    let body: common::api::LogoutResponse = r.json().await.unwrap();
    assert_eq!(
        body.end_session_url, None,
        "no ID-porten session to end after a test login"
    );
    assert_eq!(app.get("/api/me").await.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn extending_always_moves_the_expiry_even_right_after_activity() {
    let app = spawn_with(std::sync::Arc::new(tempfile::tempdir().unwrap()), |c| {
        c.session_lifetime_secs = 40
    })
    .await;
    let me = app.login().await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let r = app.post("/api/session/extend", &json!({})).await;
    assert_eq!(r.status(), StatusCode::OK);
    let header: i64 = r.headers()["x-session-expires-at"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let info: common::api::SessionInfo = r.json().await.unwrap();
    assert!(
        info.expires_at_ms >= me.session.expires_at_ms + 1000,
        "moved by the second that passed"
    );
    assert_eq!(
        header, info.expires_at_ms,
        "the header tells the same new expiry"
    );
}
