//! The Web Worker that writes and reads export files. Key derivation takes about a second on a
//! desktop and longer on a phone; here it never freezes the page. Built by Trunk as its own
//! wasm, so the crypto code is not part of the first page load.
//!
//! Once loaded it sends `{ok: true, ready: true}`; messages sent before then wait for it (see
//! `src/web/crypto_worker_loader.js`). Messages in, each answered in turn:
//! - `{op: "contents"}`: begins the contents of a new export file → `{ok: true, file_key}`;
//! - `{op: "seal", plaintext: Blob | Uint8Array}`: encrypts the contents begun →
//!   `{ok: true, bytes}` (everything after the header, handed over rather than copied);
//! - `{op: "header", passphrase, file_key}`: derives the key from the passphrase and writes the
//!   header wrapping `file_key` → `{ok: true, header}`;
//! - `{op: "open", file: Uint8Array, passphrase | null}` →
//!   `{ok: true, cases (JSON text), exported_at, app_version, encrypted}`.
//!
//! A failure is `{ok: false, error, failure}`, where `failure` is the `WorkerError` itself, for
//! the page to word in its language. An export uses two of these workers: one writes the header
//! (the slow key derivation) while the other encrypts the contents as soon as they are gathered.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let (reply, transfer) = match handle(&ev.data()) {
            Ok(reply) => reply,
            Err(error) => (
                answer(
                    false,
                    &[
                        ("error", JsValue::from_str(&error.to_string())),
                        ("failure", serde_wasm_bindgen::to_value(&error).unwrap_or(JsValue::NULL)),
                    ],
                ),
                None,
            ),
        };
        let _ = match transfer {
            // Handed over, not copied: the contents can be tens of megabytes.
            Some(buffer) => replies.post_message_with_transfer(&reply, &js_sys::Array::of1(&buffer)),
            None => replies.post_message(&reply),
        };
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent while the wasm was still loading would have found no handler: the page
    // waits for this before sending its request.
    let _ = scope.post_message(&answer(true, &[("ready", JsValue::TRUE)]));
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The contents begun by "contents", waiting to be given.
    static CONTENTS: std::cell::RefCell<Option<homeward::crypto::Contents>> = const { std::cell::RefCell::new(None) };
}

/// The reply, and the buffer to hand over with it.
#[cfg(target_arch = "wasm32")]
type Reply = (wasm_bindgen::JsValue, Option<js_sys::ArrayBuffer>);

#[cfg(target_arch = "wasm32")]
fn handle(message: &wasm_bindgen::JsValue) -> Result<Reply, homeward::domain::exchange::WorkerError> {
    use homeward::crypto;
    use homeward::domain::exchange::{self, WorkerError};
    use wasm_bindgen::{JsCast, JsValue};

    let field = |name: &str| js_sys::Reflect::get(message, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let passphrase = field("passphrase").as_string();
    match field("op").as_string().as_deref() {
        Some("contents") => {
            let (contents, file_key) = crypto::Contents::begin(0).map_err(WorkerError::Crypto)?;
            CONTENTS.with(|c| *c.borrow_mut() = Some(contents));
            Ok((answer(true, &[("file_key", js_sys::Uint8Array::from(&file_key[..]).into())]), None))
        }
        Some("seal") => {
            let contents = CONTENTS.with(|c| c.borrow_mut().take()).ok_or(WorkerError::UnknownRequest)?;
            let plaintext = field("plaintext");
            let plaintext = match plaintext.dyn_ref::<web_sys::Blob>() {
                // Read here, not in the page: the page only put its parts together.
                Some(blob) => web_sys::FileReaderSync::new()
                    .and_then(|reader| reader.read_as_array_buffer(blob))
                    .map_err(|e| WorkerError::Prepare(read_failure(&e)))?
                    .into(),
                None => plaintext,
            };
            let plaintext = js_sys::Uint8Array::new(&plaintext).to_vec();
            let bytes = js_sys::Uint8Array::from(contents.seal(&plaintext).map_err(WorkerError::Crypto)?.as_slice());
            Ok((answer(true, &[("bytes", bytes.clone().into())]), Some(bytes.buffer())))
        }
        Some("header") => {
            let file_key: crypto::FileKeyBytes = js_sys::Uint8Array::new(&field("file_key"))
                .to_vec()
                .try_into()
                .map_err(|_| WorkerError::UnknownRequest)?;
            let header = crypto::header(&passphrase.unwrap_or_default(), crypto::WORK_FACTOR, file_key)
                .map_err(WorkerError::Crypto)?;
            Ok((answer(true, &[("header", js_sys::Uint8Array::from(header.as_slice()).into())]), None))
        }
        Some("open") => {
            let file = js_sys::Uint8Array::new(&field("file")).to_vec();
            exchange::check_size(file.len()).map_err(WorkerError::Read)?;
            let encrypted = crypto::is_age(&file);
            let plaintext = match (encrypted, passphrase) {
                (true, Some(p)) => crypto::decrypt(&file, &p).map_err(WorkerError::Crypto)?,
                (true, None) => return Err(WorkerError::NeedsPassphrase),
                (false, _) => file,
            };
            let document =
                exchange::read(&plaintext).map_err(|e| if encrypted { WorkerError::Read(e) } else { not_age_or(e) })?;
            // As JSON text: one copy to the page, parsed there in one go.
            let cases = serde_json::to_string(&document.cases).map_err(|e| WorkerError::Prepare(e.to_string()))?;
            Ok((
                answer(
                    true,
                    &[
                        ("cases", JsValue::from_str(&cases)),
                        ("exported_at", JsValue::from_str(&document.exported_at.to_rfc3339())),
                        ("app_version", JsValue::from_str(&document.app_version)),
                        ("encrypted", JsValue::from_bool(encrypted)),
                    ],
                ),
                None,
            ))
        }
        _ => Err(WorkerError::UnknownRequest),
    }
}

/// Why the contents could not be read, in the browser's words (a `DOMException` such as
/// `NotReadableError` when memory runs out), rather than as a debug dump.
#[cfg(target_arch = "wasm32")]
fn read_failure(error: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<js_sys::Error>()
        .map_or_else(|| "the contents could not be read".into(), |e| String::from(e.message()))
}

/// A file that is neither age nor a Homeward export is named for what it most likely is.
#[cfg(target_arch = "wasm32")]
fn not_age_or(error: homeward::domain::exchange::ReadError) -> homeward::domain::exchange::WorkerError {
    use homeward::domain::exchange::{ReadError, WorkerError};
    match error {
        ReadError::NotAnExport => WorkerError::Crypto(homeward::crypto::CryptoError::NotAge),
        other => WorkerError::Read(other),
    }
}

#[cfg(target_arch = "wasm32")]
fn answer(ok: bool, fields: &[(&str, wasm_bindgen::JsValue)]) -> wasm_bindgen::JsValue {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"ok".into(), &ok.into());
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*name).into(), value);
    }
    object.into()
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The export worker runs in the browser, built by Trunk.");
}
