//! The case list as `src/web/early_read.js` read it while the app was loading. Taken once, by the
//! first read of the list, which shows it only if it is still what is stored (see `Store::list`).

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::schema::SCHEMA_VERSION;
use super::DB_NAME;

const EARLY_READ: &str = "homewardEarlyRead";

pub(crate) struct EarlyList {
    /// The summaries as a JSON array.
    pub summaries: String,
    /// The list's `list_changed` mark when they were read.
    pub changed: Option<String>,
}

/// The early read, if it was of `database` at this schema (so no upgrade or data step has run
/// since it began).
pub(crate) async fn take(database: &str) -> Option<EarlyList> {
    let read = forget()?;
    if database != DB_NAME {
        return None;
    }
    let found = JsFuture::from(read).await.ok().filter(JsValue::is_object)?;
    let field = |name: &str| Reflect::get(&found, &name.into()).ok();
    let number = |name: &str| field(name).and_then(|v| v.as_f64());
    let current = number("version") == Some(SCHEMA_VERSION.into()) && number("schema") == Some(SCHEMA_VERSION.into());
    current
        .then(|| {
            Some(EarlyList { summaries: field("summaries")?.as_string()?, changed: field("changed")?.as_string() })
        })
        .flatten()
}

/// Takes the early read off the page, unused when the page did not start on the list: a list
/// read later must come from the database as it is then.
pub(crate) fn forget() -> Option<js_sys::Promise> {
    let window: JsValue = web_sys::window()?.into();
    let read = Reflect::get(&window, &EARLY_READ.into()).ok()?.dyn_into::<js_sys::Promise>().ok()?;
    let _ = Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &EARLY_READ.into());
    Some(read)
}
