//! Starting a case: the few things needed to find it again, then on to the guided plan.

use chrono::{Datelike, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::app::{navigate_replacing, set_page_title, use_store};
use crate::components::fields::{SelectField, TextField};
use crate::components::focus::focus_later;
use crate::domain::{validate, Case, PlacementType, Section};
use crate::pages::plan::today;
use crate::route::Route;

#[component]
pub fn NewCasePage() -> impl IntoView {
    let store = use_store();
    set_page_title("New case");
    let number = RwSignal::new(String::new());
    let child = RwSignal::new(String::new());
    let worker = RwSignal::new(String::new());
    let pathway = RwSignal::new(None::<PlacementType>);
    let tried = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);

    spawn_local(async move {
        match store.get_value().propose_case_number(today().year()).await {
            Ok(proposal) => number.update(|n| {
                if n.is_empty() {
                    *n = proposal;
                }
            }),
            Err(error) => failure.set(Some(error.to_string())),
        }
    });

    let draft = move || {
        let mut case = Case::start(Uuid::new_v4(), &number.get(), &child.get(), &worker.get(), Utc::now());
        case.set_pathway(pathway.get());
        let event = crate::domain::history::HistoryEntry::event(case.created_at, &crate::pages::profile::user_name(), "case", "Case created");
        case.history.push(event);
        case
    };
    // The same rules as the plan form, shown once the worker has tried to create the case.
    let error = move |field: &'static str| {
        Signal::derive(move || {
            if !tried.get() {
                return None;
            }
            validate(&draft(), today()).into_iter().find(|p| p.field == field).map(|p| p.message)
        })
    };
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let case = draft();
        if !validate(&case, today()).is_empty() || busy.get_untracked() {
            focus_later("[aria-invalid=true]".into());
            return;
        }
        busy.set(true);
        let store = store.get_value();
        spawn_local(async move {
            match store.create(&case).await {
                // Replacing the form in the history, so Back cannot lead to creating the case twice.
                Ok(stored) => {
                    // Now there is something worth keeping: ask the browser not to evict it.
                    spawn_local(async {
                        if crate::pages::storage::is_persisted().await == Some(false) {
                            let _ = crate::pages::storage::ask_to_persist().await;
                        }
                    });
                    navigate_replacing(Route::Plan { id: stored.id, section: Section::Case })
                }
                Err(e) => {
                    busy.set(false);
                    failure.set(Some(e.to_string()));
                }
            }
        });
    };

    view! {
        <h1>"New case"</h1>
        <p class="lead">"Give the case its number and the case worker responsible. You can fill in the rest of the plan step by step afterwards."</p>
        <p class="required-note">"Fields marked " <span class="required">"*"</span> " must be filled in."</p>
        <form class="narrow" on:submit=create novalidate>
            <TextField label="Case number" field="case_number" value=number set=Callback::new(move |v| number.set(v)) required=true
                error=error("case_number") hint="Made on this device so it will not clash with other devices; you can use your organisation's own number instead." />
            <TextField label="Child's name" field="child.name" value=child set=Callback::new(move |v| child.set(v)) />
            <TextField label="Case worker's name" field="worker.name" value=worker set=Callback::new(move |v| worker.set(v)) required=true
                error=error("worker.name") hint="The named person responsible for carrying out the plan." />
            <SelectField label="Planned placement" field="placement.kind" value=pathway set=Callback::new(move |p| pathway.set(p)) blank="Not decided yet"
                hint="The reintegration pathway: its activities are proposed on the case's checklist. You can choose or change it later." />
            {move || failure.get().map(|f| view! { <p class="error-box" role="alert">"The case was not created: " {f}</p> })}
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || busy.get()>"Create case"</button>
                <a class="button secondary" href="#/">"Cancel"</a>
            </div>
        </form>
    }
}
