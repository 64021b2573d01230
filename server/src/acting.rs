//! Who may act for which organisation. A person (eID) acts for a unit where
//! Enhetsregisteret gives them a role with authority; a customer-portal account acts for
//! the organisations it is a registered contact person for. Every handler that touches
//! an organisation's data asks here first: `may_view` (see and follow its data),
//! `may_order` (order a service for it), `may_decide` (decide for it, as a person with
//! authority: access requests).

use common::FieldError;
use common::api::{Organisation, OrganisationChoice, Standing};
use common::services::Service;
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

/// Whether a user with this standing may order `service` for the unit (with no known
/// service: whether any order could be theirs). The service's own rule, as step 2 and the
/// drafts apply it too.
pub fn may_order(service: Option<&Service>, standing: Standing) -> bool {
    match service {
        Some(service) => service.may_order_with(standing),
        None => standing != Standing::Lacks,
    }
}

/// Whether the user may see and follow the organisation's data.
pub async fn may_view(
    state: &AppState,
    user: &CurrentUser,
    orgnr: &OrgNumber,
) -> Result<bool, ApiError> {
    Ok(matches!(choose(state, user, orgnr).await?, Ok(choice) if acts_for(choice.standing)))
}

/// Whether the user may decide for the unit: a person holding a role with authority there
/// (a contact person's account may not).
pub async fn may_decide(
    state: &AppState,
    user: &CurrentUser,
    orgnr: &OrgNumber,
) -> Result<bool, ApiError> {
    Ok(matches!(
        choose(state, user, orgnr).await?,
        Ok(choice) if matches!(choice.standing, Standing::Holds(_))
    ))
}

/// The organisation, if the user may view it; 403 otherwise (also for units that do not
/// exist, so the answer tells nothing about other organisations).
pub async fn require_view(
    state: &AppState,
    user: &CurrentUser,
    orgnr: &OrgNumber,
) -> Result<Organisation, ApiError> {
    match choose(state, user, orgnr).await? {
        Ok(choice) if acts_for(choice.standing) => Ok(choice.organisation),
        _ => Err(ApiError::Forbidden),
    }
}

/// The organisation number a request names, if the user may view it: 422 when malformed,
/// 403 otherwise.
pub async fn viewed_orgnr(
    state: &AppState,
    user: &CurrentUser,
    orgnr: &str,
    lang: common::Lang,
) -> Result<OrgNumber, ApiError> {
    let orgnr = OrgNumber::parse(orgnr).map_err(|e| ApiError::field("orgnr", e, lang))?;
    require_view(state, user, &orgnr).await?;
    Ok(orgnr)
}

/// The organisation number a request names, if the user may order for it (what a form in
/// progress may ask about): 422 when malformed, 403 otherwise.
pub async fn ordering_orgnr(
    state: &AppState,
    user: &CurrentUser,
    orgnr: &str,
    lang: common::Lang,
) -> Result<OrgNumber, ApiError> {
    let orgnr = OrgNumber::parse(orgnr).map_err(|e| ApiError::field("orgnr", e, lang))?;
    match choose(state, user, &orgnr).await? {
        Ok(choice) if may_order(None, choice.standing) => Ok(orgnr),
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
