//! Adresseregisteret as the API gives it: a communication party (a HER-id and whose it
//! is), the parties of the unit ordering, and the one rule both sides apply to a HER-id
//! typed in a form — it must be registered, and to the organisation that orders.

use serde::{Deserialize, Serialize};

use crate::FieldError;
use crate::validate::HerId;

/// A communication party in Adresseregisteret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegisteredParty {
    pub her_id: u32,
    /// "Ørland kommune, helse og omsorg".
    pub name: String,
    /// The legal entity the party belongs to (a municipality's units share their
    /// municipality's): HER-ids are judged by it.
    pub legal_entity: String,
}

/// `GET /api/organisations/{orgnr}/parties`: the unit's parties to pick from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitParties {
    /// The legal entity of the unit ordering.
    pub legal_entity: String,
    pub parties: Vec<RegisteredParty>,
    /// False when Adresseregisteret did not answer: HER-ids cannot be checked now.
    pub available: bool,
}

/// `GET /api/organisations/{orgnr}/parties/{her_id}`: one HER-id looked up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HerIdLookup {
    /// The party, when the register knows the HER-id.
    pub party: Option<RegisteredParty>,
    /// False when Adresseregisteret did not answer.
    pub available: bool,
}

/// `GET /api/organisations/{orgnr}/grunndata`: the unit in Adresseregisteret, and how far
/// the onboarding NHN does for a unit new in Helsenettet has come (seed 002).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Grunndata {
    /// Connected to Helsenettet: its connection order completed, or registered already.
    pub connected: bool,
    /// The unit's communication parties (its HER-ids).
    pub parties: Vec<RegisteredParty>,
    /// The EDI address registered for the unit, if any.
    pub edi_address: Option<String>,
    /// An Adresseregisteret user account was ordered and the customer centre completed it.
    pub account_sent: bool,
    /// False when Adresseregisteret did not answer: the register's steps are not known.
    pub available: bool,
}

impl Grunndata {
    /// The seed's steps, each done or not: connected; created in the register with a
    /// HER-id; EDI address registered; user account created and sent to the contact.
    pub fn steps_done(&self) -> [bool; 4] {
        [
            self.connected,
            !self.parties.is_empty(),
            self.edi_address.is_some(),
            self.account_sent,
        ]
    }
}

/// The rule for a HER-id in a form, given what the register says about it: the party's
/// name when it belongs to the organisation ordering (its legal entity), else why not.
pub fn judge(
    her_id: HerId,
    party: Option<&RegisteredParty>,
    ordering_legal_entity: &str,
) -> Result<String, FieldError> {
    match party {
        None => Err(FieldError::HerIdUnknown {
            her_id: her_id.get(),
        }),
        Some(p) if p.legal_entity != ordering_legal_entity => {
            Err(FieldError::HerIdOtherOrganisation {
                her_id: her_id.get(),
            })
        }
        Some(p) => Ok(p.name.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_her_id_is_named_when_ours_and_refused_when_unknown_or_someone_elses() {
        let party = RegisteredParty {
            her_id: 8765432,
            name: "Ørland kommune, helse og omsorg".into(),
            legal_entity: "944305483".into(),
        };
        let her_id = HerId::parse("8765432").unwrap();
        assert_eq!(
            judge(her_id, Some(&party), "944305483").as_deref(),
            Ok("Ørland kommune, helse og omsorg")
        );
        assert_eq!(
            judge(her_id, Some(&party), "958935420"),
            Err(FieldError::HerIdOtherOrganisation { her_id: 8765432 })
        );
        assert_eq!(
            judge(her_id, None, "944305483"),
            Err(FieldError::HerIdUnknown { her_id: 8765432 })
        );
    }
}
