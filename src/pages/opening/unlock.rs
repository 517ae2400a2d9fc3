//! A worker's workspace, locked: opened with the passphrase, or with the recovery key and a new
//! passphrase. The key-derivation worker starts as the form appears, so its code loads while
//! the passphrase is typed. Wrong tries only bring growing waits, counted down here; nothing is
//! ever wiped.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::alert::Alert;
use crate::components::focus::{focus_later, focus_main_later};
use crate::context::{keep_page_title, use_gate, Gate, GateState};
use crate::i18n::{t, t_string, td_string, use_i18n};
use crate::kdf::KdfWorker;
use crate::route::Route;
use crate::storage::workspaces::ProtectionError;
use crate::unlocking::{self, Failure};
use crate::vocabulary::{countdown, failure_text, Tried};
use crate::workspace::Workspace;

#[component]
pub fn UnlockPage() -> impl IntoView {
    let i18n = use_i18n();
    keep_page_title(move || t_string!(i18n, workspaces.unlock_title).to_string());
    let GateState::Locked(record) = use_gate().state.get_untracked() else { return ().into_any() };
    // When the next try may be made, from the registry and from each wrong try.
    let wait = RwSignal::new(record.next_try_at);
    focus_later("#f-unlock-passphrase".into());
    view! {
        <PassphraseForm id=record.id name=record.worker_name.clone() wait />
        <NotYou name=record.worker_name />
    }
    .into_any()
}

/// Back to the opening screen, for someone who is not this worker.
#[component]
pub(super) fn NotYou(name: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="actions">
            <button type="button" class="link" on:click=|_| Workspace::leave()>
                {move || t_string!(i18n, workspaces.not_you, name = name.clone()).to_string()}
            </button>
        </p>
    }
}

/// A refusal's wait, shown here and kept in the gate's record, so the other form (recovery, or
/// back to the passphrase) shows it too.
pub(super) fn note_wait(gate: Gate, wait: RwSignal<Option<DateTime<Utc>>>, failure: &Failure) {
    let until = wait_after(failure);
    wait.try_set(until);
    gate.state.update_untracked(|state| {
        if let GateState::Locked(record) = state {
            record.next_try_at = until;
        }
    });
}

/// A key-derivation worker kept ready for the next try.
#[derive(Clone, Copy)]
pub(super) struct ReadyWorker(StoredValue<Option<KdfWorker>, LocalStorage>);

impl ReadyWorker {
    /// Started as the form appears, so its code loads while the form is filled in.
    pub(super) fn start() -> Self {
        Self(StoredValue::new_local(KdfWorker::start().ok()))
    }

    /// The worker for this try: the one ready, or one started now (or why none can be).
    pub(super) fn take(self) -> Result<KdfWorker, Failure> {
        unlocking::kdf_worker(self.0.try_update_value(Option::take).flatten())
    }

    /// Another worker made ready for the next try (each derives one key, then stops).
    pub(super) fn renew(self) {
        self.0.try_set_value(KdfWorker::start().ok());
    }
}

/// What a try came to: being worked on, or refused with its reason.
#[derive(Clone, PartialEq)]
pub(super) enum Trying {
    Idle,
    Working,
    Refused(Failure),
}

/// The wait a refusal brings, if any.
fn wait_after(failure: &Failure) -> Option<DateTime<Utc>> {
    match failure {
        Failure::Protection(ProtectionError::Wrong { next_try_at, .. }) => *next_try_at,
        Failure::Protection(ProtectionError::TooSoon { until }) => Some(*until),
        _ => None,
    }
}

#[component]
fn PassphraseForm(id: uuid::Uuid, name: String, wait: RwSignal<Option<DateTime<Utc>>>) -> impl IntoView {
    let i18n = use_i18n();
    let gate = use_gate();
    let passphrase = RwSignal::new(String::new());
    let trying = RwSignal::new_local(Trying::Idle);
    let worker = ReadyWorker::start();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if trying.with_untracked(|t| *t == Trying::Working) {
            return;
        }
        let typed = passphrase.get_untracked();
        if typed.is_empty() {
            focus_later("#f-unlock-passphrase".into());
            return;
        }
        trying.set(Trying::Working);
        spawn_local(async move {
            let outcome = match worker.take() {
                Ok(kdf) => unlocking::unlock(kdf, id, &typed).await,
                Err(failure) => Err(failure),
            };
            match outcome {
                Ok(opened) => {
                    passphrase.try_set(String::new());
                    gate.open(opened.store, Some(opened.record));
                    focus_main_later();
                }
                Err(failure) => {
                    note_wait(gate, wait, &failure);
                    trying.try_set(Trying::Refused(failure));
                    worker.renew();
                    focus_later("#f-unlock-passphrase".into());
                }
            }
        });
    };
    let problem = Signal::derive(move || match trying.get() {
        Trying::Refused(failure) => failure_text(i18n.get_locale(), &failure, Tried::Passphrase),
        _ => String::new(),
    });
    view! {
        <h1>{t!(i18n, workspaces.unlock_title)}</h1>
        <p class="lead">
            {
                let name = name.clone();
                move || t_string!(i18n, workspaces.unlock_lead, name = name.clone()).to_string()
            }
        </p>
        <form class="narrow" on:submit=submit novalidate>
            // A plain field rather than the form components, which the first load carries for
            // this one field alone.
            <div class="field">
                <label for="f-unlock-passphrase">
                    {t!(i18n, workspaces.passphrase)} <span class="required" aria-hidden="true">
                        " *"
                    </span>
                </label>
                <input
                    id="f-unlock-passphrase"
                    type="password"
                    required
                    autocomplete="off"
                    aria-describedby="unlock-problem"
                    prop:value=move || passphrase.get()
                    on:input=move |ev| passphrase.set(event_target_value(&ev))
                />
            </div>
            <Alert text=problem id="unlock-problem" />
            <WaitNotice wait />
            <p role="status" class="muted">
                {move || (trying.get() == Trying::Working).then_some(t!(i18n, workspaces.unlocking))}
            </p>
            <button type="submit" class="primary">
                {t!(i18n, workspaces.unlock)}
            </button>
        </form>
        <p class="actions">
            <a href=Route::Recover.href()>{t!(i18n, workspaces.forgot)}</a>
        </p>
    }
}

/// "You can try again in 0:20", counted down each second while a wait lasts.
#[component]
pub(super) fn WaitNotice(wait: RwSignal<Option<DateTime<Utc>>>) -> impl IntoView {
    let i18n = use_i18n();
    let now = RwSignal::new(Utc::now());
    let ticking = set_interval_with_handle(move || now.set(Utc::now()), std::time::Duration::from_secs(1)).ok();
    on_cleanup(move || {
        if let Some(ticking) = ticking {
            ticking.clear();
        }
    });
    let left = move || wait.get().map(|until| (until - now.get()).num_seconds() + 1).filter(|s| *s > 0);
    view! {
        // Not a live region: read out each second, it would drown everything else.
        <p class="wait">
            {move || {
                left()
                    .map(|seconds| {
                        td_string!(i18n.get_locale(), workspaces.try_again_in, time = countdown(seconds)).to_string()
                    })
            }}
        </p>
    }
}
