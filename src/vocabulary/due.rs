//! What falls due and when, and the backup reminder with its sizes in bytes.

use chrono::{DateTime, NaiveDate, Utc};

use super::catalogue::checklist_title;
use crate::domain::backup::{self, BackupStatus};
use crate::domain::{DueItem, DueWhat};
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

/// What falls due ("Need: Birth certificate", "Plan review"), in the interface's language; the
/// worker's own words are kept.
pub fn due_item_what(l: Locale, item: &DueItem) -> String {
    let words = |text: &str| {
        if text.is_empty() {
            td_string!(l, vocab.due_item.not_described_yet).to_string()
        } else {
            text.to_string()
        }
    };
    match &item.what {
        DueWhat::Need { text } => td_string!(l, vocab.due_item.need, what = words(text)).to_string(),
        DueWhat::Service { service_type, description } => {
            let what = match (description.as_str(), service_type) {
                ("", Some(kind)) => kind.in_locale(l).to_string(),
                (description, _) => words(description),
            };
            td_string!(l, vocab.due_item.service, what).to_string()
        }
        DueWhat::Action { text } => td_string!(l, vocab.due_item.action, what = words(text)).to_string(),
        DueWhat::Referral { to } => td_string!(l, vocab.due_item.referral, what = words(to)).to_string(),
        DueWhat::ReferralAnswer { to } => td_string!(l, vocab.due_item.urgent_answer, what = words(to)).to_string(),
        DueWhat::Checklist { activity, title } => {
            td_string!(l, vocab.due_item.checklist, what = checklist_title(l, activity.as_deref(), title)).to_string()
        }
        DueWhat::MonitoringVisit => td_string!(l, vocab.due_item.monitoring_visit).to_string(),
        DueWhat::SafetyPlanReview => td_string!(l, vocab.due_item.safety_plan_review).to_string(),
        DueWhat::PlanReview => td_string!(l, vocab.due_item.plan_review).to_string(),
    }
}
