//! The forms of the single-record sections of the plan.

use leptos::prelude::*;

use super::editor::{today, Editor};
use crate::components::fields::{DateField, NumberField, SelectField, TextField};
use crate::domain::{Choice, ChildAgreement, Determination, PlacementType, PlanStatus, Sex, VisitFrequency};
use crate::route::Route;

pub fn case_section(ed: Editor) -> impl IntoView {
    let (number, set_number) = ed.bind(|c| c.case_number.clone(), |c, v| c.case_number = v);
    let (status, set_status) = ed.bind(|c| Some(c.plan.status), |c, v: Option<PlanStatus>| c.plan.status = v.unwrap_or_default());
    let (start, set_start) = ed.bind(|c| c.plan.start_date, |c, v| c.plan.start_date = v);
    let (review, set_review) = ed.bind(|c| c.plan.next_review, |c, v| c.plan.next_review = v);
    view! {
        <TextField label="Case number" field="case_number" value=number set=set_number required=true
            error=ed.error("case_number")
            hint="Made on this device so it will not clash with other devices. You can change it to your organisation's own number." />
        // Closing has its own step (outcome, reason): "Close case…" above.
        <SelectField label="Plan status" field="plan.status" value=status set=set_status hidden=&[PlanStatus::Closed] />
        <DateField label="Plan start date" field="plan.start_date" value=start set=set_start />
        <DateField label="Next review date" field="next_review" value=review set=set_review error=ed.error("next_review") />
    }
}

pub fn worker_section(ed: Editor) -> impl IntoView {
    let (name, set_name) = ed.bind(|c| c.plan.worker.name.clone(), |c, v| c.plan.worker.name = v);
    let (role, set_role) = ed.bind(|c| c.plan.worker.role.clone(), |c, v| c.plan.worker.role = v);
    let (org, set_org) = ed.bind(|c| c.plan.worker.organisation.clone(), |c, v| c.plan.worker.organisation = v);
    let (contact, set_contact) = ed.bind(|c| c.plan.worker.contact.clone(), |c, v| c.plan.worker.contact = v);
    let (since, set_since) = ed.bind(|c| c.plan.worker.since, |c, v| c.plan.worker.since = v);
    view! {
        // Decided once per visit of the step, so typing the first letter does not swap the field.
        {if ed.case.with_untracked(|c| c.plan.worker.name.trim().is_empty()) {
            // A case without a worker yet (imported, or from an earlier version) gets one here.
            view! { <TextField label="Case worker's name" field="worker.name" value=name set=set_name required=true error=ed.error("worker.name") /> }.into_any()
        } else {
            view! { <super::handover::CurrentWorker editor=ed /> }.into_any()
        }}
        <TextField label="Role" field="worker.role" value=role set=set_role hint="For example: social worker, psychologist." />
        <TextField label="Organisation" field="worker.organisation" value=org set=set_org />
        <TextField label="Contact" field="worker.contact" value=contact set=set_contact hint="Phone or e-mail where the family and colleagues can reach them." />
        <DateField label="Responsible since" field="worker.since" value=since set=set_since />
    }
}

pub fn child_section(ed: Editor) -> impl IntoView {
    let (name, set_name) = ed.bind(|c| c.plan.child.name.clone(), |c, v| c.plan.child.name = v);
    let (born, set_born) = ed.bind(|c| c.plan.child.birth_date, |c, v| c.plan.child.birth_date = v);
    let (age, set_age) = ed.bind(|c| c.plan.child.estimated_age.map(u32::from), |c, v: Option<u32>| c.plan.child.estimated_age = v.map(|n| n.min(255) as u8));
    let (sex, set_sex) = ed.bind(|c| c.plan.child.sex, |c, v: Option<Sex>| c.plan.child.sex = v);
    let (languages, set_languages) = ed.bind(|c| c.plan.child.languages.clone(), |c, v| c.plan.child.languages = v);
    let (disability, set_disability) = ed.bind(|c| c.plan.child.disability_needs.clone(), |c, v| c.plan.child.disability_needs = v);
    let (setting, set_setting) = ed.bind(|c| c.plan.child.current_setting.clone(), |c, v| c.plan.child.current_setting = v);
    let age_now = move || ed.case.with(|c| c.plan.child.age_on(today()));
    view! {
        <TextField label="Child's name" field="child.name" value=name set=set_name hint="The name the child uses. Lists and export files show the case number first." />
        <DateField label="Date of birth" field="child.birth_date" value=born set=set_born error=ed.error("child.birth_date") />
        <NumberField label="Estimated age in years" field="child.estimated_age" value=age set=set_age max=30
            error=ed.error("child.estimated_age") hint="Only when the date of birth is not known." />
        {move || age_now().map(|a| view! { <p class="derived">"Age today: " {a} " years"</p> })}
        <SelectField label="Sex" field="child.sex" value=sex set=set_sex blank="Choose…" />
        <TextField label="Languages" field="child.languages" value=languages set=set_languages hint="The languages the child speaks, first the one they speak best." />
        <TextField label="Disability and assistive-device needs" field="child.disability_needs" value=disability set=set_disability multiline=true />
        <TextField label="Current care setting" field="child.current_setting" value=setting set=set_setting hint="For example: the residential care home where the child lives now." />
    }
}

pub fn placement_section(ed: Editor) -> impl IntoView {
    let kind = Signal::derive(move || ed.case.with(|c| c.plan.placement.kind));
    // Choosing a pathway proposes its activities; they are added only when the worker says so,
    // since a select also changes while its options are only being browsed with the arrow keys.
    let set_kind = Callback::new(move |v: Option<PlacementType>| ed.edit(|c| c.plan.placement.kind = v));
    let missing = Memo::new(move |_| ed.case.with(|c| c.plan.placement.kind.map_or(0, |p| c.checklist.missing_for(p).len())));
    let added = RwSignal::new(None::<usize>);
    let add_proposed = move |_| {
        let mut count = 0;
        ed.edit_now(|c| count = c.plan.placement.kind.map_or(0, |p| c.checklist.propose(p)));
        added.set(Some(count));
    };
    let checklist = Route::Checklist { id: ed.case.with_untracked(|c| c.id), item: None }.href();
    let (location, set_location) = ed.bind(|c| c.plan.placement.location.clone(), |c, v| c.plan.placement.location = v);
    let (carers, set_carers) = ed.bind(|c| c.plan.placement.caregivers.clone(), |c, v| c.plan.placement.caregivers = v);
    let (relationship, set_relationship) = ed.bind(|c| c.plan.placement.relationship.clone(), |c, v| c.plan.placement.relationship = v);
    let (date, set_date) = ed.bind(|c| c.plan.placement.planned_date, |c, v| c.plan.placement.planned_date = v);
    view! {
        <SelectField label="Planned placement" field="placement.kind" value=kind set=set_kind blank="Not decided yet"
            hint="The reintegration pathway. Its activities are proposed on the case's checklist; changing it later keeps everything already there." />
        <div class="proposed" role="status">
            {move || match (missing.get(), added.get(), kind.get()) {
                (0, Some(n), _) if n > 0 => Some(view! {
                    <p>{if n == 1 { "1 activity was added to the checklist.".to_string() } else { format!("{n} activities were added to the checklist.") }}
                        " " <a href=checklist.clone()>"Open the checklist"</a></p>
                }.into_any()),
                (0, _, _) | (_, _, None) => None,
                (n, _, Some(p)) => Some(view! {
                    <p>{if n == 1 { format!("1 activity proposed for {} is not on the checklist yet.", p.label()) } else { format!("{n} activities proposed for {} are not on the checklist yet.", p.label()) }}</p>
                    <button type="button" on:click=add_proposed>{if n == 1 { "Add it to the checklist".to_string() } else { format!("Add the {n} activities to the checklist") }}</button>
                }.into_any()),
            }}
        </div>
        <TextField label="Where" field="placement.location" value=location set=set_location hint="Town or community; the full address only if the work needs it." />
        <TextField label="Caregivers" field="placement.caregivers" value=carers set=set_carers hint="Who will provide care. Not needed for independent living." />
        <TextField label="Relationship to the child" field="placement.relationship" value=relationship set=set_relationship hint="For example: mother, grandmother, foster carer." />
        <DateField label="Planned placement date" field="placement.planned_date" value=date set=set_date />
    }
}

pub fn monitoring_section(ed: Editor) -> impl IntoView {
    let frequency_key = move || ed.case.with(|c| c.plan.monitoring.frequency.map(|f| f.key()).unwrap_or_default());
    let every_n_days = move || ed.case.with(|c| matches!(c.plan.monitoring.frequency, Some(VisitFrequency::EveryNDays(_))));
    let choose = move |ev| {
        let key = event_target_value(&ev);
        ed.edit(|c| c.plan.monitoring.frequency = VisitFrequency::choose(&key, c.plan.monitoring.frequency));
    };
    let (days_value, set_days) = ed.bind(
        |c| c.plan.monitoring.frequency.and_then(VisitFrequency::days).map(u32::from),
        |c, v: Option<u32>| c.plan.monitoring.frequency = Some(VisitFrequency::EveryNDays(v.map_or(0, |n| n.min(u32::from(u16::MAX)) as u16))),
    );
    let (last, set_last) = ed.bind(|c| c.plan.monitoring.last_visit, |c, v| c.plan.monitoring.last_visit = v);
    let (notes, set_notes) = ed.bind(|c| c.plan.monitoring.notes.clone(), |c, v| c.plan.monitoring.notes = v);
    let next_visit = move || ed.case.with(|c| c.plan.monitoring.next_visit(c.plan.start_date));
    view! {
        <div class="field">
            <label for="f-monitoring-frequency">"Visit frequency"</label>
            <select id="f-monitoring-frequency" prop:value=frequency_key on:change=choose>
                <option value="" selected=move || frequency_key().is_empty()>"Not set yet"</option>
                {VisitFrequency::CHOICES.iter().map(|&(key, label)| view! {
                    <option value=key selected=move || frequency_key() == key>{label}</option>
                }).collect_view()}
            </select>
        </div>
        <Show when=every_n_days>
            <NumberField label="Number of days between visits" field="monitoring.days" value=days_value set=set_days min=1 max=365 error=ed.error("monitoring.days") />
        </Show>
        <DateField label="Last visit before this log" field="monitoring.last_visit" value=last set=set_last error=ed.error("monitoring.last_visit")
            hint="Only for a visit not in the visit log below. Leave empty before the first visit: it is then counted from the plan's start date." />
        <p class="derived" aria-live="polite">
            {move || match next_visit() {
                Some(date) => {
                    let late = date < today();
                    format!("Next visit due: {}{}", date.format("%-d %B %Y"), if late { " (overdue)" } else { "" })
                }
                None => "Next visit due: set a frequency, and a plan start date or a visit.".to_string(),
            }}
        </p>
        <TextField label="Monitoring notes" field="monitoring.notes" value=notes set=set_notes multiline=true
            hint="What each visit should check: the child's safety, wellbeing, and the services in this plan." />
        {super::visits::visit_log(ed)}
    }
}

pub fn participation_section(ed: Editor) -> impl IntoView {
    let (views, set_views) = ed.bind(|c| c.plan.participation.child_views.clone(), |c, v| c.plan.participation.child_views = v);
    let (on, set_on) = ed.bind(|c| c.plan.participation.consulted_on, |c, v| c.plan.participation.consulted_on = v);
    let (how, set_how) = ed.bind(|c| c.plan.participation.consulted_how.clone(), |c, v| c.plan.participation.consulted_how = v);
    let (agrees, set_agrees) = ed.bind(|c| Some(c.plan.participation.child_agrees), |c, v: Option<ChildAgreement>| c.plan.participation.child_agrees = v.unwrap_or(ChildAgreement::NotAsked));
    let (family, set_family) = ed.bind(|c| c.plan.participation.family_views.clone(), |c, v| c.plan.participation.family_views = v);
    view! {
        <TextField label="The child's views and wishes" field="participation.child_views" value=views set=set_views multiline=true
            hint="In the child's own words, as far as you can." />
        <DateField label="Consulted on" field="participation.consulted_on" value=on set=set_on error=ed.error("participation.consulted_on") />
        <TextField label="How the child was consulted" field="participation.consulted_how" value=how set=set_how
            hint="For example: conversation with their key worker, drawing, with an interpreter." />
        <SelectField label="Does the child agree with the plan?" field="participation.child_agrees" value=agrees set=set_agrees />
        <TextField label="The family's views" field="participation.family_views" value=family set=set_family multiline=true />
    }
}

pub fn best_interests_section(ed: Editor) -> impl IntoView {
    let (assessed, set_assessed) = ed.bind(|c| c.plan.best_interests.assessment_date, |c, v| c.plan.best_interests.assessment_date = v);
    let (det, set_det) = ed.bind(|c| Some(c.plan.best_interests.determination), |c, v: Option<Determination>| c.plan.best_interests.determination = v.unwrap_or(Determination::NotDecided));
    let (det_date, set_det_date) = ed.bind(|c| c.plan.best_interests.determination_date, |c, v| c.plan.best_interests.determination_date = v);
    let (outcome, set_outcome) = ed.bind(|c| c.plan.best_interests.outcome.clone(), |c, v| c.plan.best_interests.outcome = v);
    let determined = move || det.get() == Some(Determination::Done);
    view! {
        <DateField label="Best Interests Assessment done on" field="best_interests.assessment_date" value=assessed set=set_assessed
            error=ed.error("best_interests.assessment_date") />
        <SelectField label="Best Interests Determination" field="best_interests.determination" value=det set=set_det />
        <Show when=determined>
            <DateField label="Determination made on" field="best_interests.determination_date" value=det_date set=set_det_date
                error=ed.error("best_interests.determination_date") />
            <TextField label="Outcome of the determination" field="best_interests.outcome" value=outcome set=set_outcome multiline=true />
        </Show>
    }
}
