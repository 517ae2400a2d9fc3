//! App-wide state: what the shell (`crate::app`) sets up once and every page reads. Each value
//! has one `use_…` accessor; pages import from here, never from `app.rs`.
//!
//! The shell provides, in this order: [`Notice`], [`UnsavedWork`], `offline::Updates` (read with
//! `offline::use_updates`),
//! [`Profile`], [`OtherTabs`], the [`Gate`], then (once a workspace is open) the store
//! ([`use_store`]).

mod gate;
mod notice;
mod profile;
pub mod session;

use chrono::{Local, NaiveDate};
use leptos::prelude::*;

use crate::i18n::{td_string, Locale};
use crate::route::Route;
use crate::storage::{Change, Store};

pub use gate::{asked_about_moving, use_gate, Gate, GateState, OnUnlocked};
pub use notice::{use_notice, Notice};
pub use profile::{signed_in, unnamed, use_profile, user_name, Profile};

/// A value the shell provides to every page. A missing one is a bug in the shell's set-up,
/// not something a page can recover from.
pub(crate) fn provided<T: Clone + 'static>() -> T {
    use_context::<T>().unwrap_or_else(|| {
        panic!("the shell (app.rs) provides {} before any page is drawn", std::any::type_name::<T>())
    })
}

/// The day as the worker's device has it: due dates and overdue items count from here.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The open store.
pub fn use_store() -> StoredValue<Store, LocalStorage> {
    provided()
}

pub fn provide_store(store: Store) {
    provide_context(StoredValue::new_local(store));
}

/// The case list's filter as last typed: Back from a case finds the list as it was left. One
/// per open workspace, in memory only, so a child's name typed there is stored nowhere and no
/// other worker's list starts with it.
#[derive(Clone, Copy)]
struct CaseListFilter(RwSignal<String>);

pub fn provide_case_list_filter() {
    provide_context(CaseListFilter(RwSignal::new(String::new())));
}

pub fn use_case_list_filter() -> RwSignal<String> {
    provided::<CaseListFilter>().0
}

/// The latest thing another tab did to the stored cases (numbered, so a repeat still counts).
#[derive(Clone, Copy)]
pub struct OtherTabs(pub RwSignal<(u64, Option<Change>)>);

impl OtherTabs {
    pub fn provide() -> Self {
        let tabs = Self(RwSignal::new((0, None)));
        provide_context(tabs);
        tabs
    }

    /// Once superseded (a newer Homeward took the database), it stays so: later messages must
    /// not hide the reload prompt.
    pub fn tell(self, change: Change) {
        if !self.superseded_untracked() {
            self.0.update(|(n, c)| (*n, *c) = (*n + 1, Some(change)));
        }
    }

    pub fn superseded(self) -> bool {
        self.0.with(|(_, c)| matches!(c, Some(Change::Superseded)))
    }

    fn superseded_untracked(self) -> bool {
        self.0.with_untracked(|(_, c)| matches!(c, Some(Change::Superseded)))
    }
}

pub fn use_other_tabs() -> OtherTabs {
    provided()
}

/// Why leaving the current case would lose work, set by its editor: a change not saved (the
/// reason in words), or a visit written but not logged.
#[derive(Clone, Copy)]
pub struct UnsavedWork {
    /// Why the last change is not saved: a refused save, a choice between two tabs awaited.
    pub saving: RwSignal<Option<String>>,
    /// A visit is written but not logged. A lock keeps it (`Editor::keep_unsaved`), so only
    /// leaving the case asks about it.
    pub visit_draft: RwSignal<bool>,
}

impl UnsavedWork {
    pub fn provide() -> Self {
        let unsaved = Self { saving: RwSignal::new(None), visit_draft: RwSignal::new(false) };
        provide_context(unsaved);
        unsaved
    }

    /// Whether the worker may leave the case: nothing would be lost, or they said so when asked
    /// what would be. Leaving, the work left behind is forgotten.
    pub fn may_leave(self, locale: Locale) -> bool {
        let question = match (self.saving.get_untracked(), self.visit_draft.get_untracked()) {
            (Some(reason), _) => td_string!(locale, app.confirm_leaving, reason).to_string(),
            (None, true) => td_string!(locale, app.confirm_leaving_visit).to_string(),
            (None, false) => return true,
        };
        let leave = window().confirm_with_message(&question).unwrap_or(true);
        if leave {
            self.forget();
        }
        leave
    }

    /// What was unsaved is not any more: left behind on purpose, or the workspace locked.
    pub fn forget(self) {
        self.saving.set(None);
        self.visit_draft.set(false);
    }
}

pub fn use_unsaved_work() -> UnsavedWork {
    provided()
}

/// Names the page in the browser's tab and history, read first by screen readers.
pub fn set_page_title(title: &str) {
    document().set_title(&format!("{title} – Homeward"));
}

/// [`set_page_title`] that follows a switch of language.
pub fn keep_page_title(title: impl Fn() -> String + 'static) {
    Effect::new(move |_| set_page_title(&title()));
}

/// Where the browser's address is now.
pub fn current_route() -> Route {
    Route::parse(&window().location().hash().unwrap_or_default())
}

/// Goes to a place in the app, dropping the page left behind from the history, so Back does not
/// return to a form already sent or a case already deleted. (Links go everywhere else.)
pub fn navigate_replacing(route: Route) {
    let _ = window().location().replace(&route.href());
}
