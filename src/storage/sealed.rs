//! A protected workspace's records: each one AES-256-GCM encrypted by the browser under the
//! workspace's data key, with a fresh random 96-bit IV, and bound to its place (kind and id) by
//! the additional data, so a record copied to another id or store does not open. Stored as
//! `{id, iv, ct}` with the bytes as typed arrays, which IndexedDB keeps as they are.
//!
//! Every encryption is issued before any is awaited (one `Promise.all`): WebCrypto answers in
//! later tasks, so this runs before a transaction, never inside one (see `raw.rs`).

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::keys::{crypto, error_name, random_bytes, DataKey, KeyError};

/// What a record's ciphertext is bound to: the format, the kind of record and its id.
pub fn place(kind: &str, id: &str) -> String {
    format!("homeward/1/{kind}/{id}")
}

/// One record's ciphertext and the IV it was made with.
#[derive(Clone, Debug)]
pub struct Sealed {
    pub iv: [u8; 12],
    pub ct: Uint8Array,
}

fn gcm(iv: &[u8; 12], place: &str) -> Object {
    let algorithm = Object::new();
    let _ = Reflect::set(&algorithm, &"name".into(), &"AES-GCM".into());
    let _ = Reflect::set(&algorithm, &"iv".into(), &Uint8Array::from(&iv[..]));
    let _ = Reflect::set(&algorithm, &"additionalData".into(), &Uint8Array::from(place.as_bytes()));
    algorithm
}

/// Encrypts every `(place, plaintext)` at once.
pub async fn seal_each(key: &DataKey, records: &[(String, Vec<u8>)]) -> Result<Vec<Sealed>, KeyError> {
    let subtle = crypto().subtle();
    let mut ivs = Vec::with_capacity(records.len());
    let pending = Array::new();
    for (place, plaintext) in records {
        let iv: [u8; 12] = random_bytes();
        let data = Uint8Array::from(&plaintext[..]);
        let promise = subtle
            .encrypt_with_object_and_buffer_source(&gcm(&iv, place), key.crypto_key(), &data)
            .map_err(KeyError::from_js)?;
        pending.push(&promise);
        ivs.push(iv);
    }
    let all = JsFuture::from(Promise::all(&pending)).await.map_err(KeyError::from_js)?;
    let all: Array = all.unchecked_into();
    Ok(ivs.into_iter().zip(all.iter()).map(|(iv, ct)| Sealed { iv, ct: Uint8Array::new(&ct) }).collect())
}

pub async fn seal(key: &DataKey, place: &str, plaintext: &[u8]) -> Result<Sealed, KeyError> {
    let mut one = seal_each(key, &[(place.to_string(), plaintext.to_vec())]).await?;
    Ok(one.pop().expect("one record sealed"))
}

/// Decrypts every `(place, sealed)` at once; each answer on its own, so one damaged record is
/// told as that record, not as the failure of all.
pub async fn open_each(key: &DataKey, records: &[(String, Sealed)]) -> Vec<Result<Vec<u8>, KeyError>> {
    let subtle = crypto().subtle();
    // Every decryption is issued first, so they run side by side; then each is awaited in turn.
    let pending: Vec<Result<Promise, JsValue>> = records
        .iter()
        .map(|(place, sealed)| {
            subtle.decrypt_with_object_and_buffer_source(&gcm(&sealed.iv, place), key.crypto_key(), &sealed.ct)
        })
        .collect();
    let mut opened = Vec::with_capacity(records.len());
    for (promise, (place, _)) in pending.into_iter().zip(records) {
        opened.push(match promise {
            Ok(promise) => match JsFuture::from(promise).await {
                Ok(plaintext) => Ok(Uint8Array::new(&plaintext).to_vec()),
                // AES-GCM refuses with OperationError when the tag does not match; anything
                // else (a key not meant for this) is the browser's to name.
                Err(error) if error_name(&error).as_deref() == Some("OperationError") => {
                    Err(KeyError::Undecryptable(place.clone()))
                }
                Err(error) => Err(KeyError::from_js(error)),
            },
            Err(error) => Err(KeyError::from_js(error)),
        });
    }
    opened
}

pub async fn open(key: &DataKey, place: &str, sealed: &Sealed) -> Result<Vec<u8>, KeyError> {
    let mut one = open_each(key, &[(place.to_string(), sealed.clone())]).await;
    one.pop().expect("one record opened")
}

/// The stored form, `{id, iv, ct}`.
pub fn to_record(id: &str, sealed: &Sealed) -> Object {
    let record = Object::new();
    let _ = Reflect::set(&record, &"id".into(), &id.into());
    let _ = Reflect::set(&record, &"iv".into(), &Uint8Array::from(&sealed.iv[..]));
    let _ = Reflect::set(&record, &"ct".into(), &sealed.ct);
    record
}

/// Reads `{id, iv, ct}` back; anything else is named, not guessed at.
pub fn from_record(record: &JsValue) -> Result<(String, Sealed), KeyError> {
    let field = |name: &str| Reflect::get(record, &name.into()).unwrap_or(JsValue::UNDEFINED);
    let id = field("id").as_string().ok_or_else(|| KeyError::Undecryptable("a record without an id".into()))?;
    let iv = field("iv")
        .dyn_into::<Uint8Array>()
        .ok()
        .and_then(|iv| <[u8; 12]>::try_from(iv.to_vec()).ok())
        .ok_or_else(|| KeyError::Undecryptable(format!("{id}: no 12-byte IV")))?;
    let ct =
        field("ct").dyn_into::<Uint8Array>().map_err(|_| KeyError::Undecryptable(format!("{id}: no ciphertext")))?;
    Ok((id, Sealed { iv, ct }))
}
