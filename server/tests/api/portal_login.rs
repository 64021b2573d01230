//! The customer portal's login: password (argon2), a code by e-mail through a real SMTP
//! server, the limits on passwords and codes (also across two server processes on one
//! database), "Husk meg", "Glemt passordet?", and what an account may and may not do.

use crate::persons::{KARI, OLA};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::FieldError;
use common::api::{
    CodeDestinations, ErrorBody, ErrorCode, Me, MyOrganisations, OrderSummary, Standing,
};
use reqwest::StatusCode;
use serde_json::json;
use server::db::accounts::DEMO_PASSWORD;
use server::db::login_failures::{ADDRESS_MAX, MAX_DELAY_MS, PAIR_MAX};

use crate::helpers::*;
use crate::smtp::{TestSmtp, free_port, wait_for_mail};

pub(crate) fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap()
}

pub(crate) async fn password(
    c: &reqwest::Client,
    base: &str,
    user: &str,
    pw: &str,
    remember: bool,
) -> reqwest::Response {
    c.post(format!("{base}/api/auth/password"))
        .json(&json!({ "username": user, "password": pw, "remember": remember }))
        .send()
        .await
        .unwrap()
}

pub(crate) async fn send_code(c: &reqwest::Client, base: &str) -> reqwest::Response {
    c.post(format!("{base}/api/auth/code"))
        .json(&json!({ "channel": "email" }))
        .send()
        .await
        .unwrap()
}

pub(crate) async fn verify(c: &reqwest::Client, base: &str, code: &str) -> reqwest::Response {
    c.post(format!("{base}/api/auth/code/verify"))
        .json(&json!({ "code": code }))
        .send()
        .await
        .unwrap()
}

/// The newest security code in the outbox (for tests that do not need the SMTP server).
pub(crate) async fn latest_code(db_url: &str) -> String {
    let db = server::db::open(db_url).await.unwrap();
    let body: String = sqlx::query_scalar(
        "SELECT body FROM notifications WHERE subject LIKE 'Sikkerhetskode%' ORDER BY id DESC LIMIT 1",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    six_digits(&body)
}

fn six_digits(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .expect("a six-digit code in the message")
        .to_owned()
}

/// As if the last code went out 30 s ago: the next may be sent.
pub(crate) async fn code_spacing_passed(db: &server::db::Db) {
    sqlx::query("UPDATE pending_logins SET code_expires_ms = code_expires_ms - $1")
        .bind(server::db::pending_logins::CODE_SPACING_MS)
        .execute(db)
        .await
        .unwrap();
}

/// As if a minute had passed since the latest attempts: any delay has run out. Older
/// attempts stay where they are, so they still count toward the caps of the window.
pub(crate) async fn delays_passed(db: &server::db::Db) {
    sqlx::query("UPDATE login_failures SET at_ms = at_ms - $1 WHERE at_ms > $2")
        .bind(MAX_DELAY_MS)
        .bind(server::now_ms() - MAX_DELAY_MS)
        .execute(db)
        .await
        .unwrap();
}

/// A wrong code that differs from the right one in every digit.
pub(crate) fn wrong(code: &str) -> String {
    code.bytes()
        .map(|b| char::from(b'0' + (b - b'0' + 1) % 10))
        .collect()
}

async fn error_of(r: reqwest::Response) -> (StatusCode, ErrorBody) {
    (r.status(), r.json().await.unwrap())
}

/// Logs in a demo account (password + code from the database); the client holds the session.
pub async fn portal_login(app: &TestApp, user: &str) -> reqwest::Client {
    let c = client();
    assert_eq!(
        password(&c, &app.base, user, DEMO_PASSWORD, false)
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        send_code(&c, &app.base).await.status(),
        StatusCode::NO_CONTENT
    );
    let code = latest_code(&app.db_url).await;
    assert_eq!(verify(&c, &app.base, &code).await.status(), StatusCode::OK);
    c
}

#[tokio::test]
async fn password_then_a_code_by_email_through_smtp_logs_in_and_the_code_works_once() {
    let smtp = TestSmtp::start();
    let maildir = &smtp.maildir;
    let app = spawn_with(std::sync::Arc::new(tempfile::tempdir().unwrap()), |c| {
        smtp.configure(c)
    })
    .await;
    let c = client();

    let r = password(&c, &app.base, "  Kari.Kontakt ", DEMO_PASSWORD, false).await;
    assert_eq!(
        r.status(),
        StatusCode::OK,
        "usernames ignore case and spaces"
    );
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("Path=/api/auth"),
        "{cookie}"
    );
    let to: CodeDestinations = r.json().await.unwrap();
    assert_eq!(to.email.as_deref(), Some("k***@demo-legekontor.no"));
    assert_eq!(to.sms.as_deref(), Some("*** ** 567"));
    // Not logged in yet: the password alone opens nothing.
    assert_eq!(
        c.get(format!("{}/api/me", app.base))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );

    assert_eq!(
        send_code(&c, &app.base).await.status(),
        StatusCode::NO_CONTENT
    );
    let mail = wait_for_mail(maildir, |m| m.contains("Sikkerhetskode")).await;
    assert!(
        mail.starts_with("kari.kontakt@demo-legekontor.no|Sikkerhetskode for NHN kundeportal|"),
        "{mail}"
    );
    let code = six_digits(mail.splitn(3, '|').nth(2).unwrap());

    let r = verify(&c, &app.base, &format!("{} {}", &code[..3], &code[3..])).await;
    assert_eq!(r.status(), StatusCode::OK);
    let me: Me = r.json().await.unwrap();
    assert_eq!(me.name, "Kari Kontaktperson");
    assert_eq!(me.eid, None, "an account, not an eID login");
    assert_eq!(me.session.policy.lifetime_secs, app_policy_lifetime());
    let me_again: Me = get_json(&c, &app, "/api/me").await;
    assert_eq!(me_again.name, "Kari Kontaktperson");

    // Single use: the same code again finds no login to finish.
    let (status, body) = error_of(verify(&c, &app.base, &code).await).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body.error, ErrorCode::Unauthenticated);
}

fn app_policy_lifetime() -> u32 {
    common::session::SessionPolicy::default().lifetime_secs
}

#[tokio::test]
async fn the_sixth_wrong_code_is_refused_even_if_right_and_an_old_code_expires() {
    let app = spawn_app().await;
    let c = client();
    password(&c, &app.base, "kari.kontakt", DEMO_PASSWORD, false).await;
    send_code(&c, &app.base).await;
    let code = latest_code(&app.db_url).await;

    let (status, body) = error_of(verify(&c, &app.base, "12a456").await).await;
    assert_eq!(
        (status, body.fields["code"].error),
        (StatusCode::UNPROCESSABLE_ENTITY, FieldError::NotDigits)
    );
    let db = server::db::open(&app.db_url).await.unwrap();
    for left in (0..5).rev() {
        let (status, body) = error_of(verify(&c, &app.base, &wrong(&code)).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            body.fields["code"].error,
            FieldError::WrongCode {
                attempts_left: left
            }
        );
        assert_eq!(
            body.fields["code"].message,
            format!("Feil kode. Du har {left} forsøk igjen.")
        );
    }
    // Six attempts (the password and five codes) are free; the seventh must wait a second.
    let (status, body) = error_of(verify(&c, &app.base, &code).await).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        body.fields["code"].message,
        "For mange forsøk på kort tid. Vent 1 sekund og prøv igjen."
    );
    delays_passed(&db).await;
    let (status, body) = error_of(verify(&c, &app.base, &code).await).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "the 6th try is refused, right code or not"
    );
    assert_eq!(body.error, ErrorCode::TooManyAttempts);
    assert!(body.message.contains("For mange mislykkede forsøk"));

    // A new login, a code that has run out (its expiry moved 5 minutes back).
    let c = client();
    delays_passed(&db).await;
    password(&c, &app.base, "kari.kontakt", DEMO_PASSWORD, false).await;
    send_code(&c, &app.base).await;
    let code = latest_code(&app.db_url).await;
    delays_passed(&db).await;
    sqlx::query("UPDATE pending_logins SET code_expires_ms = code_expires_ms - 300000")
        .execute(&db)
        .await
        .unwrap();
    let (status, body) = error_of(verify(&c, &app.base, &code).await).await;
    assert_eq!(
        (status, body.fields["code"].error),
        (StatusCode::UNPROCESSABLE_ENTITY, FieldError::CodeExpired)
    );
    assert_eq!(
        body.fields["code"].message,
        "Koden er utløpt. Be om en ny kode."
    );
    // A new code replaces it, not sooner than 30 s after the last, and at most three
    // codes per login.
    assert_eq!(
        send_code(&c, &app.base).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        send_code(&c, &app.base).await.status(),
        StatusCode::TOO_MANY_REQUESTS,
        "too soon after the last code"
    );
    code_spacing_passed(&db).await;
    assert_eq!(
        send_code(&c, &app.base).await.status(),
        StatusCode::NO_CONTENT
    );
    code_spacing_passed(&db).await;
    assert_eq!(
        send_code(&c, &app.base).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
    let code = latest_code(&app.db_url).await;
    delays_passed(&db).await;
    assert_eq!(verify(&c, &app.base, &code).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn wrong_passwords_lock_the_account_for_a_while_and_say_nothing_about_which_part_was_wrong() {
    let app = spawn_app().await;
    let c = client();
    let (status, body) = error_of(password(&c, &app.base, "", "", false).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body.fields["username"].error, FieldError::Required);
    assert_eq!(body.fields["password"].error, FieldError::Required);

    let (status, unknown) =
        error_of(password(&c, &app.base, "finnes.ikke", "hva som helst", false).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let db = server::db::open(&app.db_url).await.unwrap();
    for _ in 0..PAIR_MAX - 1 {
        delays_passed(&db).await;
        let (status, body) =
            error_of(password(&c, &app.base, "kari.kontakt", "feil passord", false).await).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            body, unknown,
            "an unknown user and a wrong password look the same"
        );
        assert_eq!(
            body.fields["password"].message,
            "Feil brukernavn eller passord."
        );
    }
    // The last failure fills the window; the next attempt is refused, right password or
    // not, until the oldest leaves the window — said at the field, in minutes.
    delays_passed(&db).await;
    password(&c, &app.base, "kari.kontakt", "feil passord", false).await;
    delays_passed(&db).await;
    let r = password(&c, &app.base, "kari.kontakt", DEMO_PASSWORD, false).await;
    let retry_after: u32 = r.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    let (status, body) = error_of(r).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(body.error, ErrorCode::TooManyAttempts);
    assert!(
        retry_after > 120,
        "the cap holds for minutes: {retry_after} s"
    );
    assert_eq!(
        body.fields["password"].error,
        FieldError::WaitBeforeTrying {
            seconds: retry_after
        }
    );
    assert!(
        body.fields["password"]
            .message
            .ends_with("minutter og prøv igjen."),
        "{}",
        body.fields["password"].message
    );
    // Another account from the same address is not locked by Kari's failures.
    assert_eq!(
        password(&c, &app.base, "ola.bergen", DEMO_PASSWORD, false)
            .await
            .status(),
        StatusCode::OK
    );
    // Once the window has passed (failures moved 15 minutes back), Kari may try again.
    sqlx::query("UPDATE login_failures SET at_ms = at_ms - 900000")
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(
        password(&c, &app.base, "kari.kontakt", DEMO_PASSWORD, false)
            .await
            .status(),
        StatusCode::OK
    );
}

/// A server process of its own on a shared database; killed when dropped.
pub struct ServerProcess(pub Child, pub String);

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub async fn start_process(db_url: &str) -> ServerProcess {
    start_process_with(db_url, Command::new(env!("CARGO_BIN_EXE_server"))).await
}

/// Starts `command` (the server binary, perhaps behind a wrapper, perhaps with more
/// settings) as a server on `db_url`.
pub async fn start_process_with(db_url: &str, mut command: Command) -> ServerProcess {
    let port = free_port();
    let process = ServerProcess(
        command
            .env("BP_LISTEN", format!("127.0.0.1:{port}"))
            .env("DATABASE_URL", db_url)
            .env("BP_DIST", "/nonexistent")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server binary starts"),
        format!("http://127.0.0.1:{port}"),
    );
    for _ in 0..200 {
        if reqwest::get(format!("{}/api/health", process.1))
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            return process;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("server process did not start");
}

#[tokio::test]
async fn the_limits_hold_across_two_server_processes_on_one_database() {
    let dir = tempfile::tempdir().unwrap();
    let db_url = crate::helpers::database_url(dir.path(), "shared").await;
    // One at a time: the first creates the schema and the demo accounts.
    let a = start_process(&db_url).await;
    let b = start_process(&db_url).await;
    let c = client();
    let db = server::db::open(&db_url).await.unwrap();

    // Passwords: failures spread over both processes lock the account on both.
    for i in 0..PAIR_MAX {
        delays_passed(&db).await;
        let base = if i % 2 == 0 { &a.1 } else { &b.1 };
        assert_eq!(
            password(&c, base, "kari.kontakt", "feil passord", false)
                .await
                .status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    delays_passed(&db).await;
    for base in [&a.1, &b.1] {
        assert_eq!(
            password(&c, base, "kari.kontakt", DEMO_PASSWORD, false)
                .await
                .status(),
            StatusCode::TOO_MANY_REQUESTS,
            "{base}"
        );
    }

    // Addresses: failures over many usernames lock the address, on both processes.
    for i in 0..ADDRESS_MAX {
        delays_passed(&db).await;
        let base = if i % 2 == 0 { &a.1 } else { &b.1 };
        let status = password(&c, base, &format!("bruker{i}"), "feil passord", false)
            .await
            .status();
        // Kari's failures count for the address too: the last of these are refused already.
        assert!(matches!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY | StatusCode::TOO_MANY_REQUESTS
        ));
    }
    delays_passed(&db).await;
    for base in [&a.1, &b.1] {
        assert_eq!(
            password(&c, base, "ola.bergen", DEMO_PASSWORD, false)
                .await
                .status(),
            StatusCode::TOO_MANY_REQUESTS,
            "{base}"
        );
    }

    // Codes: a login started on one process, guessed at on both: the sixth guess is refused.
    sqlx::query("DELETE FROM login_failures")
        .execute(&db)
        .await
        .unwrap();
    let c = client();
    assert_eq!(
        password(&c, &a.1, "ola.bergen", DEMO_PASSWORD, false)
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(send_code(&c, &b.1).await.status(), StatusCode::NO_CONTENT);
    let code = latest_code(&db_url).await;
    for i in 0..5 {
        let base = if i % 2 == 0 { &b.1 } else { &a.1 };
        assert_eq!(
            verify(&c, base, &wrong(&code)).await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    for base in [&a.1, &b.1] {
        delays_passed(&db).await;
        let (status, body) = error_of(verify(&c, base, &code).await).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{base}");
        assert!(body.fields.is_empty(), "the code's own budget, not a delay");
    }
}

#[tokio::test]
async fn remember_me_gives_a_longer_session_and_every_login_gets_a_new_session_id() {
    let app = spawn_app().await;
    // A session from before (test login) in the same browser.
    let c = client();
    c.post(format!("{}/api/auth/test-login", app.base))
        .json(&json!({ "eid": "bankid", "fodselsnummer": KARI.0, "name": "Kari Testperson" }))
        .send()
        .await
        .unwrap();
    let db = server::db::open(&app.db_url).await.unwrap();
    let before: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(before.len(), 1);

    password(&c, &app.base, "kari.kontakt", DEMO_PASSWORD, true).await;
    send_code(&c, &app.base).await;
    let code = latest_code(&app.db_url).await;
    let r = verify(&c, &app.base, &code).await;
    let cookies = set_cookies(&r);
    let session = cookies
        .iter()
        .find(|c| c.starts_with("bp_session="))
        .unwrap();
    assert!(
        session.contains("Max-Age=28800"),
        "Husk meg: the cookie outlives the browser: {session}"
    );
    let me: Me = r.json().await.unwrap();
    assert_eq!(me.session.policy.lifetime_secs, 28_800);
    assert!(me.session.expires_at_ms - me.session.server_now_ms > 8 * 3_600_000 - 60_000);

    let after: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(after.len(), 1, "the old session ended at login");
    assert_ne!(after, before, "a new session id");

    // "Logg ut" ends it.
    assert_eq!(
        c.post(format!("{}/api/auth/logout", app.base))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        c.get(format!("{}/api/me", app.base))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn forgot_password_sends_a_single_use_link_that_sets_a_new_password() {
    let smtp = TestSmtp::start();
    let maildir = &smtp.maildir;
    let app = spawn_with(std::sync::Arc::new(tempfile::tempdir().unwrap()), |c| {
        smtp.configure(c);
        c.public_url = Some("https://bestilling.nhn.no".into());
    })
    .await;
    let c = client();
    let forgot = |user: &'static str| {
        c.post(format!("{}/api/auth/forgot", app.base))
            .json(&json!({ "username": user }))
            .send()
    };
    // The same answer whether the user exists or not.
    assert_eq!(
        forgot("finnes.ikke").await.unwrap().status(),
        StatusCode::ACCEPTED
    );
    assert_eq!(
        forgot("kari.kontakt").await.unwrap().status(),
        StatusCode::ACCEPTED
    );
    let mail = wait_for_mail(maildir, |m| m.contains("Nytt passord")).await;
    assert!(
        mail.starts_with("kari.kontakt@demo-legekontor.no|Nytt passord for NHN kundeportal|"),
        "{mail}"
    );
    let link_start = mail
        .find("https://bestilling.nhn.no/kundeportal/nytt-passord#")
        .expect("a link");
    let token: String = mail[link_start..]
        .split('#')
        .nth(1)
        .unwrap()
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    assert_eq!(token.len(), 64);

    let reset = |token: String, pw: &'static str| {
        c.post(format!("{}/api/auth/reset", app.base))
            .json(&json!({ "token": token, "password": pw }))
            .send()
    };
    let (status, body) = error_of(reset(token.clone(), "for kort").await.unwrap()).await;
    assert_eq!(
        (status, body.fields["password"].error),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            FieldError::PasswordTooShort { min: 12 }
        )
    );
    assert_eq!(
        body.fields["password"].message,
        "Passordet må ha minst 12 tegn."
    );
    let (status, body) =
        error_of(reset("0".repeat(64), "et helt nytt passord").await.unwrap()).await;
    assert_eq!(
        (status, body.fields["token"].error),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            FieldError::ResetLinkInvalid
        )
    );
    assert_eq!(
        reset(token.clone(), "et helt nytt passord")
            .await
            .unwrap()
            .status(),
        StatusCode::NO_CONTENT
    );
    let (status, body) = error_of(reset(token, "enda et nytt passord").await.unwrap()).await;
    assert_eq!(
        (status, body.fields["token"].error),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            FieldError::ResetLinkInvalid
        ),
        "single use"
    );

    assert_eq!(
        password(&c, &app.base, "kari.kontakt", DEMO_PASSWORD, false)
            .await
            .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(
        password(&c, &app.base, "kari.kontakt", "et helt nytt passord", false)
            .await
            .status(),
        StatusCode::OK
    );

    // At most three links an hour.
    for _ in 0..3 {
        forgot("kari.kontakt").await.unwrap();
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let links = crate::smtp::delivered(maildir)
        .iter()
        .filter(|m| m.contains("Nytt passord"))
        .count();
    assert_eq!(links, 3);
}

#[tokio::test]
async fn an_account_acts_for_its_own_organisations_only() {
    let app = spawn_app().await;
    let kari = portal_login(&app, "kari.kontakt").await;
    let ola = portal_login(&app, "ola.bergen").await;
    let get = |c: &reqwest::Client, path: String| c.get(format!("{}{path}", app.base)).send();

    let mine: MyOrganisations = get_json(&kari, &app, "/api/organisations").await;
    assert_eq!(mine.current.as_deref(), Some("945627913"));
    let names: Vec<String> = mine
        .organisations
        .iter()
        .map(|o| o.organisation.display())
        .collect();
    assert_eq!(
        names,
        [
            "DEMO LEGEKONTOR AS (DEMODATA) (945627913)",
            "OSLO KOMMUNE HELSEETATEN (DEMODATA) (974760673)",
            "TRONDHEIM KOMMUNE (942110464)"
        ]
    );
    assert!(
        mine.organisations
            .iter()
            .all(|o| o.standing == Standing::Contact)
    );

    // Switching to another of her organisations works; to Ola's does not.
    let r = kari
        .put(format!("{}/api/session/organisation", app.base))
        .json(&json!({ "orgnr": "974760673" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let mine: MyOrganisations = get_json(&kari, &app, "/api/organisations").await;
    assert_eq!(mine.current.as_deref(), Some("974760673"));
    let r = kari
        .put(format!("{}/api/session/organisation", app.base))
        .json(&json!({ "orgnr": "964338531" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);

    // An order for Kari's organisation, by the daglig leder (eID), shows in Kari's list.
    let leader = login_as(&app, KARI.0, KARI.1).await;
    let body = order_for("945627913");
    let r = leader
        .post(format!("{}/api/orders", app.base))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let list: Vec<OrderSummary> =
        get_json(&kari, &app, "/api/organisations/945627913/orders").await;
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].ordered_by, "Kari Testperson");

    // The authorization table: every organisation-scoped endpoint, as a user of another
    // organisation (Ola, contact for Bergen) — refused, never the data.
    // The order put DigiHelse's service in handling for the unit (active once the
    // customer centre has set it Fullført); nothing is active yet.
    let services: Vec<common::api::ServiceStatus> =
        get_json(&kari, &app, "/api/organisations/945627913/services").await;
    let ordered: Vec<&str> = services
        .iter()
        .filter(|s| s.ordered)
        .map(|s| s.slug.as_str())
        .collect();
    assert_eq!(ordered, ["digitaleinnbyggertjenester"]);
    assert!(services.iter().all(|s| !s.active));
    assert_eq!(services.len(), common::services::SERVICES.len());

    let refused = [
        ("GET", "/api/organisations/945627913/services".to_owned()),
        ("GET", "/api/organisations/945627913/orders".to_owned()),
        ("PUT", "/api/session/organisation".to_owned()),
        ("POST", "/api/orders".to_owned()),
        ("POST", "/api/orders/validate".to_owned()),
        ("GET", format!("/api/orders/{}", list[0].reference)),
    ];
    for (method, path) in refused {
        let url = format!("{}{path}", app.base);
        let r = match method {
            "GET" => ola.get(url).send().await.unwrap(),
            "PUT" => ola
                .put(url)
                .json(&json!({ "orgnr": "945627913" }))
                .send()
                .await
                .unwrap(),
            _ => ola.post(url).json(&body).send().await.unwrap(),
        };
        let status = r.status();
        let text = r.text().await.unwrap();
        assert!(
            matches!(status, StatusCode::FORBIDDEN | StatusCode::NOT_FOUND),
            "{method} {path}: {status}"
        );
        assert!(
            !text.contains("Kari") && !text.contains("BP-"),
            "{method} {path} leaks: {text}"
        );
    }
    // Looking a unit up is public registry data, but the standing says Ola has none.
    let choice: common::api::OrganisationChoice =
        get_json(&ola, &app, "/api/organisations/945627913").await;
    assert_eq!(choice.standing, Standing::Lacks);
    // Even for her own organisation an account cannot accept terms: that needs ID-porten.
    let r = kari
        .post(format!("{}/api/orders", app.base))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // A person without a role at the unit cannot list its orders either.
    let stranger = login_as(&app, OLA.0, OLA.1).await;
    let r = get(&stranger, "/api/organisations/945627913/orders".into())
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = get(&leader, "/api/organisations/945627913/orders".into())
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "the daglig leder may");
}

#[tokio::test]
async fn a_person_lists_the_units_the_registry_gives_a_role_in_and_may_switch_to_them_only() {
    let app = spawn_app().await;
    let kari = login_as(&app, KARI.0, KARI.1).await;
    let mine: MyOrganisations = get_json(&kari, &app, "/api/organisations").await;
    let units: Vec<&str> = mine
        .organisations
        .iter()
        .map(|c| c.organisation.orgnr.as_str())
        .collect();
    assert_eq!(
        units,
        [
            "945627913",
            "958935420",
            "964338531",
            "971000007",
            "972418013",
            "994598759"
        ]
    );
    assert!(
        mine.organisations
            .iter()
            .all(|c| c.standing == Standing::Holds(common::api::Authority::DagligLeder))
    );
    let switch = |orgnr: &str| {
        kari.put(format!("{}/api/session/organisation", app.base))
            .json(&json!({ "orgnr": orgnr }))
            .send()
    };
    assert_eq!(switch("945627913").await.unwrap().status(), StatusCode::OK);
    // Trondheim's roles are not known here: nobody can tell that she acts for it.
    assert_eq!(
        switch("942110464").await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    let (status, body) = error_of(switch("123").await.unwrap()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body.fields["orgnr"].error,
        FieldError::WrongLength { expected: 9 }
    );
}

fn epost_order(orgnr: &str, key: &str) -> serde_json::Value {
    json!({
        "service": "epost",
        "orgnr": orgnr,
        "answers": {
            "bruker_navn": "Ola Lege",
            "onsket_adresse": "ola.lege@legekontor.no",
            "program": "outlook",
            "kontakt_navn": "Kari Kontaktperson",
            "kontakt_epost": "kari.kontakt@demo-legekontor.no",
        },
        "accepted_documents": [],
        "idempotency_key": key,
    })
}

#[tokio::test]
async fn a_contact_person_orders_accounts_for_her_organisation_only() {
    let app = spawn_app().await;
    let kari = portal_login(&app, "kari.kontakt").await;
    let ola = portal_login(&app, "ola.bergen").await;
    let post = |c: &reqwest::Client, body: serde_json::Value| {
        c.post(format!("{}/api/orders", app.base))
            .json(&body)
            .send()
    };
    let r = post(&kari, epost_order("945627913", "kari-epost-1"))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    let receipt: common::api::Receipt = r.json().await.unwrap();
    assert_eq!(receipt.ordered_by, "Kari Kontaktperson");
    assert!(receipt.documents.is_empty());
    // The same key again: the same order.
    let again: common::api::Receipt = post(&kari, epost_order("945627913", "kari-epost-1"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(again.reference, receipt.reference);
    // Her receipt is hers; the service is active for the unit.
    let r = kari
        .get(format!("{}/api/orders/{}", app.base, receipt.reference))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = ola
        .get(format!("{}/api/orders/{}", app.base, receipt.reference))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let services: Vec<common::api::ServiceStatus> =
        get_json(&kari, &app, "/api/organisations/945627913/services").await;
    assert!(
        services
            .iter()
            .any(|s| s.slug == "epost" && s.ordered && !s.active)
    );

    // Not for an organisation she is no contact for; not a service with terms to accept.
    let (status, body) = error_of(
        post(&ola, epost_order("945627913", "ola-epost-1"))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body.fields["orgnr"].error, FieldError::NoAuthority);
    let mut digihelse = epost_order("945627913", "kari-digihelse-1");
    digihelse["service"] = json!("digitaleinnbyggertjenester");
    assert_eq!(
        post(&kari, digihelse).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    let db = server::db::open(&app.db_url).await.unwrap();
    let stored: (String, i64, String) =
        sqlx::query_as("SELECT ordered_by_key, ordered_by_account, eid FROM orders")
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!((stored.0.as_str(), stored.2.as_str()), ("", "kundeportal"));
    assert!(stored.1 > 0);
}

/// Attempts arriving at the same moment (on any number of processes) take only the free
/// slots: on SQLite the write lock, on PostgreSQL advisory locks, make each reservation
/// see the ones before it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn simultaneous_attempts_take_only_the_free_slots() {
    use server::db::login_failures::{PAIR_FREE, reserve};
    let dir = tempfile::tempdir().unwrap();
    let db = server::db::connect(&crate::helpers::database_url(dir.path(), "race").await)
        .await
        .unwrap();
    let now = 1_700_000_000_000;
    for round in 0..10 {
        let (account, address) = (format!("kari{round}"), format!("10.1.2.{round}"));
        let attempts = (0..40).map(|_| {
            let (db, account, address) = (db.clone(), account.clone(), address.clone());
            tokio::spawn(async move { reserve(&db, &account, &address, now).await })
        });
        let results: Vec<_> = futures_util::future::join_all(attempts)
            .await
            .into_iter()
            .map(|r| r.unwrap().unwrap())
            .collect();
        let taken = results.iter().filter(|r| r.is_ok()).count();
        assert_eq!(
            taken as i64, PAIR_FREE,
            "round {round}: only the free attempts, however many arrive at once"
        );
    }
}

/// How `GET /api/auth/pending` answers this browser.
async fn pending_status(c: &reqwest::Client, base: &str) -> StatusCode {
    c.get(format!("{base}/api/auth/pending"))
        .send()
        .await
        .unwrap()
        .status()
}

/// Posts the pre-rendered login page's form as a browser without the app does.
async fn post_form(
    c: &reqwest::Client,
    base: &str,
    query: &str,
    form: &[(&str, &str)],
) -> (StatusCode, String) {
    let r = c
        .post(format!("{base}/api/auth/password/form{query}"))
        .form(form)
        .send()
        .await
        .unwrap();
    let location = r
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned());
    (r.status(), location.unwrap_or_default())
}

#[tokio::test]
async fn the_login_form_posted_before_the_app_starts_goes_on_at_the_code_step() {
    let app = spawn_app().await;
    let c = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    // Wrong or missing: back to the page, which says so; no login is pending.
    assert_eq!(
        post_form(&c, &app.base, "", &[]).await,
        (
            StatusCode::SEE_OTHER,
            "/kundeportal/innlogging?feil=passord".to_owned()
        )
    );
    assert_eq!(
        post_form(
            &c,
            &app.base,
            "",
            &[
                ("f-username", "kari.kontakt"),
                ("f-password", "feil passord")
            ]
        )
        .await,
        (
            StatusCode::SEE_OTHER,
            "/kundeportal/innlogging?feil=passord".to_owned()
        )
    );
    // Not a form at all: refused, and no attempt counted.
    let not_a_form = c
        .post(format!("{}/api/auth/password/form", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(not_a_form.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let pending = pending_status(&c, &app.base).await;
    assert_eq!(pending, StatusCode::UNAUTHORIZED);
    // Failures in a row: the delay before the next attempt holds here too.
    let wrong = [
        ("f-username", "kari.kontakt"),
        ("f-password", "feil passord"),
    ];
    let mut tries = 1;
    while post_form(&c, &app.base, "", &wrong)
        .await
        .1
        .ends_with("feil=passord")
    {
        tries += 1;
        assert!(tries < PAIR_MAX, "no delay after {tries} failures");
    }
    let good = [
        ("f-username", "kari.kontakt"),
        ("f-password", DEMO_PASSWORD),
        ("remember", "true"),
    ];
    assert_eq!(
        post_form(&c, &app.base, "", &good).await,
        (
            StatusCode::SEE_OTHER,
            "/kundeportal/innlogging?feil=vent".to_owned()
        )
    );
    let db = server::db::open(&app.db_url).await.unwrap();
    delays_passed(&db).await;
    // Somewhere not ours to go is dropped; a page of ours is kept for after the code.
    let (status, location) = post_form(&c, &app.base, "?tilbake=//evil.example", &good).await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::SEE_OTHER, "/kundeportal/innlogging?steg=kode")
    );
    delays_passed(&db).await;
    let (_, location) = post_form(
        &c,
        &app.base,
        "?tilbake=%2Fkundeportal%2Fbestillinger",
        &good,
    )
    .await;
    assert_eq!(
        location,
        "/kundeportal/innlogging?steg=kode&tilbake=%2Fkundeportal%2Fbestillinger"
    );

    // The app resumes: where the code may go, for this browser only.
    let to: CodeDestinations = get_json(&c, &app, "/api/auth/pending").await;
    assert_eq!(to.email.as_deref(), Some("k***@demo-legekontor.no"));
    let stranger = pending_status(&client(), &app.base).await;
    assert_eq!(stranger, StatusCode::UNAUTHORIZED);

    assert_eq!(
        send_code(&c, &app.base).await.status(),
        StatusCode::NO_CONTENT
    );
    let code = latest_code(&app.db_url).await;
    delays_passed(&db).await;
    let r = verify(&c, &app.base, &code).await;
    assert_eq!(r.status(), StatusCode::OK);
    let cookies: Vec<_> = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("bp_session=") && c.contains("Max-Age")),
        "\"Husk meg\" ticked in the form: a cookie that outlives the browser: {cookies:?}"
    );
    let me: Me = get_json(&c, &app, "/api/me").await;
    assert_eq!(me.name, "Kari Kontaktperson");
    let pending = pending_status(&c, &app.base).await;
    assert_eq!(pending, StatusCode::UNAUTHORIZED, "the login is taken");
}
