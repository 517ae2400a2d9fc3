//! A protected workspace's keys through the browser's own WebCrypto (no cipher code of ours in
//! the page): the key-encryption key from the passphrase (derived elsewhere, imported here at
//! once as a non-extractable AES-KW key) or the recovery key, the random AES-GCM data key, and
//! its wraps. A data key in use is never extractable; it is extractable only for the moment it
//! is wrapped again (a new workspace, a passphrase change, a new recovery key).

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Crypto, CryptoKey, SubtleCrypto};

use crate::domain::protection::{RecoveryKey, Wrapped};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum KeyError {
    /// AES-KW's integrity check failed: the passphrase or recovery key is not this workspace's.
    #[error("The passphrase or recovery key is not the one this workspace was protected with.")]
    WrongKey,
    /// AES-GCM's tag did not match: the record was changed, damaged, or moved to another place.
    #[error("A stored record could not be decrypted: it was changed, damaged or moved ({0}).")]
    Undecryptable(String),
    #[error("The browser's cryptography reported an error: {0}")]
    Browser(String),
}

/// The `name` of a DOMException (the stable part; messages differ by browser).
pub(crate) fn error_name(value: &JsValue) -> Option<String> {
    Reflect::get(value, &"name".into()).ok().and_then(|n| n.as_string())
}

impl KeyError {
    /// Anything WebCrypto threw or rejected with, named by its DOMException when it has one.
    pub(crate) fn from_js(value: JsValue) -> Self {
        let name = error_name(&value);
        let message = Reflect::get(&value, &"message".into()).ok().and_then(|m| m.as_string());
        Self::Browser(match (name, message) {
            (Some(name), Some(message)) if !message.is_empty() => format!("{name}: {message}"),
            (Some(name), _) => name,
            _ => format!("{value:?}"),
        })
    }
}

/// The key that wraps the data key. Non-extractable: its bytes cannot be read back.
#[derive(Clone)]
pub struct Kek(CryptoKey);

/// The AES-256-GCM key that encrypts a workspace's records.
#[derive(Clone)]
pub struct DataKey(CryptoKey);

impl DataKey {
    pub(crate) fn crypto_key(&self) -> &CryptoKey {
        &self.0
    }

    /// Whether the browser would hand out its bytes (only while it is being wrapped anew).
    pub fn is_extractable(&self) -> bool {
        self.0.extractable()
    }

    /// The key as a JavaScript object, to hand from one wasm module of the page to the other
    /// (the first load to the whole app). Its bytes stay unreadable.
    pub fn to_js(&self) -> JsValue {
        self.0.clone().into()
    }

    /// A key handed over by [`DataKey::to_js`]: only a non-extractable AES-GCM key is taken.
    pub fn from_js(value: JsValue) -> Option<Self> {
        let key: CryptoKey = value.dyn_into().ok()?;
        let algorithm = Reflect::get(&key.algorithm().ok()?.into(), &"name".into()).ok()?.as_string()?;
        (algorithm == "AES-GCM" && !key.extractable()).then_some(Self(key))
    }
}

pub(crate) fn crypto() -> Crypto {
    // `crypto` on the window and on a worker's global scope alike.
    Reflect::get(&js_sys::global(), &"crypto".into()).expect("WebCrypto").unchecked_into()
}

fn subtle() -> SubtleCrypto {
    crypto().subtle()
}

pub(crate) fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    crypto().get_random_values_with_u8_array(&mut bytes).expect("getRandomValues of at most 64 KB");
    bytes
}

fn usages(names: &[&str]) -> Array {
    names.iter().map(|n| JsValue::from_str(n)).collect()
}

fn aes_gcm_256() -> Object {
    let algorithm = Object::new();
    let _ = Reflect::set(&algorithm, &"name".into(), &"AES-GCM".into());
    let _ = Reflect::set(&algorithm, &"length".into(), &256.into());
    algorithm
}

async fn settle(promise: Result<Promise, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(promise?).await
}

/// The key-encryption key from a passphrase's derived bytes (`crypto::derive_kek`), imported as
/// a non-extractable AES-KW key; the bytes this function was given are overwritten.
pub async fn kek_from_derived(bytes: &mut [u8; 32]) -> Result<Kek, KeyError> {
    let raw = Uint8Array::from(&bytes[..]);
    bytes.fill(0);
    let imported =
        settle(subtle().import_key_with_str("raw", &raw, "AES-KW", false, &usages(&["wrapKey", "unwrapKey"]))).await;
    raw.fill(0, 0, 32);
    Ok(Kek(imported.map_err(KeyError::from_js)?.unchecked_into()))
}

/// The key-encryption key a recovery key is (256 random bits need no derivation).
pub async fn kek_from_recovery(key: &RecoveryKey) -> Result<Kek, KeyError> {
    kek_from_derived(&mut key.bytes().to_owned()).await
}

/// A new random data key, extractable so that it can be wrapped; wrap it, then use the key
/// [`unwrap`] gives back, which is not.
pub async fn new_data_key() -> Result<DataKey, KeyError> {
    let key = settle(subtle().generate_key_with_object(&aes_gcm_256(), true, &usages(&["encrypt", "decrypt"])))
        .await
        .map_err(KeyError::from_js)?;
    Ok(DataKey(key.unchecked_into()))
}

/// The data key wrapped by `kek`: 40 bytes to store in the registry.
pub async fn wrap(key: &DataKey, kek: &Kek) -> Result<Wrapped, KeyError> {
    if !key.is_extractable() {
        return Err(KeyError::Browser("a key in use cannot be wrapped; unwrap it for wrapping first".into()));
    }
    let wrapped =
        settle(subtle().wrap_key_with_str("raw", &key.0, &kek.0, "AES-KW")).await.map_err(KeyError::from_js)?;
    let bytes = Uint8Array::new(&wrapped).to_vec();
    let bytes: [u8; 40] =
        bytes.try_into().map_err(|b: Vec<u8>| KeyError::Browser(format!("AES-KW gave {} bytes, not 40", b.len())))?;
    Ok(Wrapped(bytes))
}

/// The data key from its wrap. `for_wrapping` asks for a key that can be wrapped again (a
/// passphrase change); otherwise the key cannot leave the browser's keeping.
pub async fn unwrap(wrapped: &Wrapped, kek: &Kek, for_wrapping: bool) -> Result<DataKey, KeyError> {
    let bytes = Uint8Array::from(&wrapped.0[..]);
    let unwrapped = settle(subtle().unwrap_key_with_buffer_source_and_str_and_str(
        "raw",
        &bytes,
        &kek.0,
        "AES-KW",
        "AES-GCM",
        for_wrapping,
        &usages(&["encrypt", "decrypt"]),
    ))
    .await;
    match unwrapped {
        Ok(key) => Ok(DataKey(key.unchecked_into())),
        Err(error) if error_name(&error).as_deref() == Some("OperationError") => Err(KeyError::WrongKey),
        Err(error) => Err(KeyError::from_js(error)),
    }
}

/// A fresh random salt for a passphrase's wrap (one per wrap, so a new passphrase, or the same
/// one typed again, gives another key-encryption key).
pub fn new_salt() -> [u8; 16] {
    random_bytes()
}

/// A fresh random recovery key, to show once.
pub fn new_recovery_key() -> RecoveryKey {
    RecoveryKey::from_bytes(random_bytes())
}
