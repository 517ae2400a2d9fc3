//! The monitoring visit log: each visit as the visitor records it, newest first. Logging a
//! visit moves the next one's due date; a follow-up can become an action of the plan.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::fields::{DateField, SelectField, TextField};
use crate::components::focus::focus_id_later;
use crate::context::today;
use crate::domain::items::{ListItem, Removed};
use crate::domain::monitoring::{SeenAlone, Visit};
use crate::domain::Section;
use crate::editor::{Editor, ListAccess};
use crate::i18n::{td_string, use_i18n, Locale};
use crate::route::Route;
use crate::vocabulary::visit_title;

const VISITS: ListAccess<Visit> = ListAccess { get: |p| &p.monitoring.visits, get_mut: |p| &mut p.monitoring.visits };

pub fn visit_log(ed: Editor, l: Locale) -> impl IntoView {
    let i18n = use_i18n();
    // Latest logged first. Not sorted by date: a date being typed passes through odd values,
    // and a visit jumping about would take the keyboard focus with it.
    let ids = Memo::new(move |_| {
        ed.case.with(|c| c.plan.monitoring.visits.0.iter().rev().map(ListItem::id).collect::<Vec<_>>())
    });
    let log = move |_| {
        let visit = ed.case.with_untracked(|c| Visit::new(today(), &c.plan.worker.name));
        let id = visit.id;
        ed.edit(|c| c.plan.monitoring.visits.push(visit));
        focus_id_later(&format!("visit-{id}"));
    };
    let removed = RwSignal::new(None::<Removed<Visit>>);
    let remove = move |id: Uuid| {
        let mut taken = None;
        ed.edit(|c| taken = c.plan.monitoring.visits.remove(id));
        removed.set(taken);
        focus_id_later("undo-visits");
    };
    let undo = move |_| {
        if let Some(visit) = removed.get_untracked() {
            let id = visit.item.id;
            ed.edit(|c| c.plan.monitoring.visits.restore(visit));
            removed.set(None);
            focus_id_later(&format!("visit-{id}"));
        }
    };
    view! {
        <section class="visit-log" aria-labelledby="visit-log-title">
            <h3 id="visit-log-title">{td_string!(l, plan.visits.log)}</h3>
            <button type="button" class="primary" on:click=log>
                {td_string!(l, plan.visits.log_a_visit)}
            </button>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="empty">{td_string!(l, plan.visits.empty)}</p>
            </Show>
            <div class="undo" role="status">
                {move || {
                    removed
                        .get()
                        .map(|r| {
                            view! {
                                <span>
                                    {move || {
                                        let l = i18n.get_locale();
                                        td_string!(l, plan.visits.removed, visit = visit_title(l, &r.item)).to_string()
                                    }}
                                </span>
                                " "
                                <button type="button" class="small" id="undo-visits" on:click=undo>
                                    {td_string!(l, plan.visits.undo)}
                                </button>
                            }
                        })
                }}
            </div>
            <ol class="items visits">
                <For each=move || ids.get() key=|id| *id let:id>
                    <li class="item">{visit_form(ed, id, l, remove)}</li>
                </For>
            </ol>
        </section>
    }
}

fn visit_form(ed: Editor, id: Uuid, l: Locale, remove: impl Fn(Uuid) + Copy + 'static) -> impl IntoView {
    let text = |get: fn(&Visit) -> String, set: fn(&mut Visit, String)| ed.bind_item(VISITS, id, get, set);
    let (date, set_date) = ed.bind_item(VISITS, id, |v| v.date, |v, x| v.date = x);
    let (by, set_by) = text(|v| v.visited_by.clone(), |v, x| v.visited_by = x);
    let (place, set_place) = text(|v| v.place.clone(), |v, x| v.place = x);
    let (seen, set_seen) = text(|v| v.seen.clone(), |v, x| v.seen = x);
    let (alone, set_alone) = ed.bind_item(
        VISITS,
        id,
        |v| Some(v.seen_alone),
        |v, x: Option<SeenAlone>| v.seen_alone = x.unwrap_or_default(),
    );
    let (wellbeing, set_wellbeing) = text(|v| v.wellbeing.clone(), |v, x| v.wellbeing = x);
    let (services, set_services) = text(|v| v.services_checked.clone(), |v, x| v.services_checked = x);
    let (concerns, set_concerns) = text(|v| v.concerns.clone(), |v, x| v.concerns = x);
    let (follow_up, set_follow_up) = text(|v| v.follow_up.clone(), |v, x| v.follow_up = x);
    let title =
        move || ed.case.with(|c| c.plan.monitoring.visits.get(id).map(|v| visit_title(l, v)).unwrap_or_default());
    let action = move || {
        ed.case.with(|c| {
            c.plan
                .monitoring
                .visits
                .get(id)
                .and_then(|v| v.follow_up_action)
                .filter(|a| c.plan.actions.get(*a).is_some())
        })
    };
    let can_make_action = move || action().is_none() && follow_up.with(|f| !f.trim().is_empty());
    let make_action = move |_| {
        ed.edit(|c| {
            let Some(visit) = c.plan.monitoring.visits.get(id).cloned() else { return };
            let action = visit.as_action();
            let action_id = action.id;
            c.plan.actions.push(action);
            c.plan.monitoring.visits.update(id, |v| v.follow_up_action = Some(action_id));
        });
        focus_id_later(&format!("visit-action-{id}"));
    };
    let key = move |field: &str| format!("visits.{id}.{field}");
    view! {
        <fieldset>
            <legend id=format!("visit-{id}") tabindex="-1">
                {title}
            </legend>
            <DateField
                label=td_string!(l, plan.visits.date)
                field=key("date")
                value=date
                set=set_date
                error=ed.error(key("date"))
            />
            <TextField label=td_string!(l, plan.visits.visited_by) field=key("visited_by") value=by set=set_by />
            <TextField
                label=td_string!(l, plan.visits.place)
                field=key("place")
                value=place
                set=set_place
                hint=td_string!(l, plan.visits.place_hint)
            />
            <TextField
                label=td_string!(l, plan.visits.seen)
                field=key("seen")
                value=seen
                set=set_seen
                hint=td_string!(l, plan.visits.seen_hint)
            />
            <SelectField
                label=td_string!(l, plan.visits.seen_alone)
                field=key("seen_alone")
                value=alone
                set=set_alone
            />
            <TextField
                label=td_string!(l, plan.visits.wellbeing)
                field=key("wellbeing")
                value=wellbeing
                set=set_wellbeing
                multiline=true
            />
            <TextField
                label=td_string!(l, plan.visits.services_checked)
                field=key("services_checked")
                value=services
                set=set_services
                multiline=true
                hint=td_string!(l, plan.visits.services_checked_hint)
            />
            <TextField
                label=td_string!(l, plan.visits.concerns)
                field=key("concerns")
                value=concerns
                set=set_concerns
                multiline=true
            />
            <TextField
                label=td_string!(l, plan.visits.follow_up)
                field=key("follow_up")
                value=follow_up
                set=set_follow_up
                multiline=true
            />
            <div class="item-actions">
                <Show when=can_make_action>
                    <button type="button" class="small" on:click=make_action>
                        {td_string!(l, plan.visits.make_action)}
                    </button>
                </Show>
                {move || {
                    action()
                        .map(|_| {
                            view! {
                                <a
                                    id=format!("visit-action-{id}")
                                    href=Route::Plan {
                                        id: ed.case.with_untracked(|c| c.id),
                                        section: Section::Actions,
                                    }
                                        .href()
                                >
                                    {td_string!(l, plan.visits.is_action)}
                                </a>
                            }
                        })
                }}
                <button
                    type="button"
                    class="small danger"
                    aria-label=move || td_string!(l, plan.visits.remove_label, visit = title()).to_string()
                    on:click=move |_| remove(id)
                >
                    {td_string!(l, plan.visits.remove)}
                </button>
            </div>
        </fieldset>
    }
}
