//! The whole Care and Protection Plan as one document for A4 or Letter: for case conferences,
//! the family and the file. The browser's "Save as PDF" makes the PDF. The running header (the
//! case number and the date printed) is the head of a layout table, which Chromium repeats on
//! every printed page; the page's number and count ("Page 2 of 7") are in the page's margin
//! (`@page` in the stylesheet, one named page per language). Every list is printed as blocks,
//! so no word is broken across a narrow column, and the plan ends with lines to sign.

mod parts;
mod record;
mod sections;

use leptos::prelude::*;

use crate::components::case_loader::CaseLoader;
use crate::context::{keep_page_title, signed_in};
use crate::domain::{Case, CaseId};
use crate::i18n::{t, t_string, use_i18n};
use crate::route::Route;

#[component]
pub fn PrintPage(id: CaseId) -> impl IntoView {
    let i18n = use_i18n();
    let show = Callback::new(|case| view! { <PlanDocument case /> }.into_any());
    view! { <CaseLoader id loading=move || t_string!(i18n, print.preparing).to_string() show /> }
}

#[component]
fn PlanDocument(case: Case) -> impl IntoView {
    let i18n = use_i18n();
    let title_case = case.clone();
    // In a protected workspace, the title (kept in the browser's history, and a PDF's name)
    // names no child and no case number.
    keep_page_title(move || {
        if signed_in() {
            return t_string!(i18n, print.title).to_string();
        }
        t_string!(i18n, print.page_title, title = crate::vocabulary::case_title(i18n.get_locale(), &title_case))
            .to_string()
    });
    let printed = chrono::Utc::now();
    let back = Route::Plan { id: case.id, section: crate::domain::Section::Case }.href();
    // Activities not started fill pages with "Not started": left out unless asked for.
    let all_activities = RwSignal::new(false);
    let tools = view! {
        <div class="print-tools no-print">
            <button
                type="button"
                class="primary"
                on:click=|_| {
                    let _ = window().print();
                }
            >
                {move || t_string!(i18n, print.print)}
            </button>
            <a href=back>{move || t_string!(i18n, print.back)}</a>
            <div class="field checkbox">
                <input
                    id="print-all-activities"
                    type="checkbox"
                    autocomplete="off"
                    prop:checked=move || all_activities.get()
                    on:change=move |ev| all_activities.set(event_target_checked(&ev))
                />
                <label for="print-all-activities">{t!(i18n, print.checklist.include_not_started)}</label>
            </div>
            <p class="hint">{move || t_string!(i18n, print.hint)}</p>
        </div>
    };
    // The document is drawn whole in the language showing, and again on a switch.
    view! {
        {tools}
        {move || sections::document(i18n.get_locale(), &case, printed, all_activities.get())}
    }
}
