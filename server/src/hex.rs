//! Hexadecimal (lower-case), the form of every hash and token we store or send. A leaf
//! module: it imports nothing of ours, so anyone may use it without an import circle.

/// `bytes` as lower-case hex, two digits each.
pub fn encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The bytes `s` spells in hex, or `None` when it is not an even number of hex digits.
pub fn decode(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}
