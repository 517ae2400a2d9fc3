//! Opens one stored case for a page, saying so while it loads, when it cannot be read, and
//! when it is not on this device.

use leptos::prelude::*;

use crate::app::use_store;
use crate::domain::{Case, CaseId};

/// Shows `loading` until the case is read, then `show(case)`.
#[component]
pub fn CaseLoader(id: CaseId, loading: &'static str, show: Callback<Case, AnyView>) -> impl IntoView {
    let store = use_store();
    let loaded = LocalResource::new(move || {
        let store = store.get_value();
        async move { store.get(id).await }
    });
    move || match loaded.get() {
        None => view! { <p class="loading">{loading}</p> }.into_any(),
        Some(Err(error)) => view! {
            <h1>"The case could not be opened"</h1>
            <p class="error-box" role="alert">{error.to_string()}</p>
            <a href="#/">"Back to the case list"</a>
        }.into_any(),
        Some(Ok(None)) => view! {
            <h1>"Case not found"</h1>
            <p>"This case is not stored in this browser. It may have been deleted, or it was made on another device."</p>
            <a href="#/">"Back to the case list"</a>
        }.into_any(),
        Some(Ok(Some(case))) => show.run(case),
    }
}
