//! The list sections of the plan: protection needs, services, other actions and referrals.
//! Items can be added, edited, moved up or down (urgent ones stay first) and removed.

use leptos::prelude::*;
use uuid::Uuid;

use super::editor::{Editor, ListAccess};
use crate::components::fields::{field_id, CheckboxField, DateField, SelectField, TextField};
use crate::components::focus::focus_id_later;
use crate::domain::items::{Direction, ListItem, Removed, URGENT_ANSWER_DAYS};
use super::editor::today;
use crate::domain::{Action, ItemStatus, ProtectionNeed, Referral, ReferralStatus, Service, ServiceType};

const NEEDS: ListAccess<ProtectionNeed> = ListAccess { get: |p| &p.needs, get_mut: |p| &mut p.needs };
const SERVICES: ListAccess<Service> = ListAccess { get: |p| &p.services, get_mut: |p| &mut p.services };
const ACTIONS: ListAccess<Action> = ListAccess { get: |p| &p.actions, get_mut: |p| &mut p.actions };
const REFERRALS: ListAccess<Referral> = ListAccess { get: |p| &p.referrals, get_mut: |p| &mut p.referrals };

/// What differs between the four lists: the item's name and how one item's form looks.
struct ListKind<L: 'static> {
    access: ListAccess<L>,
    /// Stable key for field ids: `needs`, `services`, …
    key: &'static str,
    /// "need", "service", … as read in "Add a need", "Remove need 2".
    noun: &'static str,
    add_label: &'static str,
    empty: &'static str,
    form: fn(Editor, Uuid) -> AnyView,
}

fn list_editor<L: ListItem + Default + Send + Sync + 'static>(ed: Editor, kind: ListKind<L>) -> impl IntoView {
    let ListKind { access, key, noun, add_label, empty, form } = kind;
    let ids = Memo::new(move |_| ed.case.with(|c| (access.get)(&c.plan).in_display_order().iter().map(ListItem::id).collect::<Vec<_>>()));
    let add = move |_| {
        let item = L::default();
        let id = item.id();
        ed.edit(|c| (access.get_mut)(&mut c.plan).push(item));
        focus_id_later(&format!("item-{id}"));
    };
    let can_move = move |id: Uuid, direction: Direction| ed.case.with(|c| (access.get)(&c.plan).can_move(id, direction));
    let move_item = move |id: Uuid, direction: Direction| {
        ed.edit(|c| {
            (access.get_mut)(&mut c.plan).move_item(id, direction);
        });
        // Stay on the same button while it can go on moving; at the end, on the item itself.
        let button = if direction == Direction::Up { "up" } else { "down" };
        let target = if can_move(id, direction) { format!("{button}-{id}") } else { format!("item-{id}") };
        focus_id_later(&target);
    };
    // The last removal, so a slip of the finger can be undone.
    let removed = RwSignal::new(None::<(String, Removed<L>)>);
    let remove = move |id: Uuid| {
        let position = ids.with_untracked(|ids| ids.iter().position(|x| *x == id).map_or(0, |i| i + 1));
        let mut taken = None;
        ed.edit(|c| taken = (access.get_mut)(&mut c.plan).remove(id));
        removed.set(taken.map(|t| (format!("{} {position} removed.", capitalise(noun)), t)));
        focus_id_later(&format!("undo-{key}"));
    };
    let undo = move |_| {
        if let Some((_, item)) = removed.get_untracked() {
            let id = item.item.id();
            ed.edit(|c| (access.get_mut)(&mut c.plan).restore(item));
            removed.set(None);
            focus_id_later(&format!("item-{id}"));
        }
    };
    view! {
        <Show when=move || ids.with(Vec::is_empty)>
            <p class="empty">{empty}</p>
        </Show>
        <ol class="items">
            <For each=move || ids.get() key=|id| *id let:id>
                {
                    // Keyed by id alone, so an item keeps its DOM (and keyboard focus) when it moves.
                    let n = move || ids.with(|ids| ids.iter().position(|x| *x == id).map_or(0, |i| i + 1));
                    let urgent = move || ed.case.with(|c| (access.get)(&c.plan).get(id).is_some_and(ListItem::urgent));
                    view! {
                        <li class="item" class:urgent=urgent>
                            <fieldset>
                                <legend id=format!("item-{id}") tabindex="-1">
                                    {capitalise(noun)} " " {n}
                                    <Show when=urgent><span class="badge urgent">"Urgent"</span></Show>
                                </legend>
                                {form(ed, id)}
                                <div class="item-actions">
                                    <button type="button" class="small" id=format!("up-{id}") aria-label=move || format!("Move up: {noun} {}", n())
                                        disabled=move || !can_move(id, Direction::Up) on:click=move |_| move_item(id, Direction::Up)>"Move up"</button>
                                    <button type="button" class="small" id=format!("down-{id}") aria-label=move || format!("Move down: {noun} {}", n())
                                        disabled=move || !can_move(id, Direction::Down) on:click=move |_| move_item(id, Direction::Down)>"Move down"</button>
                                    <button type="button" class="small danger" aria-label=move || format!("Remove: {noun} {}", n())
                                        on:click=move |_| remove(id)>"Remove"</button>
                                </div>
                            </fieldset>
                        </li>
                    }
                }
            </For>
        </ol>
        <div class="undo" role="status">
            {move || removed.get().map(|(message, _)| view! {
                <span>{message}</span>
                " "
                <button type="button" class="small" id=format!("undo-{key}") on:click=undo>"Undo"</button>
            })}
        </div>
        <button type="button" id=format!("add-{key}") on:click=add>{add_label}</button>
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Marking an item urgent moves it to the top; focus goes with it.
fn keep_focus(set: Callback<bool>, field: String) -> Callback<bool> {
    Callback::new(move |v| {
        set.run(v);
        focus_id_later(&field_id(&field));
    })
}

fn status_field<L: ListItem + Default + Send + Sync + 'static>(ed: Editor, access: ListAccess<L>, key: &str, id: Uuid, get: fn(&L) -> ItemStatus, set: fn(&mut L, ItemStatus)) -> impl IntoView {
    let (value, change) = ed.bind_item(access, id, move |item| Some(get(item)), move |item, v: Option<ItemStatus>| set(item, v.unwrap_or(ItemStatus::NotStarted)));
    view! { <SelectField label="Status" field=format!("{key}.{id}.status") value set=change /> }
}

fn need_form(ed: Editor, id: Uuid) -> AnyView {
    let (need, set_need) = ed.bind_item(NEEDS, id, |n| n.need.clone(), |n, v| n.need = v);
    let (response, set_response) = ed.bind_item(NEEDS, id, |n| n.response.clone(), |n, v| n.response = v);
    let (who, set_who) = ed.bind_item(NEEDS, id, |n| n.by_whom.clone(), |n, v| n.by_whom = v);
    let (when, set_when) = ed.bind_item(NEEDS, id, |n| n.by_when, |n, v| n.by_when = v);
    let need_key = format!("needs.{id}.need");
    view! {
        <TextField label="Protection need" field=need_key.clone() value=need set=set_need required=true error=ed.error(need_key) />
        <TextField label="How it will be addressed" field=format!("needs.{id}.response") value=response set=set_response multiline=true />
        <TextField label="By whom" field=format!("needs.{id}.by_whom") value=who set=set_who />
        <DateField label="By when" field=format!("needs.{id}.by_when") value=when set=set_when />
        {status_field(ed, NEEDS, "needs", id, |n| n.status, |n, s| n.status = s)}
    }
    .into_any()
}

fn service_form(ed: Editor, id: Uuid) -> AnyView {
    let (kind, set_kind) = ed.bind_item(SERVICES, id, |s| Some(s.kind), |s, v: Option<ServiceType>| s.kind = v.unwrap_or(ServiceType::Other));
    let (description, set_description) = ed.bind_item(SERVICES, id, |s| s.description.clone(), |s, v| s.description = v);
    let (provider, set_provider) = ed.bind_item(SERVICES, id, |s| s.provider.clone(), |s, v| s.provider = v);
    let (location, set_location) = ed.bind_item(SERVICES, id, |s| s.location.clone(), |s, v| s.location = v);
    let (when, set_when) = ed.bind_item(SERVICES, id, |s| s.by_when, |s, v| s.by_when = v);
    let (urgent, set_urgent) = ed.bind_item(SERVICES, id, |s| s.urgent, |s, v| s.urgent = v);
    let set_urgent = keep_focus(set_urgent, format!("services.{id}.urgent"));
    let description_key = format!("services.{id}.description");
    view! {
        <SelectField label="Type of service" field=format!("services.{id}.kind") value=kind set=set_kind />
        <TextField label="Service" field=description_key.clone() value=description set=set_description error=ed.error(description_key)
            hint="What the child will receive, for example: dental check, school enrolment." />
        <TextField label="Provider" field=format!("services.{id}.provider") value=provider set=set_provider />
        <TextField label="Where" field=format!("services.{id}.location") value=location set=set_location />
        <DateField label="By when" field=format!("services.{id}.by_when") value=when set=set_when />
        <CheckboxField label="Urgent: the child needs this quickly" field=format!("services.{id}.urgent") value=urgent set=set_urgent />
        {status_field(ed, SERVICES, "services", id, |s| s.status, |s, v| s.status = v)}
    }
    .into_any()
}

fn action_form(ed: Editor, id: Uuid) -> AnyView {
    let (what, set_what) = ed.bind_item(ACTIONS, id, |a| a.what.clone(), |a, v| a.what = v);
    let (who, set_who) = ed.bind_item(ACTIONS, id, |a| a.responsible.clone(), |a, v| a.responsible = v);
    let (when, set_when) = ed.bind_item(ACTIONS, id, |a| a.by_when, |a, v| a.by_when = v);
    let what_key = format!("actions.{id}.what");
    view! {
        <TextField label="Action" field=what_key.clone() value=what set=set_what required=true error=ed.error(what_key) />
        <TextField label="Who is responsible" field=format!("actions.{id}.responsible") value=who set=set_who />
        <DateField label="By when" field=format!("actions.{id}.by_when") value=when set=set_when />
        {status_field(ed, ACTIONS, "actions", id, |a| a.status, |a, v| a.status = v)}
    }
    .into_any()
}

fn referral_form(ed: Editor, id: Uuid) -> AnyView {
    let (to, set_to) = ed.bind_item(REFERRALS, id, |r| r.to.clone(), |r, v| r.to = v);
    let (reason, set_reason) = ed.bind_item(REFERRALS, id, |r| r.reason.clone(), |r, v| r.reason = v);
    let (date, set_date) = ed.bind_item(REFERRALS, id, |r| r.date, |r, v| r.date = v);
    let (urgent, set_urgent) = ed.bind_item(REFERRALS, id, |r| r.urgent, |r, v| r.urgent = v);
    let set_urgent = keep_focus(set_urgent, format!("referrals.{id}.urgent"));
    let (status, set_status) = ed.bind_item(REFERRALS, id, |r| Some(r.status), |r, v: Option<ReferralStatus>| r.set_status(v.unwrap_or(ReferralStatus::Planned), today()));
    let (feedback, set_feedback) = ed.bind_item(REFERRALS, id, |r| r.feedback.clone(), |r, v| r.feedback = v);
    let (feedback_on, set_feedback_on) = ed.bind_item(REFERRALS, id, |r| r.feedback_on, |r, v| r.feedback_on = v);
    let referral = move || ed.case.with(|c| c.plan.referrals.get(id).cloned());
    let steps = move || referral().map(|r| r.status_trail()).filter(|s| !s.is_empty());
    let unanswered = move || referral().and_then(|r| r.days_unanswered(today()));
    let to_key = format!("referrals.{id}.to");
    view! {
        <TextField label="Referred to" field=to_key.clone() value=to set=set_to required=true error=ed.error(to_key)
            hint="The service or agency." />
        <TextField label="Reason" field=format!("referrals.{id}.reason") value=reason set=set_reason multiline=true />
        <DateField label="Referral date" field=format!("referrals.{id}.date") value=date set=set_date />
        <CheckboxField label="Urgent referral" field=format!("referrals.{id}.urgent") value=urgent set=set_urgent />
        <SelectField label="Referral status" field=format!("referrals.{id}.status") value=status set=set_status />
        {move || steps().map(|s| view! { <p class="hint referral-steps">"Status so far: " {s}</p> })}
        {move || unanswered().map(|days| view! {
            <p class="flag" role="status">{format!("Urgent referral without an answer for {days} days (more than {URGENT_ANSWER_DAYS}). Follow it up with the service.")}</p>
        })}
        <TextField label="Feedback received" field=format!("referrals.{id}.feedback") value=feedback set=set_feedback multiline=true
            hint="What the service said: accepted, waiting list, outcome of the first appointment…" />
        <DateField label="Feedback received on" field=format!("referrals.{id}.feedback_on") value=feedback_on set=set_feedback_on />
    }
    .into_any()
}

pub fn needs_section(ed: Editor) -> impl IntoView {
    list_editor(ed, ListKind { access: NEEDS, key: "needs", noun: "need", add_label: "Add a need", empty: "No protection needs recorded yet.", form: need_form })
}

pub fn services_section(ed: Editor) -> impl IntoView {
    list_editor(ed, ListKind { access: SERVICES, key: "services", noun: "service", add_label: "Add a service", empty: "No services planned yet.", form: service_form })
}

pub fn actions_section(ed: Editor) -> impl IntoView {
    list_editor(ed, ListKind { access: ACTIONS, key: "actions", noun: "action", add_label: "Add an action", empty: "No other actions planned yet.", form: action_form })
}

pub fn referrals_section(ed: Editor) -> impl IntoView {
    list_editor(ed, ListKind { access: REFERRALS, key: "referrals", noun: "referral", add_label: "Add a referral", empty: "No referrals made yet.", form: referral_form })
}
