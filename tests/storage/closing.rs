//! F5: the closing save queues the case, then its summary and deadlines, without waiting (the
//! page may be gone before any answer). If queuing fails part-way, nothing may commit: a case
//! without its summary is missing from the list, one without its deadlines from the overview.

use chrono::Utc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use super::{case_with_items, finish, fresh};

// Makes the browser's own `IDBObjectStore.prototype.put` throw, as a full disk or a value the
// browser cannot clone would, for one object store; returns the function that puts it back.
#[wasm_bindgen(inline_js = r#"
export function failPutsTo(storeName) {
  const original = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (this.name === storeName) throw new DOMException(`injected failure in ${storeName}`, "DataError");
    return original.apply(this, args);
  };
  return () => { IDBObjectStore.prototype.put = original; };
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = failPutsTo)]
    fn fail_puts_to(store: &str) -> js_sys::Function;
}

#[wasm_bindgen_test]
async fn a_closing_save_that_cannot_queue_its_summary_writes_nothing() {
    let name = "homeward-test-closing-partial";
    let store = fresh(name).await;
    let case = store.create(&case_with_items("C-1", "Lucía Gómez")).await.unwrap();
    let mut edited = case.clone();
    edited.plan.child.name = "Lucía Gómez Ruiz".into();
    edited.touch(Utc::now());

    let restore = fail_puts_to("summaries");
    let result = store.save_while_closing(&edited).await;
    restore.call0(&JsValue::NULL).unwrap();
    assert!(result.is_err(), "the closing save reports the failure");
    // Give a transaction left to commit by itself the time to do so.
    gloo_timers::future::TimeoutFuture::new(200).await;

    let stored = store.get(case.id).await.unwrap().expect("the case is still there");
    assert_eq!(stored.revision, case.revision, "the case was not written without its summary");
    assert_eq!(stored.plan.child.name, "Lucía Gómez");
    let list = store.list().await.unwrap();
    assert_eq!(list.cases, vec![stored.summary()], "case and summary agree");
    finish(store, name).await;
}
