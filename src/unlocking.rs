//! A protected workspace made, unlocked, recovered or given a new passphrase, as the screens ask
//! for it: the passphrase's key derived in the kdf worker (`crate::kdf`), then the workspace's
//! step (`storage::workspaces`). The record is read from the registry first, so a passphrase
//! changed in another tab is derived with its new settings and a try during a wait is refused
//! before any work.

use chrono::Utc;
use uuid::Uuid;

use crate::domain::protection::{KdfParams, RecoveryKey, WorkspaceRecord};
use crate::kdf::{KdfFailure, KdfWorker};
use crate::storage::keys::new_salt;
use crate::storage::registry::Registry;
use crate::storage::workspaces::{self, Created, Opened, ProtectionError};

/// Why a workspace was not made or opened.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    Kdf(KdfFailure),
    Protection(ProtectionError),
}

impl From<KdfFailure> for Failure {
    fn from(failure: KdfFailure) -> Self {
        Self::Kdf(failure)
    }
}

impl From<ProtectionError> for Failure {
    fn from(error: ProtectionError) -> Self {
        Self::Protection(error)
    }
}

impl From<crate::storage::StorageError> for Failure {
    fn from(error: crate::storage::StorageError) -> Self {
        Self::Protection(ProtectionError::Storage(error))
    }
}

/// A worker that can be started now, or the failure to say.
pub fn kdf_worker(ready: Option<KdfWorker>) -> Result<KdfWorker, Failure> {
    ready.map_or_else(KdfWorker::start, Ok).map_err(Failure::Kdf)
}

/// The registry's record of `id`, if a try is allowed now.
async fn ready_record(registry: &Registry, id: Uuid) -> Result<WorkspaceRecord, Failure> {
    let record = registry.get(id).await?.ok_or(ProtectionError::Gone)?;
    match record.wait_until(Utc::now()) {
        Some(until) => Err(ProtectionError::TooSoon { until }.into()),
        None => Ok(record),
    }
}

/// Makes a workspace for `worker_name` protected by `passphrase`.
pub async fn create(worker: KdfWorker, worker_name: String, passphrase: &str) -> Result<Created, Failure> {
    let registry = Registry::open().await?;
    let kdf = KdfParams::for_writing(new_salt());
    let kek = worker.derive(passphrase, &kdf).await?;
    let created = workspaces::create(&registry, worker_name, &kek, kdf, Utc::now()).await;
    registry.close();
    Ok(created?)
}

/// Opens workspace `id` with its passphrase.
pub async fn unlock(worker: KdfWorker, id: Uuid, passphrase: &str) -> Result<Opened, Failure> {
    let registry = Registry::open().await?;
    let opened = async {
        let record = ready_record(&registry, id).await?;
        let kek = worker.derive(passphrase, &record.kdf).await?;
        Ok(workspaces::unlock(&registry, id, &kek, Utc::now()).await?)
    }
    .await;
    registry.close();
    opened
}

/// Opens workspace `id` with its recovery key and sets `new_passphrase`.
pub async fn recover(
    worker: KdfWorker,
    id: Uuid,
    recovery_key: &RecoveryKey,
    new_passphrase: &str,
) -> Result<Opened, Failure> {
    let registry = Registry::open().await?;
    let opened = async {
        ready_record(&registry, id).await?;
        let kdf = KdfParams::for_writing(new_salt());
        let kek = worker.derive(new_passphrase, &kdf).await?;
        Ok(workspaces::recover(&registry, id, recovery_key, &kek, kdf, Utc::now()).await?)
    }
    .await;
    registry.close();
    opened
}

/// Replaces workspace `id`'s passphrase, proven by the current one. Two workers derive both keys
/// side by side.
pub async fn change_passphrase(
    workers: (KdfWorker, KdfWorker),
    id: Uuid,
    current: &str,
    new_passphrase: &str,
) -> Result<WorkspaceRecord, Failure> {
    let registry = Registry::open().await?;
    let changed = async {
        let record = ready_record(&registry, id).await?;
        let kdf = KdfParams::for_writing(new_salt());
        let (current_kek, new_kek) =
            futures::join!(workers.0.derive(current, &record.kdf), workers.1.derive(new_passphrase, &kdf));
        Ok(workspaces::change_passphrase(&registry, id, &current_kek?, &new_kek?, kdf, Utc::now()).await?)
    }
    .await;
    registry.close();
    changed
}

/// The workers' names already on this device (those whose records can be read).
pub async fn worker_names() -> Result<Vec<String>, Failure> {
    let registry = Registry::open().await?;
    let listed = registry.list().await;
    registry.close();
    Ok(listed?.readable.into_iter().map(|w| w.worker_name).collect())
}
