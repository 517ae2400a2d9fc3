//! Passphrase encryption of export files in the age v1 format (scrypt recipient), so the stock
//! `age` tool decrypts them: an organisation can recover a file without Homeward.
//!
//! Key derivation is slow on purpose (about a second on a desktop); in the app it runs in a Web
//! Worker (`src/bin/crypto_worker.rs`) so the page never freezes.

use std::io::{Read, Write};
use std::iter;

use age::secrecy::SecretString;

/// As strong as stock `age`: scrypt with N = 2^18.
pub const WORK_FACTOR: u8 = 18;
/// The strongest work factor a file may ask for. Stock `age` accepts up to 22, and so does a
/// native build; in the browser scrypt's memory (128 · r · 2^n bytes) must fit a 32-bit
/// address space, and 2^21 already needs 2 GiB, so the page stops at 20 (1 GiB). A file above
/// that is refused with a message naming the stock tool, which opens it.
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_WORK_FACTOR: u8 = 22;
#[cfg(target_arch = "wasm32")]
pub const MAX_WORK_FACTOR: u8 = 20;

/// The first bytes of every age v1 file.
pub const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
pub enum CryptoError {
    #[error("The passphrase is not the one this file was encrypted with. Check it with the colleague who sent the file; nothing was imported.")]
    WrongPassphrase,
    #[error("This file is not an encrypted Homeward export (it is not in the age format).")]
    NotAge,
    #[error("This file is encrypted for a key, not with a passphrase. Homeward opens only passphrase-encrypted files.")]
    NotPassphrase,
    #[error("This file is damaged: it was cut short or changed after it was encrypted. Ask for it to be sent again; nothing was imported.")]
    Damaged,
    #[error("This file asks for more work to open than Homeward can do here (work factor {required}; Homeward opens up to {limit}). The stock age tool can decrypt it.")]
    TooMuchWork { required: u8, limit: u8 },
    #[error("The file could not be encrypted: {0}")]
    Encrypt(String),
}

/// The first line of an age file in its text ("armored") form, as `age -a` writes it.
const ARMOR_BEGIN: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

pub fn is_age(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC) || bytes.trim_ascii_start().starts_with(ARMOR_BEGIN)
}

pub fn encrypt(plaintext: &[u8], passphrase: &str, work_factor: u8) -> Result<Vec<u8>, CryptoError> {
    Sealing::begin(passphrase, work_factor, plaintext.len())?.seal(plaintext)
}

/// An export file begun: the key is derived and the header written, the contents still to come.
/// Splitting the two lets the slow key derivation run while the contents are being gathered.
pub struct Sealing(age::stream::StreamWriter<Vec<u8>>);

impl Sealing {
    /// Derives the key from the passphrase (the slow part) and writes the file's header.
    /// `expected_len` only sizes the buffer.
    pub fn begin(passphrase: &str, work_factor: u8, expected_len: usize) -> Result<Self, CryptoError> {
        let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
        recipient.set_work_factor(work_factor);
        let encryptor = age::Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient)).map_err(|e| CryptoError::Encrypt(format!("{e:?}")))?;
        let out = Vec::with_capacity(expected_len + expected_len / 1000 + 256);
        encryptor.wrap_output(out).map(Self).map_err(|e| CryptoError::Encrypt(e.to_string()))
    }

    /// Encrypts the contents and returns the whole file.
    pub fn seal(mut self, plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        self.0.write_all(plaintext).map_err(|e| CryptoError::Encrypt(e.to_string()))?;
        self.0.finish().map_err(|e| CryptoError::Encrypt(e.to_string()))
    }
}

pub fn decrypt(file: &[u8], passphrase: &str) -> Result<Vec<u8>, CryptoError> {
    if !is_age(file) {
        return Err(CryptoError::NotAge);
    }
    // Reads the binary form as it is and the armored form decoded.
    let decryptor = age::Decryptor::new(age::armor::ArmoredReader::new(file)).map_err(header_error)?;
    if !decryptor.is_scrypt() {
        return Err(CryptoError::NotPassphrase);
    }
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let mut reader = decryptor.decrypt(iter::once(&identity as &dyn age::Identity)).map_err(key_error)?;
    let mut plaintext = Vec::with_capacity(file.len());
    reader.read_to_end(&mut plaintext).map_err(|_| CryptoError::Damaged)?;
    Ok(plaintext)
}

/// The header could not be read: cut short or changed.
fn header_error(error: age::DecryptError) -> CryptoError {
    match error {
        age::DecryptError::UnknownFormat => CryptoError::NotAge,
        _ => CryptoError::Damaged,
    }
}

fn key_error(error: age::DecryptError) -> CryptoError {
    use age::DecryptError::*;
    match error {
        // The passphrase opened no key: with scrypt, that is a wrong passphrase.
        DecryptionFailed | NoMatchingKeys | KeyDecryptionFailed => CryptoError::WrongPassphrase,
        ExcessiveWork { required, .. } => CryptoError::TooMuchWork { required, limit: MAX_WORK_FACTOR },
        _ => CryptoError::Damaged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fast for tests; the work factor itself is checked by decrypting with stock `age`.
    const FAST: u8 = 4;

    #[test]
    fn round_trip() {
        let file = encrypt(b"hello Homeward", "correct horse battery staple", FAST).unwrap();
        assert!(is_age(&file));
        assert_eq!(decrypt(&file, "correct horse battery staple").unwrap(), b"hello Homeward");
    }

    #[test]
    fn an_armored_file_opens_too() {
        let mut armored = Vec::new();
        let mut recipient = age::scrypt::Recipient::new(SecretString::from("correct horse battery staple".to_owned()));
        recipient.set_work_factor(FAST);
        let encryptor = age::Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient)).unwrap();
        let output = age::armor::ArmoredWriter::wrap_output(&mut armored, age::armor::Format::AsciiArmor).unwrap();
        let mut writer = encryptor.wrap_output(output).unwrap();
        writer.write_all(b"armored").unwrap();
        writer.finish().unwrap().finish().unwrap();
        assert!(is_age(&armored));
        assert_eq!(decrypt(&armored, "correct horse battery staple").unwrap(), b"armored");
    }

    #[test]
    fn every_bad_input_is_named() {
        let file = encrypt(&vec![7u8; 200_000], "correct horse battery staple", FAST).unwrap();
        assert_eq!(decrypt(&file, "wrong horse battery staple"), Err(CryptoError::WrongPassphrase));
        assert_eq!(decrypt(b"{\"format\":\"homeward-export\"}", "x"), Err(CryptoError::NotAge));
        assert_eq!(decrypt(&file[..file.len() / 2], "correct horse battery staple"), Err(CryptoError::Damaged), "truncated");
        assert_eq!(decrypt(&file[..40], "correct horse battery staple"), Err(CryptoError::Damaged), "truncated inside the header");
        let mut tampered = file.clone();
        let at = tampered.len() - 100;
        tampered[at] ^= 1;
        assert_eq!(decrypt(&tampered, "correct horse battery staple"), Err(CryptoError::Damaged), "tampered body");
        let mut tampered_header = file.clone();
        let at = tampered_header.iter().position(|&b| b == b'\n').unwrap() + 12;
        tampered_header[at] ^= 1;
        assert!(decrypt(&tampered_header, "correct horse battery staple").is_err(), "tampered header");
        // A header that asks for more work than stock age accepts is refused before any work.
        let stanza = file.windows(3).position(|w| w == b" 4\n").expect("the scrypt stanza ends with its work factor");
        let mut heavy = file.clone();
        heavy.splice(stanza + 1..stanza + 2, *b"23");
        assert_eq!(decrypt(&heavy, "correct horse battery staple"), Err(CryptoError::TooMuchWork { required: 23, limit: MAX_WORK_FACTOR }));
    }
}
