//! A signed service's order (DDFL, SPEC §4): checked in full and kept while the signer
//! logs in with eID; placed only when the one who logs in is the person the form names
//! and holds a role with authority, else refused with every answer kept.

use common::api::{SigningOutcome, Standing, SubmitOrder};
use common::form::Value;
use common::validate::OrgNumber;
use common::{FieldError, Lang};

use super::{Acceptance, Signer, check, place};
use crate::auth::{CurrentUser, new_token};
use crate::db::signings::{self, NewSigning};
use crate::error::ApiError;
use crate::now_ms;
use crate::state::AppState;

/// A signing that waits for its signer: its id and the service's slug.
pub struct StartedSigning {
    pub id: String,
    pub service: &'static str,
}

/// Checks the order and keeps it until its signer has logged in.
pub async fn start_signing(
    state: &AppState,
    user: &CurrentUser,
    body: &SubmitOrder,
    lang: Lang,
) -> Result<StartedSigning, ApiError> {
    let checked = check(state, user, body, lang).await?;
    let Some(field) = checked.service.signer_field else {
        return Err(ApiError::field("service", FieldError::UnknownChoice, lang));
    };
    let Some(Value::Fodselsnummer(signer)) = checked.form.values.get(field) else {
        return Err(ApiError::field(field, FieldError::Required, lang));
    };
    let id = new_token()?;
    signings::insert(
        &state.db,
        &NewSigning {
            id: &id,
            owner_key: &user.owner_key(),
            order_json: &serde_json::to_string(body)?,
            signer_key: &state.sealer.protect_fnr(signer.expose()),
        },
        now_ms(),
    )
    .await?;
    Ok(StartedSigning {
        id,
        service: checked.service.slug,
    })
}

/// Finishes the signing `id` of `user` with the eID login's outcome. Only the first
/// call for a signing does anything.
pub async fn complete_signing(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    signer: Result<Signer, SigningOutcome>,
    lang: Lang,
) -> Result<SigningOutcome, ApiError> {
    let owner = user.owner_key();
    let Some(row) = signings::claim(&state.db, id, &owner).await? else {
        // Finished already (or not this user's): what it came to, once.
        return match signings::find(&state.db, id, &owner).await? {
            Some(row) => Ok(row.outcome),
            None => Err(ApiError::NotFound),
        };
    };
    let (outcome, reference) = match signer {
        Err(outcome) => (outcome, None),
        Ok(signer) if state.sealer.protect_fnr(signer.fodselsnummer.expose()) != row.signer_key => {
            // Logged in as someone else than the form names: a refusal, never a signature.
            tracing::warn!("signing refused: the signer is not the person the form names");
            (SigningOutcome::OtherPerson, None)
        }
        Ok(signer) => {
            let order: SubmitOrder = serde_json::from_str(&row.order_json)?;
            if signer_lacks_authority(state, &order.orgnr, &signer).await? {
                tracing::warn!("signing refused: the signer holds no role with authority");
                (SigningOutcome::SignerLacksAuthority, None)
            } else {
                match place(state, user, &order, Acceptance::Signed(signer), lang).await {
                    Ok(placed) => (
                        SigningOutcome::Signed,
                        Some(placed.receipt().reference.clone()),
                    ),
                    Err(e) => {
                        // The order no longer passes (authority changed, session gone …).
                        tracing::warn!(error = ?e, "signed order refused");
                        (SigningOutcome::Refused, None)
                    }
                }
            }
        }
    };
    signings::finish(&state.db, id, outcome, reference.as_deref()).await?;
    Ok(outcome)
}

/// Whether Enhetsregisteret knows the unit's roles and gives the signer none with
/// authority. The signature is what carries the authority to accept (seed 001: whoever
/// fills in the form names the one who signs), so it is checked on the signer.
async fn signer_lacks_authority(
    state: &AppState,
    orgnr: &str,
    signer: &Signer,
) -> Result<bool, ApiError> {
    let orgnr = OrgNumber::parse(orgnr)
        .map_err(|_| ApiError::broken("a kept signing's organisation number does not parse"))?;
    Ok(matches!(
        state
            .registry
            .choose(&orgnr, &signer.fodselsnummer, &signer.name)
            .await?,
        Ok(choice) if choice.standing == Standing::Lacks
    ))
}
