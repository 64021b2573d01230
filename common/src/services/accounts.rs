//! Accounts and access from NHN's FAQ (seed 002): e-mail, NHN-videodesktop and remote
//! help for a supplier, home office accounts (one row per user). NHN needs little more
//! than who the account is for.

use super::{
    ANSWER_TIME, EMAIL_KIND, KONTAKT_EPOST, KONTAKT_NAVN, NAME_KIND, Service, field, hinted,
};
use crate::form::{Choice, FieldKind, FieldSpec, FormSpec, Group, Section};
use crate::i18n::Text;

const BRUKER_NAVN: FieldSpec = field(
    "bruker_navn",
    Text::new(
        "Navnet på brukeren",
        "Namnet på brukaren",
        "The user's name",
    ),
    NAME_KIND,
);

const CONTACT: Section = Section::new(
    Text::new("Kontaktperson", "Kontaktperson", "Contact person"),
    &[KONTAKT_NAVN, KONTAKT_EPOST],
);

pub const EPOST: Service = Service {
    slug: "epost",
    name: Text::new("E-postkonto", "E-postkonto", "E-mail account"),
    form: &EPOST_FORM,
    documents: &[],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN oppretter kontoen og sender brukernavn og oppsett til kontaktpersonen på e-post.",
            "Kundesenteret i NHN opprettar kontoen og sender brukarnamn og oppsett til kontaktpersonen på e-post.",
            "NHN's customer centre creates the account and sends the username and set-up to the contact person by e-mail.",
        ),
        Text::new(
            "Still inn Microsoft Outlook eller Mozilla Thunderbird med IMAP; to maskiner kan dele kontoen.",
            "Still inn Microsoft Outlook eller Mozilla Thunderbird med IMAP; to maskiner kan dele kontoen.",
            "Set up Microsoft Outlook or Mozilla Thunderbird with IMAP; two computers can share the account.",
        ),
        ANSWER_TIME,
    ],
    active_once: false,
    prerequisites: &[],
    follow_up: None,
    servicebus: None,
};

static EPOST_FORM: FormSpec = FormSpec {
    id: "epost",
    title: Text::new(
        "Bestilling av e-postkonto i Helsenettet",
        "Bestilling av e-postkonto i Helsenettet",
        "Order of an e-mail account in the Health Network",
    ),
    notice: Some(Text::new(
        "E-post i Helsenettet leses med IMAP i Microsoft Outlook eller Mozilla Thunderbird. To maskiner kan dele en konto.",
        "E-post i Helsenettet blir lesen med IMAP i Microsoft Outlook eller Mozilla Thunderbird. To maskiner kan dele ein konto.",
        "E-mail in the Health Network is read over IMAP in Microsoft Outlook or Mozilla Thunderbird. Two computers can share an account.",
    )),
    sections: &[
        Section::new(
            Text::new("Kontoen", "Kontoen", "The account"),
            &[
                BRUKER_NAVN,
                hinted(
                    "onsket_adresse",
                    Text::new(
                        "Ønsket e-postadresse",
                        "Ønskt e-postadresse",
                        "Desired e-mail address",
                    ),
                    Text::new(
                        "For eksempel fornavn.etternavn@legekontor.no",
                        "Til dømes fornamn.etternamn@legekontor.no",
                        "For example firstname.lastname@clinic.no",
                    ),
                    EMAIL_KIND,
                ),
                field(
                    "program",
                    Text::new("E-postprogram", "E-postprogram", "E-mail program"),
                    FieldKind::OneChoice(&[
                        Choice {
                            value: "outlook",
                            label: Text::new(
                                "Microsoft Office Outlook",
                                "Microsoft Office Outlook",
                                "Microsoft Office Outlook",
                            ),
                            hint: None,
                        },
                        Choice {
                            value: "thunderbird",
                            label: Text::new(
                                "Mozilla Thunderbird",
                                "Mozilla Thunderbird",
                                "Mozilla Thunderbird",
                            ),
                            hint: None,
                        },
                    ]),
                ),
            ],
        ),
        CONTACT,
    ],
    rules: &[],
};

pub const VIDEO: Service = Service {
    slug: "video",
    name: Text::new(
        "Video (NHN-videodesktop)",
        "Video (NHN-videodesktop)",
        "Video (NHN video desktop)",
    ),
    form: &VIDEO_FORM,
    documents: &[],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN oppretter NHN-videodesktop for brukeren og sender innloggingen på e-post.",
            "Kundesenteret i NHN opprettar NHN-videodesktop for brukaren og sender innlogginga på e-post.",
            "NHN's customer centre sets up NHN video desktop for the user and sends the login by e-mail.",
        ),
        ANSWER_TIME,
    ],
    active_once: false,
    prerequisites: &[],
    follow_up: None,
    servicebus: None,
};

static VIDEO_FORM: FormSpec = FormSpec {
    id: "video",
    title: Text::new(
        "Bestilling av konto for NHN-videodesktop",
        "Bestilling av konto for NHN-videodesktop",
        "Order of an NHN video desktop account",
    ),
    notice: Some(Text::new(
        "NHN-videodesktop kan bestilles og brukes uten kostnad for kunder av Norsk Helsenett. Du trenger en PC, Mac eller iPad.",
        "NHN-videodesktop kan bestillast og brukast utan kostnad for kundar av Norsk Helsenett. Du treng ein PC, Mac eller iPad.",
        "NHN video desktop is free for Norsk Helsenett's customers. You need a PC, Mac or iPad.",
    )),
    sections: &[
        Section::new(
            Text::new("Kontoen", "Kontoen", "The account"),
            &[
                BRUKER_NAVN,
                field(
                    "bruker_epost",
                    Text::new(
                        "Brukerens e-post",
                        "E-posten til brukaren",
                        "The user's e-mail",
                    ),
                    EMAIL_KIND,
                ),
                field(
                    "bruker_mobil",
                    Text::new(
                        "Brukerens mobilnummer",
                        "Mobilnummeret til brukaren",
                        "The user's mobile number",
                    ),
                    FieldKind::Mobile,
                ),
            ],
        ),
        CONTACT,
    ],
    rules: &[],
};

pub const FJERNHJELP: Service = Service {
    slug: "fjernhjelp",
    name: Text::new(
        "Fjernhjelp 2.0 (ScreenConnect)",
        "Fjernhjelp 2.0 (ScreenConnect)",
        "Remote help 2.0 (ScreenConnect)",
    ),
    form: &FJERNHJELP_FORM,
    documents: &[],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN oppretter tilgangen til Fjernhjelp og sender innloggingen til brukeren på e-post.",
            "Kundesenteret i NHN opprettar tilgangen til Fjernhjelp og sender innlogginga til brukaren på e-post.",
            "NHN's customer centre creates the access to Remote help and sends the login to the user by e-mail.",
        ),
        ANSWER_TIME,
    ],
    active_once: false,
    prerequisites: &[],
    follow_up: None,
    servicebus: None,
};

static FJERNHJELP_FORM: FormSpec = FormSpec {
    id: "fjernhjelp",
    title: Text::new(
        "Tilgang til fjernhjelp for en leverandør",
        "Tilgang til fjernhjelp for ein leverandør",
        "Remote help access for a supplier",
    ),
    notice: Some(Text::new(
        "Fjernhjelp er gratis for kunder og partnere. Både den som yter og den som mottar fjernhjelp må ha kunde- eller partneravtale med Norsk Helsenett.",
        "Fjernhjelp er gratis for kundar og partnarar. Både den som yter og den som får fjernhjelp, må ha kunde- eller partnaravtale med Norsk Helsenett.",
        "Remote help is free for customers and partners. Both the one giving and the one receiving help must have a customer or partner agreement with Norsk Helsenett.",
    )),
    sections: &[
        Section::new(
            Text::new("Leverandøren", "Leverandøren", "The supplier"),
            &[
                field(
                    "leverandor_navn",
                    Text::new(
                        "Navn på leverandøren",
                        "Namn på leverandøren",
                        "Name of the supplier",
                    ),
                    NAME_KIND,
                ),
                hinted(
                    "leverandor_orgnr",
                    Text::new(
                        "Leverandørens organisasjonsnummer",
                        "Organisasjonsnummeret til leverandøren",
                        "The supplier's organisation number",
                    ),
                    Text::new("9 siffer", "9 siffer", "9 digits"),
                    FieldKind::OrgNumber,
                ),
                field(
                    "tekniker_navn",
                    Text::new(
                        "Navn på teknikeren",
                        "Namn på teknikaren",
                        "Name of the technician",
                    ),
                    NAME_KIND,
                ),
                field(
                    "tekniker_mobil",
                    Text::new(
                        "Teknikerens mobilnummer",
                        "Mobilnummeret til teknikaren",
                        "The technician's mobile number",
                    ),
                    FieldKind::Mobile,
                ),
            ],
        ),
        CONTACT,
    ],
    rules: &[],
};

pub const HJEMMEKONTOR: Service = Service {
    slug: "hjemmekontor",
    name: Text::new("Hjemmekontor", "Heimekontor", "Home office"),
    form: &HJEMMEKONTOR_FORM,
    documents: &[],
    contact_email: Some("kontakt_epost"),
    replaced_by: None,
    signer_field: None,
    next_steps: &[
        Text::new(
            "Kundesenteret i NHN oppretter hjemmekontortilgang for hver bruker og sender brukernavn på e-post og passord på SMS.",
            "Kundesenteret i NHN opprettar heimekontortilgang for kvar brukar og sender brukarnamn på e-post og passord på SMS.",
            "NHN's customer centre creates home-office access for each user and sends the username by e-mail and the password by SMS.",
        ),
        Text::new(
            "Brukerne kobler til fra Windows 10 eller nyere, eller fra Mac med Royal TSX.",
            "Brukarane koplar til frå Windows 10 eller nyare, eller frå Mac med Royal TSX.",
            "The users connect from Windows 10 or later, or from a Mac with Royal TSX.",
        ),
        ANSWER_TIME,
    ],
    active_once: false,
    prerequisites: &[],
    follow_up: None,
    servicebus: None,
};

static HJEMMEKONTOR_FORM: FormSpec = FormSpec {
    id: "hjemmekontor",
    title: Text::new(
        "Bestilling av hjemmekontorkontoer",
        "Bestilling av heimekontorkontoar",
        "Order of home office accounts",
    ),
    notice: Some(Text::new(
        "Hjemmekontorløsningen virker med Windows 10 og nyere, og fra Mac med Royal TSX. Linux støttes ikke. Det er ingen løpende bruksavgift.",
        "Heimekontorløysinga verkar med Windows 10 og nyare, og frå Mac med Royal TSX. Linux er ikkje støtta. Det er ingen løpande bruksavgift.",
        "The home office solution works with Windows 10 and later, and from a Mac with Royal TSX. Linux is not supported. There is no running fee.",
    )),
    sections: &[
        Section {
            group: Some(Group {
                max: 20,
                item: Text::new("Bruker", "Brukar", "User"),
            }),
            title: Text::new("Brukere", "Brukarar", "Users"),
            fields: &[
                field("bruker_navn", Text::new("Navn", "Namn", "Name"), NAME_KIND),
                hinted(
                    "bruker_mobil",
                    Text::new("Mobilnummer", "Mobilnummer", "Mobile number"),
                    Text::new(
                        "Engangskoden ved pålogging sendes hit.",
                        "Eingongskoden ved pålogging blir send hit.",
                        "The one-time code at login goes here.",
                    ),
                    FieldKind::Mobile,
                ),
            ],
        },
        CONTACT,
    ],
    rules: &[],
};
