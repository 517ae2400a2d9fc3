//! How the browser keeps this site's data: whether it promised not to evict it, and how much
//! room is used and left (the Storage API, beside IndexedDB).

use gloo_storage::{LocalStorage, Storage};
use js_sys::{Promise, Reflect};
use leptos::prelude::window;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::StorageManager;

fn manager() -> Option<StorageManager> {
    let navigator = window().navigator();
    // Absent outside secure contexts and in old browsers.
    Reflect::has(&navigator, &JsValue::from_str("storage")).ok()?.then(|| navigator.storage())
}

async fn settle(promise: Result<Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

/// Whether the browser has promised not to evict this site's data; None if it cannot say.
pub async fn is_persisted() -> Option<bool> {
    settle(manager()?.persisted()).await?.as_bool()
}

/// Asks for that promise. Chrome decides silently (installed, bookmarked, used often); Firefox
/// asks the user, so this is called when there is something worth keeping.
pub async fn ask_to_persist() -> Option<bool> {
    settle(manager()?.persist()).await?.as_bool()
}

/// (bytes used, bytes this site may use), as the browser estimates them.
pub async fn estimate() -> Option<(f64, f64)> {
    let estimate = settle(manager()?.estimate()).await?;
    let number = |key: &str| Reflect::get(&estimate, &JsValue::from_str(key)).ok()?.as_f64();
    Some((number("usage")?, number("quota")?))
}

/// Where this browser remembers, beside IndexedDB, that a database held cases: IndexedDB can be
/// deleted by the browser (damaged files after a crash, "clear site data" for the database
/// alone) while this stays, so the case list can tell an emptied device from a new one.
fn held_key(database: &str) -> String {
    format!("homeward.held_cases.{database}")
}

pub(crate) fn remember_holding_cases(database: &str) {
    if !held_cases(database) {
        let _ = LocalStorage::set(held_key(database), true);
    }
}

pub(crate) fn held_cases(database: &str) -> bool {
    LocalStorage::get::<bool>(held_key(database)).unwrap_or(false)
}

pub(crate) fn forget_holding_cases(database: &str) {
    LocalStorage::delete(held_key(database));
}
