//! Communication parties from NHN's Adresseregisteret: a bundled extract in the register's
//! REST field names by default (the portal runs offline), or a live endpoint when
//! configured (`/communicationparties/{herId}`, and `/communicationparties?organizationNumber=`
//! for a unit's parties, its sub-units' included). Both give the same typed answer; the
//! rule for a HER-id in a form is `common::api::register::judge`.

use std::time::Duration;

use serde::Deserialize;

/// A communication party as the register gives it (only the fields we use).
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Party {
    pub her_id: u32,
    pub name: String,
    /// The unit in Enhetsregisteret the party is registered on (a sub-unit's
    /// virksomhetsnummer, or the legal entity's own number).
    pub organization_number: String,
    /// The party's EDI address, where one is registered.
    #[serde(default)]
    pub edi_address: Option<String>,
}

/// The register could not be asked (network, timeout, unexpected answer).
#[derive(Debug, thiserror::Error)]
#[error("Adresseregisteret unavailable: {0}")]
pub struct RegisterUnavailable(pub String);

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Extract {
    communication_parties: Vec<Party>,
}

pub enum AddressRegister {
    /// Every party of the extract.
    Bundled(Vec<Party>),
    /// The REST endpoint at `base`.
    Live { http: reqwest::Client, base: String },
}

const BUNDLED: &str = include_str!("../data/adresseregisteret.json");

impl AddressRegister {
    pub fn bundled() -> Self {
        let extract: Extract =
            serde_json::from_str(BUNDLED).expect("bundled Adresseregisteret extract is valid JSON");
        AddressRegister::Bundled(extract.communication_parties)
    }

    pub fn live(base: &str) -> Result<Self, String> {
        let http = reqwest::Client::builder()
            // A form waits on this: better a flagged order than a user left waiting.
            .timeout(Duration::from_secs(3))
            .user_agent("Bestillingsportal (Norsk helsenett)")
            .build()
            .map_err(|e| e.to_string())?;
        Ok(AddressRegister::Live {
            http,
            base: base.trim_end_matches('/').to_owned(),
        })
    }

    /// The party with this HER-id, if the register has one.
    pub async fn party(&self, her_id: u32) -> Result<Option<Party>, RegisterUnavailable> {
        match self {
            AddressRegister::Bundled(parties) => {
                Ok(parties.iter().find(|p| p.her_id == her_id).cloned())
            }
            AddressRegister::Live { http, base } => {
                let url = format!("{base}/communicationparties/{her_id}");
                let response = send(http, &url).await?;
                match response.status().as_u16() {
                    200 => response.json().await.map(Some).map_err(unavailable),
                    404 => Ok(None),
                    status => Err(RegisterUnavailable(format!("{url}: HTTP {status}"))),
                }
            }
        }
    }

    /// The parties registered on the `units` or on their sub-units. The bundled extract
    /// knows no hierarchy of units, so there the caller names every unit it judges to
    /// belong (through Enhetsregisteret).
    pub async fn parties_of(&self, units: &[&str]) -> Result<Vec<Party>, RegisterUnavailable> {
        match self {
            AddressRegister::Bundled(parties) => Ok(parties
                .iter()
                .filter(|p| units.contains(&p.organization_number.as_str()))
                .cloned()
                .collect()),
            AddressRegister::Live { http, base } => {
                let mut found: Vec<Party> = Vec::new();
                for unit in units {
                    let url = format!("{base}/communicationparties?organizationNumber={unit}");
                    let response = send(http, &url).await?;
                    if response.status().as_u16() != 200 {
                        return Err(RegisterUnavailable(format!(
                            "{url}: HTTP {}",
                            response.status()
                        )));
                    }
                    let parties: Vec<Party> = response.json().await.map_err(unavailable)?;
                    for p in parties {
                        if !found.iter().any(|f| f.her_id == p.her_id) {
                            found.push(p);
                        }
                    }
                }
                Ok(found)
            }
        }
    }

    /// Every unit number the register has parties on (bundled only: the live register is
    /// asked unit by unit).
    pub fn bundled_units(&self) -> Vec<&str> {
        match self {
            AddressRegister::Bundled(parties) => {
                let mut units: Vec<&str> = parties
                    .iter()
                    .map(|p| p.organization_number.as_str())
                    .collect();
                units.sort_unstable();
                units.dedup();
                units
            }
            AddressRegister::Live { .. } => Vec::new(),
        }
    }
}

async fn send(http: &reqwest::Client, url: &str) -> Result<reqwest::Response, RegisterUnavailable> {
    http.get(url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(unavailable)
}

fn unavailable(e: impl std::fmt::Display) -> RegisterUnavailable {
    RegisterUnavailable(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_bundled_party_has_a_unique_her_id_on_a_valid_unit() {
        let register = AddressRegister::bundled();
        let AddressRegister::Bundled(parties) = &register else {
            unreachable!()
        };
        for p in parties {
            assert!(
                common::validate::OrgNumber::parse(&p.organization_number).is_ok(),
                "{}",
                p.organization_number
            );
            assert_eq!(
                parties.iter().filter(|q| q.her_id == p.her_id).count(),
                1,
                "HER-id {} twice",
                p.her_id
            );
        }
        let nhn = register.party(8765432).await.unwrap().unwrap();
        assert_eq!(nhn.name, "Norsk helsenett SF");
        assert!(register.party(1).await.unwrap().is_none());
    }
}
