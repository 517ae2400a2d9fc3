//! A newer Homeward asking for the database is told to the tab, even when it asks while the tab
//! is still opening (before the app listens).

use std::cell::RefCell;
use std::rc::Rc;

use homeward::storage::{Change, Store};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use super::finish;

#[wasm_bindgen(inline_js = r#"
export function openNewer(name, version) {
  return new Promise((ok, fail) => { const r = indexedDB.open(name, version); r.onsuccess = () => { r.result.close(); ok(); }; r.onerror = () => fail(r.error); });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = openNewer, catch)]
    async fn open_newer(name: &str, version: u32) -> Result<JsValue, JsValue>;
}

#[wasm_bindgen_test]
async fn a_newer_version_asking_before_the_app_listens_is_still_told() {
    let name = "homeward-test-superseded-early";
    homeward::storage::delete_database(name).await.unwrap();
    let store = Store::open_named(name).await.unwrap();
    // A newer Homeward opens the database, which needs this tab to let go, all before this
    // tab's app has attached its listener.
    open_newer(name, homeward::storage::SCHEMA_VERSION + 1)
        .await
        .expect("the newer version opens once this tab lets go");

    let heard = Rc::new(RefCell::new(Vec::new()));
    let record = heard.clone();
    store.listen(move |change| record.borrow_mut().push(change));

    assert_eq!(*heard.borrow(), vec![Change::Superseded]);
    finish(store, name).await;
}
