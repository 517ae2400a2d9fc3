//! Across every case: what is overdue and what falls due in the coming week, each linking to the
//! place where it is done. Reads the small deadline records, never whole cases.

use leptos::prelude::*;

use crate::app::{set_page_title, use_store};
use crate::domain::due::describe;
use crate::domain::overview::{Overview, OverviewEntry};
use crate::domain::Section;
use crate::pages::plan::today;
use crate::route::Route;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let store = use_store();
    set_page_title("Overview");
    let loaded = LocalResource::new(move || {
        let store = store.get_value();
        async move { store.deadlines().await }
    });
    view! {
        <h1>"Overview"</h1>
        <p class="lead">"What is late and what falls due in the next seven days, across every case: checklist activities, plan actions, services, protection needs, referrals, visits and reviews."</p>
        {move || match loaded.get() {
            None => view! { <p class="loading">"Reading deadlines…"</p> }.into_any(),
            Some(Err(error)) => view! { <p class="error-box" role="alert">"The deadlines could not be read: " {error.to_string()}</p> }.into_any(),
            Some(Ok((cases, unreadable))) => {
                let today = today();
                let overview = Overview::build(&cases, today);
                view! {
                    {(unreadable > 0).then(|| view! {
                        <p class="error-box" role="alert">{format!("The deadlines of {unreadable} case(s) could not be read and are not shown. Open the case list to find them.")}</p>
                    })}
                    {overview.is_empty().then(|| view! {
                        <div class="empty-state">
                            <h2>"Nothing overdue or due this week"</h2>
                            <p>"Items with a due date on a plan or a checklist appear here when they are late or due within seven days."</p>
                        </div>
                    })}
                    {(!overview.overdue.is_empty()).then(|| view! { <DueTable key="overdue" heading=format!("Overdue ({})", overview.overdue.len()) order="Newest deadline first." entries=overview.overdue.clone() today /> })}
                    {(!overview.due_soon.is_empty()).then(|| view! { <DueTable key="due-soon" heading=format!("Due in the next 7 days ({})", overview.due_soon.len()) order="Soonest first." entries=overview.due_soon.clone() today /> })}
                }.into_any()
            }
        }}
    }
}

/// Rows drawn at once; thousands of late items would otherwise make an old phone wait.
const ROWS_PER_PAGE: usize = 200;

#[component]
fn DueTable(key: &'static str, heading: String, order: &'static str, entries: Vec<OverviewEntry>, today: chrono::NaiveDate) -> impl IntoView {
    let total = entries.len();
    let entries = StoredValue::new(entries);
    let limit = RwSignal::new(ROWS_PER_PAGE);
    let more = move || total > limit.get();
    let heading_id = format!("{key}-title");
    let labelled_by = heading_id.clone();
    view! {
        <section class="overview-group" aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            <p class="hint">{order}</p>
            <table class=format!("case-table due-table {key}")>
                <thead>
                    <tr>
                        <th scope="col">"Due"</th>
                        <th scope="col">"What"</th>
                        <th scope="col">"Case"</th>
                        <th scope="col">"Case worker"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || entries.with_value(|all| all.iter().take(limit.get()).cloned().collect::<Vec<_>>()).into_iter().map(|e| {
                        let place = Route::of_due(e.case_id, &e.item).href();
                        let case = Route::Plan { id: e.case_id, section: Section::Case }.href();
                        view! {
                            <tr>
                                <td data-label="Due">
                                    <span class="due-date">{e.item.date.format("%-d %b %Y").to_string()}</span>
                                    <span class="due-when">{describe(e.item.date, today)}</span>
                                </td>
                                <th scope="row" data-label="What"><a href=place>{e.item.what}</a></th>
                                <td data-label="Case"><a href=case>{e.case_title}</a></td>
                                <td data-label="Case worker">{e.worker_name}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <Show when=more>
                <button type="button" on:click=move |_| limit.update(|l| *l += ROWS_PER_PAGE)>
                    {move || format!("Show more ({} not shown)", total.saturating_sub(limit.get()))}
                </button>
            </Show>
        </section>
    }
}
