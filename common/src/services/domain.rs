//! Domene (seed 002): NHN as registrar for .no domains. One form for the five errands —
//! a new domain (with the self-declaration from Norid attached as PDF), moving the
//! registrar to NHN, transfer to another organisation number, deletion, and changes of
//! name servers or contacts — each asking only for what its errand needs.

use super::{KONTAKT_EPOST, KONTAKT_MOBIL, KONTAKT_NAVN, Service, choice, field, hinted, optional};
use crate::form::{FieldKind, FieldSpec, FormSpec, Section, ShownIf};
use crate::i18n::Text;

pub const DOMENE: Service = Service {
    slug: "domene",
    name: Text::new("Domene", "Domene", "Domain"),
    form: &DOMENE_FORM,
    documents: &[],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Norsk Helsenett fyller ut og sender skjemaene til Norid på vegne av virksomheten.",
            "Norsk Helsenett fyller ut og sender skjemaa til Norid på vegner av verksemda.",
            "Norsk Helsenett fills in and sends the forms to Norid on the organisation's behalf.",
        ),
        Text::new(
            "Svar kommer fra Norid via oss noen dager etter søknaden. Sjekk deretter i whois-databasen for .no at opplysningene om domenet stemmer.",
            "Svar kjem frå Norid via oss nokre dagar etter søknaden. Sjekk deretter i whois-databasen for .no at opplysningane om domenet stemmer.",
            "Norid's answer comes through us a few days after the application. Then check in the .no whois database that the domain's details are right.",
        ),
    ],
    active_once: false,
    prerequisites: &[],
    follow_up: None,
    servicebus: None,
};

const fn when(errands: &'static [&'static str]) -> Option<ShownIf> {
    Some(ShownIf {
        field: "handling",
        any_of: errands,
    })
}

static DOMENE_FORM: FormSpec = FormSpec {
    id: "domene",
    title: Text::new(
        "Bestilling for domene",
        "Bestilling for domene",
        "Domain order",
    ),
    notice: Some(Text::new(
        "Norsk Helsenett fyller ut og sender skjemaene til Norid på vegne av virksomheten. Svar fra Norid kommer via oss noen dager etter søknaden.",
        "Norsk Helsenett fyller ut og sender skjemaa til Norid på vegner av verksemda. Svar frå Norid kjem via oss nokre dagar etter søknaden.",
        "Norsk Helsenett fills in and sends the forms to Norid on the organisation's behalf. Norid's answer comes through us a few days after the application.",
    )),
    sections: &[
        Section::new(
            Text::new("Hva gjelder det", "Kva gjeld det", "What it is about"),
            &[
                field(
                    "handling",
                    Text::new(
                        "Hva vil dere gjøre?",
                        "Kva vil de gjere?",
                        "What do you want to do?",
                    ),
                    FieldKind::OneChoice(&[
                        choice(
                            "ny",
                            Text::new(
                                "Registrere bruksrett til nytt domene",
                                "Registrere bruksrett til nytt domene",
                                "Register the right to use a new domain",
                            ),
                        ),
                        choice(
                            "registrar",
                            Text::new(
                                "Bytte til Norsk Helsenett som registrar",
                                "Byte til Norsk Helsenett som registrar",
                                "Move the registrar to Norsk Helsenett",
                            ),
                        ),
                        choice(
                            "overforing",
                            Text::new(
                                "Overføre domenet til et annet organisasjonsnummer",
                                "Overføre domenet til eit anna organisasjonsnummer",
                                "Transfer the domain to another organisation number",
                            ),
                        ),
                        choice(
                            "sletting",
                            Text::new("Slette domenet", "Slette domenet", "Delete the domain"),
                        ),
                        choice(
                            "endring",
                            Text::new(
                                "Endre navnetjenere eller kontaktinformasjon",
                                "Endre namnetenarar eller kontaktinformasjon",
                                "Change name servers or contact details",
                            ),
                        ),
                    ]),
                ),
                hinted(
                    "domenenavn",
                    Text::new("Domenenavn", "Domenenamn", "Domain name"),
                    Text::new(
                        "For eksempel legekontoret.no",
                        "Til dømes legekontoret.no",
                        "For example legekontoret.no",
                    ),
                    FieldKind::Domain,
                ),
                FieldSpec {
                    shown_if: when(&["ny", "overforing"]),
                    ..hinted(
                        "egenerklaering",
                        Text::new("Egenerklæring", "Eigenerklæring", "Self-declaration"),
                        Text::new(
                            "Egenerklæringsskjemaet fra norid.no, fylt ut og signert av juridisk kontakt. PDF, høyst 5 MB.",
                            "Eigenerklæringsskjemaet frå norid.no, fylt ut og signert av juridisk kontakt. PDF, høgst 5 MB.",
                            "The self-declaration form from norid.no, filled in and signed by the legal contact. PDF, at most 5 MB.",
                        ),
                        FieldKind::Attachment,
                    )
                },
                FieldSpec {
                    shown_if: when(&["overforing"]),
                    ..hinted(
                        "ny_orgnr",
                        Text::new(
                            "Organisasjonsnummeret til den nye abonnenten",
                            "Organisasjonsnummeret til den nye abonnenten",
                            "Organisation number of the new holder",
                        ),
                        Text::new("9 siffer", "9 siffer", "9 digits"),
                        FieldKind::OrgNumber,
                    )
                },
                FieldSpec {
                    shown_if: when(&["endring"]),
                    repeat: Some(6),
                    ..hinted(
                        "navnetjenere",
                        Text::new("Nye navnetjenere", "Nye namnetenarar", "New name servers"),
                        Text::new(
                            "Én per felt, for eksempel ns1.legekontoret.no. La stå tomt om bare kontaktinformasjonen endres.",
                            "Éin per felt, til dømes ns1.legekontoret.no. La stå tomt om berre kontaktinformasjonen blir endra.",
                            "One per field, for example ns1.legekontoret.no. Leave empty if only the contact details change.",
                        ),
                        FieldKind::Domain,
                    )
                },
                FieldSpec {
                    shown_if: when(&["endring"]),
                    ..optional(
                        "endring_beskrivelse",
                        Text::new(
                            "Hva skal endres i kontaktinformasjonen",
                            "Kva skal endrast i kontaktinformasjonen",
                            "What to change in the contact details",
                        ),
                        FieldKind::Text { max: 500 },
                    )
                },
                FieldSpec {
                    shown_if: when(&["ny", "registrar"]),
                    required: false,
                    ..hinted(
                        "autentiseringskode",
                        Text::new(
                            "Sett autentiseringskode på domenet",
                            "Set autentiseringskode på domenet",
                            "Set an authentication code on the domain",
                        ),
                        Text::new(
                            "Et passord som hindrer at domenet flyttes til en annen registrar. Ta vare på det, og hold kontaktinformasjonen oppdatert: Norid sender engangspassord dit om koden blir borte.",
                            "Eit passord som hindrar at domenet blir flytta til ein annan registrar. Ta vare på det, og hald kontaktinformasjonen oppdatert: Norid sender eingongspassord dit om koden blir borte.",
                            "A password that keeps the domain from being moved to another registrar. Keep it safe, and keep the contact details up to date: Norid sends one-time passwords there if the code is lost.",
                        ),
                        FieldKind::Switch,
                    )
                },
            ],
        ),
        Section::new(
            Text::new(
                "Juridisk kontaktperson for domenet",
                "Juridisk kontaktperson for domenet",
                "Legal contact for the domain",
            ),
            &[KONTAKT_NAVN, KONTAKT_MOBIL, KONTAKT_EPOST],
        ),
    ],
    rules: &[],
};
