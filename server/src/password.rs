//! Password hashing with argon2id (the `argon2` crate's defaults: 19 MiB, 2 passes), on
//! the blocking pool so a login never stalls the async workers.

use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

#[derive(Debug)]
pub struct HashError(String);

impl std::fmt::Display for HashError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "password hashing: {}", self.0)
    }
}

impl std::error::Error for HashError {}

fn hash_blocking(password: &str) -> Result<String, HashError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| HashError(e.to_string()))?;
    let salt = SaltString::encode_b64(&salt).map_err(|e| HashError(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
}

/// A PHC string for `password`.
pub async fn hash(password: String) -> Result<String, HashError> {
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(|e| HashError(e.to_string()))?
}

/// Whether `password` matches `stored`. Without an account (`None`) a dummy hash is
/// checked instead, so an unknown username takes as long as a wrong password.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        static DUMMY: OnceLock<String> = OnceLock::new();
        let stored = match stored {
            Some(s) => s,
            None => DUMMY
                .get_or_init(|| hash_blocking("no such account").unwrap_or_default())
                .clone(),
        };
        PasswordHash::new(&stored)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let h = hash("riktig hest batteri".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("riktig hest batteri".into(), Some(h.clone())).await);
        assert!(!verify("feil hest batteri".into(), Some(h.clone())).await);
        assert!(!verify("riktig hest batteri".into(), None).await);
        assert!(!verify("x".into(), Some("not a phc string".into())).await);
        let again = hash("riktig hest batteri".into()).await.unwrap();
        assert_ne!(h, again, "a fresh salt every time");
    }
}
