//! The services' declared prerequisites (`common::services::Prerequisite`), checked
//! against the organisation's history. A new service with a prerequisite is a spec and
//! nothing else: this one function interprets them all.

use crate::db::Db;
use common::FieldError;
use common::OrderStatus;
use common::form::{RawValue, ValidForm, Value};
use common::services::Prerequisite;

use super::CheckedOrder;
use crate::db::orders;

/// The prerequisites of the checked order that its organisation does not meet, each as
/// the field error the service declares.
pub async fn unmet(
    db: &Db,
    checked: &CheckedOrder,
) -> Result<Vec<(&'static str, FieldError)>, sqlx::Error> {
    let orgnr = &checked.organisation.orgnr;
    let mut found = Vec::new();
    for prerequisite in checked.service.prerequisites {
        match prerequisite {
            Prerequisite::HasOrdered {
                service,
                when,
                at,
                error,
            } => {
                let applies = when
                    .as_ref()
                    .is_none_or(|w| w.any_of.contains(&answer(&checked.form, w.field).as_str()));
                if applies && !orders::has_ordered(db, orgnr, service).await? {
                    found.push((*at, *error));
                }
            }
            Prerequisite::CompletedFirst {
                field,
                earlier,
                later,
                same,
                error,
            } => {
                if answer(&checked.form, field) != *later {
                    continue;
                }
                let history = orders::history(db, orgnr, checked.service.slug).await?;
                let done_before = history.iter().any(|(answers, status)| {
                    *status == OrderStatus::Fullfort
                        && answers.one(field) == *earlier
                        && same
                            .iter()
                            .all(|f| answers.one(f) == answer(&checked.form, f))
                });
                if !done_before {
                    found.push((*field, *error));
                }
            }
        }
    }
    Ok(found)
}

/// An answer of the form as the record keeps it ("" when there is none), so it compares
/// with a stored order's answers.
fn answer(form: &ValidForm, id: &str) -> String {
    match form.values.get(id).map(Value::normalised) {
        Some(RawValue::One(v)) => v,
        _ => String::new(),
    }
}
