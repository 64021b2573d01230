//! What the portal's two OpenID Connect logins share — ID-porten for customers
//! (`idporten`) and the staff identity provider for the customer centre (`staff_oidc`):
//! the client type over each provider's own claims, discovery, the start of an
//! authorization-code login with PKCE, state and nonce, and the callback's issuer check.

use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreErrorResponseType, CoreGenderClaim, CoreJsonWebKey,
    CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm, CoreRevocableToken,
    CoreRevocationErrorResponse, CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AdditionalClaims, Client, ClientId, ClientSecret, EmptyExtraTokenFields, EndSessionUrl,
    EndpointMaybeSet, EndpointNotSet, EndpointSet, IdTokenFields, IssuerUrl,
    ProviderMetadataWithLogout, RedirectUrl, StandardErrorResponse, StandardTokenResponse, reqwest,
};

/// The token endpoint's answer, with an ID token carrying the claims `C`.
pub type TokenResponseOf<C> = StandardTokenResponse<
    IdTokenFields<
        C,
        EmptyExtraTokenFields,
        CoreGenderClaim,
        CoreJweContentEncryptionAlgorithm,
        CoreJwsSigningAlgorithm,
    >,
    CoreTokenType,
>;

/// A discovered client whose ID tokens carry the claims `C`.
pub type OidcClient<C> = Client<
    C,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    TokenResponseOf<C>,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// How to reach a provider, from configuration.
pub struct ProviderConfig {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    pub redirect_url: String,
}

/// A provider read from its discovery document.
pub struct Discovered<C: AdditionalClaims> {
    pub client: OidcClient<C>,
    /// Never follows redirects: following them from the token endpoint opens SSRF holes.
    pub http: reqwest::Client,
    pub end_session: Option<EndSessionUrl>,
}

/// Reads the provider's discovery document, retrying for half a minute while it starts.
pub async fn discover<C: AdditionalClaims>(
    config: &ProviderConfig,
) -> Result<Discovered<C>, String> {
    let http = reqwest::ClientBuilder::new()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| e.to_string())?;
    let issuer_url = IssuerUrl::new(config.issuer.clone()).map_err(|e| e.to_string())?;
    let redirect = RedirectUrl::new(config.redirect_url.clone()).map_err(|e| e.to_string())?;
    let mut last_error = String::new();
    for _ in 0..60 {
        match ProviderMetadataWithLogout::discover_async(issuer_url.clone(), &http).await {
            Ok(metadata) => {
                let end_session = metadata.additional_metadata().end_session_endpoint.clone();
                let client = Client::from_provider_metadata(
                    metadata,
                    ClientId::new(config.client_id.clone()),
                    Some(ClientSecret::new(config.client_secret.clone())),
                )
                .set_redirect_uri(redirect);
                return Ok(Discovered {
                    client,
                    http,
                    end_session,
                });
            }
            Err(e) => last_error = e.to_string(),
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    Err(format!(
        "OpenID discovery at {} failed: {last_error}",
        config.issuer
    ))
}

/// The callback's `iss` parameter must name the issuer (RFC 9207), when present.
pub fn issuer_matches(issuer: &str, iss: Option<&str>) -> bool {
    iss.is_none_or(|iss| iss.trim_end_matches('/') == issuer.trim_end_matches('/'))
}
