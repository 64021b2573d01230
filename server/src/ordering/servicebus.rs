//! ServiceBus activation by the customer centre (seeds 000 and 001, "Videre saksgang"):
//! one action that makes the organisation's ServiceBus username, e-mails it to the
//! contact the order names and texts a generated password to the mobile it names. The
//! activation, its two messages and its entry in the case's history commit together;
//! the password is in the SMS alone (a secret notification, emptied once the gateway has
//! it) and nowhere else. A case that asked for it is Fullført only once it is done.

use crate::db::Db;
use common::i18n::{fill, t};
use common::{Lang, OrderStatus, services};

use crate::db::cases::{self, Actor};
use crate::db::servicebus::{self as activations, NewActivation};
use crate::error::Internal;
use crate::outbox::{self, Channel, NewNotification};

/// Why an activation was not made.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ActivationRefused {
    #[error("no order with that reference")]
    NoSuchOrder,
    #[error("the order did not ask for ServiceBus")]
    NotOrdered,
    #[error("ServiceBus is activated for the order already")]
    AlreadyActivated,
    #[error("the case is {0:?}, not in handling")]
    NotInHandling(OrderStatus),
}

/// Activates ServiceBus for the order `reference`, as `actor`; the username made.
pub async fn activate(
    db: &Db,
    reference: &str,
    actor: &Actor<'_>,
) -> Result<Result<String, ActivationRefused>, Internal> {
    let mut tx = crate::db::begin_write(db).await?;
    let found: Option<(i64, String, String, String, String, String)> = sqlx::query_as(
        "SELECT id, service, orgnr, org_name, answers_json, status FROM orders WHERE reference = $1",
    )
    .bind(reference)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((order_id, service, orgnr, org_name, answers_json, status)) = found else {
        return Ok(Err(ActivationRefused::NoSuchOrder));
    };
    let status = OrderStatus::parse(&status).ok_or(Internal::Broken("a stored status"))?;
    if status != OrderStatus::UnderBehandling {
        return Ok(Err(ActivationRefused::NotInHandling(status)));
    }
    let answers: common::form::RawForm = serde_json::from_str(&answers_json)?;
    let Some(asked) = services::by_slug(&service).and_then(|s| s.servicebus_for(&answers)) else {
        return Ok(Err(ActivationRefused::NotOrdered));
    };
    let (email, mobile) = (answers.one(asked.email), answers.one(asked.mobile));
    let number = activations::count_for(&mut tx, &orgnr).await? + 1;
    let username = format!("sb-{orgnr}-{number}");
    let stored = activations::insert(
        &mut tx,
        &NewActivation {
            order_id,
            orgnr: &orgnr,
            username: &username,
            email,
            mobile,
            by: actor,
        },
    )
    .await?;
    if !stored {
        return Ok(Err(ActivationRefused::AlreadyActivated));
    }
    let lang = Lang::Nb;
    let now = crate::now_ms();
    let username_mail = NewNotification {
        channel: Channel::Email,
        recipient: email.to_owned(),
        subject: fill(t::MAIL_SB_SUBJECT.get(lang), &[reference]),
        body: fill(
            t::MAIL_SB_BODY.get(lang),
            &[&org_name, reference, &username],
        ),
        attachment_reference: None,
        secret: false,
    };
    let password_sms = NewNotification {
        channel: Channel::Sms,
        recipient: mobile.to_owned(),
        subject: t::KS_SB_HEADING.get(lang).to_owned(),
        body: fill(t::SMS_SB_BODY.get(lang), &[&username, &new_password()?]),
        attachment_reference: None,
        secret: true,
    };
    outbox::enqueue(&mut tx, &username_mail, now).await?;
    outbox::enqueue(&mut tx, &password_sms, now).await?;
    let detail = fill(
        t::KS_SB_DETAIL.get(lang),
        &[
            &username,
            &crate::masked::email(email),
            &crate::masked::mobile(mobile),
        ],
    );
    cases::record(&mut tx, order_id, actor, "activated", &detail).await?;
    tx.commit().await?;
    Ok(Ok(username))
}

/// Whether a move to `to` of the order (its service and answers) waits for an activation
/// it asked for and does not have yet: Fullført does.
pub(super) async fn blocks_completion(
    conn: &mut sqlx::AnyConnection,
    order_id: i64,
    service: &str,
    answers_json: &str,
    to: OrderStatus,
) -> Result<bool, Internal> {
    if to != OrderStatus::Fullfort {
        return Ok(false);
    }
    let answers: common::form::RawForm = serde_json::from_str(answers_json)?;
    let asked = services::by_slug(service).is_some_and(|s| s.servicebus_for(&answers).is_some());
    Ok(asked && !activations::is_activated(conn, order_id).await?)
}

/// Letters and digits that cannot be mistaken for one another when read off a phone.
const PASSWORD_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
const PASSWORD_LENGTH: usize = 16;

/// A random password: 16 characters of 56, about 93 bits.
fn new_password() -> Result<String, getrandom::Error> {
    let n = PASSWORD_ALPHABET.len();
    // Bytes at or above the largest multiple of n are drawn again, so each character is
    // equally likely.
    let limit = (256 / n * n) as u8;
    let mut password = String::with_capacity(PASSWORD_LENGTH);
    while password.len() < PASSWORD_LENGTH {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes)?;
        for b in bytes.into_iter().filter(|&b| b < limit) {
            if password.len() < PASSWORD_LENGTH {
                password.push(PASSWORD_ALPHABET[b as usize % n] as char);
            }
        }
    }
    Ok(password)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_sixteen_unambiguous_characters_and_differ() {
        let a = new_password().unwrap();
        let b = new_password().unwrap();
        assert_eq!(a.len(), PASSWORD_LENGTH);
        assert!(a.bytes().all(|c| PASSWORD_ALPHABET.contains(&c)));
        assert!(!a.contains(['0', 'O', '1', 'l', 'I']));
        assert_ne!(a, b);
    }
}
