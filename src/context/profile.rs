//! The name of the person using this tab, recorded in each case's history: in a worker's
//! protected workspace, the worker's own name from the workspace; elsewhere (the demo, cases
//! not yet protected) a small preference in this browser, set once and changeable.

use gloo_storage::{LocalStorage as Prefs, Storage};
use leptos::prelude::*;

use crate::i18n::{td_string, Locale};

const NAME_PREF: &str = "homeward.profile.name";

thread_local! {
    /// The worker whose workspace this tab unlocked: a tab opens one workspace in its life.
    static SIGNED_IN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// How the history names a person who set no name ("Unnamed user"), in the interface's language.
pub fn unnamed(locale: Locale) -> String {
    td_string!(locale, common.unnamed_user).to_string()
}

/// The name set here, if any.
pub fn saved_name() -> Option<String> {
    Prefs::get::<String>(NAME_PREF).ok().map(|n| n.trim().to_string()).filter(|n| !n.is_empty())
}

/// The name the history records: empty when none is set, worded "Unnamed user" when shown.
pub fn user_name() -> String {
    SIGNED_IN.with(|w| w.borrow().clone()).or_else(saved_name).unwrap_or_default()
}

/// Whether this tab is in a worker's own workspace, whose name comes from it.
pub fn signed_in() -> bool {
    SIGNED_IN.with(|w| w.borrow().is_some())
}

/// The app-wide view of the name, so the header follows a change at once.
#[derive(Clone, Copy)]
pub struct Profile(pub RwSignal<Option<String>>);

impl Profile {
    pub fn provide() -> Self {
        let profile = Self(RwSignal::new(saved_name()));
        provide_context(profile);
        profile
    }

    /// The worker of the workspace this tab unlocked: the name the header shows and the history
    /// records, not the browser's preference.
    pub fn sign_in(self, worker_name: String) {
        SIGNED_IN.with(|w| *w.borrow_mut() = Some(worker_name.clone()));
        self.0.set(Some(worker_name));
    }

    pub fn set(self, name: String) {
        let name = name.trim().to_string();
        if name.is_empty() {
            Prefs::delete(NAME_PREF);
            self.0.set(None);
        } else {
            let _ = Prefs::set(NAME_PREF, &name);
            self.0.set(Some(name));
        }
    }
}

pub fn use_profile() -> Profile {
    super::provided()
}
