//! Adding a worker on this device: their name and passphrase make a protected workspace, then
//! its recovery key is shown, once, to print or copy and keep before the workspace opens.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::unlock::ReadyWorker;
use crate::components::alert::Alert;
use crate::components::fields::TextField;
use crate::components::focus::{focus_id_later, focus_later, focus_main_later};
use crate::components::new_passphrase::{passphrase_problems, repeat_label, NewPassphrase};
use crate::context::{keep_page_title, navigate_replacing, signed_in, use_gate};
use crate::domain::protection::worker_name;
use crate::i18n::{t, t_string, use_i18n};
use crate::route::Route;
use crate::storage::workspaces::Created;
use crate::unlocking::{self, Failure};
use crate::vocabulary::{failure_text, InWords, Tried};
use crate::workspace::Workspace;

#[component]
pub fn AddWorkerPage() -> impl IntoView {
    let i18n = use_i18n();
    keep_page_title(move || t_string!(i18n, workspaces.add_title).to_string());
    let made = StoredValue::new_local(None::<Created>);
    let shown = RwSignal::new(false);
    view! {
        <Show
            when=move || shown.get()
            fallback=move || {
                view! {
                    <AddWorkerForm
                        made=Callback::new(move |()| {
                            shown.set(true);
                            focus_id_later("recovery-key-title");
                        })
                        store=made
                    />
                }
            }
        >
            <RecoveryKeyShown made />
        </Show>
    }
}

#[component]
fn AddWorkerForm(made: Callback<()>, store: StoredValue<Option<Created>, LocalStorage>) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let checked = RwSignal::new(false);
    let working = RwSignal::new(false);
    let failure = RwSignal::new_local(None::<Failure>);
    // The names already here: a second "Ana" could not be told apart on the opening screen.
    let others = RwSignal::new(Vec::<String>::new());
    spawn_local(async move {
        if let Ok(names) = unlocking::worker_names().await {
            others.try_set(names);
        }
    });
    let worker = ReadyWorker::start();
    let name_problem = Signal::derive(move || {
        let others = others.get();
        let others: Vec<&str> = others.iter().map(String::as_str).collect();
        checked.get().then(|| worker_name(&name.get(), &others).err()).flatten()
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        checked.set(true);
        if working.get_untracked() {
            return;
        }
        let (refusal, mismatch) =
            passphrase_problems(i18n.get_locale_untracked(), &passphrase.get_untracked(), &repeat.get_untracked());
        if name_problem.get_untracked().is_some() || refusal.or(mismatch).is_some() {
            focus_later("form.add-worker [aria-invalid=true]".into());
            return;
        }
        let others = others.get_untracked();
        let Ok(worker_name) =
            worker_name(&name.get_untracked(), &others.iter().map(String::as_str).collect::<Vec<_>>())
        else {
            return;
        };
        working.set(true);
        failure.set(None);
        let chosen = passphrase.get_untracked();
        spawn_local(async move {
            let outcome = match worker.take() {
                Ok(kdf) => unlocking::create(kdf, worker_name, &chosen).await,
                Err(failure) => Err(failure),
            };
            working.try_set(false);
            match outcome {
                Ok(created) => {
                    passphrase.try_set(String::new());
                    repeat.try_set(String::new());
                    store.try_set_value(Some(created));
                    made.run(());
                }
                Err(refused) => {
                    failure.try_set(Some(refused));
                    worker.renew();
                }
            }
        });
    };
    view! {
        <h1>{t!(i18n, workspaces.add_title)}</h1>
        <p class="lead">{t!(i18n, workspaces.add_lead)}</p>
        <form class="narrow add-worker" on:submit=submit novalidate>
            <TextField
                label=move || t_string!(i18n, workspaces.your_name).to_string()
                field="worker.name"
                required=true
                value=name
                set=Callback::new(move |v| name.set(v))
                error=Signal::derive(move || name_problem.get().map(|p| p.in_words(i18n.get_locale())))
                hint=Signal::derive(move || t_string!(i18n, workspaces.your_name_hint).to_string())
            />
            <NewPassphrase
                field="worker"
                passphrase
                repeat
                checked
                label=Signal::derive(move || t_string!(i18n, workspaces.passphrase).to_string())
                repeat_label=repeat_label()
                hint=Signal::derive(move || t_string!(i18n, workspaces.passphrase_hint).to_string())
            />
            <Alert text=Signal::derive(move || {
                failure.get().map(|f| failure_text(i18n.get_locale(), &f, Tried::Passphrase)).unwrap_or_default()
            }) />
            <p role="status" class="muted">
                {move || working.get().then_some(t!(i18n, workspaces.creating))}
            </p>
            <p class="actions">
                <button type="submit" class="primary">
                    {t!(i18n, workspaces.create)}
                </button>
                <a class="button secondary" href=Route::CaseList.href()>
                    {t!(i18n, workspaces.back)}
                </a>
            </p>
        </form>
    }
}

/// The recovery key, shown once: printed or copied, and kept, before the workspace opens.
#[component]
fn RecoveryKeyShown(made: StoredValue<Option<Created>, LocalStorage>) -> impl IntoView {
    let i18n = use_i18n();
    let gate = use_gate();
    let key = made.with_value(|m| m.as_ref().map(|c| c.recovery_key.to_display())).unwrap_or_default();
    let worker = made.with_value(|m| m.as_ref().map(|c| c.record.worker_name.clone())).unwrap_or_default();
    let kept = RwSignal::new(false);
    let tried = RwSignal::new(false);
    let copied = RwSignal::new(None::<bool>);
    let copy = {
        let key = key.clone();
        move |_| {
            let clipboard = window().navigator().clipboard();
            let writing = clipboard.write_text(&key);
            spawn_local(async move {
                let done = wasm_bindgen_futures::JsFuture::from(writing).await.is_ok();
                copied.try_set(Some(done));
            });
        }
    };
    // Until it is kept, nothing leads away from the key: no link, no reload without asking.
    gate.holding_key.set(true);
    let on_leave = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if gate.holding_key.get_untracked() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    on_cleanup(move || on_leave.remove());
    let open = move |_| {
        tried.set(true);
        if !kept.get_untracked() {
            focus_later("#recovery-key-kept".into());
            return;
        }
        let Some(created) = made.try_update_value(Option::take).flatten() else { return };
        gate.holding_key.set(false);
        if signed_in() {
            // Added from another worker's open workspace: the page starts again, so nothing of
            // that workspace stays in it, and the new worker unlocks their own.
            created.store.close();
            Workspace::Worker(created.record.id).switch_to();
            return;
        }
        navigate_replacing(Route::CaseList);
        gate.open(created.store, Some(created.record));
        focus_main_later();
    };
    view! {
        <h1 id="recovery-key-title" tabindex="-1">
            {t!(i18n, workspaces.key_title)}
        </h1>
        <p class="lead">{t!(i18n, workspaces.key_lead)}</p>
        <div class="recovery-key-sheet">
            <p class="muted">
                {
                    let worker = worker.clone();
                    move || t_string!(i18n, workspaces.key_for, name = worker.clone()).to_string()
                }
            </p>
            <p class="recovery-key">
                <code>{key.clone()}</code>
            </p>
            <p>{t!(i18n, workspaces.key_keep)}</p>
        </div>
        <p class="actions no-print">
            <button type="button" class="secondary" on:click=|_| drop(window().print())>
                {t!(i18n, workspaces.print)}
            </button>
            <button type="button" class="secondary" on:click=copy>
                {t!(i18n, workspaces.copy)}
            </button>
        </p>
        <p role="status" class="no-print">
            {move || match copied.get() {
                Some(true) => Some(t_string!(i18n, workspaces.copied).to_string()),
                Some(false) => Some(t_string!(i18n, workspaces.not_copied).to_string()),
                None => None,
            }}
        </p>
        <div class="field checkbox no-print">
            <input
                autocomplete="off"
                type="checkbox"
                id="recovery-key-kept"
                aria-invalid=move || (tried.get() && !kept.get()).then_some("true")
                aria-describedby="recovery-key-kept-error"
                prop:checked=move || kept.get()
                on:change=move |ev| kept.set(event_target_checked(&ev))
            />
            <label for="recovery-key-kept">{t!(i18n, workspaces.kept)}</label>
        </div>
        <p class="error no-print" id="recovery-key-kept-error" role="alert">
            {move || (tried.get() && !kept.get()).then(|| t_string!(i18n, workspaces.kept_needed).to_string())}
        </p>
        <p class="actions no-print">
            <button type="button" class="primary" on:click=open>
                {t!(i18n, workspaces.open_workspace)}
            </button>
        </p>
    }
}
