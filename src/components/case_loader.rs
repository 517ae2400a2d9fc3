//! Opens one stored case for a page, saying so while it loads, when it cannot be read, and
//! when it is not on this device.

use leptos::prelude::*;

use crate::components::alert::ErrorAlert;
use crate::context::use_store;
use crate::domain::{Case, CaseId};
use crate::i18n::{t, t_string, use_i18n};

/// Shows `loading` ("Opening the case…" when not given) until the case is read, then `show(case)`.
#[component]
pub fn CaseLoader(
    id: CaseId,
    #[prop(optional, into)] loading: Option<Signal<String>>,
    show: Callback<Case, AnyView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let loaded = LocalResource::new(move || {
        let store = store.get_value();
        async move { store.get(id).await }
    });
    move || match loaded.get() {
        None => view! {
            <p class="loading">
                {move || match loading {
                    Some(text) => text.get(),
                    None => t_string!(i18n, common.opening_case).to_string(),
                }}
            </p>
        }
        .into_any(),
        Some(Err(error)) => view! {
            <h1>{t!(i18n, common.case_not_opened)}</h1>
            <ErrorAlert error />
            <a href="#/">{t!(i18n, common.back_to_case_list)}</a>
        }
        .into_any(),
        Some(Ok(None)) => view! {
            <h1>{t!(i18n, common.case_not_found)}</h1>
            <p>{t!(i18n, common.case_not_found_explained)}</p>
            <a href="#/">{t!(i18n, common.back_to_case_list)}</a>
        }
        .into_any(),
        Some(Ok(Some(case))) => show.run(case),
    }
}
