//! Every case on the device, filtered as you type. Reads only the case summaries.

use std::sync::Arc;

use gloo_storage::{LocalStorage as Prefs, Storage};
use leptos::prelude::*;

use crate::components::alert::Alert;
use crate::components::backup_reminder::BackupReminder;
use crate::components::near_screen::NearScreen;
use crate::context::today;
use crate::context::{keep_page_title, use_other_tabs, use_store};
use crate::domain::case_list::{CaseIndex, SortOrder};
use crate::domain::{CaseSummary, Choice, Section};
use crate::i18n::{number, t, t_string, td_plural, td_string, use_i18n, Locale, Translate};
use crate::route::Route;
use crate::vocabulary::InWords;
use crate::workspace::Workspace;

/// Rows listed at once; more on request, so thousands of cases never block the page.
const ROWS_PER_PAGE: usize = 100;
/// Rows drawn at first, and added each time the end of those drawn comes near the screen: the
/// first rows, and the list after each key typed in the filter, cost one screenful.
const ROWS_AT_ONCE: usize = 10;
const SORT_PREF: &str = "homeward.case_list.sort";

#[component]
pub fn CaseListPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    keep_page_title(move || t_string!(i18n, cases.list.title).to_string());
    let cases = LocalResource::new(move || {
        let store = store.get_value();
        // Shared, not copied, by the table and the backup reminder.
        async move {
            store
                .list()
                .await
                .map(|list| (Arc::<[CaseSummary]>::from(list.cases), list.unreadable, list.emptied_by_the_browser))
        }
    });
    // Another tab made, changed or deleted a case: the table takes the list as it is now, in
    // place, keeping the filter, focus and rows shown; an empty page is simply drawn again.
    let fresh = RwSignal::new(None::<Vec<CaseSummary>>);
    let other_tabs = use_other_tabs();
    Effect::new(move |seen: Option<u64>| {
        let (count, _) = other_tabs.0.get();
        if seen.is_some_and(|s| s != count) {
            let shown_empty = cases.with_untracked(|c| matches!(c, Some(Ok((list, _, _))) if list.is_empty()));
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
        <h1>{t!(i18n, cases.list.title)}</h1>
        {move || match cases.get() {
            None => view! { <p class="loading">{t!(i18n, cases.list.loading)}</p> }.into_any(),
            Some(Err(error)) => {
                view! {
                    <Alert text=Signal::derive(move || {
                        let l = i18n.get_locale();
                        td_string!(l, cases.list.cannot_read, error = error.in_words(l)).to_string()
                    }) />
                }
                    .into_any()
            }
            Some(Ok((list, unreadable, emptied_by_the_browser))) => {
                view! {
                    {emptied_by_the_browser
                        .then(|| {
                            view! {
                                <Alert text=Signal::derive(move || {
                                    t_string!(i18n, cases.list.emptied_by_the_browser).to_string()
                                }) />
                            }
                        })}
                    {(unreadable > 0)
                        .then(|| {
                            view! {
                                <Alert text=Signal::derive(move || unreadable_message(i18n.get_locale(), unreadable)) />
                            }
                        })}
                    {if list.is_empty() {
                        empty_state().into_any()
                    } else {
                        view! {
                            // Fictional cases need no backup: a trainer's class is not nagged.
                            {(!Workspace::in_demo()).then(|| view! { <BackupReminder cases=list.clone() /> })}
                            <CaseTable all=list fresh />
                        }
                            .into_any()
                    }}
                }
                    .into_any()
            }
        }}
        <p class="list-footer">
            <a href=Route::RecentlyDeleted.href()>{t!(i18n, cases.list.recently_deleted)}</a>
        </p>
    }
}

fn unreadable_message(locale: Locale, count: usize) -> String {
    if count == 1 {
        td_string!(locale, cases.list.unreadable_one).to_string()
    } else {
        td_string!(locale, cases.list.unreadable_many, count = number(locale, count as f64)).to_string()
    }
}

fn sort_label(locale: Locale, order: SortOrder) -> String {
    match order {
        SortOrder::NextDue => td_string!(locale, cases.list.sort_next_due).to_string(),
        SortOrder::CaseNumber => td_string!(locale, cases.list.sort_case_number).to_string(),
        SortOrder::ChildName => td_string!(locale, cases.list.sort_child_name).to_string(),
        SortOrder::RecentlyChanged => td_string!(locale, cases.list.sort_recently_changed).to_string(),
    }
}

fn empty_state() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="empty-state">
            <h2>{t!(i18n, cases.list.empty_title)}</h2>
            <p>{t!(i18n, cases.list.empty_start)}</p>
            <p>{t!(i18n, cases.list.empty_saved)}</p>
            <a class="button primary" href=Route::NewCase.href()>
                {t!(i18n, cases.list.new_case)}
            </a>
            " "
            <a class="button secondary" href=Route::Import.href()>
                {t!(i18n, cases.list.import_from_file)}
            </a>
        </div>
    }
}

#[component]
fn CaseTable(all: Arc<[CaseSummary]>, fresh: RwSignal<Option<Vec<CaseSummary>>>) -> impl IntoView {
    let i18n = use_i18n();
    let query = crate::context::use_case_list_filter();
    let index = RwSignal::new(CaseIndex::with_words(all, move |s| {
        crate::vocabulary::case_search_words(i18n.get_locale_untracked(), s)
    }));
    Effect::new(move |_| {
        if let Some(cases) = fresh.get() {
            index.set(CaseIndex::with_words(cases, move |s| {
                crate::vocabulary::case_search_words(i18n.get_locale_untracked(), s)
            }));
        }
    });
    let total = move || index.with(CaseIndex::len);
    let saved_order = Prefs::get::<String>(SORT_PREF).ok().and_then(|k| SortOrder::from_key(&k)).unwrap_or_default();
    let order = RwSignal::new(saved_order);
    let limit = RwSignal::new(ROWS_PER_PAGE);
    let sorted = Memo::new(move |_| index.with(|i| i.sorted(order.get())));
    let rows = Memo::new(move |_| index.with(|i| sorted.with(|s| query.with(|q| i.filter(s, q)))));
    // Whatever changes the rows (typing, sorting) starts again from one screenful, in the same update.
    let drawn = RwSignal::new(ROWS_AT_ONCE);
    let end_of_rows = NodeRef::new();
    let near = NearScreen::new(end_of_rows, move || {
        let more = drawn.get_untracked() < limit.get_untracked().min(rows.with_untracked(Vec::len));
        if more {
            drawn.update(|d| *d += ROWS_AT_ONCE);
        }
        more
    });
    let restart = move || {
        drawn.set(ROWS_AT_ONCE);
        near.check_again();
    };
    // A key that leaves the same rows (a space, say) redraws nothing.
    let on_input = move |ev| {
        let before = rows.get_untracked();
        query.set(event_target_value(&ev));
        if rows.with_untracked(|now| *now != before) {
            if limit.get_untracked() != ROWS_PER_PAGE {
                limit.set(ROWS_PER_PAGE);
            }
            restart();
        }
    };
    let shown = move || {
        index.with(|i| {
            rows.with(|r| r.iter().take(limit.get().min(drawn.get())).map(|&at| i.get(at).clone()).collect::<Vec<_>>())
        })
    };
    let today = today();

    let set_order = move |ev| {
        if let Some(o) = SortOrder::from_key(&event_target_value(&ev)) {
            let _ = Prefs::set(SORT_PREF, o.key());
            order.set(o);
            restart();
        }
    };
    view! {
        <div class="list-tools">
            <div class="field">
                <label for="case-filter">{t!(i18n, cases.list.filter)}</label>
                <p class="hint" id="case-filter-hint">
                    {t!(i18n, cases.list.filter_hint)}
                </p>
                <input
                    id="case-filter"
                    type="search"
                    autocomplete="off"
                    aria-describedby="case-filter-hint"
                    prop:value=move || query.get()
                    on:input=on_input
                />
            </div>
            <div class="field">
                <label for="case-sort">{t!(i18n, cases.list.sort_by)}</label>
                <select autocomplete="off" id="case-sort" prop:value=move || order.get().key() on:change=set_order>
                    {SortOrder::ALL
                        .into_iter()
                        .map(|o| {
                            view! {
                                <option value=o.key() selected=move || order.get() == o>
                                    {move || sort_label(i18n.get_locale(), o)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <a class="button primary" href=Route::NewCase.href()>
                {t!(i18n, cases.list.new_case)}
            </a>
            <a class="button secondary" href=Route::Export { case: None }.href()>
                {t!(i18n, cases.list.export)}
            </a>
        </div>
        <p class="result-count" role="status">
            {move || {
                let (matching, total) = (rows.with(Vec::len), total());
                let locale = i18n.get_locale();
                let count = |n: usize| number(locale, n as f64);
                match (matching == total, total) {
                    (true, 1) => t_string!(i18n, cases.list.count_one).to_string(),
                    (true, _) => t_string!(i18n, cases.list.count_many, total = count(total)).to_string(),
                    (false, _) => {
                        t_string!(i18n, cases.list.count_matching, matching = count(matching), total = count(total))
                            .to_string()
                    }
                }
            }}
        </p>
        // Hidden while no case matches: "No case matches" below says so, without an empty table.
        <table class="case-table" hidden=move || rows.with(Vec::is_empty)>
            <thead>
                <tr>
                    <th scope="col">{t!(i18n, cases.list.col_case_number)}</th>
                    <th scope="col">{t!(i18n, cases.list.col_child)}</th>
                    <th scope="col">{t!(i18n, cases.list.col_worker)}</th>
                    <th scope="col">{t!(i18n, cases.list.col_placement)}</th>
                    <th scope="col">{t!(i18n, cases.list.col_status)}</th>
                    <th scope="col">{t!(i18n, cases.list.col_checklist)}</th>
                    <th scope="col">{t!(i18n, cases.list.col_next_due)}</th>
                </tr>
            </thead>
            <tbody>
                <For each=shown key=|c| (c.id, c.revision) let:case>
                    <CaseRow case today />
                </For>
            </tbody>
        </table>
        <div node_ref=end_of_rows aria-hidden="true"></div>
        <Show when=move || rows.with(Vec::is_empty)>
            <p class="empty">{t!(i18n, cases.list.no_match, query = move || query.get())}</p>
        </Show>
        <Show when=move || rows.with(|r| r.len() > limit.get())>
            <button
                type="button"
                on:click=move |_| {
                    limit.update(|l| *l += ROWS_PER_PAGE);
                    near.check_again();
                }
            >
                {move || {
                    t_string!(
                        i18n, common.show_more, count = number(i18n.get_locale(), (rows.with(Vec::len) - limit.get()) as f64)
                    )
                        .to_string()
                }}
            </button>
        </Show>
    }
}

/// One case. Its words are drawn once per language rather than each kept reactive: a list of
/// a hundred rows otherwise holds two thousand small effects, and each keystroke in the filter
/// pays for the rows it brings in.
#[component]
fn CaseRow(case: CaseSummary, today: chrono::NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    move || row(i18n.get_locale(), &case, today)
}

fn row(l: Locale, case: &CaseSummary, today: chrono::NaiveDate) -> impl IntoView {
    let href = Route::Plan { id: case.id, section: Section::Case }.href();
    let overdue = case.is_overdue(today);
    let progress = case.checklist.progress(today);
    let checklist = match progress.applicable {
        0 => view! { <span class="muted">{td_string!(l, common.not_started)}</span> }.into_any(),
        _ => view! {
            <div class="mini-progress">
                <span>
                    {td_string!(l, cases.list.checklist_done, done = progress.done, total = progress.applicable)
                        .to_string()}
                </span>
                <progress max="100" value=progress.percent().unwrap_or(0) aria-hidden="true"></progress>
                {(progress.overdue > 0)
                    .then(|| {
                        view! {
                            <span class="badge overdue">
                                {td_plural!(
                                    l, progress.overdue, cases.list.checklist_overdue_one | cases.list.checklist_overdue_many, count = progress.overdue
                                )}
                            </span>
                        }
                    })}
                <span class="muted">
                    {td_string!(l, cases.list.milestones, reached = progress.milestones_reached, total = 5).to_string()}
                </span>
            </div>
        }
        .into_any(),
    };
    let due = match &case.next_due {
        Some(d) => view! {
            <div class="due">
                <span class="due-what">{crate::vocabulary::due_item_what(l, d)}</span>
                <span class="due-date">{crate::i18n::date(l, d.date)}</span>
                {overdue.then(|| view! { <span class="badge overdue">{td_string!(l, common.overdue)}</span> })}
            </div>
        }
        .into_any(),
        None => view! { <span class="due-what none">{td_string!(l, cases.list.nothing_dated)}</span> }.into_any(),
    };
    view! {
        <tr class:overdue=overdue>
            <th scope="row" data-label=td_string!(l, cases.list.col_case_number)>
                <a href=href>{crate::vocabulary::case_number(l, &case.case_number)}</a>
            </th>
            <td data-label=td_string!(l, cases.list.col_child)>{case.child_name.clone()}</td>
            <td data-label=td_string!(l, cases.list.col_worker)>{case.worker_name.clone()}</td>
            <td data-label=td_string!(
                l, cases.list.col_placement
            )>{crate::vocabulary::placement_label(l, case.placement)}</td>
            <td data-label=td_string!(l, cases.list.col_status)>
                <span class=format!("badge status-{}", case.status.key())>{case.status.in_locale(l)}</span>
            </td>
            <td data-label=td_string!(l, cases.list.col_checklist)>{checklist}</td>
            <td data-label=td_string!(l, cases.list.col_next_due)>{due}</td>
        </tr>
    }
}
