//! The reintegration checklist of one case: activities from the catalogue and the worker's own,
//! each with who does it, by when and how far it is, and the five key milestones.

pub mod catalogue;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::choices::{lenient, lenient_option, Choice, PlacementType};
use super::due::DueState;
use super::safety_plan::LinkedRecord;
pub use catalogue::{Activity, Milestone, Theme, ACTIVITIES, CATALOGUE_VERSION};

choice!(
    ChecklistStatus {
        NotStarted = "not_started": "Not started",
        InProgress = "in_progress": "In progress",
        Done = "done": "Done",
        NotApplicable = "not_applicable": "Not applicable",
    }
);

default_choice!(ChecklistStatus => NotStarted);

impl ChecklistStatus {
    pub fn is_open(self) -> bool {
        matches!(self, Self::NotStarted | Self::InProgress)
    }
}

choice!(
    MilestoneStatus {
        NotReached = "not_reached": "Not reached",
        InProgress = "in_progress": "Under way",
        Reached = "reached": "Reached",
    }
);

default_choice!(MilestoneStatus => NotReached);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChecklistItem {
    pub id: Uuid,
    /// The catalogue activity, or `None` for the worker's own.
    pub activity: Option<String>,
    /// The worker's own title; for a catalogue activity, its title when added, shown only if a
    /// later build no longer knows the identifier.
    pub title: String,
    // Read leniently: a theme, milestone or status from a newer catalogue must not make the
    // case unreadable.
    /// For the worker's own activities; catalogue activities take theirs from the catalogue.
    #[serde(deserialize_with = "lenient")]
    pub theme: Theme,
    #[serde(deserialize_with = "lenient_option")]
    pub milestone: Option<Milestone>,
    #[serde(deserialize_with = "lenient")]
    pub status: ChecklistStatus,
    /// Why the activity does not apply to this child.
    pub not_applicable_reason: String,
    pub responsible: String,
    pub due: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    pub notes: String,
}

impl Default for ChecklistItem {
    fn default() -> Self {
        Self {
            id: Uuid::new_v4(),
            activity: None,
            title: String::new(),
            theme: Theme::PreparingChild,
            milestone: None,
            status: ChecklistStatus::NotStarted,
            not_applicable_reason: String::new(),
            responsible: String::new(),
            due: None,
            done_on: None,
            notes: String::new(),
        }
    }
}

impl ChecklistItem {
    pub fn from_activity(activity: &Activity) -> Self {
        Self {
            activity: Some(activity.id.to_string()),
            title: activity.title.to_string(),
            theme: activity.theme,
            ..Default::default()
        }
    }

    pub fn custom(title: &str, theme: Theme, milestone: Option<Milestone>) -> Self {
        Self { title: title.trim().to_string(), theme, milestone, ..Default::default() }
    }

    pub fn catalogue_entry(&self) -> Option<&'static Activity> {
        self.activity.as_deref().and_then(catalogue::activity)
    }

    pub fn title(&self) -> &str {
        match (self.catalogue_entry(), self.title.trim()) {
            (Some(a), _) => a.title,
            (None, "") => "(activity without a title)",
            (None, t) => t,
        }
    }

    pub fn explanation(&self) -> Option<&'static str> {
        self.catalogue_entry().map(|a| a.explanation)
    }

    pub fn theme(&self) -> Theme {
        self.catalogue_entry().map_or(self.theme, |a| a.theme)
    }

    pub fn milestones(&self) -> Vec<Milestone> {
        match self.catalogue_entry() {
            Some(a) => a.milestones.to_vec(),
            None => self.milestone.into_iter().collect(),
        }
    }

    pub fn is_custom(&self) -> bool {
        self.activity.is_none()
    }

    /// Not applicable items do not count towards progress.
    pub fn applies(&self) -> bool {
        self.status != ChecklistStatus::NotApplicable
    }

    pub fn is_done(&self) -> bool {
        self.status == ChecklistStatus::Done
    }

    /// Ticks or unticks the item. Ticking records today as the day it was done, unless a date
    /// was already given; unticking forgets it, since the work is no longer done.
    pub fn set_done(&mut self, done: bool, today: NaiveDate) {
        if done {
            self.status = ChecklistStatus::Done;
            self.done_on.get_or_insert(today);
        } else {
            self.status = ChecklistStatus::NotStarted;
            self.done_on = None;
        }
    }

    pub fn set_status(&mut self, status: ChecklistStatus, today: NaiveDate) {
        match status {
            ChecklistStatus::Done => self.set_done(true, today),
            other => {
                self.status = other;
                self.done_on = None;
            }
        }
    }

    /// Where the item stands against its due date; done or not applicable items are never late.
    pub fn due_state(&self, today: NaiveDate) -> DueState {
        if !self.status.is_open() {
            return DueState::NoDate;
        }
        DueState::of(self.due, today)
    }

    /// Problems with what was entered, by field (`reason`, `done_on`, `title`).
    pub fn problems(&self, today: NaiveDate) -> Vec<(&'static str, String)> {
        self.problem_kinds(today).into_iter().map(|p| (p.field(), p.message().to_string())).collect()
    }

    /// What is wrong with what was entered, for messages in the interface's language.
    pub fn problem_kinds(&self, today: NaiveDate) -> Vec<ItemProblem> {
        let mut problems = Vec::new();
        if self.status == ChecklistStatus::NotApplicable && self.not_applicable_reason.trim().is_empty() {
            problems.push(ItemProblem::NoReason);
        }
        if self.done_on.is_some_and(|d| d > today) {
            problems.push(ItemProblem::DoneInFuture);
        }
        if self.is_custom() && self.title.trim().is_empty() {
            problems.push(ItemProblem::NoTitle);
        }
        problems
    }
}

/// Something wrong with a checklist item as entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemProblem {
    /// Marked not applicable without saying why.
    NoReason,
    DoneInFuture,
    /// The worker's own activity has no title.
    NoTitle,
}

impl ItemProblem {
    /// The field the message belongs beside.
    pub fn field(self) -> &'static str {
        match self {
            Self::NoReason => "reason",
            Self::DoneInFuture => "done_on",
            Self::NoTitle => "title",
        }
    }

    /// The message in English.
    pub fn message(self) -> &'static str {
        match self {
            Self::NoReason => "Say why this does not apply to the child, so a supervisor or the next worker knows it was decided, not forgotten.",
            Self::DoneInFuture => "The date done cannot be in the future.",
            Self::NoTitle => "Give the activity a title.",
        }
    }
}

/// One key milestone as recorded on a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MilestoneRecord {
    pub milestone: Milestone,
    #[serde(deserialize_with = "lenient")]
    pub status: MilestoneStatus,
    pub reached_on: Option<NaiveDate>,
    pub evidence: String,
    /// The record of the case that backs it (the safety plan), linked when the worker accepts
    /// the offer; worded and dated from the record itself when shown, never copied into it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked: Option<LinkedRecord>,
}

impl MilestoneRecord {
    fn new(milestone: Milestone) -> Self {
        Self { milestone, status: MilestoneStatus::NotReached, reached_on: None, evidence: String::new(), linked: None }
    }

    /// A date reached means the milestone is reached.
    pub fn set_reached_on(&mut self, date: Option<NaiveDate>) {
        self.reached_on = date;
        if date.is_some() {
            self.status = MilestoneStatus::Reached;
        }
    }

    pub fn set_status(&mut self, status: MilestoneStatus, today: NaiveDate) {
        self.status = status;
        if status == MilestoneStatus::Reached {
            self.reached_on.get_or_insert(today);
        } else {
            self.reached_on = None;
        }
    }
}

impl Default for MilestoneRecord {
    fn default() -> Self {
        Self::new(Milestone::Prepared)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Checklist {
    /// The catalogue version the checklist was last proposed from.
    pub catalogue_version: u32,
    pub items: Vec<ChecklistItem>,
    /// Catalogue activities the worker took off the list: not proposed again.
    pub dismissed: Vec<String>,
    /// Always the five milestones, in order (see [`Checklist::milestone`]). Records of a
    /// milestone this build does not know are left out when read.
    #[serde(deserialize_with = "known_milestones")]
    pub milestones: Vec<MilestoneRecord>,
}

impl Default for Checklist {
    fn default() -> Self {
        Self {
            catalogue_version: 0,
            items: Vec::new(),
            dismissed: Vec::new(),
            milestones: Milestone::ALL.iter().map(|&m| MilestoneRecord::new(m)).collect(),
        }
    }
}

fn known_milestones<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<MilestoneRecord>, D::Error> {
    #[derive(Deserialize)]
    struct Raw {
        milestone: String,
        #[serde(default, deserialize_with = "lenient")]
        status: MilestoneStatus,
        #[serde(default)]
        reached_on: Option<NaiveDate>,
        #[serde(default)]
        evidence: String,
        #[serde(default, deserialize_with = "lenient_option")]
        linked: Option<LinkedRecord>,
    }
    let raw = Vec::<Raw>::deserialize(d)?;
    Ok(raw
        .into_iter()
        .filter_map(|r| {
            Some(MilestoneRecord {
                milestone: Milestone::from_key(&r.milestone)?,
                status: r.status,
                reached_on: r.reached_on,
                evidence: r.evidence,
                linked: r.linked,
            })
        })
        .collect())
}

/// Counts shown on the case page and in the case list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub done: usize,
    /// Items that apply: every item except the not-applicable ones.
    pub applicable: usize,
    pub overdue: usize,
    pub milestones_reached: usize,
}

impl Progress {
    /// Whole per cent of applicable items done; none when nothing applies yet.
    pub fn percent(&self) -> Option<u32> {
        (self.applicable > 0).then(|| (self.done * 100 / self.applicable) as u32)
    }
}

impl Checklist {
    pub fn get(&self, id: Uuid) -> Option<&ChecklistItem> {
        self.items.iter().find(|i| i.id == id)
    }

    pub fn update(&mut self, id: Uuid, change: impl FnOnce(&mut ChecklistItem)) {
        if let Some(item) = self.items.iter_mut().find(|i| i.id == id) {
            change(item);
        }
    }

    pub fn has_activity(&self, id: &str) -> bool {
        self.items.iter().any(|i| i.activity.as_deref() == Some(id))
    }

    /// Activities of the pathway not on the checklist and not taken off it by the worker.
    pub fn missing_for(&self, pathway: PlacementType) -> Vec<&'static Activity> {
        catalogue::for_pathway(pathway)
            .filter(|a| !self.has_activity(a.id) && !self.dismissed.iter().any(|d| d == a.id))
            .collect()
    }

    /// Adds the pathway's activities that are missing. Never removes or changes an item, so a
    /// change of pathway keeps every status and note. Returns how many were added.
    pub fn propose(&mut self, pathway: PlacementType) -> usize {
        let missing = self.missing_for(pathway);
        let added = missing.len();
        self.items.extend(missing.into_iter().map(ChecklistItem::from_activity));
        self.catalogue_version = CATALOGUE_VERSION;
        added
    }

    /// Catalogue activities that can still be added by hand.
    pub fn addable(&self) -> Vec<&'static Activity> {
        ACTIVITIES.iter().filter(|a| !self.has_activity(a.id)).collect()
    }

    pub fn add_activity(&mut self, id: &str) -> Option<Uuid> {
        let activity = catalogue::activity(id)?;
        if self.has_activity(id) {
            return None;
        }
        self.dismissed.retain(|d| d != id);
        let item = ChecklistItem::from_activity(activity);
        let item_id = item.id;
        self.items.push(item);
        Some(item_id)
    }

    pub fn add(&mut self, item: ChecklistItem) {
        self.items.push(item);
    }

    /// Takes an item off; a catalogue activity taken off is not proposed again.
    pub fn remove(&mut self, id: Uuid) -> Option<(usize, ChecklistItem)> {
        let at = self.items.iter().position(|i| i.id == id)?;
        let item = self.items.remove(at);
        if let Some(activity) = &item.activity {
            self.dismissed.push(activity.clone());
        }
        Some((at, item))
    }

    /// Puts a removed item back where it was, unless the same activity was added again meanwhile.
    pub fn restore(&mut self, at: usize, item: ChecklistItem) -> bool {
        if let Some(activity) = &item.activity {
            if self.has_activity(activity) {
                return false;
            }
            self.dismissed.retain(|d| d != activity);
        }
        self.items.insert(at.min(self.items.len()), item);
        true
    }

    /// The record of a milestone; a case stored with fewer milestones reads as not reached.
    pub fn milestone(&self, milestone: Milestone) -> MilestoneRecord {
        self.milestones
            .iter()
            .find(|r| r.milestone == milestone)
            .cloned()
            .unwrap_or_else(|| MilestoneRecord::new(milestone))
    }

    pub fn update_milestone(&mut self, milestone: Milestone, change: impl FnOnce(&mut MilestoneRecord)) {
        if !self.milestones.iter().any(|r| r.milestone == milestone) {
            self.milestones.push(MilestoneRecord::new(milestone));
        }
        if let Some(record) = self.milestones.iter_mut().find(|r| r.milestone == milestone) {
            change(record);
        }
    }

    /// The applicable items that count towards a milestone.
    pub fn bearing_on(&self, milestone: Milestone) -> Vec<&ChecklistItem> {
        self.items.iter().filter(|i| i.applies() && i.milestones().contains(&milestone)).collect()
    }

    /// (done, applicable) of the items bearing on a milestone.
    pub fn milestone_items_done(&self, milestone: Milestone) -> (usize, usize) {
        let items = self.bearing_on(milestone);
        (items.iter().filter(|i| i.is_done()).count(), items.len())
    }

    pub fn progress(&self, today: NaiveDate) -> Progress {
        let applicable: Vec<&ChecklistItem> = self.items.iter().filter(|i| i.applies()).collect();
        Progress {
            done: applicable.iter().filter(|i| i.is_done()).count(),
            applicable: applicable.len(),
            overdue: self.items.iter().filter(|i| i.due_state(today) == DueState::Overdue).count(),
            milestones_reached: Milestone::ALL
                .iter()
                .filter(|&&m| self.milestone(m).status == MilestoneStatus::Reached)
                .count(),
        }
    }

    /// Distinct people named as responsible, in the order first met, for the filter.
    pub fn people(&self) -> Vec<String> {
        let mut people: Vec<String> = Vec::new();
        for item in &self.items {
            let name = item.responsible.trim();
            if !name.is_empty() && !people.iter().any(|p| p.eq_ignore_ascii_case(name)) {
                people.push(name.to_string());
            }
        }
        people
    }
}

/// What the worker narrows the checklist to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChecklistFilter {
    pub status: StatusFilter,
    /// `None`: everyone; `Some("")`: items with no one named.
    pub responsible: Option<String>,
    pub overdue_only: bool,
}

choice!(
    StatusFilter {
        All = "all": "All",
        Open = "open": "Still to do",
        NotStarted = "not_started": "Not started",
        InProgress = "in_progress": "In progress",
        Done = "done": "Done",
        NotApplicable = "not_applicable": "Not applicable",
    }
);

default_choice!(StatusFilter => All);

impl ChecklistFilter {
    pub fn is_active(&self) -> bool {
        *self != Self::default()
    }

    pub fn matches(&self, item: &ChecklistItem, today: NaiveDate) -> bool {
        let status_ok = match self.status {
            StatusFilter::All => true,
            StatusFilter::Open => item.status.is_open(),
            StatusFilter::NotStarted => item.status == ChecklistStatus::NotStarted,
            StatusFilter::InProgress => item.status == ChecklistStatus::InProgress,
            StatusFilter::Done => item.status == ChecklistStatus::Done,
            StatusFilter::NotApplicable => item.status == ChecklistStatus::NotApplicable,
        };
        let person_ok =
            self.responsible.as_deref().is_none_or(|p| item.responsible.trim().eq_ignore_ascii_case(p.trim()));
        let overdue_ok = !self.overdue_only || item.due_state(today) == DueState::Overdue;
        status_ok && person_ok && overdue_ok
    }

    /// The matching items grouped by theme, themes in their fixed order, items in list order.
    pub fn grouped<'a>(&self, checklist: &'a Checklist, today: NaiveDate) -> Vec<(Theme, Vec<&'a ChecklistItem>)> {
        self.grouped_keeping(checklist, today, |_| false)
    }

    /// Like [`grouped`](Self::grouped), also keeping the items `keep` names: an item being
    /// edited must not vanish from under the worker because an edit stopped it matching.
    pub fn grouped_keeping<'a>(
        &self,
        checklist: &'a Checklist,
        today: NaiveDate,
        keep: impl Fn(Uuid) -> bool,
    ) -> Vec<(Theme, Vec<&'a ChecklistItem>)> {
        Theme::ALL
            .iter()
            .filter_map(|&theme| {
                let items: Vec<&ChecklistItem> = checklist
                    .items
                    .iter()
                    .filter(|i| i.theme() == theme && (self.matches(i, today) || keep(i.id)))
                    .collect();
                (!items.is_empty()).then_some((theme, items))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
