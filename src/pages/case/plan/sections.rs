//! The forms of the single-record sections of the plan.

use leptos::prelude::*;

use crate::components::fields::{DateField, NumberField, SelectField, TextField};
use crate::context::today;
use crate::domain::{ChildAgreement, Determination, PlacementType, PlanStatus, Sex, VisitFrequency};
use crate::editor::Editor;
use crate::i18n::{td_string, Locale, Translate};
use crate::route::Route;

pub fn case_section(ed: Editor, l: Locale) -> impl IntoView {
    let (number, set_number) = ed.bind(|c| c.case_number.clone(), |c, v| c.case_number = v);
    let (status, set_status) =
        ed.bind(|c| Some(c.plan.status), |c, v: Option<PlanStatus>| c.plan.status = v.unwrap_or_default());
    let (start, set_start) = ed.bind(|c| c.plan.start_date, |c, v| c.plan.start_date = v);
    let (review, set_review) = ed.bind(|c| c.plan.next_review, |c, v| c.plan.next_review = v);
    view! {
        <TextField
            label=td_string!(l, plan.sections.case_number)
            field="case_number"
            value=number
            set=set_number
            required=true
            error=ed.error("case_number")
            hint=td_string!(l, plan.sections.case_number_hint)
        />
        // Closing has its own step (outcome, reason): "Close case…" above.
        <SelectField
            label=td_string!(l, plan.sections.plan_status)
            field="plan.status"
            value=status
            set=set_status
            hidden=&[PlanStatus::Closed]
        />
        <DateField label=td_string!(l, plan.sections.plan_start) field="plan.start_date" value=start set=set_start />
        <DateField
            label=td_string!(l, plan.sections.next_review)
            field="next_review"
            value=review
            set=set_review
            error=ed.error("next_review")
        />
    }
}

pub fn worker_section(ed: Editor, l: Locale) -> impl IntoView {
    let (name, set_name) = ed.bind(|c| c.plan.worker.name.clone(), |c, v| c.plan.worker.name = v);
    let (role, set_role) = ed.bind(|c| c.plan.worker.role.clone(), |c, v| c.plan.worker.role = v);
    let (org, set_org) = ed.bind(|c| c.plan.worker.organisation.clone(), |c, v| c.plan.worker.organisation = v);
    let (contact, set_contact) = ed.bind(|c| c.plan.worker.contact.clone(), |c, v| c.plan.worker.contact = v);
    let (since, set_since) = ed.bind(|c| c.plan.worker.since, |c, v| c.plan.worker.since = v);
    view! {
        // Decided once per visit of the step, so typing the first letter does not swap the field.
        {if ed.case.with_untracked(|c| c.plan.worker.name.trim().is_empty()) {
            // A case without a worker yet (imported, or from an earlier version) gets one here.
            view! {
                <TextField
                    label=td_string!(l, plan.sections.worker_name)
                    field="worker.name"
                    value=name
                    set=set_name
                    required=true
                    error=ed.error("worker.name")
                />
            }
                .into_any()
        } else {
            view! { <super::super::handover::CurrentWorker editor=ed /> }.into_any()
        }}
        <TextField
            label=td_string!(l, plan.sections.role)
            field="worker.role"
            value=role
            set=set_role
            hint=td_string!(l, plan.sections.role_hint)
        />
        <TextField label=td_string!(l, plan.sections.organisation) field="worker.organisation" value=org set=set_org />
        <TextField
            label=td_string!(l, plan.sections.contact)
            field="worker.contact"
            value=contact
            set=set_contact
            hint=td_string!(l, plan.sections.contact_hint)
        />
        <DateField label=td_string!(l, plan.sections.since) field="worker.since" value=since set=set_since />
    }
}

pub fn child_section(ed: Editor, l: Locale) -> impl IntoView {
    let (name, set_name) = ed.bind(|c| c.plan.child.name.clone(), |c, v| c.plan.child.name = v);
    let (born, set_born) = ed.bind(|c| c.plan.child.birth_date, |c, v| c.plan.child.birth_date = v);
    let (age, set_age) = ed.bind(
        |c| c.plan.child.estimated_age.map(u32::from),
        |c, v: Option<u32>| c.plan.child.estimated_age = v.map(|n| n.min(255) as u8),
    );
    let (sex, set_sex) = ed.bind(|c| c.plan.child.sex, |c, v: Option<Sex>| c.plan.child.sex = v);
    let (languages, set_languages) = ed.bind(|c| c.plan.child.languages.clone(), |c, v| c.plan.child.languages = v);
    let (disability, set_disability) =
        ed.bind(|c| c.plan.child.disability_needs.clone(), |c, v| c.plan.child.disability_needs = v);
    let (setting, set_setting) =
        ed.bind(|c| c.plan.child.current_setting.clone(), |c, v| c.plan.child.current_setting = v);
    let age_now = move || ed.case.with(|c| c.plan.child.age_on(today()));
    view! {
        <TextField
            label=td_string!(l, plan.sections.child_name)
            field="child.name"
            value=name
            set=set_name
            hint=td_string!(l, plan.sections.child_name_hint)
        />
        <DateField
            label=td_string!(l, plan.sections.birth_date)
            field="child.birth_date"
            value=born
            set=set_born
            error=ed.error("child.birth_date")
        />
        <NumberField
            label=td_string!(l, plan.sections.estimated_age)
            field="child.estimated_age"
            value=age
            set=set_age
            max=30
            error=ed.error("child.estimated_age")
            hint=td_string!(l, plan.sections.estimated_age_hint)
        />
        {move || {
            age_now()
                .map(|a| view! { <p class="derived">{td_string!(l, plan.sections.age_today, age = a).to_string()}</p> })
        }}
        <SelectField
            label=td_string!(l, plan.sections.sex)
            field="child.sex"
            value=sex
            set=set_sex
            blank=td_string!(l, plan.sections.choose)
        />
        <TextField
            label=td_string!(l, plan.sections.languages)
            field="child.languages"
            wraps=true
            value=languages
            set=set_languages
            hint=td_string!(l, plan.sections.languages_hint)
        />
        <TextField
            label=td_string!(l, plan.sections.disability)
            field="child.disability_needs"
            value=disability
            set=set_disability
            multiline=true
        />
        <TextField
            label=td_string!(l, plan.sections.current_setting)
            field="child.current_setting"
            wraps=true
            value=setting
            set=set_setting
            hint=td_string!(l, plan.sections.current_setting_hint)
        />
    }
}

pub fn placement_section(ed: Editor, l: Locale) -> impl IntoView {
    let kind = Signal::derive(move || ed.case.with(|c| c.plan.placement.kind));
    // Choosing a pathway proposes its activities; they are added only when the worker says so,
    // since a select also changes while its options are only being browsed with the arrow keys.
    let set_kind = Callback::new(move |v: Option<PlacementType>| ed.edit(|c| c.plan.placement.kind = v));
    let missing =
        Memo::new(move |_| ed.case.with(|c| c.plan.placement.kind.map_or(0, |p| c.checklist.missing_for(p).len())));
    let added = RwSignal::new(None::<usize>);
    let add_proposed = move |_| {
        let mut count = 0;
        ed.edit_now(|c| count = c.plan.placement.kind.map_or(0, |p| c.checklist.propose(p)));
        added.set(Some(count));
    };
    let checklist = Route::Checklist { id: ed.case.with_untracked(|c| c.id), item: None }.href();
    let (location, set_location) = ed.bind(|c| c.plan.placement.location.clone(), |c, v| c.plan.placement.location = v);
    let (date, set_date) = ed.bind(|c| c.plan.placement.planned_date, |c, v| c.plan.placement.planned_date = v);
    view! {
        <SelectField
            label=td_string!(l, plan.sections.placement)
            field="placement.kind"
            value=kind
            set=set_kind
            blank=td_string!(l, plan.sections.placement_blank)
            hint=td_string!(l, plan.sections.placement_hint)
        />
        <div class="proposed" role="status">
            {move || match (missing.get(), added.get(), kind.get()) {
                (0, Some(n), _) if n > 0 => {
                    Some(
                        view! {
                            <p>
                                {if n == 1 {
                                    td_string!(l, plan.sections.added_one).to_string()
                                } else {
                                    td_string!(l, plan.sections.added_many, n).to_string()
                                }} " " <a href=checklist.clone()>{td_string!(l, plan.sections.open_checklist)}</a>
                            </p>
                        }
                            .into_any(),
                    )
                }
                (0, _, _) | (_, _, None) => None,
                (n, _, Some(p)) => {
                    Some(
                        view! {
                            <p>
                                {if n == 1 {
                                    td_string!(l, plan.sections.missing_one, placement = p.in_locale(l)).to_string()
                                } else {
                                    td_string!(l, plan.sections.missing_many, n, placement = p.in_locale(l)).to_string()
                                }}
                            </p>
                            <button type="button" on:click=add_proposed>
                                {if n == 1 {
                                    td_string!(l, plan.sections.add_one).to_string()
                                } else {
                                    td_string!(l, plan.sections.add_many, n).to_string()
                                }}
                            </button>
                        }
                            .into_any(),
                    )
                }
            }}
        </div>
        <TextField
            label=td_string!(l, plan.sections.location)
            field="placement.location"
            wraps=true
            value=location
            set=set_location
            hint=td_string!(l, plan.sections.location_hint)
        />
        {super::household::caregivers_choice(ed, l)}
        <DateField
            label=td_string!(l, plan.sections.placement_date)
            field="placement.planned_date"
            value=date
            set=set_date
        />
    }
}

pub fn monitoring_section(ed: Editor, l: Locale) -> impl IntoView {
    let frequency_key = move || ed.case.with(|c| c.plan.monitoring.frequency.map(|f| f.key()).unwrap_or_default());
    let every_n_days =
        move || ed.case.with(|c| matches!(c.plan.monitoring.frequency, Some(VisitFrequency::EveryNDays(_))));
    let choose = move |ev| {
        let key = event_target_value(&ev);
        ed.edit(|c| c.plan.monitoring.frequency = VisitFrequency::choose(&key, c.plan.monitoring.frequency));
    };
    let (days_value, set_days) = ed.bind(
        |c| c.plan.monitoring.frequency.and_then(VisitFrequency::days).map(u32::from),
        |c, v: Option<u32>| {
            c.plan.monitoring.frequency =
                Some(VisitFrequency::EveryNDays(v.map_or(0, |n| n.min(u32::from(u16::MAX)) as u16)))
        },
    );
    let (last, set_last) = ed.bind(|c| c.plan.monitoring.last_visit, |c, v| c.plan.monitoring.last_visit = v);
    let (notes, set_notes) = ed.bind(|c| c.plan.monitoring.notes.clone(), |c, v| c.plan.monitoring.notes = v);
    let next_visit = move || ed.case.with(|c| c.plan.monitoring.next_visit(c.plan.start_date));
    view! {
        <div class="field">
            <label for="f-monitoring-frequency">{td_string!(l, plan.sections.frequency)}</label>
            <select autocomplete="off" id="f-monitoring-frequency" prop:value=frequency_key on:change=choose>
                <option value="" selected=move || frequency_key().is_empty()>
                    {td_string!(l, plan.sections.frequency_blank)}
                </option>
                {VisitFrequency::CHOICES
                    .iter()
                    .map(|&(key, _)| {
                        view! {
                            <option value=key selected=move || frequency_key() == key>
                                {crate::vocabulary::visit_frequency_choice(l, key)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <Show when=every_n_days>
            <NumberField
                label=td_string!(l, plan.sections.days_between)
                field="monitoring.days"
                value=days_value
                set=set_days
                min=1
                max=365
                error=ed.error("monitoring.days")
            />
        </Show>
        <DateField
            label=td_string!(l, plan.sections.last_visit)
            field="monitoring.last_visit"
            value=last
            set=set_last
            error=ed.error("monitoring.last_visit")
            hint=td_string!(l, plan.sections.last_visit_hint)
        />
        <p class="derived" class:flag=move || next_visit().is_some_and(|date| date < today()) aria-live="polite">
            {move || match next_visit() {
                Some(date) if date < today() => {
                    td_string!(l, plan.sections.next_visit_overdue, date = crate::i18n::long_date(l, date)).to_string()
                }
                Some(date) => {
                    td_string!(l, plan.sections.next_visit, date = crate::i18n::long_date(l, date)).to_string()
                }
                None => td_string!(l, plan.sections.next_visit_unknown).to_string(),
            }}
        </p>
        <TextField
            label=td_string!(l, plan.sections.monitoring_notes)
            field="monitoring.notes"
            value=notes
            set=set_notes
            multiline=true
            hint=td_string!(l, plan.sections.monitoring_notes_hint)
        />
        {super::visits::visit_log(ed, l)}
    }
}

pub fn participation_section(ed: Editor, l: Locale) -> impl IntoView {
    let (views, set_views) =
        ed.bind(|c| c.plan.participation.child_views.clone(), |c, v| c.plan.participation.child_views = v);
    let (on, set_on) = ed.bind(|c| c.plan.participation.consulted_on, |c, v| c.plan.participation.consulted_on = v);
    let (how, set_how) =
        ed.bind(|c| c.plan.participation.consulted_how.clone(), |c, v| c.plan.participation.consulted_how = v);
    let (agrees, set_agrees) = ed.bind(
        |c| Some(c.plan.participation.child_agrees),
        |c, v: Option<ChildAgreement>| c.plan.participation.child_agrees = v.unwrap_or(ChildAgreement::NotAsked),
    );
    let (family, set_family) =
        ed.bind(|c| c.plan.participation.family_views.clone(), |c, v| c.plan.participation.family_views = v);
    view! {
        <TextField
            label=td_string!(l, plan.sections.child_views)
            field="participation.child_views"
            value=views
            set=set_views
            multiline=true
            hint=td_string!(l, plan.sections.child_views_hint)
        />
        <DateField
            label=td_string!(l, plan.sections.consulted_on)
            field="participation.consulted_on"
            value=on
            set=set_on
            error=ed.error("participation.consulted_on")
        />
        <TextField
            label=td_string!(l, plan.sections.consulted_how)
            field="participation.consulted_how"
            wraps=true
            value=how
            set=set_how
            hint=td_string!(l, plan.sections.consulted_how_hint)
        />
        <SelectField
            label=td_string!(l, plan.sections.child_agrees)
            field="participation.child_agrees"
            value=agrees
            set=set_agrees
        />
        <TextField
            label=td_string!(l, plan.sections.family_views)
            field="participation.family_views"
            value=family
            set=set_family
            multiline=true
        />
    }
}

pub fn best_interests_section(ed: Editor, l: Locale) -> impl IntoView {
    let (assessed, set_assessed) =
        ed.bind(|c| c.plan.best_interests.assessment_date, |c, v| c.plan.best_interests.assessment_date = v);
    let (det, set_det) = ed.bind(
        |c| Some(c.plan.best_interests.determination),
        |c, v: Option<Determination>| c.plan.best_interests.determination = v.unwrap_or(Determination::NotDecided),
    );
    let (det_date, set_det_date) =
        ed.bind(|c| c.plan.best_interests.determination_date, |c, v| c.plan.best_interests.determination_date = v);
    let (outcome, set_outcome) =
        ed.bind(|c| c.plan.best_interests.outcome.clone(), |c, v| c.plan.best_interests.outcome = v);
    let determined = move || det.get() == Some(Determination::Done);
    view! {
        <DateField
            label=td_string!(l, plan.sections.assessment_date)
            field="best_interests.assessment_date"
            value=assessed
            set=set_assessed
            error=ed.error("best_interests.assessment_date")
            hint=td_string!(l, plan.sections.assessment_hint)
        />
        <SelectField
            label=td_string!(l, plan.sections.determination)
            field="best_interests.determination"
            value=det
            set=set_det
            hint=td_string!(l, plan.sections.determination_hint)
        />
        <Show when=determined>
            <DateField
                label=td_string!(l, plan.sections.determination_date)
                field="best_interests.determination_date"
                value=det_date
                set=set_det_date
                error=ed.error("best_interests.determination_date")
            />
            <TextField
                label=td_string!(l, plan.sections.determination_outcome)
                field="best_interests.outcome"
                value=outcome
                set=set_outcome
                multiline=true
            />
        </Show>
    }
}
