//! The only code that touches IndexedDB. Cases are kept whole in `cases`; the list reads the
//! small records in `summaries` and the overview those in `deadlines`, written in the same
//! transaction as the case so they never disagree; `meta` keeps the device's case numbering and the schema version.

mod bulk;
mod codec;
mod deletion;
pub mod device;
mod error;
mod export;
mod kept;
pub mod keys;
mod moving;
mod raw;
pub mod registry;
mod reports;
mod saving;
mod schema;
mod scrub;
pub mod sealed;
pub mod workspaces;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, Event, IdbDatabase, IdbObjectStore, IdbTransaction, IdbTransactionMode, MessageEvent};

pub use codec::Prepared;
pub use error::{Stage, StorageError};
pub use export::{ExportRead, ExportedCase};
pub use moving::{cases_kept_unprotected, Moved};
pub use schema::SCHEMA_VERSION;

use crate::domain::{Case, CaseDeadlines, CaseId, CaseNumber, CaseSummary, DeviceCode};
use codec::{Codec, Kind};
use error::corrupt;
use keys::DataKey;
use schema::{
    from_js, from_json_each, json_text, to_js, MetaRecord, CASES, CASE_NUMBERS, DEADLINES, LAST_BACKUP, LIST_CHANGED,
    META, SUMMARIES, TOMBSTONES,
};

pub const DB_NAME: &str = "homeward";
/// The training workspace: a database of its own, so nothing done in it can reach real cases.
pub const DEMO_DB_NAME: &str = "homeward-demo";
const SEEDED: &str = "seeded";
/// Cases an import hands to the browser per batch.
const IMPORT_BATCH: usize = 200;
/// How often a new case is encoded again with the next number when other tabs keep taking the
/// one it was encoded with.
const CREATE_TRIES: usize = 3;

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
    /// Plain, or sealed under the workspace's data key (held only while unlocked).
    codec: Codec,
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
        let store = Self::connect(name, Codec::Plain).await?;
        schema::run_data_steps(&store.connection.db).await?;
        Ok(store)
    }

    /// Opens a protected workspace's database `name`, locked: nothing in it can be read or
    /// written until [`Store::unlock`]. Such a database is only ever written sealed, so it has
    /// no earlier form to bring up to date.
    pub async fn open_protected(name: &str) -> Result<Store, StorageError> {
        let store = Self::connect(name, Codec::Sealed(RefCell::new(None))).await?;
        schema::check_current(&store.connection.db).await?;
        Ok(store)
    }

    /// Gives a protected workspace's store its data key (unwrapped as not extractable), for
    /// every clone of it.
    pub fn unlock(&self, key: DataKey) {
        self.connection.codec.unlock(key);
    }

    /// Drops the data key from every clone of this store: from now on every read and write is
    /// refused with [`StorageError::Locked`] until it is unlocked again.
    pub fn lock(&self) {
        self.connection.codec.lock();
    }

    pub fn is_locked(&self) -> bool {
        self.connection.codec.is_locked()
    }

    /// Whether this is a protected workspace's store (sealed records), locked or not.
    pub fn is_protected(&self) -> bool {
        self.connection.codec.is_sealed()
    }

    /// The data key this protected store holds while unlocked, to hand to the whole app beside
    /// the first load in the same page (the key stays the browser's, not extractable).
    pub fn data_key(&self) -> Option<DataKey> {
        self.connection.codec.key().ok().flatten()
    }

    /// Opens the database `name` as the first load does, without the code that upgrades stored
    /// cases: [`StorageError::Outdated`] if an earlier version stored cases that need it.
    pub async fn open_current(name: &str) -> Result<Store, StorageError> {
        let store = Self::connect(name, Codec::Plain).await?;
        schema::check_current(&store.connection.db).await?;
        Ok(store)
    }

    async fn connect(name: &str, codec: Codec) -> Result<Store, StorageError> {
        Self::connect_at(name, SCHEMA_VERSION, codec).await
    }

    async fn connect_at(name: &str, version: u32, codec: Codec) -> Result<Store, StorageError> {
        let db = raw::open(name, version, schema::create_stores).await?;
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
            codec,
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

    pub async fn get(&self, id: CaseId) -> Result<Option<Case>, StorageError> {
        let tx = self.transaction(&[CASES], IdbTransactionMode::Readonly)?;
        let found = raw::request(&tx.object_store(CASES)?.get(&key(id))?).await?;
        if found.is_undefined() {
            return Ok(None);
        }
        self.codec().decode_case(found, &format!("case {id}")).await.map(Some)
    }

    /// Several cases by id, in one transaction; `None` where a case is not stored.
    pub async fn get_many(&self, ids: &[CaseId]) -> Result<Vec<Option<Case>>, StorageError> {
        let found = self.get_records(CASES, ids).await?;
        let mut cases = Vec::with_capacity(found.len());
        for (record, id) in found.into_iter().zip(ids) {
            cases.push(match record {
                None => None,
                Some(record) => Some(self.codec().decode_case(record, &format!("case {id}")).await?),
            });
        }
        Ok(cases)
    }

    /// The records of `store` keyed by these ids, as stored, all asked for at once, in the
    /// order asked for; `None` where there is none.
    async fn get_records(&self, store: &str, ids: &[CaseId]) -> Result<Vec<Option<JsValue>>, StorageError> {
        let tx = self.transaction(&[store], IdbTransactionMode::Readonly)?;
        let records = tx.object_store(store)?;
        let requests = ids.iter().map(|id| records.get(&key(*id))).collect::<Result<Vec<_>, _>>()?;
        let mut found = Vec::with_capacity(ids.len());
        for request in &requests {
            let value = raw::request(request).await?;
            found.push((!value.is_undefined()).then_some(value));
        }
        Ok(found)
    }

    /// The records of `store` (of `kind`) keyed by these ids, read back, in the order asked for;
    /// `None` where there is none. `name` names a record that cannot be read.
    async fn get_each<T: serde::de::DeserializeOwned>(
        &self,
        store: &str,
        kind: Kind,
        ids: &[CaseId],
        name: impl Fn(CaseId) -> String,
    ) -> Result<Vec<Option<T>>, StorageError> {
        let found = self.get_records(store, ids).await?;
        let mut read = Vec::with_capacity(found.len());
        for (record, id) in found.into_iter().zip(ids) {
            read.push(match record {
                None => None,
                Some(record) => Some(self.codec().decode_one(kind, record, &name(*id)).await?),
            });
        }
        Ok(read)
    }

    /// When the last full backup was made here, if ever.
    pub async fn last_backup(&self) -> Result<Option<DateTime<Utc>>, StorageError> {
        let tx = self.transaction(&[META], IdbTransactionMode::Readonly)?;
        let found = raw::request(&tx.object_store(META)?.get(&JsValue::from_str(LAST_BACKUP))?).await?;
        if found.is_undefined() {
            return Ok(None);
        }
        let record: MetaRecord<String> = from_js(found).map_err(|e| corrupt("the last backup record", e))?;
        crate::domain::stored_dates::parse_time(&record.value)
            .map(Some)
            .ok_or_else(|| corrupt("the last backup record", "not a time"))
    }

    /// Reads the summaries store only, never whole cases, so it stays quick with thousands. A
    /// record that cannot be read is counted, not allowed to hide every other case.
    pub async fn list(&self) -> Result<CaseList, StorageError> {
        const WHAT: &str = "the case summaries";
        let tx = self.transaction(&[SUMMARIES, TOMBSTONES], IdbTransactionMode::Readonly)?;
        let records = raw::request(&tx.object_store(SUMMARIES)?.get_all()?).await?;
        let tombstones = raw::request(&tx.object_store(TOMBSTONES)?.count()?).await?.as_f64().unwrap_or(0.0);
        let (cases, unreadable) = match self.connection.codec.is_sealed() {
            false => from_json_each::<CaseSummary>(&json_text(&records).map_err(|e| corrupt(WHAT, e))?)
                .map_err(|e| corrupt(WHAT, e))?,
            true => self.codec().decode_all(Kind::Summary, &records, WHAT).await?,
        };
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
        self.codec().decode_all(Kind::Deadlines, &records, "the deadlines").await
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

    /// Whether both are clones of one connection.
    pub fn same(a: &Store, b: &Store) -> bool {
        Rc::ptr_eq(&a.connection, &b.connection)
    }

    /// Closes the connection for every clone of this store, once running transactions finish.
    pub fn close(self) {
        self.connection.db.close();
    }

    fn codec(&self) -> &Codec {
        &self.connection.codec
    }

    fn transaction(&self, stores: &[&str], mode: IdbTransactionMode) -> Result<IdbTransaction, StorageError> {
        if self.connection.superseded.get() {
            return Err(StorageError::Superseded);
        }
        if self.connection.codec.is_locked() {
            return Err(StorageError::Locked);
        }
        raw::transaction(&self.connection.db, stores, mode)
    }
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
