//! The safety plan step: risks and warning signs, what the caregivers agreed to do, the people
//! and places the child can turn to (one record each, through the plan's list editor), who checks
//! it, when it was agreed and when it is reviewed; and where its milestone stands.

use leptos::prelude::*;
use uuid::Uuid;

use super::lists::{list_editor, ListKind, Words};
use crate::components::fields::{DateField, TextField};
use crate::domain::checklist::{Milestone, MilestoneStatus};
use crate::domain::SafeContact;
use crate::editor::{Editor, ListAccess};
use crate::i18n::{td_string, Locale, Translate};
use crate::route::Route;

const CONTACTS: ListAccess<SafeContact> =
    ListAccess { get: |p| &p.safety_plan.contacts, get_mut: |p| &mut p.safety_plan.contacts };

fn contact_words(l: Locale, w: Words, n: usize) -> String {
    match w {
        Words::Item => td_string!(l, plan.safety_plan.contact, n).to_string(),
        Words::Removed => td_string!(l, plan.safety_plan.contact_removed, n).to_string(),
        Words::MoveUp => td_string!(l, plan.safety_plan.contact_move_up, n).to_string(),
        Words::MoveDown => td_string!(l, plan.safety_plan.contact_move_down, n).to_string(),
        Words::Remove => td_string!(l, plan.safety_plan.contact_remove, n).to_string(),
        Words::Add => td_string!(l, plan.safety_plan.contact_add).to_string(),
        Words::Empty => td_string!(l, plan.safety_plan.contacts_empty).to_string(),
    }
}

fn contact_form(ed: Editor, id: Uuid, l: Locale) -> AnyView {
    let (name, set_name) = ed.bind_item(CONTACTS, id, |c| c.name.clone(), |c, v| c.name = v);
    let (reach, set_reach) = ed.bind_item(CONTACTS, id, |c| c.how_to_reach.clone(), |c, v| c.how_to_reach = v);
    let name_key = format!("safe_contacts.{id}.name");
    view! {
        <TextField
            label=td_string!(l, plan.safety_plan.contact_name)
            field=name_key.clone()
            wraps=true
            value=name
            set=set_name
            error=ed.error(name_key)
            suggestions=ed.people
            hint=td_string!(l, plan.safety_plan.contact_name_hint)
        />
        <TextField
            label=td_string!(l, plan.safety_plan.how_to_reach)
            field=format!("safe_contacts.{id}.how_to_reach")
            wraps=true
            value=reach
            set=set_reach
            hint=td_string!(l, plan.safety_plan.how_to_reach_hint)
        />
    }
    .into_any()
}

pub fn safety_plan_section(ed: Editor, l: Locale) -> impl IntoView {
    let (risks, set_risks) = ed.bind(|c| c.plan.safety_plan.risks.clone(), |c, v| c.plan.safety_plan.risks = v);
    let (agreed, set_agreed) =
        ed.bind(|c| c.plan.safety_plan.caregivers_agreed.clone(), |c, v| c.plan.safety_plan.caregivers_agreed = v);
    let (checked_by, set_checked_by) =
        ed.bind(|c| c.plan.safety_plan.checked_by.clone(), |c, v| c.plan.safety_plan.checked_by = v);
    let (agreed_on, set_agreed_on) = ed.bind(|c| c.plan.safety_plan.agreed_on, |c, v| c.plan.safety_plan.agreed_on = v);
    let (review_on, set_review_on) = ed.bind(|c| c.plan.safety_plan.review_on, |c, v| c.plan.safety_plan.review_on = v);
    view! {
        <TextField
            label=td_string!(l, plan.safety_plan.risks)
            field="safety_plan.risks"
            value=risks
            set=set_risks
            multiline=true
            hint=td_string!(l, plan.safety_plan.risks_hint)
        />
        <TextField
            label=td_string!(l, plan.safety_plan.caregivers_agreed)
            field="safety_plan.caregivers_agreed"
            value=agreed
            set=set_agreed
            multiline=true
            hint=td_string!(l, plan.safety_plan.caregivers_agreed_hint)
        />
        <h3 class="subsection">{td_string!(l, plan.safety_plan.contacts)}</h3>
        <p class="hint">{td_string!(l, plan.safety_plan.contacts_hint)}</p>
        {list_editor(
            ed,
            l,
            ListKind {
                access: CONTACTS,
                key: "safe_contacts",
                words: contact_words,
                form: contact_form,
            },
        )}
        <h3 class="subsection">{td_string!(l, plan.safety_plan.keeping_it)}</h3>
        <TextField
            label=td_string!(l, plan.safety_plan.checked_by)
            field="safety_plan.checked_by"
            wraps=true
            value=checked_by
            set=set_checked_by
            suggestions=ed.people
            hint=td_string!(l, plan.safety_plan.checked_by_hint)
        />
        <DateField
            label=td_string!(l, plan.safety_plan.agreed_on)
            field="safety_plan.agreed_on"
            value=agreed_on
            set=set_agreed_on
            error=ed.error("safety_plan.agreed_on")
        />
        <DateField
            label=td_string!(l, plan.safety_plan.review_on)
            field="safety_plan.review_on"
            value=review_on
            set=set_review_on
            error=ed.error("safety_plan.review_on")
        />
        {milestone_line(ed, l)}
    }
}

/// Where the "safety and monitoring plan in place" milestone stands, with the way to it.
fn milestone_line(ed: Editor, l: Locale) -> impl IntoView {
    let milestone = Memo::new(move |_| {
        ed.case.with(|c| {
            let record = c.checklist.milestone(Milestone::SafetyPlan);
            (record.status, record.linked.is_some())
        })
    });
    let case_id = ed.case.with_untracked(|c| c.id);
    let checklist = Route::Checklist { id: case_id, item: None }.href();
    view! {
        <p class="milestone-line">
            {move || {
                let (status, linked) = milestone.get();
                let name = Milestone::SafetyPlan.in_locale(l);
                let state = status.in_locale(l);
                if linked && status == MilestoneStatus::Reached {
                    td_string!(l, plan.safety_plan.milestone_linked, milestone = name).to_string()
                } else {
                    td_string!(l, plan.safety_plan.milestone_state, milestone = name, state).to_string()
                }
            }} " " <a href=checklist>{td_string!(l, plan.safety_plan.milestone_link)}</a>
        </p>
    }
}
