//! The device's list of protected workspaces (`homeward-workspaces`): one record per worker,
//! with the worker's name and the data key's two wraps, read before any key is known so the
//! opening screen can list the workers. Nothing in it is about a child.

use uuid::Uuid;
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbTransactionMode};

use super::error::{corrupt, StorageError};
use super::raw;
use super::schema::{from_js, from_js_each, to_js};
use crate::domain::protection::{sort_by_worker_name, WorkspaceRecord};

pub const REGISTRY_DB_NAME: &str = "homeward-workspaces";
const VERSION: u32 = 1;
const WORKSPACES: &str = "workspaces";

fn create_stores(db: &IdbDatabase, old_version: u32) -> Result<(), JsValue> {
    if old_version < 1 {
        let options = web_sys::IdbObjectStoreParameters::new();
        options.set_key_path(&JsValue::from_str("id"));
        db.create_object_store_with_optional_parameters(WORKSPACES, &options)?;
    }
    Ok(())
}

/// What the registry holds: the workspaces it can read, sorted by worker name, and how many
/// records it could not (named, never dropped silently: each is a worker's way in).
#[derive(Debug, Clone, Default)]
pub struct Workspaces {
    pub readable: Vec<WorkspaceRecord>,
    pub unreadable: usize,
}

pub struct Registry {
    db: IdbDatabase,
}

impl Registry {
    pub async fn open() -> Result<Self, StorageError> {
        Self::open_named(REGISTRY_DB_NAME).await
    }

    /// The registry under another name (tests).
    pub async fn open_named(name: &str) -> Result<Self, StorageError> {
        Ok(Self { db: raw::open(name, VERSION, create_stores).await? })
    }

    pub async fn list(&self) -> Result<Workspaces, StorageError> {
        let tx = raw::transaction(&self.db, &[WORKSPACES], IdbTransactionMode::Readonly)?;
        let records = raw::request(&tx.object_store(WORKSPACES)?.get_all()?).await?;
        let (mut readable, unreadable) =
            from_js_each::<WorkspaceRecord>(&records).map_err(|e| corrupt("the list of workspaces", e))?;
        sort_by_worker_name(&mut readable);
        Ok(Workspaces { readable, unreadable })
    }

    pub async fn get(&self, id: Uuid) -> Result<Option<WorkspaceRecord>, StorageError> {
        let tx = raw::transaction(&self.db, &[WORKSPACES], IdbTransactionMode::Readonly)?;
        let found = raw::request(&tx.object_store(WORKSPACES)?.get(&JsValue::from_str(&id.to_string()))?).await?;
        if found.is_undefined() {
            return Ok(None);
        }
        from_js(found).map(Some).map_err(|e| corrupt("a workspace", e))
    }

    /// Writes a record (a new workspace, a wrong try counted, a new wrap), durably.
    pub async fn put(&self, record: &WorkspaceRecord) -> Result<(), StorageError> {
        let value = to_js(record)?;
        let tx = raw::transaction(&self.db, &[WORKSPACES], IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
            raw::request(&tx.object_store(WORKSPACES)?.put(&value)?).await?;
            Ok(())
        })
        .await
    }

    /// Changes the stored record of `id` in one transaction (read and written together), so a
    /// change another tab made meanwhile (a new passphrase, a wrong try) is kept, not written
    /// over with a copy read earlier. The record as written; `None` if there is none.
    pub async fn update(
        &self,
        id: Uuid,
        change: &dyn Fn(&mut WorkspaceRecord),
    ) -> Result<Option<WorkspaceRecord>, StorageError> {
        let tx = raw::transaction(&self.db, &[WORKSPACES], IdbTransactionMode::Readwrite)?;
        raw::write(&tx, async {
            let store = tx.object_store(WORKSPACES)?;
            let found = raw::request(&store.get(&JsValue::from_str(&id.to_string()))?).await?;
            if found.is_undefined() {
                return Ok(None);
            }
            let mut record: WorkspaceRecord = from_js(found).map_err(|e| corrupt("a workspace", e))?;
            change(&mut record);
            raw::request(&store.put(&to_js(&record)?)?).await?;
            Ok(Some(record))
        })
        .await
    }

    pub fn close(&self) {
        self.db.close();
    }
}
