//! `cargo xtask bench`: filled in below.
use crate::TaskResult;

pub fn bench() -> TaskResult {
    Err("bench: not yet".into())
}
