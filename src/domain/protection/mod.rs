//! A worker's protected workspace, as data: the key-derivation settings, the data key wrapped
//! twice (by the passphrase and by the recovery key), the idle time, the delays after wrong
//! tries and the worker's name. No key material is made or used here (that is the browser's
//! WebCrypto and `crate::crypto`); this is what is stored and the rules on it, tested natively.
//! The design is `docs/design/protection.md`.

mod recovery_key;
#[cfg(test)]
mod tests;

use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use recovery_key::{RecoveryKey, RecoveryKeyProblem, RECOVERY_KEY_CHARACTERS};

/// scrypt's settings for one wrap of the data key. The salt is random per wrap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    pub log_n: u8,
    pub r: u32,
    pub p: u32,
    #[serde(with = "hex_bytes")]
    pub salt: [u8; 16],
}

/// Why stored key-derivation settings are not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KdfProblem {
    /// More memory or work than a browser page can give (or settings no Homeward writes).
    TooMuchWork { log_n: u8 },
    /// Too weak to have been written by Homeward, not even for a test.
    TooWeak { log_n: u8 },
}

impl KdfParams {
    /// OWASP's minimum for scrypt (N = 2^17, r = 8, p = 1: 128 MiB, about half a second on a
    /// desktop). Every wrap Homeward writes uses at least this.
    pub const MIN_LOG_N: u8 = 17;
    pub const R: u32 = 8;
    pub const P: u32 = 1;
    /// Read, not written: test fixtures unlock quickly at 2^10. A weaker stored wrap can only
    /// have been written by someone who held the key already; unlocking re-wraps it.
    pub const LOWEST_READ_LOG_N: u8 = 10;
    /// scrypt needs 128 · r · 2^n bytes; in a 32-bit wasm page 2^20 (1 GiB) is the most.
    pub const HIGHEST_READ_LOG_N: u8 = 20;

    /// The settings for a new wrap, with a fresh random salt.
    pub fn for_writing(salt: [u8; 16]) -> Self {
        Self { log_n: Self::MIN_LOG_N, r: Self::R, p: Self::P, salt }
    }

    /// Whether a wrap with these settings may be unwrapped here.
    pub fn accept_for_reading(&self) -> Result<(), KdfProblem> {
        if self.log_n < Self::LOWEST_READ_LOG_N {
            return Err(KdfProblem::TooWeak { log_n: self.log_n });
        }
        if self.log_n > Self::HIGHEST_READ_LOG_N || self.r != Self::R || self.p != Self::P {
            return Err(KdfProblem::TooMuchWork { log_n: self.log_n });
        }
        Ok(())
    }

    /// A wrap below today's minimum, to be written again after a successful unlock.
    pub fn needs_rewrap(&self) -> bool {
        self.log_n < Self::MIN_LOG_N
    }
}

/// The 32-byte data key wrapped with AES-KW (RFC 3394): 40 bytes, the last 8 its integrity check,
/// so a wrong passphrase or recovery key is told by the unwrap failing, never by data read wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wrapped(#[serde(with = "hex_bytes")] pub [u8; 40]);

/// How long the worker must wait before the next try after `failed_tries` wrong ones. The first
/// three are free (key derivation already takes about a second each), then 5 s doubling up to
/// 15 minutes. Nothing is ever wiped after wrong tries: a child's record is not lost to a
/// forgotten passphrase typed by someone else.
pub fn delay_after(failed_tries: u32) -> Duration {
    const FREE: u32 = 3;
    const FIRST: u64 = 5;
    const LONGEST: u64 = 15 * 60;
    if failed_tries <= FREE {
        return Duration::ZERO;
    }
    let doublings = (failed_tries - FREE - 1).min(16);
    Duration::from_secs((FIRST << doublings).min(LONGEST))
}

/// Minutes without use after which the workspace locks itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct IdleMinutes(u8);

impl IdleMinutes {
    pub const SHORTEST: u8 = 5;
    pub const LONGEST: u8 = 60;

    pub fn new(minutes: u8) -> Option<Self> {
        (Self::SHORTEST..=Self::LONGEST).contains(&minutes).then_some(Self(minutes))
    }

    pub fn minutes(self) -> u8 {
        self.0
    }
}

impl Default for IdleMinutes {
    fn default() -> Self {
        Self(15)
    }
}

impl TryFrom<u8> for IdleMinutes {
    type Error = String;
    fn try_from(minutes: u8) -> Result<Self, String> {
        Self::new(minutes).ok_or_else(|| format!("idle minutes out of range: {minutes}"))
    }
}

impl From<IdleMinutes> for u8 {
    fn from(idle: IdleMinutes) -> u8 {
        idle.0
    }
}

/// Why a worker's name cannot be used for a new workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    TooLong {
        longest: usize,
    },
    /// Another workspace on this device has it (ignoring case): the opening screen could not
    /// tell them apart.
    Taken,
}

/// A worker's name as the opening screen lists it and history entries record it.
pub fn worker_name(typed: &str, others: &[&str]) -> Result<String, NameProblem> {
    const LONGEST: usize = 80;
    let name = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(NameProblem::Empty);
    }
    if name.chars().count() > LONGEST {
        return Err(NameProblem::TooLong { longest: LONGEST });
    }
    let folded = name.to_lowercase();
    if others.iter().any(|other| other.trim().to_lowercase() == folded) {
        return Err(NameProblem::Taken);
    }
    Ok(name)
}

/// The order the opening screen lists workers in: by name as people read it (accents and case
/// set aside, so "Élodie" comes between "Ana" and "Marc"), then by age.
pub fn sort_by_worker_name(workspaces: &mut [WorkspaceRecord]) {
    workspaces.sort_by_cached_key(|w| (crate::domain::case_list::fold(&w.worker_name), w.created_at));
}

/// Where a workspace is in its life. Written before its database exists, so an interrupted
/// creation or move is found and finished (or undone) at the next start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum WorkspaceState {
    Creating,
    /// Cases are being moved in from an unprotected database of that name.
    Moving {
        from: String,
    },
    Ready,
}

/// One worker's workspace in the device's registry. Nothing in it is about a child: the worker's
/// name is in clear because the opening screen lists it before any key is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkspaceRecord {
    pub id: Uuid,
    pub worker_name: String,
    pub database: String,
    #[serde(deserialize_with = "crate::domain::stored_dates::time")]
    pub created_at: DateTime<Utc>,
    pub kdf: KdfParams,
    pub by_passphrase: Wrapped,
    /// The recovery key is itself the key-encryption key: 256 random bits need no derivation.
    pub by_recovery: Wrapped,
    #[serde(default)]
    pub idle_minutes: IdleMinutes,
    #[serde(default)]
    pub failed_tries: u32,
    #[serde(default, deserialize_with = "crate::domain::stored_dates::optional_time")]
    pub next_try_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub state: WorkspaceState,
    pub format: u8,
}

impl WorkspaceRecord {
    pub const FORMAT: u8 = 1;

    /// The database of the workspace with this id.
    pub fn database_for(id: Uuid) -> String {
        format!("homeward-w-{id}")
    }

    /// When the next unlock may be tried, or `None` if it may now.
    pub fn wait_until(&self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.next_try_at.filter(|at| *at > now)
    }

    /// A wrong passphrase or recovery key was tried at `now`.
    pub fn tried_wrong(&mut self, now: DateTime<Utc>) {
        self.failed_tries = self.failed_tries.saturating_add(1);
        let delay = delay_after(self.failed_tries);
        self.next_try_at =
            (!delay.is_zero()).then(|| now + chrono::Duration::from_std(delay).expect("at most 15 minutes"));
    }

    /// The workspace was unlocked: the count starts again.
    pub fn unlocked(&mut self) {
        self.failed_tries = 0;
        self.next_try_at = None;
    }
}

/// Byte arrays as hexadecimal text, so records read the same in JSON and in IndexedDB (written
/// by hand: a base64 codec would weigh on the first load, which reads these records to unlock).
mod hex_bytes {
    use super::*;
    use serde::de::Error;
    use serde::{Deserializer, Serializer};

    const DIGITS: &[u8; 16] = b"0123456789abcdef";

    pub fn serialize<S: Serializer, const N: usize>(bytes: &[u8; N], s: S) -> Result<S::Ok, S::Error> {
        let text: String = bytes
            .iter()
            .flat_map(|b| [DIGITS[usize::from(b >> 4)] as char, DIGITS[usize::from(b & 15)] as char])
            .collect();
        s.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>, const N: usize>(d: D) -> Result<[u8; N], D::Error> {
        let text = String::deserialize(d)?;
        let digit = |c: u8| (c as char).to_digit(16).map(|v| v as u8);
        if text.len() % 2 != 0 {
            return Err(D::Error::custom("not hexadecimal: an odd number of digits"));
        }
        let bytes = text
            .as_bytes()
            .chunks(2)
            .map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?))
            .collect::<Option<Vec<u8>>>()
            .ok_or_else(|| D::Error::custom("not hexadecimal"))?;
        let found = bytes.len();
        bytes.try_into().map_err(|_| D::Error::custom(format!("{found} bytes where {N} belong")))
    }
}
