//! The server's seal on the PDFs it issues (receipts now; signed packages next): an
//! Ed25519 signature over the SHA-256 of the document, appended after the PDF's end as
//! one comment line — PDF readers ignore what follows `%%EOF`, and any changed byte,
//! before or in the seal, makes `verify` fail. The key comes from configuration
//! (`BP_SEAL_KEY`); development uses a fixed, published key and says so.
//!
//! The same secret also keys the protection of fødselsnummer in the acceptance evidence
//! (`protect_fnr`): a keyed hash (HMAC-SHA-256) instead of the number, so a stolen
//! database does not yield who accepted, yet NHN, holding the key, can still show that a
//! given person did.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use sha2::{Digest, Sha256};

/// What precedes the signature on the seal line.
const MARKER: &[u8] = b"\n%BP-SEAL ed25519 ";

/// Seals and checks documents with one key.
#[derive(Clone)]
pub struct Sealer {
    key: SigningKey,
    /// Derived from the same seed, for `protect_fnr` only.
    evidence_key: [u8; 32],
}

/// Why a document's seal does not hold.
#[derive(Debug, PartialEq, Eq)]
pub enum SealError {
    /// No seal line at the end.
    Missing,
    /// A seal line, but not a well-formed signature.
    Malformed,
    /// The signature does not match the document: it was changed, or sealed by another key.
    Mismatch,
}

impl Sealer {
    /// From a 32-byte seed as 64 hex digits.
    pub fn from_hex(seed: &str) -> Result<Self, String> {
        let bytes = crate::hex::decode(seed.trim()).ok_or("BP_SEAL_KEY must be 64 hex digits")?;
        let seed: [u8; 32] = bytes
            .try_into()
            .map_err(|_| "BP_SEAL_KEY must be 64 hex digits (32 bytes)")?;
        Ok(Sealer::from_seed(seed))
    }

    fn from_seed(seed: [u8; 32]) -> Self {
        let mut derivation = Sha256::new();
        derivation.update(b"bestillingsportal evidence key\0");
        derivation.update(seed);
        Sealer {
            key: SigningKey::from_bytes(&seed),
            evidence_key: derivation.finalize().into(),
        }
    }

    /// A fødselsnummer as the evidence stores it: `hmac-sha256:<hex>`, the same for the
    /// same person under the same key, and nothing a reader without the key can reverse.
    pub fn protect_fnr(&self, fodselsnummer: &str) -> String {
        use hmac::Mac;
        let mut mac = hmac::Hmac::<Sha256>::new_from_slice(&self.evidence_key)
            .expect("HMAC takes a key of any length");
        mac.update(fodselsnummer.as_bytes());
        format!(
            "hmac-sha256:{}",
            crate::hex::encode(&mac.finalize().into_bytes())
        )
    }

    /// The development key: derived from a published phrase, so it proves nothing outside
    /// a developer's machine (production refuses to start without `BP_SEAL_KEY`).
    pub fn development() -> Self {
        Sealer::from_seed(Sha256::digest(b"bestillingsportal development seal").into())
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    /// The document with the seal line appended.
    pub fn seal(&self, document: &[u8]) -> Vec<u8> {
        let signature = self.key.sign(&Sha256::digest(document));
        let mut sealed = document.to_vec();
        sealed.extend_from_slice(MARKER);
        sealed.extend_from_slice(crate::hex::encode(&signature.to_bytes()).as_bytes());
        sealed.push(b'\n');
        sealed
    }

    /// Whether `sealed` is a document this key sealed, unchanged.
    pub fn verify(&self, sealed: &[u8]) -> Result<(), SealError> {
        let at = sealed
            .windows(MARKER.len())
            .rposition(|w| w == MARKER)
            .ok_or(SealError::Missing)?;
        let (document, line) = sealed.split_at(at);
        let hex = line[MARKER.len()..]
            .strip_suffix(b"\n")
            .ok_or(SealError::Malformed)?;
        let bytes = std::str::from_utf8(hex)
            .ok()
            .and_then(crate::hex::decode)
            .ok_or(SealError::Malformed)?;
        let signature = Signature::from_slice(&bytes).map_err(|_| SealError::Malformed)?;
        self.key
            .verifying_key()
            .verify(&Sha256::digest(document), &signature)
            .map_err(|_| SealError::Mismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &[u8] = b"%PDF-1.7\n1 0 obj<< /Title (Kvittering for bestilling) >>endobj\n%%EOF\n";

    #[test]
    fn a_sealed_document_verifies_and_any_changed_byte_does_not() {
        let sealer = Sealer::development();
        let sealed = sealer.seal(DOC);
        assert!(sealed.starts_with(DOC));
        assert_eq!(sealer.verify(&sealed), Ok(()));
        // Every single byte, in the document and in the seal line, matters.
        for i in 0..sealed.len() {
            let mut tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assert!(
                sealer.verify(&tampered).is_err(),
                "byte {i} changed unnoticed"
            );
        }
        assert_eq!(sealer.verify(DOC), Err(SealError::Missing));
        let mut cut = sealed.clone();
        cut.pop();
        assert_eq!(sealer.verify(&cut), Err(SealError::Malformed));
    }

    #[test]
    fn a_protected_fnr_is_stable_keyed_and_not_the_number() {
        let sealer = Sealer::development();
        let protected = sealer.protect_fnr("08908834756");
        assert!(protected.starts_with("hmac-sha256:") && !protected.contains("08908834756"));
        assert_eq!(protected, sealer.protect_fnr("08908834756"));
        assert_ne!(protected, sealer.protect_fnr("22069015569"));
        let other = Sealer::from_hex(&"11".repeat(32)).unwrap();
        assert_ne!(protected, other.protect_fnr("08908834756"));
    }

    #[test]
    fn another_key_does_not_verify() {
        let other = Sealer::from_hex(&"11".repeat(32)).unwrap();
        let sealed = other.seal(DOC);
        assert_eq!(
            Sealer::development().verify(&sealed),
            Err(SealError::Mismatch)
        );
        assert!(Sealer::from_hex("abc").is_err());
        assert!(Sealer::from_hex(&"zz".repeat(32)).is_err());
    }
}
