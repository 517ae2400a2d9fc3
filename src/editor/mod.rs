//! The editing session of one case: the case on screen, its validation, its autosave
//! ([`autosave`]: every change written within about half a second, "Saved" only once IndexedDB
//! has committed), catching up with other tabs, and the tab and window listeners that drive both
//! ([`use_editing_session`]). Pages edit a case only through an [`Editor`].

mod autosave;
mod session;
mod waiting;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use chrono::Utc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::components::save_status::SaveState;
use crate::context::{today, use_notice, use_unsaved_work};
use crate::domain::concurrent::{Conflict, Prefer};
use crate::domain::items::{ItemList, ListItem};
use crate::domain::kept::KeptEdits;
use crate::domain::monitoring::Visit;
use crate::domain::{validate, Case, Plan, Problem};
use crate::i18n::use_i18n;
use crate::storage::Store;

use autosave::Autosave;
pub use autosave::TabNote;
pub use session::use_editing_session;
use waiting::Waiting;

const SAVE_DELAY: Duration = Duration::from_millis(400);

#[derive(Clone, Copy)]
pub struct Editor {
    pub case: RwSignal<Case>,
    /// Every problem of the case: what makes a step complete.
    pub problems: Memo<Vec<Problem>>,
    /// The problems shown: those of an item just added wait until its field is left.
    pub shown: Memo<Vec<Problem>>,
    waiting: RwSignal<Waiting>,
    /// A visit being written before it is logged (`pages/case/plan/visits.rs`): kept while the
    /// worker moves between the plan's steps.
    pub visit_draft: RwSignal<Option<Visit>>,
    /// The people the case names, offered where "who is responsible" is typed: worked out once
    /// per change to the case, not once per field.
    pub people: Memo<Vec<String>>,
    pub save_state: RwSignal<SaveState>,
    /// Fields changed both here and in another tab, awaiting the worker's choice.
    pub conflict: RwSignal<Option<Vec<Conflict>>>,
    /// A word on what another tab changed.
    pub note: RwSignal<Option<TabNote>>,
    autosave: StoredValue<Rc<Autosave>, LocalStorage>,
}

impl Editor {
    /// Must be called under the app's shell, which provides the unsaved-work flag and the notice.
    pub fn new(case: Case, store: Store) -> Self {
        let latest = RefCell::new(case.clone());
        let base = RefCell::new(case.clone());
        let conflict = RwSignal::new(None);
        let note = RwSignal::new(None);
        let case = RwSignal::new(case);
        let problems = Memo::new(move |_| case.with(|c| validate(c, today())));
        let waiting = RwSignal::new(Waiting::default());
        let shown = Memo::new(move |_| problems.with(|ps| waiting.with(|w| w.shown(ps))));
        let save_state = RwSignal::new(SaveState::Saved { at: String::new() });
        let autosave = Rc::new(Autosave {
            store,
            latest,
            changes: Cell::new(0),
            saved: Cell::new(0),
            saving: Cell::new(false),
            sealed_ahead: RefCell::new(None),
            sealing: Cell::new(false),
            discarded: Cell::new(false),
            deleted_elsewhere: RwSignal::new(false),
            failing: Cell::new(false),
            put_back: Cell::new(false),
            base,
            conflict,
            note,
            state: save_state,
            case,
            unsaved: use_unsaved_work(),
            notice: use_notice(),
            i18n: use_i18n(),
        });
        Self {
            case,
            problems,
            shown,
            waiting,
            visit_draft: RwSignal::new(None),
            people: Memo::new(move |_| case.with(Case::people_named)),
            save_state,
            conflict,
            note,
            autosave: StoredValue::new_local(autosave),
        }
    }

    /// Applies a change on screen at once and schedules its save.
    pub fn edit(self, change: impl FnOnce(&mut Case)) {
        let mut next = self.case.get_untracked();
        change(&mut next);
        // A closed case is read-only: the changes it takes are being reopened and its closure's
        // sign-off.
        if self.case.with_untracked(Case::is_closed)
            && next.is_closed()
            && !self.case.with_untracked(|now| now.differs_only_in_sign_offs(&next))
        {
            return;
        }
        self.case.set(next);
        self.note.set(None);
        let Some(autosave) = self.autosave.try_get_value() else { return };
        *autosave.latest.borrow_mut() = self.case.get_untracked();
        autosave.changes.set(autosave.changes.get() + 1);
        if autosave.deleted_elsewhere.get_untracked() {
            // Nothing can be saved any more: said so, not "Saving…" for ever.
            autosave.gone();
            return;
        }
        self.save_state.set(SaveState::Saving);
        spawn_local(autosave.clone().seal_ahead());
        set_timeout(move || spawn_local(autosave.run()), SAVE_DELAY);
    }

    /// A change that is complete in itself, like ticking a box: saved at once, not after a pause.
    pub fn edit_now(self, change: impl FnOnce(&mut Case)) {
        self.edit(change);
        self.flush();
    }

    /// Writes what is on screen now, if anything is waiting. Safe to call at any time, also
    /// while the page is closing: the save finishes on its own.
    pub fn flush(self) {
        if let Some(autosave) = self.autosave.try_get_value() {
            spawn_local(autosave.run());
        }
    }

    /// The tab is being closed or reloaded: what is waiting goes at once, committed before the
    /// page is gone ([`Store::save_while_closing`]). Not after a refused save: unchecked, it
    /// would land over another tab's newer save or bring back a case deleted there.
    pub fn flush_while_closing(self) {
        let Some(autosave) = self.autosave.try_get_value() else { return };
        if !autosave.pending() || autosave.failing.get() {
            return;
        }
        if autosave.store.is_protected() {
            // Sealing takes a later task, which a closing page does not get: the edit sealed
            // while it was typed goes, if nothing newer was saved since. Even while a save is
            // running: sealing it, that save has queued nothing yet, and will not once the page
            // is gone; if it had, the closing save is queued after it and commits after it.
            let ahead = autosave.sealed_ahead.borrow_mut().take();
            if let Some(ahead) = ahead.filter(|ahead| ahead.generation > autosave.saved.get()) {
                spawn_local(async move {
                    let _ = autosave.store.save_prepared_while_closing(ahead.id, ahead.revision, &ahead.prepared).await;
                });
            }
            return;
        }
        if autosave.saving.get() {
            return;
        }
        let snapshot = autosave.prepared();
        spawn_local(async move {
            let _ = autosave.store.save_while_closing(&snapshot).await;
        });
    }

    /// Whether a save has been handed to the browser and not yet committed, or (in a protected
    /// workspace) the last edit is not sealed for the closing save yet. The browser drops such a
    /// write if the page closes (the closing save cannot overtake it), so leaving then asks
    /// first. In a protected workspace too: the closing save is queued behind the running one,
    /// and when that waits behind another tab's transaction, both are dropped with the page.
    pub fn is_writing(self) -> bool {
        self.autosave.try_get_value().is_some_and(|autosave| autosave.sealing_behind() || autosave.saving.get())
    }

    /// Whether a visit is written but not yet logged.
    pub fn has_visit_draft(self) -> bool {
        self.visit_draft.try_with_untracked(|d| d.as_ref().is_some_and(Visit::has_notes)).unwrap_or(false)
    }

    /// Whether an edit is waiting to be saved or being saved.
    pub fn is_busy(self) -> bool {
        self.autosave.try_get_value().is_some_and(|autosave| autosave.pending() || autosave.saving.get())
    }

    /// Whether what is waiting cannot be written by trying again: the worker's choice between
    /// two tabs' changes is awaited, or the browser refused the last save.
    pub fn is_held_back(self) -> bool {
        self.autosave.try_get_value().is_some_and(|autosave| autosave.failing.get())
    }

    /// The workspace is locking: what is on screen and not saved is kept, sealed, to be offered
    /// back once it is unlocked ([`KeptEdits`]).
    pub async fn keep_unsaved(self) {
        let Some(autosave) = self.autosave.try_get_value() else { return };
        let kept = KeptEdits::new(autosave.base.borrow().clone(), autosave.latest.borrow().clone(), Utc::now())
            .with_visit_draft(self.visit_draft.try_get_untracked().flatten());
        if !autosave.pending() && !kept.holds_anything() {
            return;
        }
        // The page reloads next, locked: a failure here (the disk full too) has nowhere to be
        // told, which is why "Lock now" asks first while a change is not saved.
        let _ = autosave.store.keep_edits(&kept).await;
    }

    /// Edits kept at a lock become this editor's unsaved edits again: combined with the case as
    /// stored now (the worker chooses where both changed a field) and saved; their record goes
    /// once they are.
    pub fn put_back(self, kept: KeptEdits) {
        let Some(autosave) = self.autosave.try_get_value() else { return };
        self.visit_draft.set(kept.visit_draft.clone());
        if kept.only_visit_draft() {
            // Only a visit being written was kept: it is on screen again, as it was.
            spawn_local(async move {
                let _ = autosave.store.drop_kept_edits(kept.id).await;
            });
            return;
        }
        *autosave.base.borrow_mut() = kept.base;
        *autosave.latest.borrow_mut() = kept.mine.clone();
        self.case.set(kept.mine);
        autosave.changes.set(autosave.changes.get() + 1);
        autosave.put_back.set(true);
        self.save_state.set(SaveState::Saving);
        spawn_local(async move {
            autosave.clone().reconcile(None).await;
            autosave.run().await;
        });
    }

    /// The case is being deleted: pending and later changes are never written back.
    pub fn discard(self) {
        if let Some(autosave) = self.autosave.try_get_value() {
            autosave.discarded.set(true);
            autosave.unsaved.saving.set(None);
        }
    }

    /// Catches up with what another tab saved: taken over, or combined with the edits here.
    pub fn refresh(self) {
        if let Some(autosave) = self.autosave.try_get_value() {
            spawn_local(autosave.reconcile(None));
        }
    }

    /// The worker's choice for the fields both tabs changed; everything else is combined.
    pub fn decide(self, prefer: Prefer) {
        // The conflict stays up, holding the autosave back, until the choice is written.
        if let Some(autosave) = self.autosave.try_get_value() {
            spawn_local(autosave.reconcile(Some(prefer)));
        }
    }

    /// Another tab deleted the case: this one stops writing it (see [`Autosave::gone`]).
    pub fn deleted_elsewhere(self) {
        if let Some(autosave) = self.autosave.try_get_value() {
            autosave.gone();
        }
    }

    /// Whether the case was found deleted in another tab.
    pub fn is_deleted_elsewhere(self) -> Signal<bool> {
        match self.autosave.try_get_value() {
            Some(autosave) => autosave.deleted_elsewhere.into(),
            None => Signal::stored(false),
        }
    }

    /// The deletion failed: the case stays, and so does saving it.
    pub fn resume(self) {
        if let Some(autosave) = self.autosave.try_get_value() {
            autosave.discarded.set(false);
            spawn_local(autosave.run());
        }
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

    /// An item just added: its checks wait until the worker leaves its fields (`needs.<id>.`).
    pub fn wait_for_new(self, item: String) {
        self.waiting.update(|w| w.wait_for(item));
    }

    /// The worker left the field with this DOM id.
    pub fn field_left(self, dom_id: String) {
        // Updated only when it changes, so leaving a field of an older item redraws nothing.
        self.waiting.maybe_update(|w| w.left(dom_id));
    }

    /// The list's editor is gone: its new items are checked as any other when next shown.
    pub fn stop_waiting(self, list: &str) {
        self.waiting.try_update(|w| w.stop_waiting(list));
    }

    /// The validation message for a field, if there is one.
    pub fn error(self, field: impl Into<String>) -> Signal<Option<String>> {
        let field = field.into();
        let i18n = use_i18n();
        Signal::derive(move || {
            self.shown.with(|ps| {
                ps.iter().find(|p| p.field == field).map(|p| crate::vocabulary::problem_message(i18n.get_locale(), p))
            })
        })
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
