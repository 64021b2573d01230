//! Who may act for which organisation. A person (eID) acts for a unit where
//! Enhetsregisteret gives them a role with authority; a customer-portal account acts for
//! the organisations it is a registered contact person for. Every handler that touches
//! an organisation's data asks here first.

use common::FieldError;
use common::api::{Organisation, OrganisationChoice, Standing};
use common::validate::OrgNumber;

use crate::auth::CurrentUser;
use crate::db::accounts;
use crate::db::sessions::Identity;
use crate::error::ApiError;
use crate::registry::Lookup;
use crate::state::AppState;

/// The unit and the user's standing with it, or why the unit cannot be chosen.
pub async fn choose(
    state: &AppState,
    user: &CurrentUser,
    orgnr: &OrgNumber,
) -> Result<Result<OrganisationChoice, FieldError>, ApiError> {
    match &user.identity {
        Identity::Person { fodselsnummer, .. } => Ok(state
            .registry
            .choose(orgnr, fodselsnummer, &user.name)
            .await?),
        Identity::Account { id } => match state.registry.lookup(orgnr).await? {
            Lookup::Refused(reason) => Ok(Err(reason)),
            Lookup::Found(organisation, _) => {
                let standing = if accounts::is_contact_for(&state.db, *id, orgnr).await? {
                    Standing::Contact
                } else {
                    Standing::Lacks
                };
                Ok(Ok(OrganisationChoice {
                    organisation,
                    standing,
                }))
            }
        },
    }
}

/// Whether this standing lets the user see and act on the organisation's data. An
/// unknown standing does not: nobody could tell.
pub fn acts_for(standing: Standing) -> bool {
    matches!(standing, Standing::Holds(_) | Standing::Contact)
}

/// The organisation, if the user acts for it; 403 otherwise (also for units that do not
/// exist, so the answer tells nothing about other organisations).
pub async fn require(
    state: &AppState,
    user: &CurrentUser,
    orgnr: &OrgNumber,
) -> Result<Organisation, ApiError> {
    match choose(state, user, orgnr).await? {
        Ok(choice) if acts_for(choice.standing) => Ok(choice.organisation),
        _ => Err(ApiError::Forbidden),
    }
}

/// The organisations the user acts for, to choose between.
pub async fn mine(
    state: &AppState,
    user: &CurrentUser,
) -> Result<Vec<OrganisationChoice>, ApiError> {
    let mut choices = Vec::new();
    match &user.identity {
        // The account's list is its registrations: each is a contact standing already.
        Identity::Account { id } => {
            for orgnr in accounts::organisations(&state.db, *id).await? {
                if let Lookup::Found(organisation, _) = state.registry.lookup(&orgnr).await? {
                    choices.push(OrganisationChoice {
                        organisation,
                        standing: Standing::Contact,
                    });
                }
            }
        }
        Identity::Person { fodselsnummer, .. } => {
            for orgnr in state
                .registry
                .units_with_authority(fodselsnummer, &user.name)
            {
                let Ok(orgnr) = OrgNumber::parse(&orgnr) else {
                    continue;
                };
                if let Ok(choice) = choose(state, user, &orgnr).await?
                    && acts_for(choice.standing)
                {
                    choices.push(choice);
                }
            }
        }
    }
    Ok(choices)
}
