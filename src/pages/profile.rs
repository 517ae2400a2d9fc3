//! The name of the person using this browser, recorded in each case's history. Kept as a small
//! preference in this browser (not in the cases), set once and changeable.

use gloo_storage::{LocalStorage as Prefs, Storage};
use leptos::prelude::*;

use crate::app::set_page_title;
use crate::components::fields::TextField;

const NAME_PREF: &str = "homeward.profile.name";
/// Recorded while no name is set.
pub const UNNAMED: &str = "Unnamed user";

/// The name set here, if any.
pub fn saved_name() -> Option<String> {
    Prefs::get::<String>(NAME_PREF).ok().map(|n| n.trim().to_string()).filter(|n| !n.is_empty())
}

/// The name the history records.
pub fn user_name() -> String {
    saved_name().unwrap_or_else(|| UNNAMED.to_string())
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
    set_page_title("Your name");
    let profile = use_context::<Profile>().expect("the shell provides Profile");
    let typed = RwSignal::new(profile.0.get_untracked().unwrap_or_default());
    view! {
        <h1>"Your name"</h1>
        <p class="lead">"Every change you make to a case is recorded in its history with this name, so supervisors and colleagues can see who changed what. It is kept in this browser only; on a shared computer, each person should use their own browser profile."</p>
        <form class="narrow" on:submit=|ev| ev.prevent_default()>
            <TextField label="Your name" field="profile.name" value=typed
                set=Callback::new(move |v: String| { typed.set(v.clone()); profile.set(v); })
                hint="For example: Ana Ruiz, social worker." autocomplete="name" />
        </form>
        <p role="status">{move || match profile.0.get() {
            Some(name) => format!("Changes are recorded as made by {name}."),
            None => format!("No name set: changes are recorded as made by \u{201c}{UNNAMED}\u{201d}."),
        }}</p>
    }
}
