//! The connection to Helsenettet (seed 002): a new connection (the starred fields, floor
//! and room for the equipment, the line supplier, a shared line), moving it (NOK 3000),
//! and a temporary pause of the membership.

use super::{
    ANSWER_TIME, KONTAKT_EPOST, KONTAKT_MOBIL, KONTAKT_NAVN, NAME_KIND, SHORT_KIND, Service, field,
    hinted, optional,
};
use crate::form::{Choice, FieldKind, FieldSpec, FormSpec, Rule, SWITCH_ON, Section, ShownIf};
use crate::i18n::Text;

const CONTACT: Section = Section::new(
    Text::new("Kontaktperson", "Kontaktperson", "Contact person"),
    &[KONTAKT_NAVN, KONTAKT_MOBIL, KONTAKT_EPOST],
);

const ADRESSE: FieldSpec = field(
    "adresse",
    Text::new("Gateadresse", "Gateadresse", "Street address"),
    NAME_KIND,
);
const POSTNUMMER: FieldSpec = field(
    "postnummer",
    Text::new("Postnummer", "Postnummer", "Postcode"),
    FieldKind::Text { max: 4 },
);
/// Where in the building the equipment goes: the delivery needs it.
const ETASJE: FieldSpec = field(
    "etasje",
    Text::new(
        "Etasje for utstyret",
        "Etasje for utstyret",
        "Floor for the equipment",
    ),
    SHORT_KIND,
);
const ROM: FieldSpec = field(
    "rom",
    Text::new(
        "Rom for utstyret",
        "Rom for utstyret",
        "Room for the equipment",
    ),
    SHORT_KIND,
);
const POSTSTED: FieldSpec = field(
    "poststed",
    Text::new("Poststed", "Poststad", "Town"),
    SHORT_KIND,
);

pub const TILKNYTNING: Service = Service {
    slug: "tilknytning",
    name: Text::new(
        "Tilknytning til Helsenettet",
        "Tilknyting til Helsenettet",
        "Connection to the Health Network",
    ),
    form: &TILKNYTNING_FORM,
    documents: &[],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN går gjennom bestillingen og kontakter kontaktpersonen for å avtale levering av linje og utstyr.",
            "Kundesenteret i NHN går gjennom bestillinga og kontaktar kontaktpersonen for å avtale levering av linje og utstyr.",
            "NHN's customer centre reviews the order and contacts the contact person to arrange delivery of the line and equipment.",
        ),
        Text::new(
            "Når virksomheten er koblet til, oppretter NHN den i Adresseregisteret med HER-id, og brukerkonto sendes til kontaktpersonen.",
            "Når verksemda er kopla til, opprettar NHN ho i Adresseregisteret med HER-id, og brukarkonto blir send til kontaktpersonen.",
            "Once the organisation is connected, NHN creates it in the Address Register with a HER-id, and the user account is sent to the contact person.",
        ),
        ANSWER_TIME,
    ],
    active_once: true,
    prerequisites: &[],
    follow_up: None,
    servicebus: None,
};

static TILKNYTNING_FORM: FormSpec = FormSpec {
    id: "tilknytning",
    title: Text::new(
        "Bestilling av tilknytning til Helsenettet",
        "Bestilling av tilknyting til Helsenettet",
        "Order of a connection to the Health Network",
    ),
    notice: Some(Text::new(
        "Fyll ut alle feltene som ikke er merket valgfritt: uten dem kan leveransen bli forsinket. Etasje og rom for utstyret er også viktig.",
        "Fyll ut alle felta som ikkje er merkte valfritt: utan dei kan leveransen bli forseinka. Etasje og rom for utstyret er òg viktig.",
        "Fill in every field not marked optional: without them the delivery may be delayed. Floor and room for the equipment matter too.",
    )),
    sections: &[
        Section::new(
            Text::new(
                "Hvor skal tilknytningen være",
                "Kvar skal tilknytinga vere",
                "Where the connection goes",
            ),
            &[ADRESSE, POSTNUMMER, POSTSTED, ETASJE, ROM],
        ),
        Section::new(
            Text::new("Linjen", "Linja", "The line"),
            &[
                hinted(
                    "linjeleverandor",
                    Text::new(
                        "Hvem leverer linjen",
                        "Kven leverer linja",
                        "Who supplies the line",
                    ),
                    Text::new(
                        "Med egen leverandør har dere ansvaret for forbindelsen mellom NHN-ruteren og Helsenettet.",
                        "Med eigen leverandør har de ansvaret for sambandet mellom NHN-ruteren og Helsenettet.",
                        "With your own supplier you are responsible for the link between the NHN router and the Health Network.",
                    ),
                    FieldKind::OneChoice(&[
                        Choice {
                            value: "nhn",
                            label: Text::new(
                                "Norsk Helsenett",
                                "Norsk Helsenett",
                                "Norsk Helsenett",
                            ),
                            hint: None,
                        },
                        Choice {
                            value: "egen",
                            label: Text::new(
                                "Egen linjeleverandør",
                                "Eigen linjeleverandør",
                                "Our own line supplier",
                            ),
                            hint: None,
                        },
                    ]),
                ),
                FieldSpec {
                    required: false,
                    ..hinted(
                        "delt_linje",
                        Text::new(
                            "Linjen skal deles med en annen virksomhet",
                            "Linja skal delast med ei anna verksemd",
                            "The line is shared with another organisation",
                        ),
                        Text::new(
                            "Begge virksomhetene må ha egen kundeavtale med NHN, og dere deler kapasiteten.",
                            "Begge verksemdene må ha eigen kundeavtale med NHN, og de deler kapasiteten.",
                            "Both organisations need their own customer agreement with NHN, and you share the capacity.",
                        ),
                        FieldKind::Switch,
                    )
                },
                FieldSpec {
                    shown_if: Some(ShownIf {
                        field: "delt_linje",
                        any_of: &[SWITCH_ON],
                    }),
                    ..hinted(
                        "delt_med_orgnr",
                        Text::new(
                            "Organisasjonsnummeret til virksomheten dere deler med",
                            "Organisasjonsnummeret til verksemda de deler med",
                            "Organisation number of the organisation you share with",
                        ),
                        Text::new("9 siffer", "9 siffer", "9 digits"),
                        FieldKind::OrgNumber,
                    )
                },
            ],
        ),
        CONTACT,
    ],
    rules: &[],
};

pub const FLYTTING: Service = Service {
    slug: "flytting",
    name: Text::new(
        "Flytting av helsenettlinjen",
        "Flytting av helsenettlinja",
        "Moving the Health Network line",
    ),
    form: &FLYTTING_FORM,
    documents: &[],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN kontakter kontaktpersonen for å avtale dato for flyttingen.",
            "Kundesenteret i NHN kontaktar kontaktpersonen for å avtale dato for flyttinga.",
            "NHN's customer centre contacts the contact person to agree a date for the move.",
        ),
        Text::new(
            "Har dere linje fra egen leverandør, avtaler dere flyttingen med den og tar NHN-ruteren med.",
            "Har de linje frå eigen leverandør, avtaler de flyttinga med han og tek NHN-ruteren med.",
            "With a line from your own supplier, arrange the move with them and bring the NHN router.",
        ),
        ANSWER_TIME,
    ],
    active_once: false,
    prerequisites: &[],
    follow_up: None,
    servicebus: None,
};

static FLYTTING_FORM: FormSpec = FormSpec {
    id: "flytting",
    title: Text::new(
        "Flytteskjema for helsenettlinjen",
        "Flytteskjema for helsenettlinja",
        "Moving form for the Health Network line",
    ),
    notice: Some(Text::new(
        "Flytting av helsenettlinjen koster kr 3 000. Har dere linje fra egen leverandør, avtaler dere flyttingen med den og tar NHN-ruteren med.",
        "Flytting av helsenettlinja kostar kr 3 000. Har de linje frå eigen leverandør, avtaler de flyttinga med han og tek NHN-ruteren med.",
        "Moving the Health Network line costs NOK 3,000. With a line from your own supplier, arrange the move with them and bring the NHN router.",
    )),
    sections: &[
        Section::new(
            Text::new("Nytt lokale", "Nytt lokale", "New premises"),
            &[
                ADRESSE,
                POSTNUMMER,
                POSTSTED,
                ETASJE,
                ROM,
                hinted(
                    "flyttedato",
                    Text::new("Flyttedato", "Flyttedato", "Moving date"),
                    Text::new(
                        "For eksempel 24.12.2027",
                        "Til dømes 24.12.2027",
                        "For example 24.12.2027",
                    ),
                    FieldKind::Date,
                ),
            ],
        ),
        CONTACT,
    ],
    rules: &[],
};

pub const DEAKTIVERING: Service = Service {
    slug: "deaktivering",
    name: Text::new(
        "Midlertidig deaktivering",
        "Mellombels deaktivering",
        "Temporary deactivation",
    ),
    form: &DEAKTIVERING_FORM,
    documents: &[],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN bekrefter perioden på e-post, og faktureringen av medlemskapet fryses fra startdatoen.",
            "Kundesenteret i NHN stadfestar perioden på e-post, og faktureringa av medlemskapet blir fryst frå startdatoen.",
            "NHN's customer centre confirms the period by e-mail, and membership billing is frozen from the start date.",
        ),
        Text::new(
            "Tilknytningen aktiveres igjen av seg selv når perioden er over.",
            "Tilknytinga blir aktivert igjen av seg sjølv når perioden er over.",
            "The connection is activated again by itself when the period is over.",
        ),
        ANSWER_TIME,
    ],
    active_once: false,
    prerequisites: &[],
    follow_up: None,
    servicebus: None,
};

static DEAKTIVERING_FORM: FormSpec = FormSpec {
    id: "deaktivering",
    title: Text::new(
        "Midlertidig deaktivering av oppføringen i Adresseregisteret og EDI-kontoen",
        "Mellombels deaktivering av oppføringa i Adresseregisteret og EDI-kontoen",
        "Temporary deactivation of the Address Register entry and the EDI account",
    ),
    notice: Some(Text::new(
        "Faktureringen av medlemskapet fryses i perioden. Har dere linje fra NHN, løper kostnadene for den.",
        "Faktureringa av medlemskapet blir fryst i perioden. Har de linje frå NHN, går kostnadene for henne vidare.",
        "Membership billing is frozen for the period. With a line from NHN, its costs continue.",
    )),
    sections: &[
        Section::new(
            Text::new("Periode", "Periode", "Period"),
            &[
                hinted(
                    "fra_dato",
                    Text::new("Inaktiv fra", "Inaktiv frå", "Inactive from"),
                    Text::new(
                        "For eksempel 01.07.2027",
                        "Til dømes 01.07.2027",
                        "For example 01.07.2027",
                    ),
                    FieldKind::Date,
                ),
                hinted(
                    "til_dato",
                    Text::new("Åpnes igjen", "Blir opna igjen", "Reopened on"),
                    Text::new(
                        "For eksempel 01.08.2027",
                        "Til dømes 01.08.2027",
                        "For example 01.08.2027",
                    ),
                    FieldKind::Date,
                ),
                optional("grunn", Text::new("Grunn", "Grunn", "Reason"), NAME_KIND),
            ],
        ),
        CONTACT,
    ],
    rules: &[Rule::DateOrder {
        from: "fra_dato",
        to: "til_dato",
    }],
};
