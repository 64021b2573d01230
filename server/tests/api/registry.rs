//! The live Enhetsregisteret client against a local stub that answers like the real open
//! API (`data.brreg.no/enhetsregisteret/api`): its JSON field names, 404 for unknown
//! numbers, 410 for deleted units, sub-units under `/underenheter` with `overordnetEnhet`.

use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use common::api::{Authority, ErrorBody, OrganisationChoice, Standing};
use reqwest::StatusCode as Status;
use serde_json::json;

use crate::helpers::*;

async fn enhet(Path(orgnr): Path<String>) -> Response {
    let unit = |navn: &str, konkurs: bool| {
        json!({
            "organisasjonsnummer": orgnr, "navn": navn,
            "organisasjonsform": { "kode": "KOMM", "beskrivelse": "Kommune",
                "_links": { "self": { "href": "https://data.brreg.no/enhetsregisteret/api/organisasjonsformer/KOMM" } } },
            "registreringsdatoEnhetsregisteret": "1995-08-09", "registrertIMvaregisteret": false,
            "antallAnsatte": 120, "forretningsadresse": { "land": "Norge", "landkode": "NO", "postnummer": "7130",
                "poststed": "BREKSTAD", "adresse": ["Ørlandsveien 1"], "kommune": "ØRLAND", "kommunenummer": "5057" },
            "institusjonellSektorkode": { "kode": "6500", "beskrivelse": "Kommuneforvaltningen" },
            "registrertIForetaksregisteret": false, "registrertIStiftelsesregisteret": false,
            "registrertIFrivillighetsregisteret": false, "konkurs": konkurs, "underAvvikling": false,
            "underTvangsavviklingEllerTvangsopplosning": false, "maalform": "Bokmål",
            "_links": { "self": { "href": format!("https://data.brreg.no/enhetsregisteret/api/enheter/{orgnr}") } }
        })
    };
    match orgnr.as_str() {
        "923456783" => axum::Json(unit("ØRLAND KOMMUNE", false)).into_response(),
        "934567897" => axum::Json(unit("KONKURSBO AS", true)).into_response(),
        "812345672" => (
            StatusCode::GONE,
            axum::Json(json!({ "organisasjonsnummer": orgnr, "slettedato": "2021-03-01" })),
        )
            .into_response(),
        _ => not_found(&format!("/enhetsregisteret/api/enheter/{orgnr}")),
    }
}

async fn roller(Path(orgnr): Path<String>) -> Response {
    match orgnr.as_str() {
        "923456783" => axum::Json(json!({ "rollegrupper": [
            { "type": { "kode": "DAGL", "beskrivelse": "Daglig leder/ adm.direktør",
                "_links": { "self": { "href": "https://data.brreg.no/enhetsregisteret/api/rollegrupper/DAGL" } } },
              "sistEndret": "2023-05-02",
              "roller": [ { "type": { "kode": "DAGL", "beskrivelse": "Daglig leder/ adm.direktør" },
                "person": { "fodselsdato": "1988-10-08", "navn": { "fornavn": "Kari", "etternavn": "Testperson" }, "erDoed": false },
                "fratraadt": false, "rekkefolge": 0 } ] }
        ] }))
        .into_response(),
        _ => not_found(&format!("/enhetsregisteret/api/enheter/{orgnr}/roller")),
    }
}

async fn underenhet(Path(orgnr): Path<String>) -> Response {
    match orgnr.as_str() {
        "976543211" => axum::Json(json!({
            "organisasjonsnummer": orgnr, "navn": "ØRLAND KOMMUNE HELSESTASJON", "overordnetEnhet": "923456783",
            "organisasjonsform": { "kode": "ORGL", "beskrivelse": "Organisasjonsledd" },
            "beliggenhetsadresse": { "land": "Norge", "postnummer": "7130", "poststed": "BREKSTAD" },
            "_links": { "overordnetEnhet": { "href": "https://data.brreg.no/enhetsregisteret/api/enheter/923456783" } }
        }))
        .into_response(),
        _ => not_found(&format!("/enhetsregisteret/api/underenheter/{orgnr}")),
    }
}

fn not_found(path: &str) -> Response {
    let body = json!({ "timestamp": "2026-11-22T21:00:00.000+00:00", "status": 404, "error": "Not Found",
        "message": "Ingen enhet med organisasjonsnummer", "path": path });
    (StatusCode::NOT_FOUND, axum::Json(body)).into_response()
}

async fn spawn_stub() -> String {
    let app = Router::new()
        .route("/enheter/{orgnr}", get(enhet))
        .route("/enheter/{orgnr}/roller", get(roller))
        .route("/underenheter/{orgnr}", get(underenhet));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{address}")
}

#[tokio::test]
async fn the_live_registry_gives_names_and_clear_refusals() {
    let stub = spawn_stub().await;
    let app = spawn_with(std::sync::Arc::new(tempfile::tempdir().unwrap()), |c| {
        c.brreg_url = Some(stub);
    })
    .await;
    app.login().await;
    let (base, client) = (&app.base, &app.client);
    let get = |orgnr: &str| {
        client
            .get(format!("{base}/api/organisations/{orgnr}"))
            .send()
    };

    let found: OrganisationChoice = get("923456783").await.unwrap().json().await.unwrap();
    assert_eq!(found.organisation.display(), "ØRLAND KOMMUNE (923456783)");
    assert_eq!(
        found.standing,
        Standing::Holds(Authority::DagligLeder),
        "Kari is kommunedirektør (DAGL)"
    );
    let sub: OrganisationChoice = get("976543211").await.unwrap().json().await.unwrap();
    assert_eq!(
        sub.organisation.name, "ØRLAND KOMMUNE HELSESTASJON",
        "a virksomhetsnummer is found under /underenheter"
    );
    assert_eq!(
        sub.standing,
        Standing::Holds(Authority::DagligLeder),
        "roles come from the parent (overordnetEnhet)"
    );

    let bankrupt = get("934567897").await.unwrap();
    assert_eq!(bankrupt.status(), Status::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = bankrupt.json().await.unwrap();
    assert!(body.fields["orgnr"].message.contains("konkurs"), "{body:?}");
    let deleted: ErrorBody = get("812345672").await.unwrap().json().await.unwrap();
    assert_eq!(
        deleted.fields["orgnr"].message,
        "Virksomheten er slettet fra Enhetsregisteret."
    );
    assert_eq!(get("965432108").await.unwrap().status(), Status::NOT_FOUND);
}

#[tokio::test]
async fn an_unreachable_registry_is_a_503_not_a_500() {
    // Nothing listens on port 9 of loopback.
    let app = spawn_with(std::sync::Arc::new(tempfile::tempdir().unwrap()), |c| {
        c.brreg_url = Some("http://127.0.0.1:9".into());
    })
    .await;
    app.login().await;
    let (base, client) = (&app.base, &app.client);
    let r = client
        .get(format!("{base}/api/organisations/923456783"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), Status::SERVICE_UNAVAILABLE);
    assert!(
        r.json::<ErrorBody>()
            .await
            .unwrap()
            .message
            .contains("Enhetsregisteret")
    );
}
