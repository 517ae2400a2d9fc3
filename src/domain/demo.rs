//! The demo workspace for training courses: fictional cases that between them show every part of
//! Homeward, and the cases of the exercise file trainees import to practise.
//!
//! Every case is built the way the app builds it: started as the new-case form starts it, its
//! pathway's activities proposed from the catalogue, then changed edit by edit, each edit saved
//! (`touch`) and recorded in the history (`diff`, `History::record`), with handovers and the
//! closure made through their own steps. Dates count from `today`, so what is late in the demo
//! is late whatever day the course runs. Ids, versions and times are fixed: the same `today`
//! always gives the same cases.
//!
//! Every id reads `de300000-CCCC-BBBB-0000-SSSSSSSSSSSS`: the case (`CCCC`), the branch (`BBBB`:
//! 0 in the demo workspace, 1 for the colleague's edits in the exercise file) and a sequence.
//! They are not random (v4) uuids, so they never meet an id the app makes.

mod assessments;
mod cases;
mod consents;
mod exercise;
mod many;
mod more_cases;
mod past_year;
mod safety_plans;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use uuid::Uuid;

use super::case::Case;
use super::checklist::{ChecklistStatus, Milestone, MilestoneStatus};
use super::choices::{PlacementType, ServiceType};
use super::history::{diff, Event, FieldChange, HistoryEntry};
use super::household::{Caregiving, Person, Relationship};
use super::items::{ProtectionNeed, Referral};
use super::{Language, ReferralStatus, Section, Sex};

pub use exercise::exercise_cases;
pub use many::many_cases;
pub use past_year::{past_year_cases, PAST_YEAR_CASES};

/// The passphrase of the exercise file: four unrelated words, easy to say aloud in a course.
pub const EXERCISE_PASSPHRASE: &str = "copper llama river biscuit";

/// The organisation of every demo case, in the demo's language: fictional, and plainly so.
pub fn organisation(language: Language) -> &'static str {
    tr(language, "Example Children's Service", "Servicio Infantil Ejemplo", "Service de l'enfance Exemple")
}

/// The demo workspace: eight fictional cases, every pathway, every stage of a plan, written in
/// `language`. Every language gives the same cases (ids, dates, statuses, items): only the words
/// differ. People's names are the same in all.
pub fn demo_cases(today: NaiveDate, language: Language) -> Vec<Case> {
    vec![
        cases::valentina(today, language),
        cases::mateo(today, language),
        cases::joaquin(today, language),
        cases::yerlin(today, language),
        more_cases::dayana(today, language),
        more_cases::andres(today, language),
        more_cases::ikram(today, language),
        more_cases::thiago(today, language),
    ]
}

/// One of a demo case's household, as the worker records them: who they are to the child,
/// whether they care for the child, and what the worker wrote of them.
fn relative(
    name: &str,
    relationship: Relationship,
    sex: Option<Sex>,
    caregiver: Caregiving,
    lives_with_child: bool,
    notes: &str,
) -> Person {
    Person {
        name: name.into(),
        relationship: Some(relationship),
        sex,
        caregiver,
        lives_with_child,
        notes: notes.into(),
        ..Person::default()
    }
}

/// The one of three texts, English, Spanish and French, in `language`. The demo's texts are
/// written side by side where they are used, so each reads with its translations.
fn tr(language: Language, en: &'static str, es: &'static str, fr: &'static str) -> &'static str {
    language.pick(en, es, fr)
}

/// An id of the demo (see the module's notes).
fn demo_id(case: u16, branch: u16, sequence: u64) -> Uuid {
    Uuid::from_u128(
        (0xDE30_0000u128 << 96) | (u128::from(case) << 80) | (u128::from(branch) << 64) | u128::from(sequence),
    )
}

/// Where a changed field comes in the plan form: its section's place, the checklist last.
fn section_rank(path: &str) -> usize {
    let area = super::paths::area_key(path);
    if area == super::history::CHECKLIST {
        return Section::ALL.len();
    }
    Section::ALL.iter().position(|s| s.slug().replace('-', " ") == area).unwrap_or(0)
}

/// Sequences from here on name versions, by revision.
const VERSIONS: u64 = 1 << 40;

/// The day `offset` days from `today` (negative: before).
fn day(today: NaiveDate, offset: i64) -> NaiveDate {
    today + chrono::Duration::days(offset)
}

/// A moment of the day `offset` days from `today`, as `(hour, minute)` in UTC.
fn at(today: NaiveDate, offset: i64, (hour, minute): (u32, u32)) -> DateTime<Utc> {
    day(today, offset).and_hms_opt(hour, minute, 0).expect("a time of day").and_utc()
}

/// One case being built, edit by edit, as a worker would have made it.
#[derive(Clone)]
struct Builder {
    case: Case,
    number: u16,
    branch: u16,
    next: u64,
    today: NaiveDate,
}

impl Builder {
    /// The case as the new-case form makes it, `offset` days from today at 9:00.
    fn start(number: u16, today: NaiveDate, offset: i64, child: &str, worker: &str, pathway: PlacementType) -> Self {
        let created = at(today, offset, (9, 0));
        let case_number = format!("DEMO-{}-{number:04}", created.year());
        let mut case = Case::start(demo_id(number, 0, 0), &case_number, child, worker, created);
        case.set_pathway(Some(pathway));
        case.history.push(HistoryEntry::event(created, worker, "case", Event::Created));
        let mut builder = Self { case, number, branch: 0, next: 0, today };
        builder.settle();
        builder
    }

    /// One saved edit by `by`, `offset` days from today at `time`: the change, a new revision,
    /// and what changed recorded in the history. The change is given the moment of the edit.
    /// As a worker goes through the form, each section's changes come two minutes after the
    /// section before.
    fn edit(
        &mut self,
        by: &str,
        offset: i64,
        time: (u32, u32),
        change: impl FnOnce(&mut Case, DateTime<Utc>),
    ) -> &mut Self {
        let now = at(self.today, offset, time);
        let before = self.case.clone();
        change(&mut self.case, now);
        // Stable ids before the diff, so the history names items by the ids they keep.
        self.settle();
        let mut sections: Vec<(usize, Vec<FieldChange>)> = Vec::new();
        for change in diff(&before, &self.case) {
            let rank = section_rank(&change.path);
            match sections.iter_mut().find(|(r, _)| *r == rank) {
                Some((_, changes)) => changes.push(change),
                None => sections.push((rank, vec![change])),
            }
        }
        sections.sort_by_key(|(rank, _)| *rank);
        let mut saved = now;
        for (step, (_, changes)) in sections.into_iter().enumerate() {
            saved = now + chrono::Duration::minutes(2 * step as i64);
            self.case.history.record(changes, by, saved);
        }
        self.case.touch(saved);
        self.settle();
        self
    }

    /// The case as it went into an export file: its version recorded as exchanged.
    fn exported(&mut self) -> &mut Self {
        self.case = super::exchange::merge::exported(self.case.clone());
        self
    }

    /// A copy edited elsewhere from here on: its new items and versions in their own branch.
    fn branch(&self, branch: u16) -> Self {
        Self { branch, next: 0, ..self.clone() }
    }

    fn done(&self) -> Case {
        self.case.clone()
    }

    /// Gives every random id a fixed one, and the version one named by the revision. A visit's
    /// follow-up action keeps pointing at its action.
    fn settle(&mut self) {
        let (number, branch) = (self.number, self.branch);
        let next = &mut self.next;
        let mut renamed: Vec<(Uuid, Uuid)> = Vec::new();
        let mut fix = |id: &mut Uuid| {
            if id.get_version_num() == 4 {
                *next += 1;
                let fixed = demo_id(number, branch, *next);
                renamed.push((*id, fixed));
                *id = fixed;
            }
        };
        let case = &mut self.case;
        let plan = &mut case.plan;
        plan.household.0.iter_mut().for_each(|i| fix(&mut i.id));
        plan.assessments.0.iter_mut().for_each(|i| fix(&mut i.id));
        plan.safety_plan.contacts.0.iter_mut().for_each(|i| fix(&mut i.id));
        plan.consents.0.iter_mut().for_each(|i| fix(&mut i.id));
        plan.sign_offs.0.iter_mut().for_each(|i| fix(&mut i.id));
        plan.needs.0.iter_mut().for_each(|i| fix(&mut i.id));
        plan.services.0.iter_mut().for_each(|i| fix(&mut i.id));
        plan.actions.0.iter_mut().for_each(|i| fix(&mut i.id));
        plan.referrals.0.iter_mut().for_each(|i| fix(&mut i.id));
        plan.monitoring.visits.0.iter_mut().for_each(|i| fix(&mut i.id));
        case.checklist.items.iter_mut().for_each(|i| fix(&mut i.id));
        case.history.0.iter_mut().for_each(|e| fix(&mut e.id));
        case.handovers.iter_mut().for_each(|h| fix(&mut h.id));
        for visit in case.plan.monitoring.visits.0.iter_mut() {
            if let Some(action) = visit.follow_up_action.as_mut() {
                if let Some((_, fixed)) = renamed.iter().find(|(old, _)| old == action) {
                    *action = *fixed;
                }
            }
        }
        case.version = demo_id(number, branch, VERSIONS + case.revision);
    }
}

/// How a worker left one checklist activity: the activity, its status, who is responsible, a
/// day (from today: the due date, or for a done one the day it was done, and the due date
/// if it had none) and a note (for one
/// that does not apply, the reason).
type Row<'a> = (&'a str, ChecklistStatus, &'a str, i64, &'a str);

fn checklist(case: &mut Case, today: NaiveDate, rows: &[Row]) {
    for &(activity, status, who, offset, note) in rows {
        let item = case
            .checklist
            .items
            .iter_mut()
            .find(|i| i.activity.as_deref() == Some(activity))
            .unwrap_or_else(|| panic!("{activity} is proposed for the pathway"));
        let date = day(today, offset);
        item.responsible = who.to_string();
        item.set_status(status, date);
        match status {
            ChecklistStatus::NotApplicable => item.not_applicable_reason = note.to_string(),
            // Done: the due date it had stands.
            ChecklistStatus::Done => {
                item.due.get_or_insert(date);
                item.notes = note.to_string();
            }
            _ => {
                item.due = Some(date);
                item.notes = note.to_string();
            }
        }
    }
}

/// Marks every activity still open as done by `who`, one a day from `from` on (no later than
/// `until`): a plan carried out over the weeks before.
fn finish_open(case: &mut Case, who: &str, from: NaiveDate, until: NaiveDate) {
    let mut date = from;
    for item in case.checklist.items.iter_mut().filter(|i| i.status.is_open()) {
        item.responsible = who.to_string();
        item.due = Some(date);
        item.set_status(ChecklistStatus::Done, date);
        date = (date + chrono::Duration::days(1)).min(until);
    }
}

/// The demo's supervisor, who reviews plans.
const SUPERVISOR: &str = "Rosa Villanueva";

/// A review of the plan asked by `worker` on `asked`, approved by the supervisor on `approved`,
/// of the plan as it stands.
fn approve_plan(case: &mut Case, language: Language, worker: &str, asked: NaiveDate, approved: NaiveDate) {
    use super::sign_off::{Review, SignOff, SignOffDecision, SignOffOf};
    let request = SignOff::asked(SignOffOf::Plan, asked, worker);
    let id = request.id;
    case.plan.sign_offs.push(request);
    let review = Review {
        reviewer: SUPERVISOR.into(),
        role: tr(language, "Supervisor", "Supervisora", "Superviseure").into(),
        on: approved,
        decision: SignOffDecision::Approved,
        comment: String::new(),
    };
    case.plan.decide_sign_off(id, review);
}

/// Marks the safety plan as what backs the "safety plan in place" milestone.
fn link_safety_plan(case: &mut Case) {
    case.checklist.update_milestone(Milestone::SafetyPlan, |r| r.linked = Some(super::LinkedRecord::SafetyPlan));
}

/// Records a milestone reached on a day with its evidence, or (without a day) under way.
fn milestone(case: &mut Case, milestone: Milestone, reached: Option<NaiveDate>, evidence: &str) {
    case.checklist.update_milestone(milestone, |record| {
        match reached {
            Some(date) => record.set_reached_on(Some(date)),
            None => record.status = MilestoneStatus::InProgress,
        }
        record.evidence = evidence.to_string();
    });
}

/// A referral that moved through these statuses on these days.
fn referral(
    kind: ServiceType,
    to: &str,
    reason: &str,
    urgent: bool,
    date: NaiveDate,
    moves: &[(ReferralStatus, NaiveDate)],
) -> Referral {
    let mut referral = Referral {
        kind: Some(kind),
        to: to.into(),
        reason: reason.into(),
        urgent,
        date: Some(date),
        ..Referral::default()
    };
    for &(status, on) in moves {
        referral.set_status(status, on);
    }
    referral
}

/// The referral whose service starts with `to`, to move it on.
fn referral_to<'a>(case: &'a mut Case, to: &str) -> &'a mut Referral {
    case.plan.referrals.0.iter_mut().find(|r| r.to.starts_with(to)).unwrap_or_else(|| panic!("a referral to {to}"))
}

fn need_about<'a>(case: &'a mut Case, need: &str) -> &'a mut ProtectionNeed {
    case.plan.needs.0.iter_mut().find(|n| n.need.starts_with(need)).unwrap_or_else(|| panic!("a need {need}"))
}

#[cfg(test)]
mod tests;
