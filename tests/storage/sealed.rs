//! A protected workspace's keys and records through the browser's WebCrypto: wraps that open
//! only with their passphrase or the recovery key, keys in use that cannot leave the browser,
//! records that hold no plaintext, survive the structured clone IndexedDB stores by, and open
//! only in their own place.

use homeward::crypto::derive_kek;
use homeward::domain::protection::{KdfParams, RecoveryKey};
use homeward::storage::keys::{self, KeyError};
use homeward::storage::sealed::{self, place};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

const MARKER: &str = "Valentina Quispe QX7RMZ2KW";

/// scrypt at 2^10: fast for tests, and read as any stored wrap is.
fn quick(salt: u8) -> KdfParams {
    KdfParams { log_n: 10, ..KdfParams::for_writing([salt; 16]) }
}

async fn kek(passphrase: &str, params: &KdfParams) -> keys::Kek {
    let mut derived = derive_kek(passphrase, params).unwrap();
    let kek = keys::kek_from_derived(&mut derived).await.unwrap();
    assert_eq!(derived, [0; 32], "the derived bytes are overwritten once imported");
    kek
}

#[wasm_bindgen_test]
async fn a_data_key_wrapped_by_a_passphrase_opens_with_it_and_with_no_other() {
    let params = quick(1);
    let right = kek("copper kettle winter garden", &params).await;
    let data_key = keys::new_data_key().await.unwrap();
    let wrapped = keys::wrap(&data_key, &right).await.unwrap();
    let in_use = keys::unwrap(&wrapped, &right, false).await.unwrap();
    assert!(!in_use.is_extractable(), "a key in use cannot be read out of the browser");
    assert_eq!(
        keys::wrap(&in_use, &right).await.map(|_| ()),
        Err(KeyError::Browser("a key in use cannot be wrapped; unwrap it for wrapping first".into()))
    );
    let wrong = kek("copper kettle winter gardens", &params).await;
    assert_eq!(keys::unwrap(&wrapped, &wrong, false).await.err(), Some(KeyError::WrongKey));
    // The same passphrase with another salt is another key too.
    let other_salt = kek("copper kettle winter garden", &quick(2)).await;
    assert_eq!(keys::unwrap(&wrapped, &other_salt, false).await.err(), Some(KeyError::WrongKey));
    // Sealed with the key from the wrap, opened with the key the wrap gives back.
    let sealed = sealed::seal(&data_key, &place("case", "a"), MARKER.as_bytes()).await.unwrap();
    assert_eq!(sealed::open(&in_use, &place("case", "a"), &sealed).await.unwrap(), MARKER.as_bytes());
}

#[wasm_bindgen_test]
async fn the_recovery_key_opens_the_same_data_key_and_a_mistyped_one_opens_nothing() {
    let by_passphrase = kek("copper kettle winter garden", &quick(3)).await;
    let recovery = keys::new_recovery_key();
    let data_key = keys::new_data_key().await.unwrap();
    let wrap_p = keys::wrap(&data_key, &by_passphrase).await.unwrap();
    let wrap_r = keys::wrap(&data_key, &keys::kek_from_recovery(&recovery).await.unwrap()).await.unwrap();
    assert_ne!(wrap_p, wrap_r);

    let typed = RecoveryKey::parse(&recovery.to_display().to_lowercase()).unwrap();
    let from_recovery = keys::unwrap(&wrap_r, &keys::kek_from_recovery(&typed).await.unwrap(), false).await.unwrap();
    let sealed = sealed::seal(
        &keys::unwrap(&wrap_p, &by_passphrase, false).await.unwrap(),
        &place("case", "b"),
        MARKER.as_bytes(),
    )
    .await
    .unwrap();
    assert_eq!(sealed::open(&from_recovery, &place("case", "b"), &sealed).await.unwrap(), MARKER.as_bytes());

    let another = keys::new_recovery_key();
    let wrong = keys::kek_from_recovery(&another).await.unwrap();
    assert_eq!(keys::unwrap(&wrap_r, &wrong, false).await.err(), Some(KeyError::WrongKey));
}

#[wasm_bindgen_test]
async fn a_passphrase_change_wraps_the_same_key_again_and_every_record_still_opens() {
    let old = kek("copper kettle winter garden", &quick(4)).await;
    let first = keys::new_data_key().await.unwrap();
    let wrapped = keys::wrap(&first, &old).await.unwrap();
    let records: Vec<(String, Vec<u8>)> =
        (0..50).map(|i| (place("case", &i.to_string()), format!("{MARKER} {i}").into_bytes())).collect();
    let sealed = sealed::seal_each(&keys::unwrap(&wrapped, &old, false).await.unwrap(), &records).await.unwrap();

    let for_wrapping = keys::unwrap(&wrapped, &old, true).await.unwrap();
    let new = kek("seven quiet lanterns by the river", &quick(5)).await;
    let rewrapped = keys::wrap(&for_wrapping, &new).await.unwrap();
    assert_eq!(
        keys::unwrap(&rewrapped, &old, false).await.err(),
        Some(KeyError::WrongKey),
        "the old passphrase opens nothing new"
    );

    let in_use = keys::unwrap(&rewrapped, &new, false).await.unwrap();
    let places: Vec<(String, sealed::Sealed)> = records.iter().map(|(p, _)| p.clone()).zip(sealed).collect();
    let opened = sealed::open_each(&in_use, &places).await;
    for ((_, plaintext), opened) in records.iter().zip(opened) {
        assert_eq!(&opened.unwrap(), plaintext);
    }
}

#[wasm_bindgen(inline_js = r#"
export function text_of(records) {
  // Every byte of every record as Latin-1 text, as a scan of the disk would read it.
  return records.map((r) => Object.values(r).map((v) => typeof v === "string" ? v : String.fromCharCode(...v)).join(" ")).join("\n");
}
export function structured_clone(value) { return structuredClone(value); }
export function flip_a_byte(record) { record.ct[5] ^= 1; return record; }
"#)]
extern "C" {
    fn text_of(records: &JsValue) -> String;
    fn flip_a_byte(record: JsValue) -> JsValue;
    fn structured_clone(value: &JsValue) -> JsValue;
}

#[wasm_bindgen_test]
async fn a_sealed_record_holds_no_plaintext_survives_a_structured_clone_and_opens_only_in_its_place() {
    let key = keys::new_data_key().await.unwrap();
    let ids = ["case-1", "case-2"];
    let records: Vec<(String, Vec<u8>)> =
        ids.iter().map(|id| (place("case", id), MARKER.as_bytes().to_vec())).collect();
    let sealed = sealed::seal_each(&key, &records).await.unwrap();
    assert_ne!(sealed[0].iv, sealed[1].iv, "a fresh IV for every record");
    assert_ne!(sealed[0].ct.to_vec(), sealed[1].ct.to_vec(), "the same text seals differently each time");

    let stored: js_sys::Array =
        ids.iter().zip(&sealed).map(|(id, s)| JsValue::from(sealed::to_record(id, s))).collect();
    // As stored: the records as they would be put into IndexedDB, structured-cloned as it does.
    let read: js_sys::Array = structured_clone(&stored).unchecked_into();
    assert!(!text_of(&read).contains("Valentina"), "{}", text_of(&read));
    assert!(!text_of(&read).contains("QX7RMZ2KW"));

    let (id, first) = sealed::from_record(&read.get(0)).unwrap();
    assert_eq!(id, "case-1");
    assert_eq!(sealed::open(&key, &place("case", "case-1"), &first).await.unwrap(), MARKER.as_bytes());
    // Copied under another id, or into another kind of record: it does not open.
    assert!(matches!(sealed::open(&key, &place("case", "case-2"), &first).await, Err(KeyError::Undecryptable(_))));
    assert!(matches!(sealed::open(&key, &place("summary", "case-1"), &first).await, Err(KeyError::Undecryptable(_))));
    // Changed by one bit: it does not open, and the record beside it still does.
    let (_, damaged) = sealed::from_record(&flip_a_byte(read.get(0))).unwrap();
    let (_, second) = sealed::from_record(&read.get(1)).unwrap();
    let opened =
        sealed::open_each(&key, &[(place("case", "case-1"), damaged), (place("case", "case-2"), second)]).await;
    assert_eq!(opened[0], Err(KeyError::Undecryptable(place("case", "case-1"))));
    assert_eq!(opened[1].as_deref(), Ok(MARKER.as_bytes()));
    // Another workspace's key opens nothing.
    let other = keys::new_data_key().await.unwrap();
    assert!(sealed::open(&other, &place("case", "case-2"), &sealed[1]).await.is_err());
    assert!(sealed::from_record(&JsValue::from(js_sys::Object::new())).is_err());
}
