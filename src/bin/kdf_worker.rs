//! The Web Worker that turns a protected workspace's passphrase into its key-encryption key
//! (scrypt at OWASP's settings: 128 MiB and about half a second on a desktop, several seconds
//! on an old phone). Here the page never freezes while it works. Built by Trunk as its own small
//! wasm (scrypt and nothing else of note), fetched as the unlock form appears.
//!
//! Once loaded it sends `{ok: true, ready: true}`; messages sent before then wait for it (see
//! `src/web/kdf_worker_loader.js`). One message in, one answer out:
//! - `{passphrase, salt: Uint8Array(16), log_n, r, p}` → `{ok: true, kek: Uint8Array(32)}`, the
//!   bytes handed over, not copied, so the page can import them and zero them;
//! - settings no Homeward reads → `{ok: false, too_weak | too_much_work: log_n}`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    console_error_panic_hook::set_once();
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        let _ = match derive(&ev.data()) {
            Ok(kek) => replies.post_message_with_transfer(
                &answer(&[("ok", JsValue::TRUE), ("kek", kek.clone().into())]),
                &js_sys::Array::of1(&kek.buffer()),
            ),
            Err(refusal) => replies.post_message(&answer(&[("ok", JsValue::FALSE), refusal])),
        };
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&answer(&[("ok", JsValue::TRUE), ("ready", JsValue::TRUE)]));
}

/// The key, or the refusal as a field of the answer.
#[cfg(target_arch = "wasm32")]
fn derive(message: &wasm_bindgen::JsValue) -> Result<js_sys::Uint8Array, (&'static str, wasm_bindgen::JsValue)> {
    use homeward::domain::protection::{KdfParams, KdfProblem};
    use wasm_bindgen::JsValue;

    let field = |name: &str| js_sys::Reflect::get(message, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let number = |name: &str| field(name).as_f64().unwrap_or(0.0);
    let mut salt = [0u8; 16];
    let given = js_sys::Uint8Array::new(&field("salt"));
    if given.length() as usize == salt.len() {
        given.copy_to(&mut salt);
    }
    let params = KdfParams { log_n: number("log_n") as u8, r: number("r") as u32, p: number("p") as u32, salt };
    let passphrase = field("passphrase").as_string().unwrap_or_default();
    match homeward::crypto::derive_kek(&passphrase, &params) {
        Ok(mut kek) => {
            let bytes = js_sys::Uint8Array::from(&kek[..]);
            // The worker is stopped after its answer; until then no copy of the key lingers here.
            zero(&mut kek);
            Ok(bytes)
        }
        Err(KdfProblem::TooWeak { log_n }) => Err(("too_weak", JsValue::from(log_n))),
        Err(KdfProblem::TooMuchWork { log_n }) => Err(("too_much_work", JsValue::from(log_n))),
    }
}

#[cfg(target_arch = "wasm32")]
fn zero(bytes: &mut [u8]) {
    for byte in bytes.iter_mut() {
        // Volatile, so the compiler keeps a write to memory that is never read again.
        unsafe { std::ptr::write_volatile(byte, 0) };
    }
}

#[cfg(target_arch = "wasm32")]
fn answer(fields: &[(&str, wasm_bindgen::JsValue)]) -> wasm_bindgen::JsValue {
    let object = js_sys::Object::new();
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*name).into(), value);
    }
    object.into()
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The key-derivation worker runs in the browser, built by Trunk.");
}
