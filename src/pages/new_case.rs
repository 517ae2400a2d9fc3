//! Starting a case: the few things needed to find it again, then on to the guided plan.

use chrono::{Datelike, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::components::alert::Alert;
use crate::components::fields::{SelectField, TextField};
use crate::components::focus::focus_later;
use crate::context::today;
use crate::context::{keep_page_title, navigate_replacing, use_store};
use crate::domain::{validate, Case, PlacementType, Section};
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::route::Route;
use crate::vocabulary::InWords;

#[component]
pub fn NewCasePage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    keep_page_title(move || t_string!(i18n, cases.new.title).to_string());
    let number = RwSignal::new(String::new());
    let child = RwSignal::new(String::new());
    let worker = RwSignal::new(String::new());
    let pathway = RwSignal::new(None::<PlacementType>);
    let tried = RwSignal::new(false);
    let failure = RwSignal::new(None::<crate::storage::StorageError>);
    let busy = RwSignal::new(false);

    spawn_local(async move {
        match store.get_value().propose_case_number(today().year()).await {
            Ok(proposal) => number.update(|n| {
                if n.is_empty() {
                    *n = proposal;
                }
            }),
            Err(error) => failure.set(Some(error)),
        }
    });

    let draft = move || {
        let mut case = Case::start(Uuid::new_v4(), &number.get(), &child.get(), &worker.get(), Utc::now());
        case.set_pathway(pathway.get());
        let event = crate::domain::history::HistoryEntry::event(
            case.created_at,
            &crate::context::user_name(),
            "case",
            crate::domain::history::Event::Created,
        );
        case.history.push(event);
        case
    };
    // The same rules as the plan form, shown once the worker has tried to create the case.
    let error = move |field: &'static str| {
        Signal::derive(move || {
            if !tried.get() {
                return None;
            }
            validate(&draft(), today())
                .into_iter()
                .find(|p| p.field == field)
                .map(|p| crate::vocabulary::problem_message(i18n.get_locale(), &p))
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
                        if crate::storage::device::is_persisted().await == Some(false) {
                            let _ = crate::storage::device::ask_to_persist().await;
                        }
                    });
                    navigate_replacing(Route::Plan { id: stored.id, section: Section::Case })
                }
                Err(e) => {
                    busy.set(false);
                    failure.set(Some(e));
                }
            }
        });
    };

    view! {
        <h1>{t!(i18n, cases.new.title)}</h1>
        <p class="lead">{t!(i18n, cases.new.lead)}</p>
        <p class="required-note">
            {t!(
                i18n, cases.new.required_note, <star> = |children: ChildrenFn| view! { <span class="required">{children()}</span> }
            )}
        </p>
        <form class="narrow" on:submit=create novalidate>
            <TextField
                label=move || t_string!(i18n, cases.new.case_number)
                field="case_number"
                value=number
                set=Callback::new(move |v| number.set(v))
                required=true
                error=error("case_number")
                hint=move || t_string!(i18n, cases.new.case_number_hint)
            />
            <TextField
                label=move || t_string!(i18n, cases.new.child_name)
                field="child.name"
                value=child
                set=Callback::new(move |v| child.set(v))
            />
            <TextField
                label=move || t_string!(i18n, cases.new.worker_name)
                field="worker.name"
                value=worker
                set=Callback::new(move |v| worker.set(v))
                required=true
                error=error("worker.name")
                hint=move || t_string!(i18n, cases.new.worker_name_hint)
            />
            <SelectField
                label=move || t_string!(i18n, cases.new.placement)
                field="placement.kind"
                value=pathway
                set=Callback::new(move |p| pathway.set(p))
                blank=move || t_string!(i18n, common.not_decided_yet)
                hint=move || t_string!(i18n, cases.new.placement_hint)
            />
            {move || {
                failure
                    .get()
                    .map(|f| {
                        view! {
                            <Alert text=Signal::derive(move || {
                                let l = i18n.get_locale();
                                td_string!(l, cases.new.not_created, error = f.in_words(l)).to_string()
                            }) />
                        }
                    })
            }}
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || busy.get()>
                    {t!(i18n, cases.new.create)}
                </button>
                <a class="button secondary" href="#/">
                    {t!(i18n, common.cancel)}
                </a>
            </div>
        </form>
    }
}
