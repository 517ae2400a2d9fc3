//! Who is recorded in the history. In a worker's workspace: the worker's name, and changing
//! their passphrase. Elsewhere (the demo, cases not yet protected): a name kept as a small
//! preference in this browser, set once and changeable.

use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::components::alert::Alert;
use crate::components::fields::TextField;
use crate::components::focus::focus_later;
use crate::components::new_passphrase::{passphrase_problems, repeat_label, NewPassphrase};
use crate::context::{keep_page_title, session, signed_in, unnamed, use_profile};
use crate::domain::protection::IdleMinutes;
use crate::i18n::{t, t_string, use_i18n};
use crate::kdf::KdfWorker;
use crate::storage::registry::Registry;
use crate::storage::workspaces;
use crate::unlocking::{self, Failure};
use crate::vocabulary::{failure_text, Tried};
use crate::workspace::Workspace;

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    keep_page_title(move || t_string!(i18n, storage.profile.title).to_string());
    let profile = use_profile();
    let worker = match Workspace::chosen() {
        Some(Workspace::Worker(id)) if signed_in() => Some(id),
        _ => None,
    };
    view! {
        <h1>{t!(i18n, storage.profile.title)}</h1>
        {match worker {
            Some(id) => {
                view! {
                    <p class="lead">
                        {move || {
                            t_string!(i18n, workspaces.you_are, name = profile.0.get().unwrap_or_default()).to_string()
                        }}
                    </p>
                    <IdleTime id />
                    <ChangePassphrase id />
                }
                    .into_any()
            }
            None => view! { <BrowserName /> }.into_any(),
        }}
    }
}

#[component]
fn BrowserName() -> impl IntoView {
    let i18n = use_i18n();
    let profile = use_profile();
    let typed = RwSignal::new(profile.0.get_untracked().unwrap_or_default());
    view! {
        <p class="lead">{t!(i18n, storage.profile.lead)}</p>
        <form class="narrow" on:submit=|ev| ev.prevent_default()>
            <TextField
                label=move || t_string!(i18n, storage.profile.name)
                field="profile.name"
                value=typed
                set=Callback::new(move |v: String| {
                    typed.set(v.clone());
                    profile.set(v);
                })
                hint=move || t_string!(i18n, storage.profile.name_hint)
            />
        </form>
        <p role="status">
            {move || match profile.0.get() {
                Some(name) => t_string!(i18n, storage.profile.recorded_as, name).to_string(),
                None => t_string!(i18n, storage.profile.no_name, unnamed = unnamed(i18n.get_locale())).to_string(),
            }}
        </p>
    }
}

/// How long without use before the workspace locks itself, kept in the registry and told to
/// the workspace's other tabs.
#[component]
fn IdleTime(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let minutes = RwSignal::new(None::<u8>);
    let saved = RwSignal::new(None::<Result<u8, String>>);
    spawn_local(async move {
        if let Ok(registry) = Registry::open().await {
            if let Ok(Some(record)) = registry.get(id).await {
                minutes.try_set(Some(record.idle_minutes.minutes()));
            }
            registry.close();
        }
    });
    let choose = move |chosen: u8| {
        let Some(idle) = IdleMinutes::new(chosen) else { return };
        minutes.set(Some(chosen));
        spawn_local(async move {
            let outcome = async {
                let registry = Registry::open().await?;
                let written = workspaces::set_idle_minutes(&registry, id, idle).await;
                registry.close();
                written
            }
            .await;
            match outcome {
                Ok(()) => {
                    session::set_idle_minutes(id, idle);
                    saved.try_set(Some(Ok(chosen)));
                }
                Err(error) => {
                    let failure = Failure::Protection(error);
                    saved.try_set(Some(Err(failure_text(i18n.get_locale_untracked(), &failure, Tried::Passphrase))));
                }
            }
        });
    };
    view! {
        <h2>{t!(i18n, workspaces.idle_title)}</h2>
        <div class="field">
            <label for="idle-minutes">{t!(i18n, workspaces.idle_label)}</label>
            <select
                id="idle-minutes"
                autocomplete="off"
                aria-describedby="idle-minutes-saved"
                on:change=move |ev| {
                    if let Ok(chosen) = event_target_value(&ev).parse() {
                        choose(chosen);
                    }
                }
            >
                {IDLE_CHOICES
                    .into_iter()
                    .map(|n| {
                        view! {
                            <option value=n.to_string() selected=move || minutes.get() == Some(n)>
                                {move || t_string!(i18n, workspaces.idle_minutes, n).to_string()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
        <p role="status" id="idle-minutes-saved">
            {move || match saved.get() {
                Some(Ok(n)) => t_string!(i18n, workspaces.idle_saved, n).to_string(),
                Some(Err(reason)) => reason,
                None => String::new(),
            }}
        </p>
    }
}

/// The idle times offered, within what a workspace accepts (5 to 60 minutes).
const IDLE_CHOICES: [u8; 7] = [5, 10, 15, 20, 30, 45, 60];

#[derive(Clone, PartialEq)]
enum Changing {
    Idle,
    Working,
    Done,
    Refused(Failure),
}

/// A new passphrase, proven by the current one. Only the key's wrap changes; no case is written.
#[component]
fn ChangePassphrase(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let current = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let checked = RwSignal::new(false);
    let changing = RwSignal::new_local(Changing::Idle);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        checked.set(true);
        if changing.with_untracked(|c| *c == Changing::Working) {
            return;
        }
        let (refusal, mismatch) =
            passphrase_problems(i18n.get_locale_untracked(), &passphrase.get_untracked(), &repeat.get_untracked());
        if current.with_untracked(String::is_empty) || refusal.or(mismatch).is_some() {
            focus_later("form.change-passphrase [aria-invalid=true]".into());
            return;
        }
        let (old, new) = (current.get_untracked(), passphrase.get_untracked());
        changing.set(Changing::Working);
        spawn_local(async move {
            let workers = KdfWorker::start().and_then(|a| KdfWorker::start().map(|b| (a, b)));
            let outcome = match workers {
                Ok(workers) => unlocking::change_passphrase(workers, id, &old, &new).await.map(drop),
                Err(failure) => Err(Failure::Kdf(failure)),
            };
            match outcome {
                Ok(()) => {
                    for typed in [current, passphrase, repeat] {
                        typed.try_set(String::new());
                    }
                    checked.try_set(false);
                    changing.try_set(Changing::Done);
                }
                Err(failure) => drop(changing.try_set(Changing::Refused(failure))),
            }
        });
    };
    let current_problem = Signal::derive(move || {
        (checked.get() && current.with(String::is_empty))
            .then(|| t_string!(i18n, workspaces.current_needed).to_string())
    });
    view! {
        <h2>{t!(i18n, workspaces.change_title)}</h2>
        <form class="narrow change-passphrase" on:submit=submit novalidate>
            <TextField
                label=move || t_string!(i18n, workspaces.current_passphrase).to_string()
                field="change.current"
                kind="password"
                required=true
                value=current
                set=Callback::new(move |v| current.set(v))
                error=current_problem
            />
            <NewPassphrase
                field="change"
                passphrase
                repeat
                checked
                label=Signal::derive(move || t_string!(i18n, workspaces.new_passphrase).to_string())
                repeat_label=repeat_label()
                hint=Signal::derive(move || t_string!(i18n, workspaces.passphrase_hint).to_string())
            />
            <Alert text=Signal::derive(move || match changing.get() {
                Changing::Refused(failure) => failure_text(i18n.get_locale(), &failure, Tried::Passphrase),
                _ => String::new(),
            }) />
            <p role="status">
                {move || match changing.get() {
                    Changing::Working => Some(t_string!(i18n, workspaces.changing).to_string()),
                    Changing::Done => Some(t_string!(i18n, workspaces.changed).to_string()),
                    _ => None,
                }}
            </p>
            <button type="submit" class="primary">
                {t!(i18n, workspaces.change)}
            </button>
        </form>
    }
}
