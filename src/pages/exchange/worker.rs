//! Talks to the export worker (`src/bin/crypto_worker.rs`). A worker is started for each file
//! and stopped after it, so its code is fetched only when someone exports or imports.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use crate::domain::exchange::{ReadError, WorkerError};
use crate::i18n::{td_string, Locale};
use crate::storage::StorageError;

/// Trunk's loader for the worker, beside `index.html`, so this works from any sub-path.
const WORKER_URL: &str = "./crypto_worker_loader.js";

/// Why an export or import did not happen. Kept as what went wrong, not as words, so the
/// message is written in the language showing when it is shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The worker could not be started, or stopped before it answered.
    Unavailable,
    /// The worker's own refusal: a wrong passphrase, a damaged file…
    Worker(WorkerError),
    /// The worker refused in words only (a worker from another build).
    Said(String),
    Storage(StorageError),
    /// The browser would not make the file, or would not hand it over.
    NotMade,
    NotSaved,
    /// The chosen file could not be read from the disk.
    Unreadable,
    /// Decrypted cases that do not fit what this build reads.
    Damaged(String),
    /// Anything else, with its technical detail.
    Other(String),
}

impl Failure {
    pub fn message(&self, l: Locale) -> String {
        match self {
            Self::Unavailable => td_string!(l, exchange.errors.unavailable).to_string(),
            Self::Worker(WorkerError::Crypto(e)) => crate::vocabulary::crypto_error(l, e),
            Self::Worker(WorkerError::Read(e)) => read_error(l, e),
            Self::Worker(WorkerError::NeedsPassphrase) => td_string!(l, exchange.errors.needs_passphrase).to_string(),
            Self::Worker(WorkerError::Prepare(detail)) => td_string!(l, exchange.errors.prepare, detail).to_string(),
            Self::Worker(WorkerError::UnknownRequest) => td_string!(l, exchange.errors.unknown_request).to_string(),
            Self::Said(text) => text.clone(),
            Self::Storage(e) => crate::vocabulary::storage_error(l, e),
            Self::NotMade => td_string!(l, exchange.errors.not_made).to_string(),
            Self::NotSaved => td_string!(l, exchange.errors.not_saved).to_string(),
            Self::Unreadable => td_string!(l, exchange.errors.unreadable).to_string(),
            Self::Damaged(detail) => td_string!(l, exchange.errors.damaged_cases, detail).to_string(),
            Self::Other(detail) => detail.clone(),
        }
    }
}

impl From<StorageError> for Failure {
    fn from(error: StorageError) -> Self {
        Self::Storage(error)
    }
}

/// A case as the exchange pages name it: its number, then the child's name when known.
pub fn case_label(l: Locale, number: &str, child_name: &str) -> String {
    let number = crate::vocabulary::case_number(l, number);
    match child_name.trim() {
        "" => number,
        name => format!("{number} ({name})"),
    }
}

/// Why a decrypted file cannot be imported, in a language.
pub fn read_error(l: Locale, error: &ReadError) -> String {
    match error {
        ReadError::TooLarge { size_mb, limit_mb } => td_string!(l, exchange.errors.too_large, size_mb = *size_mb, limit_mb = *limit_mb).to_string(),
        ReadError::NotAnExport => td_string!(l, exchange.errors.not_an_export).to_string(),
        ReadError::TooNew { found, supported } => td_string!(l, exchange.errors.too_new, found = *found, supported = *supported).to_string(),
        ReadError::Damaged(detail) => td_string!(l, exchange.errors.damaged, detail).to_string(),
    }
}

/// Sends one request and waits for the reply; the reply's `failure` becomes `Err`.
pub async fn ask(request: &JsValue) -> Result<JsValue, Failure> {
    let worker = Worker::new(WORKER_URL).map_err(|_| Failure::Unavailable)?;
    // The worker says when it is ready; a request sent earlier would be lost.
    let ready = next_message(&worker).await;
    let reply = match ready {
        Ok(_) => {
            worker.post_message(request).map_err(|_| Failure::Unavailable)?;
            next_message(&worker).await
        }
        Err(e) => Err(e),
    };
    worker.terminate();
    let reply = reply.map_err(|_| Failure::Unavailable)?;
    if Reflect::get(&reply, &"ok".into()).ok().and_then(|v| v.as_bool()) == Some(true) {
        return Ok(reply);
    }
    if let Ok(failure) = serde_wasm_bindgen::from_value::<WorkerError>(field(&reply, "failure")) {
        return Err(Failure::Worker(failure));
    }
    Err(field(&reply, "error").as_string().map_or(Failure::Unavailable, Failure::Said))
}

/// The worker's next message, or its failure to load or run.
async fn next_message(worker: &Worker) -> Result<JsValue, JsValue> {
    let worker = worker.clone();
    let message = Promise::new(&mut move |resolve: Function, reject: Function| {
        let on_message = Closure::once_into_js(move |ev: MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &ev.data());
        });
        let on_error = Closure::once_into_js(move |ev: ErrorEvent| {
            ev.prevent_default();
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&ev.message()));
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(message).await
}

/// A request object from pairs of names and values.
pub fn request(fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &(*name).into(), value);
    }
    object.into()
}

pub fn field(reply: &JsValue, name: &str) -> JsValue {
    Reflect::get(reply, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Hands the bytes to the browser as a download with this name.
pub fn download(bytes: &js_sys::Uint8Array, name: &str, mime: &str) -> Result<(), Failure> {
    let parts = js_sys::Array::of1(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| Failure::NotMade)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| Failure::NotMade)?;
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| Failure::NotSaved)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked later: the browser reads the file after this returns.
    leptos::prelude::set_timeout(move || { let _ = web_sys::Url::revoke_object_url(&url); }, std::time::Duration::from_secs(60));
    Ok(())
}
