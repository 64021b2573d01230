//! Hexadecimal (lower-case), the form of every hash and token we store or send. A leaf
//! module: it imports nothing of ours, so anyone may use it without an import circle.
//! The `hex` crate does the work; every request hashes its session token, and formatting
//! digit by digit cost a string per byte.

/// `bytes` as lower-case hex, two digits each.
pub fn encode(bytes: &[u8]) -> String {
    hex::encode(bytes)
}

/// The bytes `s` spells in hex, or `None` when it is not an even number of hex digits.
pub fn decode(s: &str) -> Option<Vec<u8>> {
    hex::decode(s).ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_trips_and_refuses_what_is_not_hex() {
        assert_eq!(super::encode(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(
            super::decode("000fA5ff"),
            Some(vec![0x00, 0x0f, 0xa5, 0xff])
        );
        assert_eq!(super::decode("abc"), None);
        assert_eq!(super::decode("zz"), None);
        assert_eq!(super::decode(""), Some(vec![]));
    }
}
