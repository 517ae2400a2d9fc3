//! The saving side of an editing session: one save at a time, "Saved" only once IndexedDB has
//! committed, and catching up with what another tab saved.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::save_status::SaveState;
use crate::context::{user_name, Notice, UnsavedWork};
use crate::domain::concurrent::{combine, Conflict, Prefer};
use crate::domain::exchange::merge::with_recorded_exchanges;
use crate::domain::history::{diff, History};
use crate::domain::Case;
use crate::domain::CaseId;
use crate::i18n::{td_string, Locale};
use crate::storage::{Prepared, StorageError, Store};
use crate::vocabulary::InWords;

/// What the page says about another tab's change it took over.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TabNote {
    /// Nothing was waiting here: the other tab's version was taken over (saved then).
    Updated(DateTime<Utc>),
    /// Both tabs' changes were combined.
    Combined(DateTime<Utc>),
}

impl TabNote {
    pub fn text(self, l: Locale) -> String {
        match self {
            Self::Updated(at) => td_string!(l, plan.conflict.updated, time = crate::i18n::time(l, at)).to_string(),
            Self::Combined(at) => td_string!(l, plan.conflict.combined, time = crate::i18n::time(l, at)).to_string(),
        }
    }
}

/// The saving side of the editor. Plain shared state rather than reactive values: a save that is
/// still running when the page closes must finish, after the page's signals are gone.
pub(super) struct Autosave {
    pub(super) store: Store,
    /// What is on screen; every save writes the latest of it.
    pub(super) latest: RefCell<Case>,
    /// Bumped by every change; a save records the generation it wrote.
    pub(super) changes: Cell<u64>,
    pub(super) saved: Cell<u64>,
    pub(super) saving: Cell<bool>,
    /// A protected workspace's latest edit, sealed as it was typed for the closing save.
    pub(super) sealed_ahead: RefCell<Option<SealedAhead>>,
    pub(super) sealing: Cell<bool>,
    /// Set once the case is deleted: nothing may write it back.
    pub(super) discarded: Cell<bool>,
    /// The case was deleted in another tab (told so, or found gone): shown, and never written.
    pub(super) deleted_elsewhere: RwSignal<bool>,
    /// The last save was refused; set until one commits.
    pub(super) failing: Cell<bool>,
    /// Edits kept at a lock were put back: their record goes once they are saved.
    pub(super) put_back: Cell<bool>,
    /// The case as last read from or written to storage: what both tabs started from when
    /// another tab's save has to be combined with the edits here.
    pub(super) base: RefCell<Case>,
    /// Fields both this tab and another changed differently, until the worker chooses.
    pub(super) conflict: RwSignal<Option<Vec<Conflict>>>,
    /// Says that another tab's change was taken over or combined.
    pub(super) note: RwSignal<Option<TabNote>>,
    pub(super) state: RwSignal<SaveState>,
    pub(super) case: RwSignal<Case>,
    /// App-wide: why leaving now would lose a change, while a save keeps failing.
    pub(super) unsaved: UnsavedWork,
    /// App-wide: where a failure is told once the case page is gone.
    pub(super) notice: Notice,
    /// The interface's language, for the messages saving leaves behind.
    pub(super) i18n: leptos_i18n::I18nContext<Locale>,
}

/// A snapshot sealed ahead of the closing save, with the generation of the edits it holds.
pub(super) struct SealedAhead {
    pub(super) generation: u64,
    pub(super) id: CaseId,
    pub(super) revision: u64,
    pub(super) prepared: Prepared,
}

impl Autosave {
    fn locale(&self) -> Locale {
        self.i18n.get_locale_untracked()
    }

    pub(super) fn pending(&self) -> bool {
        self.changes.get() != self.saved.get() && !self.discarded.get()
    }

    /// In a protected workspace, seals what is on screen for the closing save (WebCrypto
    /// answers in a later task, which a closing page does not get). One seal at a time, going
    /// round again while changes came in meanwhile.
    pub(super) async fn seal_ahead(self: Rc<Self>) {
        if !self.store.is_protected() || self.sealing.get() {
            return;
        }
        self.sealing.set(true);
        while self.pending() {
            let generation = self.changes.get();
            let snapshot = self.prepared();
            let Ok(prepared) = self.store.prepare(&snapshot).await else { break };
            let (id, revision) = (snapshot.id, snapshot.revision);
            *self.sealed_ahead.borrow_mut() = Some(SealedAhead { generation, id, revision, prepared });
            if self.changes.get() == generation {
                break;
            }
        }
        self.sealing.set(false);
    }

    /// Whether an edit waiting to be saved is not yet sealed for the closing save.
    pub(super) fn sealing_behind(&self) -> bool {
        self.store.is_protected()
            && self.pending()
            && self.sealed_ahead.borrow().as_ref().is_none_or(|ahead| ahead.generation != self.changes.get())
    }

    /// One save at a time, going round again while changes came in during the last write.
    pub(super) async fn run(self: Rc<Self>) {
        if self.saving.get() || !self.pending() {
            return;
        }
        // `try_`: the page (and its signals) may be gone while the last save still runs.
        if self.conflict.try_get_untracked().flatten().is_some() {
            self.state.try_set(SaveState::Failed(waiting_for_choice(self.locale())));
            return;
        }
        self.saving.set(true);
        while self.pending() {
            let generation = self.changes.get();
            let snapshot = self.prepared();
            if let Err(error) = self.store.save(&snapshot).await {
                self.saving.set(false);
                if error == StorageError::Deleted {
                    // Said below like any refused save, the edit kept on screen to copy; and
                    // nothing here writes the case again.
                    self.discarded.set(true);
                    self.deleted_elsewhere.try_set(true);
                }
                self.failing.set(true);
                if error == StorageError::ChangedElsewhere {
                    // Another tab saved first: combine its change with the ones here.
                    spawn_local(self.clone().reconcile(None));
                }
                let reason = error.in_words(self.locale());
                if self.state.try_set(SaveState::Failed(reason.clone())).is_none() {
                    self.unsaved.saving.set(Some(reason));
                } else {
                    // The case page is gone: say so wherever the worker is now.
                    let l = self.locale();
                    self.notice.problem(
                        td_string!(
                            l,
                            plan.conflict.not_saved_after_leaving,
                            case = crate::vocabulary::case_title(l, &snapshot),
                            reason
                        )
                        .to_string(),
                    );
                }
                return;
            }
            self.saved.set(generation);
            self.failing.set(false);
            *self.base.borrow_mut() = snapshot.clone();
            self.unsaved.saving.set(None);
            // Later edits stay as they are; only the bookkeeping of the save is taken over.
            let mut latest = self.latest.borrow_mut();
            latest.revision = snapshot.revision;
            latest.version = snapshot.version;
            latest.updated_at = snapshot.updated_at;
            // The saved history, and any event (closed, handed over…) added while it was saved.
            let history = |on_screen: &History| {
                let mut saved = snapshot.history.clone();
                saved
                    .0
                    .extend(on_screen.0.iter().filter(|e| !snapshot.history.0.iter().any(|s| s.id == e.id)).cloned());
                saved
            };
            latest.history = history(&latest.history);
            // The history is shown: a tracked update, unlike the bookkeeping.
            self.case.try_update(|c| {
                c.revision = snapshot.revision;
                c.version = snapshot.version;
                c.updated_at = snapshot.updated_at;
                c.history = history(&c.history);
            });
        }
        self.saving.set(false);
        if !self.discarded.get() {
            self.state.try_set(SaveState::Saved { at: crate::i18n::time(self.locale(), Utc::now()) });
        }
        if self.put_back.replace(false) {
            let id = self.latest.borrow().id;
            // Kept until now, so a failure on the way lost nothing; left behind, it would only
            // be offered again, and combine to nothing new.
            let _ = self.store.drop_kept_edits(id).await;
        }
    }
}

impl Autosave {
    /// What the next save writes: the case on screen, with a new revision and what changed
    /// since the stored version recorded in its history.
    pub(super) fn prepared(&self) -> Case {
        let mut snapshot = self.latest.borrow().clone();
        let now = Utc::now();
        snapshot.touch(now);
        let changes = diff(&self.base.borrow(), &snapshot);
        if !changes.is_empty() {
            snapshot.history.record(changes, &user_name(), now);
        }
        snapshot
    }

    /// Catches up with a newer version another tab stored. With nothing waiting here it is
    /// simply taken over; otherwise both sides' changes are combined ([`combine`]) and saved,
    /// unless both changed the same field, which waits for the worker's choice (`prefer`).
    pub(super) async fn reconcile(self: Rc<Self>, prefer: Option<Prefer>) {
        let id = self.latest.borrow().id;
        let theirs = match self.store.get(id).await {
            Ok(Some(theirs)) => theirs,
            // Deleted in another tab, whether or not its message was seen here.
            Ok(None) => return self.gone(),
            Err(_) => return,
        };
        if theirs.revision <= self.base.borrow().revision || self.saving.get() {
            // Nothing new, or a save is running: if it is refused it comes back here. An export
            // recorded meanwhile changes no revision; taken over here, no save from this tab,
            // not even as it closes, erases it.
            self.take_recorded_exchanges(&theirs.exchanged);
            return;
        }
        let at = theirs.updated_at;
        if !self.pending() {
            *self.base.borrow_mut() = theirs.clone();
            *self.latest.borrow_mut() = theirs.clone();
            self.case.try_set(theirs);
            self.note.try_set(Some(TabNote::Updated(at)));
            return;
        }
        let combined = combine(&self.base.borrow(), &self.latest.borrow(), &theirs, prefer.unwrap_or(Prefer::Mine));
        if prefer.is_none() && !combined.conflicts.is_empty() {
            // Until the worker chooses, nothing here may be written: not by the autosave, not
            // as the tab closes (`failing`), and leaving the case asks first (`unsaved`).
            self.failing.set(true);
            self.unsaved.saving.set(Some(waiting_for_choice(self.locale())));
            self.conflict.try_set(Some(combined.conflicts));
            self.state.try_set(SaveState::Failed(waiting_for_choice(self.locale())));
            return;
        }
        *self.base.borrow_mut() = theirs;
        *self.latest.borrow_mut() = combined.case.clone();
        self.case.try_set(combined.case);
        self.conflict.try_set(None);
        self.failing.set(false);
        self.unsaved.saving.set(None);
        self.note.try_set(Some(TabNote::Combined(at)));
        self.run().await;
    }
}

impl Autosave {
    /// Exports recorded in storage since this tab read the case, taken into what it holds.
    fn take_recorded_exchanges(&self, recorded: &[uuid::Uuid]) {
        for held in [&self.base, &self.latest] {
            let merged = with_recorded_exchanges(&held.borrow(), recorded);
            if let Some(merged) = merged {
                held.borrow_mut().exchanged = merged.exchanged;
            }
        }
        self.case.try_update_untracked(|c| {
            if let Some(merged) = with_recorded_exchanges(c, recorded) {
                c.exchanged = merged.exchanged;
            }
        });
    }

    /// The case was deleted in another tab: nothing here is written again, not even as the tab
    /// closes. Edits still waiting are said to be unsaved, as a refused save is, so they stay on
    /// screen to copy and leaving asks first.
    pub(super) fn gone(&self) {
        // Not `pending()`, which is false once the case is discarded: an edit made after the
        // deletion was found is waiting too.
        let waiting = self.changes.get() != self.saved.get();
        self.discarded.set(true);
        self.deleted_elsewhere.try_set(true);
        if waiting {
            let reason = StorageError::Deleted.in_words(self.locale());
            self.state.try_set(SaveState::Failed(reason.clone()));
            self.unsaved.saving.set(Some(reason));
        }
    }
}

pub(super) fn waiting_for_choice(l: Locale) -> String {
    td_string!(l, plan.conflict.waiting_for_choice).to_string()
}
