//! Signing DDFL's terms with eID (SPEC §4, issue 5), through the built-in test identity
//! provider: only the person the form names can sign, a refusal keeps the order, the
//! signed package is sealed, kept for the organisation and copied to e-helse by e-mail.

use crate::persons::{OLA, PER};
use common::api::{OrgDocuments, Receipt, SealCheck, SigningStarted, SigningState};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{TestApp, get_json, login_as, pdf_text, spawn_app, spawn_with};
use crate::smtp::TestSmtp;

/// The person with signing authority whom the form names.
pub(crate) const SIGNER_FNR: &str = OLA.0;
pub(crate) const SIGNER_NAME: &str = "Åse Ødegård Signatar";
/// A GP office where the test user (Kari) is daglig leder.
const LEGEKONTOR: &str = "945627913";

pub(crate) fn ddfl_order() -> Value {
    json!({
        "service": "ddfl",
        "orgnr": LEGEKONTOR,
        "answers": {
            "epj_navn": "CGM", "epj_system": "CGM Allmenn", "epj_versjon": "2024.2",
            "drift_navn": "Driftspartner AS", "drift_orgnr": "994598759",
            "drift_telefon": "22334455", "drift_epost": "drift@driftspartner.no",
            "signer_fnr": SIGNER_FNR,
        },
        "accepted_documents": ["bruksvilkar-ddfl"],
    })
}

/// "Signer dokument": the signing started, to be finished by the test identity provider.
pub(crate) async fn start_signing(app: &TestApp, order: &Value) -> SigningStarted {
    start_signing_as(&app.client, app, order).await
}

/// "Signer dokument" by the user of `c`.
async fn start_signing_as(c: &reqwest::Client, app: &TestApp, order: &Value) -> SigningStarted {
    let r = c
        .post(format!("{}/api/signing", app.base))
        .json(order)
        .send()
        .await
        .unwrap();
    let status = r.status();
    let text = r.text().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{text}");
    serde_json::from_str(&text).unwrap()
}

async fn sign_as(app: &TestApp, id: &str, fnr: &str, name: &str) -> reqwest::Response {
    test_sign(&app.client, app, id, fnr, name).await
}

/// The test identity provider's signing of `id` as `fnr`/`name`, in the session of `c`.
async fn test_sign(
    c: &reqwest::Client,
    app: &TestApp,
    id: &str,
    fnr: &str,
    name: &str,
) -> reqwest::Response {
    c.post(format!("{}/api/signing/{id}/test-sign", app.base))
        .json(&json!({ "eid": "minid", "fodselsnummer": fnr, "name": name }))
        .send()
        .await
        .unwrap()
}

/// Signs `id` as `fnr`; how it went.
pub(crate) async fn signed(app: &TestApp, id: &str, fnr: &str, name: &str) -> SigningState {
    sign_as(app, id, fnr, name).await.json().await.unwrap()
}

async fn order_count(app: &TestApp) -> i64 {
    let pool = server::db::open(&app.db_url).await.unwrap();
    sqlx::query_scalar("SELECT count(*) FROM orders WHERE service = 'ddfl'")
        .fetch_one(&pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn ddfl_is_not_ordered_with_a_checkbox_and_bad_answers_never_start_a_signing() {
    let app = spawn_app().await;
    app.login().await;
    let r = app.post("/api/orders", &ddfl_order()).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = r.json().await.unwrap();
    assert_eq!(
        body["fields"]["accepted_documents"]["code"],
        "signature_required"
    );
    let mut bad = ddfl_order();
    bad["answers"]["signer_fnr"] = json!("22069015560");
    let r = app.post("/api/signing", &bad).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = r.json().await.unwrap();
    assert!(body["fields"]["signer_fnr"]["message"].is_string());
    assert_eq!(order_count(&app).await, 0);
}

#[tokio::test]
async fn only_the_person_the_form_names_can_sign_and_a_refusal_keeps_every_answer() {
    let app = spawn_app().await;
    app.login().await;
    let started = start_signing(&app, &ddfl_order()).await;
    assert_eq!(
        started.url,
        format!("/testsignering?signering={}", started.id)
    );
    assert!(!started.url.contains(SIGNER_FNR));

    // Someone else logs in to sign: refused, nothing stored, the order comes back whole.
    let r = sign_as(&app, &started.id, PER.0, "Per Feilperson").await;
    assert_eq!(r.status(), StatusCode::OK, "{:?}", r.text().await);
    let state: SigningState = r.json().await.unwrap();
    assert_eq!(state.outcome, common::api::SigningOutcome::OtherPerson);
    assert_eq!(state.order.answers.one("signer_fnr"), SIGNER_FNR);
    assert_eq!(state.order.answers.one("epj_system"), "CGM Allmenn");
    assert_eq!(state.reference, None);
    assert_eq!(order_count(&app).await, 0);
    // The refused signing stays refused: the right person cannot finish it afterwards.
    let state: SigningState = signed(&app, &started.id, SIGNER_FNR, SIGNER_NAME).await;
    assert_eq!(state.outcome, common::api::SigningOutcome::OtherPerson);
    assert_eq!(order_count(&app).await, 0);

    // A new signing, by the right person: signed, once.
    let started = start_signing(&app, &ddfl_order()).await;
    let state: SigningState = signed(&app, &started.id, SIGNER_FNR, SIGNER_NAME).await;
    assert_eq!(state.outcome, common::api::SigningOutcome::Signed);
    let reference = state.reference.expect("signed order's reference");
    let again: SigningState = signed(&app, &started.id, SIGNER_FNR, SIGNER_NAME).await;
    assert_eq!(again.reference.as_deref(), Some(reference.as_str()));
    assert_eq!(order_count(&app).await, 1);

    // The receipt names the signature; the evidence names the signer, not the orderer.
    let receipt: Receipt = get_json(&app.client, &app, &format!("/api/orders/{reference}")).await;
    let signature = receipt.signature.expect("a signature on the receipt");
    assert_eq!(signature.signer, SIGNER_NAME);
    assert_eq!(signature.method, "MinID");
    assert_eq!(receipt.ordered_by, "Kari Testperson");
    // The receipt PDF names the signature too.
    let receipt_pdf = app
        .get(&format!("/api/orders/{reference}/pdf"))
        .await
        .bytes()
        .await
        .unwrap();
    let receipt_text = pdf_text(&receipt_pdf);
    assert!(
        receipt_text.contains("Dokumentet er elektronisk signert av Åse Ødegård Signatar"),
        "{receipt_text}"
    );
    let pool = server::db::open(&app.db_url).await.unwrap();
    let (by, eid, acr, fnr): (String, String, String, String) = sqlx::query_as(
        "SELECT accepted_by_name, eid, acr, accepted_by_fnr FROM acceptances WHERE document_id = 'bruksvilkar-ddfl'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((by.as_str(), eid.as_str()), (SIGNER_NAME, "minid"));
    assert_eq!(acr, "testinnlogging");
    assert!(fnr.starts_with("hmac-sha256:") && !fnr.contains(SIGNER_FNR));

    // Another person learns nothing about the signing, and gets no package.
    let other = login_as(&app, PER.0, PER.1).await;
    let r = other
        .get(format!("{}/api/signing/{}", app.base, started.id))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = other
        .get(format!("{}/api/signed/{reference}/pdf", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_signed_package_names_signer_date_method_and_title_and_any_changed_byte_fails_the_seal()
{
    let app = spawn_app().await;
    app.login().await;
    let started = start_signing(&app, &ddfl_order()).await;
    let state: SigningState = signed(&app, &started.id, SIGNER_FNR, SIGNER_NAME).await;
    let reference = state.reference.unwrap();
    let r = app.get(&format!("/api/signed/{reference}/pdf")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let pdf = r.bytes().await.unwrap().to_vec();

    let text = pdf_text(&pdf);
    let today = server::oslo_time::date(server::now_ms());
    for expected in [
        "Signering av bruksvilkår for Digital Dialog Fastlege",
        "Dokumentet er elektronisk signert av",
        "ÅSE ØDEGÅRD SIGNATAR",
        &format!("Signert {today} med ID-porten: MinID"),
        "Denne dokumentpakken inneholder",
        "Originaldokumentet med vannmerke",
        "Bruksvilkår for digital dialog fastlege (DDFL)",
        "Signaturdata",
        &reference,
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    assert!(
        !text.contains(SIGNER_FNR),
        "the fødselsnummer is not in the package"
    );
    // Cover, the original (one page, watermarked: its text is drawn rotated, so
    // extraction splits it) and the signature data, each from a new page.
    assert_eq!(text.matches('\x0c').count(), 3, "three pages");

    // Kept under Dokumentoversikt for the organisation.
    let documents: OrgDocuments = get_json(
        &app.client,
        &app,
        &format!("/api/organisations/{LEGEKONTOR}/documents"),
    )
    .await;
    assert_eq!(documents.signed.len(), 1);
    assert_eq!(documents.signed[0].reference, reference);
    assert_eq!(documents.signed[0].signer, SIGNER_NAME);
    // The evidence: who signed, with which eID, at which level.
    let evidence = &documents.accepted[0];
    assert_eq!(
        (
            evidence.accepted_by.as_str(),
            evidence.eid.as_str(),
            evidence.level.as_str()
        ),
        (SIGNER_NAME, "minid", "testinnlogging")
    );

    // Sealed: verifies as issued; one changed byte anywhere fails.
    let verify = |bytes: Vec<u8>| {
        let app = &app;
        async move {
            let r = app
                .client
                .post(format!("{}/api/seal/verify", app.base))
                .body(bytes)
                .send()
                .await
                .unwrap();
            r.json::<SealCheck>().await.unwrap().valid
        }
    };
    assert!(verify(pdf.clone()).await);
    let step = (pdf.len() / 97).max(1);
    for at in (0..pdf.len()).step_by(step).chain([pdf.len() - 1]) {
        let mut tampered = pdf.clone();
        tampered[at] ^= 0x01;
        assert!(!verify(tampered).await, "byte {at} changed, still valid");
    }
}

#[tokio::test]
async fn a_copy_of_the_signed_package_goes_to_ehelse_by_e_mail_and_none_to_the_signer() {
    let smtp = TestSmtp::start();
    let dir = std::sync::Arc::new(tempfile::tempdir().unwrap());
    let app = spawn_with(dir, |c| {
        smtp.configure(c);
        c.ehelse_copy_to = "postmottak@ehelse.test".into();
    })
    .await;
    app.login().await;
    let started = start_signing(&app, &ddfl_order()).await;
    let state: SigningState = signed(&app, &started.id, SIGNER_FNR, SIGNER_NAME).await;
    let reference = state.reference.unwrap();
    let mail = wait_for_attachment(&smtp.maildir, "postmottak@ehelse.test").await;
    assert!(mail.contains(&format!("signert-{reference}.pdf")), "{mail}");
    assert!(mail.contains("%PDF-"), "{mail}");
    assert!(mail.contains(SIGNER_NAME), "{mail}");
    // The confirmation goes to the operations contact; nothing to the signer.
    let all = crate::smtp::delivered_to(&smtp.maildir);
    assert!(
        all.iter()
            .all(|to| to == "postmottak@ehelse.test" || to == "drift@driftspartner.no"),
        "{all:?}"
    );
}

/// The message to `to`, once it has arrived: recipient, subject, text, and each
/// attachment's file name and first bytes.
async fn wait_for_attachment(maildir: &std::path::Path, to: &str) -> String {
    let script = r#"
import mailbox, sys
for m in mailbox.Maildir(sys.argv[1], create=False):
    if m['To'] != sys.argv[2]: continue
    out = [m['To'], str(m['Subject'])]
    for part in m.walk():
        if part.is_multipart(): continue
        data = part.get_payload(decode=True)
        name = part.get_filename()
        out.append((name or '') + ':' + (data[:8].decode('latin-1') if name else data.decode('utf-8')))
    print('|'.join(out))
"#;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let out = std::process::Command::new("python3")
            .args(["-c", script])
            .arg(maildir)
            .arg(to)
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        if !text.trim().is_empty() {
            return text;
        }
        assert!(std::time::Instant::now() < deadline, "no mail to {to}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// "Signer dokument" by the user of `c`, then the test identity provider's signing as
/// `fnr`/`name`: how it went.
async fn sign_through(
    app: &TestApp,
    c: &reqwest::Client,
    order: &Value,
    fnr: &str,
    name: &str,
) -> SigningState {
    let started = start_signing_as(c, app, order).await;
    test_sign(c, app, &started.id, fnr, name)
        .await
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn anyone_may_fill_in_ddfl_and_the_signer_carries_the_authority() {
    use common::api::SigningOutcome;
    let app = spawn_app().await;
    // A customer-portal account (seed 001): she cannot accept terms herself, but DDFL's
    // are signed by the person the form names, so she may order it.
    let kari = crate::portal_login::portal_login(&app, "kari.kontakt").await;
    let state = sign_through(&app, &kari, &ddfl_order(), SIGNER_FNR, SIGNER_NAME).await;
    assert_eq!(state.outcome, SigningOutcome::Signed);
    let reference = state.reference.expect("signed");
    let receipt: Receipt = get_json(&kari, &app, &format!("/api/orders/{reference}")).await;
    assert_eq!(receipt.ordered_by, "Kari Kontaktperson");
    assert_eq!(receipt.signature.expect("signature").signer, SIGNER_NAME);

    // A person with no role in the unit may fill it in too; but a signer to whom the
    // registry gives no authority (the board's chair) signs nothing.
    let ola = login_as(&app, OLA.0, OLA.1).await;
    let state = sign_through(&app, &ola, &ddfl_order(), OLA.0, OLA.1).await;
    assert_eq!(state.outcome, SigningOutcome::SignerLacksAuthority);
    assert_eq!(state.reference, None);
    assert_eq!(state.order.answers.one("epj_system"), "CGM Allmenn");
    assert_eq!(order_count(&app).await, 1);
    // Signed by the one with signaturrett, his order goes through.
    let state = sign_through(&app, &ola, &ddfl_order(), SIGNER_FNR, SIGNER_NAME).await;
    assert_eq!(state.outcome, SigningOutcome::Signed);
    assert_eq!(order_count(&app).await, 2);
}
