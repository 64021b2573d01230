//! HER-ids checked against Adresseregisteret (issue 19.1–19.2): with the bundled extract,
//! and with the live client against a local stub that answers like the register's REST
//! API — a party found, a HER-id not found, and the register not answering (the order
//! still goes through, flagged for the customer centre in its history).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use common::api::ErrorBody;
use common::api::register::{Grunndata, HerIdLookup, UnitParties};
use serde_json::{Value, json};

use crate::helpers::*;

/// The DigiHelse order of `helpers::order` with these HER-ids.
fn with_her_ids(virksomhet: &str, parter: &[&str]) -> Value {
    let mut body = order(valid_answers());
    body["answers"]["her_id_virksomhet"] = json!(virksomhet);
    body["answers"]["her_id_parter"] = json!(parter);
    body
}

async fn refusals(app: &TestApp, body: &Value) -> ErrorBody {
    let r = app.post("/api/orders/validate", body).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    r.json().await.unwrap()
}

#[tokio::test]
async fn a_units_her_ids_are_named_and_another_organisations_refused() {
    let app = spawn_app().await;
    app.login().await;

    let nhn: UnitParties = app
        .get("/api/organisations/994598759/parties")
        .await
        .json()
        .await
        .unwrap();
    assert!(nhn.available);
    assert_eq!(nhn.legal_entity, "994598759");
    let names: Vec<(u32, &str)> = nhn
        .parties
        .iter()
        .map(|p| (p.her_id, p.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            (8765432, "Norsk helsenett SF"),
            (8765433, "Norsk helsenett SF, Kundesenteret"),
            (8765434, "Norsk helsenett SF, Meldingsformidling")
        ]
    );
    // Oslo kommune's parties include those of its sub-unit Helseetaten.
    let oslo: UnitParties = app
        .get("/api/organisations/958935420/parties")
        .await
        .json()
        .await
        .unwrap();
    assert!(oslo.parties.iter().any(|p| p.her_id == 8770003));
    let bergen: HerIdLookup = app
        .get("/api/organisations/994598759/parties/8780001")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(bergen.party.unwrap().legal_entity, "964338531");

    // Bergen's HER-id and an unknown one, in an order for NHN: refused at their fields.
    let errors = refusals(
        &app,
        &with_her_ids("8765432", &["8765433", "8780001", "1234567"]),
    )
    .await;
    let at = |path: &str| errors.fields.get(path).map(|e| e.message.clone());
    assert_eq!(
        at("her_id_parter.1").as_deref(),
        Some(
            "HER-id 8780001 tilhører en annen virksomhet. Bruk en HER-id som er registrert på virksomheten du bestiller for."
        )
    );
    assert_eq!(
        at("her_id_parter.2").as_deref(),
        Some("HER-id 1234567 finnes ikke i Adresseregisteret. Sjekk at den er skrevet riktig.")
    );
    assert_eq!(errors.fields.len(), 2, "{:?}", errors.fields);
    let r = app
        .post("/api/orders", &with_her_ids("8780001", &["8765433"]))
        .await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The unit's own HER-ids go through.
    let r = app
        .post(
            "/api/orders",
            &with_her_ids("8765432", &["8765433", "8765434"]),
        )
        .await;
    assert_eq!(r.status(), StatusCode::CREATED);

    // Only for a unit the user may order for: Per holds no role at the GP office.
    let per = login_as(&app, crate::persons::PER.0, crate::persons::PER.1).await;
    let r = per
        .get(format!("{}/api/organisations/945627913/parties", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}

/// The stub register: NHN's three parties; 503 for everything while `down` is set.
#[derive(Clone)]
struct Stub {
    down: Arc<AtomicBool>,
}

fn party(her_id: u32, name: &str) -> Value {
    json!({ "herId": her_id, "name": name, "organizationNumber": "994598759", "type": "Service",
            "parentHerId": 8765432, "active": true, "electronicAddresses": [] })
}

async fn one(State(stub): State<Stub>, Path(her_id): Path<u32>) -> Response {
    if stub.down.load(Ordering::SeqCst) {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    match her_id {
        8765433 => axum::Json(party(8765433, "Norsk helsenett SF, Kundesenteret")).into_response(),
        _ => (
            StatusCode::NOT_FOUND,
            axum::Json(json!({ "error": "CommunicationPartyNotFound" })),
        )
            .into_response(),
    }
}

async fn by_unit(
    State(stub): State<Stub>,
    Query(q): Query<std::collections::HashMap<String, String>>,
) -> Response {
    if stub.down.load(Ordering::SeqCst) {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    }
    let parties = match q.get("organizationNumber").map(String::as_str) {
        Some("994598759") => vec![party(8765433, "Norsk helsenett SF, Kundesenteret")],
        _ => Vec::new(),
    };
    axum::Json(parties).into_response()
}

#[tokio::test]
async fn the_live_register_finds_refuses_and_when_down_lets_the_order_through_flagged() {
    let stub = Stub {
        down: Arc::new(AtomicBool::new(false)),
    };
    let router = Router::new()
        .route("/communicationparties", get(by_unit))
        .route("/communicationparties/{her_id}", get(one))
        .with_state(stub.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await });
    let app = spawn_with(Arc::new(tempfile::tempdir().unwrap()), |c| {
        c.adresseregister_url = Some(format!("http://{address}"));
    })
    .await;
    app.login().await;

    // Found, and named.
    let found: HerIdLookup = app
        .get("/api/organisations/994598759/parties/8765433")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        found.party.unwrap().name,
        "Norsk helsenett SF, Kundesenteret"
    );
    let parties: UnitParties = app
        .get("/api/organisations/994598759/parties")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(parties.parties.len(), 1);
    // Not found: refused at the field.
    let errors = refusals(&app, &with_her_ids("8765433", &["7654321"])).await;
    assert_eq!(
        errors
            .fields
            .get("her_id_parter.0")
            .map(|e| e.message.as_str()),
        Some("HER-id 7654321 finnes ikke i Adresseregisteret. Sjekk at den er skrevet riktig.")
    );

    // Down: the lookups say so, and the order goes through with a note in its history.
    stub.down.store(true, Ordering::SeqCst);
    let down: HerIdLookup = app
        .get("/api/organisations/994598759/parties/8765433")
        .await
        .json()
        .await
        .unwrap();
    assert!(!down.available);
    let parties: UnitParties = app
        .get("/api/organisations/994598759/parties")
        .await
        .json()
        .await
        .unwrap();
    assert!(!parties.available && parties.parties.is_empty());
    let receipt = app.submitted(&with_her_ids("8765433", &["7654321"])).await;
    let db = server::db::open(&app.db_url).await.unwrap();
    let notes: Vec<String> = sqlx::query_scalar(
        "SELECT e.detail FROM case_events e JOIN orders o ON o.id = e.order_id WHERE o.reference = $1 AND e.kind = 'note' ORDER BY e.id",
    )
    .bind(&receipt.reference)
    .fetch_all(&db)
    .await
    .unwrap();
    assert_eq!(
        notes,
        [
            "Adresseregisteret svarte ikke da bestillingen ble sendt: HER-id 7654321 er ikke kontrollert.",
            "Adresseregisteret svarte ikke da bestillingen ble sendt: HER-id 8765433 er ikke kontrollert."
        ],
        "one note per HER-id, in the order of the form's fields"
    );
}

#[tokio::test]
async fn grunndata_tracks_a_unit_from_new_to_its_account_sent() {
    let app = spawn_app().await;
    app.login().await;
    let grunndata = |orgnr: &'static str| {
        let app = &app;
        async move {
            app.get(&format!("/api/organisations/{orgnr}/grunndata"))
                .await
                .json::<Grunndata>()
                .await
                .unwrap()
        }
    };

    // NHN is registered, with HER-ids and an EDI address; no account ordered here.
    let nhn = grunndata("994598759").await;
    assert_eq!(nhn.steps_done(), [true, true, true, false]);
    assert_eq!(nhn.edi_address.as_deref(), Some("post@edi.nhn.no"));
    assert_eq!(nhn.parties.len(), 3);

    // Bodø kommune is not in Adresseregisteret yet: nothing done.
    assert_eq!(grunndata("972418013").await.steps_done(), [false; 4]);
    // Its user account ordered and completed by the customer centre: the last step.
    let receipt = app
        .submitted(&json!({
            "service": "adresseregisteret", "orgnr": "972418013", "accepted_documents": [],
            "answers": {
                "gjelder": "brukerkonto", "bruker_navn": "Ola Lege", "bruker_mobil": "912 34 567",
                "bruker_epost": "ola.lege@bodo.kommune.no", "kontakt_navn": "Kari Nordmann",
                "kontakt_mobil": "412 34 567", "kontakt_epost": "kari@bodo.kommune.no"
            }
        }))
        .await;
    assert_eq!(
        grunndata("972418013").await.steps_done(),
        [false; 4],
        "ordered is not sent"
    );
    let db = server::db::open(&app.db_url).await.unwrap();
    sqlx::query("UPDATE orders SET status = 'fullfort' WHERE reference = $1")
        .bind(&receipt.reference)
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(
        grunndata("972418013").await.steps_done(),
        [false, false, false, true]
    );

    // Only for those who act for the unit.
    let per = login_as(&app, crate::persons::PER.0, crate::persons::PER.1).await;
    let r = per
        .get(format!(
            "{}/api/organisations/972418013/grunndata",
            app.base
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
}
