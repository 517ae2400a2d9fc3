//! Adding to the checklist: any activity of the catalogue, or the worker's own.

use leptos::prelude::*;

use crate::components::fields::{field_id, SelectField, TextField};
use crate::components::focus::focus_id_later;
use crate::domain::checklist::Milestone;
use crate::domain::checklist::{ChecklistItem, Theme, ACTIVITIES};
use crate::domain::Choice;
use crate::editor::Editor;
use crate::i18n::{t, t_string, td_string, use_i18n, Translate};

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
    let i18n = use_i18n();
    let title_problem = Signal::derive(move || {
        (tried.get() && title.with(|t| t.trim().is_empty()))
            .then(|| td_string!(i18n.get_locale(), checklist.add.title_missing).to_string())
    });
    let add_own = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if title.with_untracked(|t| t.trim().is_empty()) {
            focus_id_later(&field_id("new_activity.title"));
            return;
        }
        let item = ChecklistItem::custom(
            &title.get_untracked(),
            theme.get_untracked().unwrap_or(Theme::PreparingChild),
            milestone.get_untracked(),
        );
        let id = item.id;
        ed.edit_now(|c| c.checklist.add(item));
        title.set(String::new());
        tried.set(false);
        shown.reveal(id);
    };
    view! {
        <h3>{t!(i18n, checklist.add.title)}</h3>
        <div class="add-activity">
            <form on:submit=add_from_catalogue>
                <div class="field">
                    <label for="add-catalogue">{t!(i18n, checklist.add.from_catalogue)}</label>
                    <p class="hint" id="add-catalogue-hint">
                        {t!(i18n, checklist.add.from_catalogue_hint)}
                    </p>
                    <select
                        autocomplete="off"
                        id="add-catalogue"
                        aria-describedby="add-catalogue-hint"
                        prop:value=move || chosen.get()
                        on:change=move |ev| chosen.set(event_target_value(&ev))
                    >
                        <option value="">{t!(i18n, checklist.add.choose)}</option>
                        {move || {
                            let l = i18n.get_locale();
                            Theme::ALL
                                .iter()
                                .filter_map(|&t| {
                                    let options: Vec<_> = addable
                                        .with(|ids| {
                                            ACTIVITIES
                                                .iter()
                                                .filter(|a| a.theme == t && ids.contains(&a.id))
                                                .map(|a| {
                                                    view! {
                                                        <option value=a.id selected=move || chosen.with(|c| c == a.id)>
                                                            {crate::vocabulary::activity_title(l, a.id, a.title)}
                                                        </option>
                                                    }
                                                })
                                                .collect()
                                        });
                                    (!options.is_empty())
                                        .then(|| view! { <optgroup label=t.in_locale(l)>{options}</optgroup> })
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <button type="submit">{t!(i18n, checklist.add.add)}</button>
            </form>
            <form on:submit=add_own novalidate>
                <TextField
                    label=move || t_string!(i18n, checklist.add.own).to_string()
                    field="new_activity.title"
                    value=title
                    set=Callback::new(move |v| title.set(v))
                    error=title_problem
                    hint=move || t_string!(i18n, checklist.add.own_hint).to_string()
                />
                <SelectField
                    label=move || t_string!(i18n, checklist.item.theme).to_string()
                    field="new_activity.theme"
                    value=theme
                    set=Callback::new(move |t| theme.set(t))
                />
                <SelectField
                    label=move || t_string!(i18n, checklist.item.milestone).to_string()
                    field="new_activity.milestone"
                    value=milestone
                    set=Callback::new(move |m| milestone.set(m))
                    blank=move || t_string!(i18n, checklist.item.no_milestone).to_string()
                />
                <button type="submit">{t!(i18n, checklist.add.add_own)}</button>
            </form>
        </div>
    }
}
