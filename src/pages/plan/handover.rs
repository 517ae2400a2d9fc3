//! Handing the case to another case worker, as a guided step: who, from when, a note and the
//! handover checklist. Earlier workers stay listed with their periods.

use chrono::Utc;
use leptos::html::Dialog;
use leptos::prelude::*;

use super::editor::{today, Editor};
use crate::components::fields::{CheckboxField, DateField, TextField};
use crate::domain::handover::{Handover, CHECKLIST};
use crate::components::confirm::follow_open;
use crate::components::focus::focus_id_later;
use crate::domain::CaseWorker;
use crate::pages::profile::user_name;

/// The current worker's name (changed only by a handover) and the earlier workers.
#[component]
pub fn CurrentWorker(editor: Editor) -> impl IntoView {
    let ed = editor;
    let open = RwSignal::new(false);
    let name = move || ed.case.with(|c| c.plan.worker.name.clone());
    let earlier = move || ed.case.with(|c| c.handovers.iter().rev().cloned().collect::<Vec<_>>());
    view! {
        <div class="field">
            <label for="f-worker-name">"Case worker's name"</label>
            <p class="hint" id="f-worker-name-hint">"Changed only by a handover, so the history shows who was responsible when."</p>
            <input id="f-worker-name" type="text" readonly aria-describedby="f-worker-name-hint" prop:value=name />
        </div>
        <button type="button" class="secondary" on:click=move |_| open.set(true)>"Hand over to another case worker…"</button>
        <Show when=move || !earlier().is_empty()>
            <section class="earlier-workers" aria-labelledby="earlier-workers-title">
                <h3 id="earlier-workers-title">"Earlier case workers"</h3>
                <ul>
                    {move || earlier().into_iter().map(|h| {
                        let from = h.from.since.map_or_else(|| "the start".to_string(), |d| d.format("%-d %b %Y").to_string());
                        let until = h.on.map(|d| d.format("%-d %b %Y").to_string()).unwrap_or_default();
                        view! {
                            <li>
                                <strong>{h.from.name.clone()}</strong>
                                {format!(": from {from} to {until}, handed over to {}.", h.to.name)}
                                <br />
                                <span class="hint">"Note: " {h.note.clone()}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
        <HandoverDialog editor=ed open />
    }
}

#[component]
fn HandoverDialog(editor: Editor, open: RwSignal<bool>) -> impl IntoView {
    let ed = editor;
    let dialog = NodeRef::<Dialog>::new();
    let draft = RwSignal::new(Handover::default());
    let problem = RwSignal::new(None::<String>);
    follow_open(dialog, open, move || {
        // The role and organisation usually stay; the rest is the new worker's.
        let current = ed.case.with_untracked(|c| c.plan.worker.clone());
        draft.set(Handover { on: Some(today()), to: CaseWorker { role: current.role, organisation: current.organisation, ..CaseWorker::default() }, ..Handover::default() });
        problem.set(None);
        // Reading starts at the top of the form, on its first field, not at Cancel at its foot.
        focus_id_later("f-handover-name");
    });
    let text = move |get: fn(&Handover) -> String, set: fn(&mut Handover, String)| {
        (Signal::derive(move || draft.with(get)), Callback::new(move |v: String| draft.update(|d| set(d, v))))
    };
    let (name, set_name) = text(|d| d.to.name.clone(), |d, v| d.to.name = v);
    let (role, set_role) = text(|d| d.to.role.clone(), |d, v| d.to.role = v);
    let (org, set_org) = text(|d| d.to.organisation.clone(), |d, v| d.to.organisation = v);
    let (contact, set_contact) = text(|d| d.to.contact.clone(), |d, v| d.to.contact = v);
    let (note, set_note) = text(|d| d.note.clone(), |d, v| d.note = v);
    let on = Signal::derive(move || draft.with(|d| d.on));
    let set_on = Callback::new(move |v| draft.update(|d| d.on = v));
    let tick = |get: fn(&Handover) -> bool, set: fn(&mut Handover, bool)| (Signal::derive(move || draft.with(get)), Callback::new(move |v: bool| draft.update(|d| set(d, v))));
    let (reviewed, set_reviewed) = tick(|d| d.plan_reviewed, |d, v| d.plan_reviewed = v);
    let (told, set_told) = tick(|d| d.child_and_family_told, |d, v| d.child_and_family_told = v);
    let (open_items, set_open_items) = tick(|d| d.referrals_and_needs_reviewed, |d, v| d.referrals_and_needs_reviewed = v);
    let hand_over = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let handover = draft.get_untracked();
        let (by, now) = (user_name(), Utc::now());
        // Tried on a copy first, so a refused handover saves nothing.
        let mut trial = ed.case.get_untracked();
        match trial.hand_over(handover.clone(), &by, now) {
            Ok(()) => {
                ed.edit_now(|c| {
                    let _ = c.hand_over(handover, &by, now);
                });
                open.set(false);
                focus_id_later("f-worker-name");
            }
            Err(error) => problem.set(Some(error.to_string())),
        }
    };
    view! {
        <dialog node_ref=dialog class="confirm handover" aria-labelledby="handover-title" on:close=move |_| open.set(false)>
            // Drawn only while open: its fields must not stand beside the plan's own.
            <Show when=move || open.get()>
            <form on:submit=hand_over novalidate>
                <h2 id="handover-title">"Hand over the case"</h2>
                <p>{move || format!("From {} to a new case worker. The plan will name the new worker from the handover date; {} stays in the list of earlier workers.", ed.case.with(|c| c.plan.worker.name.clone()), ed.case.with(|c| c.plan.worker.name.clone()))}</p>
                <TextField label="New case worker's name" field="handover.name" value=name set=set_name required=true />
                <TextField label="Role" field="handover.role" value=role set=set_role />
                <TextField label="Organisation" field="handover.organisation" value=org set=set_org />
                <TextField label="Contact" field="handover.contact" value=contact set=set_contact hint="Phone or e-mail where the family and colleagues can reach them." />
                <DateField label="Date of the handover" field="handover.on" value=on set=set_on />
                <TextField label="Handover note" field="handover.note" value=note set=set_note multiline=true required=true
                    hint="What the new case worker needs to know: risks, what works with the child and family, what is pending." />
                <fieldset class="handover-checklist">
                    <legend>"Handover checklist"</legend>
                    <CheckboxField label=CHECKLIST[0] field="handover.plan_reviewed" value=reviewed set=set_reviewed />
                    <CheckboxField label=CHECKLIST[1] field="handover.told" value=told set=set_told />
                    <CheckboxField label=CHECKLIST[2] field="handover.open_items" value=open_items set=set_open_items />
                </fieldset>
                <p class="error-box" role="alert">{move || problem.get()}</p>
                <div class="actions">
                    <button type="submit" class="primary">"Hand over"</button>
                    <button type="button" autofocus on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </form>
            </Show>
        </dialog>
    }
}
