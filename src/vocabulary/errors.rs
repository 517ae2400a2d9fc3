//! Storage and encryption failures in words a case worker can act on (`errors.json`), and the one
//! way anything that went wrong is worded: [`InWords`].

use crate::crypto::CryptoError;
use crate::i18n::{td_string, Locale};
use crate::storage::StorageError;

/// What went wrong, kept as data and worded in the reader's language only when shown (so a
/// message on screen follows a switch of language). Every error type the pages show has it, and
/// `components::alert::Alert` shows it.
pub trait InWords {
    fn in_words(&self, l: Locale) -> String;
}

impl InWords for StorageError {
    fn in_words(&self, l: Locale) -> String {
        storage_error(l, self)
    }
}

impl InWords for CryptoError {
    fn in_words(&self, l: Locale) -> String {
        crypto_error(l, self)
    }
}

/// A storage failure told in words a case worker can act on.
fn storage_error(l: Locale, error: &StorageError) -> String {
    match error {
        StorageError::QuotaExceeded => td_string!(l, errors.quota_exceeded).to_string(),
        StorageError::Blocked => td_string!(l, errors.blocked).to_string(),
        StorageError::Superseded => td_string!(l, errors.superseded).to_string(),
        StorageError::ChangedElsewhere => td_string!(l, errors.changed_elsewhere).to_string(),
        StorageError::Deleted => td_string!(l, errors.deleted_elsewhere).to_string(),
        StorageError::Aborted(detail) => td_string!(l, errors.aborted, detail).to_string(),
        StorageError::Unavailable(detail) => td_string!(l, errors.unavailable, detail).to_string(),
        StorageError::Outdated => td_string!(l, errors.outdated).to_string(),
        StorageError::Locked => td_string!(l, errors.locked).to_string(),
        StorageError::Corrupt(detail) => td_string!(l, errors.corrupt, detail).to_string(),
        StorageError::Other(detail) => td_string!(l, errors.other, detail).to_string(),
    }
}

/// An export or import failure of the encryption layer.
fn crypto_error(l: Locale, error: &CryptoError) -> String {
    match error {
        CryptoError::WrongPassphrase => td_string!(l, errors.wrong_passphrase).to_string(),
        CryptoError::NotAge => td_string!(l, errors.not_age).to_string(),
        CryptoError::NotPassphrase => td_string!(l, errors.not_passphrase).to_string(),
        CryptoError::Damaged => td_string!(l, errors.damaged).to_string(),
        // Only above what the stock tool opens would pointing to it be wrong.
        CryptoError::TooMuchWork { required, limit } if *required > crate::crypto::STOCK_AGE_MAX_WORK_FACTOR => {
            td_string!(l, errors.too_much_work_anywhere, required = *required, limit = *limit).to_string()
        }
        CryptoError::TooMuchWork { required, limit } => {
            td_string!(l, errors.too_much_work, required = *required, limit = *limit).to_string()
        }
        CryptoError::Encrypt(detail) => td_string!(l, errors.encrypt_failed, detail).to_string(),
    }
}
