//! How safely the cases are kept in this browser: persistent storage, space used, and backups.
//! Browsers may clear a site's data; an encrypted export of every case is the copy that survives.

use chrono::{DateTime, Duration, Utc};
use gloo_storage::{LocalStorage as Prefs, Storage};
use js_sys::{Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::StorageManager;

use crate::app::{set_page_title, use_store};
use crate::domain::backup::{format_bytes, BackupStatus};
use crate::domain::CaseSummary;
use crate::route::Route;
use crate::storage::StorageError;

const SNOOZE_PREF: &str = "homeward.backup.snoozed_until";

fn manager() -> Option<StorageManager> {
    let navigator = window().navigator();
    // Absent outside secure contexts and in old browsers.
    Reflect::has(&navigator, &JsValue::from_str("storage")).ok()?.then(|| navigator.storage())
}

async fn settle(promise: Result<Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

/// Whether the browser has promised not to evict this site's data; None if it cannot say.
pub async fn is_persisted() -> Option<bool> {
    settle(manager()?.persisted()).await?.as_bool()
}

/// Asks for that promise. Chrome decides silently (installed, bookmarked, used often); Firefox
/// asks the user, so this is called when there is something worth keeping.
pub async fn ask_to_persist() -> Option<bool> {
    settle(manager()?.persist()).await?.as_bool()
}

/// (bytes used, bytes this site may use), as the browser estimates them.
async fn estimate() -> Option<(f64, f64)> {
    let estimate = settle(manager()?.estimate()).await?;
    let number = |key: &str| Reflect::get(&estimate, &JsValue::from_str(key)).ok()?.as_f64();
    Some((number("usage")?, number("quota")?))
}

async fn backup_status(store: crate::storage::Store, cases: Option<Vec<CaseSummary>>) -> Result<BackupStatus, StorageError> {
    let cases = match cases {
        Some(cases) => cases,
        None => store.list().await?.cases,
    };
    Ok(BackupStatus::assess(store.last_backup().await?, &cases, Utc::now()))
}

#[component]
pub fn StoragePage() -> impl IntoView {
    set_page_title("Storage and backup");
    let store = use_store();
    let space = LocalResource::new(estimate);
    let backup = LocalResource::new(move || backup_status(store.get_value(), None));
    view! {
        <h1>"Storage and backup"</h1>
        <p class="lead">"Homeward keeps every case in this browser, on this device, and nowhere else. Nothing is sent anywhere. That also means nobody else has a copy: if this browser's data is lost, only your exported backups remain."</p>
        <section class="panel" aria-labelledby="kept-title">
            <h2 id="kept-title">"Kept on this device"</h2>
            <Persistence />
            {move || space.get().map(|found| match found {
                Some((used, quota)) => view! {
                    <p>{format!("Homeward uses {} here. The browser lets it use about {} on this device.", format_bytes(used), format_bytes(quota))}</p>
                }.into_any(),
                None => view! { <p>"This browser does not say how much space Homeward uses."</p> }.into_any(),
            })}
        </section>
        <section class="panel" aria-labelledby="backup-title">
            <h2 id="backup-title">"Backups"</h2>
            {move || backup.get().map(|status| match status {
                Ok(status) => {
                    let now = Utc::now();
                    view! {
                        <p>{format!("Last backup of every case: {}.", status.last_described(now))}</p>
                        <p>{match (status.changed, status.last) {
                            (0, Some(_)) => "Every case is in that backup as it is now.".to_string(),
                            (0, None) => "There are no cases to back up yet.".to_string(),
                            (1, _) => "1 case has changed since, or is new.".to_string(),
                            (n, _) => format!("{n} cases have changed since, or are new."),
                        }}</p>
                        <p>"A backup is an encrypted export of every case. Keep it away from this device (a USB stick kept safely, or your organisation's storage), and the passphrase somewhere else."</p>
                        <a class="button primary" href=Route::Export { case: None }.href()>"Export a backup of all cases"</a>
                    }.into_any()
                }
                Err(error) => view! { <p class="error-box" role="alert">{error.to_string()}</p> }.into_any(),
            })}
        </section>
        <section class="panel" aria-labelledby="risk-title">
            <h2 id="risk-title">"When browsers delete data"</h2>
            <ul>
                <li>"Safari, and every browser on iPhone and iPad, deletes a site's data after 7 days without a visit, unless Homeward was added to the Home Screen. Open Homeward at least weekly there, or add it to the Home Screen."</li>
                <li>"Private or incognito windows delete everything when they are closed. Do not use Homeward in one."</li>
                <li>"\"Clear browsing data\", cleaning tools and resetting the browser delete the cases. So does uninstalling the browser, or a shared computer that is wiped at log-out."</li>
                <li>"When the device is short of space, a browser may delete the data of sites it has not been asked to keep (see above)."</li>
            </ul>
        </section>
    }
}

#[component]
fn Persistence() -> impl IntoView {
    // None: still asking the browser; Some(None): it cannot say.
    let state = RwSignal::new(None::<Option<bool>>);
    let declined = RwSignal::new(false);
    spawn_local(async move { state.set(Some(is_persisted().await)) });
    let ask = move |_| {
        spawn_local(async move {
            let granted = ask_to_persist().await;
            declined.set(granted != Some(true));
            state.set(Some(is_persisted().await.or(granted)));
        })
    };
    view! {
        <div role="status">
            {move || match state.get() {
                None => view! { <p class="loading">"Asking the browser…"</p> }.into_any(),
                Some(Some(true)) => view! {
                    <p class="state-ok"><strong>"Protected."</strong>" This browser has agreed to keep Homeward's data and not delete it to free space. Clearing the browser's data still deletes it, so keep exporting backups."</p>
                }.into_any(),
                Some(Some(false)) => view! {
                    <p class="state-warn"><strong>"Not protected yet."</strong>" The browser may delete Homeward's data when the device is short of space."</p>
                    <button type="button" class="secondary" on:click=ask>"Ask the browser to keep Homeward's data"</button>
                    <Show when=move || declined.get()>
                        <p class="hint">"The browser did not agree this time. Chrome and Edge usually agree once Homeward is installed (\"Install app\" or \"Add to Home screen\") or used often; Firefox asks you. Until then, export backups regularly."</p>
                    </Show>
                }.into_any(),
                Some(None) => view! {
                    <p class="state-warn">"This browser does not say whether it keeps Homeward's data. Export backups regularly."</p>
                }.into_any(),
            }}
        </div>
    }
}

/// On the case list: a reminder to export a backup, when one is due and not put off.
#[component]
pub fn BackupReminder(cases: Vec<CaseSummary>) -> impl IntoView {
    let store = use_store();
    let snoozed = RwSignal::new(Prefs::get::<DateTime<Utc>>(SNOOZE_PREF).is_ok_and(|until| until > Utc::now()));
    let cases = StoredValue::new(cases);
    let status = LocalResource::new(move || backup_status(store.get_value(), Some(cases.get_value())));
    let later = move |_| {
        let _ = Prefs::set(SNOOZE_PREF, Utc::now() + Duration::days(1));
        snoozed.set(true);
    };
    move || {
        let status = status.get().and_then(Result::ok).filter(|s| s.due && !snoozed.get())?;
        Some(view! {
            <section class="backup-reminder" aria-labelledby="backup-reminder-title">
                <h2 id="backup-reminder-title">"Time for a backup"</h2>
                <p>{status.reminder(Utc::now())} " If this browser's data is lost, a backup is the only copy."</p>
                <div class="form-actions">
                    <a class="button primary" href=Route::Export { case: None }.href()>"Export a backup of all cases"</a>
                    <button type="button" class="secondary" on:click=later>"Remind me tomorrow"</button>
                    <a href=Route::Storage.href()>"Why backups matter"</a>
                </div>
            </section>
        })
    }
}
