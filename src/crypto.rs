//! Passphrase encryption of export files in the age v1 format (scrypt recipient), so the stock
//! `age` tool decrypts them: an organisation can recover a file without Homeward.
//!
//! Key derivation is slow on purpose (about two seconds on a desktop); in the app it runs in a
//! Web Worker (`src/bin/crypto_worker.rs`) so the page never freezes, while a second worker
//! encrypts the contents (see [`Contents`]).

use std::cell::RefCell;
use std::collections::HashSet;
use std::io::{Read, Write};
use std::iter;
use std::rc::Rc;

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
    #[error(
        "This file is encrypted for a key, not with a passphrase. Homeward opens only passphrase-encrypted files."
    )]
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

/// The highest scrypt work factor the stock `age` tool (Go, 1.1) opens: a file asking for more
/// is refused there too.
pub const STOCK_AGE_MAX_WORK_FACTOR: u8 = 22;

pub fn is_age(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC) || bytes.trim_ascii_start().starts_with(ARMOR_BEGIN)
}

pub fn encrypt(plaintext: &[u8], passphrase: &str, work_factor: u8) -> Result<Vec<u8>, CryptoError> {
    let (contents, file_key) = Contents::begin(plaintext.len())?;
    let mut file = header(passphrase, work_factor, file_key)?;
    file.extend(contents.seal(plaintext)?);
    Ok(file)
}

/// The random key an age file's contents are encrypted with. Only the header depends on the
/// passphrase: it holds this key, wrapped with a key derived from the passphrase.
pub type FileKeyBytes = [u8; 16];

/// An export file's contents being encrypted, apart from its header: the slow key derivation
/// ([`header`]) runs in another worker meanwhile, so an export takes about as long as the key
/// derivation alone. The file is the header followed by what [`Contents::seal`] returns.
pub struct Contents {
    writer: age::stream::StreamWriter<Shared>,
    written: Rc<RefCell<Vec<u8>>>,
    /// The header age wrote for a stand-in recipient, dropped when sealing.
    stand_in_header: usize,
}

impl Contents {
    /// Draws a new file key; `expected_len` only sizes the buffer.
    pub fn begin(expected_len: usize) -> Result<(Self, FileKeyBytes), CryptoError> {
        let kept = KeptKey::default();
        let encryptor = age::Encryptor::with_recipients(iter::once(&kept as &dyn age::Recipient))
            .map_err(|e| CryptoError::Encrypt(format!("{e:?}")))?;
        let written = Rc::new(RefCell::new(Vec::with_capacity(expected_len + expected_len / 1000 + 256)));
        let writer = encryptor.wrap_output(Shared(written.clone())).map_err(|e| CryptoError::Encrypt(e.to_string()))?;
        // Written so far: the stand-in's header, then the nonce, which belongs to the contents.
        let stand_in_header = written.borrow().len() - NONCE_LEN;
        let file_key = kept.0.take().ok_or_else(|| CryptoError::Encrypt("no file key was drawn".into()))?;
        Ok((Self { writer, written, stand_in_header }, file_key))
    }

    /// Encrypts the contents: the nonce and the encrypted chunks, everything after the header.
    pub fn seal(mut self, plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        self.writer.write_all(plaintext).map_err(|e| CryptoError::Encrypt(e.to_string()))?;
        self.writer.finish().map_err(|e| CryptoError::Encrypt(e.to_string()))?;
        let mut bytes = std::mem::take(&mut *self.written.borrow_mut());
        bytes.drain(..self.stand_in_header);
        Ok(bytes)
    }
}

/// Derives the key from the passphrase (the slow part) and writes the header that wraps
/// `file_key` with it, as age itself writes it: the scrypt stanza, then the header's MAC.
pub fn header(passphrase: &str, work_factor: u8, file_key: FileKeyBytes) -> Result<Vec<u8>, CryptoError> {
    use age::secrecy::ExposeSecret;
    use base64::{prelude::BASE64_STANDARD_NO_PAD, Engine};
    use hmac::{Hmac, Mac};

    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_owned()));
    recipient.set_work_factor(work_factor);
    let file_key = age_core::format::FileKey::new(Box::new(file_key));
    let (stanzas, _) =
        age::Recipient::wrap_file_key(&recipient, &file_key).map_err(|e| CryptoError::Encrypt(format!("{e:?}")))?;
    let mut header = AGE_MAGIC.to_vec();
    for stanza in &stanzas {
        header = cookie_factory::gen_simple(
            age_core::format::write::age_stanza(&stanza.tag, &stanza.args, &stanza.body),
            header,
        )
        .map_err(|e| CryptoError::Encrypt(format!("{e:?}")))?;
    }
    header.extend_from_slice(b"---");
    let mac_key = age_core::primitives::hkdf(&[], b"header", file_key.expose_secret());
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(&mac_key).expect("HMAC takes a key of any length");
    mac.update(&header);
    header.push(b' ');
    header.extend_from_slice(BASE64_STANDARD_NO_PAD.encode(mac.finalize().into_bytes()).as_bytes());
    header.push(b'\n');
    Ok(header)
}

/// The length of the nonce that starts an age file's contents.
const NONCE_LEN: usize = 16;

/// A recipient that only keeps the file key age draws: [`header`] wraps it for the passphrase.
#[derive(Default)]
struct KeptKey(RefCell<Option<FileKeyBytes>>);

impl age::Recipient for KeptKey {
    fn wrap_file_key(
        &self,
        file_key: &age_core::format::FileKey,
    ) -> Result<(Vec<age_core::format::Stanza>, HashSet<String>), age::EncryptError> {
        use age::secrecy::ExposeSecret;
        *self.0.borrow_mut() = Some(*file_key.expose_secret());
        let stand_in = age_core::format::Stanza { tag: "homeward-stand-in".into(), args: Vec::new(), body: Vec::new() };
        Ok((vec![stand_in], HashSet::new()))
    }
}

/// Where the contents are written, still reachable after age takes the writer.
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn decrypt(file: &[u8], passphrase: &str) -> Result<Vec<u8>, CryptoError> {
    decrypt_up_to(file, passphrase, MAX_WORK_FACTOR)
}

/// [`decrypt`], refusing a file that asks for a work factor above `max_work_factor`. The import
/// opens up to [`MAX_WORK_FACTOR`]; the fuzz target (`fuzz/`) opens files with a far lower limit,
/// so that a mutated header cannot make one run take seconds and gigabytes.
pub fn decrypt_up_to(file: &[u8], passphrase: &str, max_work_factor: u8) -> Result<Vec<u8>, CryptoError> {
    if !is_age(file) {
        return Err(CryptoError::NotAge);
    }
    // Reads the binary form as it is and the armored form decoded.
    let decryptor = age::Decryptor::new(age::armor::ArmoredReader::new(file)).map_err(header_error)?;
    if !decryptor.is_scrypt() {
        return Err(CryptoError::NotPassphrase);
    }
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
    identity.set_max_work_factor(max_work_factor);
    let mut reader = decryptor
        .decrypt(iter::once(&identity as &dyn age::Identity))
        .map_err(|error| key_error(error, max_work_factor))?;
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

fn key_error(error: age::DecryptError, limit: u8) -> CryptoError {
    use age::DecryptError::*;
    match error {
        // The passphrase opened no key: with scrypt, that is a wrong passphrase.
        DecryptionFailed | NoMatchingKeys | KeyDecryptionFailed => CryptoError::WrongPassphrase,
        ExcessiveWork { required, .. } => CryptoError::TooMuchWork { required, limit },
        _ => CryptoError::Damaged,
    }
}

/// The key-encryption key of a protected workspace: scrypt of the passphrase with the wrap's
/// stored settings (checked first: a record asking for more than a page can do is refused, not
/// run out of memory). The caller imports it as a non-extractable AES-KW key at once.
pub fn derive_kek(
    passphrase: &str,
    params: &crate::domain::protection::KdfParams,
) -> Result<[u8; 32], crate::domain::protection::KdfProblem> {
    params.accept_for_reading()?;
    Ok(scrypt_32(passphrase.as_bytes(), &params.salt, params.log_n, params.r, params.p))
}

fn scrypt_32(passphrase: &[u8], salt: &[u8], log_n: u8, r: u32, p: u32) -> [u8; 32] {
    let params = scrypt::Params::new(log_n, r, p, 32).expect("settings checked by accept_for_reading");
    let mut key = [0u8; 32];
    scrypt::scrypt(passphrase, salt, &params, &mut key).expect("32 bytes is a valid length");
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fast for tests; the work factor itself is checked by decrypting with stock `age`.
    const FAST: u8 = 4;

    /// RFC 7914, section 12: the first 32 bytes of its 64-byte outputs (scrypt's output is
    /// PBKDF2's, whose shorter output is a prefix of the longer).
    #[test]
    fn the_workspace_key_derivation_is_scrypt_as_rfc_7914_gives_it() {
        type Vector = (&'static [u8], &'static [u8], u8, u32, u32, &'static str);
        let vectors: [Vector; 2] = [
            (b"password", b"NaCl", 10, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"),
            (
                b"pleaseletmein",
                b"SodiumChloride",
                14,
                8,
                1,
                "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2",
            ),
        ];
        for (passphrase, salt, log_n, r, p, expected) in vectors {
            let key = scrypt_32(passphrase, salt, log_n, r, p);
            let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
            assert_eq!(hex, expected);
        }
    }

    #[test]
    fn a_workspace_key_is_derived_only_with_settings_a_page_can_run() {
        use crate::domain::protection::{KdfParams, KdfProblem};
        let mut params = KdfParams::for_writing([7; 16]);
        params.log_n = 10;
        let key = derive_kek("copper kettle winter garden", &params).unwrap();
        assert_eq!(key, scrypt_32(b"copper kettle winter garden", &[7; 16], 10, 8, 1));
        assert_ne!(key, derive_kek("copper kettle winter gardens", &params).unwrap());
        params.log_n = 21;
        assert_eq!(derive_kek("x", &params), Err(KdfProblem::TooMuchWork { log_n: 21 }));
    }

    #[test]
    fn round_trip() {
        let file = encrypt(b"hello Homeward", "correct horse battery staple", FAST).unwrap();
        assert!(is_age(&file));
        assert_eq!(decrypt(&file, "correct horse battery staple").unwrap(), b"hello Homeward");
    }

    #[test]
    fn the_contents_encrypted_apart_open_with_the_header_made_for_their_key() {
        let (contents, file_key) = Contents::begin(0).unwrap();
        let body = contents.seal(&vec![3u8; 200_000]).unwrap();
        let header = header("correct horse battery staple", FAST, file_key).unwrap();
        assert!(header.starts_with(b"age-encryption.org/v1\n-> scrypt "), "{}", String::from_utf8_lossy(&header));
        assert!(!header.windows(b"stand-in".len()).any(|w| w == b"stand-in"), "the stand-in never reaches the file");
        let file = [header.as_slice(), body.as_slice()].concat();
        assert_eq!(decrypt(&file, "correct horse battery staple").unwrap(), vec![3u8; 200_000]);
        assert_eq!(decrypt(&file, "wrong horse battery staple"), Err(CryptoError::WrongPassphrase));
        // A header made for another key does not open these contents.
        let (_, other_key) = Contents::begin(0).unwrap();
        let other = [super::header("correct horse battery staple", FAST, other_key).unwrap(), body].concat();
        assert_eq!(decrypt(&other, "correct horse battery staple"), Err(CryptoError::Damaged));
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
        assert_eq!(
            decrypt(&file[..file.len() / 2], "correct horse battery staple"),
            Err(CryptoError::Damaged),
            "truncated"
        );
        assert_eq!(
            decrypt(&file[..40], "correct horse battery staple"),
            Err(CryptoError::Damaged),
            "truncated inside the header"
        );
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
        assert_eq!(
            decrypt(&heavy, "correct horse battery staple"),
            Err(CryptoError::TooMuchWork { required: 23, limit: MAX_WORK_FACTOR })
        );
        // A lower limit, as the fuzz target sets, refuses the same way before any work.
        assert_eq!(
            decrypt_up_to(&file, "correct horse battery staple", FAST - 1),
            Err(CryptoError::TooMuchWork { required: FAST, limit: FAST - 1 })
        );
        assert_eq!(decrypt_up_to(&file, "correct horse battery staple", FAST).unwrap(), vec![7u8; 200_000]);
    }
}
