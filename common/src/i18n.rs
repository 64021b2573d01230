//! The i18n catalog: every user-visible text in bokmål, nynorsk and English.
//!
//! Texts are compile-time constants (`Text`), so a missing translation is a build
//! error rather than a blank on screen, and the wasm bundle carries no lookup tables.
//! Form labels live in the form specs (`crate::services`) as `Text` values too.

use serde::{Deserialize, Serialize};

/// The user's language. Bokmål is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nb,
    /// Nynorsk, in the official norm; the seeds' bokmål stays the source wording.
    Nn,
    En,
}

impl Lang {
    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// Every language, in the order the language menu offers them.
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    /// The language a tag names (`nb`, `nn`, `en`; `no` is bokmål).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        let primary = tag.split(['-', '_', ';']).next().unwrap_or("");
        match primary {
            "nb" | "no" => Some(Lang::Nb),
            "nn" => Some(Lang::Nn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's name in itself, as the language menu shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Nb => "Bokmål",
            Lang::Nn => "Nynorsk",
            Lang::En => "English",
        }
    }

    /// Picks a language from an HTTP `Accept-Language` header: the first it knows, in the
    /// header's order; bokmål when none.
    pub fn from_accept_language(header: &str) -> Lang {
        header
            .split(',')
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::Nb)
    }
}

/// One text in every language. In the browser (wasm) only the bokmål is built in: nynorsk
/// and English come from the language's file, fetched when chosen (`fetched`; the build
/// writes the files from these same sources), so the app does not carry three catalogs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub nb: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub nn: &'static str,
    #[cfg(not(target_arch = "wasm32"))]
    pub en: &'static str,
}

impl Text {
    #[cfg(not(target_arch = "wasm32"))]
    pub const fn new(nb: &'static str, nn: &'static str, en: &'static str) -> Self {
        Text { nb, nn, en }
    }

    /// Every `Text` is made here, of three literals: the build reads them from the sources.
    #[cfg(target_arch = "wasm32")]
    pub const fn new(nb: &'static str, _nn: &'static str, _en: &'static str) -> Self {
        Text { nb }
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nb => self.nb,
            Lang::Nn => self.nn,
            Lang::En => self.en,
        }
    }

    /// In a language whose file has not come (yet), the bokmål.
    #[cfg(target_arch = "wasm32")]
    pub fn get(self, lang: Lang) -> &'static str {
        fetched::translation(lang, self.nb).unwrap_or(self.nb)
    }
}

/// The fetched languages' texts, in the browser: a language's file (`/lang/nn.txt`) holds
/// each bokmål text followed by its translation, every one ended by a NUL, sorted by the
/// bokmål. Loaded once per language and kept for the page's life.
pub mod fetched {
    use std::sync::OnceLock;

    use super::Lang;

    /// (bokmål, translation), sorted by bokmål.
    type Texts = Vec<(&'static str, &'static str)>;

    static NN: OnceLock<Texts> = OnceLock::new();
    static EN: OnceLock<Texts> = OnceLock::new();

    fn texts(lang: Lang) -> Option<&'static OnceLock<Texts>> {
        match lang {
            Lang::Nb => None,
            Lang::Nn => Some(&NN),
            Lang::En => Some(&EN),
        }
    }

    /// Whether `lang` can be shown: bokmål always, the others once their file is loaded.
    pub fn has(lang: Lang) -> bool {
        texts(lang).is_none_or(|t| t.get().is_some())
    }

    /// Takes in `lang`'s file. False, and nothing kept, when it is not one (a page of
    /// HTML from a proxy, a file cut short): the texts must come in pairs, in order.
    pub fn load(lang: Lang, file: String) -> bool {
        let Some(slot) = texts(lang) else {
            return true;
        };
        // Kept for the page's life, so the texts can be handed out as `&'static str`.
        let file: &'static str = file.leak();
        let Some(body) = file.strip_suffix('\0') else {
            return false;
        };
        let parts: Vec<&'static str> = body.split('\0').collect();
        if !parts.len().is_multiple_of(2) {
            return false;
        }
        let pairs: Texts = parts.chunks(2).map(|p| (p[0], p[1])).collect();
        if !pairs.windows(2).all(|w| w[0].0 < w[1].0) {
            return false;
        }
        let _ = slot.set(pairs);
        true
    }

    /// `nb` in `lang`, if `lang`'s file is loaded and has it.
    pub fn translation(lang: Lang, nb: &str) -> Option<&'static str> {
        let pairs = texts(lang)?.get()?;
        let at = pairs.binary_search_by(|(key, _)| (*key).cmp(nb)).ok()?;
        Some(pairs[at].1)
    }
}

/// Fills `{0}`, `{1}`, … in a catalog text.
pub fn fill(template: &str, args: &[&str]) -> String {
    // One pass and one string: what an argument holds (a name typed by a user, say) is
    // never read as a placeholder itself.
    let mut out =
        String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let placeholder = after.find('}').and_then(|close| {
            let digits = &after[..close];
            let index = digits
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| digits.parse::<usize>().ok())??;
            Some((close, args.get(index)?))
        });
        match placeholder {
            Some((close, arg)) => {
                out.push_str(arg);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `text` in lower case, for the letters of Latin-1: every letter of our texts and of the
/// domain names .no accepts. Not `str::to_lowercase`, whose Unicode tables would add
/// about 12 kB to the wasm for letters no input here can keep (the validation refuses them).
pub fn lower_case(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A time as the server writes it, "22.11.2026 kl. 14:05", in `lang`: English reads the
/// "kl." as "at". (The server formats times once, in Norwegian time, for every reader.)
pub fn time_text(server_time: &str, lang: Lang) -> String {
    match lang {
        Lang::Nb | Lang::Nn => server_time.to_owned(),
        Lang::En => server_time.replace(" kl. ", " at "),
    }
}

/// The catalog. Wording comes from NHN's own guides (seeds) where they have it.
pub mod t {
    use super::Text;

    macro_rules! texts {
        ($($name:ident = $nb:literal, $nn:literal, $en:literal;)*) => {
            $(pub const $name: Text = Text::new($nb, $nn, $en);)*
            /// Every text of the catalog (for the tests that read them all).
            pub const ALL: &[Text] = &[$($name),*];
        };
    }

    texts! {
        // The customer centre's back office (/kundesenter)
        KS_TITLE = "Kundesenteret", "Kundesenteret", "Customer centre";
        KS_QUEUE = "Bestillinger til behandling", "Bestillingar til behandling", "Orders to handle";
        KS_LOGIN_TITLE = "Testinnlogging for kundesenteret", "Testinnlogging for kundesenteret", "Test login for the customer centre";
        KS_LOGIN_NOTE = "Bare for utvikling og test: ingen ekte identitet, ingen identitetstilbyder.", "Berre for utvikling og test: ingen ekte identitet, ingen identitetstilbydar.", "For development and testing only: no real identity, no identity provider.";
        KS_LOGIN_FAILED = "Innloggingen i kundesenteret mislyktes. Prøv igjen.", "Innlogginga i kundesenteret mislukkast. Prøv igjen.", "Logging in to the customer centre failed. Try again.";
        KS_LOGIN_NO_ROLE = "Du er logget inn, men har ingen rolle i kundesenteret. Be lederen din om tilgang.", "Du er logga inn, men har inga rolle i kundesenteret. Be leiaren din om tilgang.", "You are logged in but have no role in the customer centre. Ask your manager for access.";
        KS_NAME = "Navn", "Namn", "Name";
        KS_ROLE = "Rolle", "Rolle", "Role";
        KS_ROLE_SAKSBEHANDLER = "Saksbehandler", "Sakshandsamar", "Case handler";
        KS_ROLE_LEDER = "Leder", "Leiar", "Manager";
        KS_LOGIN = "Logg inn", "Logg inn", "Log in";
        KS_SEARCH = "Søk etter referansenummer, organisasjonsnummer eller navn", "Søk etter referansenummer, organisasjonsnummer eller namn", "Search by reference number, organisation number or name";
        KS_ALL = "Alle", "Alle", "All";
        KS_ASSIGNED = "Saker", "Saker", "Cases";
        KS_ASSIGNED_ME = "Mine saker", "Mine saker", "My cases";
        KS_ASSIGNED_NONE = "Ikke tildelt", "Ikkje tildelt", "Unassigned";
        KS_ONLY_OVERDUE = "Bare saker over svarfristen", "Berre saker over svarfristen", "Only cases past the answer time";
        KS_ORDER = "Rekkefølge", "Rekkjefølgje", "Order";
        KS_NEWEST = "Nyeste først", "Nyaste først", "Newest first";
        KS_OLDEST = "Eldste først", "Eldste først", "Oldest first";
        KS_SHOW = "Vis", "Vis", "Show";
        KS_NEXT = "Neste side", "Neste side", "Next page";
        KS_EMPTY = "Ingen bestillinger passer.", "Ingen bestillingar passar.", "No orders match.";
        KS_COL_ORG = "Virksomhet", "Verksemd", "Organisation";
        KS_COL_AGE = "Arbeidsdager", "Arbeidsdagar", "Working days";
        KS_COL_ASSIGNED = "Tildelt", "Tildelt", "Assigned to";
        KS_ON_TIME = "I rute", "I rute", "On time";
        KS_AT_RISK = "Svarfrist i dag", "Svarfrist i dag", "Due today";
        KS_LATE = "Over svarfristen", "Over svarfristen", "Past the answer time";
        KS_CASE_TITLE = "Sak {0}", "Sak {0}", "Case {0}";
        KS_TAKE = "Ta saken", "Ta saka", "Take the case";
        KS_NEW_STATUS = "Ny status", "Ny status", "New status";
        KS_REASON = "Begrunnelse til kunden", "Grunngiving til kunden", "Reason given to the customer";
        KS_REASON_HINT = "Kreves for Avvist og Trenger avklaring.", "Krevst for Avvist og Treng avklaring.", "Required for Rejected and Needs clarification.";
        KS_SAVE_STATUS = "Lagre status", "Lagre status", "Save status";
        KS_FINAL = "Saken er avsluttet.", "Saka er avslutta.", "The case is closed.";
        KS_HISTORY = "Historikk", "Historikk", "History";
        KS_ORDERED_BY = "Bestilt av", "Bestilt av", "Ordered by";
        KS_ANSWERS = "Svarene", "Svara", "The answers";
        KS_BACK = "Tilbake til køen", "Tilbake til køen", "Back to the queue";
        KS_NOBODY = "Ingen", "Ingen", "Nobody";
        KS_ANSWER_TIME = "Svarfrist", "Svarfrist", "Answer time";
        KS_COL_ORGNR = "Organisasjonsnummer", "Organisasjonsnummer", "Organisation number";
        KS_EXPORT = "Last ned som CSV", "Last ned som CSV", "Download as CSV";
        KS_EV_TAKEN = "Tok saken", "Tok saka", "Took the case";
        KS_EV_VIEWED = "Åpnet saken", "Opna saka", "Opened the case";
        KS_EV_STATUS = "Endret status", "Endra status", "Changed the status";
        KS_EV_REASON = "Begrunnelse til kunden:", "Grunngiving til kunden:", "Reason given to the customer:";
        KS_EV_NOTE = "Intern merknad:", "Intern merknad:", "Internal note:";
        KS_EV_REPLY = "Svar til kunden:", "Svar til kunden:", "Reply to the customer:";
        KS_EV_ANSWER = "Svar fra kunden:", "Svar frå kunden:", "Answer from the customer:";
        KS_NOTE = "Intern merknad (vises aldri for kunden)", "Intern merknad (blir aldri vist for kunden)", "Internal note (never shown to the customer)";
        KS_ADD_NOTE = "Lagre merknad", "Lagre merknad", "Save note";
        KS_REPLY = "Svar til innsender (sendes på e-post)", "Svar til innsendar (blir sendt på e-post)", "Reply to the submitter (sent by e-mail)";
        KS_SEND_REPLY = "Send svar", "Send svar", "Send reply";
        KS_SB_HEADING = "ServiceBus", "ServiceBus", "ServiceBus";
        KS_SB_ASKED = "Bestillingen ber om aktivering av ServiceBus. Brukernavnet sendes på e-post til {0}, passordet på SMS til {1}.", "Bestillinga ber om aktivering av ServiceBus. Brukarnamnet blir sendt på e-post til {0}, passordet på SMS til {1}.", "The order asks for ServiceBus to be activated. The username goes by e-mail to {0}, the password by SMS to {1}.";
        KS_SB_ACTIVATE = "Aktiver ServiceBus", "Aktiver ServiceBus", "Activate ServiceBus";
        KS_SB_DONE = "Aktivert {0} av {1}. Brukernavn: {2}.", "Aktivert {0} av {1}. Brukarnamn: {2}.", "Activated {0} by {1}. Username: {2}.";
        KS_EV_ACTIVATED = "Aktiverte ServiceBus:", "Aktiverte ServiceBus:", "Activated ServiceBus:";
        KS_EV_EXPORTED = "Lastet ned køen som CSV:", "Lasta ned køen som CSV:", "Downloaded the queue as CSV:";
        KS_REGISTRY = "Enhetsregisteret", "Einingsregisteret", "The Central Coordinating Register";
        KS_REGISTRY_NONE = "Enhetsregisteret svarer ikke nå, eller kjenner ikke lenger enheten.", "Einingsregisteret svarar ikkje no, eller kjenner ikkje lenger eininga.", "The Central Coordinating Register does not answer now, or no longer knows the unit.";
        KS_EV_DOWNLOADED = "Lastet ned:", "Lasta ned:", "Downloaded:";
        KS_EV_ASSIGNED = "Tildelte saken til", "Tildelte saka til", "Assigned the case to";
        KS_ASSIGN = "Tildel saken til", "Tildel saka til", "Assign the case to";
        KS_ASSIGN_SAVE = "Tildel", "Tildel", "Assign";
        KS_NAV = "Kundesenteret", "Kundesenteret", "Customer centre";
        KS_SIGNED_IN_AS = "Logget inn som {0} ({1})", "Logga inn som {0} ({1})", "Logged in as {0} ({1})";
        KS_NUMBERS = "Tall for perioden", "Tal for perioden", "Numbers for the period";
        KS_AUDIT = "Revisjonslogg", "Revisjonslogg", "Audit log";
        KS_AUDIT_INTRO = "Alle handlinger kundesenterets ansatte har gjort, nyeste først. Loggen kan ikke endres.", "Alle handlingar dei tilsette i kundesenteret har gjort, nyaste først. Loggen kan ikkje endrast.", "Every action the customer centre's staff have taken, newest first. The log cannot be changed.";
        KS_COL_WHEN = "Tidspunkt", "Tidspunkt", "Time";
        KS_COL_WHO = "Hvem", "Kven", "Who";
        KS_COL_WHAT = "Hva", "Kva", "What";
        KS_COL_CASE = "Sak", "Sak", "Case";
        KS_FROM = "Fra og med", "Frå og med", "From";
        KS_TO = "Til og med", "Til og med", "To";
        KS_ORDERS = "Bestillinger", "Bestillingar", "Orders";
        KS_TOTAL = "Alle tjenester", "Alle tenester", "All services";
        KS_FIRST_ANSWER = "Til første svar", "Til første svar", "To first answer";
        KS_TO_DONE = "Til fullført", "Til fullført", "To completed";
        KS_MEDIAN = "median", "median", "median";
        KS_P90 = "90. persentil", "90. persentil", "90th percentile";
        KS_DAYS_NOTE = "Tid i arbeidsdager (helg og helligdager teller ikke). Første svar er et svar, et spørsmål eller en avgjørelse kunden får.", "Tid i arbeidsdagar (helg og heilagdagar tel ikkje). Første svar er eit svar, eit spørsmål eller ei avgjerd kunden får.", "Time in working days (weekends and public holidays do not count). The first answer is a reply, a question or a decision the customer gets.";
        KS_NO_ORDERS = "Ingen bestillinger i perioden.", "Ingen bestillingar i perioden.", "No orders in the period.";
        KS_SB_DETAIL = "brukernavn {0} sendt på e-post til {1}, passord på SMS til {2}", "brukarnamn {0} sendt på e-post til {1}, passord på SMS til {2}", "username {0} sent by e-mail to {1}, password by SMS to {2}";
        CONV_TITLE = "Bestilling {0}", "Bestilling {0}", "Order {0}";
        CONV_HEADING = "Meldinger fra kundesenteret", "Meldingar frå kundesenteret", "Messages from the customer centre";
        CONV_NONE = "Ingen meldinger ennå.", "Ingen meldingar enno.", "No messages yet.";
        CONV_ANSWER = "Ditt svar til kundesenteret", "Svaret ditt til kundesenteret", "Your answer to the customer centre";
        CONV_SEND = "Send svar", "Send svar", "Send reply";
        CONV_SENT = "Svaret er sendt. Saken er tilbake hos kundesenteret.", "Svaret er sendt. Saka er tilbake hos kundesenteret.", "Your answer has been sent. The case is back with the customer centre.";
        CONV_OPEN = "Se meldinger", "Sjå meldingar", "See messages";
        // Frame
        APP_TITLE = "Skjema og avtaler", "Skjema og avtalar", "Forms and agreements";
        SKIP_TO_MAIN = "Hopp til hovedinnhold", "Hopp til hovudinnhaldet", "Skip to main content";
        FOOTER_QUESTIONS = "Har du spørsmål?", "Har du spørsmål?", "Any questions?";
        FOOTER_CONTACT = "tlf 24 20 00 00 | kundesenter@nhn.no", "tlf 24 20 00 00 | kundesenter@nhn.no", "phone +47 24 20 00 00 | kundesenter@nhn.no";
        LANGUAGE = "Språk", "Språk", "Language";
        LANGUAGE_FAILED = "Språket kunne ikke hentes. Sjekk nettforbindelsen og prøv igjen.", "Språket kunne ikkje hentast. Sjekk nettsambandet og prøv igjen.", "The language could not be loaded. Check your connection and try again.";
        TITLE_ERROR_PREFIX = "Feil: ", "Feil: ", "Error: ";
        LOADING = "Laster …", "Lastar …", "Loading …";
        NOT_FOUND_TITLE = "Fant ikke siden", "Fann ikkje sida", "Page not found";
        NOT_FOUND_BODY = "Lenken kan være feil, eller siden kan være flyttet.", "Lenkja kan vere feil, eller sida kan vere flytta.", "The link may be wrong, or the page may have moved.";
        TO_FRONT_PAGE = "Til forsiden", "Til framsida", "To the front page";
        NETWORK_ERROR = "Fikk ikke kontakt med tjenesten. Sjekk nettforbindelsen og prøv igjen. Det du har fylt inn er tatt vare på.", "Fekk ikkje kontakt med tenesta. Sjekk nettsambandet og prøv igjen. Det du har fylt inn, er teke vare på.", "Could not reach the service. Check your connection and try again. What you entered has been kept.";
        SERVER_ERROR = "Noe gikk galt hos oss. Prøv igjen om litt. Det du har fylt inn er tatt vare på.", "Noko gjekk gale hos oss. Prøv igjen om litt. Det du har fylt inn, er teke vare på.", "Something went wrong on our side. Try again shortly. What you entered has been kept.";

        // Landing and login (seed 000)
        LOGIN_TITLE = "Logg inn for å akseptere", "Logg inn for å akseptere", "Log in to accept";
        LOGIN_STEP_1 = "Logg inn med ID-porten", "Logg inn med ID-porten", "Log in with ID-porten";
        LOGIN_STEP_2 = "Bekreft organisasjon", "Stadfest organisasjon", "Confirm organisation";
        LOGIN_STEP_3 = "Fyll ut et eventuelt skjema", "Fyll ut eit eventuelt skjema", "Fill in any form";
        LOGIN_STEP_4 = "Les gjennom og aksept", "Les gjennom og aksept", "Read and accept";
        LOGIN_STEP_5 = "Kvittering", "Kvittering", "Receipt";
        WELCOME_TITLE = "NHN Avtaleaksept", "NHN Avtaleaksept", "NHN agreement acceptance";
        WELCOME_BODY = "Velkommen til NHN avtaleaksept. Her vil du kunne gå gjennom stegene for å akseptere avtaler og bruksvilkår gjennom NHN sin Kundeportal. Husk at aksept kan kun gis av den i bedriften som har myndighet til det (prokura).", "Velkomen til NHN avtaleaksept. Her kan du gå gjennom stega for å akseptere avtalar og bruksvilkår gjennom Kundeportalen til NHN. Hugs at aksept berre kan givast av den i bedrifta som har mynde til det (prokura).", "Welcome to NHN agreement acceptance. Here you go through the steps to accept agreements and terms of use in NHN's customer portal. Remember that only the person in the organisation with authority (procuration) may accept.";
        LOGIN_BUTTON = "Logg inn med ID-porten", "Logg inn med ID-porten", "Log in with ID-porten";

        // Login failures (ID-porten callback)
        LOGIN_FAILED_TITLE = "Innloggingen ble ikke fullført", "Innlogginga vart ikkje fullført", "The login was not completed";
        LOGIN_FAILED_STATE = "Innloggingsforespørselen er ukjent, allerede brukt eller utløpt. Start innloggingen på nytt.", "Innloggingsførespurnaden er ukjend, allereie brukt eller gått ut. Start innlogginga på nytt.", "The login request is unknown, already used or expired. Start the login again.";
        LOGIN_FAILED_ISSUER = "Svaret kom ikke fra ID-porten. Start innloggingen på nytt.", "Svaret kom ikkje frå ID-porten. Start innlogginga på nytt.", "The answer did not come from ID-porten. Start the login again.";
        LOGIN_FAILED_EXCHANGE = "ID-porten godtok ikke innloggingen. Start innloggingen på nytt.", "ID-porten godtok ikkje innlogginga. Start innlogginga på nytt.", "ID-porten did not accept the login. Start the login again.";
        LOGIN_FAILED_TOKEN = "Vi kunne ikke bekrefte innloggingen fra ID-porten. Start innloggingen på nytt.", "Vi kunne ikkje stadfeste innlogginga frå ID-porten. Start innlogginga på nytt.", "We could not verify the login from ID-porten. Start the login again.";
        LOGIN_FAILED_LEVEL = "Innloggingen har for lavt sikkerhetsnivå. Logg inn med en elektronisk ID på nivå betydelig eller høyt, for eksempel BankID eller MinID.", "Innlogginga har for lågt sikkerheitsnivå. Logg inn med ein elektronisk ID på nivå betydeleg eller høgt, til dømes BankID eller MinID.", "The login's security level is too low. Log in with an electronic ID at level substantial or high, such as BankID or MinID.";
        LOGIN_FAILED_PERSON = "ID-porten sendte ikke et gyldig fødselsnummer og navn.", "ID-porten sende ikkje eit gyldig fødselsnummer og namn.", "ID-porten did not send a valid national identity number and name.";
        LOGIN_FAILED_CANCELLED = "Innloggingen ble avbrutt.", "Innlogginga vart avbroten.", "The login was cancelled.";
        LOGIN_TRY_AGAIN = "Logg inn på nytt", "Logg inn på nytt", "Log in again";

        // Built-in test identity provider
        TEST_LOGIN_TITLE = "Testinnlogging", "Testinnlogging", "Test login";
        TEST_LOGIN_WARNING = "Dette er en testinnlogging for utvikling og test, ikke ID-porten. Bruk bare syntetiske testpersoner.", "Dette er ei testinnlogging for utvikling og test, ikkje ID-porten. Bruk berre syntetiske testpersonar.", "This is a test login for development and testing, not ID-porten. Use synthetic test persons only.";
        TEST_LOGIN_EID = "Velg elektronisk ID", "Vel elektronisk ID", "Choose electronic ID";
        TEST_LOGIN_FNR = "Fødselsnummer (syntetisk testperson)", "Fødselsnummer (syntetisk testperson)", "National identity number (synthetic test person)";
        TEST_LOGIN_FNR_HINT = "11 siffer, for eksempel 08908834756.", "11 siffer, til dømes 08908834756.", "11 digits, for example 08908834756.";
        TEST_LOGIN_NAME = "Navn", "Namn", "Name";
        TEST_LOGIN_SUBMIT = "Logg inn", "Logg inn", "Log in";
        EID_MINID = "MinID", "MinID", "MinID";
        EID_BANKID = "BankID", "BankID", "BankID";
        EID_BANKID_MOBIL = "BankID på mobil", "BankID på mobil", "BankID on mobile";
        EID_BUYPASS_KORT = "Buypass ID på smartkort", "Buypass ID på smartkort", "Buypass ID on smart card";
        EID_BUYPASS_MOBIL = "Buypass ID i mobil", "Buypass ID i mobil", "Buypass ID in mobile";
        EID_COMMFIDES = "Commfides", "Commfides", "Commfides";
        EID_ACCOUNT = "brukernavn og passord (kundeportalen)", "brukarnamn og passord (kundeportalen)", "username and password (customer portal)";
        LEVEL_SUBSTANTIAL = "betydelig", "betydeleg", "substantial";
        LEVEL_HIGH = "høyt", "høgt", "high";
        LEVEL_TEST = "testinnlogging, ikke et ID-porten-nivå", "testinnlogging, ikkje eit ID-porten-nivå", "test login, not an ID-porten level";
        LEVEL_NONE = "ingen eID", "ingen eID", "no eID";

        // The five steps (seed 000)
        STEP_LOGGED_IN = "Du er innlogget som {0}", "Du er innlogga som {0}", "You are logged in as {0}";
        STEP_CHOOSE_ORG = "Søk opp og velg din virksomhet", "Søk opp og vel verksemda di", "Find and choose your organisation";
        STEP_ACTING_FOR = "Du aksepterer på vegne av {0}", "Du aksepterer på vegner av {0}", "You accept on behalf of {0}";
        STEP_FILL_FORM = "Fyll ut skjema", "Fyll ut skjema", "Fill in the form";
        STEP_READ_ACCEPT = "Les gjennom og aksepter avtaledokumenter", "Les gjennom og aksepter avtaledokument", "Read and accept the agreement documents";
        STEP_RECEIPT = "Kvittering", "Kvittering", "Receipt";
        STEP_CHECK_SEND = "Se over og send inn", "Sjå over og send inn", "Check and send";
        STEP_DONE = "fullført", "fullført", "completed";
        STEP_ANNOUNCE = "Steg {0} av 5: {1}", "Steg {0} av 5: {1}", "Step {0} of 5: {1}";
        DRAFT_SAVED = "Svarene er lagret som utkast kl. {0}.", "Svara er lagra som utkast kl. {0}.", "Your answers were saved as a draft at {0}.";
        PROGRESS_LABEL = "Steg i bestillingen", "Steg i bestillinga", "Steps of the order";
        BACK = "Tilbake", "Tilbake", "Back";

        // Step 2
        ORG_LABEL = "Org. nr. eller virksomhetsnummer", "Org. nr. eller verksemdsnummer", "Organisation or enterprise number";
        ORG_HINT = "Skriv inn et gyldig organisasjons- eller virksomhetsnummer for å søke.", "Skriv inn eit gyldig organisasjons- eller verksemdsnummer for å søkje.", "Enter a valid organisation or enterprise number to search.";
        ORG_SEARCH = "Søk", "Søk", "Search";
        ORG_NOT_FOUND = "Fant ingen virksomhet med dette nummeret i Enhetsregisteret.", "Fann inga verksemd med dette nummeret i Einingsregisteret.", "No organisation with this number in the Central Coordinating Register.";
        ORG_CONTINUE = "Gå videre", "Gå vidare", "Continue";
        ORG_AUTHORITY = "Husk at aksept kan kun gis av den i virksomheten som har myndighet til det (prokura, signaturrett eller daglig leder).", "Hugs at aksept berre kan givast av den i verksemda som har mynde til det (prokura, signaturrett eller dagleg leiar).", "Remember that only a person in the organisation with authority (procuration, signing rights or general manager) may accept.";

        // Step 3
        FORM_SEND = "Send", "Send", "Send";
        FORM_OPTIONAL = "Valgfritt", "Valfritt", "Optional";
        FORM_ADD_ANOTHER = "Legg til en til", "Legg til ein til", "Add another";
        FORM_REMOVE = "Fjern", "Fjern", "Remove";
        FORM_REMOVE_ITEM = "Fjern {0} nummer {1}", "Fjern {0} nummer {1}", "Remove {0} number {1}";
        HER_ID_NAMED = "HER-id {0}: {1}", "HER-id {0}: {1}", "HER-id {0}: {1}";
        HER_ID_UNCHECKED = "Adresseregisteret svarer ikke nå, så HER-iden kan ikke kontrolleres. Du kan sende bestillingen likevel: kundesenteret kontrollerer den.", "Adresseregisteret svarar ikkje no, så HER-iden kan ikkje kontrollerast. Du kan sende bestillinga likevel: kundesenteret kontrollerer han.", "The Address Register is not answering now, so the HER-id cannot be checked. You can send the order anyway: the customer centre will check it.";
        HER_ID_FLAG = "Adresseregisteret svarte ikke da bestillingen ble sendt: HER-id {0} er ikke kontrollert.", "Adresseregisteret svarte ikkje då bestillinga vart send: HER-id {0} er ikkje kontrollert.", "The Address Register did not answer when the order was sent: HER-id {0} is not checked.";
        ERROR_SUMMARY_TITLE = "For å gå videre må du rette opp følgende feil:", "For å gå vidare må du rette opp desse feila:", "To continue, correct the following:";

        // Step 4
        CHECK_ANSWERS = "Se over svarene", "Sjå over svara", "Check your answers";
        CHANGE = "Endre", "Endre", "Change";
        CHANGE_ANSWER = "Endre {0}", "Endre {0}", "Change {0}";
        SWITCH_ON_LABEL = "På", "På", "On";
        SWITCH_OFF_LABEL = "Av", "Av", "Off";
        ACCEPT_TITLE = "Les gjennom og aksepter {0}", "Les gjennom og aksepter {0}", "Read and accept {0}";
        ACCEPT_DOWNLOAD_HINT = "Du kan laste ned dokumentene ved å trykke på ikonet til høyre for tittelen.", "Du kan laste ned dokumenta ved å trykkje på ikonet til høgre for tittelen.", "You can download the documents by pressing the icon to the right of the title.";
        ACCEPT_DOWNLOAD = "Last ned {0} (PDF)", "Last ned {0} (PDF)", "Download {0} (PDF)";
        ACCEPT_CHECKBOX = "Jeg aksepterer innholdet i dokumentene.", "Eg aksepterer innhaldet i dokumenta.", "I accept the content of the documents.";
        ACCEPT_REQUIRED = "Du må krysse av for at du aksepterer innholdet i dokumentene.", "Du må krysse av for at du aksepterer innhaldet i dokumenta.", "You must tick that you accept the content of the documents.";
        ACCEPT_FINISH = "Fullfør", "Fullfør", "Finish";
        SUBMIT_CONFIRM = "Ved å gå videre sender du bestillingen til Norsk helsenett.", "Ved å gå vidare sender du bestillinga til Norsk helsenett.", "By continuing you send the order to Norsk helsenett.";
        ACCEPT_CONFIRM = "Ved å gå videre bekrefter du at du aksepterer innholdet i dokumentene, og at du er riktig person til å akseptere dette.", "Ved å gå vidare stadfestar du at du aksepterer innhaldet i dokumenta, og at du er rett person til å akseptere dette.", "By continuing you confirm that you accept the content of the documents and that you are the right person to accept them.";
        FORM_REJECTED = "Skjemaet har feil som må rettes. Svarene dine er tatt vare på.", "Skjemaet har feil som må rettast. Svara dine er tekne vare på.", "The form has errors to correct. Your answers have been kept.";

        // Step 5 (seed 000)
        DONE_TITLE = "Ferdig!", "Ferdig!", "Done!";
        DONE_REFERENCE = "Referansenummer", "Referansenummer", "Reference number";
        DONE_FORMS = "Følgende skjema ble levert:", "Dette skjemaet vart levert:", "The following form was delivered:";
        DONE_DOCUMENTS = "Følgende dokumenter ble signert:", "Desse dokumenta vart signerte:", "The following documents were signed:";
        DONE_FINISHED = "Du er ferdig.", "Du er ferdig.", "You are finished.";
        DONE_RECEIPT = "Vis kvittering", "Vis kvittering", "Show receipt";
        LOGOUT = "Logg ut", "Logg ut", "Log out";
        RESET_LOGIN = "Logg inn", "Logg inn", "Log in";
        NEXT_STEPS_TITLE = "Videre saksgang", "Vidare sakshandsaming", "What happens next";
        ALREADY_ACTIVE = "{0} er allerede aktiv for {1}. Du trenger ikke bestille på nytt; vil du endre noe, kontakt kundesenteret på telefon 24 20 00 00.", "{0} er allereie aktiv for {1}. Du treng ikkje bestille på nytt; vil du endre noko, kontakt kundesenteret på telefon 24 20 00 00.", "{0} is already active for {1}. You need not order it again; to change something, contact the customer centre on +47 24 20 00 00.";
        JUMP_TO_FINISH = "Gå ned til aksept og innsending", "Gå ned til aksept og innsending", "Go down to accept and submit";
        JUMP_TO_SIGNING = "Gå til signering", "Gå til signering", "Go to signing";
        RECEIPT_TO_ORDERS = "Til Mine bestillinger", "Til Mine bestillingar", "To My orders";
        LOGGED_OUT = "Du er logget ut.", "Du er logga ut.", "You are logged out.";

        // Receipt page
        RECEIPT_TITLE = "Kvittering for bestilling", "Kvittering for bestilling", "Order receipt";
        RECEIPT_SERVICE = "Tjeneste", "Teneste", "Service";
        RECEIPT_ORG = "Virksomhet", "Verksemd", "Organisation";
        RECEIPT_ORDERED_BY = "Bestilt av", "Bestilt av", "Ordered by";
        RECEIPT_SUBMITTED = "Sendt inn", "Sendt inn", "Submitted";
        RECEIPT_ANSWERS = "Svarene dine", "Svara dine", "Your answers";
        RECEIPT_DOCUMENTS = "Aksepterte dokumenter", "Aksepterte dokument", "Accepted documents";
        RECEIPT_DOCUMENT_LINE = "{0}, versjon {1}, SHA-256 {2}", "{0}, versjon {1}, SHA-256 {2}", "{0}, version {1}, SHA-256 {2}";
        ACCEPTED_BEFORE = "{0} er allerede akseptert av {1} {2} (for {3}). Det gjelder for alle virksomhetene under samme hovedenhet, så du trenger ikke akseptere på nytt.", "{0} er allereie akseptert av {1} {2} (for {3}). Det gjeld for alle verksemdene under same hovudeining, så du treng ikkje akseptere på nytt.", "{0} was already accepted by {1} on {2} (for {3}). It holds for every unit under the same main unit, so you need not accept it again.";
        RECEIPT_PDF = "Last ned kvitteringen (PDF)", "Last ned kvitteringa (PDF)", "Download the receipt (PDF)";
        RECEIPT_PRINT = "Skriv ut eller lagre som PDF", "Skriv ut eller lagre som PDF", "Print or save as PDF";
        RECEIPT_NOT_FOUND = "Fant ingen bestilling med dette referansenummeret.", "Fann inga bestilling med dette referansenummeret.", "No order with this reference number.";

        // Order confirmation e-mail (to the contact person given in the form)
        MAIL_STATUS_SUBJECT = "Ny status for bestillingen {0}", "Ny status for bestillinga {0}", "New status for the order {0}";
        MAIL_STATUS_BODY = "Hei!\n\nBestillingen {0} hos Norsk helsenett har fått ny status: {1}.\n\nLogg inn i kundeportalen og se Mine bestillinger for detaljer.\n\nHar du spørsmål? tlf 24 20 00 00 | kundesenter@nhn.no\n", "Hei!\n\nBestillinga {0} hos Norsk helsenett har fått ny status: {1}.\n\nLogg inn i kundeportalen og sjå Mine bestillingar for detaljar.\n\nHar du spørsmål? tlf 24 20 00 00 | kundesenter@nhn.no\n", "Hello,\n\nThe order {0} with Norsk helsenett has a new status: {1}.\n\nLog in to the customer portal and see My orders for the details.\n\nAny questions? phone +47 24 20 00 00 | kundesenter@nhn.no\n";
        MAIL_REPLY_SUBJECT = "Svar fra kundesenteret om bestillingen {0}", "Svar frå kundesenteret om bestillinga {0}", "A reply from the customer centre about the order {0}";
        MAIL_REPLY_BODY = "Hei!\n\nKundesenteret i Norsk helsenett har svart på bestillingen {0}:\n\n{1}\n\nHar du spørsmål? tlf 24 20 00 00 | kundesenter@nhn.no\n", "Hei!\n\nKundesenteret i Norsk helsenett har svart på bestillinga {0}:\n\n{1}\n\nHar du spørsmål? tlf 24 20 00 00 | kundesenter@nhn.no\n", "Hello,\n\nThe customer centre at Norsk helsenett has replied about the order {0}:\n\n{1}\n\nAny questions? phone +47 24 20 00 00 | kundesenter@nhn.no\n";
        MAIL_SB_SUBJECT = "ServiceBus er aktivert ({0})", "ServiceBus er aktivert ({0})", "ServiceBus is activated ({0})";
        MAIL_SB_BODY = "Hei!\n\nNorsk helsenett har aktivert ServiceBus for {0} (bestilling {1}).\n\nBrukernavn: {2}\n\nPassordet sendes på SMS til mobilnummeret som ble oppgitt i bestillingen.\n\nHar du spørsmål? tlf 24 20 00 00 | kundesenter@nhn.no\n", "Hei!\n\nNorsk helsenett har aktivert ServiceBus for {0} (bestilling {1}).\n\nBrukarnamn: {2}\n\nPassordet blir sendt på SMS til mobilnummeret som vart oppgitt i bestillinga.\n\nHar du spørsmål? tlf 24 20 00 00 | kundesenter@nhn.no\n", "Hello,\n\nNorsk helsenett has activated ServiceBus for {0} (order {1}).\n\nUsername: {2}\n\nThe password is sent by SMS to the mobile number given in the order.\n\nAny questions? phone +47 24 20 00 00 | kundesenter@nhn.no\n";
        SMS_SB_BODY = "Passord til ServiceBus ({0}): {1}\nBrukernavnet er sendt på e-post. Hilsen Norsk helsenett", "Passord til ServiceBus ({0}): {1}\nBrukarnamnet er sendt på e-post. Helsing Norsk helsenett", "ServiceBus password ({0}): {1}\nThe username has been sent by e-mail. Norsk helsenett";
        MAIL_ORDER_SUBJECT = "Bestilling mottatt: {0} ({1})", "Bestilling motteken: {0} ({1})", "Order received: {0} ({1})";
        MAIL_ORDER_BODY = "Hei!\n\nNorsk helsenett har mottatt bestillingen av {0} for {1}.\n\nReferansenummer: {2}\nSendt inn: {3} av {4}.\n\nVidere saksgang: Kundesenteret i NHN går gjennom opplysningene, og kontakter deg på denne adressen dersom noe må avklares. Saken behandles fortløpende, og svar sendes normalt i løpet av 1-2 dager.\n\nHar du spørsmål? tlf 24 20 00 00 | kundesenter@nhn.no\n", "Hei!\n\nNorsk helsenett har motteke bestillinga av {0} for {1}.\n\nReferansenummer: {2}\nSendt inn: {3} av {4}.\n\nVidare sakshandsaming: Kundesenteret i NHN går gjennom opplysningane og kontaktar deg på denne adressa dersom noko må avklarast. Saka blir behandla fortløpande, og svar blir normalt sendt i løpet av 1-2 dagar.\n\nHar du spørsmål? tlf 24 20 00 00 | kundesenter@nhn.no\n", "Hello,\n\nNorsk helsenett has received the order of {0} for {1}.\n\nReference number: {2}\nSubmitted: {3} by {4}.\n\nWhat happens next: NHN's customer centre reviews the information and contacts you at this address if anything needs clarifying. Cases are processed continuously; a reply is normally sent within 1-2 days.\n\nAny questions? phone +47 24 20 00 00 | kundesenter@nhn.no\n";

        // Customer-portal login (seed 001)
        PORTAL_LOGIN_TITLE = "Innlogging kundeportal", "Innlogging kundeportal", "Customer portal login";
        PORTAL_LOGIN_INTRO = "Brukernavn og passord for NHN kundeportal opprettes av NHN kundesenter. Ta kontakt på telefon 24 20 00 00 eller e-post kundesenter@nhn.no om du ikke har brukernavn og passord.", "Brukarnamn og passord for NHN kundeportal blir oppretta av NHN kundesenter. Ta kontakt på telefon 24 20 00 00 eller e-post kundesenter@nhn.no om du ikkje har brukarnamn og passord.", "Usernames and passwords for NHN's customer portal are created by NHN's customer centre. Call +47 24 20 00 00 or e-mail kundesenter@nhn.no if you do not have one.";
        PORTAL_USERNAME = "Brukernavn", "Brukarnamn", "Username";
        PORTAL_PASSWORD = "Passord", "Passord", "Password";
        PORTAL_REMEMBER = "Husk meg", "Hugs meg", "Remember me";
        PORTAL_REMEMBER_HINT = "Du forblir innlogget i opptil 8 timer uten aktivitet. Ikke bruk dette på en delt maskin.", "Du blir verande innlogga i opptil 8 timar utan aktivitet. Ikkje bruk dette på ei delt maskin.", "You stay logged in for up to 8 hours without activity. Do not use this on a shared computer.";
        PORTAL_LOGIN_SUBMIT = "Logg inn", "Logg inn", "Log in";
        PORTAL_FORGOT = "Glemt passordet?", "Gløymt passordet?", "Forgot your password?";
        PORTAL_QUESTIONS = "Har du spørsmål til innloggingen?", "Har du spørsmål om innlogginga?", "Questions about logging in?";
        PORTAL_OR_IDPORTEN = "Skal du akseptere avtaler for virksomheten? Logg inn med ID-porten.", "Skal du akseptere avtalar for verksemda? Logg inn med ID-porten.", "Accepting agreements for the organisation? Log in with ID-porten.";
        CODE_WHERE = "Hvor ønsker du å motta sikkerhetskode?", "Kvar ønskjer du å få sikkerheitskoden?", "Where do you want to receive the security code?";
        CODE_BY_SMS = "SMS", "SMS", "SMS";
        CODE_BY_EMAIL = "E-post", "E-post", "E-mail";
        CODE_SEND = "Send kode", "Send kode", "Send code";
        CODE_CONFIRM_TITLE = "Bekreft kode", "Stadfest kode", "Confirm code";
        CODE_SENT_TO = "Vi har sendt en sikkerhetskode til {0}. Koden gjelder i 5 minutter.", "Vi har sendt ein sikkerheitskode til {0}. Koden gjeld i 5 minutt.", "We have sent a security code to {0}. The code is valid for 5 minutes.";
        CODE_LABEL = "Sikkerhetskode", "Sikkerheitskode", "Security code";
        CODE_HINT = "6 siffer", "6 siffer", "6 digits";
        CODE_SUBMIT = "Send", "Send", "Send";
        CODE_RESEND = "Send ny kode", "Send ny kode", "Send a new code";
        CODE_START_OVER = "Innloggingen er utløpt. Logg inn på nytt.", "Innlogginga har gått ut. Logg inn på nytt.", "The login has expired. Log in again.";
        API_UNAUTHENTICATED = "Du er ikke logget inn.", "Du er ikkje logga inn.", "You are not logged in.";
        API_FORBIDDEN = "Du har ikke tilgang til dette.", "Du har ikkje tilgang til dette.", "You do not have access to this.";
        API_NOT_FOUND = "Fant ikke det du ba om.", "Fann ikkje det du bad om.", "What you asked for was not found.";
        API_REGISTRY_DOWN = "Enhetsregisteret svarer ikke akkurat nå. Prøv igjen om litt.", "Einingsregisteret svarar ikkje akkurat no. Prøv igjen om litt.", "Enhetsregisteret is not answering right now. Try again in a little while.";
        API_INTERNAL = "Noe gikk galt hos oss. Prøv igjen om litt.", "Noko gjekk gale hos oss. Prøv igjen om litt.", "Something went wrong on our side. Try again in a little while.";
        REQUEST_UNREADABLE = "Forespørselen kunne ikke leses. Last siden på nytt og prøv igjen.", "Førespurnaden kunne ikkje lesast. Last sida på nytt og prøv igjen.", "The request could not be read. Reload the page and try again.";
        REQUEST_WRONG_METHOD = "Denne adressen tar ikke imot forespørsler av denne typen.", "Denne adressa tek ikkje imot førespurnader av denne typen.", "This address does not take requests of this kind.";
        REQUEST_TOO_SLOW = "Forespørselen tok for lang tid. Prøv igjen.", "Førespurnaden tok for lang tid. Prøv igjen.", "The request took too long. Try again.";
        REQUEST_TOO_LARGE = "Forespørselen er for stor.", "Førespurnaden er for stor.", "The request is too large.";
        REQUEST_WRONG_TYPE = "Forespørselen har feil innholdstype.", "Førespurnaden har feil innhaldstype.", "The request has the wrong content type.";
        TOO_MANY_ATTEMPTS = "For mange mislykkede forsøk. Vent 15 minutter og prøv igjen, eller kontakt kundesenteret.", "For mange mislukka forsøk. Vent 15 minutt og prøv igjen, eller kontakt kundesenteret.", "Too many failed attempts. Wait 15 minutes and try again, or contact the customer centre.";
        CODE_MAIL_SUBJECT = "Sikkerhetskode for NHN kundeportal", "Sikkerheitskode for NHN kundeportal", "Security code for NHN's customer portal";
        CODE_MAIL_BODY = "Sikkerhetskoden din er {0}. Den gjelder i 5 minutter.\n\nHar du ikke prøvd å logge inn? Kontakt kundesenteret: tlf 24 20 00 00 | kundesenter@nhn.no\n", "Sikkerheitskoden din er {0}. Han gjeld i 5 minutt.\n\nHar du ikkje prøvd å logge inn? Kontakt kundesenteret: tlf 24 20 00 00 | kundesenter@nhn.no\n", "Your security code is {0}. It is valid for 5 minutes.\n\nDid you not try to log in? Contact the customer centre: phone +47 24 20 00 00 | kundesenter@nhn.no\n";
        FORGOT_TITLE = "Glemt passordet?", "Gløymt passordet?", "Forgot your password?";
        FORGOT_INTRO = "Skriv brukernavnet ditt. Vi sender en lenke for å lage nytt passord til e-postadressen som er registrert på kontoen.", "Skriv brukarnamnet ditt. Vi sender ei lenke for å lage nytt passord til e-postadressa som er registrert på kontoen.", "Enter your username. We send a link to make a new password to the e-mail address registered for the account.";
        FORGOT_SUBMIT = "Send lenke", "Send lenke", "Send link";
        FORGOT_SENT = "Hvis brukernavnet finnes, har vi sendt en lenke til e-postadressen som er registrert. Lenken gjelder i 30 minutter og kan brukes én gang.", "Viss brukarnamnet finst, har vi sendt ei lenke til e-postadressa som er registrert. Lenkja gjeld i 30 minutt og kan brukast éin gong.", "If the username exists, we have sent a link to the registered e-mail address. The link is valid for 30 minutes and can be used once.";
        RESET_MAIL_SUBJECT = "Nytt passord for NHN kundeportal", "Nytt passord for NHN kundeportal", "New password for NHN's customer portal";
        RESET_MAIL_BODY = "Noen (forhåpentligvis du) har bedt om nytt passord for {0}.\n\nLag nytt passord her innen 30 minutter:\n{1}\n\nHar du ikke bedt om dette, kan du se bort fra e-posten.\n", "Nokon (forhåpentleg du) har bede om nytt passord for {0}.\n\nLag nytt passord her innan 30 minutt:\n{1}\n\nHar du ikkje bede om dette, kan du sjå bort frå e-posten.\n", "Someone (hopefully you) asked for a new password for {0}.\n\nMake a new password here within 30 minutes:\n{1}\n\nIf you did not ask for this, ignore this e-mail.\n";
        RESET_TITLE = "Lag nytt passord", "Lag nytt passord", "Make a new password";
        RESET_PASSWORD = "Nytt passord", "Nytt passord", "New password";
        RESET_HINT = "Minst 12 tegn. Gjerne flere ord med mellomrom.", "Minst 12 teikn. Gjerne fleire ord med mellomrom.", "At least 12 characters. Several words with spaces work well.";
        RESET_SUBMIT = "Lagre passord", "Lagre passord", "Save password";
        RESET_DONE = "Passordet er endret. Logg inn med det nye passordet.", "Passordet er endra. Logg inn med det nye passordet.", "The password has been changed. Log in with the new password.";
        RESET_LINK_INVALID = "Lenken er ugyldig, brukt eller utløpt. Be om en ny lenke.", "Lenkja er ugyldig, brukt eller gått ut. Be om ei ny lenke.", "The link is invalid, used or expired. Ask for a new link.";
        TO_PORTAL_LOGIN = "Til innloggingen", "Til innlogginga", "To the login";

        // Customer portal
        PORTAL_TITLE = "Kundeportal", "Kundeportal", "Customer portal";
        PORTAL_ORG = "Virksomhet", "Verksemd", "Organisation";
        PORTAL_SWITCH_ORG = "Bytt virksomhet", "Byt verksemd", "Switch organisation";
        PORTAL_CONTACT = "Du er registrert kontaktperson for virksomheten.", "Du er registrert kontaktperson for verksemda.", "You are a registered contact person for the organisation.";
        PORTAL_NO_ORGS = "Kontoen din er ikke knyttet til noen virksomhet. Kontakt kundesenteret.", "Kontoen din er ikkje knytt til nokon verksemd. Kontakt kundesenteret.", "Your account is not linked to any organisation. Contact the customer centre.";
        PORTAL_ORDERS = "Bestillinger", "Bestillingar", "Orders";
        PORTAL_SERVICES = "Tjenester", "Tenester", "Services";
        PORTAL_ACTIVE = "Aktive tjenester", "Aktive tenester", "Active services";
        PORTAL_INACTIVE = "Inaktive tjenester", "Inaktive tenester", "Inactive services";
        PORTAL_ORDERED = "Bestilt, under behandling hos kundesenteret", "Bestilt, under behandling hos kundesenteret", "Ordered, being handled by the customer centre";
        PORTAL_NO_ACTIVE = "Ingen aktive tjenester ennå.", "Ingen aktive tenester enno.", "No active services yet.";
        PORTAL_NO_ORDERS = "Virksomheten har ingen bestillinger ennå.", "Verksemda har ingen bestillingar enno.", "The organisation has no orders yet.";
        TERMS_NEED_IDPORTEN = "Denne tjenesten har bruksvilkår som må aksepteres av en person med myndighet i virksomheten (daglig leder, signaturrett eller prokura). Logg inn med ID-porten for å bestille den.", "Denne tenesta har bruksvilkår som må aksepterast av ein person med mynde i verksemda (dagleg leiar, signaturrett eller prokura). Logg inn med ID-porten for å bestille ho.", "This service has terms of use that must be accepted by a person with authority in the organisation (general manager, signing rights or procuration). Log in with ID-porten to order it.";
        PORTAL_MY_ORGS = "Dine virksomheter", "Verksemdene dine", "Your organisations";

        // Customer portal pages (SPEC §4)
        NAV_LABEL = "Kundeportalen", "Kundeportalen", "The customer portal";
        PORTAL_APP_TITLE = "Kundeportal", "Kundeportal", "Customer portal";
        PORTAL_LOGIN_NEEDED = "Logg inn for å bruke kundeportalen.", "Logg inn for å bruke kundeportalen.", "Log in to use the customer portal.";
        PORTAL_SESSION_ENDED = "Økten din er utløpt. Logg inn på nytt for å fortsette.", "Økta di har gått ut. Logg inn på nytt for å halde fram.", "Your session has expired. Log in again to continue.";
        PORTAL_LOGIN_PASSWORD = "Logg inn med brukernavn og passord", "Logg inn med brukarnamn og passord", "Log in with username and password";
        ACCOUNT_NAME = "Navn", "Namn", "Name";
        ACCOUNT_LOGIN = "Innlogging", "Innlogging", "Login";
        ACCOUNT_IDPORTEN = "ID-porten", "ID-porten", "ID-porten";
        ACCOUNT_PORTAL = "Brukernavn, passord og sikkerhetskode", "Brukarnamn, passord og sikkerheitskode", "Username, password and security code";
        ACCOUNT_NEW_PASSWORD = "Bytt passord", "Byt passord", "Change password";
        NAV_ACCOUNT = "Min konto", "Kontoen min", "My account";
        NAV_CUSTOMER = "Kundeinformasjon", "Kundeinformasjon", "Customer information";
        NAV_DOCUMENTS = "Dokumentoversikt", "Dokumentoversikt", "Documents";
        NAV_SERVICES = "Tjenester", "Tenester", "Services";
        NAV_ORDERS = "Mine bestillinger", "Mine bestillingar", "My orders";
        NAV_HELP = "Brukerstøtte", "Brukarstøtte", "Support";
        ORDERS_REFERENCE = "Referanse", "Referanse", "Reference";
        ORDERS_SERVICE = "Tjeneste", "Teneste", "Service";
        ORDERS_DATE = "Sendt inn", "Sendt inn", "Submitted";
        ORDERS_BY = "Bestilt av", "Bestilt av", "Ordered by";
        ORDERS_STATUS = "Status", "Status", "Status";
        STATUS_MOTTATT = "Mottatt", "Motteken", "Received";
        STATUS_UNDER_BEHANDLING = "Under behandling", "Under behandling", "In progress";
        STATUS_TRENGER_AVKLARING = "Trenger avklaring", "Treng avklaring", "Needs clarification";
        STATUS_FULLFORT = "Fullført", "Fullført", "Completed";
        STATUS_AVVIST = "Avvist", "Avvist", "Rejected";
        DOCS_ACCEPTED = "Aksepterte og signerte dokumenter", "Aksepterte og signerte dokument", "Accepted and signed documents";
        DOCS_ATTACHMENTS = "Vedlegg sendt med bestillinger", "Vedlegg sende med bestillingar", "Attachments sent with orders";
        DOCS_NONE = "Ingen dokumenter ennå.", "Ingen dokument enno.", "No documents yet.";
        DOCS_ACCEPTED_BY = "Versjon {0}, akseptert av {1} {2}, bestilling {3}", "Versjon {0}, akseptert av {1} {2}, bestilling {3}", "Version {0}, accepted by {1} on {2}, order {3}";
        DOCS_CHECKSUM = "Sjekksum (SHA-256): {0}", "Sjekksum (SHA-256): {0}", "Checksum (SHA-256): {0}";
        DOCS_ATTACHMENT_OF = "{0} kB, bestilling {1}", "{0} kB, bestilling {1}", "{0} kB, order {1}";
        CUSTOMER_ORGNR = "Organisasjonsnummer", "Organisasjonsnummer", "Organisation number";
        CUSTOMER_FORM = "Organisasjonsform", "Organisasjonsform", "Organisation form";
        CUSTOMER_ADDRESS = "Forretningsadresse", "Forretningsadresse", "Business address";
        CUSTOMER_PARENT = "Hovedenhet", "Hovudeining", "Main unit";
        CUSTOMER_ROLES = "Roller med myndighet", "Roller med mynde", "Roles with authority";
        CUSTOMER_SOURCE = "Opplysningene er hentet fra Enhetsregisteret. Endringer meldes til Brønnøysundregistrene.", "Opplysningane er henta frå Einingsregisteret. Endringar blir melde til Brønnøysundregistera.", "The information comes from the Central Coordinating Register. Changes are reported to the Brønnøysund Register Centre.";
        ROLE_DAGLIG_LEDER = "Daglig leder", "Dagleg leiar", "General manager";
        ROLE_SIGNATUR = "Signaturrett", "Signaturrett", "Signing rights";
        ROLE_PROKURA = "Prokura", "Prokura", "Procuration";
        HELP_SEARCH = "Søk i hjelpesidene", "Søk i hjelpesidene", "Search the help pages";
        HELP_HITS = "{0} treff", "{0} treff", "{0} results";
        HELP_NO_HITS = "Ingen treff. Kontakt kundesenteret på telefon 24 20 00 00 eller kundesenter@nhn.no.", "Ingen treff. Kontakt kundesenteret på telefon 24 20 00 00 eller kundesenter@nhn.no.", "No results. Contact the customer centre on +47 24 20 00 00 or kundesenter@nhn.no.";
        ATTACH_CHOOSE = "Velg fil", "Vel fil", "Choose file";
        ATTACH_UPLOADING = "Laster opp …", "Lastar opp …", "Uploading …";
        ATTACH_DONE = "Lastet opp: {0}", "Lasta opp: {0}", "Uploaded: {0}";
        ATTACH_REMOVE = "Fjern filen", "Fjern fila", "Remove the file";
        GROUP_ADD = "Legg til {0}", "Legg til {0}", "Add {0}";
        GROUP_ITEM = "{0} {1}", "{0} {1}", "{0} {1}";
        REPLACED_GO = "Gå til {0}", "Gå til {0}", "Go to {0}";
        FORM_MISSING = "Dette mangler før du kan gå videre:", "Dette manglar før du kan gå vidare:", "This is missing before you can continue:";
        PT_TITLE = "Klargjøring til Persontjenesten", "Klargjering til Persontenesta", "Getting ready for the Person Service";
        PT_INTRO = "Kort oppsummert: Oppgradering – vilkår – brannmur – delegering av rettigheter. Huk av etter hvert; listen lagres for virksomheten.", "Kort oppsummert: Oppgradering – vilkår – brannmur – delegering av rettar. Kryss av etter kvart; lista blir lagra for verksemda.", "In short: Upgrade – terms – firewall – delegation of rights. Tick as you go; the list is saved for the organisation.";
        READY_OPPGRADERING = "Journalsystemet er oppgradert (CGM Journal v.142)", "Journalsystemet er oppgradert (CGM Journal v.142)", "The record system is upgraded (CGM Journal v.142)";
        READY_VILKAR = "Vilkår Persontjenesten er signert (én gang for hele kommunen)", "Vilkår Persontenesta er signerte (éin gong for heile kommunen)", "The Person Service terms are signed (once for the whole municipality)";
        READY_BRANNMUR = "Brannmuren er åpnet for helseid-sts.nhn.no, api.selvbetjening.nhn.no og api.persontjenesten.nhn.no på port 443, både på terminalserver/klient og applikasjonsserver", "Brannmuren er opna for helseid-sts.nhn.no, api.selvbetjening.nhn.no og api.persontjenesten.nhn.no på port 443, både på terminalserver/klient og applikasjonsserver", "The firewall is open to helseid-sts.nhn.no, api.selvbetjening.nhn.no and api.persontjenesten.nhn.no on port 443, on both terminal server/client and application server";
        READY_DELEGERING = "Rettigheter er delegert til den som gjør oppsettet av HelseID", "Rettar er delegerte til den som gjer oppsettet av HelseID", "Rights are delegated to whoever sets up HelseID";
        READY_BY_AT = "{0}, {1}", "{0}, {1}", "{0}, {1}";
        READY_TERMS_BY = "Akseptert av {0}", "Akseptert av {0}", "Accepted by {0}";
        READY_APPROVED_BY = "Godkjent av {0}", "Godkjend av {0}", "Approved by {0}";
        PT_ORDER = "Bestill tilgang til taushetsbelagte opplysninger", "Bestill tilgang til opplysningar underlagde teieplikt", "Order access to confidential data";
        ACCESS_TITLE = "Be om tilgang", "Be om tilgang", "Request access";
        ACCESS_INTRO = "Forespørselen må behandles av tilgangsstyrer hos virksomheten. Du vil motta et varsel når forespørselen er behandlet og tilganger er på plass.", "Førespurnaden må behandlast av tilgangsstyrar hos verksemda. Du får eit varsel når førespurnaden er behandla og tilgangane er på plass.", "The request must be handled by an access manager at the organisation. You will be notified when it has been handled and the access is in place.";
        ACCESS_TILGANGSSTYRER = "Velg tilgangsstyrer", "Vel tilgangsstyrar", "Choose the access manager";
        ACCESS_SEND = "Send forespørsel", "Send førespurnad", "Send the request";
        ACCESS_NO_HOLDERS = "Enhetsregisteret oppgir ingen med rolle som gir myndighet (daglig leder, signaturrett eller prokura) for denne virksomheten, så her er det ingen tilgangsstyrer å sende forespørselen til. Be den som styrer tilganger hos dere om å delegere rettighetene, eller kontakt kundesenteret på telefon 24 20 00 00, så hjelper vi dere videre.", "Einingsregisteret oppgir ingen med rolle som gir mynde (dagleg leiar, signaturrett eller prokura) for denne verksemda, så her er det ingen tilgangsstyrar å sende førespurnaden til. Be den som styrer tilgangar hos dykk om å delegere rettane, eller kontakt kundesenteret på telefon 24 20 00 00, så hjelper vi dykk vidare.", "Enhetsregisteret lists nobody with a role that gives authority (general manager, signing rights or procuration) for this organisation, so there is no access manager to send the request to here. Ask whoever manages access at your organisation to delegate the rights, or contact the customer centre on +47 24 20 00 00 and we will help you on.";
        ACCESS_NO_HOLDERS_MAIL = "Skriv til kundesenter@nhn.no om tilgangsstyrer", "Skriv til kundesenter@nhn.no om tilgangsstyrar", "Write to kundesenter@nhn.no about the access manager";
        ACCESS_NO_HOLDERS_SUBJECT = "Tilgangsstyrer for Persontjenesten", "Tilgangsstyrar for Persontenesta", "Access manager for Persontjenesten";
        ACCESS_SENT = "Forespørselen er sendt til {0}.", "Førespurnaden er sendt til {0}.", "The request has been sent to {0}.";
        ACCESS_LIST = "Forespørsler om tilgang", "Førespurnader om tilgang", "Access requests";
        ACCESS_FROM = "Fra {0}, {1}: {2}", "Frå {0}, {1}: {2}", "From {0}, {1}: {2}";
        ACCESS_APPROVE = "Godkjenn", "Godkjenn", "Approve";
        ACCESS_DECLINE = "Avslå", "Avslå", "Decline";
        ACCESS_VENTER = "Venter", "Ventar", "Pending";
        ACCESS_GODKJENT = "Godkjent", "Godkjend", "Approved";
        ACCESS_AVSLATT = "Avslått", "Avslått", "Declined";
        MAIL_ACCESS_APPROVED_SUBJECT = "Forespørselen om tilgang er godkjent", "Førespurnaden om tilgang er godkjend", "The access request has been approved";
        MAIL_ACCESS_APPROVED_BODY = "Hei {0}!\n\nForespørselen din om tilgang for virksomheten {1} er godkjent av {2}. Du kan nå gå videre med oppsettet av HelseID.\n", "Hei {0}!\n\nFørespurnaden din om tilgang for verksemda {1} er godkjend av {2}. Du kan no gå vidare med oppsettet av HelseID.\n", "Hello {0},\n\nYour request for access for organisation {1} has been approved by {2}. You can now go on with setting up HelseID.\n";
        MAIL_ACCESS_DECLINED_SUBJECT = "Forespørselen om tilgang er avslått", "Førespurnaden om tilgang er avslått", "The access request has been declined";
        MAIL_ACCESS_DECLINED_BODY = "Hei {0}!\n\nForespørselen din om tilgang for virksomheten {1} er avslått av {2}. Ta kontakt med {2} om du har spørsmål.\n", "Hei {0}!\n\nFørespurnaden din om tilgang for verksemda {1} er avslått av {2}. Ta kontakt med {2} om du har spørsmål.\n", "Hello {0},\n\nYour request for access for organisation {1} has been declined by {2}. Contact {2} if you have questions.\n";
        HELSEID_TITLE = "HelseID – kom i gang", "HelseID – kom i gang", "HelseID – getting started";
        HELSEID_NONE = "Virksomheten har ikke bestilt HelseID ennå.", "Verksemda har ikkje bestilt HelseID enno.", "The organisation has not ordered HelseID yet.";
        HELSEID_ORDER = "Bestill HelseID", "Bestill HelseID", "Order HelseID";
        GRUNNDATA_TITLE = "Grunndata i Adresseregisteret", "Grunndata i Adresseregisteret", "Basic data in the Address Register";
        GRUNNDATA_INTRO = "Alle enheter er selv ansvarlige for at sine opplysninger er korrekte. Når en ny virksomhet tilknyttes Helsenettet, gjør Norsk Helsenett følgende:", "Alle einingar er sjølve ansvarlege for at opplysningane deira er korrekte. Når ei ny verksemd blir knytt til Helsenettet, gjer Norsk Helsenett følgjande:", "Every unit is responsible for its own data being correct. When a new organisation joins the Health Network, Norsk Helsenett does the following:";
        GRUNNDATA_STEP_CONNECTED = "Virksomheten tilknyttes Helsenettet", "Verksemda blir knytt til Helsenettet", "The organisation is connected to the Health Network";
        GRUNNDATA_STEP_HER_ID = "Virksomheten opprettes i Adresseregisteret og tildeles en HER-id", "Verksemda blir oppretta i Adresseregisteret og får tildelt ein HER-id", "The organisation is created in the Address Register and given a HER-id";
        GRUNNDATA_STEP_EDI = "EDI-adressen virksomheten har fått i Helsenettet registreres", "EDI-adressa verksemda har fått i Helsenettet blir registrert", "The EDI address the organisation has in the Health Network is registered";
        GRUNNDATA_STEP_ACCOUNT = "En brukerkonto opprettes, og brukernavn og passord sendes til kontaktpersonen", "Ein brukarkonto blir oppretta, og brukarnamn og passord blir sende til kontaktpersonen", "A user account is created, and the username and password are sent to the contact person";
        GRUNNDATA_UNAVAILABLE = "Adresseregisteret svarer ikke nå. Prøv igjen senere.", "Adresseregisteret svarar ikkje no. Prøv igjen seinare.", "The Address Register is not answering now. Try again later.";
        GRUNNDATA_EDI = "EDI-adresse: {0}", "EDI-adresse: {0}", "EDI address: {0}";
        GRUNNDATA_ORDER = "Bestill brukerkonto, nytt passord eller hjelp", "Bestill brukarkonto, nytt passord eller hjelp", "Order a user account, a new password or help";
        HELSEID_STEP_DONE = "Fullført", "Fullført", "Completed";
        HELSEID_STEP_NOW = "Pågår", "Pågår", "In progress";
        HELSEID_STEP_BY_NHN = "Avtales med kundesenteret", "Blir avtalt med kundesenteret", "Arranged with the customer centre";
        HELSEID_APPROVAL_BY_NHN = "Godkjenningen av løsningen gis av NHN, ikke i portalen. Når dere har testet ferdig, kontakt kundesenteret på telefon 24 20 00 00 eller kundesenter@nhn.no. Produksjon kan bestilles når godkjenningen er registrert.", "Godkjenninga av løysinga blir gitt av NHN, ikkje i portalen. Når de har testa ferdig, kontakt kundesenteret på telefon 24 20 00 00 eller kundesenter@nhn.no. Produksjon kan bestillast når godkjenninga er registrert.", "The solution is approved by NHN, not in the portal. When you have finished testing, contact the customer centre on +47 24 20 00 00 or kundesenter@nhn.no. Production can be ordered once the approval is registered.";
        HELSEID_STEPS = "Stegene for {0}", "Stega for {0}", "The steps for {0}";
        HELSEID_PREREQ = "Forutsetninger: virksomheten er medlem av Helsenettet (tilknytning bestilt) og aksepterer vilkårene for bruk av HelseID. Systemleverandører trenger ikke være medlem.", "Føresetnader: verksemda er medlem av Helsenettet (tilknyting bestilt) og aksepterer vilkåra for bruk av HelseID. Systemleverandørar treng ikkje vere medlem.", "Prerequisites: the organisation is a member of the Health Network (connection ordered) and accepts the terms of use for HelseID. System suppliers need not be members.";

        // Development mailbox
        DEV_MAILBOX_TITLE = "Utviklingspostkasse", "Utviklingspostkasse", "Development mailbox";
        DEV_MAILBOX_NOTE = "Her vises e-post og SMS som portalen ville sendt. Bare i utvikling: i drift sendes de med SMTP.", "Her blir e-post og SMS som portalen ville ha sendt, viste. Berre i utvikling: i drift blir dei sende med SMTP.", "Shows the e-mail and SMS the portal would have sent. Development only: in production they go out by SMTP.";
        DEV_MAILBOX_EMPTY = "Ingen meldinger ennå.", "Ingen meldingar enno.", "No messages yet.";
        DEV_MAILBOX_TO = "Til", "Til", "To";

        // Session warning dialog (SPEC §5)
        SESSION_WARNING_TITLE = "Økten din går snart ut", "Økta di går snart ut", "Your session will soon expire";
        SESSION_WARNING_TEXT = "Du blir logget ut om {0} hvis du ikke forlenger økten. Det du har fylt inn er tatt vare på.", "Du blir logga ut om {0} viss du ikkje forlengjer økta. Det du har fylt inn, er teke vare på.", "You will be logged out in {0} unless you extend the session. What you entered has been kept.";
        SESSION_EXTEND = "Forleng økten", "Forleng økta", "Extend the session";

        // Session countdown
        SESSION_ANNOUNCE = "Mindre enn {0} minutter igjen av økten.", "Mindre enn {0} minutt att av økta.", "Less than {0} minutes left in the session.";
        SESSION_ANNOUNCE_ONE = "Mindre enn ett minutt igjen av økten.", "Mindre enn eitt minutt att av økta.", "Less than a minute left in the session.";
        SESSION_REMAINING = "Tid igjen av økten: {0}", "Tid att av økta: {0}", "Time left in session: {0}";
        SESSION_EXPIRED = "Økten din er utløpt. Logg inn på nytt for å fortsette. Det du har fylt inn er tatt vare på.", "Økta di har gått ut. Logg inn på nytt for å halde fram. Det du har fylt inn, er teke vare på.", "Your session has expired. Log in again to continue. What you entered has been kept.";
        DRAFT_RESTORED = "Velkommen tilbake! Vi har tatt vare på svarene dine, og du er på steget der du slapp.", "Velkomen tilbake! Vi har teke vare på svara dine, og du er på steget der du slapp.", "Welcome back! We kept your answers, and you are at the step where you left off.";

        // Documents
        DOC_DIGIHELSE = "Avtale for etablering av Digihelse", "Avtale for etablering av Digihelse", "Agreement for establishing Digihelse";
        SAMPLE_DOCUMENT = "Eksempeltekst laget for Bestillingsportal, ikke NHNs gjeldende avtale.", "Eksempeltekst laga for Bestillingsportal, ikkje den gjeldande avtalen til NHN.", "Sample text made for Bestillingsportal, not NHN's agreement in force.";

        // Signing (DDFL, SPEC §4)
        FORM_TO_SIGNING = "Gå videre til signering", "Gå vidare til signering", "Continue to signing";
        STEP_SIGN = "Les og signer", "Les og signer", "Read and sign";
        SIGN_INTRO = "Bruksvilkårene skal leses og signeres før tjenesten blir aktivert.", "Bruksvilkåra skal lesast og signerast før tenesta blir aktivert.", "The terms of use must be read and signed before the service is activated.";
        SIGN_ON_BEHALF = "Du signerer på vegne av en virksomhet, eller på grunn av en rolle eller et ansvar.", "Du signerer på vegner av ei verksemd, eller på grunn av ei rolle eller eit ansvar.", "You sign on behalf of an organisation, or because of a role or a responsibility.";
        SIGN_WHO = "Dokumentet signeres av personen med fødselsnummer {0}, som logger inn med elektronisk ID i ID-porten.", "Dokumentet blir signert av personen med fødselsnummer {0}, som loggar inn med elektronisk ID i ID-porten.", "The document is signed by the person with national identity number {0}, who logs in with electronic ID in ID-porten.";
        SIGN_READ = "Les dokument og signer", "Les dokument og signer", "Read document and sign";
        SIGN_CANCEL = "Avbryt signering", "Avbryt signering", "Cancel signing";
        SIGN_DOCUMENT = "Signer dokument", "Signer dokument", "Sign document";
        SIGN_ABORT = "Avbryt", "Avbryt", "Cancel";
        VIEWER_LABEL = "Dokumentet som skal signeres", "Dokumentet som skal signerast", "The document to sign";
        VIEWER_VERSION = "Versjon {0}. gjeldende fra {1}", "Versjon {0}. gjeldande frå {1}", "Version {0}. valid from {1}";
        VIEWER_PAGE = "Side {0} av {1}", "Side {0} av {1}", "Page {0} of {1}";
        VIEWER_PREV = "Forrige side", "Førre side", "Previous page";
        VIEWER_NEXT = "Neste side", "Neste side", "Next page";
        VIEWER_ZOOM_IN = "Forstørr teksten", "Forstørr teksten", "Enlarge the text";
        VIEWER_ZOOM_OUT = "Forminsk teksten", "Forminsk teksten", "Reduce the text";
        VIEWER_DOWNLOAD = "Last ned dokumentet (PDF)", "Last ned dokumentet (PDF)", "Download the document (PDF)";
        SIGN_REDIRECTING = "Du sendes videre til innlogging med elektronisk ID …", "Du blir send vidare til innlogging med elektronisk ID …", "Taking you to the electronic ID login …";
        SIGN_OTHER_PERSON = "Signeringen ble avvist: den som logget inn, er ikke personen med fødselsnummeret i skjemaet. Dokumentet må signeres av personen skjemaet oppgir. Ingenting er signert, og svarene dine er tatt vare på.", "Signeringa vart avvist: den som logga inn, er ikkje personen med fødselsnummeret i skjemaet. Dokumentet må signerast av personen skjemaet oppgir. Ingenting er signert, og svara dine er tekne vare på.", "The signing was refused: the person who logged in is not the one whose national identity number the form gives. The document must be signed by the person the form names. Nothing was signed, and your answers have been kept.";
        SIGN_LEVEL = "Signeringen ble avvist: innloggingen hadde for lavt sikkerhetsnivå. Signer med MinID, BankID, Buypass eller Commfides på nivå betydelig eller høyt. Svarene dine er tatt vare på.", "Signeringa vart avvist: innlogginga hadde for lågt sikkerheitsnivå. Signer med MinID, BankID, Buypass eller Commfides på nivå betydeleg eller høgt. Svara dine er tekne vare på.", "The signing was refused: the login's security level was too low. Sign with MinID, BankID, Buypass or Commfides at level substantial or high. Your answers have been kept.";
        SIGN_CANCELLED = "Signeringen ble avbrutt. Ingenting er signert, og svarene dine er tatt vare på.", "Signeringa vart avbroten. Ingenting er signert, og svara dine er tekne vare på.", "The signing was cancelled. Nothing was signed, and your answers have been kept.";
        SIGN_REFUSED = "Bestillingen kunne ikke signeres slik den er nå. Se over skjemaet og prøv igjen; svarene dine er tatt vare på.", "Bestillinga kunne ikkje signerast slik ho er no. Sjå over skjemaet og prøv igjen; svara dine er tekne vare på.", "The order could not be signed as it stands. Check the form and try again; your answers have been kept.";
        SIGN_NO_AUTHORITY = "Signeringen ble avvist: Enhetsregisteret gir ikke den som signerte, en rolle med myndighet i virksomheten (daglig leder, signaturrett eller prokura). Oppgi fødselsnummeret til en som har det. Ingenting er signert, og svarene dine er tatt vare på.", "Signeringa vart avvist: Einingsregisteret gir ikkje den som signerte, ei rolle med mynde i verksemda (dagleg leiar, signaturrett eller prokura). Oppgi fødselsnummeret til ein som har det. Ingenting er signert, og svara dine er tekne vare på.", "The signing was refused: Enhetsregisteret gives the signer no role with authority in the organisation (general manager, signing rights or procuration). Give the national identity number of someone who has it. Nothing was signed, and your answers have been kept.";
        SIGN_CHANGE_SIGNER = "Endre fødselsnummeret til den som signerer", "Endre fødselsnummeret til den som signerer", "Change the signer's national identity number";
        SIGNED_BY = "Dokumentet er elektronisk signert av {0}", "Dokumentet er elektronisk signert av {0}", "The document is electronically signed by {0}";
        SIGNED_ON = "Signert {0} med ID-porten: {1}", "Signert {0} med ID-porten: {1}", "Signed {0} with ID-porten: {1}";
        SIGNED_DOWNLOAD = "Last ned signert dokument (PDF)", "Last ned signert dokument (PDF)", "Download the signed document (PDF)";
        SIGNED_KEPT = "Signert dokument er tilgjengelig i kundeportalen under Dokumentoversikt. Det blir ikke sendt en kopi på e-post til den som signerer. En kopi sendes til Direktoratet for e-helse.", "Signert dokument er tilgjengeleg i kundeportalen under Dokumentoversikt. Det blir ikkje sendt ein kopi på e-post til den som signerer. Ein kopi blir send til Direktoratet for e-helse.", "The signed document is available in the customer portal under Document overview. No copy is e-mailed to the signer. A copy is sent to the Norwegian Directorate of eHealth.";
        TEST_SIGN_TITLE = "Signering med elektronisk ID (testinnlogging)", "Signering med elektronisk ID (testinnlogging)", "Signing with electronic ID (test login)";
        TEST_SIGN_SUBMIT = "Logg inn og signer", "Logg inn og signer", "Log in and sign";
        DOCS_SIGNED = "Signerte dokumentpakker", "Signerte dokumentpakkar", "Signed document packages";
        DOCS_SIGNED_LINE = "Versjon {0}, signert av {1} {2} med ID-porten: {3}, bestilling {4}", "Versjon {0}, signert av {1} {2} med ID-porten: {3}, bestilling {4}", "Version {0}, signed by {1} on {2} with ID-porten: {3}, order {4}";
        DOCS_LEVEL = "Elektronisk ID: {0}, sikkerhetsnivå: {1}", "Elektronisk ID: {0}, sikkerheitsnivå: {1}", "Electronic ID: {0}, security level: {1}";

        // The signed document package (PDF)
        PKG_SIGNED_BY = "Dokumentet er elektronisk signert av", "Dokumentet er elektronisk signert av", "The document is electronically signed by";
        PKG_VERSION = "Versjon", "Versjon", "Version";
        PKG_CONTAINS = "Denne dokumentpakken inneholder", "Denne dokumentpakken inneheld", "This document package holds";
        PKG_ITEM_COVER = "Forside (denne siden)", "Framside (denne sida)", "Cover page (this page)";
        PKG_ITEM_ORIGINAL = "Originaldokumentet med vannmerke", "Originaldokumentet med vassmerke", "The original document with a watermark";
        PKG_ITEM_SIGNATURE = "Signaturdata (siste side), og en elektronisk forsegling av hele filen (ikke synlig i dokumentet)", "Signaturdata (siste side), og ei elektronisk forsegling av heile fila (ikkje synleg i dokumentet)", "The signature data (last page), and an electronic seal of the whole file (not visible in the document)";
        PKG_SEAL_NOTE = "Dokumentpakken er forseglet av Bestillingsportal med en Ed25519-signatur over filens SHA-256. Endres én byte i filen, feiler kontrollen (POST /api/seal/verify).", "Dokumentpakken er forsegla av Bestillingsportal med ein Ed25519-signatur over SHA-256 av fila. Blir éin byte i fila endra, feilar kontrollen (POST /api/seal/verify).", "The package is sealed by Bestillingsportal with an Ed25519 signature over the file's SHA-256. Change one byte of the file and the check fails (POST /api/seal/verify).";
        PKG_WATERMARK = "SIGNERT", "SIGNERT", "SIGNED";
        PKG_SIGNATURE_DATA = "Signaturdata", "Signaturdata", "Signature data";
        PKG_SIGNER = "Signert av", "Signert av", "Signed by";
        PKG_SIGNER_ID = "Fødselsnummer (beskyttet, HMAC-SHA-256)", "Fødselsnummer (verna, HMAC-SHA-256)", "National identity number (protected, HMAC-SHA-256)";
        PKG_EID = "Elektronisk ID", "Elektronisk ID", "Electronic ID";
        PKG_LEVEL = "Sikkerhetsnivå", "Sikkerheitsnivå", "Security level";
        PKG_TIME = "Tidspunkt", "Tidspunkt", "Time";
        PKG_DOCUMENT = "Dokument", "Dokument", "Document";
        PKG_DOCUMENT_HASH = "SHA-256 av dokumentteksten", "SHA-256 av dokumentteksten", "SHA-256 of the document text";
        PKG_ORDER = "Bestilling", "Bestilling", "Order";
        MAIL_EHELSE_SUBJECT = "Kopi av signerte bruksvilkår: {0}, {1}", "Kopi av signerte bruksvilkår: {0}, {1}", "Copy of signed terms of use: {0}, {1}";
        MAIL_EHELSE_BODY = "Bruksvilkårene for {0} er signert for {1} av {2} {3}. Bestilling {4}. Den signerte dokumentpakken er vedlagt; den er forseglet av Bestillingsportal, og kan kontrolleres på /api/seal/verify.", "Bruksvilkåra for {0} er signerte for {1} av {2} {3}. Bestilling {4}. Den signerte dokumentpakken ligg ved; han er forsegla av Bestillingsportal og kan kontrollerast på /api/seal/verify.", "The terms of use for {0} were signed for {1} by {2} on {3}. Order {4}. The signed document package is attached; it is sealed by Bestillingsportal and can be checked at /api/seal/verify.";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each `{n}` is the n-th argument, once; what an argument holds stays as it is, and
    /// braces that name no argument stay in the text.
    #[test]
    fn fill_puts_each_argument_in_its_place() {
        assert_eq!(fill("{0} og {1}", &["Kari", "Ola"]), "Kari og Ola");
        assert_eq!(fill("{1}, {0}, {1}", &["a", "b"]), "b, a, b");
        assert_eq!(fill("{0}", &["{1}", "ikke dette"]), "{1}");
        assert_eq!(fill("{0}{0}", &["æøå"]), "æøåæøå");
        assert_eq!(fill("{2} {} {x} {+0} {0", &["a"]), "{2} {} {x} {+0} {0");
        assert_eq!(fill("{{0}}", &["a"]), "{a}");
        assert_eq!(fill("Ingen", &[]), "Ingen");
        assert_eq!(fill("", &["a"]), "");
    }

    #[test]
    fn a_server_time_reads_in_the_language() {
        assert_eq!(
            time_text("22.11.2026 kl. 14:05", Lang::Nb),
            "22.11.2026 kl. 14:05"
        );
        assert_eq!(
            time_text("22.11.2026 kl. 14:05", Lang::En),
            "22.11.2026 at 14:05"
        );
    }

    #[test]
    fn languages_are_picked_from_tags_and_accept_language() {
        assert_eq!(Lang::from_tag("nn"), Some(Lang::Nn));
        assert_eq!(Lang::from_tag("nn-NO"), Some(Lang::Nn));
        assert_eq!(Lang::from_tag("no"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag("de"), None);
        assert_eq!(
            Lang::from_accept_language("nn-NO,nn;q=0.9,nb;q=0.8"),
            Lang::Nn
        );
        assert_eq!(Lang::from_accept_language("de-DE, en;q=0.5"), Lang::En);
        assert_eq!(Lang::from_accept_language(""), Lang::Nb);
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
    }

    /// Words only bokmål writes: a nynorsk text with one of them was copied, not translated.
    const BOKMAL_ONLY: &[&str] = &[
        "ikke",
        "hva",
        "hvem",
        "hvor",
        "hvordan",
        "hvis",
        "jeg",
        "bare",
        "noen",
        "noe",
        "fra",
        "tjeneste",
        "tjenester",
        "tjenesten",
        "virksomhet",
        "virksomheten",
        "mottatt",
        "være",
        "også",
        "bestillingen",
        "opplysninger",
        "brukernavn",
        "sikkerhetskode",
        "innloggingen",
    ];

    #[test]
    fn every_nynorsk_text_is_written_in_nynorsk() {
        for text in t::ALL {
            assert!(!text.nn.trim().is_empty(), "no nynorsk for {:?}", text.nb);
            let words = text.nn.split(|c: char| !c.is_alphabetic());
            for word in words {
                assert!(
                    !BOKMAL_ONLY.contains(&word.to_lowercase().as_str()),
                    "bokmål \"{word}\" in the nynorsk of {:?}: {:?}",
                    text.nb,
                    text.nn
                );
            }
        }
    }

    #[test]
    fn lower_case_agrees_with_unicode_on_latin_1() {
        let latin_1: String = (0x20u8..=0xFF).map(char::from).collect();
        assert_eq!(super::lower_case(&latin_1), latin_1.to_lowercase());
        assert_eq!(super::lower_case("BØ-LEGESENTER Å"), "bø-legesenter å");
    }

    #[test]
    fn a_fetched_language_file_is_searched_by_bokmal_and_a_broken_one_refused() {
        use super::fetched;
        for broken in ["Ja\0Yes", "Ja\0Yes\0Nei\0", "Nei\0No\0Ja\0Yes\0", "<html>"] {
            assert!(!fetched::load(Lang::En, broken.into()), "{broken:?}");
        }
        assert!(!fetched::has(Lang::En));
        assert_eq!(fetched::translation(Lang::En, "Ja"), None);
        assert!(fetched::load(
            Lang::En,
            "Ja\0Yes\0Navn\0Name\0Nei\0No\0".into()
        ));
        assert!(fetched::has(Lang::En) && fetched::has(Lang::Nb));
        assert_eq!(fetched::translation(Lang::En, "Navn"), Some("Name"));
        assert_eq!(fetched::translation(Lang::En, "Nei"), Some("No"));
        assert_eq!(fetched::translation(Lang::En, "Annet"), None);
        assert_eq!(fetched::translation(Lang::Nb, "Navn"), None);
    }
}
