//! A tab opened while another already shows "Blocked" is told so too, rather than left waiting.

use homeward::storage::{delete_database, StorageError, Store};
use wasm_bindgen_test::*;

use super::{close_db, finish, hold_v1, within};

#[wasm_bindgen_test]
async fn a_second_open_behind_a_blocked_one_is_blocked_too_not_a_hang() {
    let name = "homeward-test-blocked-twice";
    delete_database(name).await.unwrap();
    let old_tab = hold_v1(name).await.unwrap();
    let first = within(5_000, "the first open", Store::open_named(name)).await;
    assert_eq!(first.err(), Some(StorageError::Blocked));

    // The first open stays queued in the browser; this one waits behind it and hears nothing.
    let second = within(15_000, "a second open behind the blocked one", Store::open_named(name)).await;
    assert_eq!(second.err(), Some(StorageError::Blocked));

    close_db(&old_tab);
    let store = within(5_000, "opening after the old tab let go", Store::open_named(name)).await.unwrap();
    assert!(store.list().await.unwrap().cases.is_empty());
    finish(store, name).await;
}
