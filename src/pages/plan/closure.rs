//! Closing a case (outcome, reason, a look at what is still open) and reopening it.

use chrono::Utc;
use leptos::html::Dialog;
use leptos::prelude::*;

use super::editor::{today, Editor};
use crate::components::fields::{SelectField, TextField};
use crate::components::confirm::follow_open;
use crate::components::focus::focus_id_later;
use crate::domain::closure::ClosureOutcome;
use crate::domain::Choice;
use crate::pages::profile::user_name;

/// While the case is closed: how and why, and the way back.
#[component]
pub fn ClosedBanner(editor: Editor) -> impl IntoView {
    let ed = editor;
    let reopen = move |_| {
        ed.edit_now(|c| c.reopen(&user_name(), Utc::now()));
        focus_id_later("close-case");
    };
    view! {
        <div role="status">
            {move || ed.case.with(|c| c.is_closed().then(|| c.closure.clone())).map(|closure| view! {
                <div class="closed-banner" id="closed-banner" tabindex="-1">
                    <p>
                        {match closure {
                            Some(closure) => view! {
                                <strong>{format!("Closed on {} by {}: {}.", closure.closed_on.format("%-d %B %Y"), closure.closed_by, closure.outcome.label())}</strong>
                                " " {closure.reason.clone()}
                            }.into_any(),
                            // Closed by an earlier Homeward, through the plan status alone.
                            None => view! { <strong>"This case is closed."</strong> }.into_any(),
                        }}
                    </p>
                    <p>"The case is read-only. Reopen it to change anything; the closing stays in its history."</p>
                    <button type="button" class="secondary" on:click=reopen>"Reopen case"</button>
                </div>
            })}
        </div>
    }
}

/// The question asked before closing, with what is still open.
#[component]
pub fn CloseDialog(editor: Editor, open: RwSignal<bool>) -> impl IntoView {
    let ed = editor;
    let dialog = NodeRef::<Dialog>::new();
    let outcome = RwSignal::new(None::<ClosureOutcome>);
    let reason = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    // Reading starts at the top of the question, on its first field, not at Cancel at its foot.
    Effect::new(move |_| {
        if open.get() {
            focus_id_later("f-closure-outcome");
        }
    });
    follow_open(dialog, open, move || tried.set(false));
    let outcome_problem = Signal::derive(move || (tried.get() && outcome.get().is_none()).then(|| "Choose how the case ended.".to_string()));
    let reason_problem = Signal::derive(move || (tried.get() && reason.with(|r| r.trim().is_empty())).then(|| "Give the reason for closing the case.".to_string()));
    let still_open = Memo::new(move |_| if open.get() { ed.case.with(|c| c.open_items()) } else { Vec::new() });
    let close = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let Some(chosen) = outcome.get_untracked() else { return };
        let why = reason.get_untracked();
        if why.trim().is_empty() {
            return;
        }
        ed.edit_now(|c| {
            let _ = c.close(chosen, &why, today(), &user_name(), Utc::now());
        });
        open.set(false);
        reason.set(String::new());
        outcome.set(None);
        focus_id_later("closed-banner");
    };
    view! {
        <dialog node_ref=dialog class="confirm close-case" aria-labelledby="close-title" on:close=move |_| open.set(false)>
            <Show when=move || open.get()>
            <form on:submit=close novalidate>
                <h2 id="close-title">"Close this case"</h2>
                <SelectField label="Outcome" field="closure.outcome" value=outcome set=Callback::new(move |v| outcome.set(v)) blank="Choose…" error=outcome_problem />
                <TextField label="Reason" field="closure.reason" value=reason set=Callback::new(move |v| reason.set(v)) multiline=true required=true error=reason_problem
                    hint="Why the case can be closed now: for example, the placement has been stable for six months." />
                {move || {
                    let items = still_open.get();
                    if items.is_empty() {
                        view! { <p>"Nothing in the plan or the checklist is still open."</p> }.into_any()
                    } else {
                        view! {
                            <div class="still-open">
                                <h3>{format!("Still open ({})", items.len())}</h3>
                                <p>"Closing leaves these as they are. Finish or cancel them first if they matter."</p>
                                <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                            </div>
                        }.into_any()
                    }
                }}
                <p>"A closed case is read-only until it is reopened."</p>
                <div class="actions">
                    <button type="submit" class="primary">"Close case"</button>
                    <button type="button" autofocus on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </form>
            </Show>
        </dialog>
    }
}
