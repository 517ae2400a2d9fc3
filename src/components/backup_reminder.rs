//! On the case list: a reminder to export a backup, when one is due and not put off.

use std::sync::Arc;

use chrono::{Duration, Utc};
use gloo_storage::{LocalStorage as Prefs, Storage};
use leptos::prelude::*;

use crate::context::use_store;
use crate::domain::backup::BackupStatus;
use crate::domain::CaseSummary;
use crate::i18n::{t, use_i18n};
use crate::route::Route;
use crate::storage::{StorageError, Store};

const SNOOZE_PREF: &str = "homeward.backup.snoozed_until";

/// When every case was last backed up, and whether a backup is due; `cases` when the list is
/// already read.
pub async fn backup_status(store: Store, cases: Option<Arc<[CaseSummary]>>) -> Result<BackupStatus, StorageError> {
    let cases = match cases {
        Some(cases) => cases,
        None => store.list().await?.cases.into(),
    };
    Ok(BackupStatus::assess(store.last_backup().await?, &cases, Utc::now()))
}

#[component]
pub fn BackupReminder(cases: Arc<[CaseSummary]>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let snoozed = RwSignal::new(
        Prefs::get::<String>(SNOOZE_PREF)
            .ok()
            .and_then(|until| crate::domain::stored_dates::parse_time(&until))
            .is_some_and(|until| until > Utc::now()),
    );
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
