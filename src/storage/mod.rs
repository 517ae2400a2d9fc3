//! The only code that touches IndexedDB. Cases are kept whole in `cases`; the list reads the
//! small records in `summaries` and the overview those in `deadlines`, written in the same
//! transaction as the case so they never disagree; `meta` keeps the device's case numbering and the schema version.

mod deletion;
pub mod device;
mod early;
mod error;
mod export;
pub mod keys;
mod raw;
pub mod registry;
mod schema;
pub mod sealed;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use chrono::{DateTime, Utc};
use js_sys::Reflect;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, Event, IdbDatabase, IdbObjectStore, IdbTransaction, IdbTransactionMode, MessageEvent};

pub use error::{Stage, StorageError};
pub use export::{ExportRead, ExportedCase};
pub use schema::SCHEMA_VERSION;

use crate::domain::exchange::merge::{with_recorded_exchanges, Write};
use crate::domain::{Case, CaseDeadlines, CaseId, CaseNumber, CaseSummary, DeviceCode};
use error::corrupt;
use schema::{
    from_js, from_js_each, from_json_each, json_text, put_derived, summaries_to_write, to_js, to_js_each, MetaRecord,
    CASES, CASE_NUMBERS, DEADLINES, LAST_BACKUP, LIST_CHANGED, META, RECENTLY_DELETED, SUMMARIES, TOMBSTONES,
};

pub const DB_NAME: &str = "homeward";
/// The training workspace: a database of its own, so nothing done in it can reach real cases.
pub const DEMO_DB_NAME: &str = "homeward-demo";
const SEEDED: &str = "seeded";
/// Cases an import hands to the browser per batch.
const IMPORT_BATCH: usize = 200;

/// The case list as stored: every readable summary, and how many records could not be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseList {
    pub cases: Vec<CaseSummary>,
    pub unreadable: usize,
    /// The database holds nothing at all, not even a deleted case's tombstone, though this
    /// browser saw cases in it before: the browser itself deleted it (it does so when it finds
    /// its files damaged, as after a crash) or its data was cleared. Worth saying, not hiding
    /// behind "No cases yet".
    pub emptied_by_the_browser: bool,
}

/// An open connection to the database. Clones share it; it closes when the last clone is dropped
/// or [`Store::close`] is called.
#[derive(Clone)]
pub struct Store {
    connection: Rc<Connection>,
}

struct Connection {
    db: IdbDatabase,
    /// Set when a newer Homeward in another tab asked for the database and this one let go.
    superseded: Rc<Cell<bool>>,
    /// Set as soon as a newer Homeward asks, so a listener attached afterwards is told too.
    asked_to_let_go: Rc<Cell<bool>>,
    _on_version_change: Closure<dyn FnMut(Event)>,
    /// Tells the other tabs of this database about every committed write, and hears theirs.
    channel: Option<BroadcastChannel>,
    listener: Listener,
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
}

type Listener = Rc<RefCell<Option<Rc<dyn Fn(Change)>>>>;

impl Drop for Connection {
    fn drop(&mut self) {
        self.db.set_onversionchange(None);
        self.db.close();
        if let Some(channel) = &self.channel {
            channel.set_onmessage(None);
            channel.close();
        }
    }
}

/// What another tab did to the stored cases, or to the database itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    Saved {
        id: CaseId,
        revision: u64,
    },
    Deleted {
        id: CaseId,
    },
    Imported,
    /// Cases went into an export file: their lists of exchanged versions changed, not their
    /// revisions.
    Exported,
    /// A newer Homeward needs the database: this tab lets go shortly and must be reloaded.
    Superseded,
}

/// How long a tab asked to let go of the database keeps it, so a save already waiting (the
/// listener flushes edits) still lands; well inside the other tab's grace for blocked opens.
const LET_GO_AFTER_MS: u32 = 300;

impl Store {
    /// Opens the database `name`, first bringing cases stored by an earlier version up to date
    /// (the schema's data steps).
    pub async fn open_named(name: &str) -> Result<Store, StorageError> {
        let store = Self::connect(name).await?;
        schema::run_data_steps(&store.connection.db).await?;
        Ok(store)
    }

    /// Opens the database `name` as the first load does, without the code that upgrades stored
    /// cases: [`StorageError::Outdated`] if an earlier version stored cases that need it.
    pub async fn open_current(name: &str) -> Result<Store, StorageError> {
        let store = Self::connect(name).await?;
        schema::check_current(&store.connection.db).await?;
        Ok(store)
    }

    async fn connect(name: &str) -> Result<Store, StorageError> {
        let db = raw::open(name, SCHEMA_VERSION, schema::create_stores).await?;
        let listener: Listener = Rc::default();
        let tell = |listener: &Listener, change: Change| {
            let callback = listener.borrow().clone();
            if let Some(callback) = callback {
                callback(change);
            }
        };
        // Let go soon after a newer version elsewhere asks to upgrade, rather than block it;
        // this tab then reports Superseded, which tells the worker to reload.
        let superseded = Rc::new(Cell::new(false));
        let asked_to_let_go = Rc::new(Cell::new(false));
        let on_version_change = {
            let (db, superseded, listener, asked) =
                (db.clone(), superseded.clone(), listener.clone(), asked_to_let_go.clone());
            Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                // Remembered for a listener attached later: the ask can come while the tab is
                // still opening, before the app listens.
                asked.set(true);
                tell(&listener, Change::Superseded);
                let (db, superseded) = (db.clone(), superseded.clone());
                gloo_timers::callback::Timeout::new(LET_GO_AFTER_MS, move || {
                    superseded.set(true);
                    db.close();
                })
                .forget();
            })
        };
        db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
        // Absent in very old browsers: tabs then learn of each other's saves when they save.
        let channel = BroadcastChannel::new(&format!("{name}-changes")).ok();
        let on_message = channel.as_ref().map(|channel| {
            let listener = listener.clone();
            let callback = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                if let Some(change) = event.data().as_string().and_then(|text| serde_json::from_str(&text).ok()) {
                    tell(&listener, change);
                }
            });
            channel.set_onmessage(Some(callback.as_ref().unchecked_ref()));
            callback
        });
        let connection = Connection {
            db,
            superseded,
            asked_to_let_go,
            _on_version_change: on_version_change,
            channel,
            listener,
            _on_message: on_message,
        };
        Ok(Store { connection: Rc::new(connection) })
    }

    /// The number the next new case would get on this device: `<DEVICECODE>-<year>-<seq:04>`.
    /// Creates the device code on first use and keeps it in `meta`.
    pub async fn propose_case_number(&self, year: i32) -> Result<String, StorageError> {
        // Readwrite even though it mostly reads: two first calls at once must not both create a
        // device code, and readwrite transactions on `meta` run one after the other.
        let tx = self.transaction(&[META], IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
            let mut numbers = case_numbers(&tx.object_store(META)?).await?;
            Ok(numbers.next(year))
        })
        .await
    }

    /// Stores a new case and its summary, and returns it as stored. Its number is claimed from
    /// the device's numbering in the same transaction: a proposal another tab already used is
    /// replaced by the next number ([`CaseNumber::claim`]). Fails, keeping nothing, if a case
    /// with this id is already stored.
    pub async fn create(&self, case: &Case) -> Result<Case, StorageError> {
        let tx = self.transaction(&[CASES, SUMMARIES, DEADLINES, META], IdbTransactionMode::Readwrite)?;
        let result = raw::write(&tx, async {
            let meta = tx.object_store(META)?;
            let mut numbers = case_numbers(&meta).await?;
            let mut case = case.clone();
            case.case_number = numbers.claim(&case.case_number);
            // `add`, not `put`: creating must never overwrite a stored case.
            tx.object_store(CASES)?.add(&to_js(&case)?)?;
            put_derived(&tx, &case)?;
            meta.put(&to_js(&MetaRecord { key: CASE_NUMBERS.into(), value: numbers })?)?;
            Ok(case)
        })
        .await;
        self.remember_holding_cases(&result);
        self.announce(result, || Change::Saved { id: case.id, revision: case.revision })
    }

    /// Writes the case and its summary in one transaction. Ok only once the browser reports the
    /// transaction committed; a save that did not commit is an error. The case must carry a
    /// revision above the stored one ([`Case::touch`]): a save from a tab that has not seen a
    /// later save, or of a case deleted meanwhile, is refused rather than written over it.
    pub async fn save(&self, case: &Case) -> Result<(), StorageError> {
        let tx = self.transaction(&[CASES, SUMMARIES, DEADLINES, META], IdbTransactionMode::Readwrite)?;
        let result = raw::write(&tx, async {
            let cases = tx.object_store(CASES)?;
            // Every request is queued before anything is awaited, so a save started as the tab
            // closes reaches the browser whole. The check then aborts it, undoing both writes,
            // if the stored case is newer or gone.
            let stored = cases.get(&key(case.id))?;
            cases.put(&to_js(case)?)?;
            put_derived(&tx, case)?;
            let stored = raw::request(&stored).await?;
            if stored.is_undefined() {
                return Err(StorageError::Deleted);
            }
            let stored_revision =
                Reflect::get(&stored, &JsValue::from_str("revision")).ok().and_then(|r| r.as_f64()).unwrap_or(0.0);
            if stored_revision >= case.revision as f64 {
                return Err(StorageError::ChangedElsewhere);
            }
            // An export recorded meanwhile (without a new revision) must not be erased by an
            // editor that read the case before it.
            let recorded: Vec<Uuid> = Reflect::get(&stored, &JsValue::from_str("exchanged"))
                .ok()
                .and_then(|v| from_js(v).ok())
                .unwrap_or_default();
            if let Some(merged) = with_recorded_exchanges(case, &recorded) {
                cases.put(&to_js(&merged)?)?;
            }
            Ok(())
        })
        .await;
        self.announce(result, || Change::Saved { id: case.id, revision: case.revision })
    }

    /// For a page that is being closed: the same writes, committed at once without the
    /// revision check, because the browser runs no more of the page's code once it is gone
    /// and a transaction left to commit by itself is dropped with the page. The cost: if
    /// another tab saved this case in the last moment, this save lands over it. A case deleted
    /// meanwhile is not written back: its tombstone makes the transaction fail.
    pub async fn save_while_closing(&self, case: &Case) -> Result<(), StorageError> {
        let stores = [CASES, SUMMARIES, DEADLINES, META, TOMBSTONES];
        let tx = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let queued = (|| {
            // A case deleted in another tab, even a moment ago, is not written back.
            deletion::refuse_if_deleted(&tx, case.id)?;
            tx.object_store(CASES)?.put(&to_js(case)?)?;
            put_derived(&tx, case)
        })();
        if let Err(err) = queued {
            // Left to commit by itself, the case could land without its summary or deadlines.
            let _ = tx.abort();
            return Err(err);
        }
        // `commit()` is in every browser Homeward supports (web-sys flags it deprecated only
        // because it was missing from an older spec); where it is not, the transaction still
        // commits by itself if the page lives long enough.
        #[allow(deprecated)]
        let _ = tx.commit();
        let result = raw::committed(&tx).await;
        self.announce(result, || Change::Saved { id: case.id, revision: case.revision })
    }

    pub async fn get(&self, id: CaseId) -> Result<Option<Case>, StorageError> {
        let tx = self.transaction(&[CASES], IdbTransactionMode::Readonly)?;
        let found = raw::request(&tx.object_store(CASES)?.get(&key(id))?).await?;
        if found.is_undefined() {
            return Ok(None);
        }
        from_js(found).map(Some).map_err(|e| corrupt(&format!("case {id}"), e))
    }

    /// Several cases by id, in one transaction; `None` where a case is not stored.
    pub async fn get_many(&self, ids: &[CaseId]) -> Result<Vec<Option<Case>>, StorageError> {
        self.get_each(CASES, ids, |id| format!("case {id}")).await
    }

    /// The records of `store` keyed by these ids, all asked for at once, in the order asked for;
    /// `None` where there is none. `name` names a record that cannot be read.
    async fn get_each<T: serde::de::DeserializeOwned>(
        &self,
        store: &str,
        ids: &[CaseId],
        name: impl Fn(CaseId) -> String,
    ) -> Result<Vec<Option<T>>, StorageError> {
        let tx = self.transaction(&[store], IdbTransactionMode::Readonly)?;
        let records = tx.object_store(store)?;
        let requests = ids.iter().map(|id| records.get(&key(*id))).collect::<Result<Vec<_>, _>>()?;
        let mut found = Vec::with_capacity(ids.len());
        for (request, id) in requests.iter().zip(ids) {
            let value = raw::request(request).await?;
            found.push(if value.is_undefined() {
                None
            } else {
                Some(from_js(value).map_err(|e| corrupt(&name(*id), e))?)
            });
        }
        Ok(found)
    }

    /// Writes an import: all of it in one transaction, or nothing. Each write names the revision
    /// the stored case must still have (or that none may exist); a case changed since the
    /// preview aborts the whole import with [`StorageError::ChangedElsewhere`].
    pub async fn import(&self, writes: &[Write]) -> Result<(), StorageError> {
        // A file of cases already here writes nothing, not even the case list's change mark.
        if writes.is_empty() {
            return Ok(());
        }
        let stores = [CASES, SUMMARIES, DEADLINES, META, TOMBSTONES, RECENTLY_DELETED];
        let tx = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let result = raw::write(&tx, async {
            let cases = tx.object_store(CASES)?;
            let summaries_store = summaries_to_write(&tx)?;
            let checks = writes.iter().map(|w| cases.get(&key(w.case.id))).collect::<Result<Vec<_>, _>>()?;
            let tombstones = tx.object_store(TOMBSTONES)?;
            let deleted = writes.iter().map(|w| tombstones.get(&key(w.case.id))).collect::<Result<Vec<_>, _>>()?;
            for w in writes.iter().filter(|w| w.restores) {
                tombstones.delete(&key(w.case.id))?;
                tx.object_store(RECENTLY_DELETED)?.delete(&key(w.case.id))?;
            }
            // In batches, so the JSON text of each stays a few megabytes however large the file.
            for batch in writes.chunks(IMPORT_BATCH) {
                let stored: Vec<&Case> = batch.iter().map(|w| &w.case).collect();
                let summaries: Vec<CaseSummary> = batch.iter().map(|w| w.case.summary()).collect();
                let deadlines: Vec<CaseDeadlines> = batch.iter().map(|w| w.case.deadlines()).collect();
                for (store, records) in [
                    (cases.clone(), to_js_each(&stored)?),
                    (summaries_store.clone(), to_js_each(&summaries)?),
                    (tx.object_store(DEADLINES)?, to_js_each(&deadlines)?),
                ] {
                    for record in records.iter() {
                        store.put(&record)?;
                    }
                }
            }
            for (check, w) in checks.iter().zip(writes) {
                let stored = raw::request(check).await?;
                let stored_revision = (!stored.is_undefined()).then(|| {
                    Reflect::get(&stored, &JsValue::from_str("revision")).ok().and_then(|r| r.as_f64()).unwrap_or(0.0)
                });
                if stored_revision != w.expect_revision.map(|r| r as f64) {
                    return Err(StorageError::ChangedElsewhere);
                }
            }
            // A case deleted here comes back only when the worker chose to bring it back.
            for (check, w) in deleted.iter().zip(writes) {
                if !w.restores && !raw::request(check).await?.is_undefined() {
                    return Err(StorageError::ChangedElsewhere);
                }
            }
            Ok(())
        })
        .await;
        self.remember_holding_cases(&result);
        self.announce(result, || Change::Imported)
    }

    /// Records that every case went into an encrypted export file at `at`.
    pub async fn record_backup(&self, at: DateTime<Utc>) -> Result<(), StorageError> {
        let tx = self.transaction(&[META], IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
            tx.object_store(META)?.put(&to_js(&MetaRecord { key: LAST_BACKUP.into(), value: at })?)?;
            Ok(())
        })
        .await
    }

    /// Fills an empty workspace once (the demo's fictional cases): the cases, what the list and
    /// overview read, and the mark that it was done, in one transaction. The mark records `mark`
    /// (the language the cases are written in). A workspace filled before is left alone, so cases
    /// a trainee deleted do not come back until a reset; with `refill`, one filled under another
    /// mark has every case replaced by `cases` (the demo entered in another language).
    pub async fn seed_once(
        &self,
        mark: &str,
        refill: bool,
        cases: impl FnOnce() -> Vec<Case>,
    ) -> Result<bool, StorageError> {
        let tx = self.transaction(&[META, CASES, SUMMARIES, DEADLINES], IdbTransactionMode::Readwrite)?;
        let seeded = raw::write(&tx, async {
            let meta = tx.object_store(META)?;
            let found = raw::request(&meta.get(&JsValue::from_str(SEEDED))?).await?;
            if !found.is_undefined() {
                // Marked `true` before the mark named a language: English, the only one then.
                let before = from_js::<MetaRecord<serde_json::Value>>(found)
                    .ok()
                    .and_then(|record| record.value.as_str().map(str::to_string))
                    .unwrap_or_else(|| "en".into());
                if before == mark || !refill {
                    return Ok(false);
                }
                for name in [CASES, SUMMARIES, DEADLINES] {
                    tx.object_store(name)?.clear()?;
                }
            }
            let store = tx.object_store(CASES)?;
            for case in cases() {
                store.put(&to_js(&case)?)?;
                put_derived(&tx, &case)?;
            }
            meta.put(&to_js(&MetaRecord { key: SEEDED.into(), value: mark })?)?;
            Ok(true)
        })
        .await;
        self.announce(seeded, || Change::Imported)
    }

    /// When the last full backup was made here, if ever.
    pub async fn last_backup(&self) -> Result<Option<DateTime<Utc>>, StorageError> {
        let tx = self.transaction(&[META], IdbTransactionMode::Readonly)?;
        let found = raw::request(&tx.object_store(META)?.get(&JsValue::from_str(LAST_BACKUP))?).await?;
        if found.is_undefined() {
            return Ok(None);
        }
        let record: MetaRecord<DateTime<Utc>> = from_js(found).map_err(|e| corrupt("the last backup record", e))?;
        Ok(Some(record.value))
    }

    /// Reads the summaries store only, never whole cases, so it stays quick with thousands. A
    /// record that cannot be read is counted, not allowed to hide every other case.
    pub async fn list(&self) -> Result<CaseList, StorageError> {
        let early = early::take(&self.connection.db.name()).await;
        let tx = self.transaction(&[SUMMARIES, META, TOMBSTONES], IdbTransactionMode::Readonly)?;
        let text = match early {
            // Read while the app loaded, and no summary written since: as good as reading now.
            Some(early) if early.changed == list_changed(&tx.object_store(META)?).await? => early.summaries,
            _ => {
                let records = raw::request(&tx.object_store(SUMMARIES)?.get_all()?).await?;
                json_text(&records).map_err(|e| corrupt("the case summaries", e))?
            }
        };
        let tombstones = raw::request(&tx.object_store(TOMBSTONES)?.count()?).await?.as_f64().unwrap_or(0.0);
        let (cases, unreadable) = from_json_each::<CaseSummary>(&text).map_err(|e| corrupt("the case summaries", e))?;
        let database = self.connection.db.name();
        let holds_anything = !cases.is_empty() || unreadable > 0 || tombstones > 0.0;
        if holds_anything {
            device::remember_holding_cases(&database);
        }
        let emptied_by_the_browser = !holds_anything && device::held_cases(&database);
        Ok(CaseList { cases, unreadable, emptied_by_the_browser })
    }

    /// The open dated items of every case, for the overview. Reads only the deadlines store;
    /// a record that cannot be read is counted.
    pub async fn deadlines(&self) -> Result<(Vec<CaseDeadlines>, usize), StorageError> {
        let tx = self.transaction(&[DEADLINES], IdbTransactionMode::Readonly)?;
        let records = raw::request(&tx.object_store(DEADLINES)?.get_all()?).await?;
        from_js_each::<CaseDeadlines>(&records).map_err(|e| corrupt("the deadlines", e))
    }

    /// Calls `callback` with what other tabs write, and when this tab must let go of the
    /// database. One listener per store; a new one replaces the last.
    pub fn listen(&self, callback: impl Fn(Change) + 'static) {
        let callback: Rc<dyn Fn(Change)> = Rc::new(callback);
        self.connection.listener.replace(Some(callback.clone()));
        if self.connection.asked_to_let_go.get() {
            callback(Change::Superseded);
        }
    }

    /// A case is stored now: if the browser ever empties this database, the case list says so
    /// (see [`CaseList::emptied_by_the_browser`]), even if it was never shown in between.
    fn remember_holding_cases<T>(&self, result: &Result<T, StorageError>) {
        if result.is_ok() {
            device::remember_holding_cases(&self.connection.db.name());
        }
    }

    fn announce<T>(&self, result: Result<T, StorageError>, change: impl FnOnce() -> Change) -> Result<T, StorageError> {
        if let (Ok(_), Some(channel)) = (&result, &self.connection.channel) {
            if let Ok(text) = serde_json::to_string(&change()) {
                let _ = channel.post_message(&JsValue::from_str(&text));
            }
        }
        result
    }

    /// Closes the connection for every clone of this store, once running transactions finish.
    pub fn close(self) {
        self.connection.db.close();
    }

    fn transaction(&self, stores: &[&str], mode: IdbTransactionMode) -> Result<IdbTransaction, StorageError> {
        if self.connection.superseded.get() {
            return Err(StorageError::Superseded);
        }
        raw::transaction(&self.connection.db, stores, mode)
    }
}

/// Drops the case list read while the app loaded (see `src/web/early_read.js`), when the page
/// opens on something else: a list read later must come from the database as it is then.
pub fn forget_early_read() {
    early::forget();
}

/// Deletes a whole database (tests, resetting the demo workspace). `Blocked` while it is open elsewhere.
pub async fn delete_database(name: &str) -> Result<(), StorageError> {
    raw::delete(name).await?;
    // Emptied on purpose (the demo's reset): nothing to warn of next time.
    device::forget_holding_cases(name);
    Ok(())
}

fn key(id: CaseId) -> JsValue {
    // The same text serde writes for the record's `id`, so the key path finds it.
    JsValue::from_str(&id.to_string())
}

/// The mark every write to the summaries changes ([`schema::summaries_to_write`]).
async fn list_changed(meta: &IdbObjectStore) -> Result<Option<String>, StorageError> {
    let found = raw::request(&meta.get(&JsValue::from_str(LIST_CHANGED))?).await?;
    if found.is_undefined() {
        return Ok(None);
    }
    Ok(Some(from_js::<MetaRecord<String>>(found).map_err(|e| corrupt("the case list's change mark", e))?.value))
}

/// The device's numbering, made (with a new random device code) and queued for storing on first use.
async fn case_numbers(meta: &IdbObjectStore) -> Result<CaseNumber, StorageError> {
    let found = raw::request(&meta.get(&JsValue::from_str(CASE_NUMBERS))?).await?;
    if !found.is_undefined() {
        let record: MetaRecord<CaseNumber> = from_js(found).map_err(|e| corrupt("the case numbering record", e))?;
        return Ok(record.value);
    }
    let numbers = CaseNumber::new(DeviceCode::from_random(*Uuid::new_v4().as_bytes()));
    meta.put(&to_js(&MetaRecord { key: CASE_NUMBERS.into(), value: numbers.clone() })?)?;
    Ok(numbers)
}
