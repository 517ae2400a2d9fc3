//! The figures of a report, counted from the cases' report records for a period. Snapshots are
//! taken at the period's end, or today if it has not ended ("as of"); flows count what happened
//! on the days of the period up to then. How each figure is counted is said beside it, and in
//! the README's codebook.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::period::Period;
use super::record::ReportRecord;
use crate::domain::checklist::{Milestone, Theme};
use crate::domain::choices::{Choice, ClosureOutcome, PlacementType, PlanStatus, ReferralStatus, ServiceType};
use crate::domain::items::URGENT_ANSWER_DAYS;

/// Which cases a report counts: every one, or one case worker's, or one pathway's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// A case worker by name, as the cases name them now.
    pub worker: Option<String>,
    /// A pathway, as the cases have it now: `Some(None)` for cases whose pathway is not decided.
    pub pathway: Option<Option<PlacementType>>,
}

impl Filter {
    pub fn admits(&self, record: &ReportRecord) -> bool {
        self.worker.as_ref().is_none_or(|w| *w == record.worker) && self.pathway.is_none_or(|p| p == record.pathway.now)
    }
}

/// Where a child is in the stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// The plan is a draft.
    Planning,
    /// The plan is active; the child is not placed yet.
    Preparing,
    /// Placed or transitioned (the fifth milestone), no visit since.
    Placed,
    /// Placed, and visited at least once since.
    FollowUp,
    /// Closed in the period.
    Closed,
}

impl Stage {
    pub const ALL: [Self; 5] = [Self::Planning, Self::Preparing, Self::Placed, Self::FollowUp, Self::Closed];

    /// As the case-level file writes it.
    pub fn key(self) -> &'static str {
        match self {
            Self::Planning => "planning",
            Self::Preparing => "preparing",
            Self::Placed => "placed",
            Self::FollowUp => "follow_up",
            Self::Closed => "closed",
        }
    }
}

/// Where a child lives, for an organisation moving out of residential care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Setting {
    /// Not placed yet: still in the residential care the case began in.
    Residential,
    /// Placed with parents or family, kin, or foster carers.
    FamilyBased,
    SmallGroupHome,
    /// Supported or on their own.
    Independent,
    /// Placed, or closed, without a pathway or outcome that says where.
    NotRecorded,
}

impl Setting {
    pub const ALL: [Self; 5] =
        [Self::Residential, Self::FamilyBased, Self::SmallGroupHome, Self::Independent, Self::NotRecorded];

    fn of_pathway(pathway: Option<PlacementType>) -> Self {
        use PlacementType as P;
        match pathway {
            Some(P::Reunification | P::Kinship | P::Foster) => Self::FamilyBased,
            Some(P::SmallGroupHome) => Self::SmallGroupHome,
            Some(P::SupportedIndependentLiving | P::IndependentLiving) => Self::Independent,
            None => Self::NotRecorded,
        }
    }

    /// Where a closed case left the child; none when it left the organisation's care another way.
    fn of_outcome(outcome: Option<ClosureOutcome>) -> Option<Self> {
        use ClosureOutcome as O;
        match outcome? {
            O::Reunified | O::Kinship | O::Foster => Some(Self::FamilyBased),
            O::SmallGroupHome => Some(Self::SmallGroupHome),
            O::SupportedIndependentLiving | O::IndependentLiving => Some(Self::Independent),
            O::Transferred | O::Other => None,
        }
    }
}

/// Counts at one day of the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsOn {
    pub day: NaiveDate,
    /// In the order of [`Setting::ALL`].
    pub counts: [u32; 5],
}

/// Days from a plan's start to the placement.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    pub count: u32,
    pub shortest: i64,
    /// Quartiles as spreadsheets' QUARTILE.INC computes them (linear between ranks).
    pub lower_quartile: f64,
    pub median: f64,
    pub upper_quartile: f64,
    pub longest: i64,
}

impl Spread {
    pub fn of(mut days: Vec<i64>) -> Option<Self> {
        days.sort_unstable();
        let (&shortest, &longest) = (days.first()?, days.last()?);
        let at = |q: f64| {
            let rank = q * (days.len() - 1) as f64;
            let (low, high) = (rank.floor() as usize, rank.ceil() as usize);
            days[low] as f64 + (days[high] - days[low]) as f64 * (rank - low as f64)
        };
        Some(Self {
            count: days.len() as u32,
            shortest,
            lower_quartile: at(0.25),
            median: at(0.5),
            upper_quartile: at(0.75),
            longest,
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrgentReferrals {
    /// Urgent referrals made in the period.
    pub made: u32,
    /// Accepted, completed or declined within [`URGENT_ANSWER_DAYS`] of being made.
    pub answered_in_time: u32,
    pub answered_late: u32,
    /// No answer yet, past the days allowed.
    pub unanswered: u32,
    /// No answer yet, still within the days allowed.
    pub waiting: u32,
    /// Answered, on a day not recorded.
    pub answered_undated: u32,
}

impl UrgentReferrals {
    /// Whole per cent answered in time, of those whose time has run: none when no time has.
    pub fn percent_in_time(&self) -> Option<u32> {
        let judged = self.answered_in_time + self.answered_late + self.unanswered;
        (judged > 0).then(|| (self.answered_in_time * 100 + judged / 2) / judged)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub period: Period,
    pub as_of: NaiveDate,
    /// Cases counted: the filter's, in the caseload at some time in the period.
    pub cases: u32,
    /// Open cases as of the period's end, by pathway (none: not decided) and plan status
    /// (draft, active).
    pub caseload: BTreeMap<Option<PlacementKey>, [u32; 2]>,
    pub stages: [u32; 5],
    pub settings: Vec<SettingsOn>,
    /// Open cases as of the period's end, and how many of them have reached each milestone.
    pub open: u32,
    pub milestones: [u32; 5],
    /// Cases closed in the period and not reopened by its end, by outcome (none: not recorded).
    pub outcomes: BTreeMap<Option<OutcomeKey>, u32>,
    pub time_to_placement: Option<Spread>,
    /// Placements in the period without a plan start or a placement day to count from.
    pub placements_without_dates: u32,
    pub visits_done: u32,
    pub visits_due: u32,
    /// Open cases with no visit frequency set.
    pub cases_without_frequency: u32,
    /// Items overdue today on open cases, by case worker (empty: no name).
    pub overdue_by_worker: Vec<(String, u32)>,
    pub urgent_referrals: UrgentReferrals,
    /// Referrals made (or planned) in the period, by type (none: not recorded) and status now,
    /// in the order of [`ReferralStatus::ALL`].
    pub referrals: BTreeMap<Option<ServiceKey>, [u32; 5]>,
    /// Checklist activities on open cases as of the period's end: done and applicable, by theme.
    pub themes: Vec<(Theme, u32, u32)>,
}

/// Choices ordered as their vocabulary lists them, to key tables in that order.
macro_rules! ordered_key {
    ($key:ident, $choice:ty) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $key(usize);
        impl $key {
            pub fn of(choice: $choice) -> Self {
                Self(<$choice>::ALL.iter().position(|c| *c == choice).unwrap_or(usize::MAX))
            }
            pub fn choice(self) -> $choice {
                <$choice>::ALL[self.0]
            }
        }
    };
}
ordered_key!(PlacementKey, PlacementType);
ordered_key!(OutcomeKey, ClosureOutcome);
ordered_key!(ServiceKey, ServiceType);

/// Counts the figures of `period` over the records `filter` admits.
pub fn report(records: &[ReportRecord], period: Period, filter: &Filter, today: NaiveDate) -> Report {
    let as_of = period.to.min(today);
    let (from, to) = (period.from, as_of);
    let in_period = |day: NaiveDate| from <= day && day <= to;
    // In the caseload at some time in the period: opened by its end and not closed throughout.
    // A period not begun yet has nothing to count (`to` would be before `from`).
    let counted: Vec<&ReportRecord> =
        records.iter().filter(|r| period.begun(today) && filter.admits(r) && counted_in(r, from, to)).collect();
    let open: Vec<&ReportRecord> = counted.iter().copied().filter(|r| r.open_on(as_of)).collect();

    let mut caseload = BTreeMap::new();
    for r in &open {
        let status = usize::from(r.status.on(as_of) != PlanStatus::Draft);
        caseload.entry(r.pathway.on(as_of).map(PlacementKey::of)).or_insert([0; 2])[status] += 1;
    }

    let mut stages = [0; 5];
    for r in &counted {
        let stage = stage_of(r, as_of);
        stages[Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0)] += 1;
    }

    let mut milestones = [0; 5];
    for r in &open {
        for (i, &m) in Milestone::ALL.iter().enumerate() {
            milestones[i] += u32::from(r.reached_on(m, as_of));
        }
    }

    let mut outcomes = BTreeMap::new();
    for r in &counted {
        if let Some(closure) = r.closure_on(as_of).filter(|c| in_period(c.closed_on)) {
            *outcomes.entry(closure.outcome.map(OutcomeKey::of)).or_insert(0) += 1;
        }
    }

    let (mut placement_days, mut placements_without_dates) = (Vec::new(), 0);
    for r in &counted {
        let Some(placed) = r.placed_by(as_of) else { continue };
        match (placed, r.plan_start) {
            (Some(day), _) if !in_period(day) => {}
            (Some(day), Some(start)) if start <= day => placement_days.push((day - start).num_days()),
            // Placed on a day not recorded, or with no plan start before it: it cannot be timed.
            _ => placements_without_dates += 1,
        }
    }

    let (mut visits_done, mut visits_due, mut cases_without_frequency) = (0, 0, 0);
    for r in &counted {
        match visits_of(r, from, as_of) {
            Some((done, due)) => (visits_done, visits_due) = (visits_done + done, visits_due + due),
            None => cases_without_frequency += u32::from(r.open_on(as_of)),
        }
    }

    let mut overdue: BTreeMap<&str, u32> = BTreeMap::new();
    for r in counted.iter().filter(|r| r.open_on(today)) {
        let late = r.open_due.iter().filter(|&&d| d < today).count() as u32;
        if late > 0 {
            *overdue.entry(r.worker.as_str()).or_insert(0) += late;
        }
    }
    let mut overdue_by_worker: Vec<(String, u32)> = overdue.into_iter().map(|(w, n)| (w.to_string(), n)).collect();
    overdue_by_worker.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

    let mut urgent = UrgentReferrals::default();
    let mut referrals = BTreeMap::new();
    for referral in counted.iter().flat_map(|r| &r.referrals) {
        if referral.dated.is_some_and(in_period) {
            let status = ReferralStatus::ALL.iter().position(|s| *s == referral.status).unwrap_or(0);
            referrals.entry(referral.kind.map(ServiceKey::of)).or_insert([0; 5])[status] += 1;
        }
        let Some(made) = referral.made_on.filter(|&d| referral.urgent && in_period(d)) else { continue };
        urgent.made += 1;
        let allowed = URGENT_ANSWER_DAYS as i64;
        let answered = !referral.status.is_open() || referral.status == ReferralStatus::Accepted;
        match referral.answered_on {
            Some(on) if (on - made).num_days() <= allowed => urgent.answered_in_time += 1,
            Some(_) => urgent.answered_late += 1,
            None if answered => urgent.answered_undated += 1,
            None if (as_of - made).num_days() > allowed => urgent.unanswered += 1,
            None => urgent.waiting += 1,
        }
    }

    let mut themes = [(0, 0); Theme::ALL.len()];
    for count in open.iter().flat_map(|r| &r.themes) {
        let at = Theme::ALL.iter().position(|t| *t == count.theme).unwrap_or(0);
        themes[at] = (themes[at].0 + count.done, themes[at].1 + count.applicable);
    }

    Report {
        period,
        as_of,
        cases: counted.len() as u32,
        caseload,
        stages,
        settings: period.points(as_of).into_iter().map(|day| settings_on(&counted, day)).collect(),
        open: open.len() as u32,
        milestones,
        outcomes,
        time_to_placement: Spread::of(placement_days),
        placements_without_dates,
        visits_done,
        visits_due,
        cases_without_frequency,
        overdue_by_worker,
        urgent_referrals: urgent,
        referrals,
        themes: Theme::ALL
            .iter()
            .zip(themes)
            .filter(|(_, (_, of))| *of > 0)
            .map(|(t, (done, of))| (*t, done, of))
            .collect(),
    }
}

/// Visits logged in the period and visits due in it by the case's frequency, counted from the
/// plan's start until the period ends or the case closes; none without a frequency.
fn visits_of(r: &ReportRecord, from: NaiveDate, as_of: NaiveDate) -> Option<(u32, u32)> {
    let frequency = r.visit_frequency?;
    let done = r.visits.iter().filter(|&&d| from <= d && d <= as_of).count() as u32;
    let end = r.closure_on(as_of).map_or(as_of, |c| c.closed_on.min(as_of));
    let (mut due, mut day) = (0, r.plan_start.unwrap_or(r.opened_on));
    while let Some(next) = frequency.after(day).filter(|&d| d <= end) {
        due += u32::from(next >= from);
        day = next;
    }
    Some((done, due))
}

/// The columns of the case-level file, as the README's codebook names them.
pub const CASE_COLUMNS: [&str; 20] = [
    "case_number",
    "case_worker",
    "pathway",
    "plan_status",
    "stage",
    "opened_on",
    "plan_start",
    "milestones_reached",
    "placed_on",
    "days_to_placement",
    "closed_on",
    "closure_outcome",
    "visits_done",
    "visits_due",
    "referrals",
    "urgent_referrals",
    "urgent_answered_within_7_days",
    "checklist_done",
    "checklist_applicable",
    "overdue_today",
];

/// One row per case the report counts, in [`CASE_COLUMNS`]: stable keys and ISO days, for a
/// spreadsheet or a statistics tool, each case named by its number alone.
pub fn case_table(records: &[ReportRecord], period: Period, filter: &Filter, today: NaiveDate) -> super::Table {
    use super::Cell;
    let as_of = period.to.min(today);
    let in_period = |day: NaiveDate| period.from <= day && day <= as_of;
    let day = |d: Option<NaiveDate>| d.map_or(Cell::Empty, Cell::Day);
    let key = |k: Option<&'static str>| k.map_or(Cell::Empty, Cell::text);
    let rows = records
        .iter()
        .filter(|r| filter.admits(r) && counted_in(r, period.from, as_of))
        .map(|r| {
            let closure = r.closure_on(as_of);
            let placed = r.placed_by(as_of).flatten();
            let urgent: Vec<_> =
                r.referrals.iter().filter(|x| x.urgent && x.made_on.is_some_and(in_period)).collect();
            let answered = urgent
                .iter()
                .filter(|x| matches!((x.made_on, x.answered_on), (Some(m), Some(a)) if (a - m).num_days() <= URGENT_ANSWER_DAYS as i64))
                .count();
            let (visits_done, visits_due) = visits_of(r, period.from, as_of).map_or((Cell::Empty, Cell::Empty), |(d, n)| (Cell::Count(d), Cell::Count(n)));
            let (done, applicable) = r.themes.iter().fold((0, 0), |(d, a), t| (d + t.done, a + t.applicable));
            vec![
                Cell::text(r.case_number.clone()),
                Cell::text(r.worker.clone()),
                key(r.pathway.on(as_of).map(Choice::key)),
                Cell::text(if closure.is_some() { PlanStatus::Closed.key() } else { r.status.on(as_of).key() }),
                Cell::text(stage_of(r, as_of).key()),
                Cell::Day(r.opened_on),
                day(r.plan_start),
                Cell::Count(Milestone::ALL.iter().filter(|&&m| r.reached_on(m, as_of)).count() as u32),
                day(placed),
                match (placed, r.plan_start) {
                    (Some(p), Some(s)) if s <= p => Cell::Count((p - s).num_days() as u32),
                    _ => Cell::Empty,
                },
                day(closure.map(|c| c.closed_on)),
                key(closure.and_then(|c| c.outcome).map(Choice::key)),
                visits_done,
                visits_due,
                Cell::Count(r.referrals.iter().filter(|x| x.dated.is_some_and(in_period)).count() as u32),
                Cell::Count(urgent.len() as u32),
                Cell::Count(answered as u32),
                Cell::Count(done),
                Cell::Count(applicable),
                Cell::Count(if r.open_on(today) { r.open_due.iter().filter(|&&d| d < today).count() as u32 } else { 0 }),
            ]
        })
        .collect();
    super::Table { id: "cases", title: String::new(), head: CASE_COLUMNS.iter().map(|c| c.to_string()).collect(), rows }
}

/// In the caseload at some time from `from` to `to`: opened by its end and not closed before it
/// began.
fn counted_in(r: &ReportRecord, from: NaiveDate, to: NaiveDate) -> bool {
    r.opened_on <= to && r.closure_on(to).is_none_or(|c| c.closed_on >= from)
}

/// Where a case counted in the period stands at its end (a closed one was closed in the period,
/// or it would not be counted).
fn stage_of(record: &ReportRecord, as_of: NaiveDate) -> Stage {
    if record.closed_on(as_of) {
        return Stage::Closed;
    }
    if let Some(placed) = record.placed_by(as_of) {
        let visited = record.visits.iter().any(|&v| v <= as_of && placed.is_some_and(|p| v >= p));
        return if visited { Stage::FollowUp } else { Stage::Placed };
    }
    match record.status.on(as_of) {
        PlanStatus::Draft => Stage::Planning,
        _ => Stage::Preparing,
    }
}

fn settings_on(records: &[&ReportRecord], day: NaiveDate) -> SettingsOn {
    let mut counts = [0; 5];
    for r in records.iter().filter(|r| r.opened_on <= day) {
        let setting = match r.closure_on(day) {
            Some(closure) => Setting::of_outcome(closure.outcome),
            None if r.placed_by(day).is_some() => Some(Setting::of_pathway(r.pathway.on(day))),
            None => Some(Setting::Residential),
        };
        if let Some(setting) = setting {
            counts[Setting::ALL.iter().position(|s| *s == setting).unwrap_or(0)] += 1;
        }
    }
    SettingsOn { day, counts }
}
