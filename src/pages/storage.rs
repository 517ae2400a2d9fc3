//! How safely the cases are kept in this browser: persistent storage, space used, and backups.
//! Browsers may clear a site's data; an encrypted export of every case is the copy that survives.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use gloo_storage::{LocalStorage as Prefs, Storage};
use js_sys::{Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::StorageManager;

use crate::app::{keep_page_title, use_store};
use crate::domain::backup::BackupStatus;
use crate::domain::CaseSummary;
use crate::i18n::{number, t, t_string, use_i18n};
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

async fn backup_status(
    store: crate::storage::Store,
    cases: Option<Arc<[CaseSummary]>>,
) -> Result<BackupStatus, StorageError> {
    let cases = match cases {
        Some(cases) => cases,
        None => store.list().await?.cases.into(),
    };
    Ok(BackupStatus::assess(store.last_backup().await?, &cases, Utc::now()))
}

#[component]
pub fn StoragePage() -> impl IntoView {
    let i18n = use_i18n();
    keep_page_title(move || t_string!(i18n, storage.title).to_string());
    let store = use_store();
    let space = LocalResource::new(estimate);
    let backup = LocalResource::new(move || backup_status(store.get_value(), None));
    view! {
        <h1>{t!(i18n, storage.title)}</h1>
        <p class="lead">{t!(i18n, storage.lead)}</p>
        <section class="panel" aria-labelledby="kept-title">
            <h2 id="kept-title">{t!(i18n, storage.kept_title)}</h2>
            <Persistence />
            {move || {
                space
                    .get()
                    .map(|found| match found {
                        Some((used, quota)) => {
                            view! {
                                <p>
                                    {move || {
                                        let l = i18n.get_locale();
                                        t_string!(
                                            i18n, storage.space_used, used = crate::vocabulary::bytes(l, used), quota = crate::vocabulary::bytes(l, quota)
                                        )
                                            .to_string()
                                    }}
                                </p>
                            }
                                .into_any()
                        }
                        None => view! { <p>{t!(i18n, storage.space_unknown)}</p> }.into_any(),
                    })
            }}
        </section>
        <section class="panel" aria-labelledby="backup-title">
            <h2 id="backup-title">{t!(i18n, storage.backups_title)}</h2>
            {move || {
                backup
                    .get()
                    .map(|status| match status {
                        Ok(status) => {
                            let now = Utc::now();
                            view! {
                                <p>
                                    {
                                        let status = status.clone();
                                        move || {
                                            t_string!(
                                                i18n, storage.last_backup, when = crate::vocabulary::backup_last(i18n.get_locale(), &status, now)
                                            )
                                                .to_string()
                                        }
                                    }
                                </p>
                                <p>
                                    {
                                        let (changed, last) = (status.changed, status.last);
                                        move || match (changed, last) {
                                            (0, Some(_)) => t_string!(i18n, storage.all_in_backup).to_string(),
                                            (0, None) => t_string!(i18n, storage.nothing_to_back_up).to_string(),
                                            (1, _) => t_string!(i18n, storage.changed_one).to_string(),
                                            (n, _) => {
                                                t_string!(
                                                    i18n, storage.changed_many, count = number(i18n.get_locale(), n as f64)
                                                )
                                                    .to_string()
                                            }
                                        }
                                    }
                                </p>
                                <p>{t!(i18n, storage.backup_explained)}</p>
                                <a class="button primary" href=Route::Export { case: None }.href()>
                                    {t!(i18n, storage.export_all)}
                                </a>
                            }
                                .into_any()
                        }
                        Err(error) => {
                            view! {
                                <p class="error-box" role="alert">
                                    {move || crate::vocabulary::storage_error(i18n.get_locale(), &error)}
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
        </section>
        <section class="panel" aria-labelledby="risk-title">
            <h2 id="risk-title">{t!(i18n, storage.risks_title)}</h2>
            <ul>
                <li>{t!(i18n, storage.risk_safari)}</li>
                <li>{t!(i18n, storage.risk_private)}</li>
                <li>{t!(i18n, storage.risk_clearing)}</li>
                <li>{t!(i18n, storage.risk_space)}</li>
            </ul>
        </section>
    }
}

#[component]
fn Persistence() -> impl IntoView {
    let i18n = use_i18n();
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
                None => view! { <p class="loading">{t!(i18n, storage.asking)}</p> }.into_any(),
                Some(Some(true)) => {
                    view! {
                        <p class="state-ok">
                            {t!(
                                i18n, storage.protected, <strong> = |children: ChildrenFn| view! { <strong>{children()}</strong> }
                            )}
                        </p>
                    }
                        .into_any()
                }
                Some(Some(false)) => {
                    view! {
                        <p class="state-warn">
                            {t!(
                                i18n, storage.not_protected, <strong> = |children: ChildrenFn| view! { <strong>{children()}</strong> }
                            )}
                        </p>
                        <button type="button" class="secondary" on:click=ask>
                            {t!(i18n, storage.ask_to_keep)}
                        </button>
                        <Show when=move || declined.get()>
                            <p class="hint">{t!(i18n, storage.declined)}</p>
                        </Show>
                    }
                        .into_any()
                }
                Some(None) => view! { <p class="state-warn">{t!(i18n, storage.cannot_say)}</p> }.into_any(),
            }}
        </div>
    }
}

/// On the case list: a reminder to export a backup, when one is due and not put off.
#[component]
pub fn BackupReminder(cases: Arc<[CaseSummary]>) -> impl IntoView {
    let i18n = use_i18n();
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
                <h2 id="backup-reminder-title">{t!(i18n, storage.reminder.title)}</h2>
                <p>
                    {move || crate::vocabulary::backup_reminder(i18n.get_locale(), &status, Utc::now())} " "
                    {t!(i18n, storage.reminder.only_copy)}
                </p>
                <div class="form-actions">
                    <a class="button primary" href=Route::Export { case: None }.href()>
                        {t!(i18n, storage.export_all)}
                    </a>
                    <button type="button" class="secondary" on:click=later>
                        {t!(i18n, storage.reminder.later)}
                    </button>
                    <a href=Route::Storage.href()>{t!(i18n, storage.reminder.why)}</a>
                </div>
            </section>
        })
    }
}
