//! Every check of a submission in one place: the service, the organisation and the
//! user's right to order for it, the form's answers, and what the form cannot know.

use common::api::{Organisation, SubmitOrder};
use common::form::{ValidForm, Value};
use common::services::{self, Service};
use common::validate::{AttachmentRef, HerId, OrgNumber};
use common::{FieldError, Lang, ValidationErrors};

use crate::acting;
use crate::auth::CurrentUser;
use crate::db::attachments;
use crate::error::ApiError;
use crate::state::AppState;

/// An order that passed every check, ready to store.
pub struct CheckedOrder {
    pub service: &'static Service,
    pub organisation: Organisation,
    pub form: ValidForm,
    /// HER-ids Adresseregisteret could not be asked about: the order goes through, and
    /// the customer centre is told in its history.
    pub unchecked_her_ids: Vec<HerId>,
}

impl CheckedOrder {
    /// The form's attachment answers: (field, reference).
    pub fn attachments(&self) -> Vec<(&'static str, &AttachmentRef)> {
        self.form
            .values
            .iter()
            .filter_map(|(field, value)| match value {
                Value::Attachment(a) => Some((*field, a)),
                _ => None,
            })
            .collect()
    }
}

/// Checks a submission in full: 422 with every field error at once, or the order.
pub async fn check(
    state: &AppState,
    user: &CurrentUser,
    body: &SubmitOrder,
    lang: Lang,
) -> Result<CheckedOrder, ApiError> {
    let mut errors = ValidationErrors::default();
    let service = services::by_slug(&body.service);
    match service {
        None => errors.add("service", FieldError::UnknownChoice),
        Some(s) if s.replaced_by.is_some() => errors.add("service", FieldError::ServiceReplaced),
        // Accepting terms needs a person logged in with an eID; a customer-portal account
        // (a registered contact person) may order the services that have none, and the
        // signed ones: there the signer's eID accepts, not the orderer (seed 001).
        Some(s) if s.orderer_accepts_terms() => {
            user.person()?;
        }
        Some(_) => {}
    }
    let organisation = match OrgNumber::parse(&body.orgnr) {
        Ok(orgnr) => match acting::choose(state, user, &orgnr).await? {
            // Only someone with authority may accept for the unit, where the registry tells.
            // A signed service's order may come from anyone: the signature carries the
            // authority, checked on the signer (`ordering::signing`).
            Ok(choice) if !acting::may_order(service, choice.standing) => {
                errors.add("orgnr", FieldError::NoAuthority);
                None
            }
            Ok(choice) => Some(choice.organisation),
            Err(reason) => {
                errors.add("orgnr", reason);
                None
            }
        },
        Err(e) => {
            errors.add("orgnr", e);
            None
        }
    };
    let form = service.and_then(|s| {
        s.form
            .validate(&body.answers)
            .map_err(|e| errors.0.extend(e.0))
            .ok()
    });
    match (service, organisation, form) {
        (Some(service), Some(organisation), Some(form)) => {
            let mut checked = CheckedOrder {
                service,
                organisation,
                form,
                unchecked_her_ids: Vec::new(),
            };
            let (found, unchecked) = beyond_the_form(state, user, &checked).await?;
            checked.unchecked_her_ids = unchecked;
            for (path, error) in found {
                errors.add(path, error);
            }
            errors
                .into_result(checked)
                .map_err(|e| ApiError::Validation(e, lang))
        }
        _ => Err(ApiError::Validation(errors, lang)),
    }
}

/// What the spec cannot know, as field errors: attachments must be the user's own
/// uploads, the service's prerequisites must hold in the organisation's history, and
/// HER-ids must be the organisation's in Adresseregisteret. Also the HER-ids the register
/// could not be asked about.
async fn beyond_the_form(
    state: &AppState,
    user: &CurrentUser,
    checked: &CheckedOrder,
) -> Result<(Vec<(String, FieldError)>, Vec<HerId>), ApiError> {
    let mut found = Vec::new();
    let owner = user.owner_key();
    for (field, attachment) in checked.attachments() {
        if !attachments::is_open_upload(&state.db, &owner, attachment.id()).await? {
            found.push((field.to_owned(), FieldError::AttachmentMissing));
        }
    }
    let unmet = super::prerequisites::unmet(&state.db, checked).await?;
    found.extend(unmet.into_iter().map(|(field, e)| (field.to_owned(), e)));
    let unchecked = match OrgNumber::parse(&checked.organisation.orgnr) {
        Ok(orgnr) => {
            let her_ids = crate::her_ids::check_form(state, &checked.form, &orgnr).await?;
            found.extend(her_ids.errors);
            her_ids.unchecked
        }
        Err(_) => Vec::new(),
    };
    Ok((found, unchecked))
}

/// The legal entity of a unit the registry has found (itself where it has no parent).
pub async fn legal_entity_of(state: &AppState, orgnr: &OrgNumber) -> Result<String, ApiError> {
    match state.registry.lookup(orgnr).await? {
        crate::registry::Lookup::Found(_, legal_entity) => Ok(legal_entity),
        crate::registry::Lookup::Refused(_) => Ok(orgnr.as_ref().to_owned()),
    }
}
