//! For `cargo xtask bench`: fills a database with `count` orders as years of use would
//! leave them — 2,000 organisations, every service, most cases long Fullført, the last
//! month's still open and spread over 20 case handlers — so the queue's figures are taken
//! at the size the customer centre would reach. Deterministic: the same rows every run.
//!
//! Usage: `seed_orders <file.db> <count>`; prints a reference and an organisation name to
//! search for.

use sqlx::{Any, QueryBuilder};

/// The case handlers the open cases are spread over; the first is the bench's own login.
const HANDLERS: usize = 20;
const ORGANISATIONS: u64 = 2_000;
const PLACES: &[&str] = &[
    "Ørland",
    "Bodø",
    "Tromsø",
    "Ålesund",
    "Hamar",
    "Lillestrøm",
    "Drammen",
    "Skien",
    "Arendal",
    "Kristiansand",
    "Stavanger",
    "Haugesund",
    "Bergen",
    "Førde",
    "Molde",
    "Steinkjer",
    "Namsos",
    "Mo i Rana",
    "Harstad",
    "Alta",
    "Vadsø",
    "Gjøvik",
    "Lillehammer",
    "Elverum",
    "Kongsberg",
    "Tønsberg",
    "Sandefjord",
    "Larvik",
    "Porsgrunn",
    "Grimstad",
];
const KINDS: &[&str] = &[
    "kommune",
    "legesenter AS",
    "legekontor AS",
    "helsehus",
    "legevakt",
];
const SERVICES: &[&str] = &[
    "digitaleinnbyggertjenester",
    "ddfl",
    "persontjenesten",
    "helseid",
    "domene",
    "epost",
    "tilknytning",
];
const DAY_MS: i64 = 24 * 3600 * 1000;
const ROWS_PER_STATEMENT: usize = 500;

/// A small, fixed pseudo-random sequence (xorshift64*): the same data every run.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// A unique reference for order `i`: `i` spread over the alphabet's 25^8 values by a
/// multiplier prime to 25, so consecutive orders do not look alike.
fn reference(i: u64) -> String {
    let alphabet = common::reference::ALPHABET;
    let base = alphabet.len() as u64;
    let mut n = (i.wrapping_mul(2_654_435_761)) % base.pow(8);
    let mut bytes = [0u8; 8];
    for b in bytes.iter_mut().rev() {
        *b = (n % base) as u8;
        n /= base;
    }
    common::reference::from_random(bytes)
}

fn organisation(n: u64) -> (String, String) {
    let place = PLACES[(n as usize) % PLACES.len()];
    let kind = KINDS[(n as usize / PLACES.len()) % KINDS.len()];
    let name = match n as usize / (PLACES.len() * KINDS.len()) {
        0 => format!("{place} {kind}"),
        k => format!("{place} {kind} {k}"),
    };
    (format!("9{n:08}"), name)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(count)) = (args.next(), args.next()) else {
        return Err("usage: seed_orders <file.db> <count>".into());
    };
    let count: u64 = count.parse()?;
    let db = server::db::connect(&format!("sqlite://{path}")).await?;
    let answers = r#"{"tjenestetype":["digihelse"],"kommune_navn":"Ørland kommune","her_id_virksomhet":"8765432","her_id_parter":["8765433","8765434"],"kontakt_navn":"Kari Nordmann","kontakt_epost":"kari@orland.kommune.no","kontakt_mobil":"91234567","epj_navn":"CGM","epj_system":"CGM Journal","epj_versjon":"142","ikt_navn":"Driftspartner AS","ikt_orgnr":"994598759","ikt_mobil":"41234567","ikt_epost_statistikk":"stat@drift.no"}"#;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_millis() as i64;
    // Three years of orders, evenly, the newest just now.
    let span = 3 * 365 * DAY_MS;
    let step = span / count.max(1) as i64;
    let start = now - span;
    let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
    let mut tx = db.begin().await?;
    let mut i = 0;
    while i < count {
        let mut q: QueryBuilder<Any> = QueryBuilder::new(
            "INSERT INTO orders (reference, service, orgnr, org_name, ordered_by_name, ordered_by_key,
                 eid, answers_json, status, submitted_at_ms, assigned_to, assigned_name) ",
        );
        let rows = (count - i).min(ROWS_PER_STATEMENT as u64);
        q.push_values(i..i + rows, |mut row, n| {
            let at = start + n as i64 * step;
            let (orgnr, name) = organisation(dice.next() % ORGANISATIONS);
            let service = SERVICES[(dice.next() % SERVICES.len() as u64) as usize];
            let roll = dice.next() % 100;
            let status = if now - at > 30 * DAY_MS {
                if roll < 92 { "fullfort" } else { "avvist" }
            } else {
                match roll {
                    0..40 => "mottatt",
                    40..75 => "under_behandling",
                    75..85 => "trenger_avklaring",
                    85..97 => "fullfort",
                    _ => "avvist",
                }
            };
            let handler = (status != "mottatt").then(|| (dice.next() % HANDLERS as u64) as usize);
            row.push_bind(reference(n))
                .push_bind(service)
                .push_bind(orgnr)
                .push_bind(name)
                .push_bind("Kari Nordmann")
                .push_bind(format!("hmac-sha256:seed-{}", n % 5_000))
                .push_bind("minid")
                .push_bind(answers)
                .push_bind(status)
                .push_bind(at)
                .push_bind(handler.map(|h| format!("test:saksbehandler:Saksbehandler {h}")))
                .push_bind(handler.map(|h| format!("Saksbehandler {h} (test)")));
        });
        q.build().execute(&mut *tx).await?;
        i += rows;
    }
    tx.commit().await?;
    sqlx::query("ANALYZE").execute(&db).await?;
    let (_, name) = organisation(7);
    println!("{} {}", reference(count / 2), name);
    Ok(())
}
