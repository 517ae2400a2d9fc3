//! How the browser keeps this site's data: whether it promised not to evict it, and how much
//! room is used and left (the Storage API, beside IndexedDB).

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
