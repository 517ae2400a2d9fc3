//! The name of the person using this browser, recorded in each case's history. Kept as a small
//! preference in this browser (not in the cases), set once and changeable.

use gloo_storage::{LocalStorage as Prefs, Storage};
use leptos::prelude::*;

use crate::app::keep_page_title;
use crate::components::fields::TextField;
use crate::i18n::{t, t_string, td_string, use_i18n, Locale};

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
    pub fn load() -> Self {
        Self(RwSignal::new(saved_name()))
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

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    keep_page_title(move || t_string!(i18n, storage.profile.title).to_string());
    let profile = use_context::<Profile>().expect("the shell provides Profile");
    let typed = RwSignal::new(profile.0.get_untracked().unwrap_or_default());
    view! {
        <h1>{t!(i18n, storage.profile.title)}</h1>
        <p class="lead">{t!(i18n, storage.profile.lead)}</p>
        <form class="narrow" on:submit=|ev| ev.prevent_default()>
            <TextField
                label=move || t_string!(i18n, storage.profile.name)
                field="profile.name"
                value=typed
                set=Callback::new(move |v: String| {
                    typed.set(v.clone());
                    profile.set(v);
                })
                hint=move || t_string!(i18n, storage.profile.name_hint)
                autocomplete="name"
            />
        </form>
        <p role="status">
            {move || match profile.0.get() {
                Some(name) => t_string!(i18n, storage.profile.recorded_as, name).to_string(),
                None => t_string!(i18n, storage.profile.no_name, unnamed = unnamed(i18n.get_locale())).to_string(),
            }}
        </p>
    }
}
