//! Customer-portal accounts and the organisations they are contact persons for.

use crate::db::Db;
use common::validate::OrgNumber;

/// An account as the login needs it.
#[derive(Clone, Debug)]
pub struct Account {
    pub id: i64,
    pub username: String,
    pub name: String,
    pub email: Option<String>,
    pub mobile: Option<String>,
    pub password_hash: String,
}

/// A new account, as NHN's customer centre creates it.
pub struct NewAccount<'a> {
    pub username: &'a str,
    pub name: &'a str,
    pub email: Option<&'a str>,
    pub mobile: Option<&'a str>,
    pub password_hash: String,
    pub organisations: &'a [&'a str],
}

/// Usernames are matched without regard to case or surrounding spaces.
pub fn normalise_username(username: &str) -> String {
    username.trim().to_lowercase()
}

type Row = (i64, String, String, Option<String>, Option<String>, String);

fn from_row((id, username, name, email, mobile, password_hash): Row) -> Account {
    Account {
        id,
        username,
        name,
        email,
        mobile,
        password_hash,
    }
}

pub async fn by_username(db: &Db, username: &str) -> Result<Option<Account>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, username, name, email, mobile, password_hash FROM accounts WHERE username = $1",
    )
    .bind(normalise_username(username))
    .fetch_optional(db)
    .await?;
    Ok(row.map(from_row))
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<Account>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(
        "SELECT id, username, name, email, mobile, password_hash FROM accounts WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await?;
    Ok(row.map(from_row))
}

pub async fn create(db: &Db, new: &NewAccount<'_>, now_ms: i64) -> Result<i64, sqlx::Error> {
    let mut tx = db.begin().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO accounts (username, name, email, mobile, password_hash, created_at_ms) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(normalise_username(new.username))
    .bind(new.name)
    .bind(new.email)
    .bind(new.mobile)
    .bind(&new.password_hash)
    .bind(now_ms)
    .fetch_one(&mut *tx)
    .await?;
    for (position, orgnr) in (0i64..).zip(new.organisations) {
        sqlx::query(
            "INSERT INTO account_organisations (account_id, orgnr, position) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(orgnr)
        .bind(position)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// The organisations the account is a registered contact person for, in the order they
/// were registered: the first is where a login starts.
pub async fn organisations(db: &Db, account_id: i64) -> Result<Vec<OrgNumber>, sqlx::Error> {
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT orgnr FROM account_organisations WHERE account_id = $1 ORDER BY position",
    )
    .bind(account_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .iter()
        .filter_map(|o| OrgNumber::parse(o).ok())
        .collect())
}

pub async fn is_contact_for(
    db: &Db,
    account_id: i64,
    orgnr: &OrgNumber,
) -> Result<bool, sqlx::Error> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM account_organisations WHERE account_id = $1 AND orgnr = $2",
    )
    .bind(account_id)
    .bind(orgnr.as_ref())
    .fetch_optional(db)
    .await?;
    Ok(found.is_some())
}

/// The demo accounts of `cargo xtask run` and the tests (README, "Logging in"). Not in
/// production. Their password is hashed at start-up, once, when they are missing.
pub const DEMO_PASSWORD: &str = "demo-passord-2026";

pub async fn seed_demo(db: &Db) -> Result<(), Box<dyn std::error::Error>> {
    let demo: [(&str, &str, &str, &str, &[&str]); 2] = [
        (
            "kari.kontakt",
            "Kari Kontaktperson",
            "kari.kontakt@demo-legekontor.no",
            "41234567",
            // Trondheim: a unit whose roles the bundled extract does not know.
            &["945627913", "974760673", "942110464"],
        ),
        (
            "ola.bergen",
            "Ola Bergensen",
            "ola.bergensen@demo-bergen.no",
            "92345678",
            &["964338531"],
        ),
    ];
    for (username, name, email, mobile, organisations) in demo {
        if by_username(db, username).await?.is_some() {
            continue;
        }
        let password_hash = crate::password::hash(DEMO_PASSWORD.to_owned()).await?;
        let account = NewAccount {
            username,
            name,
            email: Some(email),
            mobile: Some(mobile),
            password_hash,
            organisations,
        };
        // Two processes starting on one database may both try: the unique username decides.
        if let Err(e) = create(db, &account, crate::now_ms()).await
            && by_username(db, username).await?.is_none()
        {
            return Err(e.into());
        }
    }
    Ok(())
}

pub async fn set_password(db: &Db, account_id: i64, hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE accounts SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(account_id)
        .execute(db)
        .await?;
    Ok(())
}
