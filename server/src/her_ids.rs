//! HER-ids checked against Adresseregisteret: the parties of the unit ordering (to pick
//! from), one HER-id looked up (to name it as the user types), and every HER-id of a
//! submitted form judged by `common::api::register::judge` — the rule the SPA applies
//! too. When the register does not answer, the form still goes through, and the HER-ids
//! left unchecked are flagged for the customer centre.

use common::FieldError;
use common::api::register::{Grunndata, HerIdLookup, RegisteredParty, UnitParties, judge};
use common::form::{ValidForm, Value, item_path};
use common::validate::{HerId, OrgNumber};

use crate::adresseregisteret::{AddressRegister, Party};
use crate::error::ApiError;
use crate::ordering::legal_entity_of;
use crate::state::AppState;

/// The legal entity a party belongs to, from Enhetsregisteret.
async fn registered(state: &AppState, party: Party) -> Result<RegisteredParty, ApiError> {
    let legal_entity = match OrgNumber::parse(&party.organization_number) {
        Ok(unit) => legal_entity_of(state, &unit).await?,
        Err(_) => party.organization_number,
    };
    Ok(RegisteredParty {
        her_id: party.her_id,
        name: party.name,
        legal_entity,
    })
}

/// Parties known to belong to `legal_entity`, by HER-id.
fn of_entity(found: Vec<Party>, legal_entity: &str) -> Vec<RegisteredParty> {
    let mut parties: Vec<RegisteredParty> = found
        .into_iter()
        .map(|p| RegisteredParty {
            her_id: p.her_id,
            name: p.name,
            legal_entity: legal_entity.to_owned(),
        })
        .collect();
    parties.sort_by_key(|p| p.her_id);
    parties
}

/// The parties registered on the unit's legal entity and its sub-units, by HER-id.
pub async fn unit_parties(state: &AppState, orgnr: &OrgNumber) -> Result<UnitParties, ApiError> {
    let legal_entity = legal_entity_of(state, orgnr).await?;
    let register = &state.adresseregisteret;
    // The live register includes sub-units itself; the extract is a flat list, so its
    // units are matched to the legal entity through Enhetsregisteret.
    let mut units = vec![legal_entity.clone()];
    if let AddressRegister::Bundled(_) = register.as_ref() {
        for unit in register.bundled_units() {
            if let Ok(number) = OrgNumber::parse(unit)
                && unit != legal_entity
                && legal_entity_of(state, &number).await? == legal_entity
            {
                units.push(unit.to_owned());
            }
        }
    }
    let units: Vec<&str> = units.iter().map(String::as_str).collect();
    Ok(match register.parties_of(&units).await {
        Ok(found) => UnitParties {
            parties: of_entity(found, &legal_entity),
            legal_entity,
            available: true,
        },
        Err(e) => {
            tracing::warn!(error = %e, "Adresseregisteret did not answer: no parties to pick from");
            UnitParties {
                legal_entity,
                parties: Vec::new(),
                available: false,
            }
        }
    })
}

/// Kundeinformasjon's Grunndata: the unit's parties, its EDI address, and the onboarding
/// steps done. Registered in Adresseregisteret means connected to Helsenettet, whether
/// or not the connection was ordered here.
pub async fn grunndata(state: &AppState, orgnr: &OrgNumber) -> Result<Grunndata, ApiError> {
    let legal_entity = legal_entity_of(state, orgnr).await?;
    let (found, available) = match state.adresseregisteret.parties_of(&[orgnr.as_ref()]).await {
        Ok(found) => (found, true),
        Err(e) => {
            tracing::warn!(error = %e, "Adresseregisteret did not answer: Grunndata unknown");
            (Vec::new(), false)
        }
    };
    let ordered = crate::db::orders::services_of(&state.db, orgnr.as_ref()).await?;
    let connection_done = ordered
        .iter()
        .any(|(slug, completed)| slug == common::services::TILKNYTNING.slug && *completed);
    let account_sent = crate::db::orders::history(
        &state.db,
        orgnr.as_ref(),
        common::services::ADRESSEREGISTERET.slug,
    )
    .await?
    .iter()
    .any(|(answers, status)| {
        answers.one("gjelder") == "brukerkonto" && *status == common::OrderStatus::Fullfort
    });
    let edi_address = found.iter().find_map(|p| p.edi_address.clone());
    let parties = of_entity(found, &legal_entity);
    Ok(Grunndata {
        connected: connection_done || !parties.is_empty(),
        parties,
        edi_address,
        account_sent,
        available,
    })
}

/// One HER-id as the register knows it.
pub async fn lookup(state: &AppState, her_id: HerId) -> Result<HerIdLookup, ApiError> {
    Ok(match state.adresseregisteret.party(her_id.get()).await {
        Ok(Some(party)) => HerIdLookup {
            party: Some(registered(state, party).await?),
            available: true,
        },
        Ok(None) => HerIdLookup {
            party: None,
            available: true,
        },
        Err(e) => {
            tracing::warn!(error = %e, "Adresseregisteret did not answer a HER-id lookup");
            HerIdLookup {
                party: None,
                available: false,
            }
        }
    })
}

/// What the register says about a form's HER-ids.
#[derive(Default)]
pub struct Findings {
    /// HER-ids refused, at their field paths ("her_id_parter.1").
    pub errors: Vec<(String, FieldError)>,
    /// HER-ids the register could not be asked about: the order goes through, flagged.
    pub unchecked: Vec<HerId>,
}

/// Every HER-id the form holds, with its field path.
fn her_ids_of(form: &ValidForm) -> Vec<(String, HerId)> {
    let mut found = Vec::new();
    for (field, value) in &form.values {
        match value {
            Value::HerId(h) => found.push(((*field).to_owned(), *h)),
            Value::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    if let Value::HerId(h) = item {
                        found.push((item_path(field, i), *h));
                    }
                }
            }
            _ => {}
        }
    }
    found
}

/// Judges each HER-id of `form` for the unit `orgnr` that orders.
pub async fn check_form(
    state: &AppState,
    form: &ValidForm,
    orgnr: &OrgNumber,
) -> Result<Findings, ApiError> {
    let her_ids = her_ids_of(form);
    let mut findings = Findings::default();
    if her_ids.is_empty() {
        return Ok(findings);
    }
    let ordering = legal_entity_of(state, orgnr).await?;
    for (path, her_id) in her_ids {
        let answer = lookup(state, her_id).await?;
        if !answer.available {
            findings.unchecked.push(her_id);
            continue;
        }
        if let Err(e) = judge(her_id, answer.party.as_ref(), &ordering) {
            findings.errors.push((path, e));
        }
    }
    Ok(findings)
}
