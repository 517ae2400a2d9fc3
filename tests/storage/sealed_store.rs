//! A protected workspace's `Store`: every operation the app uses, on a database whose records
//! are all sealed under the workspace's data key. Read through the store, everything comes back
//! as it went in; read as the browser keeps it, nothing of a child is there to read. A locked
//! store reads and writes nothing, and a record moved or opened with another key is counted as
//! unreadable, never shown as something it is not.

use chrono::{Duration, Utc};
use homeward::domain::exchange::merge::{exported, Write};
use homeward::domain::kept::KeptEdits;
use homeward::domain::Case;
use homeward::storage::keys::{self, DataKey};
use homeward::storage::{delete_database, StorageError, Store};
use uuid::Uuid;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use super::case_with_items;

const CHILD: &str = "Valentina Quispe ZQ4KWM7";
const NUMBER: &str = "PX9RT-2026-0042";
const NOTE: &str = "met the aunt at the market QH3VNB8";
const WORKER: &str = "Rosa Mamani JD5TXC2";

#[wasm_bindgen(inline_js = r#"
function done(req) { return new Promise((ok, fail) => { req.onsuccess = () => ok(req.result); req.onerror = () => fail(req.error); }); }
function committed(tx) { return new Promise((ok, fail) => { tx.oncomplete = ok; tx.onabort = () => fail(tx.error); }); }
// A workspace as schema 6 left it: no report records, the schema recorded as 6.
export async function asBeforeReports(name) {
  const db = await done(indexedDB.open(name));
  const tx = db.transaction(["reports", "meta"], "readwrite");
  tx.objectStore("reports").clear();
  tx.objectStore("meta").put({ key: "schema_version", value: 6 });
  await committed(tx);
  db.close();
}
export async function countRaw(name, store) {
  const db = await done(indexedDB.open(name));
  const n = await done(db.transaction([store]).objectStore(store).count());
  db.close();
  return n;
}
// Every record of every store as the browser keeps it, typed arrays as Latin-1 text, so a
// plaintext anywhere (even inside a byte array) would show.
export async function dumpEverything(name) {
  const db = await done(indexedDB.open(name));
  const out = [];
  const seen = (value) => JSON.stringify(value, (_, v) =>
    v instanceof Uint8Array ? String.fromCharCode(...v) : v);
  for (const store of db.objectStoreNames) {
    out.push(store + ": " + seen(await done(db.transaction([store]).objectStore(store).getAll())));
  }
  db.close();
  return out.join("\n");
}
// A stored record copied, as it is, under another key and perhaps into another store.
export async function copyRecord(name, from, key, to, newKey) {
  const db = await done(indexedDB.open(name));
  const tx = db.transaction([from, to], "readwrite");
  const record = await done(tx.objectStore(from).get(key));
  tx.objectStore(to).put({ ...record, id: newKey });
  await committed(tx);
  db.close();
}
// Records put as they are (typed arrays kept), in one transaction.
export async function putRecords(name, store, records) {
  const db = await done(indexedDB.open(name));
  const tx = db.transaction([store], "readwrite");
  for (const record of records) tx.objectStore(store).put(record);
  await committed(tx);
  db.close();
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = asBeforeReports, catch)]
    async fn as_before_reports(name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = countRaw, catch)]
    async fn count_raw(name: &str, store: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = putRecords, catch)]
    async fn put_records(name: &str, store: &str, records: js_sys::Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = dumpEverything, catch)]
    async fn dump_everything(name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = copyRecord, catch)]
    async fn copy_record(name: &str, from: &str, key: &str, to: &str, new_key: &str) -> Result<JsValue, JsValue>;
}

/// A fresh protected database, unlocked with a new data key (returned, to open it again).
async fn protected(name: &str) -> (Store, DataKey) {
    delete_database(name).await.unwrap();
    let store = Store::open_protected(name).await.unwrap();
    assert!(store.is_locked(), "a protected store opens locked");
    let key = keys::new_data_key().await.unwrap();
    store.unlock(key.clone());
    (store, key)
}

async fn finish(store: Store, name: &str) {
    store.close();
    delete_database(name).await.unwrap();
}

pub(super) fn marked_case() -> Case {
    let mut case = case_with_items(NUMBER, CHILD);
    case.plan.worker.name = WORKER.into();
    case.plan.actions.push(homeward::domain::Action { what: NOTE.into(), ..Default::default() });
    case
}

pub(super) async fn dump(name: &str) -> String {
    dump_everything(name).await.unwrap().as_string().unwrap()
}

fn assert_nothing_readable(dump: &str) {
    for marker in [CHILD, NUMBER, NOTE, WORKER, "Visit school", "Clínica", "Safe place"] {
        // The markers' distinctive parts, so a field cut or escaped differently is found too.
        let part = marker.split(' ').next_back().unwrap();
        assert!(!dump.contains(part), "{marker:?} is readable in the database:\n{dump}");
    }
}

#[wasm_bindgen_test]
async fn every_operation_of_a_protected_workspace_stores_sealed_records_and_reads_them_back() {
    let name = "homeward-test-sealed-store";
    let (store, _) = protected(name).await;
    let mut case = store.create(&marked_case()).await.unwrap();
    assert_eq!(case.case_number, NUMBER);
    assert_eq!(store.get(case.id).await.unwrap(), Some(case.clone()));
    case.plan.child.languages = "Quechua".into();
    case.touch(Utc::now());
    store.save(&case).await.unwrap();
    let other = store.create(&case_with_items("PX9RT-2026-0043", "Tomás Ríos")).await.unwrap();

    assert_eq!(
        store.get_many(&[other.id, Uuid::new_v4(), case.id]).await.unwrap(),
        vec![Some(other.clone()), None, Some(case.clone())]
    );
    let listed = store.list().await.unwrap();
    assert_eq!((listed.cases.len(), listed.unreadable), (2, 0));
    assert!(listed.cases.contains(&case.summary()));
    let (deadlines, unreadable) = store.deadlines().await.unwrap();
    assert_eq!((deadlines.len(), unreadable), (2, 0));
    assert!(deadlines.contains(&case.deadlines()));
    let (reports, unreadable) = store.report_records().await.unwrap();
    assert_eq!((reports.len(), unreadable), (2, 0));
    assert!(reports.contains(&case.report_record()));

    // An export reads the cases as the file holds them and records them in clear fields.
    let read = store.read_for_export(&[case.id], None).await.unwrap();
    assert_eq!(read.cases[0].case_number, NUMBER);
    store.mark_exported(&[(case.id, case.version)]).await.unwrap();
    assert_eq!(store.get(case.id).await.unwrap(), Some(exported(case.clone())));
    // An editor that read the case before the export saves; the export's record stays.
    let mut stale = case.clone();
    stale.plan.child.languages = "Quechua, Spanish".into();
    stale.touch(Utc::now());
    store.save(&stale).await.unwrap();
    let after = store.get(case.id).await.unwrap().unwrap();
    assert_eq!(
        (after.plan.child.languages.as_str(), after.exchanged.clone()),
        ("Quechua, Spanish", vec![case.version])
    );

    // Deleted, kept apart, restored, then deleted and erased once expired.
    store.delete(other.id, WORKER).await.unwrap();
    assert_eq!(store.tombstone(other.id).await.unwrap().unwrap().deleted_by, WORKER);
    let kept = store.recently_deleted().await.unwrap();
    assert_eq!((kept.len(), kept[0].case.id), (1, other.id));
    let back = store.restore(other.id, Utc::now(), WORKER).await.unwrap();
    assert_eq!(store.get(other.id).await.unwrap(), Some(back.clone()));
    assert_eq!(store.tombstone(other.id).await.unwrap(), None);
    assert_eq!(store.restore(other.id, Utc::now(), WORKER).await.err(), Some(StorageError::Deleted));
    store.delete(other.id, WORKER).await.unwrap();
    store.erase_expired(Utc::now() + Duration::days(29)).await.unwrap();
    assert_eq!(store.recently_deleted().await.unwrap().len(), 1, "still restorable");
    store.erase_expired(Utc::now() + Duration::days(31)).await.unwrap();
    assert!(store.recently_deleted().await.unwrap().is_empty(), "erased when expired");
    assert!(store.tombstone(other.id).await.unwrap().is_some(), "the tombstone stays");

    // An import: new cases, written whole.
    let imported: Vec<Write> = (0..3)
        .map(|n| Write {
            case: case_with_items(&format!("IMP-{n}"), &format!("Imported {n}")),
            expect_revision: None,
            restores: false,
        })
        .collect();
    store.import(&imported).await.unwrap();
    assert_eq!(store.list().await.unwrap().cases.len(), 4);
    assert_eq!(store.get(imported[2].case.id).await.unwrap().as_ref(), Some(&imported[2].case));

    assert_nothing_readable(&dump(name).await);
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn a_locked_store_reads_and_writes_nothing_until_unlocked_again() {
    let name = "homeward-test-sealed-locked";
    let (store, key) = protected(name).await;
    let case = store.create(&marked_case()).await.unwrap();
    let clone = store.clone();
    store.lock();
    assert!(clone.is_locked(), "every clone is locked together");
    assert_eq!(clone.list().await.err(), Some(StorageError::Locked));
    assert_eq!(clone.get(case.id).await.err(), Some(StorageError::Locked));
    assert_eq!(clone.deadlines().await.err(), Some(StorageError::Locked));
    let mut edited = case.clone();
    edited.touch(Utc::now());
    assert_eq!(clone.save(&edited).await.err(), Some(StorageError::Locked));
    assert_eq!(clone.delete(case.id, WORKER).await.err(), Some(StorageError::Locked));
    assert_eq!(clone.create(&case_with_items("X-1", "Nadie")).await.err(), Some(StorageError::Locked));

    store.unlock(key);
    assert_eq!(clone.get(case.id).await.unwrap(), Some(case), "nothing was changed while locked");
    assert_eq!(clone.list().await.unwrap().cases.len(), 1);
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn a_record_moved_to_another_case_or_opened_with_another_key_is_counted_not_shown() {
    let name = "homeward-test-sealed-moved";
    let (store, _) = protected(name).await;
    let case = store.create(&marked_case()).await.unwrap();
    let id = case.id.to_string();
    // Copied under another id: it no longer opens there.
    let elsewhere = Uuid::new_v4();
    copy_record(name, "summaries", &id, "summaries", &elsewhere.to_string()).await.unwrap();
    copy_record(name, "cases", &id, "cases", &elsewhere.to_string()).await.unwrap();
    let listed = store.list().await.unwrap();
    assert_eq!((listed.cases, listed.unreadable), (vec![case.summary()], 1));
    assert!(matches!(store.get(elsewhere).await, Err(StorageError::Corrupt(_))));
    // Copied into another kind of record under its own id: a summary is no deadlines.
    copy_record(name, "summaries", &id, "deadlines", &id).await.unwrap();
    assert_eq!(store.deadlines().await.unwrap(), (vec![], 1));

    // Another workspace's key opens nothing here.
    let intruder = Store::open_protected(name).await.unwrap();
    intruder.unlock(keys::new_data_key().await.unwrap());
    let seen = intruder.list().await.unwrap();
    assert_eq!((seen.cases.len(), seen.unreadable), (0, 2));
    assert!(matches!(intruder.get(case.id).await, Err(StorageError::Corrupt(_))));
    intruder.close();
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn a_protected_workspace_saves_as_the_page_closes_only_what_was_sealed_ahead() {
    let name = "homeward-test-sealed-closing";
    let (store, _) = protected(name).await;
    let case = store.create(&marked_case()).await.unwrap();
    let mut edited = case.clone();
    edited.plan.child.languages = "Aymara".into();
    edited.touch(Utc::now());
    // Sealing takes the browser a task or more, which a closing page does not give.
    assert!(store.save_while_closing(&edited).await.is_err(), "nothing sealed ahead to queue at once");
    assert_eq!(store.get(case.id).await.unwrap(), Some(case.clone()));
    let prepared = store.prepare(&edited).await.unwrap();
    store.save_prepared_while_closing(edited.id, edited.revision, &prepared).await.unwrap();
    assert_eq!(store.get(case.id).await.unwrap(), Some(edited.clone()));
    assert_eq!(store.list().await.unwrap().cases, vec![edited.summary()]);
    // A save from a tab that has not seen the last one is refused, as in a plain workspace.
    assert_eq!(store.save(&case).await.err(), Some(StorageError::ChangedElsewhere));
    finish(store, name).await;
}

/// The check above can fail: the same case in a plain database (the training demo's kind) is
/// there to read in the same dump.
#[wasm_bindgen_test]
async fn the_same_case_in_a_plain_database_is_readable_in_the_dump() {
    let name = "homeward-test-plain-dump";
    delete_database(name).await.unwrap();
    let store = Store::open_named(name).await.unwrap();
    store.create(&marked_case()).await.unwrap();
    let dump = dump(name).await;
    for marker in [CHILD, NUMBER, NOTE, WORKER] {
        assert!(dump.contains(marker), "{marker:?} not found in a plain database:\n{dump}");
    }
    finish(store, name).await;
}

/// Ten thousand sealed summaries listed: every one opened by the browser. Timed for the log;
/// the budget is the benchmark's (scripts/bench.sh).
#[wasm_bindgen_test]
async fn a_protected_list_opens_ten_thousand_sealed_summaries() {
    use homeward::storage::sealed::{place, seal_each, to_record};
    let name = "homeward-test-sealed-ten-thousand";
    let (store, key) = protected(name).await;
    let count = 10_000;
    let summaries: Vec<_> =
        (0..count).map(|i| case_with_items(&format!("K7Q2M-2026-{i:05}"), "Maya").summary()).collect();
    let plaintexts: Vec<(String, Vec<u8>)> =
        summaries.iter().map(|s| (place("summary", &s.id.to_string()), serde_json::to_vec(s).unwrap())).collect();
    let sealed = seal_each(&key, &plaintexts).await.unwrap();
    let records: js_sys::Array =
        summaries.iter().zip(&sealed).map(|(s, sealed)| to_record(&s.id.to_string(), sealed)).collect();
    put_records(name, "summaries", records).await.unwrap();

    let started = js_sys::Date::now();
    let listed = store.list().await.unwrap();
    let ms = js_sys::Date::now() - started;
    console_log!("list() of 10,000 sealed summaries took {ms} ms");
    assert_eq!((listed.cases.len(), listed.unreadable), (count, 0));
    finish(store, name).await;
}

/// Locked while a read was on its way (the idle lock, or another tab's): the worker is told the
/// workspace is locked, not that a case is damaged.
#[wasm_bindgen_test]
async fn a_store_locked_while_a_case_is_read_says_locked_not_damaged() {
    use std::future::Future;
    use std::task::Poll;
    let name = "homeward-test-sealed-locked-midway";
    let (store, _) = protected(name).await;
    let case = store.create(&marked_case()).await.unwrap();
    let reader = store.clone();
    let mut reading = std::pin::pin!(reader.get(case.id));
    // Polled once: the read is asked of IndexedDB; nothing is opened yet.
    let first = std::future::poll_fn(|cx| Poll::Ready(reading.as_mut().poll(cx))).await;
    assert!(first.is_pending());
    store.lock();
    assert_eq!(reading.await.err(), Some(StorageError::Locked));
    finish(store, name).await;
}

/// A workspace whose cases were stored before schema 7 (so without report records) still opens
/// after the update, and its reports count every case: the records missing are derived from the
/// cases once, sealed and kept. The upgrade cannot derive them: it runs before the key is there.
#[wasm_bindgen_test]
async fn a_workspace_stored_before_report_records_opens_and_its_reports_count_every_case() {
    let name = "homeward-test-sealed-before-reports";
    let (store, key) = protected(name).await;
    let case = store.create(&marked_case()).await.unwrap();
    let other = store.create(&case_with_items("PX9RT-2026-0043", "Tomás Ríos")).await.unwrap();
    store.close();
    as_before_reports(name).await.unwrap();

    let store = Store::open_protected(name).await.expect("a workspace of schema 6 with cases opens");
    store.unlock(key);
    let (mut records, unreadable) = store.report_records().await.unwrap();
    records.sort_by_key(|r| r.case_number.clone());
    assert_eq!((records, unreadable), (vec![case.report_record(), other.report_record()], 0));
    assert_eq!(count_raw(name, "reports").await.unwrap().as_f64(), Some(2.0), "kept, not derived again");
    let dump = dump_everything(name).await.unwrap().as_string().unwrap();
    assert!(!dump.contains(NUMBER), "kept sealed");
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn edits_kept_at_a_lock_are_sealed_read_back_after_the_unlock_and_go_with_the_case() {
    let name = "homeward-test-sealed-kept";
    let (store, key) = protected(name).await;
    let case = store.create(&case_with_items("PX9RT-2026-0050", "Nadie")).await.unwrap();
    // The unsaved edits hold what the markers mark: the kept record must not show them.
    let kept = KeptEdits::new(case.clone(), marked_case_as(&case), Utc::now());
    store.keep_edits(&kept).await.unwrap();
    assert_nothing_readable(&dump(name).await);

    store.lock();
    assert_eq!(store.kept_edits(case.id).await.err(), Some(StorageError::Locked));
    assert_eq!(store.keep_edits(&kept).await.err(), Some(StorageError::Locked));
    store.unlock(key);
    assert_eq!(store.kept_edits(case.id).await.unwrap(), Some(kept.clone()), "read back once unlocked");
    store.drop_kept_edits(case.id).await.unwrap();
    assert_eq!(store.kept_edits(case.id).await.unwrap(), None, "thrown away");

    store.keep_edits(&kept).await.unwrap();
    store.delete(case.id, WORKER).await.unwrap();
    assert_eq!(store.kept_edits(case.id).await.unwrap(), None, "deleted with the case");
    finish(store, name).await;
}

/// `case` as the worker had it on screen: the marked case's contents under its identity.
fn marked_case_as(case: &Case) -> Case {
    Case { id: case.id, revision: case.revision, version: case.version, ..marked_case() }
}
