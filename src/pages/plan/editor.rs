//! The case being edited, and its autosave. Every change is written within about half a second,
//! one save at a time, and "Saved" is shown only once IndexedDB has committed.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use chrono::{DateTime, Local, NaiveDate, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::app::{Notice, UnsavedWork};
use crate::components::save_status::SaveState;
use crate::domain::concurrent::{combine, Conflict, Prefer};
use crate::domain::history::{diff, History};
use crate::domain::items::{ItemList, ListItem};
use crate::domain::{validate, Case, Plan, Problem};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::pages::profile::user_name;
use crate::storage::{StorageError, Store};

const SAVE_DELAY: Duration = Duration::from_millis(400);

pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

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
struct Autosave {
    store: Store,
    /// What is on screen; every save writes the latest of it.
    latest: RefCell<Case>,
    /// Bumped by every change; a save records the generation it wrote.
    changes: Cell<u64>,
    saved: Cell<u64>,
    saving: Cell<bool>,
    /// Set once the case is deleted: nothing may write it back.
    discarded: Cell<bool>,
    /// The last save was refused; set until one commits.
    failing: Cell<bool>,
    /// The case as last read from or written to storage: what both tabs started from when
    /// another tab's save has to be combined with the edits here.
    base: RefCell<Case>,
    /// Fields both this tab and another changed differently, until the worker chooses.
    conflict: RwSignal<Option<Vec<Conflict>>>,
    /// Says that another tab's change was taken over or combined.
    note: RwSignal<Option<TabNote>>,
    state: RwSignal<SaveState>,
    case: RwSignal<Case>,
    /// App-wide: why leaving now would lose a change, while a save keeps failing.
    unsaved: UnsavedWork,
    /// App-wide: where a failure is told once the case page is gone.
    notice: Notice,
    /// The interface's language, for the messages saving leaves behind.
    i18n: leptos_i18n::I18nContext<Locale>,
}

impl Autosave {
    fn locale(&self) -> Locale {
        self.i18n.get_locale_untracked()
    }

    fn pending(&self) -> bool {
        self.changes.get() != self.saved.get() && !self.discarded.get()
    }

    /// One save at a time, going round again while changes came in during the last write.
    async fn run(self: Rc<Self>) {
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
                self.failing.set(true);
                if error == StorageError::ChangedElsewhere {
                    // Another tab saved first: combine its change with the ones here.
                    spawn_local(self.clone().reconcile(None));
                }
                let reason = crate::vocabulary::storage_error(self.locale(), &error);
                if self.state.try_set(SaveState::Failed(reason.clone())).is_none() {
                    self.unsaved.0.set(Some(reason));
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
            self.unsaved.0.set(None);
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
    }
}

impl Autosave {
    /// What the next save writes: the case on screen, with a new revision and what changed
    /// since the stored version recorded in its history.
    fn prepared(&self) -> Case {
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
    async fn reconcile(self: Rc<Self>, prefer: Option<Prefer>) {
        let id = self.latest.borrow().id;
        let Ok(Some(theirs)) = self.store.get(id).await else { return };
        if theirs.revision <= self.base.borrow().revision || self.saving.get() {
            // Nothing new, or a save is running: if it is refused it comes back here.
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
            self.unsaved.0.set(Some(waiting_for_choice(self.locale())));
            self.conflict.try_set(Some(combined.conflicts));
            self.state.try_set(SaveState::Failed(waiting_for_choice(self.locale())));
            return;
        }
        *self.base.borrow_mut() = theirs;
        *self.latest.borrow_mut() = combined.case.clone();
        self.case.try_set(combined.case);
        self.conflict.try_set(None);
        self.failing.set(false);
        self.unsaved.0.set(None);
        self.note.try_set(Some(TabNote::Combined(at)));
        self.run().await;
    }
}

fn waiting_for_choice(l: Locale) -> String {
    td_string!(l, plan.conflict.waiting_for_choice).to_string()
}

#[derive(Clone, Copy)]
pub struct Editor {
    pub case: RwSignal<Case>,
    pub problems: Memo<Vec<Problem>>,
    pub save_state: RwSignal<SaveState>,
    /// Fields changed both here and in another tab, awaiting the worker's choice.
    pub conflict: RwSignal<Option<Vec<Conflict>>>,
    /// A word on what another tab changed.
    pub note: RwSignal<Option<TabNote>>,
    autosave: StoredValue<Rc<Autosave>, LocalStorage>,
}

impl Editor {
    /// Must be called under the app's shell, which provides [`UnsavedWork`] and [`Notice`].
    pub fn new(case: Case, store: Store) -> Self {
        let latest = RefCell::new(case.clone());
        let base = RefCell::new(case.clone());
        let conflict = RwSignal::new(None);
        let note = RwSignal::new(None);
        let case = RwSignal::new(case);
        let problems = Memo::new(move |_| case.with(|c| validate(c, today())));
        let save_state = RwSignal::new(SaveState::Saved { at: String::new() });
        let autosave = Rc::new(Autosave {
            store,
            latest,
            changes: Cell::new(0),
            saved: Cell::new(0),
            saving: Cell::new(false),
            discarded: Cell::new(false),
            failing: Cell::new(false),
            base,
            conflict,
            note,
            state: save_state,
            case,
            unsaved: use_context::<UnsavedWork>().expect("the shell provides UnsavedWork"),
            notice: use_context::<Notice>().expect("the shell provides Notice"),
            i18n: use_i18n(),
        });
        Self { case, problems, save_state, conflict, note, autosave: StoredValue::new_local(autosave) }
    }

    /// Applies a change on screen at once and schedules its save.
    pub fn edit(self, change: impl FnOnce(&mut Case)) {
        let mut next = self.case.get_untracked();
        change(&mut next);
        // A closed case is read-only: the one change it takes is being reopened.
        if self.case.with_untracked(Case::is_closed) && next.is_closed() {
            return;
        }
        self.case.set(next);
        self.note.set(None);
        let Some(autosave) = self.autosave.try_get_value() else { return };
        *autosave.latest.borrow_mut() = self.case.get_untracked();
        autosave.changes.set(autosave.changes.get() + 1);
        self.save_state.set(SaveState::Saving);
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
        if !autosave.pending() || autosave.saving.get() || autosave.failing.get() {
            return;
        }
        let snapshot = autosave.prepared();
        spawn_local(async move {
            let _ = autosave.store.save_while_closing(&snapshot).await;
        });
    }

    /// The case is being deleted: pending and later changes are never written back.
    pub fn discard(self) {
        if let Some(autosave) = self.autosave.try_get_value() {
            autosave.discarded.set(true);
            autosave.unsaved.0.set(None);
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

    /// The validation message for a field, if there is one.
    pub fn error(self, field: impl Into<String>) -> Signal<Option<String>> {
        let field = field.into();
        let i18n = use_i18n();
        Signal::derive(move || {
            self.problems.with(|ps| {
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
