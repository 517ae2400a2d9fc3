//! The recovery key: 256 random bits that unwrap a workspace's data key without the passphrase,
//! shown once when the workspace is made, to print and keep with the organisation.
//!
//! Written for people copying it by hand from paper: Crockford's base32 (no I, L, O or U to
//! confuse), in groups of four, with a 24-bit check so that a mistyped or swapped character is
//! told as a typo before any key is tried. The check is a CRC-24 (the OpenPGP polynomial): it
//! catches every error within 24 consecutive bits, so every single wrong character (5 bits) and
//! every pair of neighbours swapped (10 bits).

use std::fmt;

/// The 32 alphabet characters, in value order.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const KEY_BYTES: usize = 32;
const CHECK_BYTES: usize = 3;
/// (32 + 3) bytes = 280 bits = 56 characters of 5 bits, with no padding.
pub const RECOVERY_KEY_CHARACTERS: usize = (KEY_BYTES + CHECK_BYTES) * 8 / 5;
const GROUP: usize = 4;

#[derive(Clone, PartialEq, Eq)]
pub struct RecoveryKey([u8; KEY_BYTES]);

/// Why what was typed is not a recovery key. `at` counts characters of the key (from 1), not of
/// what was typed, so spaces and hyphens do not shift it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryKeyProblem {
    WrongLength {
        found: usize,
        expected: usize,
    },
    BadCharacter {
        at: usize,
        character: char,
    },
    /// Every character is possible but they do not agree with each other: a typo somewhere.
    Checksum,
}

impl RecoveryKey {
    pub fn from_bytes(bytes: [u8; KEY_BYTES]) -> Self {
        Self(bytes)
    }

    pub fn bytes(&self) -> &[u8; KEY_BYTES] {
        &self.0
    }

    /// The key as shown and printed: 56 characters in 14 groups of four, separated by spaces.
    pub fn to_display(&self) -> String {
        let characters = encode(&self.with_check());
        let groups: Vec<String> =
            characters.as_bytes().chunks(GROUP).map(|g| String::from_utf8_lossy(g).into_owned()).collect();
        groups.join(" ")
    }

    /// Reads a key as a person types it: any case, with or without spaces and hyphens, O read as
    /// zero and I or L as one.
    pub fn parse(typed: &str) -> Result<Self, RecoveryKeyProblem> {
        let mut values = Vec::with_capacity(RECOVERY_KEY_CHARACTERS);
        for character in typed.chars().filter(|c| !c.is_whitespace() && *c != '-') {
            let at = values.len() + 1;
            values.push(value_of(character).ok_or(RecoveryKeyProblem::BadCharacter { at, character })?);
        }
        if values.len() != RECOVERY_KEY_CHARACTERS {
            return Err(RecoveryKeyProblem::WrongLength { found: values.len(), expected: RECOVERY_KEY_CHARACTERS });
        }
        let bytes = decode(&values);
        let (key, check) = bytes.split_at(KEY_BYTES);
        if crc24(key).to_be_bytes()[1..] != *check {
            return Err(RecoveryKeyProblem::Checksum);
        }
        Ok(Self(key.try_into().expect("32 bytes")))
    }

    fn with_check(&self) -> [u8; KEY_BYTES + CHECK_BYTES] {
        let mut all = [0u8; KEY_BYTES + CHECK_BYTES];
        all[..KEY_BYTES].copy_from_slice(&self.0);
        all[KEY_BYTES..].copy_from_slice(&crc24(&self.0).to_be_bytes()[1..]);
        all
    }
}

/// Never printed by accident (in a panic, a log): the key opens every case of the workspace.
impl fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryKey(…)")
    }
}

fn value_of(character: char) -> Option<u8> {
    let upper = match character.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    ALPHABET.iter().position(|&a| a as char == upper).map(|v| v as u8)
}

fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 8 / 5);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    out
}

fn decode(values: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(values.len() * 5 / 8);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &value in values {
        buffer = (buffer << 5) | u32::from(value);
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    out
}

/// CRC-24 as OpenPGP defines it (RFC 4880, 6.1).
fn crc24(bytes: &[u8]) -> u32 {
    let mut crc: u32 = 0x00B7_04CE;
    for &byte in bytes {
        crc ^= u32::from(byte) << 16;
        for _ in 0..8 {
            crc <<= 1;
            if crc & 0x0100_0000 != 0 {
                crc ^= 0x0186_4CFB;
            }
        }
    }
    crc & 0x00FF_FFFF
}

#[cfg(test)]
pub(super) fn crc24_for_test(bytes: &[u8]) -> u32 {
    crc24(bytes)
}
