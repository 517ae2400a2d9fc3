//! How often the case worker visits, and when the next visit falls due.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "every", content = "days")]
pub enum VisitFrequency {
    Weekly,
    EveryTwoWeeks,
    Monthly,
    Quarterly,
    EveryNDays(u16),
}

impl VisitFrequency {
    /// Keys and labels for the frequency picker; "every N days" takes its number separately.
    pub const CHOICES: [(&'static str, &'static str); 5] = [
        ("weekly", "Weekly"),
        ("every_two_weeks", "Every two weeks"),
        ("monthly", "Monthly"),
        ("quarterly", "Quarterly"),
        ("every_n_days", "Every … days"),
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::Weekly => "weekly",
            Self::EveryTwoWeeks => "every_two_weeks",
            Self::Monthly => "monthly",
            Self::Quarterly => "quarterly",
            Self::EveryNDays(_) => "every_n_days",
        }
    }

    /// Offered when "every N days" is first chosen.
    pub const DEFAULT_DAYS: u16 = 10;

    /// The frequency chosen in the picker; "every N days" keeps the number of days it had.
    pub fn choose(key: &str, current: Option<Self>) -> Option<Self> {
        let days = match current {
            Some(Self::EveryNDays(n)) if n > 0 => n,
            _ => Self::DEFAULT_DAYS,
        };
        Self::from_key(key, days)
    }

    /// The number of days of "every N days"; none for the other frequencies or while unset.
    pub fn days(self) -> Option<u16> {
        match self {
            Self::EveryNDays(n) if n > 0 => Some(n),
            _ => None,
        }
    }

    /// `days` is used only by "every N days".
    pub fn from_key(key: &str, days: u16) -> Option<Self> {
        Some(match key {
            "weekly" => Self::Weekly,
            "every_two_weeks" => Self::EveryTwoWeeks,
            "monthly" => Self::Monthly,
            "quarterly" => Self::Quarterly,
            "every_n_days" => Self::EveryNDays(days),
            _ => return None,
        })
    }

    pub fn describe(self) -> String {
        match self {
            Self::EveryNDays(1) => "Every day".into(),
            Self::EveryNDays(n) => format!("Every {n} days"),
            other => Self::CHOICES.iter().find(|(k, _)| *k == other.key()).map(|(_, l)| l.to_string()).unwrap_or_default(),
        }
    }

    /// The visit after one on `from`. Calendar months keep the day of month where it exists
    /// (31 January + 1 month = 28 or 29 February).
    pub fn after(self, from: NaiveDate) -> Option<NaiveDate> {
        match self {
            Self::Weekly => from.checked_add_days(Days::new(7)),
            Self::EveryTwoWeeks => from.checked_add_days(Days::new(14)),
            Self::Monthly => from.checked_add_months(Months::new(1)),
            Self::Quarterly => from.checked_add_months(Months::new(3)),
            Self::EveryNDays(0) => None,
            Self::EveryNDays(n) => from.checked_add_days(Days::new(n.into())),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Monitoring {
    pub frequency: Option<VisitFrequency>,
    pub last_visit: Option<NaiveDate>,
    pub notes: String,
}

impl Monitoring {
    /// The next visit counts from the last visit, or from the plan's start when there has been none.
    pub fn next_visit(&self, plan_start: Option<NaiveDate>) -> Option<NaiveDate> {
        let frequency = self.frequency?;
        match self.last_visit {
            Some(last) => frequency.after(last),
            // Before any visit, the first one is due one interval after the plan starts.
            None => frequency.after(plan_start?),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn intervals() {
        let from = d("2026-01-31");
        assert_eq!(VisitFrequency::Weekly.after(from), Some(d("2026-02-07")));
        assert_eq!(VisitFrequency::EveryTwoWeeks.after(from), Some(d("2026-02-14")));
        assert_eq!(VisitFrequency::Monthly.after(from), Some(d("2026-02-28")));
        assert_eq!(VisitFrequency::Quarterly.after(from), Some(d("2026-04-30")));
        assert_eq!(VisitFrequency::EveryNDays(10).after(from), Some(d("2026-02-10")));
        assert_eq!(VisitFrequency::EveryNDays(0).after(from), None);
    }

    #[test]
    fn next_visit_counts_from_last_visit_else_plan_start() {
        let mut m = Monitoring { frequency: Some(VisitFrequency::Monthly), ..Default::default() };
        assert_eq!(m.next_visit(None), None);
        assert_eq!(m.next_visit(Some(d("2026-03-01"))), Some(d("2026-04-01")));
        m.last_visit = Some(d("2026-03-20"));
        assert_eq!(m.next_visit(Some(d("2026-03-01"))), Some(d("2026-04-20")));
        m.frequency = None;
        assert_eq!(m.next_visit(Some(d("2026-03-01"))), None);
    }

    #[test]
    fn choosing_every_n_days_keeps_or_offers_a_number() {
        assert_eq!(VisitFrequency::choose("every_n_days", Some(VisitFrequency::Monthly)), Some(VisitFrequency::EveryNDays(10)));
        assert_eq!(VisitFrequency::choose("every_n_days", Some(VisitFrequency::EveryNDays(4))), Some(VisitFrequency::EveryNDays(4)));
        assert_eq!(VisitFrequency::choose("weekly", Some(VisitFrequency::EveryNDays(4))), Some(VisitFrequency::Weekly));
        assert_eq!(VisitFrequency::choose("", None), None);
        assert_eq!(VisitFrequency::EveryNDays(0).days(), None);
        assert_eq!(VisitFrequency::EveryNDays(6).days(), Some(6));
    }

    #[test]
    fn frequency_keys_round_trip() {
        for f in [VisitFrequency::Weekly, VisitFrequency::EveryTwoWeeks, VisitFrequency::Monthly, VisitFrequency::Quarterly, VisitFrequency::EveryNDays(9)] {
            assert_eq!(VisitFrequency::from_key(f.key(), 9), Some(f));
        }
        assert_eq!(VisitFrequency::EveryNDays(3).describe(), "Every 3 days");
        assert_eq!(VisitFrequency::Quarterly.describe(), "Quarterly");
        let json = serde_json::to_string(&VisitFrequency::EveryNDays(5)).unwrap();
        assert_eq!(serde_json::from_str::<VisitFrequency>(&json).unwrap(), VisitFrequency::EveryNDays(5));
    }
}
