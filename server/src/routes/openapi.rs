//! The API's OpenAPI 3.1 description, made from the handlers' own `#[utoipa::path]`
//! declarations and the request and response types in `common::api` (`utoipa-axum`
//! registers each route and its description together, so none is left out), served at
//! `GET /api/openapi.json`. `cargo xtask test` runs schemathesis against it.

use std::collections::BTreeMap;

use common::api::ErrorBody;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::openapi::{ContentBuilder, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Bestillingsportal API",
        description = "Norsk helsenett's self-service ordering portal: the JSON API of the SPA, \
                       the customer portal and the customer centre."
    ),
    components(schemas(ErrorBody)),
    modifiers(&SessionCookie)
)]
pub struct ApiDoc;

struct SessionCookie;

impl Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        // A customer's login (`auth::require_session`) and a staff member's
        // (`staff::require_staff`), each a cookie.
        for (scheme, cookie) in [
            ("session", crate::auth::COOKIE_NAME),
            ("staff", crate::staff::STAFF_COOKIE),
        ] {
            components.add_security_scheme(
                scheme,
                SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(cookie))),
            );
        }
    }
}

/// The error answers every route may give, each an `ErrorBody`: refused input (400, 413,
/// 415, 422), no or an expired session (401), not the caller's (403, 404), too slow (408),
/// too many attempts (429), a dependency down (503).
pub struct Errors;

impl utoipa::IntoResponses for Errors {
    fn responses() -> BTreeMap<String, RefOr<Response>> {
        [
            ("400", "The request is malformed"),
            ("401", "No session, or it ran out"),
            ("403", "Not the caller's to do"),
            ("404", "No such thing, or not the caller's to see"),
            ("405", "The address does not take this method"),
            ("408", "The request took too long"),
            ("413", "The body is too large"),
            ("415", "The body is not of the expected type"),
            ("422", "Input refused; `fields` says where and why"),
            (
                "429",
                "Too many attempts; `Retry-After` says when to try again",
            ),
            ("503", "A service the portal depends on did not answer"),
        ]
        .into_iter()
        .map(|(status, description)| {
            let body = ContentBuilder::new()
                .schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name(
                    ErrorBody::name(),
                ))))
                .build();
            let response = ResponseBuilder::new()
                .description(description)
                .content("application/json", body)
                .build();
            (status.to_owned(), RefOr::T(response))
        })
        .collect()
    }
}

/// `doc` with every path under `prefix` (the API's routes are declared relative to `/api`).
pub fn under(prefix: &str, mut doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    doc.paths.paths = std::mem::take(&mut doc.paths.paths)
        .into_iter()
        .map(|(path, item)| (format!("{prefix}{path}"), item))
        .collect();
    doc
}
