//! Organisations from Brønnøysund's Enhetsregisteret: a bundled extract in the registry's
//! own JSON field names by default (the portal runs offline), or the live open API when
//! configured (`/enheter/{orgnr}`, `/underenheter/{orgnr}` resolved to the parent through
//! `overordnetEnhet`). Both give the same typed answer, so bankrupt, deleted and unknown
//! units get the same clear message either way.

use std::collections::HashMap;
use std::time::Duration;

use common::FieldError;
use common::api::Organisation;
use common::validate::OrgNumber;
use serde::Deserialize;

/// A unit as Enhetsregisteret's API returns it (only the fields we use).
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Enhet {
    pub organisasjonsnummer: String,
    pub navn: String,
    #[serde(default)]
    pub overordnet_enhet: Option<String>,
    #[serde(default)]
    pub konkurs: bool,
    #[serde(default)]
    pub slettedato: Option<String>,
}

/// What the registry says about a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    Found(Organisation),
    /// Known, but not a unit that may order: bankrupt, deleted or unknown.
    Refused(FieldError),
}

/// The registry could not be asked (network, timeout, unexpected answer).
#[derive(Debug)]
pub struct RegistryUnavailable(pub String);

#[derive(Deserialize)]
struct Extract {
    enheter: Vec<Enhet>,
    underenheter: Vec<Enhet>,
}

pub enum Registry {
    /// Main units and sub-units by number.
    Bundled(HashMap<String, Enhet>),
    /// The open API at `base`, e.g. `https://data.brreg.no/enhetsregisteret/api`.
    Live { http: reqwest::Client, base: String },
}

const BUNDLED: &str = include_str!("../data/enhetsregisteret.json");

impl Registry {
    pub fn bundled() -> Self {
        let extract: Extract =
            serde_json::from_str(BUNDLED).expect("bundled registry extract is valid JSON");
        let units = extract
            .enheter
            .into_iter()
            .chain(extract.underenheter)
            .map(|e| (e.organisasjonsnummer.clone(), e))
            .collect();
        Registry::Bundled(units)
    }

    pub fn live(base: &str) -> Result<Self, String> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(5))
            .user_agent("Bestillingsportal (Norsk helsenett)")
            .build()
            .map_err(|e| e.to_string())?;
        Ok(Registry::Live {
            http,
            base: base.trim_end_matches('/').to_owned(),
        })
    }

    /// Looks a main unit or sub-unit up.
    pub async fn lookup(&self, orgnr: &OrgNumber) -> Result<Lookup, RegistryUnavailable> {
        let unit = match self {
            Registry::Bundled(units) => Fetched::from(units.get(orgnr.as_ref()).cloned()),
            Registry::Live { http, base } => match fetch(http, &format!("{base}/enheter/{orgnr}"))
                .await?
            {
                Fetched::Missing => fetch(http, &format!("{base}/underenheter/{orgnr}")).await?,
                other => other,
            },
        };
        Ok(match unit {
            Fetched::Missing => Lookup::Refused(FieldError::NotInRegistry),
            Fetched::Gone => Lookup::Refused(FieldError::OrgDeleted),
            Fetched::Unit(e) if e.slettedato.is_some() => Lookup::Refused(FieldError::OrgDeleted),
            Fetched::Unit(e) if e.konkurs => Lookup::Refused(FieldError::OrgBankrupt),
            Fetched::Unit(e) => Lookup::Found(Organisation {
                orgnr: e.organisasjonsnummer,
                name: e.navn,
            }),
        })
    }
}

enum Fetched {
    Unit(Enhet),
    /// 404: no such unit.
    Missing,
    /// 410: the registry has deleted the unit.
    Gone,
}

impl From<Option<Enhet>> for Fetched {
    fn from(unit: Option<Enhet>) -> Self {
        unit.map_or(Fetched::Missing, Fetched::Unit)
    }
}

async fn fetch(http: &reqwest::Client, url: &str) -> Result<Fetched, RegistryUnavailable> {
    let response = http
        .get(url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|e| RegistryUnavailable(e.to_string()))?;
    match response.status().as_u16() {
        200 => response
            .json()
            .await
            .map(Fetched::Unit)
            .map_err(|e| RegistryUnavailable(e.to_string())),
        404 => Ok(Fetched::Missing),
        410 => Ok(Fetched::Gone),
        status => Err(RegistryUnavailable(format!("{url}: HTTP {status}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_bundled_number_passes_mod11_and_nhn_is_there() {
        let extract: Extract = serde_json::from_str(BUNDLED).unwrap();
        for e in extract.enheter.iter().chain(&extract.underenheter) {
            assert!(
                OrgNumber::parse(&e.organisasjonsnummer).is_ok(),
                "{}",
                e.organisasjonsnummer
            );
        }
        let registry = Registry::bundled();
        let mut outcomes = Vec::new();
        for n in ["994598759", "858813999", "998797306", "814170756"] {
            outcomes.push(
                registry
                    .lookup(&OrgNumber::parse(n).unwrap())
                    .await
                    .unwrap(),
            );
        }
        let Lookup::Found(nhn) = &outcomes[0] else {
            panic!("NHN is in the extract")
        };
        assert_eq!(nhn.display(), "NORSK HELSENETT SF (994598759)");
        assert_eq!(
            outcomes[1..],
            [
                Lookup::Refused(FieldError::OrgDeleted),
                Lookup::Refused(FieldError::OrgBankrupt),
                Lookup::Refused(FieldError::NotInRegistry)
            ]
        );
    }
}
