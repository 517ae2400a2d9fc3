//! A protected workspace's failures in the reader's language (`workspaces.json`): a wrong
//! passphrase or recovery key, the wait after wrong tries, a recovery key mistyped, a worker's
//! name that cannot be used.

use crate::domain::protection::{NameProblem, RecoveryKeyProblem};
use crate::i18n::{td_string, Locale};
use crate::kdf::KdfFailure;
use crate::storage::keys::KeyError;
use crate::storage::workspaces::ProtectionError;
use crate::unlocking::Failure;
use crate::vocabulary::InWords;

/// What was tried: the wording of a wrong try names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tried {
    Passphrase,
    RecoveryKey,
}

/// Why a workspace was not made, opened or given a new passphrase.
pub fn failure_text(l: Locale, failure: &Failure, tried: Tried) -> String {
    match failure {
        Failure::Protection(ProtectionError::Wrong { .. } | ProtectionError::Key(KeyError::WrongKey)) => {
            let wrong = match tried {
                Tried::Passphrase => td_string!(l, workspaces.wrong_passphrase).to_string(),
                Tried::RecoveryKey => td_string!(l, workspaces.wrong_recovery_key).to_string(),
            };
            // The wait it brings is said once, with the refusal (the countdown is not announced).
            match failure {
                Failure::Protection(ProtectionError::Wrong { next_try_at: Some(until), .. }) => {
                    format!("{wrong} {}", td_string!(l, workspaces.try_again_in, time = wait_left(*until)))
                }
                _ => wrong,
            }
        }
        Failure::Protection(ProtectionError::TooSoon { until }) => {
            td_string!(l, workspaces.too_soon, time = wait_left(*until)).to_string()
        }
        Failure::Protection(ProtectionError::Gone) => td_string!(l, workspaces.gone).to_string(),
        Failure::Protection(ProtectionError::Key(error)) => key_text(l, error),
        Failure::Protection(ProtectionError::Storage(error)) => error.in_words(l),
        Failure::Kdf(KdfFailure::Unavailable) => td_string!(l, workspaces.kdf_unavailable).to_string(),
        Failure::Kdf(KdfFailure::Refused(_)) => td_string!(l, workspaces.kdf_refused).to_string(),
        Failure::Kdf(KdfFailure::Key(error)) => key_text(l, error),
    }
}

fn key_text(l: Locale, error: &KeyError) -> String {
    let detail = match error {
        KeyError::WrongKey => "AES-KW".to_string(),
        KeyError::Undecryptable(detail) | KeyError::Browser(detail) => detail.clone(),
    };
    td_string!(l, workspaces.key_error, detail).to_string()
}

impl InWords for RecoveryKeyProblem {
    fn in_words(&self, l: Locale) -> String {
        match *self {
            Self::WrongLength { found, expected } => td_string!(l, workspaces.key_length, found, expected).to_string(),
            Self::BadCharacter { at, character } => {
                td_string!(l, workspaces.key_character, at, character = character.to_string()).to_string()
            }
            Self::Checksum => td_string!(l, workspaces.key_checksum).to_string(),
        }
    }
}

impl InWords for NameProblem {
    fn in_words(&self, l: Locale) -> String {
        match *self {
            Self::Empty => td_string!(l, workspaces.name_empty).to_string(),
            Self::TooLong { longest } => td_string!(l, workspaces.name_too_long, longest).to_string(),
            Self::Taken => td_string!(l, workspaces.name_taken).to_string(),
        }
    }
}

/// The wait until `until`, as a clock shows it.
fn wait_left(until: chrono::DateTime<chrono::Utc>) -> String {
    countdown((until - chrono::Utc::now()).num_seconds() + 1)
}

/// A wait as a clock shows it: "4:05", or "0:20".
pub fn countdown(seconds: i64) -> String {
    let seconds = seconds.max(0);
    format!("{}:{:02}", seconds / 60, seconds % 60)
}
