//! Talks to the export worker (`src/bin/crypto_worker.rs`). A worker is started for each file
//! and stopped after it, so its code is fetched only when someone exports or imports.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// Trunk's loader for the worker, beside `index.html`, so this works from any sub-path.
const WORKER_URL: &str = "./crypto_worker_loader.js";

/// Sends one request and waits for the reply; the reply's `error` becomes `Err`.
pub async fn ask(request: &JsValue) -> Result<JsValue, String> {
    let worker = Worker::new(WORKER_URL).map_err(|_| unavailable())?;
    // The worker says when it is ready; a request sent earlier would be lost.
    let ready = next_message(&worker).await;
    let reply = match ready {
        Ok(_) => {
            worker.post_message(request).map_err(|_| unavailable())?;
            next_message(&worker).await
        }
        Err(e) => Err(e),
    };
    worker.terminate();
    let reply = reply.map_err(|_| unavailable())?;
    if Reflect::get(&reply, &"ok".into()).ok().and_then(|v| v.as_bool()) == Some(true) {
        Ok(reply)
    } else {
        Err(Reflect::get(&reply, &"error".into()).ok().and_then(|v| v.as_string()).unwrap_or_else(unavailable))
    }
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

fn unavailable() -> String {
    "The part of Homeward that writes and reads export files could not be started. Reload the page and try again.".into()
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
pub fn download(bytes: &js_sys::Uint8Array, name: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| "The file could not be made.".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "The file could not be made.".to_string())?;
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a").map_err(|_| "The file could not be saved.".to_string())?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked later: the browser reads the file after this returns.
    leptos::prelude::set_timeout(move || { let _ = web_sys::Url::revoke_object_url(&url); }, std::time::Duration::from_secs(60));
    Ok(())
}
