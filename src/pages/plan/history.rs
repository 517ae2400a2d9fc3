//! The case's history as a timeline, newest first, filterable by section.

use chrono::Local;
use leptos::prelude::*;

use super::editor::Editor;
use crate::domain::history::{ChangeKind, FieldChange, HistoryEntry};

#[component]
pub fn HistoryView(editor: Editor) -> impl IntoView {
    let ed = editor;
    let area = RwSignal::new(String::new());
    // The areas that have entries, in the order they first appear.
    let areas = Memo::new(move |_| {
        ed.case.with(|c| {
            let mut seen: Vec<(String, &'static str)> = Vec::new();
            for entry in &c.history.0 {
                if !seen.iter().any(|(a, _)| *a == entry.area) {
                    seen.push((entry.area.clone(), entry.area_title()));
                }
            }
            seen
        })
    });
    let entries = Memo::new(move |_| {
        let chosen = area.get();
        ed.case.with(|c| c.history.timeline((!chosen.is_empty()).then_some(chosen.as_str())).into_iter().cloned().collect::<Vec<_>>())
    });
    view! {
        <section class="history" aria-labelledby="history-title">
            <h2 id="history-title" tabindex="-1">"History"</h2>
            <p class="purpose">"Every change to this case: when, by whom, and what changed. It travels with the case in export files."</p>
            <div class="field narrow">
                <label for="history-area">"Show changes to"</label>
                <select id="history-area" prop:value=move || area.get() on:change=move |ev| area.set(event_target_value(&ev))>
                    <option value="">"The whole case"</option>
                    {move || areas.get().into_iter().map(|(key, title)| view! { <option value=key>{title}</option> }).collect_view()}
                </select>
            </div>
            <Show when=move || entries.with(Vec::is_empty)>
                <p class="empty">"No change recorded yet."</p>
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
    let when = entry.at.with_timezone(&Local).format("%-d %b %Y, %H:%M").to_string();
    let heading = if entry.event.is_empty() { entry.area_title().to_string() } else { entry.event.clone() };
    view! {
        <li class="timeline-entry">
            <p class="timeline-head">
                <strong>{heading}</strong>
                <span class="timeline-meta">{format!("{when} · {}", entry.by)}</span>
            </p>
            <ul class="changes">
                {entry.changes.into_iter().map(|c| view! { <li>{describe(&c)}</li> }).collect_view()}
            </ul>
        </li>
    }
}

fn describe(change: &FieldChange) -> String {
    match change.kind {
        ChangeKind::Changed => format!("{}: \u{201c}{}\u{201d} \u{2192} \u{201c}{}\u{201d}", change.what, change.old, change.new),
        ChangeKind::Added => format!("{}: added \u{201c}{}\u{201d}", change.what, change.new),
        ChangeKind::Removed => format!("{}: removed \u{201c}{}\u{201d}", change.what, change.old),
    }
}
