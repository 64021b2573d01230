//! Field-level validation errors. Typed, never strings: the message is rendered from
//! the variant by the i18n catalog, in the user's language, on either side.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Text, fill};

/// Why one field's value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum FieldError {
    /// Nothing was entered in a required field.
    Required,
    /// The box that accepts the terms was not ticked.
    NotAccepted,
    /// More characters than the field allows.
    TooLong { max: u32 },
    /// Not the number of digits the identifier has.
    WrongLength { expected: u32 },
    /// Something other than digits (and spaces) was entered.
    NotDigits,
    /// The control digit(s) do not match: a typing error.
    BadChecksum,
    /// The digits do not contain a real date of birth.
    NoSuchDate,
    /// A Felles hjelpenummer where the field does not accept one.
    FhNotAllowed,
    /// A valid phone number that is not a mobile number.
    NotMobile,
    /// A number that is not Norwegian.
    NotNorwegian,
    /// A phone number no Norwegian subscriber can have.
    BadPhone,
    /// Not an e-mail address.
    BadEmail,
    /// Zero or negative where a positive number is needed.
    NotPositive,
    /// No choice ticked where at least one is needed.
    ChooseAtLeastOne,
    /// A choice that is not offered.
    UnknownChoice,
    /// Too many repetitions of a repeatable field.
    TooMany { max: u32 },
    /// A well-formed organisation number that Enhetsregisteret does not have (or has deleted).
    NotInRegistry,
    /// The unit is bankrupt (Enhetsregisteret: `konkurs`).
    OrgBankrupt,
    /// The unit is deleted from Enhetsregisteret.
    OrgDeleted,
    /// The registry knows the unit's roles, and the person holds none that gives authority.
    NoAuthority,
    /// Customer-portal login: the username and password do not match (which one is not said).
    WrongCredentials,
    /// A wrong security code; so many tries are left before the code is spent.
    WrongCode { attempts_left: u32 },
    /// The security code is older than its five minutes.
    CodeExpired,
    /// A new password shorter than the minimum.
    PasswordTooShort { min: u32 },
    /// A password-reset link that is unknown, used or expired.
    ResetLinkInvalid,
    /// Not a date (or no such day).
    BadDate,
    /// An end date before its start date.
    DateBeforeStart,
    /// Not a domain name.
    BadDomain,
    /// HelseID: the organisation is not a member of Helsenettet.
    NotMember,
    /// HelseID: production before the test environment's approval.
    TestNotApproved,
    /// The service is no longer ordered (Personregister).
    ServiceReplaced,
    /// A file that is not a PDF (judged by its bytes).
    NotPdf,
    /// A file over the size limit.
    FileTooLarge { max_mb: u32 },
    /// An empty file.
    EmptyFile,
    /// The attachment is not (or no longer) among the user's uploads.
    AttachmentMissing,
    /// The service's terms are signed with eID, not accepted with a checkbox.
    SignatureRequired,
    /// Too many login attempts in a short time: try again after this many seconds.
    WaitBeforeTrying { seconds: u32 },
    /// Customer centre: the order did not ask for ServiceBus to be activated.
    ServiceBusNotOrdered,
    /// Customer centre: ServiceBus is activated for this order already.
    ServiceBusActivatedAlready,
    /// Customer centre: the order asked for ServiceBus, which is not activated yet.
    ServiceBusFirst,
    /// Customer centre: the case is closed (Fullført or Avvist) or not taken yet.
    CaseNotInHandling,
    /// A checklist that must be confirmed in full (a supplier's conditions) was not.
    NotAllConfirmed,
    /// A HER-id Adresseregisteret does not know (a typo, most likely).
    HerIdUnknown { her_id: u32 },
    /// A HER-id registered to another organisation than the one ordering: messages to it
    /// would reach someone else.
    HerIdOtherOrganisation { her_id: u32 },
}

impl FieldError {
    /// The error a wire `code` names (its serde name), its number read by `number(name)`;
    /// `None` for a code this build does not know or a number missing.
    pub fn from_code(code: &str, number: impl Fn(&str) -> Option<u32>) -> Option<FieldError> {
        use FieldError::*;
        Some(match code {
            "required" => Required,
            "not_accepted" => NotAccepted,
            "too_long" => TooLong {
                max: number("max")?,
            },
            "wrong_length" => WrongLength {
                expected: number("expected")?,
            },
            "not_digits" => NotDigits,
            "bad_checksum" => BadChecksum,
            "no_such_date" => NoSuchDate,
            "fh_not_allowed" => FhNotAllowed,
            "not_mobile" => NotMobile,
            "not_norwegian" => NotNorwegian,
            "bad_phone" => BadPhone,
            "bad_email" => BadEmail,
            "not_positive" => NotPositive,
            "choose_at_least_one" => ChooseAtLeastOne,
            "unknown_choice" => UnknownChoice,
            "too_many" => TooMany {
                max: number("max")?,
            },
            "not_in_registry" => NotInRegistry,
            "org_bankrupt" => OrgBankrupt,
            "org_deleted" => OrgDeleted,
            "no_authority" => NoAuthority,
            "wrong_credentials" => WrongCredentials,
            "wrong_code" => WrongCode {
                attempts_left: number("attempts_left")?,
            },
            "code_expired" => CodeExpired,
            "password_too_short" => PasswordTooShort {
                min: number("min")?,
            },
            "reset_link_invalid" => ResetLinkInvalid,
            "bad_date" => BadDate,
            "date_before_start" => DateBeforeStart,
            "bad_domain" => BadDomain,
            "not_member" => NotMember,
            "test_not_approved" => TestNotApproved,
            "service_replaced" => ServiceReplaced,
            "not_pdf" => NotPdf,
            "file_too_large" => FileTooLarge {
                max_mb: number("max_mb")?,
            },
            "empty_file" => EmptyFile,
            "attachment_missing" => AttachmentMissing,
            "signature_required" => SignatureRequired,
            "wait_before_trying" => WaitBeforeTrying {
                seconds: number("seconds")?,
            },
            "service_bus_not_ordered" => ServiceBusNotOrdered,
            "service_bus_activated_already" => ServiceBusActivatedAlready,
            "service_bus_first" => ServiceBusFirst,
            "case_not_in_handling" => CaseNotInHandling,
            "not_all_confirmed" => NotAllConfirmed,
            "her_id_unknown" => HerIdUnknown {
                her_id: number("her_id")?,
            },
            "her_id_other_organisation" => HerIdOtherOrganisation {
                her_id: number("her_id")?,
            },
            _ => return None,
        })
    }
}

/// "Wait n seconds" below two minutes, else whole minutes (rounded up), in `lang`.
fn wait_message(seconds: u32, lang: Lang) -> String {
    let m = |text: Text| text.get(lang);
    let (template, n) = match seconds {
        0..=1 => (
            m(Text::new(
                "For mange forsøk på kort tid. Vent 1 sekund og prøv igjen.",
                "For mange forsøk på kort tid. Vent 1 sekund og prøv igjen.",
                "Too many attempts in a short time. Wait 1 second and try again.",
            )),
            1,
        ),
        2..=119 => (
            m(Text::new(
                "For mange forsøk på kort tid. Vent {0} sekunder og prøv igjen.",
                "For mange forsøk på kort tid. Vent {0} sekund og prøv igjen.",
                "Too many attempts in a short time. Wait {0} seconds and try again.",
            )),
            seconds,
        ),
        _ => (
            m(Text::new(
                "For mange forsøk på kort tid. Vent {0} minutter og prøv igjen.",
                "For mange forsøk på kort tid. Vent {0} minutt og prøv igjen.",
                "Too many attempts in a short time. Wait {0} minutes and try again.",
            )),
            seconds.div_ceil(60),
        ),
    };
    fill(template, &[&n.to_string()])
}

impl FieldError {
    /// The message shown at the field and in the error summary, prefixed by the field's label there.
    pub fn message(self, lang: Lang) -> String {
        let m = |text: Text| text.get(lang);
        match self {
            FieldError::Required => {
                m(Text::new("Du må fylle ut feltet.", "Du må fylle ut feltet.", "You must fill in this field.")).into()
            }
            FieldError::TooLong { max } => fill(
                m(Text::new(
                    "Teksten kan ikke være lengre enn {0} tegn.",
                    "Teksten kan ikkje vere lengre enn {0} teikn.",
                    "The text cannot be longer than {0} characters.",
                )),
                &[&max.to_string()],
            ),
            FieldError::WrongLength { expected } => fill(
                m(Text::new(
                    "Nummeret må ha {0} siffer.",
                    "Nummeret må ha {0} siffer.",
                    "The number must have {0} digits.",
                )),
                &[&expected.to_string()],
            ),
            FieldError::NotDigits => m(Text::new("Bruk bare siffer.", "Bruk berre siffer.", "Use digits only.")).into(),
            FieldError::BadChecksum => m(Text::new(
                "Nummeret er ikke gyldig. Sjekk at du har skrevet det riktig.",
                "Nummeret er ikkje gyldig. Sjekk at du har skrive det rett.",
                "The number is not valid. Check that you typed it correctly.",
            ))
            .into(),
            FieldError::NoSuchDate => m(Text::new(
                "Nummeret inneholder ikke en gyldig fødselsdato.",
                "Nummeret inneheld ikkje ein gyldig fødselsdato.",
                "The number does not contain a valid date of birth.",
            ))
            .into(),
            FieldError::FhNotAllowed => m(Text::new(
                "Felles hjelpenummer kan ikke brukes her.",
                "Felles hjelpenummer kan ikkje brukast her.",
                "A common assistance number (FH number) cannot be used here.",
            ))
            .into(),
            FieldError::NotMobile => m(Text::new(
                "Skriv et mobilnummer: 8 siffer som begynner på 4 eller 9.",
                "Skriv eit mobilnummer: 8 siffer som byrjar på 4 eller 9.",
                "Enter a mobile number: 8 digits starting with 4 or 9.",
            ))
            .into(),
            FieldError::NotNorwegian => m(Text::new(
                "Skriv et norsk nummer, med eller uten +47.",
                "Skriv eit norsk nummer, med eller utan +47.",
                "Enter a Norwegian number, with or without +47.",
            ))
            .into(),
            FieldError::BadPhone => m(Text::new(
                "Skriv et norsk telefonnummer med 8 siffer.",
                "Skriv eit norsk telefonnummer med 8 siffer.",
                "Enter a Norwegian phone number with 8 digits.",
            ))
            .into(),
            FieldError::BadEmail => m(Text::new(
                "Skriv en gyldig e-postadresse, for eksempel navn@kommune.no.",
                "Skriv ei gyldig e-postadresse, til dømes namn@kommune.no.",
                "Enter a valid e-mail address, for example name@kommune.no.",
            ))
            .into(),
            FieldError::NotAccepted => crate::i18n::t::ACCEPT_REQUIRED.get(lang).into(),
            FieldError::NotPositive => m(Text::new(
                "Skriv et positivt heltall, for eksempel 8765432.",
                "Skriv eit positivt heiltal, til dømes 8765432.",
                "Enter a positive whole number, for example 8765432.",
            ))
            .into(),
            FieldError::ChooseAtLeastOne => m(Text::new(
                "Du må velge minst ett alternativ.",
                "Du må velje minst eitt alternativ.",
                "You must choose at least one option.",
            ))
            .into(),
            FieldError::ServiceBusNotOrdered => m(Text::new(
                "Denne bestillingen ber ikke om aktivering av ServiceBus.",
                "Denne bestillinga ber ikkje om aktivering av ServiceBus.",
                "This order does not ask for ServiceBus to be activated.",
            ))
            .into(),
            FieldError::ServiceBusActivatedAlready => m(Text::new(
                "ServiceBus er allerede aktivert for denne bestillingen.",
                "ServiceBus er allereie aktivert for denne bestillinga.",
                "ServiceBus is already activated for this order.",
            ))
            .into(),
            FieldError::ServiceBusFirst => m(Text::new(
                "Aktiver ServiceBus før saken settes til Fullført.",
                "Aktiver ServiceBus før saka blir sett til Fullført.",
                "Activate ServiceBus before the case is set to Completed.",
            ))
            .into(),
            FieldError::NotAllConfirmed => m(Text::new(
                "Du må bekrefte alle vilkårene for å søke.",
                "Du må stadfeste alle vilkåra for å søkje.",
                "You must confirm every condition to apply.",
            ))
            .into(),
            FieldError::CaseNotInHandling => m(Text::new(
                "Saken må være under behandling.",
                "Saka må vere under behandling.",
                "The case must be in handling.",
            ))
            .into(),
            FieldError::UnknownChoice => {
                m(Text::new("Velg blant alternativene.", "Vel blant alternativa.", "Choose among the options.")).into()
            }
            FieldError::NotInRegistry => crate::i18n::t::ORG_NOT_FOUND.get(lang).into(),
            FieldError::OrgBankrupt => m(Text::new(
                "Virksomheten er registrert som konkurs i Enhetsregisteret og kan ikke bestille tjenester.",
                "Verksemda er registrert som konkurs i Einingsregisteret og kan ikkje bestille tenester.",
                "The organisation is registered as bankrupt and cannot order services.",
            ))
            .into(),
            FieldError::NoAuthority => m(Text::new(
                "Du er ikke registrert i Enhetsregisteret med en rolle som gir myndighet til å akseptere for virksomheten (daglig leder, signaturrett eller prokura).",
                "Du er ikkje registrert i Einingsregisteret med ei rolle som gir mynde til å akseptere for verksemda (dagleg leiar, signaturrett eller prokura).",
                "You are not registered with a role that gives authority to accept for the organisation (general manager, signing rights or procuration).",
            ))
            .into(),
            FieldError::OrgDeleted => m(Text::new(
                "Virksomheten er slettet fra Enhetsregisteret.",
                "Verksemda er sletta frå Einingsregisteret.",
                "The organisation has been deleted from the Central Coordinating Register.",
            ))
            .into(),
            FieldError::WrongCredentials => m(Text::new(
                "Feil brukernavn eller passord.",
                "Feil brukarnamn eller passord.",
                "Wrong username or password.",
            ))
            .into(),
            FieldError::WrongCode { attempts_left } => fill(
                m(Text::new(
                    "Feil kode. Du har {0} forsøk igjen.",
                    "Feil kode. Du har {0} forsøk att.",
                    "Wrong code. You have {0} attempts left.",
                )),
                &[&attempts_left.to_string()],
            ),
            FieldError::CodeExpired => m(Text::new(
                "Koden er utløpt. Be om en ny kode.",
                "Koden har gått ut. Be om ein ny kode.",
                "The code has expired. Ask for a new code.",
            ))
            .into(),
            FieldError::PasswordTooShort { min } => fill(
                m(Text::new(
                    "Passordet må ha minst {0} tegn.",
                    "Passordet må ha minst {0} teikn.",
                    "The password must have at least {0} characters.",
                )),
                &[&min.to_string()],
            ),
            FieldError::BadDate => m(Text::new(
                "Skriv en gyldig dato, for eksempel 24.12.2026.",
                "Skriv ein gyldig dato, til dømes 24.12.2026.",
                "Enter a valid date, for example 24.12.2026.",
            ))
            .into(),
            FieldError::DateBeforeStart => m(Text::new(
                "Til-datoen kan ikke være før fra-datoen.",
                "Til-datoen kan ikkje vere før frå-datoen.",
                "The end date cannot be before the start date.",
            ))
            .into(),
            FieldError::ResetLinkInvalid => crate::i18n::t::RESET_LINK_INVALID.get(lang).into(),
            FieldError::BadDomain => m(Text::new(
                "Skriv et gyldig domenenavn, for eksempel legekontoret.no.",
                "Skriv eit gyldig domenenamn, til dømes legekontoret.no.",
                "Enter a valid domain name, for example legekontoret.no.",
            ))
            .into(),
            FieldError::NotMember => m(Text::new(
                "Virksomheten må være medlem av Helsenettet. Bestill tilknytning til Helsenettet først.",
                "Verksemda må vere medlem av Helsenettet. Bestill tilknyting til Helsenettet først.",
                "The organisation must be a member of the Health Network. Order a connection to the Health Network first.",
            ))
            .into(),
            FieldError::TestNotApproved => m(Text::new(
                "Produksjon kan bestilles når løsningen er godkjent i testmiljøet. Godkjenningen gis av NHN: kontakt kundesenteret (24 20 00 00) når dere har testet ferdig, eller bestill testmiljø først.",
                "Produksjon kan bestillast når løysinga er godkjend i testmiljøet. Godkjenninga blir gitt av NHN: kontakt kundesenteret (24 20 00 00) når de har testa ferdig, eller bestill testmiljø først.",
                "Production can be ordered once the solution is approved in the test environment. NHN gives the approval: contact the customer centre (+47 24 20 00 00) when you have finished testing, or order the test environment first.",
            ))
            .into(),
            FieldError::ServiceReplaced => m(Text::new(
                "Tjenesten bestilles ikke lenger. Bestill Persontjenesten i stedet.",
                "Tenesta blir ikkje bestilt lenger. Bestill Persontenesta i staden.",
                "The service is no longer ordered. Order the Person Service instead.",
            ))
            .into(),
            FieldError::NotPdf => m(Text::new(
                "Filen må være en PDF. Lagre dokumentet som PDF og last det opp på nytt.",
                "Fila må vere ein PDF. Lagre dokumentet som PDF og last det opp på nytt.",
                "The file must be a PDF. Save the document as PDF and upload it again.",
            ))
            .into(),
            FieldError::FileTooLarge { max_mb } => fill(
                m(Text::new(
                    "Filen er for stor. Den kan være på høyst {0} MB.",
                    "Fila er for stor. Ho kan vere på høgst {0} MB.",
                    "The file is too large. It can be at most {0} MB.",
                )),
                &[&max_mb.to_string()],
            ),
            FieldError::EmptyFile => m(Text::new("Filen er tom.", "Fila er tom.", "The file is empty.")).into(),
            FieldError::SignatureRequired => m(Text::new(
                "Bruksvilkårene må signeres med elektronisk ID av personen skjemaet oppgir.",
                "Bruksvilkåra må signerast med elektronisk ID av personen skjemaet oppgir.",
                "The terms of use must be signed with electronic ID by the person the form names.",
            ))
            .into(),
            FieldError::WaitBeforeTrying { seconds } => wait_message(seconds, lang),
            FieldError::AttachmentMissing => m(Text::new(
                "Vedlegget mangler. Last opp filen på nytt.",
                "Vedlegget manglar. Last opp fila på nytt.",
                "The attachment is missing. Upload the file again.",
            ))
            .into(),
            FieldError::HerIdUnknown { her_id } => fill(
                m(Text::new(
                    "HER-id {0} finnes ikke i Adresseregisteret. Sjekk at den er skrevet riktig.",
                    "HER-id {0} finst ikkje i Adresseregisteret. Sjekk at han er skriven rett.",
                    "HER-id {0} is not in the Address Register. Check that it is typed correctly.",
                )),
                &[&her_id.to_string()],
            ),
            FieldError::HerIdOtherOrganisation { her_id } => fill(
                m(Text::new(
                    "HER-id {0} tilhører en annen virksomhet. Bruk en HER-id som er registrert på virksomheten du bestiller for.",
                    "HER-id {0} høyrer til ei anna verksemd. Bruk ein HER-id som er registrert på verksemda du bestiller for.",
                    "HER-id {0} belongs to another organisation. Use a HER-id registered to the organisation you are ordering for.",
                )),
                &[&her_id.to_string()],
            ),
            FieldError::TooMany { max } => fill(
                m(Text::new(
                    "Du kan ikke legge inn flere enn {0}.",
                    "Du kan ikkje leggje inn fleire enn {0}.",
                    "You cannot add more than {0}.",
                )),
                &[&max.to_string()],
            ),
        }
    }
}

/// Errors of a whole submission: field path (`"kommune_navn"`, `"her_id_parter.2"`) → error.
/// One error per field: the first problem is the one to fix.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct ValidationErrors(pub BTreeMap<String, FieldError>);

impl ValidationErrors {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// One field's error.
    pub fn single(path: impl Into<String>, error: FieldError) -> Self {
        let mut errors = ValidationErrors::default();
        errors.add(path, error);
        errors
    }

    pub fn add(&mut self, path: impl Into<String>, error: FieldError) {
        self.0.entry(path.into()).or_insert(error);
    }

    pub fn get(&self, path: &str) -> Option<FieldError> {
        self.0.get(path).copied()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn into_result<T>(self, ok: T) -> Result<T, ValidationErrors> {
        if self.is_empty() { Ok(ok) } else { Err(self) }
    }
}

/// For serde and logs: the bokmål message (no user input is ever part of it).
impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::Nb))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every variant once. The match makes a new variant a compile error here, so it
    /// cannot be left out of the list (and so of the wire test below).
    fn every_variant() -> Vec<FieldError> {
        use FieldError::*;
        let all = vec![
            Required,
            NotAccepted,
            TooLong { max: 1 },
            WrongLength { expected: 2 },
            NotDigits,
            BadChecksum,
            NoSuchDate,
            FhNotAllowed,
            NotMobile,
            NotNorwegian,
            BadPhone,
            BadEmail,
            NotPositive,
            ChooseAtLeastOne,
            UnknownChoice,
            TooMany { max: 3 },
            NotInRegistry,
            OrgBankrupt,
            OrgDeleted,
            NoAuthority,
            WrongCredentials,
            WrongCode { attempts_left: 4 },
            CodeExpired,
            PasswordTooShort { min: 5 },
            ResetLinkInvalid,
            BadDate,
            DateBeforeStart,
            BadDomain,
            NotMember,
            TestNotApproved,
            ServiceReplaced,
            NotPdf,
            FileTooLarge { max_mb: 6 },
            EmptyFile,
            AttachmentMissing,
            SignatureRequired,
            WaitBeforeTrying { seconds: 7 },
            ServiceBusNotOrdered,
            ServiceBusActivatedAlready,
            ServiceBusFirst,
            CaseNotInHandling,
            NotAllConfirmed,
            HerIdUnknown { her_id: 8 },
            HerIdOtherOrganisation { her_id: 9 },
        ];
        for e in &all {
            match e {
                Required
                | NotAccepted
                | TooLong { .. }
                | WrongLength { .. }
                | NotDigits
                | BadChecksum
                | NoSuchDate
                | FhNotAllowed
                | NotMobile
                | NotNorwegian
                | BadPhone
                | BadEmail
                | NotPositive
                | ChooseAtLeastOne
                | UnknownChoice
                | TooMany { .. }
                | NotInRegistry
                | OrgBankrupt
                | OrgDeleted
                | NoAuthority
                | WrongCredentials
                | WrongCode { .. }
                | CodeExpired
                | PasswordTooShort { .. }
                | ResetLinkInvalid
                | BadDate
                | DateBeforeStart
                | BadDomain
                | NotMember
                | TestNotApproved
                | ServiceReplaced
                | NotPdf
                | FileTooLarge { .. }
                | EmptyFile
                | AttachmentMissing
                | SignatureRequired
                | WaitBeforeTrying { .. }
                | ServiceBusNotOrdered
                | ServiceBusActivatedAlready
                | ServiceBusFirst
                | CaseNotInHandling
                | NotAllConfirmed
                | HerIdUnknown { .. }
                | HerIdOtherOrganisation { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_field_error_comes_back_from_the_wire_as_it_was_sent() {
        for error in every_variant() {
            let body = crate::api::FieldErrorBody {
                error,
                message: error.message(Lang::Nb),
            };
            let json = serde_json::to_string(&body).unwrap();
            let back: crate::api::FieldErrorBody = serde_json::from_str(&json).unwrap();
            assert_eq!(back, body, "{json}");
        }
    }

    #[test]
    fn a_field_error_the_build_does_not_know_is_refused_not_guessed() {
        for json in [
            r#"{"code":"no_such_code","message":"x"}"#,
            r#"{"code":"too_long","message":"x"}"#,
            r#"{"code":"too_long","message":"x","max":-1}"#,
            r#"{"message":"x"}"#,
        ] {
            assert!(
                serde_json::from_str::<crate::api::FieldErrorBody>(json).is_err(),
                "{json}"
            );
        }
    }

    #[test]
    fn a_wait_is_said_in_seconds_then_in_whole_minutes_rounded_up() {
        let said = |seconds| FieldError::WaitBeforeTrying { seconds }.message(Lang::Nb);
        assert_eq!(
            said(1),
            "For mange forsøk på kort tid. Vent 1 sekund og prøv igjen."
        );
        assert_eq!(
            said(32),
            "For mange forsøk på kort tid. Vent 32 sekunder og prøv igjen."
        );
        assert_eq!(
            said(121),
            "For mange forsøk på kort tid. Vent 3 minutter og prøv igjen."
        );
        assert_eq!(
            FieldError::WaitBeforeTrying { seconds: 900 }.message(Lang::En),
            "Too many attempts in a short time. Wait 15 minutes and try again."
        );
    }
}
