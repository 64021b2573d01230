//! Staff log in through their own OpenID Connect provider: the same npm `oidc-provider`
//! as the ID-porten tests, in a second configuration (`end2end/oidc/staff-provider.mjs`,
//! roles in `roles` as Entra ID's app roles), walked by an HTTP client as a browser would.

use std::process::{Child, Command, Stdio};

use common::api::staff::StaffMe;
use reqwest::StatusCode;
use reqwest::redirect::Policy;
use serde_json::json;

use crate::helpers::*;
use crate::smtp::free_port;

/// The staff provider on a free port; stopped when dropped.
struct StaffProvider {
    issuer: String,
    child: Child,
}

impl Drop for StaffProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_provider(redirect_uri: &str) -> StaffProvider {
    let port = free_port();
    let child = Command::new("node")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../end2end/oidc/staff-provider.mjs"
        ))
        .arg(port.to_string())
        .arg(redirect_uri)
        .stdout(Stdio::null())
        .spawn()
        .expect("node runs the staff provider");
    StaffProvider {
        issuer: format!("http://127.0.0.1:{port}"),
        child,
    }
}

/// The portal with the staff provider configured as NHN would: its own client, roles in
/// `roles` with the names of Entra ID app roles.
async fn portal_with_provider() -> (TestApp, StaffProvider) {
    let port = free_port();
    let provider = start_provider(&format!("http://127.0.0.1:{port}/api/staff/callback"));
    let issuer = provider.issuer.clone();
    let app = spawn_with(std::sync::Arc::new(tempfile::tempdir().unwrap()), |c| {
        c.listen = format!("127.0.0.1:{port}").parse().unwrap();
        c.staff_oidc_issuer = Some(issuer);
        c.staff_oidc_client_secret = "staff-test-secret-not-for-production".parse().unwrap();
        c.staff_role_saksbehandler = "Bestillingsportal.Saksbehandler".into();
        c.staff_role_leder = "Bestillingsportal.Leder".into();
    })
    .await;
    (app, provider)
}

/// A browser-like client that stops once it is sent back into the SPA.
fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::custom(|attempt| {
            if attempt.url().path().starts_with("/kundesenter") {
                attempt.stop()
            } else {
                attempt.follow()
            }
        }))
        .build()
        .unwrap()
}

/// Logs in at the provider as `username` with `roles`; where the portal sent the browser.
async fn log_in(app: &TestApp, client: &reqwest::Client, username: &str, roles: &[&str]) -> String {
    let page = client
        .get(format!("{}/api/staff/login", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let interaction = page.url().clone();
    assert!(
        interaction.path().starts_with("/interaction/"),
        "{interaction}"
    );
    let mut form = vec![
        ("username", username.to_owned()),
        ("name", format!("{username} Ansatt")),
    ];
    for (i, role) in roles.iter().enumerate() {
        form.push((if i == 0 { "role0" } else { "role1" }, (*role).to_owned()));
    }
    let back = client.post(interaction).form(&form).send().await.unwrap();
    assert_eq!(back.status(), StatusCode::SEE_OTHER);
    back.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn staff_log_in_through_their_provider_with_the_role_it_gives() {
    let (app, _provider) = portal_with_provider().await;
    let lars = browser();
    let landed = log_in(&app, &lars, "lars", &["Bestillingsportal.Leder"]).await;
    assert_eq!(landed, "/kundesenter");
    let me: StaffMe = get_json(&lars, &app, "/api/staff/me").await;
    assert_eq!(
        me,
        StaffMe {
            name: "lars Ansatt".into(),
            role: "leder".into()
        }
    );
    let siri = browser();
    log_in(&app, &siri, "siri", &["Bestillingsportal.Saksbehandler"]).await;
    let me: StaffMe = get_json(&siri, &app, "/api/staff/me").await;
    assert_eq!(me.role, "saksbehandler");
    // The leder's audit log is his, not hers.
    let r = siri
        .get(format!("{}/api/staff/audit", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // Someone the provider knows but gives no role here gets no staff session.
    let other = browser();
    let landed = log_in(&app, &other, "ola", &[]).await;
    assert_eq!(landed, "/kundesenter/innlogging?feil=role");
    let r = other
        .get(format!("{}/api/staff/me", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

    // With a provider configured there is no test login.
    let r = other
        .post(format!("{}/api/staff/test-login", app.base))
        .json(&json!({ "name": "Falsk", "role": "leder" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_callback_from_another_browser_or_a_customer_login_logs_no_staff_in() {
    let (app, _provider) = portal_with_provider().await;
    // The attempt's state taken from one browser, finished in another: refused.
    let starter = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap();
    let r = starter
        .get(format!("{}/api/staff/login", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    let authorize = r.headers()["location"].to_str().unwrap().to_owned();
    let state = reqwest::Url::parse(&authorize)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "state")
        .map(|(_, v)| v.into_owned())
        .unwrap();
    let stranger = browser();
    let r = stranger
        .get(format!(
            "{}/api/staff/callback?code=anything&state={state}",
            app.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers()["location"],
        "/kundesenter/innlogging?feil=state"
    );
    // A state the portal never issued (or issued and used): refused the same way.
    let r = stranger
        .get(format!("{}/api/staff/callback?state=unknown", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.headers()["location"],
        "/kundesenter/innlogging?feil=state"
    );
}
