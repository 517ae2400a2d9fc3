//! The case being edited, and its autosave. Every change is written within about half a second,
//! one save at a time, and "Saved" is shown only once IndexedDB has committed.

use std::time::Duration;

use chrono::{Local, NaiveDate, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::components::save_status::SaveState;
use crate::domain::items::{ItemList, ListItem};
use crate::domain::{validate, Case, Plan, Problem};
use crate::storage::Store;

const SAVE_DELAY: Duration = Duration::from_millis(400);

pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

fn clock_time() -> String {
    Local::now().format("%H:%M").to_string()
}

#[derive(Clone, Copy)]
pub struct Editor {
    pub case: RwSignal<Case>,
    pub problems: Memo<Vec<Problem>>,
    pub save_state: RwSignal<SaveState>,
    store: StoredValue<Store, LocalStorage>,
    /// Bumped by every change; a save records the generation it wrote.
    changes: StoredValue<u64>,
    saved: StoredValue<u64>,
    saving: StoredValue<bool>,
}

impl Editor {
    pub fn new(case: Case, store: Store) -> Self {
        let case = RwSignal::new(case);
        let problems = Memo::new(move |_| case.with(|c| validate(c, today())));
        Self {
            case,
            problems,
            save_state: RwSignal::new(SaveState::Saved { at: String::new() }),
            store: StoredValue::new_local(store),
            changes: StoredValue::new(0),
            saved: StoredValue::new(0),
            saving: StoredValue::new(false),
        }
    }

    pub fn has_unsaved_changes(self) -> bool {
        self.changes.get_value() != self.saved.get_value()
    }

    /// Applies a change on screen at once and schedules its save.
    pub fn edit(self, change: impl FnOnce(&mut Case)) {
        self.case.update(change);
        self.changes.update_value(|n| *n += 1);
        self.save_state.set(SaveState::Saving);
        set_timeout(move || self.flush(), SAVE_DELAY);
    }

    /// Writes what is on screen now. Safe to call any time: one save runs at a time, and it
    /// goes round again if more changes came in while it was writing.
    pub fn flush(self) {
        if self.saving.get_value() || !self.has_unsaved_changes() {
            return;
        }
        self.saving.set_value(true);
        spawn_local(async move {
            let store = self.store.get_value();
            while self.has_unsaved_changes() {
                let generation = self.changes.get_value();
                let mut snapshot = self.case.get_untracked();
                snapshot.touch(Utc::now());
                if let Err(error) = store.save(&snapshot).await {
                    self.saving.set_value(false);
                    self.save_state.set(SaveState::Failed(error.to_string()));
                    return;
                }
                self.saved.set_value(generation);
                // Later edits stay as they are; only the bookkeeping of the save is taken over.
                self.case.update_untracked(|c| {
                    c.revision = snapshot.revision;
                    c.updated_at = snapshot.updated_at;
                });
            }
            self.saving.set_value(false);
            self.save_state.set(SaveState::Saved { at: clock_time() });
        });
    }

    /// A value of the case for a field, and the way to change it.
    pub fn bind<T: Clone + Send + Sync + 'static>(
        self,
        get: impl Fn(&Case) -> T + Send + Sync + 'static,
        set: impl Fn(&mut Case, T) + Send + Sync + 'static,
    ) -> (Signal<T>, Callback<T>) {
        let value = Signal::derive(move || self.case.with(&get));
        let change = Callback::new(move |v: T| self.edit(|c| set(c, v)));
        (value, change)
    }

    /// Like [`bind`](Self::bind), for a field of one item in one of the plan's lists.
    pub fn bind_item<L: ListItem + Send + Sync + 'static, T: Clone + Default + Send + Sync + 'static>(
        self,
        list: ListAccess<L>,
        id: Uuid,
        get: impl Fn(&L) -> T + Send + Sync + 'static,
        set: impl Fn(&mut L, T) + Send + Sync + 'static,
    ) -> (Signal<T>, Callback<T>) {
        self.bind(
            move |c| (list.get)(&c.plan).get(id).map(&get).unwrap_or_default(),
            move |c, v| {
                (list.get_mut)(&mut c.plan).update(id, |item| set(item, v));
            },
        )
    }

    /// The validation message for a field, if there is one.
    pub fn error(self, field: impl Into<String>) -> Signal<Option<String>> {
        let field = field.into();
        Signal::derive(move || self.problems.with(|ps| ps.iter().find(|p| p.field == field).map(|p| p.message.clone())))
    }
}

/// How to reach one of the plan's lists, so list editing is written once for all four.
pub struct ListAccess<L: 'static> {
    pub get: fn(&Plan) -> &ItemList<L>,
    pub get_mut: fn(&mut Plan) -> &mut ItemList<L>,
}

impl<L> Clone for ListAccess<L> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<L> Copy for ListAccess<L> {}
