//! The gate before the cases: which workspace this tab opens, and whether it is open. The shell
//! decides where to start (`app.rs`); the opening screens (`pages/opening/`) move the gate on:
//! a worker chosen, a workspace unlocked or made.

use leptos::prelude::*;
use uuid::Uuid;

use super::{OtherTabs, Profile};
use crate::domain::protection::WorkspaceRecord;
use crate::storage::{StorageError, Store};
use crate::workspace::Workspace;

#[derive(Clone)]
pub enum GateState {
    /// Reading the list of workspaces, or opening the chosen one.
    Deciding,
    /// The opening screen: the workers on this device, adding one, the demo.
    Choosing,
    /// A worker's workspace chosen, waiting for its passphrase (or recovery key).
    Locked(WorkspaceRecord),
    /// The store is open and provided: the pages can be drawn.
    Open,
    Failed(StorageError),
}

/// Told when a protected workspace is unlocked in this page, with its store and id (the first
/// load hands the key to the whole app this way).
pub type OnUnlocked = fn(&Store, Uuid);

#[derive(Clone, Copy)]
pub struct Gate {
    pub state: RwSignal<GateState, LocalStorage>,
    store: StoredValue<Option<Store>, LocalStorage>,
    other_tabs: OtherTabs,
    profile: Profile,
    on_unlocked: OnUnlocked,
}

impl Gate {
    pub fn provide(other_tabs: OtherTabs, profile: Profile, on_unlocked: OnUnlocked) -> Self {
        let gate = Self {
            state: RwSignal::new_local(GateState::Deciding),
            store: StoredValue::new_local(None),
            other_tabs,
            profile,
            on_unlocked,
        };
        provide_context(gate);
        gate
    }

    /// The open store, once the gate is open.
    pub fn store(self) -> Option<Store> {
        self.store.get_value()
    }

    /// Opens the gate on `store`. `worker`: the protected workspace it belongs to, whose worker
    /// is then the one every history entry of this tab names.
    pub fn open(self, store: Store, worker: Option<WorkspaceRecord>) {
        let other_tabs = self.other_tabs;
        store.listen(move |change| other_tabs.tell(change));
        if let Some(record) = worker {
            Workspace::Worker(record.id).choose();
            self.profile.sign_in(record.worker_name.clone());
            (self.on_unlocked)(&store, record.id);
        }
        // Only after adding a worker from the unprotected cases: those are closed, not left open.
        if let Some(previous) = self.store.try_update_value(|s| s.replace(store)).flatten() {
            previous.close();
        }
        self.state.set(GateState::Open);
    }

    /// A worker's workspace chosen on the opening screen: its unlock form comes next.
    pub fn choose(self, record: WorkspaceRecord) {
        Workspace::Worker(record.id).choose();
        self.state.set(GateState::Locked(record));
    }

    pub fn fail(self, error: StorageError) {
        self.state.set(GateState::Failed(error));
    }
}

pub fn use_gate() -> Gate {
    super::provided()
}
