//! The cases an earlier Homeward kept unprotected (`homeward`) moved into a worker's protected
//! workspace. Copied into the workspace's own database, then the old database deleted whole:
//! IndexedDB's storage engine keeps overwritten values in its files until it compacts, so sealing
//! the records where they lie would leave them readable on disk.
//!
//! An interruption loses nothing and resumes:
//! - the old database is first brought to today's form (its schema's data steps) and then
//!   **frozen**: opened at [`FROZEN_VERSION`], which every tab holding it is asked to let go of
//!   and which no Homeward, this one or an older one, opens to write again;
//! - its cases are copied in batches, each committed with the move's cursor in the workspace's
//!   `meta`, so a move cut short goes on after the last batch committed;
//! - nothing of the old database is removed until every case is in the workspace, and then the
//!   whole database at once.
//!
//! A copy never overwrites what the workspace holds that is as new or newer (a case at a
//! revision as high, a case deleted there): moving again, or moving cases an older tab kept
//! writing, brings only what is new.

use std::collections::HashSet;

use js_sys::{Array, Reflect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbKeyRange, IdbObjectStore, IdbTransactionMode};

use super::codec::{Codec, Kind};
use super::error::corrupt;
use super::schema::{
    from_js, summaries_to_write, to_js, MetaRecord, CASES, CASE_NUMBERS, DEADLINES, LAST_BACKUP, META,
    RECENTLY_DELETED, REPORTS, TOMBSTONES,
};
use super::{delete_database, device, key, raw, scrub, Change, StorageError, Store};
use crate::domain::deletion::Tombstone;
use crate::domain::Case;

/// The version a database being moved is held at. Far above any schema this code will reach,
/// so an open at the schema's version fails (`VersionError`: "a newer Homeward was opened").
pub const FROZEN_VERSION: u32 = 1_000_000;
const MOVE_CURSOR: &str = "move_cursor";
/// Cases read, sealed and written per transaction.
const BATCH: u32 = 200;

/// How far the move into this workspace has come, committed with each batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "at", rename_all = "snake_case")]
enum Cursor {
    /// Deleted cases and the numbering moved; no case yet.
    Started,
    /// Every case up to this id (in key order) moved.
    After { id: String },
    /// Everything moved: only deleting the old database is left.
    Copied,
}

/// What a finished move did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Moved {
    /// Cases in the old database (each now in the workspace, or already there as new).
    pub cases: usize,
    /// Records of the old database that are not in the workspace (they could not be read): the
    /// old database is kept.
    pub unreadable: usize,
    /// The old database is still on the device: some of it is not in the workspace, or another
    /// tab kept it open (the browser deletes it once that tab lets go).
    pub kept: bool,
    /// Its values were driven out of the browser's files with it (`scrub.rs`), not left for
    /// the browser to compact some day.
    pub scrubbed: bool,
}

/// How many cases the database `name` holds unprotected (0 if there is none), without making
/// it or changing it.
pub async fn cases_kept_unprotected(name: &str) -> Result<usize, StorageError> {
    let Some(db) = raw::open_existing(name).await? else {
        device::forget_holding_cases(name);
        return Ok(0);
    };
    let count = async {
        if !db.object_store_names().contains(CASES) {
            return Ok(0);
        }
        let tx = raw::transaction(&db, &[CASES], IdbTransactionMode::Readonly)?;
        Ok(raw::request(&tx.object_store(CASES)?.count()?).await?.as_f64().unwrap_or(0.0) as usize)
    }
    .await;
    db.close();
    count
}

impl Store {
    /// Moves every case of the unprotected database `source` into this protected workspace,
    /// with the deleted cases' tombstones and content and the device's case numbering, then
    /// deletes `source`. `progress` hears (moved, total) after each batch. Resumes a move cut
    /// short; a `source` that does not exist moves nothing.
    pub async fn move_in(&self, source: &str, progress: &dyn Fn(usize, usize)) -> Result<Moved, StorageError> {
        if !self.is_protected() {
            return Err(StorageError::Other("cases are moved into a protected workspace only".into()));
        }
        // What an earlier move cut short after its deletion may have left.
        scrub::forget_leftover().await;
        let Some(from) = frozen(source).await? else {
            self.forget_move().await?;
            return Ok(Moved::default());
        };
        let checked = async {
            let cases = self.copy_from(&from, progress).await?;
            // Checked record by record, whatever the cursor says: a record that could not be
            // read in a batch before a resume, or a database made after a move finished, is not
            // in here.
            let (missing, held) = self.missing_from(&from).await?;
            Ok::<_, StorageError>((cases, missing, held))
        }
        .await;
        let (cases, missing, held) = match checked {
            Ok(checked) => checked,
            Err(error) => {
                from.close();
                return Err(error);
            }
        };
        if missing > 0 {
            from.close();
            return Ok(Moved { cases, unreadable: missing, kept: true, scrubbed: false });
        }
        // Deleted so that its values leave the browser's files now; if that cannot be done
        // (the disk too full for the junk it writes), deleted plainly. Nothing to scrub in a
        // database that holds no record.
        let scrubbed = match held {
            0 => {
                from.close();
                false
            }
            _ => scrub::delete_scrubbed(from, source).await.is_ok(),
        };
        let kept = !scrubbed && delete_database(source).await.is_err();
        self.forget_move().await?;
        Ok(Moved { cases, unreadable: 0, kept, scrubbed })
    }

    /// Forgets where an earlier move stopped, so the next one copies everything again (what is
    /// already here is not written twice).
    pub async fn forget_move(&self) -> Result<(), StorageError> {
        let tx = self.transaction(&[META], IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
            tx.object_store(META)?.delete(&JsValue::from_str(MOVE_CURSOR))?;
            Ok(())
        })
        .await
    }

    /// Copies what `from` holds, from where the cursor says; returns how many cases it holds.
    /// A record that cannot be read is skipped: [`Store::missing_from`] finds it afterwards.
    async fn copy_from(&self, from: &Store, progress: &dyn Fn(usize, usize)) -> Result<usize, StorageError> {
        let total = count(from, CASES, None).await?;
        let mut after = match self.cursor().await? {
            None => {
                self.copy_apart(from).await?;
                None
            }
            Some(Cursor::Started) => None,
            Some(Cursor::After { id }) => Some(id),
            Some(Cursor::Copied) => return Ok(total),
        };
        loop {
            let done = match &after {
                Some(id) => count(from, CASES, Some(&IdbKeyRange::upper_bound(&JsValue::from_str(id))?)).await?,
                None => 0,
            };
            progress(done, total);
            let range = after.as_deref().map(|id| IdbKeyRange::lower_bound_with_open(&JsValue::from_str(id), true));
            let tx = from.transaction(&[CASES], IdbTransactionMode::Readonly)?;
            let cases = tx.object_store(CASES)?;
            let records: Array = match range.transpose()? {
                Some(range) => raw::request(&cases.get_all_with_key_and_limit(&range, BATCH)?).await?,
                None => raw::request(&cases.get_all_with_key_and_limit(&JsValue::NULL, BATCH)?).await?,
            }
            .unchecked_into();
            let Some(last) = records.iter().last() else { break };
            let last = Reflect::get(&last, &"id".into())?.as_string().ok_or_else(|| corrupt("a case", "no id"))?;
            let (batch, _) = from.codec().decode_cases(&records, "the cases kept unprotected").await?;
            self.copy_cases(&batch, Cursor::After { id: last.clone() }).await?;
            after = Some(last);
        }
        self.set_cursor(Cursor::Copied).await?;
        progress(total, total);
        Ok(total)
    }

    /// Moves what is kept apart from the cases: deleted cases' tombstones and content, the
    /// device's case numbering and the time of the last backup.
    async fn copy_apart(&self, from: &Store) -> Result<(), StorageError> {
        let tx = from.transaction(&[TOMBSTONES, RECENTLY_DELETED, META], IdbTransactionMode::Readonly)?;
        let tombstones = raw::request(&tx.object_store(TOMBSTONES)?.get_all()?).await?;
        let kept = raw::request(&tx.object_store(RECENTLY_DELETED)?.get_all()?).await?;
        let meta = tx.object_store(META)?;
        let numbers = raw::request(&meta.get(&JsValue::from_str(CASE_NUMBERS))?).await?;
        let backup = raw::request(&meta.get(&JsValue::from_str(LAST_BACKUP))?).await?;
        let (tombstones, _) = from.codec().decode_all::<Tombstone>(Kind::Tombstone, &tombstones, "tombstones").await?;
        let (kept, _) = from.codec().decode_cases(&kept, "the recently deleted cases").await?;
        let sealed_tombstones = self.codec().encode(Kind::Tombstone, &tombstones.iter().collect::<Vec<_>>()).await?;
        let sealed_kept = self.codec().encode_cases(&kept.iter().collect::<Vec<_>>()).await?;
        let stores = [CASES, TOMBSTONES, RECENTLY_DELETED, META];
        let tx = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
            let (cases, graves, apart) =
                (tx.object_store(CASES)?, tx.object_store(TOMBSTONES)?, tx.object_store(RECENTLY_DELETED)?);
            // A case here under the same id is newer than its deletion there: it stays.
            for (tombstone, sealed) in tombstones.iter().zip(&sealed_tombstones) {
                if absent(&cases, &key(tombstone.id)).await? && absent(&graves, &key(tombstone.id)).await? {
                    graves.put(sealed)?;
                }
            }
            for (case, sealed) in kept.iter().zip(&sealed_kept) {
                if absent(&cases, &key(case.id)).await? && absent(&apart, &key(case.id)).await? {
                    apart.put(sealed)?;
                }
            }
            let meta = tx.object_store(META)?;
            let holds_cases = raw::request(&cases.count()?).await?.as_f64().unwrap_or(0.0) > 0.0;
            // The numbering goes on from the old one, so no number is given twice.
            if !numbers.is_undefined() && absent(&meta, &JsValue::from_str(CASE_NUMBERS)).await? {
                meta.put(&numbers)?;
            }
            // The old cases' last backup is the workspace's if it held nothing else; cases never
            // backed up make a workspace not backed up.
            match (holds_cases, backup.is_undefined()) {
                (false, false) => drop(meta.put(&backup)?),
                (true, true) => drop(meta.delete(&JsValue::from_str(LAST_BACKUP))?),
                _ => {}
            }
            meta.put(&cursor_record(&Cursor::Started)?)?;
            Ok(())
        })
        .await
    }

    /// Writes a batch of cases with what is kept beside them, and the cursor, in one
    /// transaction. A case here at the same or a higher revision, or deleted here, is left.
    async fn copy_cases(&self, batch: &[Case], cursor: Cursor) -> Result<(), StorageError> {
        let cases: Vec<&Case> = batch.iter().collect();
        let sealed = self.codec().encode_with_derived(&cases).await?;
        let stores = [CASES, super::schema::SUMMARIES, DEADLINES, REPORTS, TOMBSTONES, META];
        let tx = self.transaction(&stores, IdbTransactionMode::Readwrite)?;
        let result = raw::write(&tx, async {
            let (here, graves) = (tx.object_store(CASES)?, tx.object_store(TOMBSTONES)?);
            let targets =
                [here.clone(), summaries_to_write(&tx)?, tx.object_store(DEADLINES)?, tx.object_store(REPORTS)?];
            for (at, case) in batch.iter().enumerate() {
                let stored = raw::request(&here.get(&key(case.id))?).await?;
                let stored_revision = (!stored.is_undefined())
                    .then(|| Reflect::get(&stored, &"revision".into()).ok().and_then(|r| r.as_f64()).unwrap_or(0.0));
                let newer = stored_revision.is_none_or(|revision| (case.revision as f64) > revision);
                if newer && absent(&graves, &key(case.id)).await? {
                    for (store, records) in targets.iter().zip(&sealed) {
                        store.put(&records[at])?;
                    }
                }
            }
            tx.object_store(META)?.put(&cursor_record(&cursor)?)?;
            Ok(())
        })
        .await;
        self.remember_holding_cases(&result);
        self.announce(result, || Change::Imported)
    }

    /// How many records of `from` are not in this workspace, and how many records `from` holds:
    /// a case is here as a case or, deleted here, as a tombstone; a tombstone as a tombstone or
    /// a case brought back; deleted content as such or as a case brought back.
    async fn missing_from(&self, from: &Store) -> Result<(usize, usize), StorageError> {
        let [cases, graves, apart] = keys(from).await?;
        let [here, here_graves, here_apart] = keys(self).await?;
        let missing = cases.iter().filter(|k| !here.contains(*k) && !here_graves.contains(*k)).count()
            + graves.iter().filter(|k| !here_graves.contains(*k) && !here.contains(*k)).count()
            + apart.iter().filter(|k| !here_apart.contains(*k) && !here.contains(*k)).count();
        Ok((missing, cases.len() + graves.len() + apart.len()))
    }

    async fn cursor(&self) -> Result<Option<Cursor>, StorageError> {
        let tx = self.transaction(&[META], IdbTransactionMode::Readonly)?;
        let found = raw::request(&tx.object_store(META)?.get(&JsValue::from_str(MOVE_CURSOR))?).await?;
        if found.is_undefined() {
            return Ok(None);
        }
        let record: MetaRecord<Cursor> = from_js(found).map_err(|e| corrupt("the move's progress", e))?;
        Ok(Some(record.value))
    }

    async fn set_cursor(&self, cursor: Cursor) -> Result<(), StorageError> {
        let tx = self.transaction(&[META], IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
            tx.object_store(META)?.put(&cursor_record(&cursor)?)?;
            Ok(())
        })
        .await
    }
}

/// The unprotected database `name`, in today's form and frozen (see the module's notes), or
/// `None` if there is none.
async fn frozen(name: &str) -> Result<Option<Store>, StorageError> {
    let Some(db) = raw::open_existing(name).await? else { return Ok(None) };
    let version = db.version() as u32;
    db.close();
    // Frozen only once in today's form, so a frozen one needs no data step.
    if version < FROZEN_VERSION {
        Store::open_named(name).await?.close();
    }
    Store::connect_at(name, FROZEN_VERSION, Codec::Plain).await.map(Some)
}

/// The keys of a store's cases, tombstones and deleted content.
async fn keys(store: &Store) -> Result<[HashSet<String>; 3], StorageError> {
    let tx = store.transaction(&[CASES, TOMBSTONES, RECENTLY_DELETED], IdbTransactionMode::Readonly)?;
    let requests =
        [CASES, TOMBSTONES, RECENTLY_DELETED].map(|name| tx.object_store(name).and_then(|s| s.get_all_keys()));
    let mut sets: [HashSet<String>; 3] = Default::default();
    for (set, request) in sets.iter_mut().zip(requests) {
        let found: Array = raw::request(&request?).await?.unchecked_into();
        set.extend(found.iter().filter_map(|key| key.as_string()));
    }
    Ok(sets)
}

async fn count(store: &Store, name: &str, range: Option<&IdbKeyRange>) -> Result<usize, StorageError> {
    let tx = store.transaction(&[name], IdbTransactionMode::Readonly)?;
    let records = tx.object_store(name)?;
    let request = match range {
        Some(range) => records.count_with_key(range)?,
        None => records.count()?,
    };
    Ok(raw::request(&request).await?.as_f64().unwrap_or(0.0) as usize)
}

async fn absent(store: &IdbObjectStore, key: &JsValue) -> Result<bool, StorageError> {
    Ok(raw::request(&store.count_with_key(key)?).await?.as_f64().unwrap_or(0.0) == 0.0)
}

fn cursor_record(cursor: &Cursor) -> Result<JsValue, StorageError> {
    to_js(&MetaRecord { key: MOVE_CURSOR.into(), value: cursor })
}
