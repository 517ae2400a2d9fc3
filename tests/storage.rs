//! The storage module against a real IndexedDB in headless Chromium.
//! Run: `cargo test --target wasm32-unknown-unknown --test storage` (see .cargo/config.toml).
#![cfg(target_arch = "wasm32")]

use std::future::Future;
use std::pin::pin;
use std::task::Poll;

use chrono::{NaiveDate, TimeZone, Utc};
use homeward::domain::case::CASE_FORMAT;
use homeward::domain::closure::ClosureOutcome;
use homeward::domain::history::Event;
use homeward::domain::{Action, Case, DueWhat, PlacementType, ProtectionNeed, Referral, Service};
use homeward::storage::{delete_database, Stage, StorageError, Store, SCHEMA_VERSION};
use uuid::Uuid;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "storage/blocked.rs"]
mod blocked;
#[path = "storage/closing.rs"]
mod closing;
#[path = "storage/deletion.rs"]
mod deletion;
#[path = "storage/durability.rs"]
mod durability;
#[path = "storage/moving.rs"]
mod moving;
#[path = "storage/registry.rs"]
mod registry;
#[path = "storage/sealed.rs"]
mod sealed;
#[path = "storage/sealed_store.rs"]
mod sealed_store;
#[path = "storage/superseded.rs"]
mod superseded;
#[path = "storage/workspaces.rs"]
mod workspaces;

// The raw IndexedDB side of the tests, written against the browser API directly so it does not
// share any code (or mistakes) with the module under test. The v1 layout is what version 1 of
// Homeward wrote: `cases` and `meta`, no `summaries`.
#[wasm_bindgen(inline_js = r#"
function done(req) { return new Promise((ok, fail) => { req.onsuccess = () => ok(req.result); req.onerror = () => fail(req.error); }); }
function committed(tx) { return new Promise((ok, fail) => { tx.oncomplete = ok; tx.onabort = () => fail(tx.error); }); }
function openV1(name) {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => { req.result.createObjectStore("cases", { keyPath: "id" }); req.result.createObjectStore("meta", { keyPath: "key" }); };
  return done(req);
}
export async function makeV1(name, cases, meta) {
  const db = await openV1(name);
  const tx = db.transaction(["cases", "meta"], "readwrite");
  for (const c of JSON.parse(cases)) tx.objectStore("cases").put(c);
  for (const m of JSON.parse(meta)) tx.objectStore("meta").put(m);
  await committed(tx);
  db.close();
}
// What version 2 wrote: summaries beside the cases, the schema version in `meta`, no deadlines.
export async function makeV2(name, cases, summaries) {
  const req = indexedDB.open(name, 2);
  req.onupgradeneeded = () => { for (const s of ["cases", "summaries"]) req.result.createObjectStore(s, { keyPath: "id" }); req.result.createObjectStore("meta", { keyPath: "key" }); };
  const db = await done(req);
  const tx = db.transaction(["cases", "summaries", "meta"], "readwrite");
  for (const c of JSON.parse(cases)) tx.objectStore("cases").put(c);
  for (const s of JSON.parse(summaries)) tx.objectStore("summaries").put(s);
  tx.objectStore("meta").put({ key: "schema_version", value: 2 });
  await committed(tx);
  db.close();
}
// Like a tab running old code: holds a v1 connection and ignores `versionchange`.
export function holdV1(name) { return openV1(name); }
export function closeDb(db) { db.close(); }
export async function putRaw(name, store, json) {
  const db = await done(indexedDB.open(name));
  const tx = db.transaction([store], "readwrite");
  for (const record of JSON.parse(json)) tx.objectStore(store).put(record);
  await committed(tx);
  db.close();
}
// A summary no JSON can hold (IndexedDB keeps a BigInt; JSON.stringify throws on it).
export async function putUnwritableSummary(name) {
  const db = await done(indexedDB.open(name));
  const tx = db.transaction(["summaries"], "readwrite");
  tx.objectStore("summaries").put({ id: "unwritable", revision: 1n });
  await committed(tx);
  db.close();
}
export async function getRaw(name, store, key) {
  const db = await done(indexedDB.open(name));
  const value = await done(db.transaction([store]).objectStore(store).get(key));
  db.close();
  return JSON.stringify(value ?? null);
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = makeV1, catch)]
    async fn make_v1(name: &str, cases: &str, meta: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = makeV2, catch)]
    async fn make_v2(name: &str, cases: &str, summaries: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = holdV1, catch)]
    async fn hold_v1(name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = closeDb)]
    fn close_db(db: &JsValue);
    #[wasm_bindgen(js_name = putRaw, catch)]
    async fn put_raw(name: &str, store: &str, json: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = putUnwritableSummary, catch)]
    async fn put_unwritable_summary(name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = getRaw, catch)]
    async fn get_raw(name: &str, store: &str, key: &str) -> Result<JsValue, JsValue>;
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn case_with_items(number: &str, child: &str) -> Case {
    let mut case = Case::new(Uuid::new_v4(), number.into(), Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap());
    case.plan.child.name = child.into();
    case.plan.worker.name = "Ana Ruiz".into();
    case.plan.next_review = Some(d("2027-02-01"));
    case.plan.needs.push(ProtectionNeed {
        need: "Safe place to sleep".into(),
        by_when: Some(d("2026-12-01")),
        ..Default::default()
    });
    case.plan.services.push(Service { provider: "Clínica San José".into(), urgent: true, ..Default::default() });
    case.plan.actions.push(Action {
        what: "Visit school".into(),
        by_when: Some(d("2026-11-20")),
        ..Default::default()
    });
    case.plan.referrals.push(Referral { to: "Legal aid".into(), ..Default::default() });
    case
}

/// A fresh database for one test; deleted again by [`finish`].
async fn fresh(name: &str) -> Store {
    delete_database(name).await.expect("delete leftover test database");
    Store::open_named(name).await.expect("open test database")
}

async fn finish(store: Store, name: &str) {
    store.close();
    delete_database(name).await.expect("delete test database");
}

/// Fails the test instead of letting a hung promise stall the runner until it kills the browser.
async fn within<T>(ms: u32, what: &str, future: impl Future<Output = T>) -> T {
    let (mut future, mut timer) = (pin!(future), pin!(gloo_timers::future::TimeoutFuture::new(ms)));
    std::future::poll_fn(|cx| match future.as_mut().poll(cx) {
        Poll::Ready(value) => Poll::Ready(value),
        Poll::Pending => match timer.as_mut().poll(cx) {
            Poll::Ready(()) => panic!("{what} did not finish within {ms} ms"),
            Poll::Pending => Poll::Pending,
        },
    })
    .await
}

#[wasm_bindgen_test]
async fn save_get_list_delete_round_trip() {
    let name = "homeward-test-round-trip";
    let store = fresh(name).await;
    let case = store.create(&case_with_items("K7Q2M-2026-0001", "Maya")).await.unwrap();

    assert_eq!(
        store.get(case.id).await.unwrap(),
        Some(case.clone()),
        "the whole case, list items included, comes back"
    );
    assert_eq!(store.list().await.unwrap().cases, vec![case.summary()]);
    assert_eq!(
        store.list().await.unwrap().cases[0].next_due.as_ref().unwrap().what,
        DueWhat::Action { text: "Visit school".into() }
    );

    store.delete(case.id, "Ana Ruiz").await.unwrap();
    assert_eq!(store.get(case.id).await.unwrap(), None);
    assert!(store.list().await.unwrap().cases.is_empty(), "the summary goes with the case");
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn saving_again_stores_the_next_revision() {
    let name = "homeward-test-revision";
    let store = fresh(name).await;
    let mut case = store.create(&case_with_items("K7Q2M-2026-0002", "Tomás")).await.unwrap();
    case.touch(Utc::now());
    store.save(&case).await.unwrap();
    case.plan.child.name = "Tomás López".into();
    case.touch(Utc::now());
    store.save(&case).await.unwrap();

    let stored = store.get(case.id).await.unwrap().unwrap();
    assert_eq!((stored.revision, stored.plan.child.name.as_str()), (2, "Tomás López"));
    let listed = store.list().await.unwrap().cases;
    assert_eq!((listed.len(), listed[0].revision, listed[0].child_name.as_str()), (1, 2, "Tomás López"));
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn a_save_that_has_not_seen_a_later_one_is_refused_not_written_over_it() {
    let name = "homeward-test-stale-save";
    let store = fresh(name).await;
    let opened = store.create(&case_with_items("K7Q2M-2026-0005", "Maya")).await.unwrap();

    // Two tabs opened the same case; the first saves, then the second tries.
    let mut first = opened.clone();
    first.plan.worker.role = "Social worker".into();
    first.touch(Utc::now());
    store.save(&first).await.unwrap();
    let mut second = opened.clone();
    second.plan.worker.organisation = "Casa Esperanza".into();
    second.touch(Utc::now());
    assert_eq!(store.save(&second).await, Err(StorageError::ChangedElsewhere));
    assert_eq!(store.get(opened.id).await.unwrap(), Some(first.clone()), "the first tab's save stands");

    // A case deleted elsewhere is not brought back by a late save.
    store.delete(opened.id, "Ana Ruiz").await.unwrap();
    first.touch(Utc::now());
    assert_eq!(store.save(&first).await, Err(StorageError::Deleted));
    assert_eq!(store.get(opened.id).await.unwrap(), None);
    assert!(store.list().await.unwrap().cases.is_empty());
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn list_reads_summaries_without_touching_cases() {
    let name = "homeward-test-list-summaries";
    let store = fresh(name).await;
    let case = store.create(&case_with_items("K7Q2M-2026-0003", "Maya")).await.unwrap();
    // Spoil the full record behind the module's back: only a read of `cases` could notice.
    let spoiled = format!(r#"[{{"id":"{}","case_number":42,"plan":"not a plan"}}]"#, case.id);
    put_raw(name, "cases", &spoiled).await.unwrap();

    assert_eq!(store.list().await.unwrap().cases, vec![case.summary()]);
    assert!(
        matches!(store.get(case.id).await, Err(StorageError::Corrupt(ref why)) if why.contains(&case.id.to_string()))
    );
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn an_unreadable_summary_is_counted_and_hides_no_other_case() {
    let name = "homeward-test-unreadable-summary";
    let store = fresh(name).await;
    let good = store.create(&case_with_items("K7Q2M-2026-0004", "Maya")).await.unwrap();
    put_raw(name, "summaries", r#"[{"id":"not-a-uuid","case_number":7}]"#).await.unwrap();

    let list = store.list().await.unwrap();
    assert_eq!(list.cases, vec![good.summary()]);
    assert_eq!(list.unreadable, 1);
    finish(store, name).await;
}

/// A summary no JSON can hold (IndexedDB keeps a BigInt): the list says the summaries cannot be
/// read, and does not hang.
#[wasm_bindgen_test]
async fn a_summary_no_json_can_hold_is_told_not_hung_on() {
    let name = "homeward-test-unwritable-summary";
    let store = fresh(name).await;
    store.create(&case_with_items("K7Q2M-2026-0009", "Maya")).await.unwrap();
    store.close();
    put_unwritable_summary(name).await.unwrap();
    let store = Store::open_named(name).await.unwrap();
    assert!(matches!(within(5_000, "reading the list", store.list()).await, Err(StorageError::Corrupt(_))));
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn creating_a_case_moves_the_numbering_on_and_it_survives_reopening() {
    let name = "homeward-test-case-numbers";
    let store = fresh(name).await;
    let first = store.propose_case_number(2026).await.unwrap();
    let parts: Vec<&str> = first.split('-').collect();
    assert_eq!((parts.len(), parts[0].len(), parts[1], parts[2]), (3, 5, "2026", "0001"), "{first}");
    assert_eq!(store.propose_case_number(2026).await.unwrap(), first, "proposing alone uses no number");

    let maya = store.create(&case_with_items(&first, "Maya")).await.unwrap();
    assert_eq!(maya.case_number, first);
    let second = store.propose_case_number(2026).await.unwrap();
    assert_eq!(second, format!("{}-2026-0002", parts[0]));

    // A second tab still showing the first proposal gets the next number, not a duplicate.
    let late = store.create(&case_with_items(&first, "Luz")).await.unwrap();
    assert_eq!(late.case_number, second);
    assert_eq!(store.get(late.id).await.unwrap().unwrap().case_number, second);
    store.delete(late.id, "Ana Ruiz").await.unwrap();
    let second = store.propose_case_number(2026).await.unwrap();
    assert_eq!(second, format!("{}-2026-0003", parts[0]), "a number once given out is not given again");

    store.create(&case_with_items("TYPED-BY-HAND", "Tomás")).await.unwrap();
    assert_eq!(store.propose_case_number(2026).await.unwrap(), second, "a number typed by hand does not use one up");
    assert_eq!(
        store.propose_case_number(2027).await.unwrap(),
        format!("{}-2027-0003", parts[0]),
        "the sequence does not restart with the year"
    );

    store.close();
    let store = Store::open_named(name).await.unwrap();
    assert_eq!(store.propose_case_number(2026).await.unwrap(), second, "same device code and sequence after reopening");
    assert_eq!(store.list().await.unwrap().cases.len(), 2);
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn a_failed_create_is_an_error_and_leaves_nothing_half_written() {
    let name = "homeward-test-failed-create";
    let store = fresh(name).await;
    let number = store.propose_case_number(2026).await.unwrap();
    let case = store.create(&case_with_items(&number, "Maya")).await.unwrap();
    let next = store.propose_case_number(2026).await.unwrap();

    // Same id again: the browser rejects the case (ConstraintError) after the summary and the
    // numbering writes were already queued in the same transaction.
    let mut clash = case_with_items(&next, "Someone else");
    clash.id = case.id;
    let err = store.create(&clash).await.expect_err("a create the browser rejected must not report success");
    assert!(matches!(err, StorageError::Other(ref why) if why.contains("ConstraintError")), "{err:?}");

    assert_eq!(store.list().await.unwrap().cases, vec![case.summary()], "the clashing summary was rolled back");
    assert_eq!(store.get(case.id).await.unwrap(), Some(case));
    assert_eq!(store.propose_case_number(2026).await.unwrap(), next, "the sequence was not used up");
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn a_version_1_database_is_upgraded_with_summaries() {
    let name = "homeward-test-upgrade";
    delete_database(name).await.unwrap();
    let current = case_with_items("K7Q2M-2026-0001", "Maya");
    let legacy_id = Uuid::new_v4();
    let broken_id = Uuid::new_v4();
    let cases = format!(
        r#"[{current}, {{"id":"{legacy_id}","case_number":"OLD-1","created_at":"2024-01-01T00:00:00Z","updated_at":"2024-01-02T00:00:00Z","revision":3}},
            {{"id":"{broken_id}","case_number":"OLD-2","updated_at":"2024-03-01T00:00:00Z","revision":"many"}}]"#,
        current = serde_json::to_string(&current).unwrap()
    );
    let meta = r#"[{"key":"case_numbers","value":{"device":"K7Q2M","last_sequence":7}}]"#;
    make_v1(name, &cases, meta).await.unwrap();

    let store = Store::open_named(name).await.unwrap();
    let mut listed = store.list().await.unwrap().cases;
    listed.sort_by(|a, b| a.case_number.cmp(&b.case_number));
    let numbers: Vec<&str> = listed.iter().map(|s| s.case_number.as_str()).collect();
    assert_eq!(numbers, ["K7Q2M-2026-0001", "OLD-1", "OLD-2"]);
    assert_eq!(listed[0], current.summary());

    let legacy = store.get(legacy_id).await.unwrap().unwrap();
    assert_eq!(
        (legacy.format, legacy.revision, legacy.plan.child.name.as_str()),
        (CASE_FORMAT, 3, ""),
        "serde defaults fill what v1 lacked"
    );
    assert!(
        matches!(store.get(broken_id).await, Err(StorageError::Corrupt(_))),
        "an unreadable case is listed but reported on opening"
    );
    assert_eq!(store.propose_case_number(2026).await.unwrap(), "K7Q2M-2026-0008", "numbering carries over");
    store.close();

    let recorded = get_raw(name, "meta", "schema_version").await.unwrap().as_string().unwrap();
    assert_eq!(recorded, format!(r#"{{"key":"schema_version","value":{SCHEMA_VERSION}}}"#));
    let store = Store::open_named(name).await.unwrap();
    assert_eq!(store.list().await.unwrap().cases.len(), 3, "reopening an upgraded database changes nothing");
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn a_version_2_database_gains_deadlines_and_checklist_progress() {
    let name = "homeward-test-upgrade-v2";
    delete_database(name).await.unwrap();
    let mut case = case_with_items("K7Q2M-2026-0002", "Tomás");
    case.set_pathway(Some(PlacementType::Kinship));
    let first = case.checklist.items[0].id;
    case.checklist.update(first, |i| i.set_done(true, d("2026-11-01")));
    // A version 2 summary knew nothing of checklists.
    let mut old_summary = serde_json::to_value(case.summary()).unwrap();
    old_summary.as_object_mut().unwrap().remove("checklist");
    make_v2(name, &serde_json::to_string(&[&case]).unwrap(), &serde_json::to_string(&[old_summary]).unwrap())
        .await
        .unwrap();

    let store = Store::open_named(name).await.unwrap();
    let listed = store.list().await.unwrap().cases;
    assert_eq!(listed, vec![case.summary()], "the summary was rewritten with checklist progress");
    assert_eq!(listed[0].checklist.done, 1);
    let (deadlines, unreadable) = store.deadlines().await.unwrap();
    assert_eq!((deadlines, unreadable), (vec![case.deadlines()], 0));
    assert_eq!(store.report_records().await.unwrap(), (vec![case.report_record()], 0), "derived for the reports");
    store.close();
    let recorded = get_raw(name, "meta", "schema_version").await.unwrap().as_string().unwrap();
    assert_eq!(recorded, format!(r#"{{"key":"schema_version","value":{SCHEMA_VERSION}}}"#));
    let store = Store::open_named(name).await.unwrap();
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn deadlines_and_report_records_follow_every_save_and_delete() {
    let name = "homeward-test-deadlines";
    let store = fresh(name).await;
    let mut case = store.create(&case_with_items("K7Q2M-2026-0003", "Maya")).await.unwrap();
    let whats = |d: &[homeward::domain::CaseDeadlines]| {
        d.iter().flat_map(|c| c.items.iter().map(|i| i.what.clone())).collect::<Vec<_>>()
    };
    assert!(whats(&store.deadlines().await.unwrap().0).contains(&DueWhat::Action { text: "Visit school".into() }));
    case.set_pathway(Some(PlacementType::Foster));
    let item = case.checklist.items[0].id;
    case.checklist.update(item, |i| i.due = Some(d("2026-11-10")));
    case.touch(Utc::now());
    store.save(&case).await.unwrap();
    let first = &case.checklist.items[0];
    let what = DueWhat::Checklist { activity: first.activity.clone(), title: first.title.clone() };
    assert!(whats(&store.deadlines().await.unwrap().0).contains(&what));
    assert_eq!(store.report_records().await.unwrap().0, vec![case.report_record()]);
    assert_eq!(store.report_records().await.unwrap().0[0].pathway.now, Some(PlacementType::Foster));
    store.delete(case.id, "Ana Ruiz").await.unwrap();
    assert!(store.deadlines().await.unwrap().0.is_empty());
    assert!(store.report_records().await.unwrap().0.is_empty());
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn an_import_is_written_whole_or_not_at_all() {
    use homeward::domain::exchange::merge::{exported, ImportPlan, Resolution};
    let name = "homeward-test-import";
    let store = fresh(name).await;
    let mine = store.create(&case_with_items("K7Q2M-2026-0010", "Maya")).await.unwrap();
    let base = exported(mine.clone());
    store.mark_exported(&[(mine.id, mine.version)]).await.unwrap();
    let mut theirs = base.clone();
    theirs.plan.child.languages = "Quechua".into();
    theirs.touch(Utc::now());
    let theirs = exported(theirs);
    let fresh_case = exported(case_with_items("OTHER-1", "Tomás"));

    let local = store.get_many(&[theirs.id, fresh_case.id]).await.unwrap();
    assert_eq!(local[1], None);
    let plan = ImportPlan::new(vec![theirs.clone(), fresh_case.clone()], |id| {
        local.iter().flatten().find(|c| c.id == id).cloned()
    });
    let writes = plan.writes(Utc::now()).unwrap();
    assert_eq!(writes.len(), 2, "newer and new");

    // Changed in another tab after the preview: nothing of the import is written.
    // Saved by an editor that read the case before the export was recorded.
    let mut meanwhile = mine.clone();
    meanwhile.plan.child.languages = "Aymara".into();
    meanwhile.touch(Utc::now());
    store.save(&meanwhile).await.unwrap();
    assert_eq!(store.import(&writes).await, Err(StorageError::ChangedElsewhere));
    assert_eq!(store.get(fresh_case.id).await.unwrap(), None, "the new case was rolled back too");
    assert_eq!(store.list().await.unwrap().cases.len(), 1);

    // Previewed again, it is a conflict now; keeping both writes a copy beside mine.
    let local = store.get_many(&[theirs.id]).await.unwrap();
    let mut plan = ImportPlan::new(vec![theirs.clone()], |_| local[0].clone());
    plan.resolve_all(Resolution::KeepBoth);
    store.import(&plan.writes(Utc::now()).unwrap()).await.unwrap();
    let listed = store.list().await.unwrap().cases;
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().any(|s| s.case_number == "K7Q2M-2026-0010-copy"));
    assert_eq!(
        store.get(mine.id).await.unwrap().unwrap().plan.child.languages,
        meanwhile.plan.child.languages,
        "mine is untouched"
    );
    assert!(
        store.get(mine.id).await.unwrap().unwrap().exchanged.contains(&mine.version),
        "the export record survived the stale editor's save"
    );
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn an_export_reads_the_stored_cases_as_the_file_holds_them_and_records_them() {
    use homeward::domain::exchange::{self, merge::exported, ExportDocument};
    let name = "homeward-test-export";
    let store = fresh(name).await;
    let one = store.create(&case_with_items("K7Q2M-2026-0020", "Maya")).await.unwrap();
    let two = store.create(&case_with_items("K7Q2M-2026-0021", "Tomás")).await.unwrap();
    let gone = Uuid::new_v4();
    let read = store.read_for_export(&[two.id, gone, one.id], None).await.unwrap();
    let found: Vec<_> = read.cases.iter().map(|c| (c.id, c.version, c.case_number.as_str())).collect();
    assert_eq!(
        found,
        vec![(two.id, two.version, "K7Q2M-2026-0021"), (one.id, one.version, "K7Q2M-2026-0020")],
        "in the order asked, the missing one left out"
    );
    // The very file the cases themselves would make, each with its version recorded as exchanged.
    let now = Utc::now();
    let file = export_file(&read, now).await;
    assert_eq!(
        file,
        exchange::write(&ExportDocument::new(vec![exported(two.clone()), exported(one.clone())], "0.1.0", now))
    );
    assert_eq!(
        store.get(one.id).await.unwrap().unwrap().exchanged,
        Vec::<Uuid>::new(),
        "reading for an export changes nothing stored"
    );

    // Recording the export: only the versions that went into the file, and nothing else.
    let mut changed = two.clone();
    changed.plan.child.languages = "Aymara".into();
    changed.touch(Utc::now());
    store.save(&changed).await.unwrap();
    store.mark_exported(&[(one.id, one.version), (two.id, two.version)]).await.unwrap();
    assert_eq!(store.get(one.id).await.unwrap().unwrap(), exported(one.clone()));
    let now_two = store.get(two.id).await.unwrap().unwrap();
    assert!(now_two.exchanged.is_empty(), "a case changed since it was read is left as it is");
    assert_eq!(now_two.plan.child.languages, "Aymara");
    finish(store, name).await;
}

/// The export file's document as the export page makes it from what was read.
async fn export_file(read: &homeward::storage::ExportRead, now: chrono::DateTime<Utc>) -> Vec<u8> {
    let (before, after) = homeward::domain::exchange::write_around("0.1.0", now);
    let blob = web_sys::Blob::new_with_str_sequence(&read.document(&before, &after)).unwrap();
    let bytes = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await.unwrap();
    js_sys::Uint8Array::new(&bytes).to_vec()
}

async fn cases_in(read: &homeward::storage::ExportRead) -> Vec<Case> {
    homeward::domain::exchange::read(&export_file(read, Utc::now()).await).unwrap().cases
}

/// Cases read ahead of an export (while the passphrase is typed) are taken when the file is made
/// only while nothing stored has changed since. What was taken is told apart by a change written
/// behind the module's back, which does not mark the cases changed as every write of the module
/// does, recording an export included.
#[wasm_bindgen_test]
async fn cases_read_ahead_of_an_export_are_taken_only_while_nothing_changed() {
    use homeward::domain::exchange::merge::exported;
    let name = "homeward-test-export-ahead";
    let store = fresh(name).await;
    let one = store.create(&case_with_items("K7Q2M-2026-0030", "Maya")).await.unwrap();
    let two = store.create(&case_with_items("K7Q2M-2026-0031", "Tomás")).await.unwrap();
    let unannounced = |case: &Case, languages: &str| {
        let mut changed = case.clone();
        changed.plan.child.languages = languages.into();
        serde_json::to_string(&[changed]).unwrap()
    };

    // Nothing announced since: what was read ahead is taken; a case not read ahead is read now.
    let ahead = store.read_for_export(&[one.id], None).await.unwrap();
    put_raw(name, "cases", &unannounced(&one, "Written behind the module's back")).await.unwrap();
    let taken = store.read_for_export(&[two.id, one.id], Some(&ahead)).await.unwrap();
    assert_eq!(
        cases_in(&taken).await,
        vec![exported(two.clone()), exported(one.clone())],
        "the case read ahead is taken as it was read"
    );
    assert_eq!(
        cases_in(&store.read_for_export(&[one.id], None).await.unwrap()).await[0].plan.child.languages,
        "Written behind the module's back"
    );

    // A save (here of another case): everything is read again.
    let mut saved = two.clone();
    saved.plan.child.languages = "Aymara".into();
    saved.touch(Utc::now());
    store.save(&saved).await.unwrap();
    let again = cases_in(&store.read_for_export(&[two.id, one.id], Some(&taken)).await.unwrap()).await;
    assert_eq!(
        (again[0].plan.child.languages.as_str(), again[1].plan.child.languages.as_str()),
        ("Aymara", "Written behind the module's back")
    );

    // Recording an export changes stored cases too: read again after it.
    let ahead = store.read_for_export(&[one.id], None).await.unwrap();
    put_raw(name, "cases", &unannounced(&one, "Quechua")).await.unwrap();
    store.mark_exported(&[(two.id, saved.version)]).await.unwrap();
    assert_eq!(
        cases_in(&store.read_for_export(&[one.id], Some(&ahead)).await.unwrap()).await[0].plan.child.languages,
        "Quechua"
    );
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn an_old_tab_holding_the_database_gives_blocked_not_a_hang() {
    let name = "homeward-test-blocked";
    delete_database(name).await.unwrap();
    let old_tab = hold_v1(name).await.unwrap();

    let result = within(5_000, "opening while an old tab holds the database", Store::open_named(name)).await;
    assert_eq!(result.err(), Some(StorageError::Blocked));

    close_db(&old_tab);
    let store = within(5_000, "opening after the old tab let go", Store::open_named(name)).await.unwrap();
    assert!(store.list().await.unwrap().cases.is_empty());
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn the_overview_of_ten_thousand_cases_reads_only_deadlines() {
    use homeward::domain::overview::Overview;
    let name = "homeward-test-ten-thousand-deadlines";
    let store = fresh(name).await;
    let mut case = case_with_items("K7Q2M-2026-00001", "Maya");
    case.set_pathway(Some(PlacementType::Reunification));
    for (n, item) in case.checklist.items.iter_mut().enumerate().take(10) {
        item.due = Some(d("2026-11-01") + chrono::Duration::days(n as i64 * 3));
    }
    let deadlines: Vec<_> = (0..10_000)
        .map(|i| {
            let mut c = case.clone();
            c.id = Uuid::new_v4();
            c.case_number = format!("K7Q2M-2026-{i:05}");
            c.deadlines()
        })
        .collect();
    put_raw(name, "deadlines", &serde_json::to_string(&deadlines).unwrap()).await.unwrap();

    let started = js_sys::Date::now();
    let (read, unreadable) = store.deadlines().await.unwrap();
    let overview = Overview::build(&read, d("2026-11-23"));
    let ms = js_sys::Date::now() - started;
    let items: usize = read.iter().map(|c| c.items.len()).sum();
    console_log!("deadlines() of 10,000 cases ({items} dated items) and the overview took {ms} ms");
    assert_eq!((read.len(), unreadable), (10_000, 0));
    // Per case: 8 checklist items and the school visit overdue; 2 checklist items due this week.
    assert_eq!((overview.overdue.len(), overview.due_soon.len()), (10_000 * 9, 10_000 * 2));
    finish(store, name).await;
}

#[wasm_bindgen_test]
async fn list_reads_ten_thousand_summaries() {
    let name = "homeward-test-ten-thousand";
    let store = fresh(name).await;
    let summaries: Vec<_> =
        (0..10_000).map(|i| case_with_items(&format!("K7Q2M-2026-{i:05}"), "Maya").summary()).collect();
    put_raw(name, "summaries", &serde_json::to_string(&summaries).unwrap()).await.unwrap();

    let started = js_sys::Date::now();
    let listed = store.list().await.unwrap().cases;
    let ms = js_sys::Date::now() - started;
    console_log!("list() of 10,000 summaries took {ms} ms");
    assert_eq!(listed.len(), 10_000);
    assert!(ms < 5_000.0, "list() took {ms} ms");
    finish(store, name).await;
}

#[wasm_bindgen_test]
fn dom_exceptions_map_to_errors_a_worker_can_act_on() {
    let exception = |name: &str| web_sys::DomException::new_with_message_and_name("browser text", name).unwrap();
    let map = |name: &str, stage| StorageError::from_js(&exception(name), stage);

    assert_eq!(map("QuotaExceededError", Stage::InUse), StorageError::QuotaExceeded);
    assert_eq!(map("AbortError", Stage::InUse), StorageError::Aborted("AbortError: browser text".into()));
    assert_eq!(map("VersionError", Stage::Opening), StorageError::Superseded);
    assert_eq!(
        map("InvalidStateError", Stage::Opening),
        StorageError::Unavailable("InvalidStateError: browser text".into())
    );
    assert_eq!(map("UnknownError", Stage::Opening), StorageError::Unavailable("UnknownError: browser text".into()));
    assert_eq!(map("InvalidStateError", Stage::InUse), StorageError::Other("InvalidStateError: browser text".into()));
    assert_eq!(map("ConstraintError", Stage::InUse), StorageError::Other("ConstraintError: browser text".into()));
    assert_eq!(
        StorageError::from_js(&JsValue::from_str("plain text"), Stage::InUse),
        StorageError::Other("plain text".into())
    );
    assert!(StorageError::QuotaExceeded.to_string().contains("out of storage space"));
}

#[wasm_bindgen_test]
async fn schema_5_rewrites_old_sentences_as_data_and_can_run_again() {
    let name = "homeward-test-v5-rewrite";
    delete_database(name).await.unwrap();
    let mut case = case_with_items("OLD-5", "Maya");
    case.plan.status = homeward::domain::PlanStatus::Active;
    let mut record = serde_json::to_value(&case).unwrap();
    // As version 4 stored it: events and changes in English, the author in the language on screen.
    record["history"] = serde_json::json!([
        {"at": "2026-11-02T09:30:00Z", "by": "Usuario sin nombre", "area": "case", "event": "Case created", "changes": []},
        {"at": "2026-11-03T09:30:00Z", "by": "Ana Ruiz", "area": "needs", "event": "", "changes": [
            {"path": "plan.needs[x].by_when", "what": "Protection needs: By when — Safe place to sleep",
             "kind": "changed", "old": "(empty)", "new": "1 Dec 2026"}]},
        {"at": "2026-11-04T09:30:00Z", "by": "Ana Ruiz", "area": "case",
         "event": "Case closed: Kinship care. Stable", "changes": []},
    ]);
    let old_summary = serde_json::json!({
        "id": case.id, "case_number": "OLD-5", "child_name": "Maya", "worker_name": "Ana Ruiz",
        "placement": null, "status": "active", "next_due": {"what": "Action: Visit school", "date": "2026-11-20", "place": "actions"},
        "updated_at": "2026-11-02T09:30:00Z", "revision": 0
    });
    make_v2(name, &format!("[{record}]"), &format!("[{old_summary}]")).await.unwrap();

    for _ in 0..2 {
        let store = Store::open_named(name).await.unwrap();
        let read = store.get(case.id).await.unwrap().unwrap();
        let events: Vec<_> = read.history.0.iter().map(|e| e.event.clone()).collect();
        assert_eq!(
            events,
            [
                Some(Event::Created),
                None,
                Some(Event::Closed { outcome: ClosureOutcome::Kinship, reason: "Stable".into() })
            ]
        );
        assert_eq!(read.history.0[0].by, "", "an unnamed author is stored as no name");
        store.close();
        let stored: serde_json::Value =
            serde_json::from_str(&get_raw(name, "cases", &case.id.to_string()).await.unwrap().as_string().unwrap())
                .unwrap();
        assert_eq!(stored["history"][0]["event"], serde_json::json!({"kind": "created"}));
        assert_eq!(stored["history"][0]["by"], "");
        let change = &stored["history"][1]["changes"][0];
        assert_eq!(
            (change.get("what"), &change["item"], &change["old"], &change["new"]),
            (
                None,
                &serde_json::json!("Safe place to sleep"),
                &serde_json::Value::Null,
                &serde_json::json!("2026-12-01")
            )
        );
        let summary: serde_json::Value =
            serde_json::from_str(&get_raw(name, "summaries", &case.id.to_string()).await.unwrap().as_string().unwrap())
                .unwrap();
        assert_eq!(summary["next_due"]["what"]["kind"], "action", "the summary is rebuilt in today's form");
        // Run the step again, as a cut-short upgrade would: the same data comes out.
        put_raw(name, "meta", r#"[{"key":"schema_version","value":4}]"#).await.unwrap();
    }
    delete_database(name).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_first_load_opens_a_new_or_current_database_and_leaves_an_older_one_to_the_whole_app() {
    // A new database: the first load records it as current, so nothing is left to upgrade.
    let name = "homeward-test-first-load-open";
    delete_database(name).await.unwrap();
    let store = Store::open_current(name).await.expect("a new database opens in the first load");
    store.create(&case_with_items("NEW-1", "Maya")).await.unwrap();
    store.close();
    let recorded = get_raw(name, "meta", "schema_version").await.unwrap().as_string().unwrap();
    assert_eq!(recorded, format!(r#"{{"key":"schema_version","value":{SCHEMA_VERSION}}}"#));
    let store = Store::open_current(name).await.expect("a current database opens in the first load");
    assert_eq!(store.list().await.unwrap().cases.len(), 1);
    finish(store, name).await;

    // Cases stored by version 2, one of them unreadable: the first load changes nothing.
    let name = "homeward-test-first-load-older";
    delete_database(name).await.unwrap();
    let case = case_with_items("OLD-1", "Tomás");
    let mut record = serde_json::to_value(&case).unwrap();
    record["history"] = serde_json::json!([{"at": "2026-11-02T09:30:00Z", "by": "Ana", "event": "Case created"}]);
    let broken = Uuid::new_v4();
    let cases = format!(r#"[{record}, {{"id":"{broken}","case_number":"OLD-2","revision":"many"}}]"#);
    make_v2(name, &cases, "[]").await.unwrap();
    let before = get_raw(name, "cases", &case.id.to_string()).await.unwrap().as_string().unwrap();
    assert_eq!(Store::open_current(name).await.err(), Some(StorageError::Outdated));
    assert_eq!(get_raw(name, "cases", &case.id.to_string()).await.unwrap().as_string().unwrap(), before);
    assert_eq!(
        get_raw(name, "meta", "schema_version").await.unwrap().as_string().unwrap(),
        r#"{"key":"schema_version","value":2}"#
    );
    // Deadlines an earlier version derived for the case that can no longer be read.
    let stale = format!(r#"[{{"id":"{broken}","items":[{{"what":"Plan review","date":"2026-11-20"}}]}}]"#);
    put_raw(name, "deadlines", &stale).await.unwrap();

    // The whole app upgrades them; then the first load opens the database as it is.
    let store = Store::open_named(name).await.unwrap();
    let events: Vec<_> = store.get(case.id).await.unwrap().unwrap().history.0.into_iter().map(|e| e.event).collect();
    assert_eq!(events, [Some(Event::Created)]);
    let (deadlines, unreadable) = store.deadlines().await.unwrap();
    assert_eq!((deadlines.len(), unreadable), (1, 0), "the unreadable case's old deadlines are gone");
    let (reports, unreadable) = store.report_records().await.unwrap();
    assert_eq!((reports.len(), unreadable), (1, 1), "the readable case's record; the other counted as unreadable");
    store.close();
    let store = Store::open_current(name).await.expect("an upgraded database opens in the first load");
    assert_eq!(store.list().await.unwrap().cases.len(), 2, "the unreadable case is still listed");
    finish(store, name).await;
}
