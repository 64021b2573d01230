//! Password hashing with argon2id (the `argon2` crate's defaults: 19 MiB, 2 passes), off
//! the async workers so a login never stalls them, and never more at once than there are
//! cores: each hash holds 19 MiB, so an unbounded number of concurrent logins or resets
//! would hold unbounded memory (issue 13.2).

use std::sync::OnceLock;

use argon2::password_hash::{Output, ParamsString, PasswordHash, Salt, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};

#[derive(Debug, thiserror::Error)]
#[error("password hashing: {0}")]
pub struct HashError(String);

/// Work for the hashing threads.
type Job = Box<dyn FnOnce() + Send>;

/// One long-lived thread per core runs every hash. A hash runs on a core anyway, so more
/// at once only adds memory; and fixed threads keep what the allocator holds fixed too:
/// on tokio's blocking pool each hash could land on a new thread with a new malloc arena
/// that kept its 19 MiB (a flood of logins grew the server by hundreds of MB).
fn hashing_threads() -> &'static std::sync::mpsc::Sender<Job> {
    static THREADS: OnceLock<std::sync::mpsc::Sender<Job>> = OnceLock::new();
    THREADS.get_or_init(|| {
        let (jobs, queue) = std::sync::mpsc::channel::<Job>();
        let queue = std::sync::Arc::new(std::sync::Mutex::new(queue));
        for i in 0..std::thread::available_parallelism().map_or(2, |n| n.get()) {
            let queue = queue.clone();
            let _ = std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || {
                    loop {
                        // The lock is held only while waiting for the next job.
                        let next = queue.lock().map(|q| q.recv());
                        match next {
                            Ok(Ok(job)) => job(),
                            _ => return,
                        }
                    }
                });
        }
        jobs
    })
}

/// Runs `work` on the hashing threads and waits for it without blocking the runtime.
async fn on_hashing_thread<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, HashError> {
    let (done, result) = tokio::sync::oneshot::channel();
    hashing_threads()
        .send(Box::new(move || {
            let _ = done.send(work());
        }))
        .map_err(|e| HashError(e.to_string()))?;
    result.await.map_err(|e| HashError(e.to_string()))
}

thread_local! {
    /// argon2's working memory (19 MiB), one buffer per hashing thread, kept and reused:
    /// a fresh allocation per hash landed in whichever malloc arena was free and stayed
    /// held there, so memory grew by 19 MiB a hash up to the arenas' count.
    static BLOCKS: std::cell::RefCell<Vec<Block>> = const { std::cell::RefCell::new(Vec::new()) };
}

fn hash_error(e: impl std::fmt::Display) -> HashError {
    HashError(e.to_string())
}

/// The argon2 output for `password` and `salt`, computed in this thread's buffer.
fn output_of(argon: &Argon2, password: &[u8], salt: Salt, len: usize) -> Result<Output, HashError> {
    let mut salt_bytes = [0u8; 64];
    let salt = salt.decode_b64(&mut salt_bytes).map_err(hash_error)?;
    let count = argon.params().block_count();
    BLOCKS.with_borrow_mut(|blocks| {
        if blocks.len() < count {
            blocks.resize(count, Block::default());
        }
        Output::init_with(len, |out| {
            argon
                .hash_password_into_with_memory(password, salt, out, &mut blocks[..count])
                .map_err(|_| argon2::password_hash::Error::Crypto)
        })
        .map_err(hash_error)
    })
}

fn hash_blocking(password: &str) -> Result<String, HashError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(hash_error)?;
    let salt = SaltString::encode_b64(&salt).map_err(hash_error)?;
    let argon = Argon2::default();
    let output = output_of(
        &argon,
        password.as_bytes(),
        salt.as_salt(),
        Params::DEFAULT_OUTPUT_LEN,
    )?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(argon.params()).map_err(hash_error)?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    Ok(phc.to_string())
}

/// Whether `password` gives the stored PHC string's hash, with its own parameters.
fn matches_blocking(password: &str, stored: &str) -> Result<bool, HashError> {
    let parsed = PasswordHash::new(stored).map_err(hash_error)?;
    let algorithm = Algorithm::try_from(parsed.algorithm).map_err(hash_error)?;
    let version = parsed
        .version
        .map(Version::try_from)
        .transpose()
        .map_err(hash_error)?
        .unwrap_or_default();
    let params = Params::try_from(&parsed).map_err(hash_error)?;
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return Ok(false);
    };
    let argon = Argon2::new(algorithm, version, params);
    // `Output`'s comparison takes constant time.
    Ok(output_of(&argon, password.as_bytes(), salt, expected.len())? == expected)
}

/// A PHC string for `password`.
pub async fn hash(password: String) -> Result<String, HashError> {
    on_hashing_thread(move || hash_blocking(&password)).await?
}

/// Whether `password` matches `stored`. Without an account (`None`) a dummy hash is
/// checked instead, so an unknown username takes as long as a wrong password.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    on_hashing_thread(move || {
        static DUMMY: OnceLock<String> = OnceLock::new();
        let stored = match stored {
            Some(s) => s,
            None => DUMMY
                .get_or_init(|| hash_blocking("no such account").unwrap_or_default())
                .clone(),
        };
        matches_blocking(&password, &stored).unwrap_or(false)
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

    #[tokio::test]
    async fn hashes_are_standard_phc_strings_both_ways() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        // One made by the crate's own hasher verifies here, and ours verifies there.
        let salt = SaltString::encode_b64(b"sixteen bytes!!!").unwrap();
        let theirs = Argon2::default()
            .hash_password(b"riktig hest batteri", &salt)
            .unwrap()
            .to_string();
        assert!(verify("riktig hest batteri".into(), Some(theirs)).await);
        let ours = hash("riktig hest batteri".into()).await.unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"riktig hest batteri", &parsed)
                .is_ok()
        );
    }
}
