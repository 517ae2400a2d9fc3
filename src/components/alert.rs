//! The one way a problem is shown on a page: a box whose words follow the interface's language,
//! announced as soon as it appears.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::vocabulary::InWords;

/// A problem in a box; an empty box while `text` is empty. `text` is read in a reactive closure, so words made from the locale follow
/// a switch of language. Announced at once (`role="alert"`) unless `in_live_region`: inside a
/// region that is already announced, a second announcement would repeat it.
#[component]
pub fn Alert(
    #[prop(into)] text: Signal<String>,
    #[prop(optional)] in_live_region: bool,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    view! {
        <p class="error-box" role=(!in_live_region).then_some("alert") id=id>
            // Nothing at all while there is no problem, so an alert kept in the page is `:empty`.
            {move || Some(text.get()).filter(|t| !t.is_empty())}
        </p>
    }
}

/// [`Alert`] for an error, in the reader's language.
#[component]
pub fn ErrorAlert<E: InWords + Send + Sync + 'static>(
    error: E,
    #[prop(optional)] in_live_region: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = StoredValue::new(error);
    view! { <Alert text=Signal::derive(move || error.with_value(|e| e.in_words(i18n.get_locale()))) in_live_region /> }
}
