//! Things on a plan that fall due, and where each stands on a given day.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::choices::ServiceType;

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
    SafetyPlan,
    Referrals,
    Checklist,
}

/// What falls due, as data, worded when shown. Texts are the worker's own, trimmed; empty when
/// not described yet. Read through [`StoredDueWhat`]: serde's reader for an internally tagged
/// enum is 16 KB of the first load's code, which reads one in every case summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", from = "StoredDueWhat")]
pub enum DueWhat {
    Need {
        text: String,
    },
    /// A service by its description, or by its type when it has none (`service_type` is `null`
    /// in items an earlier version stored with a description).
    Service {
        #[serde(default, deserialize_with = "super::choices::lenient_option")]
        service_type: Option<ServiceType>,
        #[serde(default)]
        description: String,
    },
    Action {
        text: String,
    },
    /// A planned referral, to be made.
    Referral {
        to: String,
    },
    /// The answer to an urgent referral that was made.
    ReferralAnswer {
        to: String,
    },
    /// A checklist item: a catalogue activity by its identifier (and its title when added), or the
    /// worker's own by its title.
    Checklist {
        #[serde(default)]
        activity: Option<String>,
        #[serde(default)]
        title: String,
    },
    MonitoringVisit,
    SafetyPlanReview,
    PlanReview,
}

/// The kinds of [`DueWhat`], as stored in its `kind`.
#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum DueKind {
    Need,
    Service,
    Action,
    Referral,
    ReferralAnswer,
    Checklist,
    MonitoringVisit,
    SafetyPlanReview,
    PlanReview,
}

/// A stored [`DueWhat`] read as one flat record, every kind's fields optional: a text a kind
/// needs and does not have reads as empty, as a worker's empty field does.
#[derive(Deserialize)]
struct StoredDueWhat {
    kind: DueKind,
    #[serde(default)]
    text: String,
    #[serde(default, deserialize_with = "super::choices::lenient_option")]
    service_type: Option<ServiceType>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    activity: Option<String>,
    #[serde(default)]
    title: String,
}

impl From<StoredDueWhat> for DueWhat {
    fn from(stored: StoredDueWhat) -> Self {
        let StoredDueWhat { kind, text, service_type, description, to, activity, title } = stored;
        match kind {
            DueKind::Need => Self::Need { text },
            DueKind::Service => Self::Service { service_type, description },
            DueKind::Action => Self::Action { text },
            DueKind::Referral => Self::Referral { to },
            DueKind::ReferralAnswer => Self::ReferralAnswer { to },
            DueKind::Checklist => Self::Checklist { activity, title },
            DueKind::MonitoringVisit => Self::MonitoringVisit,
            DueKind::SafetyPlanReview => Self::SafetyPlanReview,
            DueKind::PlanReview => Self::PlanReview,
        }
    }
}

impl DueWhat {
    /// The worker's words in it, to order items of one case that fall due the same day.
    pub fn text(&self) -> &str {
        match self {
            Self::Need { text } | Self::Action { text } => text,
            Self::Service { description, .. } => description,
            Self::Referral { to } | Self::ReferralAnswer { to } => to,
            Self::Checklist { title, .. } => title,
            Self::MonitoringVisit | Self::SafetyPlanReview | Self::PlanReview => "",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueItem {
    pub what: DueWhat,
    #[serde(deserialize_with = "super::stored_dates::day")]
    pub date: NaiveDate,
    #[serde(default)]
    pub place: DuePlace,
    /// The list item, when the place is a list, so a link can lead straight to it.
    #[serde(default)]
    pub item: Option<Uuid>,
}

impl DueItem {
    pub fn new(what: DueWhat, date: NaiveDate) -> Self {
        Self { what, date, place: DuePlace::Case, item: None }
    }

    pub fn at(place: DuePlace, item: Option<Uuid>, what: DueWhat, date: NaiveDate) -> Self {
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
    fn every_kind_of_due_item_reads_back_as_written() {
        let every = [
            DueWhat::Need { text: "School".into() },
            DueWhat::Service { service_type: Some(ServiceType::Health), description: "Clinic".into() },
            DueWhat::Service { service_type: None, description: String::new() },
            DueWhat::Action { text: "Call".into() },
            DueWhat::Referral { to: "Clinic".into() },
            DueWhat::ReferralAnswer { to: "Court".into() },
            DueWhat::Checklist { activity: Some("family-visit".into()), title: "Visit".into() },
            DueWhat::Checklist { activity: None, title: "Own".into() },
            DueWhat::MonitoringVisit,
            DueWhat::SafetyPlanReview,
            DueWhat::PlanReview,
        ];
        for what in every {
            let text = serde_json::to_string(&what).unwrap();
            assert_eq!(serde_json::from_str::<DueWhat>(&text).unwrap(), what, "{text}");
        }
        // As stored by an earlier version: a service type it no longer knows reads as none.
        let stored = r#"{"kind":"service","service_type":"astrology","description":"Stars"}"#;
        assert_eq!(
            serde_json::from_str::<DueWhat>(stored).unwrap(),
            DueWhat::Service { service_type: None, description: "Stars".into() }
        );
        assert!(serde_json::from_str::<DueWhat>(r#"{"kind":"party"}"#).is_err(), "an unknown kind is refused");
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
}
