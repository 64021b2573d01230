//! Brukerstøtte: the help centre's articles, the FAQ's facts (seed 002, 003, 004) in our
//! own words, in both languages. Searched in the browser (`search`), so help works with
//! no round trip and the text stays in the i18n catalog's shape (`Text`).

use crate::i18n::{Lang, Text};

pub struct Article {
    pub title: Text,
    pub body: Text,
}

pub static ARTICLES: &[Article] = &[
    Article {
        title: Text::new(
            "Kontakt kundesenteret",
            "Kontakt kundesenteret",
            "Contact the customer centre",
        ),
        body: Text::new(
            "Kundesenteret i Norsk Helsenett svarer på telefon 24 20 00 00 og e-post kundesenter@nhn.no. Bestillinger behandles fortløpende, og du får normalt svar innen ett til to døgn.",
            "Kundesenteret i Norsk Helsenett svarar på telefon 24 20 00 00 og e-post kundesenter@nhn.no. Bestillingar blir behandla fortløpande, og du får normalt svar innan eitt til to døgn.",
            "Norsk Helsenett's customer centre answers on +47 24 20 00 00 and kundesenter@nhn.no. Orders are handled continuously, and you normally get an answer within one or two days.",
        ),
    },
    Article {
        title: Text::new(
            "Innlogging i kundeportalen",
            "Innlogging i kundeportalen",
            "Logging in to the customer portal",
        ),
        body: Text::new(
            "Brukernavn og passord lages av kundesenteret. Etter passordet får du en sikkerhetskode på SMS eller e-post; den gjelder i fem minutter. Har du glemt passordet, velger du «Glemt passordet?» og får en lenke på e-post. Skal du akseptere avtaler for virksomheten, logger du inn med ID-porten.",
            "Brukarnamn og passord blir laga av kundesenteret. Etter passordet får du ein sikkerheitskode på SMS eller e-post; han gjeld i fem minutt. Har du gløymt passordet, vel du «Gløymt passordet?» og får ei lenke på e-post. Skal du akseptere avtalar for verksemda, loggar du inn med ID-porten.",
            "The customer centre creates usernames and passwords. After the password you get a security code by SMS or e-mail; it is valid for five minutes. If you forgot the password, choose \"Forgot your password?\" and get a link by e-mail. To accept agreements for the organisation, log in with ID-porten.",
        ),
    },
    Article {
        title: Text::new(
            "Tidsbegrensning i skjemaene",
            "Tidsavgrensing i skjemaa",
            "Time limit in the forms",
        ),
        body: Text::new(
            "Av sikkerhetshensyn logges du ut etter en periode uten aktivitet. Du får et varsel før tiden går ut og kan forlenge økten. Svarene dine lagres underveis, og etter ny innlogging fortsetter du der du slapp.",
            "Av omsyn til sikkerheita blir du logga ut etter ein periode utan aktivitet. Du får eit varsel før tida går ut og kan forlengje økta. Svara dine blir lagra undervegs, og etter ny innlogging held du fram der du slapp.",
            "For security you are logged out after a period without activity. You are warned before the time runs out and can extend the session. Your answers are saved as you go, and after logging in again you continue where you left off.",
        ),
    },
    Article {
        title: Text::new(
            "Domene: nytt domene, registrar, overføring og sletting",
            "Domene: nytt domene, registrar, overføring og sletting",
            "Domain: new domain, registrar, transfer and deletion",
        ),
        body: Text::new(
            "Norsk Helsenett kan være registrar for .no-domener. For et nytt domene fyller juridisk kontakt ut egenerklæringen fra Norid og legger den ved bestillingen som PDF. Ved overføring til et annet organisasjonsnummer må NHN være registrar, og den nye abonnenten sender egenerklæring. Sletting signeres av juridisk kontakt. Endringer i navnetjenere meldes til NHN. En autentiseringskode beskytter domenet mot flytting; ta vare på den.",
            "Norsk Helsenett kan vere registrar for .no-domene. For eit nytt domene fyller juridisk kontakt ut eigenerklæringa frå Norid og legg ho ved bestillinga som PDF. Ved overføring til eit anna organisasjonsnummer må NHN vere registrar, og den nye abonnenten sender eigenerklæring. Sletting blir signert av juridisk kontakt. Endringar i namnetenarar blir melde til NHN. Ein autentiseringskode vernar domenet mot flytting; ta vare på han.",
            "Norsk Helsenett can be the registrar of .no domains. For a new domain the legal contact fills in Norid's self-declaration and attaches it to the order as PDF. For a transfer to another organisation number NHN must be the registrar, and the new holder sends a self-declaration. Deletion is signed by the legal contact. Name server changes are reported to NHN. An authentication code protects the domain from being moved; keep it safe.",
        ),
    },
    Article {
        title: Text::new(
            "E-post i Helsenettet",
            "E-post i Helsenettet",
            "E-mail in the Health Network",
        ),
        body: Text::new(
            "E-postkontoer i Helsenettet leses med IMAP i Microsoft Outlook eller Mozilla Thunderbird. To maskiner kan dele samme konto. Bestill med brukerens navn og ønsket adresse.",
            "E-postkontoar i Helsenettet blir lesne med IMAP i Microsoft Outlook eller Mozilla Thunderbird. To maskiner kan dele same konto. Bestill med namnet til brukaren og ønskt adresse.",
            "E-mail accounts in the Health Network are read over IMAP in Microsoft Outlook or Mozilla Thunderbird. Two computers can share one account. Order with the user's name and the desired address.",
        ),
    },
    Article {
        title: Text::new("Hjemmekontor", "Heimekontor", "Home office"),
        body: Text::new(
            "Hjemmekontorløsningen virker med Windows 10 og nyere. Linux støttes ikke. Fra Mac brukes RDP-programmet Royal TSX, eller Windows i BootCamp eller virtualisering. Hjelp med PIN-koder får du hos Buypass på telefon 61 13 59 20. Det er ingen løpende bruksavgift. Bestill med navn og mobilnummer for hver bruker.",
            "Heimekontorløysinga verkar med Windows 10 og nyare. Linux er ikkje støtta. Frå Mac blir RDP-programmet Royal TSX brukt, eller Windows i BootCamp eller virtualisering. Hjelp med PIN-kodar får du hos Buypass på telefon 61 13 59 20. Det er ingen løpande bruksavgift. Bestill med namn og mobilnummer for kvar brukar.",
            "The home office solution works with Windows 10 and later. Linux is not supported. From a Mac, use the RDP program Royal TSX, or Windows in BootCamp or virtualisation. Buypass helps with PIN codes on +47 61 13 59 20. There is no running fee. Order with the name and mobile number of each user.",
        ),
    },
    Article {
        title: Text::new(
            "Tilknytning til Helsenettet",
            "Tilknyting til Helsenettet",
            "Connection to the Health Network",
        ),
        body: Text::new(
            "Fyll ut alle feltene som ikke er merket valgfritt, også etasje og rom for utstyret: mangler kan forsinke leveransen. Med egen linjeleverandør har dere selv ansvaret for forbindelsen mellom NHN-ruteren og Helsenettet. Skal linjen deles med en annen virksomhet, må begge ha egen kundeavtale.",
            "Fyll ut alle felta som ikkje er merkte valfritt, òg etasje og rom for utstyret: manglar kan forseinke leveransen. Med eigen linjeleverandør har de sjølve ansvaret for sambandet mellom NHN-ruteren og Helsenettet. Skal linja delast med ei anna verksemd, må begge ha eigen kundeavtale.",
            "Fill in every field not marked optional, including floor and room for the equipment: gaps can delay the delivery. With your own line supplier you are responsible for the link between the NHN router and the Health Network. If the line is shared with another organisation, both need their own customer agreement.",
        ),
    },
    Article {
        title: Text::new(
            "Flytting og midlertidig deaktivering",
            "Flytting og mellombels deaktivering",
            "Moving and temporary deactivation",
        ),
        body: Text::new(
            "Flytting av helsenettlinjen koster kr 3 000 og bestilles med flytteskjemaet. Ved midlertidig deaktivering fryses faktureringen av medlemskapet i perioden, men kostnadene for en linje fra NHN løper videre.",
            "Flytting av helsenettlinja kostar kr 3 000 og blir bestilt med flytteskjemaet. Ved mellombels deaktivering blir faktureringa av medlemskapet fryst i perioden, men kostnadene for ei linje frå NHN går vidare.",
            "Moving the Health Network line costs NOK 3,000 and is ordered with the moving form. During a temporary deactivation the membership billing is frozen, but the costs of a line from NHN continue.",
        ),
    },
    Article {
        title: Text::new(
            "Video og fjernhjelp",
            "Video og fjernhjelp",
            "Video and remote help",
        ),
        body: Text::new(
            "NHN-videodesktop er gratis for kunder og brukes fra PC, Mac eller iPad. Fjernhjelp er gratis for kunder og partnere; både den som gir og den som får hjelp må ha avtale med Norsk Helsenett.",
            "NHN-videodesktop er gratis for kundar og blir brukt frå PC, Mac eller iPad. Fjernhjelp er gratis for kundar og partnarar; både den som gir og den som får hjelp, må ha avtale med Norsk Helsenett.",
            "NHN video desktop is free for customers and works from a PC, Mac or iPad. Remote help is free for customers and partners; both the one giving and the one receiving help need an agreement with Norsk Helsenett.",
        ),
    },
    Article {
        title: Text::new(
            "Persontjenesten erstatter Personregister",
            "Persontenesta erstattar Personregister",
            "The Person Service replaces Person Register",
        ),
        body: Text::new(
            "Personregister avvikles 01.01.25 og erstattes av Persontjenesten. Vilkårene signeres én gang per kommune av kommunedirektør eller annen med signeringsrett. Journalsystemet må være oppgradert (CGM Journal versjon 142), brannmuren åpnet for tre adresser på port 443, og HelseID satt opp. Den som gjør oppsettet, må få delegert rettigheter av en tilgangsstyrer.",
            "Personregister blir avvikla 01.01.25 og erstatta av Persontenesta. Vilkåra blir signerte éin gong per kommune av kommunedirektør eller annan med signeringsrett. Journalsystemet må vere oppgradert (CGM Journal versjon 142), brannmuren opna for tre adresser på port 443, og HelseID sett opp. Den som gjer oppsettet, må få delegert rettar av ein tilgangsstyrar.",
            "Person Register closes on 01.01.25 and is replaced by the Person Service. The terms are signed once per municipality by the chief executive or another with signing rights. The record system must be upgraded (CGM Journal version 142), the firewall opened to three addresses on port 443, and HelseID set up. Whoever does the setup must be delegated rights by an access manager.",
        ),
    },
    Article {
        title: Text::new(
            "HelseID: kom i gang",
            "HelseID: kom i gang",
            "HelseID: getting started",
        ),
        body: Text::new(
            "Virksomheten må som hovedregel være medlem av Helsenettet. Tjenestetilbydere og systemleverandører bestiller først testmiljø, utvikler og tester, og får løsningen godkjent av NHN før produksjon. Tjenestekonsumenter bestiller produksjonssetting når systemleverandøren er godkjent. Identitetstilbydere inngår egen avtale.",
            "Verksemda må som hovudregel vere medlem av Helsenettet. Tenestetilbydarar og systemleverandørar bestiller først testmiljø, utviklar og testar, og får løysinga godkjend av NHN før produksjon. Tenestekonsumentar bestiller produksjonssetjing når systemleverandøren er godkjend. Identitetstilbydarar inngår eigen avtale.",
            "As a rule the organisation must be a member of the Health Network. Service providers and system suppliers first order a test environment, develop and test, and have NHN approve the solution before production. Service consumers order production once their system supplier is approved. Identity providers sign their own agreement.",
        ),
    },
];

/// The articles whose title or text holds every word of `query` (case-insensitive); all
/// of them for an empty query.
pub fn search(query: &str, lang: Lang) -> Vec<&'static Article> {
    let words: Vec<String> = query
        .split_whitespace()
        .map(crate::i18n::lower_case)
        .collect();
    ARTICLES
        .iter()
        .filter(|a| {
            let text =
                crate::i18n::lower_case(&format!("{} {}", a.title.get(lang), a.body.get(lang)));
            words.iter().all(|w| text.contains(w.as_str()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_finds_by_every_word_in_the_users_language() {
        assert_eq!(search("", Lang::Nb).len(), ARTICLES.len());
        let hits = search("linux", Lang::Nb);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].title.get(Lang::Nb), "Hjemmekontor");
        assert_eq!(search("KR 3 000", Lang::Nb).len(), 1);
        assert_eq!(search("royal tsx windows", Lang::En).len(), 1);
        assert!(search("kvantedatamaskin", Lang::Nb).is_empty());
    }
}
