//! The list sections of a plan: protection needs, services, other actions and referrals.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::care_domain::{lenient_from, FromAssessment};
use super::choices::{lenient, lenient_option, Choice, ItemStatus, ReferralStatus, ServiceType};

/// Anything kept in one of the plan's ordered lists.
pub trait ListItem: Clone {
    fn id(&self) -> Uuid;
    /// Urgent items are shown before the rest wherever the list appears.
    fn urgent(&self) -> bool {
        false
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProtectionNeed {
    pub id: Uuid,
    pub need: String,
    pub response: String,
    pub by_whom: String,
    pub by_when: Option<NaiveDate>,
    #[serde(deserialize_with = "lenient")]
    pub status: ItemStatus,
    /// The assessment's domain this need answers, when it was made from one.
    #[serde(deserialize_with = "lenient_from", skip_serializing_if = "Option::is_none")]
    pub from: Option<FromAssessment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Service {
    pub id: Uuid,
    #[serde(deserialize_with = "lenient")]
    pub kind: ServiceType,
    pub description: String,
    pub provider: String,
    pub location: String,
    pub by_when: Option<NaiveDate>,
    pub urgent: bool,
    #[serde(deserialize_with = "lenient")]
    pub status: ItemStatus,
    /// The assessment's domain this service answers, when it was made from one.
    #[serde(deserialize_with = "lenient_from", skip_serializing_if = "Option::is_none")]
    pub from: Option<FromAssessment>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    pub id: Uuid,
    pub what: String,
    pub responsible: String,
    pub by_when: Option<NaiveDate>,
    #[serde(deserialize_with = "lenient")]
    pub status: ItemStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Referral {
    pub id: Uuid,
    pub to: String,
    /// The kind of service referred to; none when not recorded (referrals from before it was asked).
    #[serde(deserialize_with = "lenient_option")]
    pub kind: Option<ServiceType>,
    pub reason: String,
    pub date: Option<NaiveDate>,
    pub urgent: bool,
    #[serde(deserialize_with = "lenient")]
    pub status: ReferralStatus,
    /// Each status the referral moved to, and when.
    pub status_changes: Vec<StatusChange>,
    pub feedback: String,
    pub feedback_on: Option<NaiveDate>,
}

/// A referral's move to a status, on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusChange {
    #[serde(deserialize_with = "lenient")]
    pub status: ReferralStatus,
    pub on: NaiveDate,
}

/// An urgent referral unanswered this many days after it was made is flagged.
pub const URGENT_ANSWER_DAYS: u64 = 7;

impl Referral {
    /// Moves to `status` on `on`, remembering the date.
    pub fn set_status(&mut self, status: ReferralStatus, on: NaiveDate) {
        if status != self.status {
            self.status = status;
            self.status_changes.push(StatusChange { status, on });
        }
    }

    /// The day the referral moved to its present status; none while it is only planned, or for
    /// one recorded as it stands without that step.
    pub fn status_since(&self) -> Option<NaiveDate> {
        self.status_changes.last().filter(|c| c.status == self.status).map(|c| c.on)
    }

    /// The day the referral moved to its present status, given by the worker: a step is often
    /// recorded days after it was taken, and an urgent referral's seven days count from the day
    /// it was made, not the day it was typed.
    pub fn set_status_since(&mut self, on: NaiveDate) {
        match self.status_changes.last_mut().filter(|c| c.status == self.status) {
            Some(change) => change.on = on,
            None => self.status_changes.push(StatusChange { status: self.status, on }),
        }
    }

    /// The day of the step before the present one, which the present one cannot precede.
    pub fn previous_step_on(&self) -> Option<NaiveDate> {
        let steps = self.status_changes.len().checked_sub(usize::from(self.status_since().is_some()))?;
        self.status_changes[..steps].last().map(|c| c.on)
    }

    /// When the referral was made: the day it was marked made, else (for one recorded as made
    /// without that step) its referral date.
    pub fn made_on(&self) -> Option<NaiveDate> {
        self.status_changes.iter().rev().find(|c| c.status == ReferralStatus::Made).map(|c| c.on).or(self.date)
    }

    /// The day by which an urgent referral that was made needs an answer from the service.
    pub fn answer_due(&self) -> Option<NaiveDate> {
        if !self.urgent || self.status != ReferralStatus::Made {
            return None;
        }
        self.made_on()?.checked_add_days(chrono::Days::new(URGENT_ANSWER_DAYS))
    }

    /// "Made on 12 Jan 2026 → Accepted on 22 Jan 2026"; empty before any change.
    pub fn status_trail(&self) -> String {
        self.status_changes
            .iter()
            .map(|c| format!("{} on {}", c.status.label(), c.on.format("%-d %b %Y")))
            .collect::<Vec<_>>()
            .join(" → ")
    }

    /// Days an urgent referral has waited past its answer date, if it has.
    pub fn days_unanswered(&self, today: NaiveDate) -> Option<i64> {
        let made = self.made_on()?;
        (self.answer_due()? < today).then(|| (today - made).num_days())
    }
}

macro_rules! new_item {
    ($t:ty { $($field:ident : $value:expr),* $(,)? }) => {
        impl Default for $t {
            fn default() -> Self {
                Self { id: Uuid::new_v4(), $($field: $value),* }
            }
        }
    };
}

new_item!(ProtectionNeed {
    need: String::new(),
    response: String::new(),
    by_whom: String::new(),
    by_when: None,
    status: ItemStatus::NotStarted,
    from: None
});
new_item!(Service {
    kind: ServiceType::Health,
    description: String::new(),
    provider: String::new(),
    location: String::new(),
    by_when: None,
    urgent: false,
    status: ItemStatus::NotStarted,
    from: None
});
new_item!(Action { what: String::new(), responsible: String::new(), by_when: None, status: ItemStatus::NotStarted });
new_item!(Referral {
    to: String::new(),
    kind: None,
    reason: String::new(),
    date: None,
    urgent: false,
    status: ReferralStatus::Planned,
    status_changes: Vec::new(),
    feedback: String::new(),
    feedback_on: None
});

impl ListItem for ProtectionNeed {
    fn id(&self) -> Uuid {
        self.id
    }
}
impl ListItem for Action {
    fn id(&self) -> Uuid {
        self.id
    }
}
impl ListItem for Service {
    fn id(&self) -> Uuid {
        self.id
    }
    fn urgent(&self) -> bool {
        self.urgent
    }
}
impl ListItem for Referral {
    fn id(&self) -> Uuid {
        self.id
    }
    fn urgent(&self) -> bool {
        self.urgent
    }
}

/// An ordered list whose order the worker controls, with urgent items always first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ItemList<T>(pub Vec<T>);

impl<T> Default for ItemList<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

/// An item taken out of a list, and where it stood.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed<T> {
    pub index: usize,
    pub item: T,
}

/// Which way to move an item within its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

impl<T: ListItem> ItemList<T> {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.0.iter()
    }

    /// The list as it is shown: urgent items first, otherwise the worker's order.
    pub fn in_display_order(&self) -> Vec<T> {
        let mut items = self.0.clone();
        items.sort_by_key(|item| !item.urgent());
        items
    }

    pub fn get(&self, id: Uuid) -> Option<&T> {
        self.0.iter().find(|item| item.id() == id)
    }

    pub fn push(&mut self, item: T) {
        self.0.push(item);
    }

    /// Takes an item out, with the place it had, so [`restore`](Self::restore) can undo it.
    pub fn remove(&mut self, id: Uuid) -> Option<Removed<T>> {
        let index = self.0.iter().position(|item| item.id() == id)?;
        Some(Removed { index, item: self.0.remove(index) })
    }

    /// Puts a removed item back where it was (or last, if the list has since shrunk).
    pub fn restore(&mut self, removed: Removed<T>) {
        if self.get(removed.item.id()).is_none() {
            let index = removed.index.min(self.0.len());
            self.0.insert(index, removed.item);
        }
    }

    /// Replaces the item with the same id; returns false when it is no longer there.
    pub fn update(&mut self, id: Uuid, change: impl FnOnce(&mut T)) -> bool {
        match self.0.iter_mut().find(|item| item.id() == id) {
            Some(item) => {
                change(item);
                true
            }
            None => false,
        }
    }

    /// Moves an item one place in the displayed order. Urgent items stay above the rest,
    /// so an item only swaps with its neighbour of the same urgency.
    pub fn move_item(&mut self, id: Uuid, direction: Direction) -> bool {
        let shown = self.in_display_order();
        let Some(at) = shown.iter().position(|item| item.id() == id) else {
            return false;
        };
        let other = match direction {
            Direction::Up if at > 0 => at - 1,
            Direction::Down if at + 1 < shown.len() => at + 1,
            _ => return false,
        };
        if shown[other].urgent() != shown[at].urgent() {
            return false;
        }
        let mut reordered = shown;
        reordered.swap(at, other);
        self.0 = reordered;
        true
    }

    /// Whether the item can move that way in the displayed order.
    pub fn can_move(&self, id: Uuid, direction: Direction) -> bool {
        self.clone().move_item(id, direction)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(desc: &str, urgent: bool) -> Service {
        Service { description: desc.into(), urgent, ..Default::default() }
    }

    fn names(list: &ItemList<Service>) -> Vec<String> {
        list.in_display_order().into_iter().map(|s| s.description).collect()
    }

    #[test]
    fn urgent_services_are_shown_first_keeping_the_workers_order() {
        let list = ItemList(vec![service("a", false), service("b", true), service("c", false), service("d", true)]);
        assert_eq!(names(&list), ["b", "d", "a", "c"]);
    }

    #[test]
    fn moving_swaps_with_the_neighbour_of_the_same_urgency() {
        let mut list = ItemList(vec![service("a", false), service("b", true), service("c", false)]);
        let c = list.0[2].id;
        assert!(list.move_item(c, Direction::Up));
        assert_eq!(names(&list), ["b", "c", "a"]);
        // c cannot jump above the urgent b
        assert!(!list.move_item(c, Direction::Up));
        assert_eq!(names(&list), ["b", "c", "a"]);
        assert!(list.move_item(c, Direction::Down));
        assert_eq!(names(&list), ["b", "a", "c"]);
        assert!(!list.can_move(c, Direction::Down));
    }

    #[test]
    fn items_are_updated_and_removed_by_id() {
        let mut list = ItemList(vec![service("a", false), service("b", false)]);
        let a = list.0[0].id;
        assert!(list.update(a, |s| s.provider = "Clinic".into()));
        assert_eq!(list.get(a).unwrap().provider, "Clinic");
        let removed = list.remove(a).unwrap();
        assert_eq!(removed.item.description, "a");
        assert!(!list.update(a, |_| {}));
        assert_eq!(list.len(), 1);
        list.restore(removed.clone());
        assert_eq!(list.0[0].id, a, "undo puts it back where it was");
        list.restore(removed);
        assert_eq!(list.len(), 2, "restoring twice does not duplicate");
    }

    #[test]
    fn new_items_get_distinct_ids() {
        assert_ne!(Action::default().id, Action::default().id);
    }

    #[test]
    fn a_referral_keeps_the_date_of_each_status_and_an_unanswered_urgent_one_is_flagged() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let mut referral =
            Referral { to: "Health centre".into(), urgent: true, date: Some(d("2026-11-01")), ..Referral::default() };
        assert_eq!(referral.answer_due(), None, "not made yet");
        referral.set_status(ReferralStatus::Made, d("2026-11-03"));
        referral.set_status(ReferralStatus::Made, d("2026-11-04"));
        assert_eq!(referral.status_changes.len(), 1, "the same status again is no change");
        assert_eq!(
            referral.answer_due(),
            Some(d("2026-11-10")),
            "counted from the day it was made, not the planned date"
        );
        assert_eq!(referral.days_unanswered(d("2026-11-10")), None);
        assert_eq!(referral.days_unanswered(d("2026-11-12")), Some(9));
        let recorded =
            Referral { urgent: true, status: ReferralStatus::Made, date: Some(d("2026-11-01")), ..Referral::default() };
        assert_eq!(recorded.answer_due(), Some(d("2026-11-08")), "made without the step: from its date");
        referral.set_status(ReferralStatus::Accepted, d("2026-11-13"));
        assert_eq!(referral.answer_due(), None, "answered");
        assert_eq!(referral.status_trail(), "Made on 3 Nov 2026 → Accepted on 13 Nov 2026");
        let statuses: Vec<_> = referral.status_changes.iter().map(|c| (c.status, c.on)).collect();
        assert_eq!(statuses, [(ReferralStatus::Made, d("2026-11-03")), (ReferralStatus::Accepted, d("2026-11-13"))]);
        let calm = Referral {
            urgent: false,
            status: ReferralStatus::Made,
            date: Some(d("2026-01-01")),
            ..Referral::default()
        };
        assert_eq!(calm.answer_due(), None, "only urgent referrals are chased");
    }
}
