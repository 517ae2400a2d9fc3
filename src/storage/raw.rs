//! Async glue over the browser's IndexedDB API, used instead of rexie (0.6.2) because its
//! wrappers hide exactly what this module must see: rexie's open never listens for `blocked`
//! (it waits until the other tab closes), and `Transaction::done()` resolves `Ok(Aborted)`
//! without the DOMException that aborted it, so a quota failure at commit could not be named.
//!
//! Rule for callers: between issuing requests on a transaction and awaiting [`committed`], await
//! only IndexedDB requests. Those resume in the same microtask checkpoint as the browser's event,
//! while the transaction is still active; any other await would let it commit early.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Event, EventTarget, IdbDatabase, IdbFactory, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode,
    IdbVersionChangeEvent,
};

use super::error::{Stage, StorageError};

/// Event listeners that are detached when dropped, so an abandoned wait never leaves the
/// browser calling a freed closure.
struct Listeners<'a> {
    target: &'a EventTarget,
    attached: Vec<(&'static str, Listener)>,
}

type Listener = Closure<dyn FnMut(Event)>;

impl Drop for Listeners<'_> {
    fn drop(&mut self) {
        for (name, callback) in &self.attached {
            let _ = self.target.remove_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
        }
    }
}

/// `blocked` also fires while the other connections merely finish their last transaction (ours
/// close as soon as asked); only one still open after this long (a tab running old code that
/// ignores the request) is reported.
const BLOCKED_GRACE_MS: u32 = 2_000;
/// An open queued behind another tab's blocked open hears nothing at all, not even `blocked`,
/// until that one goes ahead. A healthy open answers far sooner than this, even on an old phone.
const QUEUED_LIMIT_MS: u32 = 10_000;
const TIMED_OUT: &str = "timeout";

/// Waits for the first of `events` to fire on `target` and says which it was, or [`TIMED_OUT`].
async fn first_event(target: &EventTarget, events: &[&'static str], limit_ms: Option<u32>) -> &'static str {
    let fired = Rc::new(Cell::new(None));
    let mut listeners = Listeners { target, attached: Vec::new() };
    let mut _timer = None;
    let promise = Promise::new(&mut |resolve: Function, _reject: Function| {
        if let Some(ms) = limit_ms {
            let resolve = resolve.clone();
            _timer = Some(Timeout::new(ms, move || {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }));
        }
        for &name in events {
            let (resolve, fired) = (resolve.clone(), fired.clone());
            let callback = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                if fired.get().is_none() {
                    fired.set(Some(name));
                }
                let _ = resolve.call0(&JsValue::UNDEFINED);
            });
            let _ = target.add_event_listener_with_callback(name, callback.as_ref().unchecked_ref());
            listeners.attached.push((name, callback));
        }
    });
    let _ = JsFuture::from(promise).await;
    fired.get().unwrap_or(TIMED_OUT)
}

fn request_error(request: &IdbRequest, stage: Stage) -> StorageError {
    match request.error() {
        Ok(Some(exception)) => StorageError::from_js(&exception, stage),
        Ok(None) => StorageError::Other("the request failed without saying why".into()),
        Err(err) => StorageError::from_js(&err, stage),
    }
}

/// The result of one request, or the DOMException it failed with. A request cancelled because
/// its transaction aborted (it fails with AbortError) reports what aborted the transaction, so a
/// quota or constraint failure earlier in it keeps its name.
pub(crate) async fn request(request: &IdbRequest) -> Result<JsValue, StorageError> {
    // Already answered (an await of something else came between issuing and awaiting it): its
    // event has fired and will not fire again, so waiting for it would hang.
    let answered = request.ready_state() == web_sys::IdbRequestReadyState::Done;
    let outcome = if answered {
        if request.error().ok().flatten().is_none() {
            "success"
        } else {
            "error"
        }
    } else {
        first_event(request, &["success", "error"], None).await
    };
    match outcome {
        "success" => request.result().map_err(StorageError::from),
        _ => {
            let own = request_error(request, Stage::InUse);
            let cause = request.transaction().and_then(|tx| tx.error());
            match (&own, cause) {
                (StorageError::Aborted(_), Some(cause)) => Err(StorageError::from_js(&cause, Stage::InUse)),
                _ => Err(own),
            }
        }
    }
}

/// Ok only once the browser reports the transaction committed. An abort is always an error,
/// named by the transaction's `error` (QuotaExceededError arrives this way: at commit, with no
/// failed request to report it).
pub(crate) async fn committed(tx: &IdbTransaction) -> Result<(), StorageError> {
    match first_event(tx, &["complete", "abort"], None).await {
        "complete" => Ok(()),
        _ => Err(match tx.error() {
            Some(exception) => StorageError::from_js(&exception, Stage::InUse),
            None => StorageError::Aborted("the transaction was cancelled".into()),
        }),
    }
}

/// Runs `body`, which queues the writes of one readwrite transaction, then waits for the commit.
/// If the body fails part-way the transaction is aborted, so nothing it queued is kept.
pub(crate) async fn write<T>(
    tx: &IdbTransaction,
    body: impl Future<Output = Result<T, StorageError>>,
) -> Result<T, StorageError> {
    match body.await {
        Ok(value) => committed(tx).await.map(|()| value),
        Err(err) => {
            // Throws if the browser already aborted it (a failed request does that); either way
            // wait for the abort to finish so the caller can rely on nothing having changed.
            if tx.abort().is_ok() {
                let _ = committed(tx).await;
            }
            Err(err)
        }
    }
}

/// Opens a transaction over `stores`. A readwrite one asks for strict durability: Chromium
/// (since 121) otherwise reports a commit before the data reaches the disk, and "Saved" would
/// then not survive a power cut.
pub(crate) fn transaction(
    db: &IdbDatabase,
    stores: &[&str],
    mode: IdbTransactionMode,
) -> Result<IdbTransaction, StorageError> {
    let names: Array = stores.iter().map(|name| JsValue::from_str(name)).collect();
    if mode != IdbTransactionMode::Readwrite {
        return Ok(db.transaction_with_str_sequence_and_mode(&names, mode)?);
    }
    let options = js_sys::Object::new();
    Reflect::set(&options, &"durability".into(), &"strict".into())?;
    Ok(db.unchecked_ref::<Database>().transaction_with_options(&names, "readwrite", &options)?)
}

// web-sys has the options argument only behind its unstable-API flag; this one call is bound here.
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// The browser's `IDBDatabase`, for the call web-sys does not offer.
    type Database;
    #[wasm_bindgen(method, catch, js_name = transaction)]
    fn transaction_with_options(
        this: &Database,
        stores: &Array,
        mode: &str,
        options: &js_sys::Object,
    ) -> Result<IdbTransaction, JsValue>;
}

fn factory() -> Result<IdbFactory, StorageError> {
    // Reading `indexedDB` itself throws SecurityError where site data is blocked.
    let value = Reflect::get(&js_sys::global(), &JsValue::from_str("indexedDB"))
        .map_err(|e| StorageError::from_js(&e, Stage::Opening))?;
    value.dyn_into().map_err(|_| StorageError::Unavailable("this browser has no IndexedDB".into()))
}

/// Creates or changes object stores; runs inside the browser's upgrade transaction.
pub(crate) type Upgrade = fn(&IdbDatabase, u32) -> Result<(), JsValue>;

/// Opens `name` at `version`, running `upgrade` with the old version when the database is older.
/// Reports `Blocked` when another connection still refuses to let go [`BLOCKED_GRACE_MS`] after
/// the browser said it blocks the upgrade, or when the open hears nothing for
/// [`QUEUED_LIMIT_MS`] (queued behind another tab's blocked open).
pub(crate) async fn open(name: &str, version: u32, upgrade: Upgrade) -> Result<IdbDatabase, StorageError> {
    let opening = |e: JsValue| StorageError::from_js(&e, Stage::Opening);
    let request = factory()?.open_with_u32(name, version).map_err(opening)?;
    let failure: Rc<RefCell<Option<JsValue>>> = Rc::default();
    let on_upgrade = {
        let (request, failure) = (request.clone(), failure.clone());
        Closure::<dyn FnMut(IdbVersionChangeEvent)>::new(move |event: IdbVersionChangeEvent| {
            let (Ok(db), Some(tx)) = (request.result(), request.transaction()) else { return };
            if let Err(err) = upgrade(&db.unchecked_into(), event.old_version() as u32) {
                failure.replace(Some(err));
                let _ = tx.abort();
            }
        })
    };
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let mut outcome = first_event(&request, &["success", "error", "blocked"], Some(QUEUED_LIMIT_MS)).await;
    if outcome == "blocked" {
        outcome = first_event(&request, &["success", "error"], Some(BLOCKED_GRACE_MS)).await;
    }
    match outcome {
        "success" => {
            request.set_onupgradeneeded(None);
            request.result().map(JsCast::unchecked_into).map_err(opening)
        }
        "error" => {
            request.set_onupgradeneeded(None);
            let failure = failure.take();
            Err(failure.map(opening).unwrap_or_else(|| request_error(&request, Stage::Opening)))
        }
        _ => {
            abandon(&request);
            Err(StorageError::Blocked)
        }
    }
}

/// A blocked open stays queued and would go ahead once the other tab lets go, leaving an open
/// connection nobody holds, which would block the next upgrade in turn. Make it come to nothing:
/// abort its upgrade, and close the connection should it open anyway.
fn abandon(request: &IdbOpenDbRequest) {
    let pending = request.clone();
    let abort = Closure::once_into_js(move |_: Event| {
        if let Some(tx) = pending.transaction() {
            let _ = tx.abort();
        }
    });
    let pending = request.clone();
    let close = Closure::once_into_js(move |_: Event| {
        if let Ok(db) = pending.result() {
            db.unchecked_into::<IdbDatabase>().close();
        }
    });
    request.set_onupgradeneeded(Some(abort.unchecked_ref()));
    request.set_onsuccess(Some(close.unchecked_ref()));
}

/// The database `name` as it is, opened at whatever version it has, or `None` if there is no
/// such database (none is made: the upgrade a new one would need is aborted).
pub(crate) async fn open_existing(name: &str) -> Result<Option<IdbDatabase>, StorageError> {
    let opening = |e: JsValue| StorageError::from_js(&e, Stage::Opening);
    let request = factory()?.open(name).map_err(opening)?;
    let new = Rc::new(Cell::new(false));
    let on_upgrade = {
        let (request, new) = (request.clone(), new.clone());
        Closure::<dyn FnMut(Event)>::new(move |_: Event| {
            new.set(true);
            if let Some(tx) = request.transaction() {
                let _ = tx.abort();
            }
        })
    };
    request.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let outcome = first_event(&request, &["success", "error"], Some(QUEUED_LIMIT_MS)).await;
    request.set_onupgradeneeded(None);
    match outcome {
        "success" => request.result().map(|db| Some(db.unchecked_into())).map_err(opening),
        "error" if new.get() => Ok(None),
        "error" => Err(request_error(&request, Stage::Opening)),
        _ => {
            // Should it go ahead later, it must make no database and hold no connection.
            abandon(&request);
            Err(StorageError::Blocked)
        }
    }
}

/// Deletes a database. `Blocked` when a connection to it stays open (the deletion then stays
/// queued in the browser and completes when that connection closes).
pub(crate) async fn delete(name: &str) -> Result<(), StorageError> {
    let request = factory()?.delete_database(name).map_err(|e| StorageError::from_js(&e, Stage::Opening))?;
    let mut outcome = first_event(&request, &["success", "error", "blocked"], None).await;
    if outcome == "blocked" {
        outcome = first_event(&request, &["success", "error"], Some(BLOCKED_GRACE_MS)).await;
    }
    match outcome {
        "success" => Ok(()),
        "error" => Err(request_error(&request, Stage::Opening)),
        _ => Err(StorageError::Blocked),
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use wasm_bindgen_test::*;

    use super::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn upgrade(db: &IdbDatabase, _: u32) -> Result<(), JsValue> {
        db.create_object_store("records")?;
        Ok(())
    }

    /// F4: a request awaited after one that failed hears only AbortError; the error the caller
    /// gets must still be the cause (here ConstraintError, as QuotaExceededError would be).
    #[wasm_bindgen_test]
    async fn a_request_cancelled_by_an_earlier_failure_reports_that_failure() {
        let name = "homeward-test-raw-abort";
        let _ = delete(name).await;
        let db = open(name, 1, upgrade).await.unwrap();
        let tx = transaction(&db, &["records"], IdbTransactionMode::Readwrite).unwrap();
        let records = tx.object_store("records").unwrap();
        records.put_with_key(&JsValue::from(1), &JsValue::from(1)).unwrap();
        committed(&tx).await.unwrap();

        let tx = transaction(&db, &["records"], IdbTransactionMode::Readwrite).unwrap();
        let result = write(&tx, async {
            let records = tx.object_store("records")?;
            // `add` of a key that is stored fails, which aborts the transaction; the read queued
            // after it is then cancelled.
            records.add_with_key(&JsValue::from(2), &JsValue::from(1))?;
            request(&records.get(&JsValue::from(1))?).await
        })
        .await;
        match result {
            Err(StorageError::Other(detail)) => assert!(detail.starts_with("ConstraintError"), "{detail}"),
            other => panic!("expected the ConstraintError that aborted it, got {other:?}"),
        }
        db.close();
        delete(name).await.unwrap();
    }

    /// A request awaited only after something else was awaited (here a timer; in a protected
    /// workspace, the browser's cryptography) was answered meanwhile: its result comes back
    /// rather than a wait for an event that already fired.
    #[wasm_bindgen_test]
    async fn a_request_answered_before_it_is_awaited_still_gives_its_result() {
        let name = "homeward-test-raw-answered";
        let _ = delete(name).await;
        let db = open(name, 1, upgrade).await.unwrap();
        let tx = transaction(&db, &["records"], IdbTransactionMode::Readwrite).unwrap();
        tx.object_store("records").unwrap().put_with_key(&JsValue::from(7), &JsValue::from(1)).unwrap();
        committed(&tx).await.unwrap();

        let tx = transaction(&db, &["records"], IdbTransactionMode::Readonly).unwrap();
        let asked = tx.object_store("records").unwrap().get(&JsValue::from(1)).unwrap();
        gloo_timers::future::TimeoutFuture::new(50).await;
        let answer = futures::future::select(
            Box::pin(request(&asked)),
            Box::pin(gloo_timers::future::TimeoutFuture::new(2_000)),
        )
        .await;
        match answer {
            futures::future::Either::Left((found, _)) => assert_eq!(found.unwrap(), JsValue::from(7)),
            futures::future::Either::Right(_) => panic!("the answered request was waited for forever"),
        }
        db.close();
        delete(name).await.unwrap();
    }
}
