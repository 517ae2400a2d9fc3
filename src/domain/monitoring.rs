//! How often the case worker visits, and when the next visit falls due.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::choices::{lenient, Choice};
use super::items::{Action, ItemList, ListItem};

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
            other => {
                Self::CHOICES.iter().find(|(k, _)| *k == other.key()).map(|(_, l)| l.to_string()).unwrap_or_default()
            }
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

choice!(
    /// Whether the child was seen without the carers present, as safeguarding practice asks.
    SeenAlone {
        NotRecorded = "not_recorded": "Not recorded",
        Yes = "yes": "Yes",
        No = "no": "No",
        NotAppropriate = "not_appropriate": "Not appropriate (age or wishes)",
    }
);
default_choice!(SeenAlone => NotRecorded);

/// One monitoring visit as logged by the person who made it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Visit {
    pub id: Uuid,
    pub date: Option<NaiveDate>,
    pub visited_by: String,
    pub place: String,
    /// Who was seen: the child, carers, siblings, teachers…
    pub seen: String,
    #[serde(deserialize_with = "lenient")]
    pub seen_alone: SeenAlone,
    /// The child's wellbeing and safety as observed.
    pub wellbeing: String,
    /// The plan's services, checked: received as planned or not.
    pub services_checked: String,
    pub concerns: String,
    pub follow_up: String,
    /// The plan action made from the follow-up, once it was made one.
    pub follow_up_action: Option<Uuid>,
}

impl Default for Visit {
    fn default() -> Self {
        Self {
            id: Uuid::new_v4(),
            date: None,
            visited_by: String::new(),
            place: String::new(),
            seen: String::new(),
            seen_alone: SeenAlone::default(),
            wellbeing: String::new(),
            services_checked: String::new(),
            concerns: String::new(),
            follow_up: String::new(),
            follow_up_action: None,
        }
    }
}

impl ListItem for Visit {
    fn id(&self) -> Uuid {
        self.id
    }
}

impl Visit {
    /// A visit made today by `worker`, ready to be filled in.
    pub fn new(today: NaiveDate, worker: &str) -> Self {
        Self { date: Some(today), visited_by: worker.to_string(), ..Self::default() }
    }

    /// Whether anything was written beyond what a new visit starts with.
    pub fn has_notes(&self) -> bool {
        [&self.place, &self.seen, &self.wellbeing, &self.services_checked, &self.concerns, &self.follow_up]
            .iter()
            .any(|t| !t.trim().is_empty())
    }

    /// The plan action that carries this visit's follow-up, for the action list.
    pub fn as_action(&self) -> Action {
        Action { what: self.follow_up.trim().to_string(), responsible: self.visited_by.clone(), ..Action::default() }
    }

    /// "Visit on 3 November 2026", or "Visit (date not set)".
    pub fn title(&self) -> String {
        match self.date {
            Some(date) => format!("Visit on {}", date.format("%-d %B %Y")),
            None => "Visit (date not set)".into(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Monitoring {
    pub frequency: Option<VisitFrequency>,
    /// A visit made before visits were logged here (plans from earlier versions keep theirs).
    pub last_visit: Option<NaiveDate>,
    pub visits: ItemList<Visit>,
    pub notes: String,
}

impl Monitoring {
    /// The latest visit: logged, or entered as the last one before the log.
    pub fn latest_visit(&self) -> Option<NaiveDate> {
        self.visits.iter().filter_map(|v| v.date).chain(self.last_visit).max()
    }

    /// The next visit counts from the latest visit, or from the plan's start when there has been none.
    pub fn next_visit(&self, plan_start: Option<NaiveDate>) -> Option<NaiveDate> {
        let frequency = self.frequency?;
        match self.latest_visit() {
            Some(last) => frequency.after(last),
            // Before any visit, the first one is due one interval after the plan starts.
            None => frequency.after(plan_start?),
        }
    }

    /// Visits newest first, as the log shows them (undated ones, being filled in, on top).
    pub fn visits_newest_first(&self) -> Vec<Visit> {
        let mut visits = self.visits.0.clone();
        visits.sort_by(|a, b| match (a.date, b.date) {
            (None, None) => std::cmp::Ordering::Equal,
            (None, Some(_)) => std::cmp::Ordering::Less,
            (Some(_), None) => std::cmp::Ordering::Greater,
            (Some(x), Some(y)) => y.cmp(&x),
        });
        visits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_new_visit_has_nothing_written_until_something_is() {
        let mut visit = Visit::new(d("2026-12-07"), "Ana");
        assert!(!visit.has_notes(), "the day and the visitor are given, not written");
        visit.concerns = "Counselling not started.".into();
        assert!(visit.has_notes());
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
    fn month_ends_and_leap_years() {
        assert_eq!(VisitFrequency::Monthly.after(d("2028-01-31")), Some(d("2028-02-29")), "leap year");
        assert_eq!(VisitFrequency::Monthly.after(d("2028-02-29")), Some(d("2028-03-29")));
        assert_eq!(VisitFrequency::Quarterly.after(d("2027-11-30")), Some(d("2028-02-29")));
        assert_eq!(VisitFrequency::Quarterly.after(d("2026-11-30")), Some(d("2027-02-28")));
        assert_eq!(VisitFrequency::Weekly.after(d("2028-02-26")), Some(d("2028-03-04")));
        assert_eq!(VisitFrequency::EveryTwoWeeks.after(d("2026-12-25")), Some(d("2027-01-08")), "across the year");
        assert_eq!(VisitFrequency::EveryNDays(365).after(d("2027-03-01")), Some(d("2028-02-29")));
    }

    #[test]
    fn each_logged_visit_moves_the_next_one() {
        let mut m = Monitoring {
            frequency: Some(VisitFrequency::EveryTwoWeeks),
            last_visit: Some(d("2026-10-01")),
            ..Default::default()
        };
        assert_eq!(m.next_visit(None), Some(d("2026-10-15")));
        m.visits.push(Visit::new(d("2026-10-20"), "Ana"));
        assert_eq!(m.next_visit(None), Some(d("2026-11-03")));
        // A visit logged late, for an earlier date, does not move it back.
        m.visits.push(Visit::new(d("2026-10-10"), "Ana"));
        assert_eq!(m.next_visit(None), Some(d("2026-11-03")));
        let undated = Visit::default();
        m.visits.push(undated.clone());
        assert_eq!(m.latest_visit(), Some(d("2026-10-20")));
        let order: Vec<_> = m.visits_newest_first().iter().map(|v| v.date).collect();
        assert_eq!(order, [None, Some(d("2026-10-20")), Some(d("2026-10-10"))]);
    }

    #[test]
    fn a_follow_up_becomes_a_plan_action_for_the_visitor() {
        let mut visit = Visit::new(d("2026-11-02"), "Ana Ruiz");
        visit.follow_up = " Ask the school about attendance ".into();
        let action = visit.as_action();
        assert_eq!(
            (action.what.as_str(), action.responsible.as_str()),
            ("Ask the school about attendance", "Ana Ruiz")
        );
        assert_ne!(action.id, visit.id);
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
        assert_eq!(
            VisitFrequency::choose("every_n_days", Some(VisitFrequency::Monthly)),
            Some(VisitFrequency::EveryNDays(10))
        );
        assert_eq!(
            VisitFrequency::choose("every_n_days", Some(VisitFrequency::EveryNDays(4))),
            Some(VisitFrequency::EveryNDays(4))
        );
        assert_eq!(VisitFrequency::choose("weekly", Some(VisitFrequency::EveryNDays(4))), Some(VisitFrequency::Weekly));
        assert_eq!(VisitFrequency::choose("", None), None);
        assert_eq!(VisitFrequency::EveryNDays(0).days(), None);
        assert_eq!(VisitFrequency::EveryNDays(6).days(), Some(6));
    }

    #[test]
    fn frequency_keys_round_trip() {
        for f in [
            VisitFrequency::Weekly,
            VisitFrequency::EveryTwoWeeks,
            VisitFrequency::Monthly,
            VisitFrequency::Quarterly,
            VisitFrequency::EveryNDays(9),
        ] {
            assert_eq!(VisitFrequency::from_key(f.key(), 9), Some(f));
        }
        assert_eq!(VisitFrequency::EveryNDays(3).describe(), "Every 3 days");
        assert_eq!(VisitFrequency::Quarterly.describe(), "Quarterly");
        let json = serde_json::to_string(&VisitFrequency::EveryNDays(5)).unwrap();
        assert_eq!(serde_json::from_str::<VisitFrequency>(&json).unwrap(), VisitFrequency::EveryNDays(5));
    }
}
