//! A locked workspace opened with its recovery key, and given a new passphrase in the same step:
//! the forgotten one no longer opens it. Part of the whole app (the first load hands over for
//! it), so the rules for a new passphrase do not weigh on the first load.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::unlock::{note_wait, NotYou, ReadyWorker, Trying, WaitNotice};
use crate::components::alert::Alert;
use crate::components::fields::TextField;
use crate::components::focus::{focus_later, focus_main_later};
use crate::components::new_passphrase::{passphrase_problems, repeat_label, NewPassphrase};
use crate::context::{keep_page_title, navigate_replacing, use_gate, GateState};
use crate::domain::protection::RecoveryKey;
use crate::i18n::{t, t_string, use_i18n};
use crate::route::Route;
use crate::unlocking;
use crate::vocabulary::{failure_text, InWords, Tried};

#[component]
pub fn RecoverPage() -> impl IntoView {
    let i18n = use_i18n();
    keep_page_title(move || t_string!(i18n, workspaces.recover_title).to_string());
    let GateState::Locked(record) = use_gate().state.get_untracked() else {
        // Open already: nothing to recover.
        navigate_replacing(Route::CaseList);
        return ().into_any();
    };
    let wait = RwSignal::new(record.next_try_at);
    view! {
        <RecoveryForm id=record.id name=record.worker_name.clone() wait />
        <WaitNotice wait />
        <NotYou name=record.worker_name />
    }
    .into_any()
}

#[component]
fn RecoveryForm(id: uuid::Uuid, name: String, wait: RwSignal<Option<DateTime<Utc>>>) -> impl IntoView {
    let i18n = use_i18n();
    let gate = use_gate();
    let typed_key = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let checked = RwSignal::new(false);
    let trying = RwSignal::new_local(Trying::Idle);
    let worker = ReadyWorker::start();
    let key_problem =
        Signal::derive(move || checked.get().then(|| RecoveryKey::parse(&typed_key.get()).err()).flatten());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        checked.set(true);
        if trying.with_untracked(|t| *t == Trying::Working) {
            return;
        }
        let l = i18n.get_locale_untracked();
        let (refusal, mismatch) = passphrase_problems(l, &passphrase.get_untracked(), &repeat.get_untracked());
        let key = RecoveryKey::parse(&typed_key.get_untracked());
        let Ok(key) = key.map_err(drop).and_then(|k| if refusal.or(mismatch).is_some() { Err(()) } else { Ok(k) })
        else {
            focus_later("form.recovery [aria-invalid=true]".into());
            return;
        };
        trying.set(Trying::Working);
        let new_passphrase = passphrase.get_untracked();
        spawn_local(async move {
            let outcome = match worker.take() {
                Ok(kdf) => unlocking::recover(kdf, id, &key, &new_passphrase).await,
                Err(failure) => Err(failure),
            };
            match outcome {
                Ok(opened) => {
                    navigate_replacing(Route::CaseList);
                    gate.open(opened.store, Some(opened.record));
                    focus_main_later();
                }
                Err(failure) => {
                    note_wait(gate, wait, &failure);
                    trying.try_set(Trying::Refused(failure));
                    worker.renew();
                }
            }
        });
    };
    let problem = Signal::derive(move || match trying.get() {
        Trying::Refused(failure) => failure_text(i18n.get_locale(), &failure, Tried::RecoveryKey),
        _ => String::new(),
    });
    view! {
        <h1>{t!(i18n, workspaces.recover_title)}</h1>
        <p class="lead">
            {
                let name = name.clone();
                move || t_string!(i18n, workspaces.recover_lead, name = name.clone()).to_string()
            }
        </p>
        <form class="narrow recovery" on:submit=submit novalidate>
            <TextField
                label=move || t_string!(i18n, workspaces.recovery_key).to_string()
                field="recover.key"
                required=true
                value=typed_key
                set=Callback::new(move |v| typed_key.set(v))
                error=Signal::derive(move || key_problem.get().map(|p| p.in_words(i18n.get_locale())))
                hint=Signal::derive(move || t_string!(i18n, workspaces.recovery_key_hint).to_string())
            />
            <NewPassphrase
                field="recover"
                passphrase
                repeat
                checked
                label=Signal::derive(move || t_string!(i18n, workspaces.new_passphrase).to_string())
                repeat_label=repeat_label()
                hint=Signal::derive(move || t_string!(i18n, workspaces.passphrase_hint).to_string())
            />
            <Alert text=problem />
            <p role="status" class="muted">
                {move || (trying.get() == Trying::Working).then_some(t!(i18n, workspaces.unlocking))}
            </p>
            <button type="submit" class="primary">
                {t!(i18n, workspaces.recover)}
            </button>
        </form>
        <p class="actions">
            <a href=Route::CaseList.href()>{t!(i18n, workspaces.back_to_passphrase)}</a>
        </p>
    }
}
