//! The cases an earlier Homeward kept unprotected on this device, moved into the workspace just
//! unlocked (`storage::workspaces::move_cases`): at once for the device's first worker, whose
//! workspace was made for them; after asking, for a worker whose workspace was already here.
//! The move is shown as it goes; one cut short (the tab closed, the browser killed) goes on at
//! the next unlock, and a failure keeps every case where it was.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::alert::Alert;
use crate::components::focus::{focus_id_later, focus_main_later};
use crate::context::{asked_about_moving, keep_page_title, use_gate, GateState};
use crate::domain::protection::{WorkspaceRecord, WorkspaceState};
use crate::i18n::{t, t_string, td_string, use_i18n, Locale};
use crate::storage::registry::Registry;
use crate::storage::workspaces::{self, ProtectionError};
use crate::storage::{cases_kept_unprotected, Moved, Store, DB_NAME};
use crate::unlocking::Failure;
use crate::vocabulary::{failure_text, Tried};

#[derive(Clone, Copy, PartialEq)]
enum Step {
    /// Counting the cases kept unprotected, before asking.
    Counting,
    /// Asking whether to move this many.
    Asking(usize),
    /// Moving: (moved, total) once known.
    Moving(Option<(usize, usize)>),
    Failed,
}

#[component]
pub fn MovingPage() -> impl IntoView {
    let i18n = use_i18n();
    let gate = use_gate();
    keep_page_title(move || t_string!(i18n, moving.title).to_string());
    let (Some(store), GateState::Moving(record)) = (gate.store(), gate.state.get_untracked()) else {
        return ().into_any();
    };
    let waiting = matches!(record.state, WorkspaceState::Moving { .. });
    let step = RwSignal::new(if waiting { Step::Moving(None) } else { Step::Counting });
    let failure = RwSignal::new_local(None::<Failure>);
    let held = StoredValue::new_local((store, record));
    // The move asked for here has begun (the record says so): trying again goes on with it.
    let begun = StoredValue::new(waiting);
    let open = move |record: Option<WorkspaceRecord>, moved: Option<Moved>| {
        let (store, asked) = held.get_value();
        if let Some(moved) = moved.filter(|moved| moved.cases > 0) {
            gate.notice().show(moved_text(i18n.get_locale_untracked(), &moved));
        }
        gate.open(store, Some(record.unwrap_or(asked)));
        focus_main_later();
    };
    let failed = move |error: ProtectionError| {
        failure.try_set(Some(Failure::Protection(error)));
        step.try_set(Step::Failed);
        focus_id_later("moving-title");
    };
    let run = move || {
        step.set(Step::Moving(None));
        failure.set(None);
        focus_id_later("moving-title");
        spawn_local(async move {
            let (store, record) = held.get_value();
            let progress = move |moved, total| {
                step.try_set(Step::Moving(Some((moved, total))));
            };
            match move_into(&store, &record, begun, &progress).await {
                Ok((record, moved)) => open(Some(record), Some(moved)),
                Err(error) => failed(error),
            }
        });
    };
    if waiting {
        run();
    } else {
        spawn_local(async move {
            match cases_kept_unprotected(DB_NAME).await {
                Ok(count) if count > 0 => {
                    asked_about_moving();
                    step.try_set(Step::Asking(count));
                }
                Ok(_) => open(None, None),
                Err(error) => failed(error.into()),
            }
        });
    }
    let status = move || match step.get() {
        Step::Moving(Some((moved, total))) if total > 0 => {
            td_string!(i18n.get_locale(), moving.progress, moved = moved, total = total).to_string()
        }
        Step::Moving(_) => t_string!(i18n, moving.started).to_string(),
        _ => String::new(),
    };
    view! {
        <h1 id="moving-title" tabindex="-1">
            {t!(i18n, moving.title)}
        </h1>
        // One region, its text changed as the move goes, so each count is announced.
        <p role="status">{status}</p>
        {move || match step.get() {
            Step::Counting => view! { <p class="loading">{t!(i18n, app.opening)}</p> }.into_any(),
            Step::Asking(count) => {
                view! {
                    <p class="lead">{move || td_string!(i18n.get_locale(), moving.ask, count = count)}</p>
                    <p>{t!(i18n, moving.why)}</p>
                    <p class="actions">
                        <button type="button" class="primary" on:click=move |_| run()>
                            {t!(i18n, moving.now)}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| open(None, None)>
                            {t!(i18n, moving.later)}
                        </button>
                    </p>
                }
                    .into_any()
            }
            Step::Moving(progress) => {
                view! {
                    <p class="lead">{t!(i18n, moving.lead)}</p>
                    {progress
                        .filter(|(_, total)| *total > 0)
                        .map(|(moved, total)| {
                            view! {
                                <progress
                                    class="moving"
                                    max=total
                                    value=moved
                                    aria-label=move || t_string!(i18n, moving.title)
                                ></progress>
                            }
                        })}
                }
                    .into_any()
            }
            Step::Failed => {
                view! {
                    <Alert text=Signal::derive(move || {
                        failure
                            .get()
                            .map(|f| failure_text(i18n.get_locale(), &f, Tried::Passphrase))
                            .unwrap_or_default()
                    }) />
                    <p>{t!(i18n, moving.failed)}</p>
                    <p class="actions">
                        <button type="button" class="primary" on:click=move |_| run()>
                            {t!(i18n, moving.again)}
                        </button>
                        // Never a dead end: the workspace opens, and the move is tried again
                        // at the next unlock.
                        <button type="button" class="secondary" on:click=move |_| open(None, None)>
                            {t!(i18n, moving.skip)}
                        </button>
                    </p>
                }
                    .into_any()
            }
        }}
    }
    .into_any()
}

/// What a finished move says: how many cases are protected now, what could not be read, and
/// whether the unprotected copy is gone.
fn moved_text(l: Locale, moved: &Moved) -> String {
    let mut text = td_string!(l, moving.done, count = moved.cases - moved.unreadable).to_string();
    if moved.unreadable > 0 {
        text = format!("{text} {}", td_string!(l, moving.unreadable, count = moved.unreadable));
    }
    let copy = match moved.kept {
        true => td_string!(l, moving.kept),
        false => td_string!(l, moving.deleted),
    };
    format!("{text} {copy}")
}

/// The move: begun here after asking (once: `begun` is then set), or as the record asks.
async fn move_into(
    store: &Store,
    record: &WorkspaceRecord,
    begun: StoredValue<bool>,
    progress: &dyn Fn(usize, usize),
) -> Result<(WorkspaceRecord, Moved), ProtectionError> {
    let registry = Registry::open().await?;
    let moved = async {
        if !begun.get_value() {
            workspaces::begin_move(&registry, store, record.id).await?;
            begun.set_value(true);
        }
        workspaces::move_cases(&registry, store, record.id, progress).await
    }
    .await;
    registry.close();
    moved
}
