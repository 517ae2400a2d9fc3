//! Every case on the device, filtered as you type. Reads only the case summaries.

use gloo_storage::{LocalStorage as Prefs, Storage};
use leptos::prelude::*;

use crate::app::{set_page_title, use_store, OtherTabs};
use crate::domain::case_list::{CaseIndex, SortOrder};
use crate::domain::{CaseSummary, Choice, Section};
use crate::pages::plan::today;
use crate::pages::storage::BackupReminder;
use crate::route::Route;

/// Rows drawn at once; more on request, so thousands of cases never block the page.
const ROWS_PER_PAGE: usize = 100;
const SORT_PREF: &str = "homeward.case_list.sort";

#[component]
pub fn CaseListPage() -> impl IntoView {
    let store = use_store();
    set_page_title("Cases");
    let cases = LocalResource::new(move || {
        let store = store.get_value();
        async move { store.list().await }
    });
    // Another tab made, changed or deleted a case: the table takes the list as it is now, in
    // place, keeping the filter, focus and rows shown; an empty page is simply drawn again.
    let fresh = RwSignal::new(None::<Vec<CaseSummary>>);
    let other_tabs = use_context::<OtherTabs>().expect("the shell provides OtherTabs");
    Effect::new(move |seen: Option<u64>| {
        let (count, _) = other_tabs.0.get();
        if seen.is_some_and(|s| s != count) {
            let shown_empty = cases.with_untracked(|c| matches!(c, Some(Ok(list)) if list.cases.is_empty()));
            if shown_empty {
                cases.refetch();
            } else {
                let store = store.get_value();
                leptos::task::spawn_local(async move {
                    if let Ok(list) = store.list().await {
                        fresh.try_set(Some(list.cases));
                    }
                });
            }
        }
        count
    });
    view! {
        <h1>"Cases"</h1>
        {move || match cases.get() {
            None => view! { <p class="loading">"Loading cases…"</p> }.into_any(),
            Some(Err(error)) => view! { <p class="error-box" role="alert">"The cases could not be read: " {error.to_string()}</p> }.into_any(),
            Some(Ok(list)) => view! {
                {(list.unreadable > 0).then(|| view! {
                    <p class="error-box" role="alert">
                        {unreadable_message(list.unreadable)}
                    </p>
                })}
                {if list.cases.is_empty() { empty_state().into_any() } else { view! {
                    <BackupReminder cases=list.cases.clone() />
                    <CaseTable all=list.cases fresh />
                }.into_any() }}
            }.into_any(),
        }}
    }
}

fn unreadable_message(count: usize) -> String {
    let what = if count == 1 { "One stored case".to_string() } else { format!("{count} stored cases") };
    format!("{what} could not be read and {} not listed. Nothing has been deleted; do not clear this browser's data, and ask for help to recover {}.", if count == 1 { "is" } else { "are" }, if count == 1 { "it" } else { "them" })
}

fn empty_state() -> impl IntoView {
    view! {
        <div class="empty-state">
            <h2>"No cases yet"</h2>
            <p>"Start with a new case for a child: you will be guided through their Care and Protection Plan, one section at a time."</p>
            <p>"Everything you enter is saved automatically in this browser and nowhere else."</p>
            <a class="button primary" href=Route::NewCase.href()>"New case"</a>
            " "
            <a class="button secondary" href=Route::Import.href()>"Import cases from a file"</a>
        </div>
    }
}

#[component]
fn CaseTable(all: Vec<CaseSummary>, fresh: RwSignal<Option<Vec<CaseSummary>>>) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let index = RwSignal::new(CaseIndex::new(all));
    Effect::new(move |_| {
        if let Some(cases) = fresh.get() {
            index.set(CaseIndex::new(cases));
        }
    });
    let total = move || index.with(CaseIndex::len);
    let saved_order = Prefs::get::<String>(SORT_PREF).ok().and_then(|k| SortOrder::from_key(&k)).unwrap_or_default();
    let order = RwSignal::new(saved_order);
    let limit = RwSignal::new(ROWS_PER_PAGE);
    let sorted = Memo::new(move |_| index.with(|i| i.sorted(order.get())));
    let rows = Memo::new(move |_| index.with(|i| sorted.with(|s| query.with(|q| i.filter(s, q)))));
    let shown = move || index.with(|i| rows.with(|r| r.iter().take(limit.get()).map(|&at| i.get(at).clone()).collect::<Vec<_>>()));
    let today = today();

    let set_order = move |ev| {
        if let Some(o) = SortOrder::from_key(&event_target_value(&ev)) {
            let _ = Prefs::set(SORT_PREF, o.key());
            order.set(o);
        }
    };
    view! {
        <div class="list-tools">
            <div class="field">
                <label for="case-filter">"Filter cases"</label>
                <p class="hint" id="case-filter-hint">"By case number, child, case worker, placement or status."</p>
                <input id="case-filter" type="search" autocomplete="off" aria-describedby="case-filter-hint"
                    prop:value=move || query.get()
                    on:input=move |ev| { query.set(event_target_value(&ev)); limit.set(ROWS_PER_PAGE); } />
            </div>
            <div class="field">
                <label for="case-sort">"Sort by"</label>
                <select id="case-sort" prop:value=move || order.get().key() on:change=set_order>
                    {SortOrder::ALL.into_iter().map(|o| view! { <option value=o.key() selected=move || order.get() == o>{o.label()}</option> }).collect_view()}
                </select>
            </div>
            <a class="button primary" href=Route::NewCase.href()>"New case"</a>
            <a class="button secondary" href=Route::Export { case: None }.href()>"Export…"</a>
        </div>
        <p class="result-count" role="status">
            {move || {
                let (matching, total) = (rows.with(Vec::len), total());
                match (matching == total, total) {
                    (true, 1) => "1 case".to_string(),
                    (true, _) => format!("{total} cases"),
                    (false, _) => format!("{matching} of {total} cases match"),
                }
            }}
        </p>
        // Hidden while no case matches: "No case matches" below says so, without an empty table.
        <table class="case-table" hidden=move || rows.with(Vec::is_empty)>
            <thead>
                <tr>
                    <th scope="col">"Case number"</th>
                    <th scope="col">"Child"</th>
                    <th scope="col">"Case worker"</th>
                    <th scope="col">"Placement"</th>
                    <th scope="col">"Plan status"</th>
                    <th scope="col">"Checklist"</th>
                    <th scope="col">"Next due"</th>
                </tr>
            </thead>
            <tbody>
                <For each=shown key=|c| (c.id, c.revision) let:case>
                    <CaseRow case today />
                </For>
            </tbody>
        </table>
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="empty">"No case matches \u{201c}" {move || query.get()} "\u{201d}."</p>
        </Show>
        <Show when=move || rows.with(|r| r.len() > limit.get())>
            <button type="button" on:click=move |_| limit.update(|l| *l += ROWS_PER_PAGE)>
                {move || format!("Show more ({} not shown)", rows.with(Vec::len) - limit.get())}
            </button>
        </Show>
    }
}

#[component]
fn CaseRow(case: CaseSummary, today: chrono::NaiveDate) -> impl IntoView {
    let href = Route::Plan { id: case.id, section: Section::Case }.href();
    let number = case.display_number().to_string();
    let placement = case.placement_label();
    let overdue = case.is_overdue(today);
    let progress = case.checklist.progress(today);
    let checklist = (progress.applicable > 0).then(|| {
        let percent = progress.percent().unwrap_or(0);
        view! {
            <div class="mini-progress">
                <span>{format!("{} of {} done", progress.done, progress.applicable)}</span>
                <progress max="100" value=percent aria-hidden="true"></progress>
                {(progress.overdue > 0).then(|| view! { <span class="badge overdue">{format!("{} overdue", progress.overdue)}</span> })}
                <span class="muted">{format!("{} of 5 milestones", progress.milestones_reached)}</span>
            </div>
        }
    });
    let due = case.next_due.clone().map(|d| {
        let when = d.date.format("%-d %b %Y").to_string();
        view! {
            <div class="due">
                <span class="due-what">{d.what}</span>
                <span class="due-date">{when}</span>
                {overdue.then(|| view! { <span class="badge overdue">"Overdue"</span> })}
            </div>
        }
    });
    view! {
        <tr class:overdue=overdue>
            <th scope="row" data-label="Case number"><a href=href>{number}</a></th>
            <td data-label="Child">{case.child_name}</td>
            <td data-label="Case worker">{case.worker_name}</td>
            <td data-label="Placement">{placement}</td>
            <td data-label="Plan status"><span class=format!("badge status-{}", case.status.key())>{case.status.label()}</span></td>
            <td data-label="Checklist">{match checklist {
                Some(view) => view.into_any(),
                None => view! { <span class="muted">"Not started"</span> }.into_any(),
            }}</td>
            <td data-label="Next due">{match due {
                Some(due) => due.into_any(),
                None => view! { <span class="due-what none">"Nothing dated"</span> }.into_any(),
            }}</td>
        </tr>
    }
}
