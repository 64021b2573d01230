//! ID-porten login as an OpenID Connect relying party (authorization code + PKCE S256 +
//! state + nonce), with the `openidconnect` crate. `pid` (fødselsnummer) is a custom
//! claim; `acr` must reach the configured level; `amr` tells which eID was used.
//! Every way a login can fail is a `LoginError`, shown to the user as a clear page.

use common::api::Eid;
use common::validate::Fodselsnummer;
use openidconnect::core::{CoreAuthPrompt, CoreResponseType};
use openidconnect::{
    AdditionalClaims, AuthenticationContextClass, AuthenticationFlow, CsrfToken, EndSessionUrl,
    LogoutRequest, Nonce, PkceCodeChallenge, PostLogoutRedirectUrl, RedirectUrl, Scope,
};
use serde::{Deserialize, Serialize};

pub use crate::oidc::LoginError;
use crate::oidc::{self, OidcClient, ProviderConfig};

/// ID-porten's own claims beyond the standard ones.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct IdPortenClaims {
    /// Personidentifikator: the fødselsnummer (or D-number) of the person.
    pub pid: Option<String>,
}
impl AdditionalClaims for IdPortenClaims {}

type IdPortenClient = OidcClient<IdPortenClaims>;

/// How to reach ID-porten (from configuration).
pub struct IdPortenConfig {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    pub redirect_url: String,
    /// The least level a login must reach, e.g. `idporten-loa-substantial`.
    pub required_acr: String,
    /// The least level of the login that signs terms.
    pub signing_acr: String,
}

/// Why the person logs in: to use the portal, or to sign a document. A signing always
/// asks for a fresh login (`prompt=login`): an ID-porten session already open in the
/// browser (the orderer's) must not sign in someone else's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Login,
    Signing,
}

/// A discovered ID-porten, ready to log people in.
pub struct IdPorten {
    client: IdPortenClient,
    http: reqwest::Client,
    issuer: String,
    required_acr: String,
    signing_acr: String,
    end_session: Option<EndSessionUrl>,
    post_logout: Option<PostLogoutRedirectUrl>,
}

/// A started login: redirect the browser to `url`; keep the rest for the callback.
pub struct StartedLogin {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// Who logged in.
pub struct Identity {
    pub fodselsnummer: Fodselsnummer,
    pub name: String,
    pub eid: Eid,
    /// The eID as ID-porten names it (`amr`), e.g. "Minid-PIN": the signature's method.
    pub method: String,
    pub acr: String,
    pub id_token: String,
}

/// The rank of a security level; ID-porten's legacy names count as their new equals.
pub fn acr_rank(acr: &str) -> Option<u8> {
    match acr {
        "idporten-loa-low" | "Level2" => Some(2),
        "idporten-loa-substantial" | "Level3" => Some(3),
        "idporten-loa-high" | "Level4" => Some(4),
        _ => None,
    }
}

/// Which eID an `amr` value names (ID-porten's values, e.g. "Minid-PIN", "BankID Mobil").
pub fn eid_from_amr(amr: &str) -> Option<Eid> {
    let a = amr.to_ascii_lowercase();
    Some(match a.as_str() {
        _ if a.starts_with("minid") => Eid::Minid,
        _ if a.starts_with("bankid") && a.contains("mobil") => Eid::BankidMobil,
        _ if a.starts_with("bankid") => Eid::Bankid,
        _ if a.starts_with("buypass") && a.contains("mobil") => Eid::BuypassMobil,
        _ if a.starts_with("buypass") => Eid::BuypassSmartkort,
        _ if a.starts_with("commfides") => Eid::Commfides,
        _ => return None,
    })
}

impl IdPorten {
    /// Reads ID-porten's discovery document (retrying while it starts up).
    pub async fn discover(config: IdPortenConfig) -> Result<Self, String> {
        let provider = ProviderConfig {
            issuer: config.issuer.clone(),
            client_id: config.client_id,
            client_secret: config.client_secret,
            redirect_url: config.redirect_url.clone(),
        };
        let discovered = oidc::discover(&provider).await?;
        let post_logout = RedirectUrl::new(config.redirect_url.clone())
            .ok()
            .and_then(|r| r.url().join("/").ok())
            .and_then(|u| PostLogoutRedirectUrl::new(u.to_string()).ok());
        Ok(IdPorten {
            client: discovered.client,
            http: discovered.http,
            issuer: config.issuer,
            required_acr: config.required_acr,
            signing_acr: config.signing_acr,
            end_session: discovered.end_session,
            post_logout,
        })
    }

    fn level_for(&self, purpose: Purpose) -> &str {
        match purpose {
            Purpose::Login => &self.required_acr,
            Purpose::Signing => &self.signing_acr,
        }
    }

    /// Starts a login: the authorization URL with PKCE, state, nonce and the required level.
    pub fn start(&self, purpose: Purpose) -> StartedLogin {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = self
            .client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("profile".into()))
            .add_auth_context_value(AuthenticationContextClass::new(
                self.level_for(purpose).to_owned(),
            ))
            .set_pkce_challenge(challenge);
        if purpose == Purpose::Signing {
            request = request.add_prompt(CoreAuthPrompt::Login);
        }
        let (url, state, nonce) = request.url();
        StartedLogin {
            url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        }
    }

    /// The callback's `iss` parameter must name our issuer (RFC 9207), when present.
    pub fn check_issuer(&self, iss: Option<&str>) -> Result<(), LoginError> {
        if oidc::issuer_matches(&self.issuer, iss) {
            Ok(())
        } else {
            Err(LoginError::Issuer)
        }
    }

    /// Finishes a login: code for tokens, the ID token verified, the person read from it.
    pub async fn finish(
        &self,
        code: String,
        pkce_verifier: String,
        nonce: String,
        purpose: Purpose,
    ) -> Result<Identity, LoginError> {
        let verified =
            oidc::verified_claims(&self.client, &self.http, code, pkce_verifier, nonce).await?;
        let claims = &verified.claims;
        let acr = claims
            .auth_context_ref()
            .map(|a| a.as_str().to_owned())
            .unwrap_or_default();
        let required = acr_rank(self.level_for(purpose)).unwrap_or(3);
        if acr_rank(&acr).is_none_or(|rank| rank < required) {
            return Err(LoginError::Level);
        }
        let fodselsnummer = claims
            .additional_claims()
            .pid
            .as_deref()
            .and_then(|pid| Fodselsnummer::parse(pid).ok())
            .ok_or(LoginError::Person)?;
        let (eid, method) = claims
            .auth_method_refs()
            .into_iter()
            .flatten()
            .find_map(|amr| Some((eid_from_amr(amr.as_str())?, amr.as_str().to_owned())))
            .unwrap_or((Eid::Minid, Eid::Minid.label().nb.to_owned()));
        let name = oidc::name_of(claims).ok_or(LoginError::Person)?;
        Ok(Identity {
            fodselsnummer,
            name,
            eid,
            method,
            acr,
            id_token: verified.id_token,
        })
    }

    /// Where to send the browser so the ID-porten session ends too.
    pub fn logout_url(&self, id_token: Option<&str>) -> Option<String> {
        let mut request = LogoutRequest::from(self.end_session.clone()?);
        if let Some(post_logout) = &self.post_logout {
            request = request.set_post_logout_redirect_uri(post_logout.clone());
        }
        let mut url = request.http_get_url();
        if let Some(token) = id_token {
            url.query_pairs_mut().append_pair("id_token_hint", token);
        }
        Some(url.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_levels_count_as_their_new_names() {
        assert_eq!(acr_rank("Level3"), acr_rank("idporten-loa-substantial"));
        assert_eq!(acr_rank("Level4"), acr_rank("idporten-loa-high"));
        assert!(acr_rank("idporten-loa-low") < acr_rank("idporten-loa-substantial"));
        assert_eq!(acr_rank("something-else"), None);
    }

    #[test]
    fn amr_values_name_the_eid() {
        assert_eq!(eid_from_amr("Minid-PIN"), Some(Eid::Minid));
        assert_eq!(eid_from_amr("BankID Mobil"), Some(Eid::BankidMobil));
        assert_eq!(eid_from_amr("BankID"), Some(Eid::Bankid));
        assert_eq!(eid_from_amr("Buypass-mobil"), Some(Eid::BuypassMobil));
        assert_eq!(eid_from_amr("Buypass"), Some(Eid::BuypassSmartkort));
        assert_eq!(eid_from_amr("Commfides"), Some(Eid::Commfides));
        assert_eq!(eid_from_amr("pwd"), None);
    }
}
