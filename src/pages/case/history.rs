//! The case's history as a timeline, newest first, filterable by section.

use leptos::prelude::*;

use crate::domain::history::{ChangeKind, FieldChange, HistoryEntry};
use crate::editor::Editor;
use crate::i18n::{date_time, t, t_string, td_string, use_i18n, Locale};
use crate::vocabulary::{change_new, change_old, change_place, history_area, history_by, history_event};

#[component]
pub fn HistoryView(editor: Editor) -> impl IntoView {
    let ed = editor;
    let i18n = use_i18n();
    let area = RwSignal::new(String::new());
    // The areas that have entries, in the order they first appear.
    let areas = Memo::new(move |_| {
        ed.case.with(|c| {
            let l = i18n.get_locale();
            let mut seen: Vec<(String, &'static str)> = Vec::new();
            for entry in &c.history.0 {
                if !seen.iter().any(|(a, _)| *a == entry.area) {
                    seen.push((entry.area.clone(), history_area(l, entry)));
                }
            }
            seen
        })
    });
    let entries = Memo::new(move |_| {
        let chosen = area.get();
        ed.case.with(|c| {
            c.history.timeline((!chosen.is_empty()).then_some(chosen.as_str())).into_iter().cloned().collect::<Vec<_>>()
        })
    });
    view! {
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title" tabindex="-1">
                {t!(i18n, plan.history.title)}
            </h2>
            <p class="purpose">{t!(i18n, plan.history.purpose)}</p>
            <div class="field narrow">
                <label for="history-area">{t!(i18n, plan.history.show_changes_to)}</label>
                <select
                    autocomplete="off"
                    id="history-area"
                    prop:value=move || area.get()
                    on:change=move |ev| area.set(event_target_value(&ev))
                >
                    <option value="">{t!(i18n, plan.history.whole_case)}</option>
                    {move || {
                        areas
                            .get()
                            .into_iter()
                            .map(|(key, title)| view! { <option value=key>{title}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
            <Show when=move || entries.with(Vec::is_empty)>
                <p class="empty">{t!(i18n, plan.history.empty)}</p>
            </Show>
            <ol class="timeline">
                <For each=move || entries.get() key=|e| (e.id, e.at, e.changes.len()) let:entry>
                    <TimelineEntry entry />
                </For>
            </ol>
        </section>
    }
}

#[component]
fn TimelineEntry(entry: HistoryEntry) -> impl IntoView {
    let i18n = use_i18n();
    // Built again in another language (an entry is small).
    move || {
        let l = i18n.get_locale();
        let when = date_time(l, entry.at);
        let heading = match &entry.event {
            None => history_area(l, &entry).to_string(),
            Some(event) => history_event(l, event),
        };
        view! {
            <li class="timeline-entry">
                <p class="timeline-head">
                    <strong>{heading}</strong>
                    <span class="timeline-meta">
                        {t_string!(i18n, plan.history.meta, when, by = history_by(l, &entry)).to_string()}
                    </span>
                </p>
                <ul class="changes">
                    {entry.shown_changes().iter().map(|c| view! { <li>{describe(l, c)}</li> }).collect_view()}
                </ul>
            </li>
        }
    }
}

fn describe(l: Locale, change: &FieldChange) -> String {
    let what = change_place(l, change);
    match change.kind {
        ChangeKind::Changed => {
            td_string!(l, plan.history.changed, what, old = change_old(l, change), new = change_new(l, change))
                .to_string()
        }
        ChangeKind::Added => td_string!(l, plan.history.added, what, new = change_new(l, change)).to_string(),
        ChangeKind::Removed => td_string!(l, plan.history.removed, what, old = change_old(l, change)).to_string(),
    }
}
