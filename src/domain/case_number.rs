//! Case numbers made on the device. With no server to hand out numbers, each device draws a
//! random code once and numbers its cases in sequence after it, so two devices will not make the
//! same number (25 random bits: any two devices share a code about once in 33 million pairs).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Crockford's base-32 alphabet: no I, L, O or U, so a number read aloud or copied by hand
/// cannot be mistaken.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LEN: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeviceCode(String);

impl DeviceCode {
    /// A code from random bytes (from a v4 UUID, say). Only the first four are read: a v4 UUID
    /// fixes some bits of bytes 6 and 8, which would make codes less random.
    pub fn from_random(bytes: [u8; 16]) -> Self {
        let bits = u32::from_be_bytes(bytes[..4].try_into().expect("4 bytes"));
        let code = (0..CODE_LEN).map(|i| ALPHABET[((bits >> (i * 5)) & 31) as usize] as char).collect();
        Self(code)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The device's numbering state, kept beside the cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseNumber {
    pub device: DeviceCode,
    pub last_sequence: u32,
}

impl CaseNumber {
    pub fn new(device: DeviceCode) -> Self {
        Self { device, last_sequence: 0 }
    }

    /// The year and sequence of a number in this device's own form, `CODE-YEAR-SEQUENCE`.
    fn own(&self, number: &str) -> Option<(i32, u32)> {
        let number = number.trim().to_uppercase();
        let rest = number.strip_prefix(self.device.as_str())?.strip_prefix('-')?;
        let (year, sequence) = rest.split_once('-')?;
        // Up to nine digits: a sequence that long is a typing slip, not this device's count.
        if !(4..=9).contains(&sequence.len()) || !sequence.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((year.parse().ok()?, sequence.parse().ok()?))
    }

    /// The number a new case will carry, given the one on its form. A number in this device's
    /// form that was already given out (another tab created a case with the same proposal)
    /// is replaced by the next one; any other number is the worker's own and is kept, and the
    /// sequence moves past it so it is never proposed again.
    pub fn claim(&mut self, number: &str) -> String {
        match self.own(number) {
            Some((year, sequence)) if sequence <= self.last_sequence => self.next(year),
            Some((_, sequence)) => {
                self.last_sequence = sequence;
                number.trim().to_string()
            }
            None => number.trim().to_string(),
        }
    }

    /// The next number, as `K7Q2M-2026-0001`. The year helps people; the sequence alone keeps
    /// numbers unique on this device, so it does not restart with the year.
    pub fn next(&mut self, year: i32) -> String {
        self.last_sequence = self.last_sequence.saturating_add(1);
        format!("{}-{year}-{:04}", self.device.as_str(), self.last_sequence)
    }
}

impl fmt::Display for DeviceCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn numbers_follow_in_sequence_on_one_device() {
        let mut numbers = CaseNumber::new(DeviceCode::from_random([7; 16]));
        let first = numbers.next(2026);
        let second = numbers.next(2027);
        let code = numbers.device.as_str().to_string();
        assert_eq!(first, format!("{code}-2026-0001"));
        assert_eq!(second, format!("{code}-2027-0002"));
    }

    #[test]
    fn claiming_takes_the_proposal_or_the_next_one_if_it_was_taken() {
        let mut numbers = CaseNumber::new(DeviceCode::from_random([9; 16]));
        let code = numbers.device.as_str().to_string();
        let proposal = numbers.clone().next(2026);
        // Two tabs were shown the same proposal: the first keeps it, the second gets the next.
        assert_eq!(numbers.claim(&proposal), proposal);
        assert_eq!(numbers.claim(&proposal), format!("{code}-2026-0002"));
        // The organisation's own numbers are kept and use nothing up.
        assert_eq!(numbers.claim(" ORG/2026/17 "), "ORG/2026/17");
        assert_eq!(numbers.last_sequence, 2);
        // A number typed in this device's form ahead of the sequence moves the sequence past it.
        assert_eq!(numbers.claim(&format!("{code}-2026-0009")), format!("{code}-2026-0009"));
        assert_eq!(numbers.next(2026), format!("{code}-2026-0010"));
        // Another device's code is just another number.
        assert_eq!(numbers.claim("ZZZZZ-2026-0001"), "ZZZZZ-2026-0001");
        // This device's code typed in lower case is still this device's form.
        let lower = format!("{}-2026-0003", code.to_lowercase());
        assert_eq!(numbers.claim(&lower), format!("{code}-2026-0011"));
        // An absurdly long sequence is not taken as this device's count.
        assert_eq!(numbers.claim(&format!("{code}-2026-99999999999")), format!("{code}-2026-99999999999"));
        assert_eq!(numbers.last_sequence, 11);
    }

    #[test]
    fn codes_come_from_the_random_bytes_of_a_v4_uuid() {
        // Bytes 6 and 8 of a v4 UUID carry fixed version and variant bits; they must not matter.
        let mut a = [0x5a; 16];
        let mut b = a;
        a[6] = 0x40;
        b[6] = 0x4f;
        b[8] = 0xbf;
        assert_eq!(DeviceCode::from_random(a), DeviceCode::from_random(b));
        b[0] ^= 1;
        assert_ne!(DeviceCode::from_random(a), DeviceCode::from_random(b));
    }

    #[test]
    fn codes_use_only_unambiguous_characters() {
        let code = DeviceCode::from_random([0xff; 16]);
        assert_eq!(code.as_str().len(), 5);
        assert!(code.as_str().chars().all(|c| !"ILOU".contains(c)));
    }

    #[test]
    fn different_devices_make_different_numbers() {
        // Deterministic stand-in for random bytes: a simple generator over many devices.
        let mut seen = HashSet::new();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut bytes = [0u8; 16];
            bytes[..8].copy_from_slice(&state.to_be_bytes());
            let mut numbers = CaseNumber::new(DeviceCode::from_random(bytes));
            assert!(seen.insert(numbers.next(2026)), "two devices made the same first number");
        }
    }
}
