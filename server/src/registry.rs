//! Organisations from Brønnøysund's Enhetsregisteret: a bundled extract in the registry's
//! own JSON field names by default (the portal runs offline), or the live open API when
//! configured (`/enheter/{orgnr}`, `/underenheter/{orgnr}` resolved to the parent through
//! `overordnetEnhet`). Both give the same typed answer, so bankrupt, deleted and unknown
//! units get the same clear message either way. Roles (`/enheter/{orgnr}/roller`) tell
//! who may accept for a unit: daglig leder, signatur or prokura of its legal entity.

use std::collections::HashMap;
use std::time::Duration;

use common::FieldError;
use common::api::{Authority, CustomerInfo, Organisation, OrganisationChoice, Standing};
use common::validate::{Fodselsnummer, OrgNumber};
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
    #[serde(default)]
    pub organisasjonsform: Option<Organisasjonsform>,
    #[serde(default)]
    pub forretningsadresse: Option<Adresse>,
    #[serde(default)]
    pub beliggenhetsadresse: Option<Adresse>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Organisasjonsform {
    pub beskrivelse: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Adresse {
    #[serde(default)]
    pub adresse: Vec<String>,
    pub postnummer: Option<String>,
    pub poststed: Option<String>,
}

impl Adresse {
    /// "Abels gate 9, 7030 TRONDHEIM".
    pub fn one_line(&self) -> String {
        let place = [self.postnummer.as_deref(), self.poststed.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        self.adresse
            .iter()
            .map(String::as_str)
            .chain((!place.is_empty()).then_some(place.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// What the registry says about a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lookup {
    /// The unit, and the number of its legal entity (itself, or the parent of a sub-unit).
    Found(Organisation, String),
    /// Known, but not a unit that may order: bankrupt, deleted or unknown.
    Refused(FieldError),
}

/// The registry could not be asked (network, timeout, unexpected answer).
#[derive(Debug, thiserror::Error)]
#[error("registry unavailable: {0}")]
pub struct RegistryUnavailable(pub String);

#[derive(Deserialize)]
struct Extract {
    enheter: Vec<Enhet>,
    underenheter: Vec<Enhet>,
    /// `/enheter/{orgnr}/roller` answers, by number, for the units whose roles we know.
    #[serde(default)]
    roller: HashMap<String, Roller>,
}

/// Enhetsregisteret's roles of a unit (only the fields we use).
#[derive(Clone, Debug, Deserialize)]
pub struct Roller {
    pub rollegrupper: Vec<Rollegruppe>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Rollegruppe {
    pub roller: Vec<Rolle>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Rolle {
    #[serde(rename = "type")]
    pub kind: Kode,
    pub person: Option<RollePerson>,
    #[serde(default)]
    pub fratraadt: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Kode {
    pub kode: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RollePerson {
    pub fodselsdato: String,
    pub navn: Navn,
    #[serde(default)]
    pub er_doed: bool,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Navn {
    pub fornavn: String,
    pub mellomnavn: Option<String>,
    pub etternavn: String,
}

impl Navn {
    fn full(&self) -> String {
        let parts = [
            Some(self.fornavn.as_str()),
            self.mellomnavn.as_deref(),
            Some(self.etternavn.as_str()),
        ];
        parts.into_iter().flatten().collect::<Vec<_>>().join(" ")
    }
}

/// Names compared as people write them: case, spacing and hyphens do not matter.
fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.to_lowercase()
            .replace('-', " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    norm(a) == norm(b)
}

/// The person's standing with a unit whose roles are `roles` (`None`: not known here).
/// The registry gives a role holder's date of birth and name, not the fødselsnummer, so
/// both must match the logged-in person.
pub fn standing(roles: Option<&Roller>, fodselsnummer: &Fodselsnummer, name: &str) -> Standing {
    let Some(roles) = roles else {
        return Standing::Unknown;
    };
    let birth = fodselsnummer.birth_date();
    authority_roles(roles)
        .filter(|(_, p)| Some(&p.fodselsdato) == birth.as_ref() && same_name(&p.navn.full(), name))
        .map(|(authority, _)| authority)
        .min_by_key(|a| *a as u8)
        .map_or(Standing::Lacks, Standing::Holds)
}

/// Who holds a role with authority (not resigned, alive): the tilgangsstyrere to choose
/// from, and Kundeinformasjon's list.
pub fn authority_holders(roles: &Roller) -> Vec<(Authority, String)> {
    authority_roles(roles)
        .map(|(authority, person)| (authority, person.navn.full()))
        .collect()
}

/// The roles that give authority, held now by a living person.
fn authority_roles(roles: &Roller) -> impl Iterator<Item = (Authority, &RollePerson)> {
    roles
        .rollegrupper
        .iter()
        .flat_map(|g| &g.roller)
        .filter(|r| !r.fratraadt)
        .filter_map(|r| {
            let person = r.person.as_ref().filter(|p| !p.er_doed)?;
            Some((Authority::from_role_code(&r.kind.kode)?, person))
        })
}

pub enum Registry {
    /// Main units and sub-units by number, and the roles we know.
    Bundled(HashMap<String, Enhet>, HashMap<String, Roller>),
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
        Registry::Bundled(units, extract.roller)
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

    /// The registry's record of a main unit or sub-unit.
    async fn unit(&self, orgnr: &str) -> Result<Fetched<Enhet>, RegistryUnavailable> {
        Ok(match self {
            Registry::Bundled(units, _) => Fetched::from(units.get(orgnr).cloned()),
            Registry::Live { http, base } => match fetch(http, &format!("{base}/enheter/{orgnr}"))
                .await?
            {
                Fetched::Missing => fetch(http, &format!("{base}/underenheter/{orgnr}")).await?,
                other => other,
            },
        })
    }

    /// The registry's record, for Kundeinformasjon (`None` if it has none).
    pub async fn details(&self, orgnr: &str) -> Result<Option<Enhet>, RegistryUnavailable> {
        Ok(match self.unit(orgnr).await? {
            Fetched::Unit(e) => Some(e),
            Fetched::Missing | Fetched::Gone => None,
        })
    }

    /// Looks a main unit or sub-unit up.
    pub async fn lookup(&self, orgnr: &OrgNumber) -> Result<Lookup, RegistryUnavailable> {
        let unit = self.unit(orgnr.as_ref()).await?;
        Ok(match unit {
            Fetched::Missing => Lookup::Refused(FieldError::NotInRegistry),
            Fetched::Gone => Lookup::Refused(FieldError::OrgDeleted),
            Fetched::Unit(e) if e.slettedato.is_some() => Lookup::Refused(FieldError::OrgDeleted),
            Fetched::Unit(e) if e.konkurs => Lookup::Refused(FieldError::OrgBankrupt),
            Fetched::Unit(e) => {
                let legal_entity = e
                    .overordnet_enhet
                    .unwrap_or_else(|| e.organisasjonsnummer.clone());
                Lookup::Found(
                    Organisation {
                        orgnr: e.organisasjonsnummer,
                        name: e.navn,
                    },
                    legal_entity,
                )
            }
        })
    }

    /// Kundeinformasjon: the unit, its form and address, its main unit, and who holds
    /// authority in its legal entity (`None` if the registry has no such unit).
    pub async fn customer_info(
        &self,
        orgnr: &str,
    ) -> Result<Option<CustomerInfo>, RegistryUnavailable> {
        let Some(unit) = self.details(orgnr).await? else {
            return Ok(None);
        };
        let legal_entity = unit
            .overordnet_enhet
            .clone()
            .unwrap_or_else(|| unit.organisasjonsnummer.clone());
        let parent = match &unit.overordnet_enhet {
            Some(p) => self.details(p).await?.map(|e| Organisation {
                orgnr: e.organisasjonsnummer,
                name: e.navn,
            }),
            None => None,
        };
        let roles = self.roles(&legal_entity).await?;
        Ok(Some(CustomerInfo {
            organisation: Organisation {
                orgnr: unit.organisasjonsnummer,
                name: unit.navn,
            },
            organisation_form: unit.organisasjonsform.map(|f| f.beskrivelse),
            address: unit
                .forretningsadresse
                .or(unit.beliggenhetsadresse)
                .map(|a| a.one_line()),
            parent,
            role_holders: roles.as_ref().map(authority_holders).unwrap_or_default(),
        }))
    }

    /// The roles of a legal entity, if the registry tells them.
    pub async fn roles(&self, legal_entity: &str) -> Result<Option<Roller>, RegistryUnavailable> {
        match self {
            Registry::Bundled(_, roles) => Ok(roles.get(legal_entity).cloned()),
            Registry::Live { http, base } => {
                match fetch(http, &format!("{base}/enheter/{legal_entity}/roller")).await? {
                    Fetched::Unit(roles) => Ok(Some(roles)),
                    Fetched::Missing | Fetched::Gone => Ok(None),
                }
            }
        }
    }

    /// Units whose known roles give this person authority, for the list to choose from.
    /// Only the bundled extract can be searched this way; the open API looks up by unit.
    pub fn units_with_authority(&self, fodselsnummer: &Fodselsnummer, name: &str) -> Vec<String> {
        match self {
            Registry::Bundled(_, roles) => {
                let mut units: Vec<String> = roles
                    .iter()
                    .filter(|(_, r)| {
                        matches!(standing(Some(r), fodselsnummer, name), Standing::Holds(_))
                    })
                    .map(|(orgnr, _)| orgnr.clone())
                    .collect();
                units.sort();
                units
            }
            Registry::Live { .. } => Vec::new(),
        }
    }

    /// A unit and the person's standing with it, in one call for the handlers.
    pub async fn choose(
        &self,
        orgnr: &OrgNumber,
        fodselsnummer: &Fodselsnummer,
        name: &str,
    ) -> Result<Result<OrganisationChoice, FieldError>, RegistryUnavailable> {
        match self.lookup(orgnr).await? {
            Lookup::Refused(reason) => Ok(Err(reason)),
            Lookup::Found(organisation, legal_entity) => {
                let roles = self.roles(&legal_entity).await?;
                Ok(Ok(OrganisationChoice {
                    organisation,
                    standing: standing(roles.as_ref(), fodselsnummer, name),
                }))
            }
        }
    }
}

enum Fetched<T> {
    Unit(T),
    /// 404: no such unit.
    Missing,
    /// 410: the registry has deleted the unit.
    Gone,
}

impl<T> From<Option<T>> for Fetched<T> {
    fn from(unit: Option<T>) -> Self {
        unit.map_or(Fetched::Missing, Fetched::Unit)
    }
}

/// GET a registry document: 200 is the document, 404 missing, 410 deleted.
async fn fetch<T: serde::de::DeserializeOwned>(
    http: &reqwest::Client,
    url: &str,
) -> Result<Fetched<T>, RegistryUnavailable> {
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
        let Lookup::Found(nhn, _) = &outcomes[0] else {
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

    #[test]
    fn a_role_holder_is_matched_by_birth_date_and_name() {
        let roles: Roller = serde_json::from_value(serde_json::json!({ "rollegrupper": [
            { "type": { "kode": "DAGL" }, "roller": [ { "type": { "kode": "DAGL", "beskrivelse": "Daglig leder/ adm.direktør" },
              "person": { "fodselsdato": "1988-10-08", "navn": { "fornavn": "Kari", "etternavn": "Testperson" }, "erDoed": false },
              "fratraadt": false } ] },
            { "type": { "kode": "STYR" }, "roller": [ { "type": { "kode": "MEDL" },
              "person": { "fodselsdato": "1990-06-22", "navn": { "fornavn": "Ola", "etternavn": "Styremedlem" } } } ] }
        ] }))
        .unwrap();
        let kari = Fodselsnummer::parse("08908834756").unwrap();
        assert_eq!(
            standing(Some(&roles), &kari, "kari  TESTPERSON"),
            Standing::Holds(Authority::DagligLeder)
        );
        assert_eq!(
            standing(Some(&roles), &kari, "Kari Annenperson"),
            Standing::Lacks,
            "same birth date, other name"
        );
        let ola = Fodselsnummer::parse("22069015569").unwrap();
        assert_eq!(
            standing(Some(&roles), &ola, "Ola Styremedlem"),
            Standing::Lacks,
            "a board member has no authority"
        );
        assert_eq!(standing(None, &kari, "Kari Testperson"), Standing::Unknown);
    }
}
