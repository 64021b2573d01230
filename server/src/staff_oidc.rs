//! The customer centre's staff log in through their own OpenID Connect provider (NHN
//! would use its Entra ID): a relying party apart from ID-porten's, with its own issuer,
//! client and attempts. The role comes from a configurable claim (Entra ID's app roles
//! arrive as `roles`), its values mapped to `Role`; a login without a known role is refused.

use openidconnect::core::CoreResponseType;
use openidconnect::{
    AdditionalClaims, AuthenticationFlow, CsrfToken, Nonce, PkceCodeChallenge, Scope,
};
use serde::{Deserialize, Serialize};

use crate::idporten::StartedLogin;
use crate::oidc::{self, LoginError, OidcClient, ProviderConfig};
use crate::staff_role::Role;

/// Every claim of the ID token beyond the standard ones: which carries the roles is
/// configuration.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct AnyClaims {
    #[serde(flatten)]
    pub other: serde_json::Map<String, serde_json::Value>,
}
impl AdditionalClaims for AnyClaims {}

/// Which claim carries the roles, and its values for each role.
#[derive(Clone, Debug)]
pub struct RoleMapping {
    pub claim: String,
    pub saksbehandler: String,
    pub leder: String,
}

impl RoleMapping {
    /// The role the claims give: leder when both are there. The claim may be one string
    /// or a list of them.
    pub fn role_of(&self, claims: &serde_json::Map<String, serde_json::Value>) -> Option<Role> {
        let values: Vec<&str> = match claims.get(&self.claim)? {
            serde_json::Value::String(one) => vec![one.as_str()],
            serde_json::Value::Array(many) => many.iter().filter_map(|v| v.as_str()).collect(),
            _ => return None,
        };
        if values.contains(&self.leder.as_str()) {
            Some(Role::Leder)
        } else if values.contains(&self.saksbehandler.as_str()) {
            Some(Role::Saksbehandler)
        } else {
            None
        }
    }
}

/// The staff provider, discovered.
pub struct StaffOidc {
    client: OidcClient<AnyClaims>,
    http: openidconnect::reqwest::Client,
    issuer: String,
    roles: RoleMapping,
}

/// Who logged in.
pub struct StaffIdentity {
    /// The provider's subject, namespaced by the issuer: two providers' subjects never meet.
    pub subject: String,
    pub name: String,
    pub role: Role,
}

impl StaffOidc {
    pub async fn discover(config: ProviderConfig, roles: RoleMapping) -> Result<Self, String> {
        let discovered = oidc::discover(&config).await?;
        Ok(StaffOidc {
            client: discovered.client,
            http: discovered.http,
            issuer: config.issuer,
            roles,
        })
    }

    /// Starts a login: the authorization URL with PKCE, state and nonce.
    pub fn start(&self) -> StartedLogin {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = self
            .client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        StartedLogin {
            url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        }
    }

    pub fn issuer_matches(&self, iss: Option<&str>) -> bool {
        oidc::issuer_matches(&self.issuer, iss)
    }

    /// Finishes a login: code for tokens, the ID token verified, name and role read.
    pub async fn finish(
        &self,
        code: String,
        pkce_verifier: String,
        nonce: String,
    ) -> Result<StaffIdentity, LoginError> {
        let verified =
            oidc::verified_claims(&self.client, &self.http, code, pkce_verifier, nonce).await?;
        let claims = &verified.claims;
        let role = self
            .roles
            .role_of(&claims.additional_claims().other)
            .ok_or(LoginError::Role)?;
        let name = oidc::name_of(claims).ok_or(LoginError::Person)?;
        Ok(StaffIdentity {
            subject: format!("{}#{}", self.issuer, claims.subject().as_str()),
            name,
            role,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claims(v: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn the_configured_claim_gives_the_role() {
        let mapping = RoleMapping {
            claim: "roles".into(),
            saksbehandler: "Bestillingsportal.Saksbehandler".into(),
            leder: "Bestillingsportal.Leder".into(),
        };
        let role = |v| mapping.role_of(&claims(v));
        assert_eq!(
            role(json!({ "roles": ["Other", "Bestillingsportal.Saksbehandler"] })),
            Some(Role::Saksbehandler)
        );
        assert_eq!(
            role(
                json!({ "roles": ["Bestillingsportal.Saksbehandler", "Bestillingsportal.Leder"] })
            ),
            Some(Role::Leder)
        );
        assert_eq!(
            role(json!({ "roles": "Bestillingsportal.Leder" })),
            Some(Role::Leder)
        );
        // A role by another name, another claim, or none at all: no staff member.
        assert_eq!(role(json!({ "roles": ["leder"] })), None);
        assert_eq!(role(json!({ "groups": ["Bestillingsportal.Leder"] })), None);
        assert_eq!(role(json!({ "roles": 7 })), None);
        assert_eq!(role(json!({})), None);
    }
}
