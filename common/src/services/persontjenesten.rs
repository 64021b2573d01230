//! Persontjenesten (seed 003): access to confidential person data from the population
//! register, replacing Personregister from 01.01.25. The terms are accepted once per
//! municipality; the readiness checklist and the access request live in the portal.

use super::{
    ANSWER_TIME, DocumentRef, EPJ_NAVN, EPJ_SYSTEM, KONTAKT_EPOST, KONTAKT_MOBIL, KONTAKT_NAVN,
    Service, choice, field, hinted,
};
use crate::form::{FieldKind, FormSpec, Section};
use crate::i18n::Text;

pub const PERSONTJENESTEN: Service = Service {
    slug: "persontjenesten",
    name: Text::new("Persontjenesten", "Persontenesta", "The Person Service"),
    form: &PERSONTJENESTEN_FORM,
    documents: &[DocumentRef {
        id: "vilkar-persontjenesten",
        title: Text::new(
            "Vilkår Persontjenesten",
            "Vilkår Persontenesta",
            "Terms of the Person Service",
        ),
        version: "1.0",
        for_legal_entity: true,
        #[cfg(feature = "agreement-texts")]
        published: &[PERSONTJENESTEN_TEXT_1_0],
    }],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN går gjennom bestillingen og gir virksomheten tilgang til Persontjenesten.",
            "Kundesenteret i NHN går gjennom bestillinga og gir verksemda tilgang til Persontenesta.",
            "NHN's customer centre reviews the order and gives the organisation access to the Person Service.",
        ),
        Text::new(
            "Gjør ferdig klargjøringen i kundeportalen: oppgradering, brannmur og delegering av rettigheter.",
            "Gjer ferdig klargjeringa i kundeportalen: oppgradering, brannmur og delegering av rettar.",
            "Finish getting ready in the customer portal: upgrade, firewall and delegation of rights.",
        ),
        ANSWER_TIME,
    ],
    active_once: true,
    prerequisites: &[],
    follow_up: Some(("/kundeportal/persontjenesten", crate::i18n::t::PT_TITLE)),
    servicebus: None,
};

static PERSONTJENESTEN_FORM: FormSpec = FormSpec {
    id: "persontjenesten_taushetsbelagtdata",
    title: Text::new(
        "Tilgang til taushetsbelagte opplysninger i Persontjenesten",
        "Tilgang til opplysningar underlagde teieplikt i Persontenesta",
        "Access to confidential data in the Person Service",
    ),
    notice: Some(Text::new(
        "Vilkårene for Persontjenesten signeres én gang av kommunedirektør eller annen med signeringsrett, og gjelder da for alle virksomheter i kommunen.",
        "Vilkåra for Persontenesta blir signerte éin gong av kommunedirektør eller annan med signeringsrett, og gjeld då for alle verksemder i kommunen.",
        "The Person Service's terms are signed once by the chief municipal executive or another with signing rights, and then hold for every unit of the municipality.",
    )),
    sections: &[
        Section::new(
            Text::new("Behovet", "Behovet", "The need"),
            &[
                field(
                    "opplysninger",
                    Text::new(
                        "Hvilke taushetsbelagte opplysninger trenger dere?",
                        "Kva opplysningar underlagde teieplikt treng de?",
                        "Which confidential data do you need?",
                    ),
                    FieldKind::MultiChoice(&[
                        choice(
                            "fortrolig_adresse",
                            Text::new(
                                "Fortrolig adresse",
                                "Fortruleg adresse",
                                "Confidential address",
                            ),
                        ),
                        choice(
                            "strengt_fortrolig_adresse",
                            Text::new(
                                "Strengt fortrolig adresse",
                                "Strengt fortruleg adresse",
                                "Strictly confidential address",
                            ),
                        ),
                        choice(
                            "felles_hjelpenummer",
                            Text::new(
                                "Felles hjelpenummer",
                                "Felles hjelpenummer",
                                "Common assistance numbers",
                            ),
                        ),
                    ]),
                ),
                hinted(
                    "formal",
                    Text::new(
                        "Formål og hjemmel",
                        "Føremål og heimel",
                        "Purpose and legal basis",
                    ),
                    Text::new(
                        "Hva opplysningene skal brukes til, og hjemmelen, for eksempel helsepersonelloven § 45.",
                        "Kva opplysningane skal brukast til, og heimelen, til dømes helsepersonellova § 45.",
                        "What the data is for, and the legal basis, for example the Health Personnel Act § 45.",
                    ),
                    FieldKind::Text { max: 1000 },
                ),
            ],
        ),
        Section::new(
            Text::new("Journalsystem", "Journalsystem", "Record system"),
            &[
                EPJ_NAVN,
                EPJ_SYSTEM,
                hinted(
                    "epj_versjon",
                    Text::new("Versjon", "Versjon", "Version"),
                    Text::new(
                        "Journalsystemet må være oppgradert; for CGM Journal til versjon 142.",
                        "Journalsystemet må vere oppgradert; for CGM Journal til versjon 142.",
                        "The record system must be upgraded; for CGM Journal to version 142.",
                    ),
                    FieldKind::Text { max: 100 },
                ),
            ],
        ),
        Section::new(
            Text::new("Kontaktperson", "Kontaktperson", "Contact person"),
            &[KONTAKT_NAVN, KONTAKT_MOBIL, KONTAKT_EPOST],
        ),
    ],
    rules: &[],
};

/// Personregister is closed down: its page points to Persontjenesten.
pub const PERSONREGISTER: Service = Service {
    slug: "personregister",
    name: Text::new("Personregister", "Personregister", "Person Register"),
    form: &PERSONREGISTER_FORM,
    documents: &[],
    contact_email: None,
    replaced_by: Some("persontjenesten"),
    signer_field: None,
    next_steps: &[],
    active_once: false,
    prerequisites: &[],
    follow_up: None,
    servicebus: None,
};

static PERSONREGISTER_FORM: FormSpec = FormSpec {
    id: "personregister",
    title: Text::new("Personregister", "Personregister", "Person Register"),
    notice: Some(Text::new(
        "Personregister avvikles 01.01.25 og erstattes av Persontjenesten. For sluttbrukeren ser det likt ut; bestill Persontjenesten i stedet.",
        "Personregister blir avvikla 01.01.25 og erstatta av Persontenesta. For sluttbrukaren ser det likt ut; bestill Persontenesta i staden.",
        "Person Register closes on 01.01.25 and is replaced by the Person Service. It looks the same to end users; order the Person Service instead.",
    )),
    sections: &[],
    rules: &[],
};

/// The request for delegated rights to a tilgangsstyrer (seed 003): what the employee
/// wants to do on the organisation's behalf towards HelseID, and an optional message.
/// The tilgangsstyrer is chosen from the registry's role holders, beside this form.
pub static ACCESS_REQUEST: FormSpec = FormSpec {
    id: "tilgangsforesporsel",
    title: Text::new("Be om tilgang", "Be om tilgang", "Request access"),
    notice: None,
    sections: &[Section::new(
        Text::new("Forespørselen", "Førespurnaden", "The request"),
        &[
            field(
                "formal",
                Text::new(
                    "Hva ønsker du å gjøre på vegne av virksomheten overfor HelseID?",
                    "Kva ønskjer du å gjere på vegner av verksemda overfor HelseID?",
                    "What do you want to do on the organisation's behalf towards HelseID?",
                ),
                FieldKind::MultiChoice(&[
                    choice(
                        "applikasjon",
                        Text::new(
                            "Ta i bruk tjenester eller pålogging i en applikasjon, for eksempel en elektronisk pasientjournal (EPJ)",
                            "Ta i bruk tenester eller pålogging i ein applikasjon, til dømes ein elektronisk pasientjournal (EPJ)",
                            "Use services or login in an application, for example an electronic patient record (EPR)",
                        ),
                    ),
                    choice(
                        "api",
                        Text::new(
                            "For tjenestetilbydere: Tilgjengeliggjøre et API",
                            "For tenestetilbydarar: Gjere eit API tilgjengeleg",
                            "For service providers: Make an API available",
                        ),
                    ),
                    choice(
                        "klientsystem",
                        Text::new(
                            "For systemleverandører: Tilgjengeliggjøre et klientsystem for helsevirksomheter",
                            "For systemleverandørar: Gjere eit klientsystem tilgjengeleg for helseverksemder",
                            "For system suppliers: Make a client system available to health organisations",
                        ),
                    ),
                ]),
            ),
            super::optional(
                "melding",
                Text::new(
                    "Melding til tilgangsstyrer",
                    "Melding til tilgangsstyrar",
                    "Message to the access manager",
                ),
                FieldKind::Text { max: 1000 },
            ),
            hinted(
                "epost",
                Text::new("Din e-post", "E-posten din", "Your e-mail"),
                Text::new(
                    "Du får et varsel hit når forespørselen er behandlet.",
                    "Du får eit varsel hit når førespurnaden er behandla.",
                    "You get a notice here when the request has been handled.",
                ),
                FieldKind::Email,
            ),
        ],
    )],
    rules: &[],
};

/// The published text of the terms, version 1.0.
#[cfg(feature = "agreement-texts")]
const PERSONTJENESTEN_TEXT_1_0: super::AgreementText = super::AgreementText {
    version: "1.0",
    valid_from: "01.09.2024",
    paragraphs: &[
        "Eksempeltekst: dette er ikke NHNs vilkår, men en prøvetekst for portalen.",
        "1. Tjenesten. Persontjenesten gir oppslag i folkeregisteropplysninger for helse- og omsorgstjenesten, og erstatter Personregister fra 01.01.25.",
        "2. Gyldighet. Vilkårene signeres én gang av kommunedirektør eller annen med signeringsrett, og gjelder for alle virksomheter i kommunen.",
        "3. Taushetsbelagte opplysninger. Opplysninger om fortrolig og strengt fortrolig adresse brukes bare når det er nødvendig for å yte helsehjelp, og tilgangen styres av virksomheten.",
        "4. Forutsetninger. Journalsystemet er oppgradert, brannmuren er åpnet for NHNs adresser, og HelseID er satt opp for systemet.",
    ],
};
