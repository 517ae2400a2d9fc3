//! The name of the person using this browser, recorded in each case's history. Kept as a small
//! preference in this browser (not in the cases), set once and changeable.

use leptos::prelude::*;

use crate::components::fields::TextField;
use crate::context::{keep_page_title, unnamed, use_profile};
use crate::i18n::{t, t_string, use_i18n};

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    keep_page_title(move || t_string!(i18n, storage.profile.title).to_string());
    let profile = use_profile();
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
