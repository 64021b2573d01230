//! What the portal's two OpenID Connect logins share — ID-porten for customers
//! (`idporten`) and the staff identity provider for the customer centre (`staff_oidc`):
//! the client type over each provider's own claims, discovery, the start of an
//! authorization-code login's end (code for tokens, the ID token verified, the name read),
//! the callback's issuer check, and why a login was refused.

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
use openidconnect::{AuthorizationCode, IdTokenClaims, Nonce, PkceCodeVerifier, TokenResponse};

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

/// Why a login was refused. The code goes into the URL of the error page; it names the
/// kind of failure only, never anything about the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoginError {
    /// Unknown, used or expired `state`, or a callback in another browser than the login.
    State,
    /// The callback's `iss` is not our issuer (mix-up attack).
    Issuer,
    /// ID-porten refused the code (replayed, expired, wrong PKCE verifier).
    Exchange,
    /// The ID token did not verify: signature, audience, nonce or expiry.
    Token,
    /// The login's security level is below what the portal requires.
    Level,
    /// No valid fødselsnummer in `pid`.
    Person,
    /// The user cancelled at ID-porten, or ID-porten answered with an error.
    Cancelled,
    /// Staff login: the provider gives the person no role in the customer centre.
    Role,
}

impl LoginError {
    pub fn code(self) -> &'static str {
        match self {
            LoginError::State => "state",
            LoginError::Issuer => "issuer",
            LoginError::Exchange => "exchange",
            LoginError::Token => "token",
            LoginError::Level => "level",
            LoginError::Person => "person",
            LoginError::Cancelled => "cancelled",
            LoginError::Role => "role",
        }
    }
}

/// A verified ID token: its claims, and the token itself (ID-porten's logout hint).
pub struct Verified<C: AdditionalClaims> {
    pub claims: IdTokenClaims<C, CoreGenderClaim>,
    pub id_token: String,
}

/// The code exchanged for tokens (with the PKCE verifier) and the ID token verified:
/// signature, issuer, audience, expiry and the login's nonce.
pub async fn verified_claims<C: AdditionalClaims + Clone>(
    client: &OidcClient<C>,
    http: &reqwest::Client,
    code: String,
    pkce_verifier: String,
    nonce: String,
) -> Result<Verified<C>, LoginError> {
    let response = client
        .exchange_code(AuthorizationCode::new(code))
        .map_err(|_| LoginError::Exchange)?
        .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier))
        .request_async(http)
        .await
        .map_err(|e| {
            tracing::warn!(error = %e, "the OpenID provider refused the code");
            LoginError::Exchange
        })?;
    let id_token = response.id_token().ok_or(LoginError::Token)?;
    let claims = id_token
        .claims(&client.id_token_verifier(), &Nonce::new(nonce))
        .map_err(|e| {
            tracing::warn!(error = %e, "ID token refused");
            LoginError::Token
        })?
        .clone();
    Ok(Verified {
        claims,
        id_token: id_token.to_string(),
    })
}

/// The person's name as the ID token gives it, if it gives a non-empty one.
pub fn name_of<C: AdditionalClaims>(claims: &IdTokenClaims<C, CoreGenderClaim>) -> Option<String> {
    claims
        .name()
        .and_then(|n| n.get(None))
        .map(|n| n.as_str().trim().to_owned())
        .filter(|n| !n.is_empty())
}

/// The callback's `iss` parameter must name the issuer (RFC 9207), when present.
pub fn issuer_matches(issuer: &str, iss: Option<&str>) -> bool {
    iss.is_none_or(|iss| iss.trim_end_matches('/') == issuer.trim_end_matches('/'))
}
