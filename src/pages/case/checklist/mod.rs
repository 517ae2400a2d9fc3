//! The case's reintegration checklist and its five key milestones. Ticking an activity is one
//! click or one press of the space bar, and is saved at once.

mod add;
mod item;
mod milestones;

use std::collections::HashSet;

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::focus::focus_id_later;
use crate::context::today;
use crate::domain::checklist::{ChecklistFilter, ChecklistItem, Progress, StatusFilter, Theme};
use crate::domain::{Choice, Section};
use crate::editor::Editor;
use crate::i18n::{t, t_string, use_i18n, Locale, Translate};
use crate::route::Route;

/// The line that sums the checklist up, on the case page, in the language showing now (read
/// inside a reactive closure, it follows a switch).
pub fn progress_text(p: Progress) -> String {
    crate::vocabulary::checklist_progress(use_i18n().get_locale(), p)
}

/// An activity's title in a language: the catalogue's, or the worker's own as written.
fn title_in(l: Locale, item: &ChecklistItem) -> String {
    crate::vocabulary::checklist_item_title(l, item)
}

#[component]
pub fn ChecklistView(editor: Editor, focus: Signal<Option<Uuid>>) -> impl IntoView {
    let ed = editor;
    let id = ed.case.with_untracked(|c| c.id);
    let progress = Memo::new(move |_| ed.case.with(|c| c.checklist_progress(today())));
    let removed = item::RemovedItem(RwSignal::new(None));
    provide_context(removed);
    let shown = Shown { filter: RwSignal::new(ChecklistFilter::default()), expanded: RwSignal::new(HashSet::new()) };
    provide_context(shown);
    let undo = move |_| {
        if let Some((at, item)) = removed.0.get_untracked() {
            let id = item.id;
            let mut restored = false;
            ed.edit_now(|c| restored = c.checklist.restore(at, item));
            removed.0.set(None);
            if restored {
                shown.reveal(id);
            }
        }
    };
    let i18n = use_i18n();
    view! {
        <section class="checklist" aria-labelledby="checklist-title">
            <h2 id="checklist-title" tabindex="-1">
                {t!(i18n, checklist.title)}
            </h2>
            <p class="purpose">{t!(i18n, checklist.purpose)}</p>
            <div class="checklist-progress">
                <progress
                    max="100"
                    value=move || progress.get().percent().unwrap_or(0)
                    aria-labelledby="checklist-progress-text"
                ></progress>
                <p id="checklist-progress-text">{move || progress_text(progress.get())}</p>
            </div>
            <milestones::MilestoneStrip editor=ed />
            <PathwayPanel editor=ed id />
            <Activities editor=ed focus />
            <div class="undo" role="status">
                {move || {
                    removed
                        .0
                        .get()
                        .map(|(_, item)| {
                            view! {
                                <span>
                                    {t_string!(i18n, checklist.removed, title = title_in(i18n.get_locale(), &item))
                                        .to_string()}
                                </span>
                                " "
                                <button type="button" class="small" id="undo-checklist" on:click=undo>
                                    {t!(i18n, checklist.undo)}
                                </button>
                            }
                        })
                }}
            </div>
            <add::AddActivity editor=ed />
            <milestones::MilestonesPanel editor=ed />
        </section>
    }
}

/// Which pathway the proposals come from, and what it still proposes.
#[component]
fn PathwayPanel(editor: Editor, id: crate::domain::CaseId) -> impl IntoView {
    let ed = editor;
    let i18n = use_i18n();
    let pathway = Memo::new(move |_| ed.case.with(|c| c.plan.placement.kind));
    let missing = Memo::new(move |_| {
        let l = i18n.get_locale();
        ed.case.with(|c| {
            c.plan
                .placement
                .kind
                .map(|p| {
                    c.checklist
                        .missing_for(p)
                        .iter()
                        .map(|a| crate::vocabulary::activity_title(l, a.id, a.title))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let placement = Route::Plan { id, section: Section::Placement }.href();
    let add_missing = move |_| {
        ed.edit_now(|c| {
            if let Some(p) = c.plan.placement.kind {
                c.checklist.propose(p);
            }
        })
    };
    view! {
        <div class="pathway-panel">
            {move || match pathway.get() {
                None => {
                    let href = placement.clone();
                    view! {
                        <p>
                            {t!(
                                i18n, checklist.pathway.none, <link> = move |children: ChildrenFn| view! { <a href=href.clone()>{children()}</a> }
                            )}
                        </p>
                    }
                        .into_any()
                }
                Some(p) => {
                    view! {
                        <p>
                            {t!(
                                i18n, checklist.pathway.chosen, <strong> = |children: ChildrenFn| view! { <strong>{children()}</strong> }, pathway = move || p.in_locale(i18n.get_locale())
                            )} " " <a href=placement.clone()>{t!(i18n, checklist.pathway.change)}</a>
                        </p>
                    }
                        .into_any()
                }
            }} <Show when=move || missing.with(|m| !m.is_empty())>
                <div class="proposals">
                    <p>
                        {move || match missing.with(Vec::len) {
                            1 => t_string!(i18n, checklist.pathway.missing_one).to_string(),
                            n => t_string!(i18n, checklist.pathway.missing_many, n).to_string(),
                        }}
                    </p>
                    <ul>{move || missing.get().into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    <button type="button" on:click=add_missing>
                        {move || match missing.with(Vec::len) {
                            1 => t_string!(i18n, checklist.pathway.add_one).to_string(),
                            n => t_string!(i18n, checklist.pathway.add_many, n).to_string(),
                        }}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// What of the checklist is on screen: the filters, and the items whose details are open. An
/// open item stays in view even when an edit stops it matching the filters, so a worker who
/// sets "Not applicable" under "Still to do" can still give the reason.
#[derive(Clone, Copy)]
pub(crate) struct Shown {
    pub filter: RwSignal<ChecklistFilter>,
    pub expanded: RwSignal<HashSet<Uuid>>,
}

impl Shown {
    pub fn is_expanded(self, id: Uuid) -> bool {
        self.expanded.with(|e| e.contains(&id))
    }

    pub fn set_expanded(self, id: Uuid, open: bool) {
        self.expanded.update(|e| {
            if open {
                e.insert(id);
            } else {
                e.remove(&id);
            }
        });
    }

    /// Makes sure an item is on screen, clearing the filters if they are in use, then puts the
    /// keyboard on its box.
    pub fn reveal(self, id: Uuid) {
        if self.filter.with_untracked(ChecklistFilter::is_active) {
            self.filter.set(ChecklistFilter::default());
        }
        focus_id_later(&format!("tick-{id}"));
    }
}

pub(crate) fn use_shown() -> Shown {
    use_context::<Shown>().expect("the checklist provides Shown")
}

/// The activities, grouped by theme, narrowed by the filters.
#[component]
fn Activities(editor: Editor, focus: Signal<Option<Uuid>>) -> impl IntoView {
    let ed = editor;
    let shown_items = use_shown();
    let filter = shown_items.filter;
    let groups = Memo::new(move |_| {
        ed.case.with(|c| {
            filter.with(|f| {
                shown_items.expanded.with(|open| {
                    f.grouped_keeping(&c.checklist, today(), |id| open.contains(&id))
                        .into_iter()
                        .map(|(t, items)| (t, items.iter().map(|i| i.id).collect::<Vec<_>>()))
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let total = Memo::new(move |_| ed.case.with(|c| c.checklist.items.len()));
    let shown = Memo::new(move |_| groups.with(|g| g.iter().map(|(_, ids)| ids.len()).sum::<usize>()));
    // Arriving from the overview with an item named: make sure it is shown, then go to it.
    Effect::new(move |_| {
        if let Some(item) = focus.get() {
            shown_items.reveal(item);
        }
    });
    let nothing_matches = move || total.get() > 0 && shown.get() == 0;
    let themes = move || groups.with(|g| g.iter().map(|(t, _)| *t).collect::<Vec<_>>());
    let ids_of = move |theme: Theme| {
        Signal::derive(move || {
            groups.with(|g| g.iter().find(|(t, _)| *t == theme).map(|(_, ids)| ids.clone()).unwrap_or_default())
        })
    };
    let i18n = use_i18n();
    view! {
        <h3 id="activities-title">{t!(i18n, checklist.activities.title)}</h3>
        <Filters editor=ed filter />
        <p class="result-count" id="checklist-count" tabindex="-1" role="status">
            {move || match (filter.with(ChecklistFilter::is_active), total.get()) {
                (false, 1) => t_string!(i18n, checklist.activities.count_one).to_string(),
                (false, n) => t_string!(i18n, checklist.activities.count_many, n).to_string(),
                (true, n) => t_string!(i18n, checklist.activities.showing, shown = shown.get(), n).to_string(),
            }}
        </p>
        <Show when=move || total.get() == 0>
            <p class="empty">{t!(i18n, checklist.activities.none)}</p>
        </Show>
        <Show when=nothing_matches>
            <p class="empty">{t!(i18n, checklist.activities.none_match)}</p>
        </Show>
        <For each=themes key=|t| *t let:theme>
            <ThemeGroup editor=ed theme filter ids=ids_of(theme) />
        </For>
    }
}

#[component]
fn ThemeGroup(
    editor: Editor,
    theme: Theme,
    filter: RwSignal<ChecklistFilter>,
    ids: Signal<Vec<Uuid>>,
) -> impl IntoView {
    let heading = format!("theme-{}", theme.key());
    let labelled_by = heading.clone();
    view! {
        <section class="theme-group" aria-labelledby=labelled_by>
            <h4 id=heading>{theme.tr()}</h4>
            <ul class="check-items">
                <For each=move || ids.get() key=|id| *id let:id>
                    <item::ChecklistRow editor id filter />
                </For>
            </ul>
        </section>
    }
}

#[component]
fn Filters(editor: Editor, filter: RwSignal<ChecklistFilter>) -> impl IntoView {
    let ed = editor;
    let people = Memo::new(move |_| ed.case.with(|c| c.checklist.people()));
    let person_key = move || match filter.with(|f| f.responsible.clone()) {
        None => "*".to_string(),
        Some(p) => p,
    };
    let set_person = move |ev| {
        let value = event_target_value(&ev);
        filter.update(|f| f.responsible = if value == "*" { None } else { Some(value) });
    };
    let i18n = use_i18n();
    view! {
        <div
            class="list-tools checklist-filters"
            role="group"
            aria-label=move || t_string!(i18n, checklist.filters.label)
        >
            <div class="field">
                <label for="filter-status">{t!(i18n, checklist.filters.status)}</label>
                <select
                    autocomplete="off"
                    id="filter-status"
                    prop:value=move || filter.with(|f| f.status.key())
                    on:change=move |ev| {
                        filter
                            .update(|f| f.status = StatusFilter::from_key(&event_target_value(&ev)).unwrap_or_default())
                    }
                >
                    {StatusFilter::ALL
                        .iter()
                        .map(|&s| {
                            view! {
                                <option value=s.key() selected=move || filter.with(|f| f.status == s)>
                                    {s.tr()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-person">{t!(i18n, checklist.filters.person)}</label>
                <select autocomplete="off" id="filter-person" prop:value=person_key on:change=set_person>
                    <option value="*" selected=move || filter.with(|f| f.responsible.is_none())>
                        {t!(i18n, checklist.filters.everyone)}
                    </option>
                    <option value="" selected=move || filter.with(|f| f.responsible.as_deref() == Some(""))>
                        {t!(i18n, checklist.filters.no_one)}
                    </option>
                    {move || {
                        people
                            .get()
                            .into_iter()
                            .map(|p| {
                                let chosen = p.clone();
                                view! {
                                    <option
                                        value=p.clone()
                                        selected=move || {
                                            filter
                                                .with(|f| {
                                                    f.responsible
                                                        .as_deref()
                                                        .is_some_and(|r| r.trim().eq_ignore_ascii_case(&chosen))
                                                })
                                        }
                                    >
                                        {p.clone()}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="field checkbox">
                <input
                    autocomplete="off"
                    id="filter-overdue"
                    type="checkbox"
                    prop:checked=move || filter.with(|f| f.overdue_only)
                    on:change=move |ev| filter.update(|f| f.overdue_only = event_target_checked(&ev))
                />
                <label for="filter-overdue">{t!(i18n, checklist.filters.overdue_only)}</label>
            </div>
            <Show when=move || filter.with(ChecklistFilter::is_active)>
                <button
                    type="button"
                    class="small quiet"
                    on:click=move |_| {
                        filter.set(ChecklistFilter::default());
                        focus_id_later("filter-status");
                    }
                >
                    {t!(i18n, checklist.filters.clear)}
                </button>
            </Show>
        </div>
    }
}

/// The item's name as read out after its title, for buttons that act on it.
pub(crate) fn item_title(ed: Editor, id: Uuid) -> Signal<String> {
    let i18n = use_i18n();
    Signal::derive(move || {
        let l = i18n.get_locale();
        ed.case.with(|c| c.checklist.get(id).map(|i| title_in(l, i)).unwrap_or_default())
    })
}

pub(crate) fn with_item<T: Default>(ed: Editor, id: Uuid, read: impl Fn(&ChecklistItem) -> T) -> T {
    ed.case.with(|c| c.checklist.get(id).map(read).unwrap_or_default())
}
