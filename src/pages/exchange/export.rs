//! Writing an export file: choose the cases, choose a passphrase (typed twice, with a strength
//! hint), and the file is encrypted in the worker and saved with a name that says what it holds.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::worker::{ask, download, field, request};
use crate::app::{set_page_title, use_store};
use crate::components::fields::TextField;
use crate::components::focus::focus_id_later;
use crate::domain::exchange::{file_name, merge::exported};
use crate::domain::passphrase::{assess, Strength};
use crate::domain::{CaseId, CaseSummary};
use crate::pages::plan::today;

#[derive(Clone, PartialEq)]
enum Progress {
    Idle,
    Working,
    Done(String),
    Failed(String),
}

#[component]
pub fn ExportPage(case: Option<CaseId>) -> impl IntoView {
    let store = use_store();
    set_page_title("Export cases");
    let cases = LocalResource::new(move || {
        let store = store.get_value();
        async move { store.list().await }
    });
    view! {
        <h1>"Export cases"</h1>
        <p class="lead">"An export file carries whole cases to a colleague or into a backup. It is encrypted with a passphrase you choose; give the passphrase separately, never in the same message as the file."</p>
        {move || match cases.get() {
            None => view! { <p class="loading">"Loading cases…"</p> }.into_any(),
            Some(Err(error)) => view! { <p class="error-box" role="alert">{error.to_string()}</p> }.into_any(),
            Some(Ok(list)) if list.cases.is_empty() => view! { <p>"There are no cases on this device to export."</p> }.into_any(),
            Some(Ok(list)) => view! {
                {(list.unreadable > 0).then(|| view! {
                    <p class="error-box" role="alert">{format!("{} stored case(s) could not be read and cannot be exported. Nothing has been deleted; do not clear this browser's data.", list.unreadable)}</p>
                })}
                <ExportForm all=list.cases preselect=case />
            }.into_any(),
        }}
    }
}

#[component]
fn ExportForm(all: Vec<CaseSummary>, preselect: Option<CaseId>) -> impl IntoView {
    let store = use_store();
    let mut all = all;
    all.sort_by(|a, b| a.case_number.cmp(&b.case_number));
    let chosen = RwSignal::new(match preselect {
        // Started from one case: that case only, never everything by surprise.
        Some(id) => all.iter().map(|c| c.id).filter(|c| *c == id).collect::<HashSet<_>>(),
        None => all.iter().map(|c| c.id).collect::<HashSet<_>>(),
    });
    let all = StoredValue::new(all);
    let passphrase = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let unencrypted = RwSignal::new(false);
    let understood = RwSignal::new(false);
    let tried = RwSignal::new(false);
    let progress = RwSignal::new(Progress::Idle);
    let assessment = Memo::new(move |_| assess(&passphrase.get()));
    let strength = Memo::new(move |_| (!passphrase.with(String::is_empty)).then(|| assessment.with(|a| a.strength)));

    let passphrase_problem = Signal::derive(move || (tried.get() && !unencrypted.get()).then(|| assessment.get().refusal).flatten());
    let repeat_problem = Signal::derive(move || (tried.get() && !unencrypted.get() && passphrase.get() != repeat.get()).then(|| "The two passphrases are not the same.".to_string()));
    let choice_problem = Signal::derive(move || (tried.get() && chosen.with(HashSet::is_empty)).then(|| "Choose at least one case.".to_string()));
    let training_problem = Signal::derive(move || (tried.get() && unencrypted.get() && !understood.get()).then(|| "Confirm that the cases are fictional.".to_string()));

    let export = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let problem = choice_problem.get_untracked().or(training_problem.get_untracked()).or(passphrase_problem.get_untracked()).or(repeat_problem.get_untracked());
        if problem.is_some() || progress.get_untracked() == Progress::Working {
            crate::components::focus::focus_later("form.exchange-form [aria-invalid=true], form.exchange-form .case-choice input".into());
            return;
        }
        progress.set(Progress::Working);
        let ids: Vec<CaseId> = all.with_value(|all| all.iter().map(|c| c.id).filter(|id| chosen.with_untracked(|c| c.contains(id))).collect());
        let secret = (!unencrypted.get_untracked()).then(|| passphrase.get_untracked());
        // Used once, then gone from the page.
        passphrase.set(String::new());
        repeat.set(String::new());
        tried.set(false);
        let store = store.get_value();
        spawn_local(async move {
            // A backup covers what was stored when it was read, not what changed while encrypting.
            let started = chrono::Utc::now();
            let outcome: Result<String, String> = async {
                let cases: Vec<_> = store.get_many(&ids).await.map_err(|e| e.to_string())?.into_iter().flatten().map(exported).collect();
                let numbers: Vec<&str> = cases.iter().map(|c| c.case_number.as_str()).collect();
                let name = file_name(&numbers, today(), secret.is_some());
                let serializer = serde_wasm_bindgen::Serializer::json_compatible();
                let payload = serde::Serialize::serialize(&cases, &serializer).map_err(|e| e.to_string())?;
                let reply = ask(&request(&[
                    ("op", "export".into()),
                    ("cases", payload),
                    ("passphrase", secret.clone().map_or(wasm_bindgen::JsValue::NULL, |p| p.into())),
                    ("app_version", env!("CARGO_PKG_VERSION").into()),
                ]))
                .await?;
                let bytes: js_sys::Uint8Array = field(&reply, "bytes").into();
                download(&bytes, &name, if secret.is_some() { "application/octet-stream" } else { "application/json" })?;
                let marks: Vec<_> = cases.iter().map(|c| (c.id, c.version)).collect();
                // The file is saved; failing to record the exchange only makes a later import ask more.
                let _ = store.mark_exported(&marks).await;
                let saved = format!("Saved {name} with {} case{}.", cases.len(), if cases.len() == 1 { "" } else { "s" });
                // Every case on the device now, encrypted: a backup, which quiets the reminder.
                let in_file: HashSet<CaseId> = cases.iter().map(|c| c.id).collect();
                let every_case = store.list().await.is_ok_and(|now| now.cases.iter().all(|c| in_file.contains(&c.id)));
                if secret.is_some() && every_case && store.record_backup(started).await.is_ok() {
                    return Ok(format!("{saved} It is a backup of every case on this device; keep it somewhere safe, away from this device."));
                }
                Ok(saved)
            }
            .await;
            progress.set(match outcome {
                Ok(message) => Progress::Done(message),
                Err(message) => Progress::Failed(message),
            });
            focus_id_later("export-outcome");
        });
    };

    let toggle = move |id: CaseId, on: bool| chosen.update(|c| {
        if on {
            c.insert(id);
        } else {
            c.remove(&id);
        }
    });
    let count = move || chosen.with(HashSet::len);
    view! {
        <form class="narrow exchange-form" on:submit=export novalidate>
            <fieldset class="case-choice" aria-describedby="case-choice-error">
                <legend>"Cases to export"</legend>
                <div class="choice-tools">
                    <button type="button" class="small" on:click=move |_| chosen.set(all.with_value(|a| a.iter().map(|c| c.id).collect()))>"Select all"</button>
                    <button type="button" class="small" on:click=move |_| chosen.set(HashSet::new())>"Select none"</button>
                    <span class="muted">{move || format!("{} of {} chosen", count(), all.with_value(Vec::len))}</span>
                </div>
                <ul class="case-choices">
                    {all.with_value(|all| all.iter().map(|c| {
                        let id = c.id;
                        let label = match c.child_name.trim() {
                            "" => c.display_number().to_string(),
                            name => format!("{} ({name})", c.display_number()),
                        };
                        view! {
                            <li class="field checkbox">
                                <input type="checkbox" id=format!("choose-{id}") prop:checked=move || chosen.with(|c| c.contains(&id))
                                    on:change=move |ev| toggle(id, event_target_checked(&ev)) />
                                <label for=format!("choose-{id}")>{label}</label>
                            </li>
                        }
                    }).collect_view())}
                </ul>
                <p class="error" id="case-choice-error" role="alert">{move || choice_problem.get()}</p>
            </fieldset>

            <Show when=move || !unencrypted.get()>
                <TextField label="Passphrase" field="export.passphrase" kind="password" autocomplete="off" required=true
                    value=passphrase set=Callback::new(move |v| passphrase.set(v)) error=passphrase_problem
                    hint="At least 12 characters. Four or more unrelated words are strong and easy to say over the phone." />
                // Announced when the rating changes, not at every keystroke.
                <p class="strength" id="passphrase-strength" aria-live="polite">
                    {move || strength.get().map(|s| view! { "Strength: " <strong class=format!("strength-{}", strength_class(s))>{s.label()}</strong> })}
                </p>
                <TextField label="Repeat the passphrase" field="export.repeat" kind="password" autocomplete="off" required=true
                    value=repeat set=Callback::new(move |v| repeat.set(v)) error=repeat_problem />
            </Show>

            <div class="field checkbox">
                <input type="checkbox" id="export-unencrypted" prop:checked=move || unencrypted.get() on:change=move |ev| unencrypted.set(event_target_checked(&ev)) />
                <label for="export-unencrypted">"Export without encryption (training with fictional cases only)"</label>
            </div>
            <Show when=move || unencrypted.get()>
                <div class="warning-box" role="alert">
                    <p><strong>"Anyone who gets this file can read every word in it."</strong> " Use it only for fictional cases in a training. Never for a real child."</p>
                    <div class="field checkbox">
                        <input type="checkbox" id="export-understood" prop:checked=move || understood.get() on:change=move |ev| understood.set(event_target_checked(&ev)) />
                        <label for="export-understood">"These cases are fictional"</label>
                    </div>
                    <p class="error">{move || training_problem.get()}</p>
                </div>
            </Show>

            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || progress.get() == Progress::Working>
                    {move || match (count(), unencrypted.get()) {
                        (1, false) => "Export 1 case, encrypted".to_string(),
                        (n, false) => format!("Export {n} cases, encrypted"),
                        (1, true) => "Export 1 case without encryption".to_string(),
                        (n, true) => format!("Export {n} cases without encryption"),
                    }}
                </button>
                <a class="button secondary" href="#/">"Back to the cases"</a>
            </div>
            <div id="export-outcome" tabindex="-1" role="status" class="outcome">
                {move || match progress.get() {
                    Progress::Idle => None,
                    Progress::Working => Some(view! {
                        <p class="working"><progress aria-label="Encrypting"></progress> " Encrypting… this takes a few seconds. You can keep using the page."</p>
                    }.into_any()),
                    Progress::Done(message) => Some(view! {
                        <p class="notice">{message} " Give the passphrase to your colleague separately."</p>
                    }.into_any()),
                    Progress::Failed(message) => Some(view! { <p class="error-box">"The file was not made: " {message}</p> }.into_any()),
                }}
            </div>
        </form>
    }
}

fn strength_class(strength: Strength) -> &'static str {
    match strength {
        Strength::Weak => "weak",
        Strength::Fair => "fair",
        Strength::Strong => "strong",
        Strength::VeryStrong => "very-strong",
    }
}
