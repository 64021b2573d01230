//! The test persons, one set for every API test: synthetic fødselsnummer (valid check
//! digits, never real people) with the names they log in with. Where Enhetsregisteret's
//! stub and bundled extract give them roles is said at each.

/// A person as the test login takes them: (fødselsnummer, name).
pub type Person = (&'static str, &'static str);

/// Holds roles with authority in the bundled extract's units (daglig leder).
pub const KARI: Person = ("08908834756", "Kari Testperson");
/// Holds a role with authority at the GP office, none in the municipalities.
pub const OLA: Person = ("22069015569", "Ola Annen");
/// Holds no role anywhere.
pub const PER: Person = ("59035126672", "Per Annen");
/// Holds no role anywhere either: a second stranger.
pub const PER_UTEN_ROLLE: Person = ("15857510027", "Per Uten Rolle");
/// A valid number for refusals of everything but the number.
pub const EIRIK: Person = ("28083638683", "Eirik Testperson");

/// Kari logs in with the test login on `client` (which keeps the session cookie).
pub async fn kari_logs_in(client: &reqwest::Client, base: &str) {
    let r = client
        .post(format!("{base}/api/auth/test-login"))
        .json(&serde_json::json!({ "eid": "bankid", "fodselsnummer": KARI.0, "name": KARI.1 }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
}
