//! HER-ids checked against Adresseregisteret as the user types: the unit's registered
//! parties are fetched once per form and offered to pick from (a `<datalist>`); a HER-id
//! of the unit is named under its field ("HER-id 8765432: Norsk helsenett SF"); any other
//! is looked up when the user leaves the field and judged by the same rule as the server
//! (`common::api::register::judge`), so someone else's HER-id is refused at the field.

use common::api::register::{HerIdLookup, RegisteredParty, UnitParties, judge};
use common::i18n::{fill, t};
use common::validate::HerId;
use common::{FieldError, ValidationErrors};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::use_api;
use crate::i18n::use_lang;

/// The `<datalist>` every HER-id field points at.
pub const PARTIES_LIST: &str = "bp-her-id-parties";

/// What the form knows of the register, shared by its HER-id fields.
#[derive(Clone, Copy)]
pub struct PartyRegister {
    api: crate::api::Api,
    orgnr: Signal<Option<String>>,
    parties: RwSignal<Option<UnitParties>>,
    /// HER-ids looked up one by one (not among the unit's parties).
    looked_up: RwSignal<Vec<(u32, HerIdLookup)>>,
}

impl PartyRegister {
    /// Fetches the parties of the unit `orgnr` whenever it changes, and shares them.
    pub fn provide(orgnr: Signal<Option<String>>) {
        let api = use_api();
        let register = PartyRegister {
            api,
            orgnr,
            parties: RwSignal::new(None),
            looked_up: RwSignal::new(Vec::new()),
        };
        Effect::new(move |_| {
            let Some(orgnr) = orgnr.get() else { return };
            spawn_local(async move {
                register
                    .parties
                    .try_set(api.unit_parties(&orgnr).await.ok());
            });
        });
        provide_context(register);
    }

    /// What the register says of `her_id` for this unit: `Some(Ok(name))` when it is
    /// the unit's, `Some(Err(why))` when refused, `None` when not known (yet).
    fn verdict(&self, her_id: HerId) -> Option<Result<String, FieldError>> {
        let parties = self.parties.get()?;
        let party: Option<RegisteredParty> =
            match parties.parties.iter().find(|p| p.her_id == her_id.get()) {
                Some(p) => Some(p.clone()),
                None => {
                    let looked = self.looked_up.with(|l| {
                        l.iter()
                            .find(|(h, _)| *h == her_id.get())
                            .map(|(_, answer)| answer.clone())
                    })?;
                    if !looked.available {
                        return None;
                    }
                    looked.party
                }
            };
        Some(judge(her_id, party.as_ref(), &parties.legal_entity))
    }

    /// Whether the register did not answer: HER-ids are then checked by the centre.
    fn unavailable(&self) -> bool {
        self.parties
            .with(|p| p.as_ref().is_some_and(|p| !p.available))
    }

    /// After the user leaves a HER-id field: a HER-id not among the unit's parties is
    /// looked up, and refused at `path` if the rule says so (if the field still holds it).
    pub fn check_on_leave(
        self,
        errors: RwSignal<ValidationErrors>,
        path: String,
        value: &str,
        current: Signal<String>,
    ) {
        let Ok(her_id) = HerId::parse(value) else {
            return;
        };
        let Some(orgnr) = self.orgnr.get_untracked() else {
            return;
        };
        if self.unavailable() {
            return;
        }
        let known = self.parties.with_untracked(|p| {
            p.as_ref()
                .is_some_and(|p| p.parties.iter().any(|x| x.her_id == her_id.get()))
        });
        if known {
            return;
        }
        let api = self.api;
        spawn_local(async move {
            let Ok(answer) = api.her_id_lookup(&orgnr, her_id.get()).await else {
                return;
            };
            self.looked_up
                .try_update(|l| l.push((her_id.get(), answer)));
            let refused = self.verdict(her_id).and_then(Result::err);
            if let Some(why) = refused
                && HerId::parse(&current.get_untracked()).ok() == Some(her_id)
            {
                errors.try_update(|e| {
                    e.0.insert(path, why);
                });
            }
        });
    }
}

/// The unit's parties to pick from, for every HER-id field of the form.
#[component]
pub fn PartiesList() -> impl IntoView {
    let register = use_context::<PartyRegister>();
    view! {
        <datalist id=PARTIES_LIST>
            {move || register.and_then(|r| r.parties.get()).map(|p| p.parties.into_iter().map(|party| view! {
                <option value=party.her_id.to_string()>{party.name}</option>
            }).collect_view())}
        </datalist>
    }
}

/// Under a HER-id field: whose HER-id it is, or that the register cannot check it now.
#[component]
pub fn HerIdNote(id: String, #[prop(into)] value: Signal<String>) -> impl IntoView {
    let lang = use_lang();
    let register = use_context::<PartyRegister>();
    let note = move || {
        let register = register?;
        let her_id = HerId::parse(&value.get()).ok()?;
        if register.unavailable() {
            return Some(t::HER_ID_UNCHECKED.get(lang.get()).to_owned());
        }
        let name = register.verdict(her_id)?.ok()?;
        Some(fill(
            t::HER_ID_NAMED.get(lang.get()),
            &[&her_id.to_string(), &name],
        ))
    };
    view! {
        <p class="ds-paragraph bp-her-id-note" data-size="sm" id=format!("{id}-named") data-testid="her-id-note" aria-live="polite">
            {note}
        </p>
    }
}
