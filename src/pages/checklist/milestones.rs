//! The five key milestones, each with the activities that bear on it, so a supervisor sees at a
//! glance whether a milestone marked reached is backed by the work.

use leptos::prelude::*;

use crate::components::fields::{DateField, SelectField, TextField};
use crate::domain::checklist::{MilestoneRecord, MilestoneStatus};
use crate::domain::checklist::Milestone;
use crate::domain::Choice;
use crate::pages::plan::{today, Editor};

/// The five milestones in one glance, above the activities.
#[component]
pub fn MilestoneStrip(editor: Editor) -> impl IntoView {
    let ed = editor;
    view! {
        <ul class="milestone-strip" aria-label="Key milestones at a glance">
            {Milestone::ALL.iter().map(|&m| {
                let record = Memo::new(move |_| ed.case.with(|c| c.checklist.milestone(m).status));
                let counts = Memo::new(move |_| ed.case.with(|c| c.checklist.milestone_items_done(m)));
                view! {
                    <li class=move || format!("milestone-chip {}", record.get().key())>
                        <span class="chip-title">{m.label()}</span>
                        <span class="chip-state">{move || record.get().label()}</span>
                        <span class="chip-count">{move || { let (d, a) = counts.get(); format!("{d} of {a} {} done", if a == 1 { "activity" } else { "activities" }) }}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn MilestonesPanel(editor: Editor) -> impl IntoView {
    view! {
        <h3>"Key milestones"</h3>
        <p class="purpose">"Mark a milestone reached when it is real, and note the evidence. The activities that count towards each are listed with it."</p>
        <div class="milestones">
            {Milestone::ALL.iter().map(|&m| view! { <MilestoneCard editor m /> }).collect_view()}
        </div>
    }
}

#[component]
fn MilestoneCard(editor: Editor, m: Milestone) -> impl IntoView {
    let ed = editor;
    let shown = super::use_shown();
    let record = Memo::new(move |_| ed.case.with(|c| c.checklist.milestone(m)));
    let counts = Memo::new(move |_| ed.case.with(|c| c.checklist.milestone_items_done(m)));
    let items = Memo::new(move |_| ed.case.with(|c| c.checklist.bearing_on(m).iter().map(|i| (i.id, i.title().to_string(), i.status)).collect::<Vec<_>>()));
    let field = move |name: &str| format!("milestones.{}.{name}", m.key());
    let update = move |change: Box<dyn FnOnce(&mut MilestoneRecord)>| ed.edit(|c| c.checklist.update_milestone(m, change));
    let status = Signal::derive(move || Some(record.with(|r| r.status)));
    let set_status = Callback::new(move |s: Option<MilestoneStatus>| {
        if let Some(s) = s {
            ed.edit_now(|c| c.checklist.update_milestone(m, |r| r.set_status(s, today())));
        }
    });
    let reached_on = Signal::derive(move || record.with(|r| r.reached_on));
    let set_reached_on = Callback::new(move |d| update(Box::new(move |r| r.set_reached_on(d))));
    let evidence = Signal::derive(move || record.with(|r| r.evidence.clone()));
    let set_evidence = Callback::new(move |v: String| update(Box::new(move |r| r.evidence = v)));
    let date_problem = Signal::derive(move || record.with(|r| r.reached_on.is_some_and(|d| d > today()).then(|| "The date reached cannot be in the future.".to_string())));
    let reached = move || record.with(|r| r.status == MilestoneStatus::Reached);
    let heading = format!("milestone-{}", m.key());
    let labelled_by = heading.clone();
    view! {
        <article class="milestone" class:reached=reached aria-labelledby=labelled_by>
            <h4 id=heading>{m.label()} <span class=move || format!("badge milestone-{}", record.with(|r| r.status.key()))>{move || record.with(|r| r.status.label())}</span></h4>
            <p class="meaning">{m.meaning()}</p>
            <p class="milestone-count">
                {move || match counts.get() {
                    (_, 0) => "No activity on the checklist counts towards it yet.".to_string(),
                    (done, 1) => format!("{done} of 1 related activity done"),
                    (done, all) => format!("{done} of {all} related activities done"),
                }}
            </p>
            <Show when=move || reached() && counts.with(|(done, all)| done < all)>
                <p class="warning">{move || {
                    let open = counts.with(|(done, all)| all - done);
                    if open == 1 { "Marked reached, but 1 related activity is not done.".to_string() } else { format!("Marked reached, but {open} related activities are not done.") }
                }}</p>
            </Show>
            <Show when=move || items.with(|i| !i.is_empty())>
                <details>
                    <summary>"Related activities" <span class="visually-hidden">{format!(": {}", m.label())}</span></summary>
                    <ul class="related">
                        {move || items.get().into_iter().map(|(id, title, status)| view! {
                            <li class:done=status.key() == "done">
                                <button type="button" class="link-button" on:click=move |_| shown.reveal(id)>{title}</button>
                                " – " {status.label()}
                            </li>
                        }).collect_view()}
                    </ul>
                </details>
            </Show>
            <SelectField label="Milestone status" field=field("status") value=status set=set_status />
            <DateField label="Date reached" field=field("reached_on") value=reached_on set=set_reached_on error=date_problem />
            <TextField label="Evidence or note" field=field("evidence") value=evidence set=set_evidence multiline=true hint=m.evidence_hint() />
        </article>
    }
}
