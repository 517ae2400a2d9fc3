//! What the fuzz target and its seeds share.

/// The passphrase the fuzz target decrypts with, and the age seeds are encrypted with.
pub const PASSPHRASE: &str = "correct horse battery staple";

/// The heaviest age header the fuzz target opens: scrypt at 2^4 takes microseconds. The import
/// opens up to `crypto::MAX_WORK_FACTOR` (2^22 natively), which would take seconds and
/// gigabytes a run once a mutation raises a seed's work factor.
pub const MAX_WORK_FACTOR: u8 = 4;
