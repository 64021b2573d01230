//! What every API test needs: the real server on a random port with a fresh SQLite file
//! (as in zero-to-production's `spawn_app`), logged-in clients, a valid order.

use crate::persons::KARI;
use common::api::{Me, SubmitOrder};
use common::form::RawForm;
use reqwest::StatusCode;
use serde_json::json;
use server::config::Config;
use server::startup::Application;

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    _dir: std::sync::Arc<tempfile::TempDir>,
    pub db_url: String,
}

pub async fn spawn_with(
    dir: std::sync::Arc<tempfile::TempDir>,
    tweak: impl FnOnce(&mut Config),
) -> TestApp {
    let db_url = database_url(dir.path(), "test").await;
    let mut config = Config::for_tests(db_url.clone());
    tweak(&mut config);
    let app = Application::build(config).await.expect("app builds");
    let base = format!("http://{}", app.address());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    TestApp {
        base,
        client,
        _dir: dir,
        db_url,
    }
}

pub use server::db::test_database_url as database_url;

pub async fn spawn_app() -> TestApp {
    spawn_with(std::sync::Arc::new(tempfile::tempdir().unwrap()), |_| {}).await
}

impl TestApp {
    /// A server started as a process of its own (`portal_login::start_process`), seen
    /// through `client`: the same helpers work on it.
    pub fn at(base: &str, client: reqwest::Client, db_url: &str) -> TestApp {
        TestApp {
            base: base.to_owned(),
            client,
            _dir: std::sync::Arc::new(tempfile::tempdir().unwrap()),
            db_url: db_url.to_owned(),
        }
    }

    pub async fn login(&self) -> Me {
        let r = self
            .client
            .post(format!("{}/api/auth/test-login", self.base))
            .json(&json!({ "eid": "bankid", "fodselsnummer": KARI.0, "name": "Kari Testperson" }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        r.json().await.unwrap()
    }

    pub async fn post(&self, path: &str, body: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// Submits `body` as an order that must be stored; its receipt.
    pub async fn submitted(&self, body: &serde_json::Value) -> common::api::Receipt {
        let r = self.post("/api/orders", body).await;
        assert!(r.status().is_success(), "{}", r.status());
        r.json().await.unwrap()
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
    }
}

pub fn valid_answers() -> RawForm {
    serde_json::from_value(json!({
        "tjenestetype": ["digihelse", "digihelsestasjon"],
        "kommune_navn": "Ørland kommune",
        "her_id_virksomhet": "8765432",
        "her_id_parter": ["8765433", "8765434"],
        "kontakt_navn": "Kari Nordmann",
        "kontakt_epost": "kari@orland.kommune.no",
        "kontakt_mobil": "+47 912 34 567",
        "epj_navn": "CGM", "epj_system": "CGM Journal", "epj_versjon": "142",
        "ikt_navn": "Driftspartner AS", "ikt_orgnr": "994 598 759",
        "ikt_mobil": "41234567", "ikt_epost_statistikk": "stat@drift.no"
    }))
    .unwrap()
}

pub fn order(answers: RawForm) -> serde_json::Value {
    serde_json::to_value(SubmitOrder {
        service: "digitaleinnbyggertjenester".into(),
        orgnr: "994598759".into(),
        answers,
        accepted_documents: vec!["avtale-digihelse".into()],
        idempotency_key: None,
    })
    .unwrap()
}

/// The DigiHelse order of `order` for another unit than NHN, with that unit's own
/// HER-ids from the bundled Adresseregisteret extract.
pub fn order_for(orgnr: &str) -> serde_json::Value {
    let (virksomhet, parter): (&str, &[&str]) = match orgnr {
        "945627913" => ("8830001", &["8830002"]),
        "942110464" => ("8790001", &["8790002"]),
        other => panic!("no HER-ids for {other} in the test extract"),
    };
    let mut body = order(valid_answers());
    body["orgnr"] = json!(orgnr);
    body["answers"]["her_id_virksomhet"] = json!(virksomhet);
    body["answers"]["her_id_parter"] = json!(parter);
    body
}

/// Submits `body` as an order by the user of `client` on the server at `base`; its receipt
/// (the test fails unless it is stored).
pub async fn submitted_by(
    client: &reqwest::Client,
    base: &str,
    body: &serde_json::Value,
) -> common::api::Receipt {
    let r = client
        .post(format!("{base}/api/orders"))
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    r.json().await.unwrap()
}

/// Logs a second person in on the same server.
pub async fn login_as(app: &TestApp, fnr: &str, name: &str) -> reqwest::Client {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let r = client
        .post(format!("{}/api/auth/test-login", app.base))
        .json(&json!({ "eid": "bankid", "fodselsnummer": fnr, "name": name }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    client
}

/// A client logged in as staff with `role`.
pub async fn staff_as(app: &TestApp, name: &str, role: &str) -> reqwest::Client {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let r = client
        .post(format!("{}/api/staff/test-login", app.base))
        .json(&json!({ "name": name, "role": role }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    client
}

/// GET `path` as `client`, decoded (the test fails on anything else).
pub async fn get_json<T: serde::de::DeserializeOwned>(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
) -> T {
    client
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// The text of a PDF, as poppler's pdftotext extracts it.
/// The response's `Set-Cookie` headers, each as sent.
pub fn set_cookies(r: &reqwest::Response) -> Vec<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .map(|c| c.to_str().unwrap().to_owned())
        .collect()
}

pub fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    String::from_utf8(out.stdout).unwrap()
}
