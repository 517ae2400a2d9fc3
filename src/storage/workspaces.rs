//! Protected workspaces made and opened: the steps between the registry (`registry.rs`), the
//! keys (`keys.rs`) and the workspace's own database, in an order that an interruption at any
//! point leaves findable and never half-protected. The key-encryption key from a passphrase is
//! derived by the caller, in the kdf worker (`crate::kdf`), so the page never freezes.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::keys::{self, DataKey, Kek, KeyError};
use super::registry::Registry;
use super::{Moved, StorageError, Store, DB_NAME};
use crate::domain::protection::{IdleMinutes, KdfParams, RecoveryKey, WorkspaceRecord, WorkspaceState};

/// Why a workspace was not made or opened.
#[derive(Debug, Clone, PartialEq)]
pub enum ProtectionError {
    /// Tried again before the delay after the last wrong try was over.
    TooSoon {
        until: DateTime<Utc>,
    },
    /// Not this workspace's passphrase (or recovery key). Counted; the next try may have to wait.
    Wrong {
        failed_tries: u32,
        next_try_at: Option<DateTime<Utc>>,
    },
    /// No such workspace on this device (removed in another tab meanwhile).
    Gone,
    Key(KeyError),
    Storage(StorageError),
}

impl From<StorageError> for ProtectionError {
    fn from(error: StorageError) -> Self {
        Self::Storage(error)
    }
}

impl From<KeyError> for ProtectionError {
    fn from(error: KeyError) -> Self {
        Self::Key(error)
    }
}

/// A workspace just made: its record, its store (unlocked), and the recovery key to show once.
pub struct Created {
    pub record: WorkspaceRecord,
    pub store: Store,
    pub recovery_key: RecoveryKey,
}

/// An opened workspace: its record as now stored, and its store, unlocked.
pub struct Opened {
    pub record: WorkspaceRecord,
    pub store: Store,
}

/// Makes a worker's workspace: a new data key wrapped by the passphrase's key (`kek`, derived
/// with `kdf`) and by a new recovery key. The record is written first (`Creating`), then the
/// database, then the record `Ready`, so a workspace cut short is found at the next start. The
/// first workspace on the device is made `Moving` instead: the cases an earlier Homeward kept
/// unprotected here are moved into it ([`move_cases`]) before it opens.
pub async fn create(
    registry: &Registry,
    worker_name: String,
    kek: &Kek,
    kdf: KdfParams,
    now: DateTime<Utc>,
) -> Result<Created, ProtectionError> {
    let data_key = keys::new_data_key().await?;
    let recovery_key = keys::new_recovery_key();
    let by_passphrase = keys::wrap(&data_key, kek).await?;
    let by_recovery = keys::wrap(&data_key, &keys::kek_from_recovery(&recovery_key).await?).await?;
    let id = Uuid::new_v4();
    let listed = registry.list().await?;
    let first = listed.readable.is_empty() && listed.unreadable == 0;
    let mut record = WorkspaceRecord {
        id,
        worker_name,
        database: WorkspaceRecord::database_for(id),
        created_at: now,
        kdf,
        by_passphrase,
        by_recovery,
        idle_minutes: Default::default(),
        failed_tries: 0,
        next_try_at: None,
        state: WorkspaceState::Creating,
        format: WorkspaceRecord::FORMAT,
    };
    registry.put(&record).await?;
    let store = Store::open_protected(&record.database).await?;
    record.state = match first {
        true => WorkspaceState::Moving { from: DB_NAME.to_string() },
        false => WorkspaceState::Ready,
    };
    registry.put(&record).await?;
    // In use, the key is one the browser will not hand out.
    store.unlock(keys::unwrap(&record.by_passphrase, kek, false).await?);
    Ok(Created { record, store, recovery_key })
}

/// Opens workspace `id` with its passphrase's key. A wrong one is counted in the registry
/// (so a reload does not reset the delay) and answered with the delay before the next try;
/// nothing is ever wiped.
pub async fn unlock(registry: &Registry, id: Uuid, kek: &Kek, now: DateTime<Utc>) -> Result<Opened, ProtectionError> {
    let record = ready_to_try(registry, id, now).await?;
    let key = keys::unwrap(&record.by_passphrase, kek, false).await;
    open_with(registry, record, key, now).await
}

/// Opens workspace `id` with its recovery key, and sets a new passphrase (its key `new_kek`,
/// derived with `new_kdf`) in the same registry write: the forgotten one no longer opens it.
pub async fn recover(
    registry: &Registry,
    id: Uuid,
    recovery_key: &RecoveryKey,
    new_kek: &Kek,
    new_kdf: KdfParams,
    now: DateTime<Utc>,
) -> Result<Opened, ProtectionError> {
    let record = ready_to_try(registry, id, now).await?;
    let by_recovery = keys::kek_from_recovery(recovery_key).await?;
    let key = match keys::unwrap(&record.by_recovery, &by_recovery, true).await {
        Ok(key) => key,
        Err(error) => return open_with(registry, record, Err(error), now).await,
    };
    let by_passphrase = keys::wrap(&key, new_kek).await?;
    let in_use = keys::unwrap(&by_passphrase, new_kek, false).await?;
    let record = registry
        .update(id, &|stored| {
            stored.by_passphrase = by_passphrase.clone();
            stored.kdf = new_kdf.clone();
            stored.unlocked();
        })
        .await?
        .ok_or(ProtectionError::Gone)?;
    open_with(registry, record, Ok(in_use), now).await
}

/// Sets a new passphrase, proven by the current one's key. Only the wrap changes: no case is
/// read or written again.
pub async fn change_passphrase(
    registry: &Registry,
    id: Uuid,
    current: &Kek,
    new_kek: &Kek,
    new_kdf: KdfParams,
    now: DateTime<Utc>,
) -> Result<WorkspaceRecord, ProtectionError> {
    let record = ready_to_try(registry, id, now).await?;
    let key = match keys::unwrap(&record.by_passphrase, current, true).await {
        Ok(key) => key,
        Err(error) => return Err(counted(registry, record, error, now).await),
    };
    let by_passphrase = keys::wrap(&key, new_kek).await?;
    let changed = registry
        .update(id, &|stored| {
            stored.by_passphrase = by_passphrase.clone();
            stored.kdf = new_kdf.clone();
            stored.unlocked();
        })
        .await?;
    changed.ok_or(ProtectionError::Gone)
}

/// Sets how long without use before workspace `id` locks itself. Only that field is written, on
/// the record as stored: a passphrase changed or a wrong try counted meanwhile in another tab
/// is kept.
pub async fn set_idle_minutes(registry: &Registry, id: Uuid, idle: IdleMinutes) -> Result<(), ProtectionError> {
    let changed = registry.update(id, &|stored| stored.idle_minutes = idle).await?;
    changed.map(drop).ok_or(ProtectionError::Gone)
}

/// Asks for the cases kept unprotected on this device to be moved into workspace `id`, whose
/// store is open and unlocked: [`move_cases`] does it, now or, if cut short, at the next unlock.
pub async fn begin_move(registry: &Registry, store: &Store, id: Uuid) -> Result<WorkspaceRecord, ProtectionError> {
    store.forget_move().await?;
    let record = registry.update(id, &|stored| stored.state = WorkspaceState::Moving { from: DB_NAME.to_string() });
    record.await?.ok_or(ProtectionError::Gone)
}

/// Moves the cases a `Moving` workspace is waiting for into its store (open and unlocked), or
/// goes on with a move cut short, then marks it `Ready`. `progress` hears (moved, total).
pub async fn move_cases(
    registry: &Registry,
    store: &Store,
    id: Uuid,
    progress: &dyn Fn(usize, usize),
) -> Result<(WorkspaceRecord, Moved), ProtectionError> {
    let record = registry.get(id).await?.ok_or(ProtectionError::Gone)?;
    let moved = match &record.state {
        WorkspaceState::Moving { from } => store.move_in(from, progress).await?,
        _ => Moved::default(),
    };
    let record = registry.update(id, &|stored| stored.state = WorkspaceState::Ready).await?;
    Ok((record.ok_or(ProtectionError::Gone)?, moved))
}

/// The record, if a try is allowed now.
async fn ready_to_try(registry: &Registry, id: Uuid, now: DateTime<Utc>) -> Result<WorkspaceRecord, ProtectionError> {
    let record = registry.get(id).await?.ok_or(ProtectionError::Gone)?;
    match record.next_try_at {
        Some(until) if until > now => Err(ProtectionError::TooSoon { until }),
        _ => Ok(record),
    }
}

/// The workspace's store unlocked with `key`, the wrong tries forgotten; or the wrong try
/// counted.
async fn open_with(
    registry: &Registry,
    mut record: WorkspaceRecord,
    key: Result<DataKey, KeyError>,
    now: DateTime<Utc>,
) -> Result<Opened, ProtectionError> {
    let key = match key {
        Ok(key) => key,
        Err(error) => return Err(counted(registry, record, error, now).await),
    };
    let store = Store::open_protected(&record.database).await?;
    // Only the count is written, and only if there is one: a whole record read before the key
    // was tried could undo a passphrase changed meanwhile in another tab.
    if record.failed_tries > 0 || record.next_try_at.is_some() {
        if let Some(stored) = registry.update(record.id, &WorkspaceRecord::unlocked).await? {
            record = stored;
        }
    }
    store.unlock(key);
    Ok(Opened { record, store })
}

/// A wrong key counted in the registry, durably, with the delay before the next try.
async fn counted(
    registry: &Registry,
    mut record: WorkspaceRecord,
    error: KeyError,
    now: DateTime<Utc>,
) -> ProtectionError {
    if error != KeyError::WrongKey {
        return ProtectionError::Key(error);
    }
    // Counted on the record as stored now: another tab's wrong tries count too.
    match registry.update(record.id, &|stored| stored.tried_wrong(now)).await {
        Ok(Some(stored)) => record = stored,
        Ok(None) => return ProtectionError::Gone,
        Err(error) => return ProtectionError::Storage(error),
    }
    ProtectionError::Wrong { failed_tries: record.failed_tries, next_try_at: record.next_try_at }
}
