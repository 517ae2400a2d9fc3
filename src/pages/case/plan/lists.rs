//! The list sections of the plan: protection needs, services, other actions and referrals (and
//! the household, `household.rs`, through the same list editor).
//! Items can be added, edited, moved up or down (urgent ones stay first) and removed.

use chrono::NaiveDate;
use leptos::prelude::*;
use uuid::Uuid;

use crate::components::fields::{field_id, CheckboxField, DateField, SelectField, TextField};
use crate::components::focus::{focus_id_later, focus_later};
use crate::context::today;
use crate::domain::items::{Direction, ListItem, Removed, URGENT_ANSWER_DAYS};
use crate::domain::{Action, ItemStatus, ProtectionNeed, Referral, ReferralStatus, Service, ServiceType};
use crate::editor::{Editor, ListAccess};
use crate::i18n::{td_string, use_i18n, Locale};

const NEEDS: ListAccess<ProtectionNeed> = ListAccess { get: |p| &p.needs, get_mut: |p| &mut p.needs };
const SERVICES: ListAccess<Service> = ListAccess { get: |p| &p.services, get_mut: |p| &mut p.services };
const ACTIONS: ListAccess<Action> = ListAccess { get: |p| &p.actions, get_mut: |p| &mut p.actions };
const REFERRALS: ListAccess<Referral> = ListAccess { get: |p| &p.referrals, get_mut: |p| &mut p.referrals };

/// What differs between the four lists: the item's name and how one item's form looks.
pub(super) struct ListKind<L: 'static> {
    pub access: ListAccess<L>,
    /// Stable key for field ids: `needs`, `services`, …
    pub key: &'static str,
    /// The list's own texts: "Need 2", "Add a need", "Remove: need 2"…
    pub words: fn(Locale, Words, usize) -> String,
    pub form: fn(Editor, Uuid, Locale) -> AnyView,
}

/// The texts each list words in its own way (the item's name, with its grammar, is in them).
#[derive(Clone, Copy)]
pub(super) enum Words {
    Item,
    Removed,
    MoveUp,
    MoveDown,
    Remove,
    Add,
    Empty,
}

fn need_words(l: Locale, w: Words, n: usize) -> String {
    match w {
        Words::Item => td_string!(l, plan.needs.item, n).to_string(),
        Words::Removed => td_string!(l, plan.needs.removed, n).to_string(),
        Words::MoveUp => td_string!(l, plan.needs.move_up, n).to_string(),
        Words::MoveDown => td_string!(l, plan.needs.move_down, n).to_string(),
        Words::Remove => td_string!(l, plan.needs.remove, n).to_string(),
        Words::Add => td_string!(l, plan.needs.add).to_string(),
        Words::Empty => td_string!(l, plan.needs.empty).to_string(),
    }
}

fn service_words(l: Locale, w: Words, n: usize) -> String {
    match w {
        Words::Item => td_string!(l, plan.services.item, n).to_string(),
        Words::Removed => td_string!(l, plan.services.removed, n).to_string(),
        Words::MoveUp => td_string!(l, plan.services.move_up, n).to_string(),
        Words::MoveDown => td_string!(l, plan.services.move_down, n).to_string(),
        Words::Remove => td_string!(l, plan.services.remove, n).to_string(),
        Words::Add => td_string!(l, plan.services.add).to_string(),
        Words::Empty => td_string!(l, plan.services.empty).to_string(),
    }
}

fn action_words(l: Locale, w: Words, n: usize) -> String {
    match w {
        Words::Item => td_string!(l, plan.actions.item, n).to_string(),
        Words::Removed => td_string!(l, plan.actions.removed, n).to_string(),
        Words::MoveUp => td_string!(l, plan.actions.move_up, n).to_string(),
        Words::MoveDown => td_string!(l, plan.actions.move_down, n).to_string(),
        Words::Remove => td_string!(l, plan.actions.remove, n).to_string(),
        Words::Add => td_string!(l, plan.actions.add).to_string(),
        Words::Empty => td_string!(l, plan.actions.empty).to_string(),
    }
}

fn referral_words(l: Locale, w: Words, n: usize) -> String {
    match w {
        Words::Item => td_string!(l, plan.referrals.item, n).to_string(),
        Words::Removed => td_string!(l, plan.referrals.removed, n).to_string(),
        Words::MoveUp => td_string!(l, plan.referrals.move_up, n).to_string(),
        Words::MoveDown => td_string!(l, plan.referrals.move_down, n).to_string(),
        Words::Remove => td_string!(l, plan.referrals.remove, n).to_string(),
        Words::Add => td_string!(l, plan.referrals.add).to_string(),
        Words::Empty => td_string!(l, plan.referrals.empty).to_string(),
    }
}

pub(super) fn list_editor<L: ListItem + Default + Send + Sync + 'static>(
    ed: Editor,
    l: Locale,
    kind: ListKind<L>,
) -> impl IntoView {
    let ListKind { access, key, words, form } = kind;
    let i18n = use_i18n();
    // The removal message follows a switch of language while it is shown.
    let say = move |w: Words, n: usize| words(i18n.get_locale(), w, n);
    let ids = Memo::new(move |_| {
        ed.case.with(|c| (access.get)(&c.plan).in_display_order().iter().map(ListItem::id).collect::<Vec<_>>())
    });
    let add = move |_| {
        let item = L::default();
        let id = item.id();
        ed.wait_for_new(format!("{key}.{id}."));
        ed.edit(|c| (access.get_mut)(&mut c.plan).push(item));
        // Into its first box, ready to type.
        focus_later(format!("#item-{id} ~ .field :is(input, select, textarea)"));
    };
    on_cleanup(move || ed.stop_waiting(key));
    let can_move =
        move |id: Uuid, direction: Direction| ed.case.with(|c| (access.get)(&c.plan).can_move(id, direction));
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
    let removed = RwSignal::new(None::<(usize, Removed<L>)>);
    let remove = move |id: Uuid| {
        let position = ids.with_untracked(|ids| ids.iter().position(|x| *x == id).map_or(0, |i| i + 1));
        let mut taken = None;
        ed.edit(|c| taken = (access.get_mut)(&mut c.plan).remove(id));
        removed.set(taken.map(|t| (position, t)));
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
            <p class="empty">{words(l, Words::Empty, 0)}</p>
        </Show>
        <ol class="items">
            <For each=move || ids.get() key=|id| *id let:id>
                {
                    let n = move || ids.with(|ids| ids.iter().position(|x| *x == id).map_or(0, |i| i + 1));
                    let urgent = move || ed.case.with(|c| (access.get)(&c.plan).get(id).is_some_and(ListItem::urgent));
                    // Keyed by id alone, so an item keeps its DOM (and keyboard focus) when it moves.
                    view! {
                        <li class="item" class:urgent=urgent>
                            <fieldset on:focusout=move |ev| {
                                ed.field_left(event_target::<web_sys::Element>(&ev).id())
                            }>
                                <legend id=format!("item-{id}") tabindex="-1">
                                    {move || say(Words::Item, n())}
                                    <Show when=urgent>
                                        <span class="badge urgent">{td_string!(l, plan.lists.urgent)}</span>
                                    </Show>
                                </legend>
                                {form(ed, id, l)}
                                <div class="item-actions">
                                    <button
                                        type="button"
                                        class="small"
                                        id=format!("up-{id}")
                                        aria-label=move || say(Words::MoveUp, n())
                                        disabled=move || !can_move(id, Direction::Up)
                                        on:click=move |_| move_item(id, Direction::Up)
                                    >
                                        {td_string!(l, plan.lists.move_up)}
                                    </button>
                                    <button
                                        type="button"
                                        class="small"
                                        id=format!("down-{id}")
                                        aria-label=move || say(Words::MoveDown, n())
                                        disabled=move || !can_move(id, Direction::Down)
                                        on:click=move |_| move_item(id, Direction::Down)
                                    >
                                        {td_string!(l, plan.lists.move_down)}
                                    </button>
                                    <button
                                        type="button"
                                        class="small danger"
                                        aria-label=move || say(Words::Remove, n())
                                        on:click=move |_| remove(id)
                                    >
                                        {td_string!(l, plan.lists.remove)}
                                    </button>
                                </div>
                            </fieldset>
                        </li>
                    }
                }
            </For>
        </ol>
        <div class="undo" role="status">
            {move || {
                removed
                    .get()
                    .map(|(position, _)| {
                        view! {
                            <span>{move || say(Words::Removed, position)}</span>
                            " "
                            <button type="button" class="small" id=format!("undo-{key}") on:click=undo>
                                {td_string!(l, plan.lists.undo)}
                            </button>
                        }
                    })
            }}
        </div>
        <button type="button" id=format!("add-{key}") on:click=add>
            {words(l, Words::Add, 0)}
        </button>
    }
}

/// Marking an item urgent moves it to the top; focus goes with it.
fn keep_focus(set: Callback<bool>, field: String) -> Callback<bool> {
    Callback::new(move |v| {
        set.run(v);
        focus_id_later(&field_id(&field));
    })
}

fn status_field<L: ListItem + Default + Send + Sync + 'static>(
    ed: Editor,
    l: Locale,
    access: ListAccess<L>,
    key: &str,
    id: Uuid,
    get: fn(&L) -> ItemStatus,
    set: fn(&mut L, ItemStatus),
) -> impl IntoView {
    let (value, change) = ed.bind_item(
        access,
        id,
        move |item| Some(get(item)),
        move |item, v: Option<ItemStatus>| set(item, v.unwrap_or(ItemStatus::NotStarted)),
    );
    view! { <SelectField label=td_string!(l, plan.lists.status) field=format!("{key}.{id}.status") value set=change /> }
}

fn need_form(ed: Editor, id: Uuid, l: Locale) -> AnyView {
    let (need, set_need) = ed.bind_item(NEEDS, id, |n| n.need.clone(), |n, v| n.need = v);
    let (response, set_response) = ed.bind_item(NEEDS, id, |n| n.response.clone(), |n, v| n.response = v);
    let (who, set_who) = ed.bind_item(NEEDS, id, |n| n.by_whom.clone(), |n, v| n.by_whom = v);
    let (when, set_when) = ed.bind_item(NEEDS, id, |n| n.by_when, |n, v| n.by_when = v);
    let need_key = format!("needs.{id}.need");
    let from = Signal::derive(move || ed.case.with(|c| c.plan.needs.get(id).and_then(|n| n.from)));
    view! {
        {super::assessment::from_line(ed, l, from)}
        <TextField
            label=td_string!(l, plan.needs.need)
            field=need_key.clone()
            wraps=true
            value=need
            set=set_need
            required=true
            error=ed.error(need_key)
        />
        <TextField
            label=td_string!(l, plan.needs.response)
            field=format!("needs.{id}.response")
            value=response
            set=set_response
            multiline=true
        />
        <TextField
            label=td_string!(l, plan.needs.by_whom)
            field=format!("needs.{id}.by_whom")
            value=who
            set=set_who
            suggestions=ed.people
        />
        <DateField
            label=td_string!(l, plan.lists.by_when)
            field=format!("needs.{id}.by_when")
            value=when
            set=set_when
        />
        {status_field(ed, l, NEEDS, "needs", id, |n| n.status, |n, s| n.status = s)}
    }
    .into_any()
}

fn service_form(ed: Editor, id: Uuid, l: Locale) -> AnyView {
    let (kind, set_kind) = ed.bind_item(
        SERVICES,
        id,
        |s| Some(s.kind),
        |s, v: Option<ServiceType>| s.kind = v.unwrap_or(ServiceType::Other),
    );
    let (description, set_description) =
        ed.bind_item(SERVICES, id, |s| s.description.clone(), |s, v| s.description = v);
    let (provider, set_provider) = ed.bind_item(SERVICES, id, |s| s.provider.clone(), |s, v| s.provider = v);
    let (location, set_location) = ed.bind_item(SERVICES, id, |s| s.location.clone(), |s, v| s.location = v);
    let (when, set_when) = ed.bind_item(SERVICES, id, |s| s.by_when, |s, v| s.by_when = v);
    let (urgent, set_urgent) = ed.bind_item(SERVICES, id, |s| s.urgent, |s, v| s.urgent = v);
    let set_urgent = keep_focus(set_urgent, format!("services.{id}.urgent"));
    let description_key = format!("services.{id}.description");
    let from = Signal::derive(move || ed.case.with(|c| c.plan.services.get(id).and_then(|s| s.from)));
    view! {
        {super::assessment::from_line(ed, l, from)}
        <SelectField
            label=td_string!(l, plan.services.kind)
            field=format!("services.{id}.kind")
            value=kind
            set=set_kind
        />
        <TextField
            label=td_string!(l, plan.services.description)
            field=description_key.clone()
            wraps=true
            value=description
            set=set_description
            error=ed.error(description_key)
            hint=td_string!(l, plan.services.description_hint)
        />
        <TextField
            label=td_string!(l, plan.services.provider)
            field=format!("services.{id}.provider")
            value=provider
            set=set_provider
        />
        <TextField
            label=td_string!(l, plan.services.location)
            field=format!("services.{id}.location")
            value=location
            set=set_location
        />
        <DateField
            label=td_string!(l, plan.lists.by_when)
            field=format!("services.{id}.by_when")
            value=when
            set=set_when
        />
        <CheckboxField
            label=td_string!(l, plan.services.urgent)
            field=format!("services.{id}.urgent")
            value=urgent
            set=set_urgent
        />
        {status_field(ed, l, SERVICES, "services", id, |s| s.status, |s, v| s.status = v)}
    }
    .into_any()
}

fn action_form(ed: Editor, id: Uuid, l: Locale) -> AnyView {
    let (what, set_what) = ed.bind_item(ACTIONS, id, |a| a.what.clone(), |a, v| a.what = v);
    let (who, set_who) = ed.bind_item(ACTIONS, id, |a| a.responsible.clone(), |a, v| a.responsible = v);
    let (when, set_when) = ed.bind_item(ACTIONS, id, |a| a.by_when, |a, v| a.by_when = v);
    let what_key = format!("actions.{id}.what");
    view! {
        <TextField
            label=td_string!(l, plan.actions.what)
            field=what_key.clone()
            wraps=true
            value=what
            set=set_what
            required=true
            error=ed.error(what_key)
        />
        <TextField
            label=td_string!(l, plan.actions.responsible)
            field=format!("actions.{id}.responsible")
            value=who
            set=set_who
            suggestions=ed.people
        />
        <DateField
            label=td_string!(l, plan.lists.by_when)
            field=format!("actions.{id}.by_when")
            value=when
            set=set_when
        />
        {status_field(ed, l, ACTIONS, "actions", id, |a| a.status, |a, v| a.status = v)}
    }
    .into_any()
}

fn referral_form(ed: Editor, id: Uuid, l: Locale) -> AnyView {
    let (to, set_to) = ed.bind_item(REFERRALS, id, |r| r.to.clone(), |r, v| r.to = v);
    let (reason, set_reason) = ed.bind_item(REFERRALS, id, |r| r.reason.clone(), |r, v| r.reason = v);
    let (kind, set_kind) = ed.bind_item(REFERRALS, id, |r| r.kind, |r, v: Option<ServiceType>| r.kind = v);
    let (date, set_date) = ed.bind_item(REFERRALS, id, |r| r.date, |r, v| r.date = v);
    let (urgent, set_urgent) = ed.bind_item(REFERRALS, id, |r| r.urgent, |r, v| r.urgent = v);
    let set_urgent = keep_focus(set_urgent, format!("referrals.{id}.urgent"));
    let (status, set_status) = ed.bind_item(
        REFERRALS,
        id,
        |r| Some(r.status),
        |r, v: Option<ReferralStatus>| r.set_status(v.unwrap_or(ReferralStatus::Planned), today()),
    );
    // The day of the status, today unless the worker records it later.
    let (since, set_since) = ed.bind_item(
        REFERRALS,
        id,
        |r| r.status_since(),
        |r, v: Option<NaiveDate>| r.set_status_since(v.unwrap_or_else(today)),
    );
    let since_key = format!("referrals.{id}.status_since");
    let (feedback, set_feedback) = ed.bind_item(REFERRALS, id, |r| r.feedback.clone(), |r, v| r.feedback = v);
    let (feedback_on, set_feedback_on) = ed.bind_item(REFERRALS, id, |r| r.feedback_on, |r, v| r.feedback_on = v);
    let referral = move || ed.case.with(|c| c.plan.referrals.get(id).cloned());
    let steps = move || referral().map(|r| crate::vocabulary::referral_status_trail(l, &r)).filter(|s| !s.is_empty());
    let unanswered = move || referral().and_then(|r| r.days_unanswered(today()));
    let to_key = format!("referrals.{id}.to");
    view! {
        <TextField
            label=td_string!(l, plan.referrals.to)
            field=to_key.clone()
            wraps=true
            value=to
            set=set_to
            required=true
            error=ed.error(to_key)
            hint=td_string!(l, plan.referrals.to_hint)
        />
        <SelectField
            label=td_string!(l, plan.referrals.kind)
            field=format!("referrals.{id}.kind")
            value=kind
            set=set_kind
            blank=td_string!(l, plan.referrals.kind_blank)
        />
        <TextField
            label=td_string!(l, plan.referrals.reason)
            field=format!("referrals.{id}.reason")
            value=reason
            set=set_reason
            multiline=true
        />
        <DateField
            label=td_string!(l, plan.referrals.date)
            field=format!("referrals.{id}.date")
            value=date
            set=set_date
        />
        <CheckboxField
            label=td_string!(l, plan.referrals.urgent)
            field=format!("referrals.{id}.urgent")
            value=urgent
            set=set_urgent
        />
        <SelectField
            label=td_string!(l, plan.referrals.status)
            field=format!("referrals.{id}.status")
            value=status
            set=set_status
        />
        <Show when=move || status.get().is_some_and(|s| s != ReferralStatus::Planned)>
            <DateField
                label=td_string!(l, plan.referrals.status_since)
                field=since_key.clone()
                value=since
                set=set_since
                error=ed.error(since_key.clone())
                hint=td_string!(l, plan.referrals.status_since_hint)
            />
        </Show>
        {move || {
            steps()
                .map(|s| {
                    view! {
                        <p class="hint referral-steps">
                            {td_string!(l, plan.referrals.status_so_far, trail = s).to_string()}
                        </p>
                    }
                })
        }}
        {super::consent_warning::referral_consent_warning(ed, l, id)}
        {move || {
            unanswered()
                .map(|days| {
                    view! {
                        <p class="flag" role="status">
                            {td_string!(l, plan.referrals.unanswered, days, limit = URGENT_ANSWER_DAYS).to_string()}
                        </p>
                    }
                })
        }}
        <TextField
            label=td_string!(l, plan.referrals.feedback)
            field=format!("referrals.{id}.feedback")
            value=feedback
            set=set_feedback
            multiline=true
            hint=td_string!(l, plan.referrals.feedback_hint)
        />
        <DateField
            label=td_string!(l, plan.referrals.feedback_on)
            field=format!("referrals.{id}.feedback_on")
            value=feedback_on
            set=set_feedback_on
        />
    }
    .into_any()
}

pub fn needs_section(ed: Editor, l: Locale) -> impl IntoView {
    list_editor(ed, l, ListKind { access: NEEDS, key: "needs", words: need_words, form: need_form })
}

pub fn services_section(ed: Editor, l: Locale) -> impl IntoView {
    list_editor(ed, l, ListKind { access: SERVICES, key: "services", words: service_words, form: service_form })
}

pub fn actions_section(ed: Editor, l: Locale) -> impl IntoView {
    list_editor(ed, l, ListKind { access: ACTIONS, key: "actions", words: action_words, form: action_form })
}

pub fn referrals_section(ed: Editor, l: Locale) -> impl IntoView {
    list_editor(ed, l, ListKind { access: REFERRALS, key: "referrals", words: referral_words, form: referral_form })
}
