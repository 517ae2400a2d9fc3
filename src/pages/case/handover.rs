//! Handing the case to another case worker, as a guided step: who, from when, a note and the
//! handover checklist. Earlier workers stay listed with their periods.

use chrono::Utc;
use leptos::html::Dialog;
use leptos::prelude::*;

use crate::components::confirm::{closed_by_browser, follow_open, DialogActions};
use crate::components::fields::{field_id, CheckboxField, DateField, TextField};
use crate::components::focus::focus_id_later;
use crate::context::today;
use crate::context::user_name;
use crate::domain::handover::Handover;
use crate::domain::CaseWorker;
use crate::editor::Editor;
use crate::i18n::{date, t, td_string, use_i18n};
use crate::vocabulary::{handover_points, handover_problem};

/// The current worker's name (changed only by a handover) and the earlier workers.
#[component]
pub fn CurrentWorker(editor: Editor) -> impl IntoView {
    let ed = editor;
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let name = move || ed.case.with(|c| c.plan.worker.name.clone());
    let earlier = move || ed.case.with(|c| c.handovers.iter().rev().cloned().collect::<Vec<_>>());
    view! {
        <div class="field">
            <label for="f-worker-name">{t!(i18n, plan.handover.worker_name)}</label>
            <p class="hint" id="f-worker-name-hint">
                {t!(i18n, plan.handover.worker_name_hint)}
            </p>
            <input
                autocomplete="off"
                id="f-worker-name"
                type="text"
                readonly
                aria-describedby="f-worker-name-hint"
                prop:value=name
            />
        </div>
        <button type="button" class="secondary" on:click=move |_| open.set(true)>
            {t!(i18n, plan.handover.hand_over_button)}
        </button>
        <Show when=move || !earlier().is_empty()>
            <section class="earlier-workers" aria-labelledby="earlier-workers-title">
                <h3 id="earlier-workers-title">{t!(i18n, plan.handover.earlier_workers)}</h3>
                <ul>
                    {move || {
                        earlier()
                            .into_iter()
                            .map(|h| {
                                let l = i18n.get_locale();
                                let from = h
                                    .from
                                    .since
                                    .map_or_else(|| td_string!(l, plan.handover.the_start).to_string(), |d| date(l, d));
                                let until = h.on.map(|d| date(l, d)).unwrap_or_default();
                                view! {
                                    <li>
                                        <strong>{h.from.name.clone()}</strong>
                                        {td_string!(l, plan.handover.period, from, until, to = h.to.name.clone())
                                            .to_string()}
                                        <br />
                                        <span class="hint">
                                            {td_string!(l, plan.handover.note_label)} {h.note.clone()}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
        <HandoverDialog editor=ed open />
    }
}

#[component]
fn HandoverDialog(editor: Editor, open: RwSignal<bool>) -> impl IntoView {
    let ed = editor;
    let i18n = use_i18n();
    let dialog = NodeRef::<Dialog>::new();
    let draft = RwSignal::new(Handover::default());
    // Checked once the worker first asks to hand over; from then on, as they mend each field.
    let tried = RwSignal::new(false);
    let problems = Memo::new(move |_| {
        if !tried.get() {
            return Vec::new();
        }
        draft.with(|d| ed.case.with(|c| c.handover_problems(d, Utc::now())))
    });
    let error = move |field: &'static str| {
        Signal::derive(move || {
            let l = i18n.get_locale();
            problems.with(|ps| ps.iter().find(|p| p.field() == field).map(|p| handover_problem(l, p).to_string()))
        })
    };
    follow_open(dialog, open, move || {
        // The role and organisation usually stay; the rest is the new worker's.
        let current = ed.case.with_untracked(|c| c.plan.worker.clone());
        draft.set(Handover {
            on: Some(today()),
            to: CaseWorker { role: current.role, organisation: current.organisation, ..CaseWorker::default() },
            ..Handover::default()
        });
        tried.set(false);
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
    let tick = |get: fn(&Handover) -> bool, set: fn(&mut Handover, bool)| {
        (Signal::derive(move || draft.with(get)), Callback::new(move |v: bool| draft.update(|d| set(d, v))))
    };
    let (reviewed, set_reviewed) = tick(|d| d.plan_reviewed, |d, v| d.plan_reviewed = v);
    let (told, set_told) = tick(|d| d.child_and_family_told, |d, v| d.child_and_family_told = v);
    let (open_items, set_open_items) =
        tick(|d| d.referrals_and_needs_reviewed, |d, v| d.referrals_and_needs_reviewed = v);
    let hand_over = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let handover = draft.get_untracked();
        let (by, now) = (user_name(), Utc::now());
        // Checked first, so a refused handover saves nothing; every problem shows beside its
        // field, and the cursor goes to the first.
        let refused = ed.case.with_untracked(|c| c.handover_problems(&handover, now));
        tried.set(true);
        match refused.first() {
            None => {
                ed.edit_now(|c| {
                    let _ = c.hand_over(handover, &by, now);
                });
                open.set(false);
                focus_id_later("f-worker-name");
            }
            Some(first) => focus_id_later(&field_id(first.field())),
        }
    };
    view! {
        <dialog
            node_ref=dialog
            class="confirm handover"
            aria-labelledby="handover-title"
            on:close=closed_by_browser(dialog, open)
        >
            // Drawn only while open: its fields must not stand beside the plan's own.
            <Show when=move || {
                open.get()
            }>
                // Built again in another language: the fields' texts are read as the form is made.
                {move || {
                    let l = i18n.get_locale();
                    let points = handover_points(l);
                    view! {
                        <form on:submit=hand_over novalidate>
                            <h2 id="handover-title">{td_string!(l, plan.handover.title)}</h2>
                            <p>
                                {move || {
                                    td_string!(
                                        l, plan.handover.explained, name = ed.case.with(|c| c.plan.worker.name.clone())
                                    )
                                        .to_string()
                                }}
                            </p>
                            <TextField
                                label=td_string!(l, plan.handover.new_name)
                                field="handover.name"
                                value=name
                                set=set_name
                                required=true
                                error=error("handover.name")
                            />
                            <TextField
                                label=td_string!(l, plan.handover.role)
                                field="handover.role"
                                value=role
                                set=set_role
                            />
                            <TextField
                                label=td_string!(l, plan.handover.organisation)
                                field="handover.organisation"
                                value=org
                                set=set_org
                            />
                            <TextField
                                label=td_string!(l, plan.handover.contact)
                                field="handover.contact"
                                value=contact
                                set=set_contact
                                hint=td_string!(l, plan.handover.contact_hint)
                            />
                            <DateField
                                label=td_string!(l, plan.handover.date)
                                field="handover.on"
                                value=on
                                set=set_on
                                error=error("handover.on")
                            />
                            <TextField
                                label=td_string!(l, plan.handover.note)
                                field="handover.note"
                                value=note
                                set=set_note
                                multiline=true
                                required=true
                                error=error("handover.note")
                                hint=td_string!(l, plan.handover.note_hint)
                            />
                            <fieldset class="handover-checklist">
                                <legend>{td_string!(l, plan.handover.checklist)}</legend>
                                <CheckboxField
                                    label=points[0]
                                    field="handover.plan_reviewed"
                                    value=reviewed
                                    set=set_reviewed
                                />
                                <CheckboxField label=points[1] field="handover.told" value=told set=set_told />
                                <CheckboxField
                                    label=points[2]
                                    field="handover.open_items"
                                    value=open_items
                                    set=set_open_items
                                />
                            </fieldset>
                            <DialogActions open>{td_string!(l, plan.handover.hand_over)}</DialogActions>
                        </form>
                    }
                }}
            </Show>
        </dialog>
    }
}
