//! The monitoring visit log. A visit is written in a draft and logged with "Save visit", which
//! moves the next one's due date; logged visits are listed compactly, newest first, each opened
//! with Edit. A follow-up can become an action of the plan.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::confirm::ConfirmDialog;
use crate::components::fields::{field_id, DateField, SelectField, TextField};
use crate::components::focus::focus_id_later;
use crate::context::today;
use crate::domain::items::{ListItem, Removed};
use crate::domain::monitoring::{SeenAlone, Visit};
use crate::domain::validation::visit_date_problem;
use crate::domain::{Problem, Section};
use crate::editor::{Editor, ListAccess};
use crate::i18n::{td_string, use_i18n, Locale, Translate};
use crate::route::Route;
use crate::vocabulary::{problem_message, visit_title};

const VISITS: ListAccess<Visit> = ListAccess { get: |p| &p.monitoring.visits, get_mut: |p| &mut p.monitoring.visits };
const DRAFT: &str = "visit_draft";

/// Where a visit's fields are read and written: a logged visit of the case, or the draft.
#[derive(Clone, Copy)]
enum VisitAt {
    Logged(Editor, Uuid),
    Draft(RwSignal<Option<Visit>>),
}

impl VisitAt {
    fn bind<T: Clone + Default + Send + Sync + 'static>(
        self,
        get: fn(&Visit) -> T,
        set: fn(&mut Visit, T),
    ) -> (Signal<T>, Callback<T>) {
        match self {
            Self::Logged(ed, id) => ed.bind_item(VISITS, id, get, set),
            Self::Draft(draft) => (
                Signal::derive(move || draft.with(|d| d.as_ref().map(get).unwrap_or_default())),
                Callback::new(move |v| {
                    draft.update(|d| {
                        if let Some(visit) = d {
                            set(visit, v);
                        }
                    })
                }),
            ),
        }
    }

    /// A field's key: `visits.<id>.date`, or `visit_draft.date`.
    fn key(self, field: &str) -> String {
        match self {
            Self::Logged(_, id) => format!("visits.{id}.{field}"),
            Self::Draft(_) => format!("{DRAFT}.{field}"),
        }
    }
}

pub fn visit_log(ed: Editor, l: Locale) -> impl IntoView {
    let i18n = use_i18n();
    // Latest logged first. Not sorted by date: a date being typed passes through odd values,
    // and a visit jumping about would take the keyboard focus with it.
    let ids = Memo::new(move |_| {
        ed.case.with(|c| c.plan.monitoring.visits.0.iter().rev().map(ListItem::id).collect::<Vec<_>>())
    });
    let editing = RwSignal::new(None::<Uuid>);
    let removed = RwSignal::new(None::<Removed<Visit>>);
    let remove = move |id: Uuid| {
        let mut taken = None;
        ed.edit(|c| taken = c.plan.monitoring.visits.remove(id));
        removed.set(taken);
        editing.set(None);
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
            {draft_visit(ed, l)}
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
            <ol class="visits">
                <For each=move || ids.get() key=|id| *id let:id>
                    <li class="visit">
                        {move || {
                            if editing.get() == Some(id) {
                                visit_form(ed, id, l, editing, remove).into_any()
                            } else {
                                visit_summary(ed, id, l, editing).into_any()
                            }
                        }}
                    </li>
                </For>
            </ol>
        </section>
    }
}

/// "Log a visit", then the new visit's form with Save visit and Cancel.
fn draft_visit(ed: Editor, l: Locale) -> impl IntoView {
    let i18n = use_i18n();
    let draft = ed.visit_draft;
    let date_problem = RwSignal::new(None::<Problem>);
    let throw_away = RwSignal::new(false);
    let begin = move |_| {
        let visit = ed.case.with_untracked(|c| Visit::new(today(), &c.plan.worker.name));
        date_problem.set(None);
        draft.set(Some(visit));
        focus_id_later(&field_id(&format!("{DRAFT}.date")));
    };
    let close = move || {
        draft.set(None);
        focus_id_later("log-a-visit");
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(visit) = draft.get_untracked() else { return };
        if let Some(kind) = visit_date_problem(&visit, today()) {
            date_problem.set(Some(Problem::new(Section::Monitoring, format!("{DRAFT}.date"), kind)));
            focus_id_later(&field_id(&format!("{DRAFT}.date")));
            return;
        }
        let id = visit.id;
        ed.edit(|c| c.plan.monitoring.visits.push(visit));
        draft.set(None);
        focus_id_later(&format!("visit-{id}"));
    };
    let cancel = move |_| {
        if draft.with_untracked(|d| d.as_ref().is_some_and(Visit::has_notes)) {
            throw_away.set(true);
        } else {
            close();
        }
    };
    let at = VisitAt::Draft(draft);
    let date_error = Signal::derive(move || date_problem.get().map(|p| problem_message(i18n.get_locale(), &p)));
    view! {
        <Show
            when=move || draft.with(Option::is_some)
            fallback=move || {
                view! {
                    <button type="button" class="primary" id="log-a-visit" on:click=begin>
                        {td_string!(l, plan.visits.log_a_visit)}
                    </button>
                }
            }
        >
            <form class="visit-draft" aria-labelledby="visit-draft-title" novalidate on:submit=save>
                <h4 id="visit-draft-title">{td_string!(l, plan.visits.new_visit)}</h4>
                {visit_fields(at, l, date_error)}
                <div class="actions">
                    <button type="submit" class="primary">
                        {td_string!(l, plan.visits.save)}
                    </button>
                    <button type="button" on:click=cancel>
                        {td_string!(l, plan.visits.cancel)}
                    </button>
                </div>
            </form>
        </Show>
        <ConfirmDialog
            open=throw_away
            title=Signal::derive(move || td_string!(i18n.get_locale(), plan.visits.throw_away_title).to_string())
            message=Signal::derive(move || td_string!(i18n.get_locale(), plan.visits.throw_away_message).to_string())
            confirm_label=Signal::derive(move || td_string!(i18n.get_locale(), plan.visits.throw_away).to_string())
            on_confirm=Callback::new(move |()| close())
        />
    }
}

/// A logged visit in a few lines: its day, who visited where, the concerns and the follow-up.
fn visit_summary(ed: Editor, id: Uuid, l: Locale, editing: RwSignal<Option<Uuid>>) -> impl IntoView {
    let visit = move || ed.case.with(|c| c.plan.monitoring.visits.get(id).cloned()).unwrap_or_default();
    let title = move || visit_title(l, &visit());
    let who_where = move || {
        let v = visit();
        let alone = (v.seen_alone != SeenAlone::default())
            .then(|| td_string!(l, plan.visits.seen_alone_was, answer = v.seen_alone.in_locale(l)).to_string());
        [v.visited_by.trim().to_string(), v.place.trim().to_string()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .chain(alone)
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let line = move |label: &'static str, text: String| {
        (!text.trim().is_empty()).then(|| {
            view! {
                <p class="visit-line">
                    <span class="visit-label">{label}</span>
                    " "
                    {text}
                </p>
            }
        })
    };
    view! {
        <h4 id=format!("visit-{id}") tabindex="-1">
            {title}
        </h4>
        <p class="hint">{who_where}</p>
        {move || line(td_string!(l, plan.visits.concerns_label), visit().concerns)}
        {move || line(td_string!(l, plan.visits.follow_up_label), visit().follow_up)}
        <div class="item-actions">
            {follow_up_action(ed, id, l)}
            <button
                type="button"
                class="small"
                aria-label=move || td_string!(l, plan.visits.edit_label, visit = title()).to_string()
                on:click=move |_| {
                    editing.set(Some(id));
                    focus_id_later(&format!("visit-{id}"));
                }
            >
                {td_string!(l, plan.visits.edit)}
            </button>
        </div>
    }
}

/// "Add the follow-up to the plan's actions", or the link to the action it became.
fn follow_up_action(ed: Editor, id: Uuid, l: Locale) -> impl IntoView {
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
    let follow_up = move || ed.case.with(|c| c.plan.monitoring.visits.get(id).map(|v| v.follow_up.clone()));
    let can_make_action = move || action().is_none() && follow_up().is_some_and(|f| !f.trim().is_empty());
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
    view! {
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
    }
}

/// A logged visit open for editing: every field, saved as typed; Done closes it.
fn visit_form(
    ed: Editor,
    id: Uuid,
    l: Locale,
    editing: RwSignal<Option<Uuid>>,
    remove: impl Fn(Uuid) + Copy + 'static,
) -> impl IntoView {
    let title =
        move || ed.case.with(|c| c.plan.monitoring.visits.get(id).map(|v| visit_title(l, v)).unwrap_or_default());
    let at = VisitAt::Logged(ed, id);
    view! {
        <fieldset>
            <legend id=format!("visit-{id}") tabindex="-1">
                {title}
            </legend>
            {visit_fields(at, l, ed.error(at.key("date")))}
            <div class="item-actions">
                {follow_up_action(ed, id, l)}
                <button
                    type="button"
                    class="small primary"
                    on:click=move |_| {
                        editing.set(None);
                        focus_id_later(&format!("visit-{id}"));
                    }
                >
                    {td_string!(l, plan.visits.done)}
                </button>
            </div>
            <div class="item-actions remove-apart">
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

/// The fields of a visit, where it is written.
fn visit_fields(at: VisitAt, l: Locale, date_error: Signal<Option<String>>) -> impl IntoView {
    let (date, set_date) = at.bind(|v| v.date, |v, x| v.date = x);
    let (by, set_by) = at.bind(|v| v.visited_by.clone(), |v, x| v.visited_by = x);
    let (place, set_place) = at.bind(|v| v.place.clone(), |v, x| v.place = x);
    let (seen, set_seen) = at.bind(|v| v.seen.clone(), |v, x| v.seen = x);
    let (alone, set_alone) =
        at.bind(|v| Some(v.seen_alone), |v, x: Option<SeenAlone>| v.seen_alone = x.unwrap_or_default());
    let (wellbeing, set_wellbeing) = at.bind(|v| v.wellbeing.clone(), |v, x| v.wellbeing = x);
    let (services, set_services) = at.bind(|v| v.services_checked.clone(), |v, x| v.services_checked = x);
    let (concerns, set_concerns) = at.bind(|v| v.concerns.clone(), |v, x| v.concerns = x);
    let (follow_up, set_follow_up) = at.bind(|v| v.follow_up.clone(), |v, x| v.follow_up = x);
    view! {
        <DateField
            label=td_string!(l, plan.visits.date)
            field=at.key("date")
            value=date
            set=set_date
            error=date_error
        />
        <TextField label=td_string!(l, plan.visits.visited_by) field=at.key("visited_by") value=by set=set_by />
        <TextField
            label=td_string!(l, plan.visits.place)
            field=at.key("place")
            wraps=true
            value=place
            set=set_place
            hint=td_string!(l, plan.visits.place_hint)
        />
        <TextField
            label=td_string!(l, plan.visits.seen)
            field=at.key("seen")
            wraps=true
            value=seen
            set=set_seen
            hint=td_string!(l, plan.visits.seen_hint)
        />
        <SelectField label=td_string!(l, plan.visits.seen_alone) field=at.key("seen_alone") value=alone set=set_alone />
        <TextField
            label=td_string!(l, plan.visits.wellbeing)
            field=at.key("wellbeing")
            value=wellbeing
            set=set_wellbeing
            multiline=true
        />
        <TextField
            label=td_string!(l, plan.visits.services_checked)
            field=at.key("services_checked")
            value=services
            set=set_services
            multiline=true
            hint=td_string!(l, plan.visits.services_checked_hint)
        />
        <TextField
            label=td_string!(l, plan.visits.concerns)
            field=at.key("concerns")
            value=concerns
            set=set_concerns
            multiline=true
        />
        <TextField
            label=td_string!(l, plan.visits.follow_up)
            field=at.key("follow_up")
            value=follow_up
            set=set_follow_up
            multiline=true
        />
    }
}
