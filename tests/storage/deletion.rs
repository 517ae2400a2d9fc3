//! A deleted case stays deleted: its tombstone, its content kept apart, and no closing save
//! that brings it back.

use chrono::Utc;
use homeward::domain::history::Event;
use wasm_bindgen_test::*;

use super::{case_with_items, finish, fresh, get_raw};

#[wasm_bindgen_test]
async fn a_deletion_leaves_a_tombstone_and_keeps_the_content_apart() {
    let name = "homeward-test-tombstone";
    let store = fresh(name).await;
    let case = store.create(&case_with_items("T-1", "Lucía Gómez")).await.unwrap();
    let before = Utc::now();

    store.delete(case.id, "Ana Ruiz").await.unwrap();

    let stone = store.tombstone(case.id).await.unwrap().expect("a tombstone");
    assert_eq!((stone.id, stone.deleted_by.as_str()), (case.id, "Ana Ruiz"));
    assert!(stone.deleted_at >= before && stone.deleted_at <= Utc::now());
    assert_eq!(store.get(case.id).await.unwrap(), None);
    let id = case.id.to_string();
    for gone in ["summaries", "deadlines"] {
        assert_eq!(get_raw(name, gone, &id).await.unwrap().as_string().unwrap(), "null", "{gone}");
    }
    let kept: homeward::domain::Case =
        serde_json::from_str(&get_raw(name, "recently_deleted", &id).await.unwrap().as_string().unwrap()).unwrap();
    assert_eq!(kept, case, "the content is kept apart, to be restored");
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn a_closing_save_of_a_case_deleted_meanwhile_writes_nothing() {
    let name = "homeward-test-closing-after-delete";
    let store = fresh(name).await;
    let case = store.create(&case_with_items("T-2", "Koffi Mensah")).await.unwrap();
    // Another tab deletes it; this tab, which never heard, closes with an edit waiting.
    let other_tab = homeward::storage::Store::open_named(name).await.unwrap();
    other_tab.delete(case.id, "Marc Dubois").await.unwrap();
    other_tab.close();
    let mut edited = case.clone();
    edited.plan.child.name = "Koffi Mensah Jr".into();
    edited.touch(Utc::now());

    assert!(store.save_while_closing(&edited).await.is_err(), "refused");

    assert_eq!(store.get(case.id).await.unwrap(), None, "the case is not back");
    assert!(store.list().await.unwrap().cases.is_empty(), "nor its summary");
    assert!(store.deadlines().await.unwrap().0.is_empty(), "nor its deadlines");
    assert!(store.report_records().await.unwrap().0.is_empty(), "nor its report record");
    assert!(store.tombstone(case.id).await.unwrap().is_some(), "the tombstone stays");
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn a_closing_save_of_a_live_case_lands_and_leaves_no_tombstone() {
    let name = "homeward-test-closing-save";
    let store = fresh(name).await;
    let case = store.create(&case_with_items("T-3", "Ana Quispe")).await.unwrap();
    let mut edited = case.clone();
    edited.plan.child.name = "Ana María Quispe".into();
    edited.touch(Utc::now());

    store.save_while_closing(&edited).await.unwrap();

    assert_eq!(store.get(case.id).await.unwrap(), Some(edited.clone()));
    assert_eq!(store.list().await.unwrap().cases, vec![edited.summary()]);
    assert_eq!(store.tombstone(case.id).await.unwrap(), None, "the guard's probe is taken away again");
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn an_import_meets_a_tombstone_only_by_bringing_the_case_back() {
    use homeward::domain::exchange::merge::Write;
    use homeward::storage::StorageError;
    let name = "homeward-test-import-over-tombstone";
    let store = fresh(name).await;
    let case = store.create(&case_with_items("T-4", "Rosa Condori")).await.unwrap();
    let other = case_with_items("T-5", "Juan Mamani");
    store.delete(case.id, "Ana Ruiz").await.unwrap();
    let write = |restores| Write { case: case.clone(), expect_revision: None, restores };

    // A preview made before the deletion, say in another tab, would offer it as new.
    let refused =
        store.import(&[Write { case: other.clone(), expect_revision: None, restores: false }, write(false)]).await;
    assert_eq!(refused, Err(StorageError::ChangedElsewhere));
    assert!(store.list().await.unwrap().cases.is_empty(), "all or nothing: not even the other case");
    assert!(store.tombstone(case.id).await.unwrap().is_some());

    store.import(&[write(true)]).await.unwrap();
    assert_eq!(store.get(case.id).await.unwrap(), Some(case.clone()), "brought back");
    assert_eq!(store.tombstone(case.id).await.unwrap(), None, "no longer deleted");
    let id = case.id.to_string();
    assert_eq!(get_raw(name, "recently_deleted", &id).await.unwrap().as_string().unwrap(), "null");
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn a_restored_case_comes_back_whole_and_is_no_longer_deleted() {
    let name = "homeward-test-restore";
    let store = fresh(name).await;
    let case = store.create(&case_with_items("T-6", "Lucía Gómez")).await.unwrap();
    store.delete(case.id, "Ana Ruiz").await.unwrap();
    let listed = store.recently_deleted().await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].case.clone(), listed[0].tombstone.deleted_by.as_str()), (case.clone(), "Ana Ruiz"));

    let back = store.restore(case.id, Utc::now(), "Ben Osei").await.unwrap();

    assert_eq!(back.plan, case.plan, "the content as it was deleted");
    let told: Vec<_> = back.history.0.iter().rev().take(2).map(|e| (e.event.clone(), e.by.as_str())).collect();
    assert_eq!(
        told,
        [(Some(Event::Restored), "Ben Osei"), (Some(Event::Deleted), "Ana Ruiz")],
        "the history tells both"
    );
    assert!(back.revision > case.revision, "newer than the version deleted");
    assert_eq!(store.get(case.id).await.unwrap(), Some(back.clone()));
    assert_eq!(store.list().await.unwrap().cases, vec![back.summary()], "listed again");
    assert_eq!(store.deadlines().await.unwrap().0, vec![back.deadlines()], "its dates due again");
    assert_eq!(store.report_records().await.unwrap().0, vec![back.report_record()], "counted again");
    assert_eq!(store.tombstone(case.id).await.unwrap(), None, "no longer deleted");
    assert!(store.recently_deleted().await.unwrap().is_empty());
    // A save from an editor that had the case open before it was deleted is refused now too.
    let mut stale = case.clone();
    stale.touch(Utc::now());
    assert_eq!(store.save(&stale).await, Err(homeward::storage::StorageError::ChangedElsewhere));
    assert_eq!(
        store.restore(case.id, Utc::now(), "Ben Osei").await,
        Err(homeward::storage::StorageError::Deleted),
        "a second restore (another tab) finds nothing to bring back"
    );
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn deleting_permanently_erases_the_content_and_keeps_the_tombstone() {
    let name = "homeward-test-erase";
    let store = fresh(name).await;
    let case = store.create(&case_with_items("T-7", "Koffi Mensah")).await.unwrap();
    store.delete(case.id, "Ana Ruiz").await.unwrap();

    store.delete_permanently(case.id).await.unwrap();

    let id = case.id.to_string();
    assert_eq!(get_raw(name, "recently_deleted", &id).await.unwrap().as_string().unwrap(), "null", "content gone");
    assert!(store.recently_deleted().await.unwrap().is_empty());
    assert!(store.tombstone(case.id).await.unwrap().is_some(), "still known as deleted, for imports");
    assert_eq!(store.restore(case.id, Utc::now(), "Ben Osei").await, Err(homeward::storage::StorageError::Deleted));
    assert_eq!(store.get(case.id).await.unwrap(), None);
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn content_kept_past_thirty_days_is_erased_and_younger_content_is_not() {
    let name = "homeward-test-erase-expired";
    let store = fresh(name).await;
    let old = store.create(&case_with_items("T-8", "Ana Quispe")).await.unwrap();
    let young = store.create(&case_with_items("T-9", "Rosa Condori")).await.unwrap();
    store.delete(old.id, "").await.unwrap();
    gloo_timers::future::TimeoutFuture::new(5).await;
    store.delete(young.id, "").await.unwrap();
    // "Now" moves on to the moment the first can no longer be restored, the second still can.
    let later = store.tombstone(old.id).await.unwrap().unwrap().restorable_until();
    let young_until = store.tombstone(young.id).await.unwrap().unwrap().restorable_until();
    assert!(later < young_until);

    store.erase_expired(later).await.unwrap();

    let kept: Vec<_> = store.recently_deleted().await.unwrap().into_iter().map(|d| d.case.id).collect();
    assert_eq!(kept, vec![young.id]);
    assert!(store.tombstone(old.id).await.unwrap().is_some(), "the tombstone of the erased one stays");
    finish(store, name).await;
}
