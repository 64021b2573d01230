//! Organisations from Brønnøysund's Enhetsregisteret. By default a bundled extract in
//! the registry's own JSON field names (`organisasjonsnummer`, `navn`, `overordnetEnhet`,
//! …) so the portal runs offline; the live open API comes with the identity issue.

use std::collections::HashMap;

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

#[derive(Deserialize)]
struct Extract {
    enheter: Vec<Enhet>,
    underenheter: Vec<Enhet>,
}

/// Main units and sub-units (virksomhetsnummer) by number.
pub struct Registry {
    units: HashMap<String, Enhet>,
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
        Registry { units }
    }

    /// The active unit with this number; deleted and bankrupt units are not offered.
    pub fn lookup(&self, orgnr: &OrgNumber) -> Option<Organisation> {
        self.units
            .get(orgnr.as_ref())
            .filter(|e| e.slettedato.is_none() && !e.konkurs)
            .map(|e| Organisation {
                orgnr: e.organisasjonsnummer.clone(),
                name: e.navn.clone(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_number_passes_mod11_and_nhn_is_there() {
        let extract: Extract = serde_json::from_str(BUNDLED).unwrap();
        for e in extract.enheter.iter().chain(&extract.underenheter) {
            assert!(
                OrgNumber::parse(&e.organisasjonsnummer).is_ok(),
                "{}",
                e.organisasjonsnummer
            );
        }
        let nhn = Registry::bundled()
            .lookup(&OrgNumber::parse("994598759").unwrap())
            .unwrap();
        assert_eq!(nhn.display(), "NORSK HELSENETT SF (994598759)");
    }
}
