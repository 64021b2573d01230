//! Order reference numbers: "BP-" + 8 characters from an alphabet without look-alikes
//! (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), so they survive being read aloud over the phone.

/// The characters a reference may use.
pub const ALPHABET: &[u8] = b"34679ACDEFGHJKMNPQRTUVWXY";
const PREFIX: &str = "BP-";
const LEN: usize = 8;

/// Builds a reference from random bytes (one per character; the caller brings the randomness).
pub fn from_random(bytes: [u8; LEN]) -> String {
    let body: String = bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    format!("{PREFIX}{}-{}", &body[..4], &body[4..])
}

/// Whether `s` has the shape of a reference (checked before any lookup).
pub fn is_well_formed(s: &str) -> bool {
    let Some(rest) = s.strip_prefix(PREFIX) else {
        return false;
    };
    let bytes = rest.as_bytes();
    bytes.len() == LEN + 1
        && bytes[4] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || ALPHABET.contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_references_are_well_formed() {
        for seed in 0..=255u8 {
            let r = from_random([seed, seed.wrapping_mul(7), 3, 250, 9, 1, 128, seed ^ 0x55]);
            assert!(is_well_formed(&r), "{r}");
        }
    }

    #[test]
    fn look_alikes_and_bad_shapes_are_refused() {
        for bad in [
            "BP-0OIL-3467",
            "BP-3467-346",
            "XX-3467-3467",
            "BP-34673467",
            "",
            "BP-3467-34670",
        ] {
            assert!(!is_well_formed(bad), "{bad}");
        }
    }
}
