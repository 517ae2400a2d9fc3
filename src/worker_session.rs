//! A dedicated Web Worker started for one job and stopped when dropped: the export worker
//! (`crypto_workers.rs`) and the key-derivation worker (`kdf.rs`) are both talked to this way.
//! Its messages are kept in order until read, so none is lost between two reads.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The worker could not be started, or failed (its script or wasm would not load, or it
/// panicked) before it answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkerGone;

pub struct WorkerSession {
    worker: Worker,
    inbox: Rc<RefCell<Inbox>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

#[derive(Default)]
struct Inbox {
    arrived: VecDeque<Result<JsValue, JsValue>>,
    /// The read waiting for the next message: resolve, reject.
    waiting: Option<(Function, Function)>,
}

impl Inbox {
    fn deliver(inbox: &RefCell<Inbox>, message: Result<JsValue, JsValue>) {
        let waiting = inbox.borrow_mut().waiting.take();
        match (waiting, message) {
            (Some((resolve, _)), Ok(value)) => drop(resolve.call1(&JsValue::NULL, &value)),
            (Some((_, reject)), Err(error)) => drop(reject.call1(&JsValue::NULL, &error)),
            (None, message) => inbox.borrow_mut().arrived.push_back(message),
        }
    }
}

impl WorkerSession {
    /// Starts the worker whose loader is at `url` (beside `index.html`, so this works from any
    /// sub-path).
    pub fn start(url: &str) -> Result<Self, WorkerGone> {
        let worker = Worker::new(url).map_err(|_| WorkerGone)?;
        let inbox = Rc::new(RefCell::new(Inbox::default()));
        let on_message = {
            let inbox = inbox.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| Inbox::deliver(&inbox, Ok(ev.data())))
        };
        let on_error = {
            let inbox = inbox.clone();
            Closure::<dyn FnMut(ErrorEvent)>::new(move |ev: ErrorEvent| {
                ev.prevent_default();
                Inbox::deliver(&inbox, Err(JsValue::from_str(&ev.message())));
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Self { worker, inbox, _on_message: on_message, _on_error: on_error })
    }

    pub fn send(&self, request: &JsValue) -> Result<(), WorkerGone> {
        self.worker.post_message(request).map_err(|_| WorkerGone)
    }

    /// The answer to the oldest request not yet answered (the worker's "ready" is skipped).
    pub async fn reply(&self) -> Result<JsValue, WorkerGone> {
        loop {
            let next = self.inbox.borrow_mut().arrived.pop_front();
            let message = match next {
                Some(message) => message,
                None => {
                    let inbox = self.inbox.clone();
                    JsFuture::from(Promise::new(&mut move |resolve, reject| {
                        inbox.borrow_mut().waiting = Some((resolve, reject))
                    }))
                    .await
                }
            };
            let message = message.map_err(|_| WorkerGone)?;
            if field(&message, "ready").as_bool() != Some(true) {
                return Ok(message);
            }
        }
    }
}

impl Drop for WorkerSession {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
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
