//! The gate before the cases: which workspace this tab opens, and whether it is open. The shell
//! decides where to start (`app.rs`); the opening screens (`pages/opening/`) move the gate on:
//! a worker chosen, a workspace unlocked or made.

use leptos::prelude::*;

use super::{Notice, OtherTabs, Profile, UnsavedWork};
use crate::domain::protection::{WorkspaceRecord, WorkspaceState};
use crate::storage::{device, StorageError, Store, DB_NAME};
use crate::workspace::Workspace;

#[derive(Clone)]
pub enum GateState {
    /// Reading the list of workspaces, or opening the chosen one.
    Deciding,
    /// The opening screen: the workers on this device, adding one, the demo.
    Choosing,
    /// A worker's workspace chosen, waiting for its passphrase (or recovery key).
    Locked(WorkspaceRecord),
    /// A worker's workspace unlocked, and the cases an earlier Homeward kept unprotected on this
    /// device being moved into it (its record `Moving`), or the worker asked whether to move
    /// them (`Ready`): the store is held, not yet provided.
    Moving(WorkspaceRecord),
    /// The store is open and provided: the pages can be drawn.
    Open,
    /// The workspace is being locked: nothing of it on the page until the reload.
    Locking,
    Failed(StorageError),
}

/// Told when a protected workspace is unlocked in this page, with its store and record (the
/// first load hands the key to the whole app this way; the whole app starts the lock's watch).
pub type OnUnlocked = fn(Gate, &Store, &WorkspaceRecord);

#[derive(Clone, Copy)]
pub struct Gate {
    pub state: RwSignal<GateState, LocalStorage>,
    /// A new workspace's recovery key is on screen and not yet kept: nothing may lead away.
    pub holding_key: RwSignal<bool>,
    store: StoredValue<Option<Store>, LocalStorage>,
    other_tabs: OtherTabs,
    profile: Profile,
    notice: Notice,
    unsaved: UnsavedWork,
    on_unlocked: OnUnlocked,
}

impl Gate {
    pub fn provide(
        (other_tabs, profile, notice, unsaved): (OtherTabs, Profile, Notice, UnsavedWork),
        on_unlocked: OnUnlocked,
    ) -> Self {
        let gate = Self {
            state: RwSignal::new_local(GateState::Deciding),
            holding_key: RwSignal::new(false),
            store: StoredValue::new_local(None),
            other_tabs,
            profile,
            notice,
            unsaved,
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
    /// is then the one every history entry of this tab names. A workspace waiting for the cases
    /// kept unprotected on this device, or one that could take them, goes by `Moving` first.
    pub fn open(self, store: Store, worker: Option<WorkspaceRecord>) {
        // Only after adding a worker from the unprotected cases: those are closed, not left open
        // (nor in the way of their move), and nothing said about them stays on the page.
        if let Some(previous) = self.store.try_update_value(|s| s.replace(store.clone())).flatten() {
            if !Store::same(&previous, &store) {
                previous.close();
                self.notice.clear();
                self.unsaved.forget();
            }
        }
        self.holding_key.set(false);
        if let Some(record) = &worker {
            Workspace::Worker(record.id).choose();
            if self.state.with_untracked(|s| !matches!(s, GateState::Moving(_))) && moves_first(record) {
                self.state.set(GateState::Moving(record.clone()));
                return;
            }
        }
        let other_tabs = self.other_tabs;
        store.listen(move |change| other_tabs.tell(change));
        if let Some(record) = worker {
            self.profile.sign_in(record.worker_name.clone());
            (self.on_unlocked)(self, &store, &record);
        }
        self.state.set(GateState::Open);
    }

    /// A worker's workspace chosen on the opening screen: its unlock form comes next.
    pub fn choose(self, record: WorkspaceRecord) {
        Workspace::Worker(record.id).choose();
        self.state.set(GateState::Locked(record));
    }

    pub fn notice(self) -> Notice {
        self.notice
    }

    pub fn unsaved(self) -> UnsavedWork {
        self.unsaved
    }

    pub fn fail(self, error: StorageError) {
        self.state.set(GateState::Failed(error));
    }
}

const MOVE_ASKED: &str = "homeward.move_asked";

/// Whether workspace `record`, unlocked, first takes in the cases kept unprotected on this
/// device: it is waiting for them, or they are still here (left by an earlier Homeward, or
/// written by an older tab after a move) and the worker was not asked in this tab yet.
fn moves_first(record: &WorkspaceRecord) -> bool {
    let asked = window().session_storage().ok().flatten().and_then(|s| s.get_item(MOVE_ASKED).ok().flatten());
    match record.state {
        WorkspaceState::Moving { .. } => true,
        _ => asked.is_none() && device::held_cases(DB_NAME),
    }
}

/// The worker was asked, in this tab, whether to move the cases kept unprotected: not again
/// until the tab is closed. Marked when the question is shown, not when the gate decides to
/// show it, so the first load handing over to the whole app does not skip it.
pub fn asked_about_moving() {
    if let Some(storage) = window().session_storage().ok().flatten() {
        let _ = storage.set_item(MOVE_ASKED, "1");
    }
}

pub fn use_gate() -> Gate {
    super::provided()
}
