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

    /// Whether `number` is exactly the one [`next`](Self::next) would make now, for the year it
    /// names; a number typed by hand uses nothing up.
    pub fn is_next(&self, number: &str) -> bool {
        let number = number.trim();
        let year = number
            .strip_prefix(self.device.as_str())
            .and_then(|rest| rest.strip_prefix('-'))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(year, _)| year.parse::<i32>().ok());
        year.is_some_and(|year| self.clone().next(year) == number)
    }

    /// The next number, as `K7Q2M-2026-0001`. The year helps people; the sequence alone keeps
    /// numbers unique on this device, so it does not restart with the year.
    pub fn next(&mut self, year: i32) -> String {
        self.last_sequence += 1;
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
    fn only_the_very_next_number_counts_as_proposed() {
        let mut numbers = CaseNumber::new(DeviceCode::from_random([9; 16]));
        let code = numbers.device.as_str().to_string();
        assert!(numbers.is_next(&format!("{code}-2026-0001")));
        assert!(numbers.is_next(&format!(" {code}-2031-0001 ")));
        assert!(!numbers.is_next(&format!("{code}-2026-0002")));
        assert!(!numbers.is_next("ORG/2026/17"));
        numbers.next(2026);
        assert!(numbers.is_next(&format!("{code}-2026-0002")));
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
