//! The household and family step (one record per person, through the plan's list editor), and
//! the placement's choice of caregivers among those people.

use leptos::prelude::*;
use uuid::Uuid;

use super::lists::{list_editor, ListKind, Words};
use crate::components::fields::{CheckboxField, DateField, NumberField, SelectField, TextField};
use crate::components::focus::focus_id_later;
use crate::domain::{Caregiving, Person, Relationship, Section, Sex};
use crate::editor::{Editor, ListAccess};
use crate::i18n::{td_string, Locale};
use crate::route::Route;

const HOUSEHOLD: ListAccess<Person> = ListAccess { get: |p| &p.household, get_mut: |p| &mut p.household };

fn person_words(l: Locale, w: Words, n: usize) -> String {
    match w {
        Words::Item => td_string!(l, plan.household.item, n).to_string(),
        Words::Removed => td_string!(l, plan.household.removed, n).to_string(),
        Words::MoveUp => td_string!(l, plan.household.move_up, n).to_string(),
        Words::MoveDown => td_string!(l, plan.household.move_down, n).to_string(),
        Words::Remove => td_string!(l, plan.household.remove, n).to_string(),
        Words::Add => td_string!(l, plan.household.add).to_string(),
        Words::Empty => td_string!(l, plan.household.empty).to_string(),
    }
}

fn person_form(ed: Editor, id: Uuid, l: Locale) -> AnyView {
    let (name, set_name) = ed.bind_item(HOUSEHOLD, id, |p| p.name.clone(), |p, v| p.name = v);
    let (relationship, set_relationship) =
        ed.bind_item(HOUSEHOLD, id, |p| p.relationship, |p, v: Option<Relationship>| p.relationship = v);
    let (sex, set_sex) = ed.bind_item(HOUSEHOLD, id, |p| p.sex, |p, v: Option<Sex>| p.sex = v);
    let (born, set_born) = ed.bind_item(HOUSEHOLD, id, |p| p.birth_date, |p, v| p.birth_date = v);
    let (age, set_age) = ed.bind_item(
        HOUSEHOLD,
        id,
        |p| p.estimated_age.map(u32::from),
        |p, v: Option<u32>| p.estimated_age = v.map(|n| n.min(120) as u8),
    );
    let (lives, set_lives) = ed.bind_item(HOUSEHOLD, id, |p| p.lives_with_child, |p, v| p.lives_with_child = v);
    let (caregiver, set_caregiver) = ed.bind_item(
        HOUSEHOLD,
        id,
        |p| Some(p.caregiver),
        |p, v: Option<Caregiving>| p.caregiver = v.unwrap_or_default(),
    );
    let (contact, set_contact) = ed.bind_item(HOUSEHOLD, id, |p| p.contact.clone(), |p, v| p.contact = v);
    let (notes, set_notes) = ed.bind_item(HOUSEHOLD, id, |p| p.notes.clone(), |p, v| p.notes = v);
    let name_key = format!("household.{id}.name");
    let born_key = format!("household.{id}.birth_date");
    view! {
        <TextField
            label=td_string!(l, plan.household.name)
            field=name_key.clone()
            wraps=true
            value=name
            set=set_name
            error=ed.error(name_key)
        />
        <SelectField
            label=td_string!(l, plan.household.relationship)
            field=format!("household.{id}.relationship")
            value=relationship
            set=set_relationship
            blank=td_string!(l, plan.household.relationship_blank)
        />
        <SelectField
            label=td_string!(l, plan.sections.sex)
            field=format!("household.{id}.sex")
            value=sex
            set=set_sex
            blank=td_string!(l, plan.sections.choose)
        />
        <DateField
            label=td_string!(l, plan.sections.birth_date)
            field=born_key.clone()
            value=born
            set=set_born
            error=ed.error(born_key)
        />
        <NumberField
            label=td_string!(l, plan.sections.estimated_age)
            field=format!("household.{id}.estimated_age")
            value=age
            set=set_age
            max=120
            hint=td_string!(l, plan.sections.estimated_age_hint)
        />
        <CheckboxField
            label=td_string!(l, plan.household.lives_with_child)
            field=format!("household.{id}.lives_with_child")
            value=lives
            set=set_lives
        />
        <SelectField
            label=td_string!(l, plan.household.caregiver)
            field=format!("household.{id}.caregiver")
            value=caregiver
            set=set_caregiver
        />
        <TextField
            label=td_string!(l, plan.household.contact)
            field=format!("household.{id}.contact")
            wraps=true
            value=contact
            set=set_contact
            hint=td_string!(l, plan.household.contact_hint)
        />
        <TextField
            label=td_string!(l, plan.household.notes)
            field=format!("household.{id}.notes")
            value=notes
            set=set_notes
            multiline=true
            hint=td_string!(l, plan.household.notes_hint)
        />
    }
    .into_any()
}

pub fn household_section(ed: Editor, l: Locale) -> impl IntoView {
    list_editor(ed, l, ListKind { access: HOUSEHOLD, key: "household", words: person_words, form: person_form })
}

/// The placement's caregivers, ticked among the household's people; and the caregivers as an
/// earlier version kept them, one text, taken into the household only at the worker's word.
pub fn caregivers_choice(ed: Editor, l: Locale) -> impl IntoView {
    let case_id = ed.case.with_untracked(|c| c.id);
    let household = Route::Plan { id: case_id, section: Section::Household }.href();
    let people = Memo::new(move |_| {
        ed.case.with(|c| {
            c.plan
                .household
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id, crate::vocabulary::person_name(l, p, i + 1)))
                .collect::<Vec<_>>()
        })
    });
    // Decided once per visit of the step, so emptying the box does not take it away mid-edit.
    let written = RwSignal::new(ed.case.with_untracked(|c| !c.plan.placement.caregivers.trim().is_empty()));
    let (text, set_text) = ed.bind(|c| c.plan.placement.caregivers.clone(), |c, v| c.plan.placement.caregivers = v);
    let (relationship, set_relationship) =
        ed.bind(|c| c.plan.placement.relationship.clone(), |c, v| c.plan.placement.relationship = v);
    let taken_in = RwSignal::new(false);
    let take_in = move |_| {
        ed.edit_now(|c| {
            let written = std::mem::take(&mut c.plan.placement.caregivers);
            let relationship = std::mem::take(&mut c.plan.placement.relationship);
            if let Some(id) = c.plan.household.take_in_written_caregivers(&written) {
                c.plan.household.update(id, |p| p.notes = relationship);
            }
        });
        written.set(false);
        taken_in.set(true);
        focus_id_later("caregivers-taken-in");
    };
    view! {
        <fieldset class="field choices">
            <legend>{td_string!(l, plan.sections.caregivers_choose)}</legend>
            <p class="hint">{td_string!(l, plan.sections.caregivers_choose_hint)}</p>
            <Show when=move || people.with(Vec::is_empty)>
                <p class="empty">
                    {td_string!(l, plan.sections.no_household)} " "
                    <a href=household.clone()>{td_string!(l, plan.sections.household_link)}</a>
                </p>
            </Show>
            <For each=move || people.get() key=|p| p.clone() let:person>
                {
                    let (id, name) = person;
                    let chosen = Signal::derive(move || {
                        ed.case.with(|c| c.plan.household.get(id).is_some_and(Person::is_caregiver))
                    });
                    let choose = Callback::new(move |v: bool| {
                        ed.edit(|c| {
                            c.plan.household.choose_caregiver(id, v);
                        })
                    });
                    view! {
                        <CheckboxField label=name field=format!("placement.caregiver.{id}") value=chosen set=choose />
                    }
                }
            </For>
        </fieldset>
        <Show when=move || written.get()>
            <div class="written-before">
                <TextField
                    label=td_string!(l, plan.sections.written_caregivers)
                    field="placement.caregivers"
                    wraps=true
                    value=text
                    set=set_text
                    hint=td_string!(l, plan.sections.written_caregivers_hint)
                />
                <TextField
                    label=td_string!(l, plan.sections.relationship)
                    field="placement.relationship"
                    value=relationship
                    set=set_relationship
                />
                <button type="button" on:click=take_in>
                    {td_string!(l, plan.sections.take_in)}
                </button>
            </div>
        </Show>
        <p
            class="status-line"
            class:derived=move || taken_in.get()
            id="caregivers-taken-in"
            tabindex="-1"
            role="status"
        >
            {move || taken_in.get().then(|| td_string!(l, plan.sections.taken_in))}
        </p>
    }
}
