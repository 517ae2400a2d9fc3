//! Adding to the checklist: any activity of the catalogue, or the worker's own.

use leptos::prelude::*;

use crate::components::fields::{field_id, SelectField, TextField};
use crate::components::focus::focus_id_later;
use crate::domain::checklist::{ChecklistItem, Theme, ACTIVITIES};
use crate::domain::checklist::Milestone;
use crate::domain::Choice;
use crate::pages::plan::Editor;

#[component]
pub fn AddActivity(editor: Editor) -> impl IntoView {
    let ed = editor;
    let shown = super::use_shown();
    let addable = Memo::new(move |_| ed.case.with(|c| c.checklist.addable().iter().map(|a| a.id).collect::<Vec<_>>()));
    let chosen = RwSignal::new(String::new());
    let add_from_catalogue = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let key = chosen.get_untracked();
        if key.is_empty() {
            focus_id_later("add-catalogue");
            return;
        }
        let mut added = None;
        ed.edit_now(|c| added = c.checklist.add_activity(&key));
        if let Some(id) = added {
            chosen.set(String::new());
            shown.reveal(id);
        }
    };

    let title = RwSignal::new(String::new());
    let theme = RwSignal::new(Some(Theme::PreparingChild));
    let milestone = RwSignal::new(None::<Milestone>);
    let tried = RwSignal::new(false);
    let title_problem = Signal::derive(move || (tried.get() && title.with(|t| t.trim().is_empty())).then(|| "Write what the activity is.".to_string()));
    let add_own = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if title.with_untracked(|t| t.trim().is_empty()) {
            focus_id_later(&field_id("new_activity.title"));
            return;
        }
        let item = ChecklistItem::custom(&title.get_untracked(), theme.get_untracked().unwrap_or(Theme::PreparingChild), milestone.get_untracked());
        let id = item.id;
        ed.edit_now(|c| c.checklist.add(item));
        title.set(String::new());
        tried.set(false);
        shown.reveal(id);
    };
    view! {
        <h3>"Add an activity"</h3>
        <div class="add-activity">
            <form on:submit=add_from_catalogue>
                <div class="field">
                    <label for="add-catalogue">"Activity from the catalogue"</label>
                    <p class="hint" id="add-catalogue-hint">"Every reintegration activity not on this checklist yet, whatever the pathway."</p>
                    <select id="add-catalogue" aria-describedby="add-catalogue-hint" prop:value=move || chosen.get()
                        on:change=move |ev| chosen.set(event_target_value(&ev))>
                        <option value="">"Choose an activity"</option>
                        {move || Theme::ALL.iter().filter_map(|&t| {
                            let options: Vec<_> = addable.with(|ids| ACTIVITIES.iter().filter(|a| a.theme == t && ids.contains(&a.id)).map(|a| view! {
                                <option value=a.id>{a.title}</option>
                            }).collect());
                            (!options.is_empty()).then(|| view! { <optgroup label=t.label()>{options}</optgroup> })
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit">"Add activity"</button>
            </form>
            <form on:submit=add_own novalidate>
                <TextField label="Your own activity" field="new_activity.title" value=title set=Callback::new(move |v| title.set(v)) error=title_problem
                    hint="Anything this child's plan needs that the catalogue does not name." />
                <SelectField label="Theme" field="new_activity.theme" value=theme set=Callback::new(move |t| theme.set(t)) />
                <SelectField label="Counts towards milestone" field="new_activity.milestone" value=milestone set=Callback::new(move |m| milestone.set(m)) blank="None" />
                <button type="submit">"Add your own activity"</button>
            </form>
        </div>
    }
}
