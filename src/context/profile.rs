//! The name of the person using this browser, recorded in each case's history. Kept as a small
//! preference in this browser (not in the cases), set once and changeable.

use gloo_storage::{LocalStorage as Prefs, Storage};
use leptos::prelude::*;

use crate::i18n::{td_string, Locale};

const NAME_PREF: &str = "homeward.profile.name";
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
    saved_name().unwrap_or_default()
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
