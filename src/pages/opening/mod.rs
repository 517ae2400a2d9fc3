//! The screens before the cases: who is working on this device (the opening screen), a worker's
//! unlock form (`unlock.rs`), opening with the recovery key (`recover.rs`) and adding a worker
//! (`add_worker.rs`). Drawn by the shell's gate (`context::Gate`); the unlock form is in the
//! first load too, so a worker's case list needs no more than it.

pub mod add_worker;
pub mod moving;
pub mod recover;
pub mod unlock;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::alert::{Alert, ErrorAlert};
use crate::context::{keep_page_title, use_gate};
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::route::Route;
use crate::storage::registry::{Registry, Workspaces};
use crate::storage::{cases_kept_unprotected, device, StorageError, DB_NAME};
use crate::workspace::Workspace;

/// The opening screen: every worker with a workspace on this device, by name; adding one; the
/// training demo; and, while cases an earlier Homeward kept unprotected are still here, how to
/// move them into a workspace (unlocking one asks, `moving.rs`).
#[component]
pub fn OpeningPage() -> impl IntoView {
    let i18n = use_i18n();
    keep_page_title(move || t_string!(i18n, workspaces.choose_title).to_string());
    let gate = use_gate();
    let listed = RwSignal::new_local(None::<Result<Workspaces, StorageError>>);
    spawn_local(async move {
        let registry = match Registry::open().await {
            Ok(registry) => registry,
            Err(error) => return listed.set(Some(Err(error))),
        };
        listed.set(Some(registry.list().await));
        registry.close();
    });
    // Counted, not taken from the device's mark: a database an earlier Homeward wrote before
    // the mark existed has cases too. A failure to count is no reason to hide the screen.
    let unprotected = RwSignal::new(false);
    spawn_local(async move {
        let held = cases_kept_unprotected(DB_NAME).await.map_or(device::held_cases(DB_NAME), |count| count > 0);
        unprotected.try_set(held);
    });
    view! {
        <h1>{t!(i18n, workspaces.choose_title)}</h1>
        {move || match listed.get() {
            None => view! { <p class="loading">{t!(i18n, app.opening)}</p> }.into_any(),
            Some(Err(error)) => view! { <ErrorAlert error /> }.into_any(),
            Some(Ok(workspaces)) => {
                let unreadable = workspaces.unreadable;
                let first = workspaces.readable.is_empty() && unreadable == 0;
                view! {
                    <p class="lead">
                        {move || match first {
                            true => t_string!(i18n, workspaces.first_lead),
                            false => t_string!(i18n, workspaces.choose_lead),
                        }}
                    </p>
                    <ul class="workers" aria-label=move || t_string!(i18n, workspaces.workers)>
                        {workspaces
                            .readable
                            .into_iter()
                            .map(|record| {
                                let name = record.worker_name.clone();
                                let record = StoredValue::new_local(record);
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="worker"
                                            on:click=move |_| gate.choose(record.get_value())
                                        >
                                            {name}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    {(unreadable > 0)
                        .then(|| {
                            view! {
                                <Alert text=Signal::derive(move || {
                                    td_string!(i18n.get_locale(), workspaces.unreadable, count = unreadable).to_string()
                                }) />
                            }
                        })}
                    <p class="actions">
                        <a class="button primary" href=Route::AddWorker.href()>
                            {t!(i18n, workspaces.add_worker)}
                        </a>
                    </p>
                    // Cases an earlier Homeward kept unprotected stay closed: the first worker
                    // added takes them in, or the next one to unlock is asked.
                    {move || {
                        unprotected
                            .get()
                            .then(|| {
                                view! {
                                    <p>
                                        {move || match first {
                                            true => t_string!(i18n, workspaces.unprotected_note_first),
                                            false => t_string!(i18n, workspaces.unprotected_note),
                                        }}
                                    </p>
                                }
                            })
                    }}
                }
                    .into_any()
            }
        }}
        <p class="actions">
            <button type="button" class="secondary" on:click=|_| Workspace::Demo.switch_to()>
                {t!(i18n, workspaces.demo)}
            </button>
        </p>
    }
}
