//! Every write asks for strict durability: "Saved" then means on disk, not only handed to the
//! browser (Chromium's default since version 121 is relaxed).

use chrono::Utc;
use homeward::domain::exchange::merge::Write;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use super::{case_with_items, finish, fresh};

// Wraps the browser's own `IDBDatabase.prototype.transaction` and records, for every
// transaction opened, its mode and the durability the browser reports for it.
#[wasm_bindgen(inline_js = r#"
export function watchTransactions() {
  const original = IDBDatabase.prototype.transaction;
  const seen = [];
  IDBDatabase.prototype.transaction = function (...args) {
    const tx = original.apply(this, args);
    seen.push({ mode: tx.mode, durability: tx.durability, stores: [...tx.objectStoreNames].join(",") });
    return tx;
  };
  return () => { IDBDatabase.prototype.transaction = original; return JSON.stringify(seen); };
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = watchTransactions)]
    fn watch_transactions() -> js_sys::Function;
}

#[wasm_bindgen_test]
async fn every_write_asks_for_strict_durability() {
    let name = "homeward-test-durability";
    let store = fresh(name).await;
    let stop = watch_transactions();

    let case = store.create(&case_with_items("D-1", "Lucía Gómez")).await.unwrap();
    let mut edited = case.clone();
    edited.touch(Utc::now());
    store.save(&edited).await.unwrap();
    edited.touch(Utc::now());
    store.save_while_closing(&edited).await.unwrap();
    let other = case_with_items("D-2", "Koffi Mensah");
    store.import(&[Write { case: other, expect_revision: None, restores: false }]).await.unwrap();
    store.delete(case.id, "Ana Ruiz").await.unwrap();
    store.list().await.unwrap();

    let seen: Vec<serde_json::Value> =
        serde_json::from_str(&stop.call0(&JsValue::NULL).unwrap().as_string().unwrap()).unwrap();
    let writes: Vec<&serde_json::Value> = seen.iter().filter(|t| t["mode"] == "readwrite").collect();
    assert!(writes.len() >= 5, "create, save, closing save, import and delete: {seen:?}");
    for tx in writes {
        assert_eq!(tx["durability"], "strict", "{tx}");
    }
    assert!(seen.iter().any(|t| t["mode"] == "readonly"), "reads are watched too: {seen:?}");
    finish(store, name).await;
}
