//! Things on a plan that fall due, and where each stands on a given day.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// How many days ahead count as "due soon": the coming week.
pub const SOON_DAYS: i64 = 7;

/// Where a dated item stands on a day. Due on a day means it can still be done that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueState {
    Overdue,
    Today,
    /// Within the next [`SOON_DAYS`] days.
    Soon,
    Later,
    NoDate,
}

impl DueState {
    pub fn of(date: Option<NaiveDate>, today: NaiveDate) -> Self {
        let Some(date) = date else { return Self::NoDate };
        match (date - today).num_days() {
            d if d < 0 => Self::Overdue,
            0 => Self::Today,
            d if d <= SOON_DAYS => Self::Soon,
            _ => Self::Later,
        }
    }

    /// Whether it belongs on the overview: late, or due within the coming week.
    pub fn is_pressing(self) -> bool {
        matches!(self, Self::Overdue | Self::Today | Self::Soon)
    }
}

/// Says how far off a date is, the way a worker would say it.
pub fn describe(date: NaiveDate, today: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => "due today".into(),
        1 => "due tomorrow".into(),
        -1 => "1 day overdue".into(),
        d if d < 0 => format!("{} days overdue", -d),
        d => format!("due in {d} days"),
    }
}

/// The place in a case where a dated item is worked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DuePlace {
    #[default]
    Case,
    Needs,
    Services,
    Actions,
    Monitoring,
    Referrals,
    Checklist,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueItem {
    pub what: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub place: DuePlace,
    /// The list item, when the place is a list, so a link can lead straight to it.
    #[serde(default)]
    pub item: Option<Uuid>,
}

impl DueItem {
    pub fn new(what: String, date: NaiveDate) -> Self {
        Self { what, date, place: DuePlace::Case, item: None }
    }

    pub fn at(place: DuePlace, item: Option<Uuid>, what: String, date: NaiveDate) -> Self {
        Self { what, date, place, item }
    }

    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.date < today
    }

    pub fn state(&self, today: NaiveDate) -> DueState {
        DueState::of(Some(self.date), today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn states_on_a_given_day() {
        let today = d("2026-11-23");
        assert_eq!(DueState::of(None, today), DueState::NoDate);
        assert_eq!(DueState::of(Some(d("2026-11-22")), today), DueState::Overdue);
        assert_eq!(DueState::of(Some(d("2026-11-23")), today), DueState::Today);
        assert_eq!(DueState::of(Some(d("2026-11-24")), today), DueState::Soon);
        assert_eq!(DueState::of(Some(d("2026-11-30")), today), DueState::Soon, "seven days ahead is still this week");
        assert_eq!(DueState::of(Some(d("2026-12-01")), today), DueState::Later);
        assert!(DueState::Today.is_pressing() && !DueState::Later.is_pressing() && !DueState::NoDate.is_pressing());
    }

    #[test]
    fn described_in_words() {
        let today = d("2026-11-23");
        assert_eq!(describe(d("2026-11-23"), today), "due today");
        assert_eq!(describe(d("2026-11-24"), today), "due tomorrow");
        assert_eq!(describe(d("2026-11-26"), today), "due in 3 days");
        assert_eq!(describe(d("2026-11-22"), today), "1 day overdue");
        assert_eq!(describe(d("2026-11-03"), today), "20 days overdue");
    }

    #[test]
    fn an_item_stored_before_places_existed_still_reads() {
        let item: DueItem = serde_json::from_str(r#"{"what":"Plan review","date":"2027-01-10"}"#).unwrap();
        assert_eq!(item.place, DuePlace::Case);
        assert_eq!(item.item, None);
    }
}
