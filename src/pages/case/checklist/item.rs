//! One activity on the checklist: a box to tick, what is due and who does it, and the details
//! behind a Details button so the list stays short.

use leptos::prelude::*;
use uuid::Uuid;

use super::{item_title, use_shown, with_item};
use crate::components::fields::{DateField, SelectField, TextField};
use crate::components::focus::focus_id_later;
use crate::context::today;
use crate::domain::checklist::Milestone;
use crate::domain::checklist::{ChecklistFilter, ChecklistItem, ChecklistStatus, Theme};
use crate::domain::due::DueState;
use crate::domain::{Choice, Section};
use crate::editor::Editor;
use crate::i18n::{date, t, t_string, td_string, use_i18n, Locale, Translate};
use crate::route::Route;

#[component]
pub fn ChecklistRow(editor: Editor, id: Uuid, filter: RwSignal<ChecklistFilter>) -> impl IntoView {
    let ed = editor;
    let title = item_title(ed, id);
    let status = Signal::derive(move || with_item(ed, id, |i| Some(i.status)).unwrap_or(ChecklistStatus::NotStarted));
    let done = move || status.get() == ChecklistStatus::Done;
    let due_state =
        Signal::derive(move || with_item(ed, id, |i| Some(i.due_state(today()))).unwrap_or(DueState::NoDate));
    let tick = move |ev: leptos::ev::Event| {
        let checked = event_target_checked(&ev);
        ed.edit_now(|c| c.checklist.update(id, |i| i.set_done(checked, today())));
        // Ticked out of a filtered view: keep the keyboard somewhere sensible.
        let still_shown = ed
            .case
            .with_untracked(|c| c.checklist.get(id).is_some_and(|i| filter.with_untracked(|f| f.matches(i, today()))));
        if !still_shown {
            focus_id_later("checklist-count");
        }
    };
    // Details are drawn only when asked for, so a long checklist stays light. Whether they are
    // open is kept by item, so a row that moves to another theme stays open.
    let shown = use_shown();
    let expanded = Signal::derive(move || shown.is_expanded(id));
    let meta_id = format!("meta-{id}");
    let details_id = format!("details-{id}");
    let i18n = use_i18n();
    view! {
        <li
            class="check-item"
            id=format!("check-{id}")
            class:done=done
            class:overdue=move || due_state.get() == DueState::Overdue
            class:not-applicable=move || status.get() == ChecklistStatus::NotApplicable
        >
            <div class="check-main">
                <input
                    autocomplete="off"
                    type="checkbox"
                    id=format!("tick-{id}")
                    prop:checked=done
                    aria-describedby=meta_id.clone()
                    on:change=tick
                />
                <label for=format!("tick-{id}")>{move || title.get()}</label>
            </div>
            <div class="check-line">
                <p class="check-meta" id=meta_id>
                    {move || meta(i18n.get_locale(), ed, id)}
                </p>
                <button
                    type="button"
                    class="small quiet disclosure"
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls=details_id.clone()
                    aria-label=move || t_string!(i18n, checklist.item.details_of, title = title.get()).to_string()
                    on:click=move |_| shown.set_expanded(id, !expanded.get_untracked())
                >
                    {t!(i18n, checklist.item.details)}
                </button>
            </div>
            <div id=details_id hidden=move || !expanded.get()>
                <Show when=move || expanded.get()>
                    <ItemDetails editor=ed id />
                </Show>
            </div>
        </li>
    }
}

/// Status, who and when, in one line beside the box; where the plan has services doing the
/// activity's work, a link to them, so it is not tracked as two unrelated things.
fn meta(l: Locale, ed: Editor, id: Uuid) -> impl IntoView {
    let today = today();
    let (case_id, in_plan) = ed.case.with(|c| {
        let services = c.checklist.get(id).map(|i| c.services_for(i)).unwrap_or_default();
        let named = services
            .iter()
            .map(|s| match s.description.trim() {
                "" => s.kind.in_locale(l).to_string(),
                written => crate::vocabulary::shortened(written),
            })
            .collect::<Vec<_>>();
        (c.id, named)
    });
    with_item(ed, id, |i| {
        let mut parts: Vec<AnyView> =
            vec![view! { <span class=format!("badge check-{}", i.status.key())>{i.status.in_locale(l)}</span> }
                .into_any()];
        if !i.problems(today).is_empty() {
            parts.push(
                view! { <span class="badge attention">{td_string!(l, checklist.item.needs_attention)}</span> }
                    .into_any(),
            );
        }
        match i.due_state(today) {
            DueState::Overdue => parts
                .push(view! { <span class="badge overdue">{td_string!(l, checklist.item.overdue)}</span> }.into_any()),
            DueState::Today | DueState::Soon => parts
                .push(view! { <span class="badge soon">{td_string!(l, checklist.item.due_soon)}</span> }.into_any()),
            _ => {}
        }
        if let (Some(due), true) = (i.due, i.status.is_open()) {
            parts.push(view! { <span>{format!("{} ({})", date(l, due), crate::vocabulary::due_description(l, due, today))}</span> }.into_any());
        }
        if let (Some(on), true) = (i.done_on, i.is_done()) {
            parts.push(
                view! { <span>{td_string!(l, checklist.item.done_on, date = date(l, on)).to_string()}</span> }
                    .into_any(),
            );
        }
        match i.responsible.trim() {
            "" if i.status.is_open() => {
                parts.push(view! { <span class="muted">{td_string!(l, checklist.item.no_one_named)}</span> }.into_any())
            }
            "" => {}
            who => parts.push(view! { <span>{who.to_string()}</span> }.into_any()),
        }
        if i.status == ChecklistStatus::NotApplicable && !i.not_applicable_reason.trim().is_empty() {
            parts.push(view! { <span>{i.not_applicable_reason.trim().to_string()}</span> }.into_any());
        }
        if i.is_custom() {
            parts.push(view! { <span class="muted">{td_string!(l, checklist.item.own_activity)}</span> }.into_any());
        }
        if !in_plan.is_empty() {
            let services = Route::Plan { id: case_id, section: Section::Services }.href();
            let named = td_string!(l, checklist.item.in_plan, services = in_plan.join("; ")).to_string();
            parts.push(view! { <a href=services>{named}</a> }.into_any());
        }
        Some(parts.into_iter().map(|p| view! { <span class="meta-part">{p}</span> }).collect_view())
    })
}

#[component]
fn ItemDetails(editor: Editor, id: Uuid) -> impl IntoView {
    let ed = editor;
    let field = move |name: &str| format!("checklist.{id}.{name}");
    let bind = move |get: fn(&ChecklistItem) -> String, set: fn(&mut ChecklistItem, String)| {
        (
            Signal::derive(move || with_item(ed, id, get)),
            Callback::new(move |v: String| ed.edit(|c| c.checklist.update(id, |i| set(i, v)))),
        )
    };
    let i18n = use_i18n();
    let problem = move |name: &'static str| {
        Signal::derive(move || {
            let found = with_item(ed, id, |i| i.problem_kinds(today()).into_iter().find(|p| p.field() == name));
            found.map(|p| crate::vocabulary::item_problem(i18n.get_locale(), p).to_string())
        })
    };
    let explanation =
        move || with_item(ed, id, |i| crate::vocabulary::checklist_item_explanation(i18n.get_locale(), i));
    let custom = with_item(ed, id, ChecklistItem::is_custom);
    let status = Signal::derive(move || with_item(ed, id, |i| Some(i.status)));
    let set_status = Callback::new(move |s: Option<ChecklistStatus>| {
        if let Some(s) = s {
            ed.edit_now(|c| c.checklist.update(id, |i| i.set_status(s, today())));
        }
    });
    let (reason, set_reason) = bind(|i| i.not_applicable_reason.clone(), |i, v| i.not_applicable_reason = v);
    let (responsible, set_responsible) = bind(|i| i.responsible.clone(), |i, v| i.responsible = v);
    let (notes, set_notes) = bind(|i| i.notes.clone(), |i, v| i.notes = v);
    let (own_title, set_own_title) = bind(|i| i.title.clone(), |i, v| i.title = v);
    let due = Signal::derive(move || with_item(ed, id, |i| i.due));
    let set_due = Callback::new(move |v| ed.edit(|c| c.checklist.update(id, |i| i.due = v)));
    let done_on = Signal::derive(move || with_item(ed, id, |i| i.done_on));
    let set_done_on = Callback::new(move |v| {
        ed.edit(|c| {
            c.checklist.update(id, |i| {
                i.done_on = v;
                // A date done means it is done.
                if v.is_some() {
                    i.status = ChecklistStatus::Done;
                }
            })
        })
    });
    let theme = Signal::derive(move || with_item(ed, id, |i| Some(i.theme)));
    // The row moves to its new theme's group: the keyboard goes with it.
    let set_theme = Callback::new(move |t: Option<Theme>| {
        ed.edit(|c| c.checklist.update(id, |i| i.theme = t.unwrap_or(Theme::PreparingChild)));
        focus_id_later(&crate::components::fields::field_id(&format!("checklist.{id}.theme")));
    });
    let milestone = Signal::derive(move || with_item(ed, id, |i| i.milestone));
    let set_milestone =
        Callback::new(move |m: Option<Milestone>| ed.edit(|c| c.checklist.update(id, |i| i.milestone = m)));
    let title = item_title(ed, id);
    let removed = use_context::<RemovedItem>().expect("the checklist provides RemovedItem");
    let remove = move |_| {
        let mut taken = None;
        ed.edit_now(|c| taken = c.checklist.remove(id));
        if let Some((at, item)) = taken {
            removed.0.set(Some((at, item)));
            focus_id_later("undo-checklist");
        }
    };
    view! {
        <div class="check-details">
            {move || explanation().map(|e| view! { <p class="explanation">{e}</p> })}
            {custom
                .then(|| {
                    view! {
                        <TextField
                            label=move || t_string!(i18n, checklist.item.own_title).to_string()
                            field=field("title")
                            value=own_title
                            set=set_own_title
                            error=problem("title")
                        />
                        <SelectField
                            label=move || t_string!(i18n, checklist.item.theme).to_string()
                            field=field("theme")
                            value=theme
                            set=set_theme
                        />
                        <SelectField
                            label=move || t_string!(i18n, checklist.item.milestone).to_string()
                            field=field("milestone")
                            value=milestone
                            set=set_milestone
                            blank=move || t_string!(i18n, checklist.item.no_milestone).to_string()
                        />
                    }
                })}
            <SelectField
                label=move || t_string!(i18n, checklist.item.status).to_string()
                field=field("status")
                value=status
                set=set_status
            /> <Show when=move || status.get() == Some(ChecklistStatus::NotApplicable)>
                <TextField
                    label=move || t_string!(i18n, checklist.item.reason).to_string()
                    field=field("reason")
                    wraps=true
                    value=reason
                    set=set_reason
                    error=problem("reason")
                    required=true
                />
            </Show>
            <TextField
                label=move || t_string!(i18n, checklist.item.responsible).to_string()
                field=field("responsible")
                value=responsible
                set=set_responsible
                suggestions=ed.people
                hint=move || t_string!(i18n, checklist.item.responsible_hint).to_string()
            />
            <DateField
                label=move || t_string!(i18n, checklist.item.due_by).to_string()
                field=field("due")
                value=due
                set=set_due
            />
            <DateField
                label=move || t_string!(i18n, checklist.item.date_done).to_string()
                field=field("done_on")
                value=done_on
                set=set_done_on
                error=problem("done_on")
            />
            <TextField
                label=move || t_string!(i18n, checklist.item.notes).to_string()
                field=field("notes")
                value=notes
                set=set_notes
                multiline=true
            />
            <button
                type="button"
                class="small danger"
                on:click=remove
                aria-label=move || t_string!(i18n, checklist.item.remove_of, title = title.get()).to_string()
            >
                {t!(i18n, checklist.item.remove)}
            </button>
        </div>
    }
}

/// The last item taken off the checklist, so it can be put back.
#[derive(Clone, Copy)]
pub struct RemovedItem(pub RwSignal<Option<(usize, ChecklistItem)>>);
