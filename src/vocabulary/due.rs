//! What falls due and when, and the backup reminder with its sizes in bytes.

use chrono::{DateTime, NaiveDate, Utc};

use super::catalogue::stored_checklist_title;
use crate::domain::backup::{self, BackupStatus};
use crate::domain::{Choice, DueItem, DuePlace, ServiceType};
use crate::i18n::{long_date, td_string, Locale, Translate};

/// When the last backup was: "never", "today", "yesterday", "3 days ago (20 November 2026)".
pub fn backup_last(l: Locale, status: &BackupStatus, now: DateTime<Utc>) -> String {
    match status.last_day(now) {
        None => td_string!(l, vocab.backup.never).to_string(),
        Some((..=0, _)) => td_string!(l, vocab.backup.today).to_string(),
        Some((1, _)) => td_string!(l, vocab.backup.yesterday).to_string(),
        Some((days, day)) => td_string!(l, vocab.backup.days_ago, days, date = long_date(l, day)).to_string(),
    }
}

/// The reminder to export a backup: when the last one was and how many cases changed since.
pub fn backup_reminder(l: Locale, status: &BackupStatus, now: DateTime<Utc>) -> String {
    let n = status.changed;
    match (status.last.is_some(), n == 1) {
        (false, true) => td_string!(l, vocab.backup.none_yet_one).to_string(),
        (false, false) => td_string!(l, vocab.backup.none_yet_many, n).to_string(),
        (true, true) => td_string!(l, vocab.backup.last_one, when = backup_last(l, status, now)).to_string(),
        (true, false) => td_string!(l, vocab.backup.last_many, when = backup_last(l, status, now), n).to_string(),
    }
}

/// A size in bytes as [`backup::format_bytes`] gives it ("532 bytes", "1.5 MB"), with the
/// language's decimal comma and unit names.
pub fn bytes(l: Locale, size: f64) -> String {
    let english = backup::format_bytes(size);
    let Some((n, unit)) = english.split_once(' ') else { return english };
    let n = if l == Locale::en { n.to_string() } else { n.replace('.', ",") };
    match unit {
        "KB" => td_string!(l, vocab.size.kb, n).to_string(),
        "MB" => td_string!(l, vocab.size.mb, n).to_string(),
        "GB" => td_string!(l, vocab.size.gb, n).to_string(),
        "TB" => td_string!(l, vocab.size.tb, n).to_string(),
        _ => td_string!(l, vocab.size.bytes, n).to_string(),
    }
}

/// How far off a date is: "due today", "due in 3 days", "2 days overdue".
pub fn due_description(l: Locale, date: NaiveDate, today: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => td_string!(l, vocab.due.today).to_string(),
        1 => td_string!(l, vocab.due.tomorrow).to_string(),
        -1 => td_string!(l, vocab.due.one_day_overdue).to_string(),
        d if d < 0 => td_string!(l, vocab.due.days_overdue, n = -d).to_string(),
        n => td_string!(l, vocab.due.in_days, n).to_string(),
    }
}

/// What falls due, as stored in English with the case's summary ("Need: Birth certificate",
/// "Plan review"), in the interface's language; the worker's own words are kept.
pub fn due_item_what(l: Locale, item: &DueItem) -> String {
    let stored = item.what.as_str();
    if l == Locale::en {
        return stored.to_string();
    }
    let words = |text: &str| {
        if text == "(not described yet)" {
            td_string!(l, vocab.due_item.not_described_yet).to_string()
        } else {
            text.to_string()
        }
    };
    let after = |prefix: &str| stored.strip_prefix(prefix).map(words);
    let translated = match item.place {
        DuePlace::Needs => after("Need: ").map(|what| td_string!(l, vocab.due_item.need, what).to_string()),
        DuePlace::Services => after("Service: ").map(|what| {
            let what = ServiceType::ALL.iter().find(|k| k.label() == what).map_or(what, |k| k.in_locale(l).to_string());
            td_string!(l, vocab.due_item.service, what).to_string()
        }),
        DuePlace::Actions => after("Action: ").map(|what| td_string!(l, vocab.due_item.action, what).to_string()),
        DuePlace::Referrals => after("Answer to urgent referral: ")
            .map(|what| td_string!(l, vocab.due_item.urgent_answer, what).to_string())
            .or_else(|| after("Referral: ").map(|what| td_string!(l, vocab.due_item.referral, what).to_string())),
        DuePlace::Checklist => stored
            .strip_prefix("Checklist: ")
            .map(|title| td_string!(l, vocab.due_item.checklist, what = stored_checklist_title(l, title)).to_string()),
        DuePlace::Monitoring => {
            (stored == "Monitoring visit").then(|| td_string!(l, vocab.due_item.monitoring_visit).to_string())
        }
        DuePlace::Case => (stored == "Plan review").then(|| td_string!(l, vocab.due_item.plan_review).to_string()),
    };
    translated.unwrap_or_else(|| stored.to_string())
}
