//! The cases kept unprotected moved into a protected workspace (`Store::move_in`): whole, in
//! today's form whatever the schema they were stored in, the old database deleted; a move cut
//! short goes on after its last batch, the old database frozen meanwhile; what the workspace
//! holds that is newer, or deleted there, is never overwritten.

use chrono::Utc;
use homeward::storage::keys;
use homeward::storage::{cases_kept_unprotected, delete_database, StorageError, Store};
use std::cell::RefCell;
use wasm_bindgen_test::*;

use super::case_with_items;
use super::sealed_store::{dump, marked_case};

async fn plain(name: &str) -> Store {
    delete_database(name).await.unwrap();
    Store::open_named(name).await.unwrap()
}

async fn protected(name: &str) -> Store {
    delete_database(name).await.unwrap();
    let store = Store::open_protected(name).await.unwrap();
    store.unlock(keys::new_data_key().await.unwrap());
    store
}

/// A move from `from` cut short once its first batch is in, as a tab closing would: the
/// workspace is locked under it, its next write refused. Returns the key to unlock it again.
async fn cut_after_first_batch(workspace: &Store, from: &str) -> keys::DataKey {
    let key = workspace.data_key().unwrap();
    let lock_after_first_batch = |done, _| {
        if done > 0 {
            workspace.lock();
        }
    };
    assert_eq!(workspace.move_in(from, &lock_after_first_batch).await.err(), Some(StorageError::Locked));
    key
}

#[wasm_bindgen_test]
async fn unprotected_cases_move_whole_into_a_workspace_and_their_database_is_deleted() {
    let (from, to) = ("homeward-test-move-from", "homeward-test-move-to");
    let source = plain(from).await;
    let kept = source.create(&marked_case()).await.unwrap();
    let deleted = source.create(&case_with_items("K7Q2M-2026-0002", "Tomás Ríos")).await.unwrap();
    source.delete(deleted.id, "Ana Ruiz").await.unwrap();
    let backup = Utc::now();
    source.record_backup(backup).await.unwrap();
    let next_number = source.propose_case_number(2026).await.unwrap();
    source.close();
    assert_eq!(cases_kept_unprotected(from).await.unwrap(), 1);

    let workspace = protected(to).await;
    let heard = RefCell::new(Vec::new());
    let moved = workspace.move_in(from, &|done, total| heard.borrow_mut().push((done, total))).await.unwrap();
    assert_eq!((moved.cases, moved.unreadable, moved.kept), (1, 0, false));
    assert_eq!(heard.borrow().last(), Some(&(1, 1)), "the progress ends at the total");

    assert_eq!(workspace.get(kept.id).await.unwrap(), Some(kept.clone()));
    assert_eq!(workspace.list().await.unwrap().cases, vec![kept.summary()]);
    let apart = workspace.recently_deleted().await.unwrap();
    assert_eq!(apart.len(), 1, "a deleted case's content and tombstone move too");
    assert_eq!((apart[0].case.id, apart[0].tombstone.deleted_by.as_str()), (deleted.id, "Ana Ruiz"));
    assert_eq!(workspace.last_backup().await.unwrap().map(|t| t.timestamp()), Some(backup.timestamp()));
    assert_eq!(
        workspace.propose_case_number(2026).await.unwrap(),
        next_number,
        "numbering goes on, so no number is given twice"
    );
    assert_eq!(cases_kept_unprotected(from).await.unwrap(), 0, "the unprotected database is gone");
    let sealed = dump(to).await;
    assert!(!sealed.contains("ZQ4KWM7") && !sealed.contains("Tomás"), "moved sealed:\n{sealed}");
    workspace.close();
    delete_database(to).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_move_cut_short_goes_on_after_its_last_batch_and_the_old_database_stays_frozen() {
    let (from, to) = ("homeward-test-move-cut-from", "homeward-test-move-cut-to");
    let source = plain(from).await;
    let mut made = Vec::new();
    for n in 0..450 {
        made.push(source.create(&case_with_items(&format!("K7Q2M-2026-{n:04}"), "Maya")).await.unwrap());
    }
    source.close();
    let workspace = protected(to).await;
    let key = cut_after_first_batch(&workspace, from).await;
    assert_eq!(workspace.list().await.err(), Some(StorageError::Locked));
    assert_eq!(cases_kept_unprotected(from).await.unwrap(), 450, "nothing left the old database");
    assert_eq!(
        Store::open_named(from).await.err(),
        Some(StorageError::Superseded),
        "frozen: no Homeward writes to it again"
    );

    workspace.unlock(key);
    let heard = RefCell::new(Vec::new());
    let moved = workspace.move_in(from, &|done, total| heard.borrow_mut().push((done, total))).await.unwrap();
    assert_eq!(heard.borrow().first(), Some(&(200, 450)), "goes on after the first batch");
    assert_eq!((moved.cases, moved.kept), (450, false));
    let mut listed = workspace.list().await.unwrap().cases;
    listed.sort_by(|a, b| a.case_number.cmp(&b.case_number));
    assert_eq!(listed, made.iter().map(|c| c.summary()).collect::<Vec<_>>());
    assert_eq!(cases_kept_unprotected(from).await.unwrap(), 0);
    workspace.close();
    delete_database(to).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_move_never_overwrites_a_newer_case_nor_brings_back_one_deleted_in_the_workspace() {
    let (from, to) = ("homeward-test-move-newer-from", "homeward-test-move-newer-to");
    let source = plain(from).await;
    let edited = source.create(&case_with_items("K7Q2M-2026-0001", "Maya")).await.unwrap();
    let deleted_here = source.create(&case_with_items("K7Q2M-2026-0002", "Tomás")).await.unwrap();
    let only_there = source.create(&case_with_items("K7Q2M-2026-0003", "Lucía")).await.unwrap();
    source.close();

    let workspace = protected(to).await;
    // The workspace already has both: one edited since (a higher revision), one deleted.
    let mut newer = workspace.create(&edited).await.unwrap();
    newer.plan.child.languages = "Quechua".into();
    newer.touch(Utc::now());
    workspace.save(&newer).await.unwrap();
    workspace.create(&deleted_here).await.unwrap();
    workspace.delete(deleted_here.id, "Rosa").await.unwrap();

    workspace.move_in(from, &|_, _| {}).await.unwrap();
    assert_eq!(workspace.get(edited.id).await.unwrap(), Some(newer), "the newer case is kept");
    assert_eq!(workspace.get(deleted_here.id).await.unwrap(), None, "a case deleted here stays deleted");
    assert_eq!(workspace.get(only_there.id).await.unwrap(), Some(only_there));
    workspace.close();
    delete_database(to).await.unwrap();
}

#[wasm_bindgen_test]
async fn cases_of_the_first_schema_move_in_todays_form_and_an_unreadable_one_keeps_the_old_database() {
    let (from, to) = ("homeward-test-move-v1-from", "homeward-test-move-v1-to");
    delete_database(from).await.unwrap();
    let current = case_with_items("K7Q2M-2026-0001", "Maya");
    let legacy_id = uuid::Uuid::new_v4();
    let cases = format!(
        r#"[{current}, {{"id":"{legacy_id}","case_number":"OLD-1","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-02T00:00:00Z","revision":3}},
            {{"id":"{}","case_number":"OLD-2","updated_at":"2024-03-01T00:00:00Z","revision":"many"}}]"#,
        uuid::Uuid::new_v4(),
        current = serde_json::to_string(&current).unwrap()
    );
    super::make_v1(from, &cases, r#"[{"key":"case_numbers","value":{"device":"K7Q2M","last_sequence":7}}]"#)
        .await
        .unwrap();

    let workspace = protected(to).await;
    let moved = workspace.move_in(from, &|_, _| {}).await.unwrap();
    assert_eq!((moved.cases, moved.unreadable, moved.kept), (3, 1, true), "the unreadable case is not lost");
    let mut listed = workspace.list().await.unwrap().cases;
    listed.sort_by(|a, b| a.case_number.cmp(&b.case_number));
    assert_eq!(listed.iter().map(|s| s.case_number.as_str()).collect::<Vec<_>>(), ["K7Q2M-2026-0001", "OLD-1"]);
    assert_eq!(workspace.get(current.id).await.unwrap(), Some(current));
    assert_eq!(workspace.propose_case_number(2026).await.unwrap(), "K7Q2M-2026-0008");
    assert_eq!(cases_kept_unprotected(from).await.unwrap(), 3, "kept while a case in it cannot be read");
    workspace.close();
    delete_database(to).await.unwrap();
    delete_database(from).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_case_that_cannot_be_read_keeps_the_old_database_even_across_a_move_cut_short() {
    let (from, to) = ("homeward-test-move-unreadable-from", "homeward-test-move-unreadable-to");
    delete_database(from).await.unwrap();
    // The first case in key order cannot be read; 249 others can.
    let broken = r#"{"id":"00000000-0000-4000-8000-000000000000","case_number":"OLD-2","updated_at":"2024-03-01T00:00:00Z","revision":"many"}"#;
    let readable: Vec<String> = (0..249)
        .map(|n| serde_json::to_string(&case_with_items(&format!("K7Q2M-2026-{n:04}"), "Maya")).unwrap())
        .collect();
    let cases = format!("[{broken},{}]", readable.join(","));
    super::make_v1(from, &cases, "[]").await.unwrap();

    let workspace = protected(to).await;
    let key = cut_after_first_batch(&workspace, from).await;
    workspace.unlock(key);
    let moved = workspace.move_in(from, &|_, _| {}).await.unwrap();
    assert!(moved.kept, "the old database is kept: one of its cases is not in the workspace");
    assert_eq!(cases_kept_unprotected(from).await.unwrap(), 250, "nothing of it was cleared");
    assert_eq!(workspace.list().await.unwrap().cases.len(), 249);
    workspace.close();
    delete_database(to).await.unwrap();
    delete_database(from).await.unwrap();
}

#[wasm_bindgen_test]
async fn cases_found_unprotected_after_a_finished_move_are_moved_too_not_deleted_unread() {
    let (from, to) = ("homeward-test-move-again-from", "homeward-test-move-again-to");
    let source = plain(from).await;
    source.create(&case_with_items("K7Q2M-2026-0001", "Maya")).await.unwrap();
    source.close();
    let workspace = protected(to).await;
    workspace.move_in(from, &|_, _| {}).await.unwrap();
    // An older tab still open writes a case after the move: a new unprotected database.
    let later = plain(from).await;
    let written_later = later.create(&case_with_items("K7Q2M-2026-0002", "Lucía")).await.unwrap();
    later.close();

    let moved = workspace.move_in(from, &|_, _| {}).await.unwrap();
    assert_eq!((moved.cases, moved.kept), (1, false));
    assert_eq!(workspace.get(written_later.id).await.unwrap(), Some(written_later), "moved, not deleted unread");
    assert_eq!(cases_kept_unprotected(from).await.unwrap(), 0);
    workspace.close();
    delete_database(to).await.unwrap();
}
