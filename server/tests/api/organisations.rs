//! Organisations: the registry lookup through the API, and who may order for a unit.

use crate::persons::{KARI, OLA};
use common::api::{Authority, ErrorBody, OrganisationChoice, Receipt, Standing};
use reqwest::StatusCode;

use crate::helpers::*;

#[tokio::test]
async fn organisation_lookup_finds_nhn_and_refuses_bad_numbers() {
    let app = spawn_app().await;
    app.login().await;
    let nhn: OrganisationChoice = app
        .get("/api/organisations/994598759")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(nhn.organisation.display(), "NORSK HELSENETT SF (994598759)");
    assert_eq!(
        nhn.standing,
        Standing::Holds(common::api::Authority::DagligLeder)
    );
    let trondheim: OrganisationChoice = app
        .get("/api/organisations/942110464")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        trondheim.standing,
        Standing::Unknown,
        "no roles for Trondheim in the extract: the rule is shown instead"
    );
    let r = app.get("/api/organisations/994598758").await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: ErrorBody = r.json().await.unwrap();
    assert_eq!(body.fields["orgnr"].error, common::FieldError::BadChecksum);
    assert_eq!(
        app.get("/api/organisations/945627913").await.status(),
        StatusCode::OK
    );
    // Valid numbers, but deleted from / bankrupt in the registry, or not in it at all.
    let deleted: ErrorBody = app
        .get("/api/organisations/858813999")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        deleted.fields["orgnr"].error,
        common::FieldError::OrgDeleted
    );
    let bankrupt: ErrorBody = app
        .get("/api/organisations/998797306")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        bankrupt.fields["orgnr"].error,
        common::FieldError::OrgBankrupt
    );
    assert_eq!(
        app.get("/api/organisations/814170756").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn only_a_role_holder_may_order_for_a_unit_whose_roles_are_known() {
    let app = spawn_app().await;
    // DEMO LEGEKONTOR AS: Kari Testperson (born 1988-10-08) is daglig leder, Ola Annen chairs the board.
    let kari = login_as(&app, KARI.0, KARI.1).await;
    let ola = login_as(&app, OLA.0, OLA.1).await;
    let body = order_for("945627913");

    let choice: OrganisationChoice = get_json(&kari, &app, "/api/organisations/945627913").await;
    assert_eq!(choice.standing, Standing::Holds(Authority::DagligLeder));
    let receipt: Receipt = kari
        .post(format!("{}/api/orders", app.base))
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();

    // The authorization table: every organisation-scoped endpoint, as a person without authority.
    let choice: OrganisationChoice = get_json(&ola, &app, "/api/organisations/945627913").await;
    assert_eq!(choice.standing, Standing::Lacks);
    for path in ["/api/orders/validate", "/api/orders"] {
        let r = ola
            .post(format!("{}{path}", app.base))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        let error: ErrorBody = r.json().await.unwrap();
        assert_eq!(
            error.fields["orgnr"].error,
            common::FieldError::NoAuthority,
            "{path}"
        );
    }
    let r = ola
        .get(format!("{}/api/orders/{}", app.base, receipt.reference))
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.status(),
        StatusCode::NOT_FOUND,
        "another person's receipt is not there for Ola"
    );
}
