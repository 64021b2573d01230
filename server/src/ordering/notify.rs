//! The messages an order sends, written into the outbox in the order's own transaction.

use common::Lang;
use common::form::RawForm;
use common::i18n::{fill, t};

use super::CheckedOrder;
use crate::outbox::{Channel, NewNotification};

/// The order confirmation to the contact person the form names, in the user's language.
pub fn confirmation(
    checked: &CheckedOrder,
    answers: &RawForm,
    reference: &str,
    ordered_by: &str,
    when: &str,
    lang: Lang,
) -> Option<NewNotification> {
    let recipient = answers.one(checked.service.contact_email?).to_owned();
    let name = checked.service.name.get(lang);
    Some(NewNotification {
        channel: Channel::Email,
        recipient,
        subject: fill(t::MAIL_ORDER_SUBJECT.get(lang), &[name, reference]),
        body: fill(
            t::MAIL_ORDER_BODY.get(lang),
            &[
                name,
                &checked.organisation.display(),
                reference,
                when,
                ordered_by,
            ],
        ),
        attachment_reference: None,
        secret: false,
    })
}

/// The copy of the signed package that Direktoratet for e-helse registers (SPEC §4),
/// with the package attached. Always in bokmål: it goes to an authority, not to the user.
pub fn copy_to_ehelse(
    recipient: &str,
    checked: &CheckedOrder,
    signer: &str,
    reference: &str,
    signed_at: &str,
) -> NewNotification {
    let lang = Lang::Nb;
    let name = checked.service.name.get(lang);
    let organisation = checked.organisation.display();
    NewNotification {
        channel: Channel::Email,
        recipient: recipient.to_owned(),
        subject: fill(t::MAIL_EHELSE_SUBJECT.get(lang), &[name, &organisation]),
        body: fill(
            t::MAIL_EHELSE_BODY.get(lang),
            &[name, &organisation, signer, signed_at, reference],
        ),
        attachment_reference: Some(reference.to_owned()),
        secret: false,
    }
}
