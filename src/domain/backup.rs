//! When to remind the worker to export a backup, and how to say how much space is used.
//! Browser storage can be cleared or evicted; an encrypted export of every case is the only
//! copy that survives that.

use chrono::{DateTime, Duration, Local, NaiveDate, Utc};

use super::CaseSummary;

/// A backup older than this, with changes since, earns a reminder.
pub const BACKUP_DUE_AFTER_DAYS: i64 = 7;

/// How the device's cases stand against the last full backup.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupStatus {
    pub last: Option<DateTime<Utc>>,
    /// Cases changed (or made) after the last backup; every case if there never was one.
    pub changed: usize,
    /// True when the worker should be reminded now.
    pub due: bool,
}

impl BackupStatus {
    pub fn assess(last: Option<DateTime<Utc>>, cases: &[CaseSummary], now: DateTime<Utc>) -> Self {
        let changed = cases.iter().filter(|c| last.is_none_or(|at| c.updated_at > at)).count();
        let stale = last.is_none_or(|at| now - at >= Duration::days(BACKUP_DUE_AFTER_DAYS));
        Self { last, changed, due: changed > 0 && stale }
    }

    /// "never", "today", "yesterday" or "12 days ago (11 November 2026)".
    pub fn last_described(&self, now: DateTime<Utc>) -> String {
        let Some((days, day)) = self.last_day(now) else { return "never".into() };
        match days {
            ..=0 => "today".into(),
            1 => "yesterday".into(),
            days => format!("{days} days ago ({})", day.format("%-d %B %Y")),
        }
    }

    /// The day of the last backup on this device's calendar, and how many days before `now`'s
    /// day it was (0 or less: today); none before the first backup.
    pub fn last_day(&self, now: DateTime<Utc>) -> Option<(i64, NaiveDate)> {
        let at = self.last?;
        let (day, today) = (at.with_timezone(&Local).date_naive(), now.with_timezone(&Local).date_naive());
        Some(((today - day).num_days(), day))
    }

    /// The reminder's sentence.
    pub fn reminder(&self, now: DateTime<Utc>) -> String {
        let cases = if self.changed == 1 { "1 case has".to_string() } else { format!("{} cases have", self.changed) };
        match self.last {
            None => format!("You have not exported a backup yet. {cases} no copy outside this browser."),
            Some(_) => format!("Your last backup was {}. {cases} changed since.", self.last_described(now)),
        }
    }
}

/// Bytes as a person reads them: "850 KB", "12.4 MB", "3.1 GB".
pub fn format_bytes(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1000.0 {
        return format!("{} bytes", bytes.max(0.0).round());
    }
    let mut value = bytes / 1000.0;
    let mut unit = 0;
    while value >= 1000.0 && unit < UNITS.len() - 1 {
        value /= 1000.0;
        unit += 1;
    }
    if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, day, 12, 0, 0).unwrap()
    }

    fn case(updated: DateTime<Utc>) -> CaseSummary {
        crate::domain::Case::new(uuid::Uuid::new_v4(), "HW-1".into(), updated).summary()
    }

    #[test]
    fn nothing_to_back_up_is_never_due() {
        let status = BackupStatus::assess(None, &[], at(20));
        assert_eq!((status.changed, status.due), (0, false));
    }

    #[test]
    fn cases_never_backed_up_are_due_at_once() {
        let status = BackupStatus::assess(None, &[case(at(20))], at(20));
        assert!(status.due);
        assert_eq!(
            status.reminder(at(20)),
            "You have not exported a backup yet. 1 case has no copy outside this browser."
        );
    }

    #[test]
    fn a_recent_backup_holds_off_the_reminder_until_a_week_has_passed() {
        let cases = [case(at(2)), case(at(10)), case(at(12))];
        let recent = BackupStatus::assess(Some(at(9)), &cases, at(15));
        assert_eq!((recent.changed, recent.due), (2, false));
        let old = BackupStatus::assess(Some(at(9)), &cases, at(16));
        assert_eq!((old.changed, old.due), (2, true));
        assert_eq!(
            old.reminder(at(16)),
            "Your last backup was 7 days ago (9 November 2026). 2 cases have changed since."
        );
    }

    #[test]
    fn an_old_backup_with_no_change_since_is_not_due() {
        let status = BackupStatus::assess(Some(at(3)), &[case(at(2))], at(22));
        assert_eq!((status.changed, status.due), (0, false));
    }

    #[test]
    fn bytes_read_naturally() {
        assert_eq!(format_bytes(512.0), "512 bytes");
        assert_eq!(format_bytes(850_000.0), "850 KB");
        assert_eq!(format_bytes(12_400_000.0), "12 MB");
        assert_eq!(format_bytes(3_140_000_000.0), "3.1 GB");
    }

    #[test]
    fn the_last_backup_day_is_counted_back_from_today() {
        assert_eq!(BackupStatus::assess(None, &[], at(20)).last_day(at(20)), None);
        let status = BackupStatus::assess(Some(at(9)), &[], at(16));
        let (days, day) = status.last_day(at(16)).unwrap();
        assert_eq!(days, 7);
        assert_eq!(status.last_described(at(16)), format!("7 days ago ({})", day.format("%-d %B %Y")));
    }
}
