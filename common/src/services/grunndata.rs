//! The rest of seed 002 that customers still ask for by e-mail and phone: Grunndata —
//! an Adresseregisteret user account, a new password, or help with registering and
//! updating the unit's data — an EDI account (the unit's postbox for secure messages,
//! listed in Tjenester in seed 001), and the application to become a
//! tredjepartsleverandør, with the seed's three conditions as a checklist confirmed in full.

use super::{
    ANSWER_TIME, EMAIL_KIND, EPJ_NAVN, EPJ_SYSTEM, KONTAKT_EPOST, KONTAKT_MOBIL, KONTAKT_NAVN,
    NAME_KIND, Service, choice, field, hinted, optional,
};
use crate::form::{FieldKind, FieldSpec, FormSpec, Rule, Section, ShownIf};
use crate::i18n::Text;

const CONTACT: Section = Section::new(
    Text::new("Kontaktperson", "Kontaktperson", "Contact person"),
    &[KONTAKT_NAVN, KONTAKT_MOBIL, KONTAKT_EPOST],
);

const DESCRIPTION_KIND: FieldKind = FieldKind::Text { max: 1000 };

/// Shown for these answers to "Hva gjelder det?".
const fn when(errands: &'static [&'static str]) -> Option<ShownIf> {
    Some(ShownIf {
        field: "gjelder",
        any_of: errands,
    })
}

pub const ADRESSEREGISTERET: Service = Service {
    slug: "adresseregisteret",
    name: Text::new(
        "Grunndata i Adresseregisteret",
        "Grunndata i Adresseregisteret",
        "Basic data in the Address Register",
    ),
    form: &ADRESSEREGISTERET_FORM,
    documents: &[],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN oppretter brukerkontoen eller et nytt passord og sender brukernavn på e-post og passord på SMS til den som skal ha kontoen.",
            "Kundesenteret i NHN opprettar brukarkontoen eller eit nytt passord og sender brukarnamn på e-post og passord på SMS til den som skal ha kontoen.",
            "NHN's customer centre creates the user account or a new password and sends the username by e-mail and the password by SMS to the account holder.",
        ),
        Text::new(
            "Ber dere om hjelp, tar kundesenteret kontakt med kontaktpersonen.",
            "Ber de om hjelp, tek kundesenteret kontakt med kontaktpersonen.",
            "If you ask for help, the customer centre contacts the contact person.",
        ),
        ANSWER_TIME,
    ],
    active_once: false,
    prerequisites: &[],
    follow_up: None,
    servicebus: None,
};

const fn for_the_account(spec: FieldSpec) -> FieldSpec {
    FieldSpec {
        shown_if: when(&["brukerkonto", "passord"]),
        ..spec
    }
}

static ADRESSEREGISTERET_FORM: FormSpec = FormSpec {
    id: "adresseregisteret",
    title: Text::new(
        "Brukerkonto og hjelp i Adresseregisteret",
        "Brukarkonto og hjelp i Adresseregisteret",
        "User account and help in the Address Register",
    ),
    notice: Some(Text::new(
        "Alle enheter er selv ansvarlige for at sine opplysninger er korrekte. Dette gjøres gjennom egen brukerkonto som tildeles av Norsk Helsenett.",
        "Alle einingar er sjølve ansvarlege for at opplysningane deira er korrekte. Dette blir gjort gjennom eigen brukarkonto som Norsk Helsenett tildeler.",
        "Every unit is responsible for its own data being correct. This is done through a user account that Norsk Helsenett issues.",
    )),
    sections: &[
        Section::new(
            Text::new("Hva gjelder det", "Kva gjeld det", "What it is about"),
            &[
                field(
                    "gjelder",
                    Text::new("Hva trenger dere?", "Kva treng de?", "What do you need?"),
                    FieldKind::OneChoice(&[
                        choice(
                            "brukerkonto",
                            Text::new(
                                "Brukerkonto i Adresseregisteret",
                                "Brukarkonto i Adresseregisteret",
                                "A user account in the Address Register",
                            ),
                        ),
                        choice(
                            "passord",
                            Text::new(
                                "Nytt passord til brukerkontoen",
                                "Nytt passord til brukarkontoen",
                                "A new password for the user account",
                            ),
                        ),
                        choice(
                            "hjelp",
                            Text::new(
                                "Hjelp med å registrere eller oppdatere informasjon",
                                "Hjelp med å registrere eller oppdatere informasjon",
                                "Help registering or updating information",
                            ),
                        ),
                    ]),
                ),
                FieldSpec {
                    shown_if: when(&["hjelp"]),
                    ..hinted(
                        "hjelp_beskrivelse",
                        Text::new(
                            "Hva trenger dere hjelp med?",
                            "Kva treng de hjelp med?",
                            "What do you need help with?",
                        ),
                        Text::new(
                            "For eksempel nye kommunikasjonsparter, EDI-adresser eller sertifikatinformasjon.",
                            "Til dømes nye kommunikasjonspartar, EDI-adresser eller sertifikatinformasjon.",
                            "For example new communication parties, EDI addresses or certificate information.",
                        ),
                        DESCRIPTION_KIND,
                    )
                },
            ],
        ),
        Section::new(
            Text::new(
                "Den som skal ha brukerkontoen",
                "Den som skal ha brukarkontoen",
                "The account holder",
            ),
            &[
                for_the_account(field(
                    "bruker_navn",
                    Text::new("Navn", "Namn", "Name"),
                    NAME_KIND,
                )),
                for_the_account(hinted(
                    "bruker_mobil",
                    Text::new("Mobilnummer", "Mobilnummer", "Mobile number"),
                    Text::new(
                        "Passordet sendes hit på SMS.",
                        "Passordet blir sendt hit på SMS.",
                        "The password is sent here by SMS.",
                    ),
                    FieldKind::Mobile,
                )),
                for_the_account(hinted(
                    "bruker_epost",
                    Text::new("E-post", "E-post", "E-mail"),
                    Text::new(
                        "Brukernavnet sendes hit.",
                        "Brukarnamnet blir sendt hit.",
                        "The username is sent here.",
                    ),
                    EMAIL_KIND,
                )),
            ],
        ),
        CONTACT,
    ],
    rules: &[],
};

pub const EDI: Service = Service {
    slug: "edi",
    name: Text::new("EDI", "EDI", "EDI"),
    form: &EDI_FORM,
    documents: &[],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN oppretter EDI-kontoen, registrerer EDI-adressen i Adresseregisteret og sender oppsettet til kontaktpersonen på e-post.",
            "Kundesenteret i NHN opprettar EDI-kontoen, registrerer EDI-adressa i Adresseregisteret og sender oppsettet til kontaktpersonen på e-post.",
            "NHN's customer centre creates the EDI account, registers the EDI address in the Address Register and sends the set-up to the contact person by e-mail.",
        ),
        Text::new(
            "Journalsystemet settes opp med kontoen av leverandøren av journalsystemet eller driftsleverandøren.",
            "Journalsystemet blir sett opp med kontoen av leverandøren av journalsystemet eller driftsleverandøren.",
            "The record system's supplier or the operations supplier sets the record system up with the account.",
        ),
        ANSWER_TIME,
    ],
    active_once: false,
    prerequisites: &[],
    follow_up: None,
    servicebus: None,
};

static EDI_FORM: FormSpec = FormSpec {
    id: "edi",
    title: Text::new(
        "Bestilling av EDI-konto",
        "Bestilling av EDI-konto",
        "Order of an EDI account",
    ),
    notice: Some(Text::new(
        "Med en EDI-konto får virksomheten en egen postkasse for sikker digital kommunikasjon i Helsenettet. EDI-adressen registreres i Adresseregisteret.",
        "Med ein EDI-konto får verksemda ein eigen postkasse for sikker digital kommunikasjon i Helsenettet. EDI-adressa blir registrert i Adresseregisteret.",
        "With an EDI account the organisation gets its own postbox for secure digital communication in the Health Network. The EDI address is registered in the Address Register.",
    )),
    sections: &[
        Section::new(
            Text::new("Postkassen", "Postkassa", "The postbox"),
            &[
                hinted(
                    "kommunikasjonspart",
                    Text::new(
                        "Kommunikasjonspart",
                        "Kommunikasjonspart",
                        "Communication party",
                    ),
                    Text::new(
                        "Den som sender og mottar meldingene, for eksempel legekontoret eller en avdeling.",
                        "Den som sender og tek imot meldingane, til dømes legekontoret eller ei avdeling.",
                        "The one who sends and receives the messages, for example the GP office or a department.",
                    ),
                    NAME_KIND,
                ),
                FieldSpec {
                    hint: Some(Text::new(
                        "Valgfritt: om kommunikasjonsparten har en HER-id fra før.",
                        "Valfritt: om kommunikasjonsparten har ein HER-id frå før.",
                        "Optional: if the communication party has a HER-id already.",
                    )),
                    ..optional(
                        "her_id",
                        Text::new("HER-id", "HER-id", "HER-id"),
                        FieldKind::HerId,
                    )
                },
            ],
        ),
        Section::new(
            Text::new("Journalsystem", "Journalsystem", "Record system"),
            &[
                EPJ_NAVN,
                EPJ_SYSTEM,
                field(
                    "epj_versjon",
                    Text::new("Versjon", "Versjon", "Version"),
                    super::SHORT_KIND,
                ),
            ],
        ),
        CONTACT,
    ],
    rules: &[],
};

pub const TREDJEPARTSLEVERANDOR: Service = Service {
    slug: "tredjepartsleverandor",
    name: Text::new(
        "Tredjepartsleverandør i Helsenettet",
        "Tredjepartsleverandør i Helsenettet",
        "Third-party supplier in the Health Network",
    ),
    form: &TREDJEPARTSLEVERANDOR_FORM,
    documents: &[],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Norsk Helsenett vurderer og godkjenner miljøet tjenestene produseres i og leveres fra, teknisk og sikkerhetsmessig, og tar kontakt med kontaktpersonen.",
            "Norsk Helsenett vurderer og godkjenner miljøet tenestene blir produserte i og leverte frå, teknisk og tryggleiksmessig, og tek kontakt med kontaktpersonen.",
            "Norsk Helsenett assesses and approves the environment the services are produced in and delivered from, technically and for security, and contacts the contact person.",
        ),
        Text::new(
            "Deretter inngås en egen avtale, som blant annet forplikter leverandøren til å etterleve Norm for informasjonssikkerhet.",
            "Deretter blir det inngått ein eigen avtale, som mellom anna forpliktar leverandøren til å etterleve Norm for informasjonstryggleik.",
            "Then a separate agreement is made, which among other things binds the supplier to follow the Code of Conduct for information security (Normen).",
        ),
    ],
    active_once: true,
    prerequisites: &[],
    follow_up: None,
    servicebus: None,
};

static TREDJEPARTSLEVERANDOR_FORM: FormSpec = FormSpec {
    id: "tredjepartsleverandor",
    title: Text::new(
        "Søknad om å bli tredjepartsleverandør i Helsenettet",
        "Søknad om å bli tredjepartsleverandør i Helsenettet",
        "Application to become a third-party supplier in the Health Network",
    ),
    notice: Some(Text::new(
        "Forholdet mellom en tredjepartsleverandør og Norsk Helsenett reguleres gjennom en egen avtale. Denne forutsetter at tredjepartsleverandøren oppfyller viktige krav innen sikkerhet og etterspørsel.",
        "Forholdet mellom ein tredjepartsleverandør og Norsk Helsenett blir regulert gjennom ein eigen avtale. Denne føreset at tredjepartsleverandøren oppfyller viktige krav innan tryggleik og etterspurnad.",
        "The relationship between a third-party supplier and Norsk Helsenett is governed by a separate agreement. It requires the supplier to meet important requirements for security and demand.",
    )),
    sections: &[
        Section::new(
            Text::new("Vilkårene", "Vilkåra", "The conditions"),
            &[hinted(
                "vilkar",
                Text::new(
                    "Bekreft vilkårene",
                    "Stadfest vilkåra",
                    "Confirm the conditions",
                ),
                Text::new(
                    "For at en tjenestetilbyder skal kunne bli en tredjepartsleverandør i helsenettet, må disse forholdene oppfylles:",
                    "For at ein tenestetilbydar skal kunne bli ein tredjepartsleverandør i helsenettet, må desse forholda vere oppfylte:",
                    "For a service provider to become a third-party supplier in the Health Network, these conditions must be met:",
                ),
                FieldKind::MultiChoice(&[
                    choice(
                        "behov",
                        Text::new(
                            "Tjenestene som leveres er begrunnet i behov hos Norsk Helsenetts kunder",
                            "Tenestene som blir leverte, er grunngitt i behov hos kundane til Norsk Helsenett",
                            "The services delivered meet a need among Norsk Helsenett's customers",
                        ),
                    ),
                    choice(
                        "vurdering",
                        Text::new(
                            "Miljøet tjenestene produseres i og leveres fra kan gå gjennom en teknisk og sikkerhetsmessig vurdering og godkjenning hos Norsk Helsenett",
                            "Miljøet tenestene blir produserte i og leverte frå, kan gå gjennom ei teknisk og tryggleiksmessig vurdering og godkjenning hos Norsk Helsenett",
                            "The environment the services are produced in and delivered from can undergo a technical and security assessment and approval by Norsk Helsenett",
                        ),
                    ),
                    choice(
                        "avtale",
                        Text::new(
                            "Vi vil inngå en egen avtale som forplikter oss til å etterleve Norm for informasjonssikkerhet",
                            "Vi vil inngå ein eigen avtale som forpliktar oss til å etterleve Norm for informasjonstryggleik",
                            "We will make a separate agreement that binds us to follow the Code of Conduct for information security",
                        ),
                    ),
                ]),
            )],
        ),
        Section::new(
            Text::new("Tjenestene", "Tenestene", "The services"),
            &[
                field(
                    "tjenester",
                    Text::new(
                        "Hvilke tjenester vil dere levere gjennom Helsenettet?",
                        "Kva tenester vil de levere gjennom Helsenettet?",
                        "Which services will you deliver through the Health Network?",
                    ),
                    DESCRIPTION_KIND,
                ),
                hinted(
                    "kunder",
                    Text::new(
                        "Hvem er kundene?",
                        "Kven er kundane?",
                        "Who are the customers?",
                    ),
                    Text::new(
                        "For eksempel kommuner, legekontor, sykehus eller laboratorier.",
                        "Til dømes kommunar, legekontor, sjukehus eller laboratorium.",
                        "For example municipalities, GP offices, hospitals or laboratories.",
                    ),
                    DESCRIPTION_KIND,
                ),
            ],
        ),
        Section::new(
            Text::new("Miljøet", "Miljøet", "The environment"),
            &[
                hinted(
                    "miljo_sted",
                    Text::new(
                        "Hvor produseres og leveres tjenestene fra?",
                        "Kvar blir tenestene produserte og leverte frå?",
                        "Where are the services produced and delivered from?",
                    ),
                    Text::new(
                        "Datasenter og land.",
                        "Datasenter og land.",
                        "Data centre and country.",
                    ),
                    NAME_KIND,
                ),
                field(
                    "miljo_drift",
                    Text::new(
                        "Hvem drifter miljøet?",
                        "Kven driftar miljøet?",
                        "Who operates the environment?",
                    ),
                    NAME_KIND,
                ),
                FieldSpec {
                    hint: Some(Text::new(
                        "Valgfritt. PDF, høyst 5 MB.",
                        "Valfritt. PDF, høgst 5 MB.",
                        "Optional. PDF, at most 5 MB.",
                    )),
                    ..optional(
                        "sikkerhetsdokumentasjon",
                        Text::new(
                            "Sikkerhetsdokumentasjon",
                            "Tryggleiksdokumentasjon",
                            "Security documentation",
                        ),
                        FieldKind::Attachment,
                    )
                },
            ],
        ),
        CONTACT,
    ],
    rules: &[Rule::AllChosen { field: "vilkar" }],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FieldError;
    use crate::form::RawForm;

    fn application(conditions: &[&str]) -> RawForm {
        let mut raw = RawForm::default();
        raw.set_many("vilkar", conditions.iter().map(|c| c.to_string()).collect());
        for (id, value) in [
            ("tjenester", "Laboratoriesvar"),
            ("kunder", "Legekontor"),
            ("miljo_sted", "Oslo, Norge"),
            ("miljo_drift", "Driftspartner AS"),
            ("kontakt_navn", "Per Partner"),
            ("kontakt_mobil", "91234567"),
            ("kontakt_epost", "per@partner.no"),
        ] {
            raw.set_one(id, value.to_owned());
        }
        raw
    }

    #[test]
    fn every_condition_must_be_confirmed() {
        let form = TREDJEPARTSLEVERANDOR.form;
        let some = form
            .validate(&application(&["behov", "avtale"]))
            .unwrap_err();
        assert_eq!(some.get("vilkar"), Some(FieldError::NotAllConfirmed));
        let none = form.validate(&application(&[])).unwrap_err();
        assert_eq!(none.get("vilkar"), Some(FieldError::ChooseAtLeastOne));
        // The security documentation is optional.
        assert!(
            form.validate(&application(&["behov", "vurdering", "avtale"]))
                .is_ok()
        );
    }

    #[test]
    fn the_account_holder_is_asked_for_only_for_an_account_or_a_password() {
        let form = ADRESSEREGISTERET.form;
        let mut raw = RawForm::default();
        raw.set_one("gjelder", "hjelp".to_owned());
        for (id, value) in [
            ("kontakt_navn", "Kari"),
            ("kontakt_mobil", "91234567"),
            ("kontakt_epost", "kari@kommune.no"),
        ] {
            raw.set_one(id, value.to_owned());
        }
        let errors = form.validate(&raw).unwrap_err();
        assert_eq!(errors.get("hjelp_beskrivelse"), Some(FieldError::Required));
        assert_eq!(errors.get("bruker_navn"), None);
        raw.set_one("gjelder", "brukerkonto".to_owned());
        let errors = form.validate(&raw).unwrap_err();
        assert_eq!(errors.get("bruker_navn"), Some(FieldError::Required));
        assert_eq!(errors.get("hjelp_beskrivelse"), None);
    }
}
