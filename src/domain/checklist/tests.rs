use super::*;
use crate::domain::Case;
use chrono::Utc;
use PlacementType::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const TODAY: &str = "2026-11-23";

fn today() -> NaiveDate {
    d(TODAY)
}

#[test]
fn a_pathway_proposes_its_activities() {
    let mut c = Checklist::default();
    let added = c.propose(Reunification);
    assert_eq!(added, catalogue::for_pathway(Reunification).count());
    assert!(c.has_activity("prepare_home") && !c.has_activity("job_readiness"));
    assert_eq!(c.catalogue_version, CATALOGUE_VERSION);
    assert_eq!(c.propose(Reunification), 0, "proposing again adds nothing");
}

#[test]
fn changing_pathway_adds_without_losing_anything() {
    let mut case = Case::start(Uuid::new_v4(), "A-1", "Maya", "Ana", Utc::now());
    case.set_pathway(Some(Reunification));
    let home = case.checklist.items.iter().find(|i| i.activity.as_deref() == Some("prepare_home")).unwrap().id;
    case.checklist.update(home, |i| {
        i.set_done(true, today());
        i.notes = "Bed bought".into();
        i.responsible = "Aunt Rosa".into();
    });
    let before = case.checklist.items.len();
    let added = case.set_pathway(Some(SupportedIndependentLiving));
    assert_eq!(added, 5, "the five youth activities");
    assert_eq!(case.checklist.items.len(), before + 5);
    let kept = case.checklist.get(home).unwrap();
    assert_eq!(
        (kept.status, kept.notes.as_str(), kept.responsible.as_str(), kept.done_on),
        (ChecklistStatus::Done, "Bed bought", "Aunt Rosa", Some(today()))
    );
    assert_eq!(case.plan.placement.kind, Some(SupportedIndependentLiving));
    assert_eq!(case.set_pathway(None), 0);
}

#[test]
fn ticking_records_the_day_and_unticking_clears_it() {
    let mut item = ChecklistItem::from_activity(catalogue::activity("life_skills").unwrap());
    item.set_done(true, today());
    assert_eq!((item.status, item.done_on), (ChecklistStatus::Done, Some(today())));
    item.done_on = Some(d("2026-11-01"));
    item.set_done(true, today());
    assert_eq!(item.done_on, Some(d("2026-11-01")), "a date already given is kept");
    item.set_done(false, today());
    assert_eq!((item.status, item.done_on), (ChecklistStatus::NotStarted, None));
    item.set_status(ChecklistStatus::Done, today());
    assert_eq!(item.done_on, Some(today()));
    item.set_status(ChecklistStatus::InProgress, today());
    assert_eq!(item.done_on, None);
}

#[test]
fn not_applicable_needs_a_reason_and_done_cannot_be_future() {
    let mut item = ChecklistItem::from_activity(catalogue::activity("farewell").unwrap());
    assert!(item.problems(today()).is_empty());
    item.set_status(ChecklistStatus::NotApplicable, today());
    assert_eq!(item.problems(today())[0].0, "reason");
    item.not_applicable_reason = "The child asked for a quiet goodbye".into();
    assert!(item.problems(today()).is_empty());
    item.done_on = Some(d("2026-12-01"));
    assert_eq!(item.problems(today())[0].0, "done_on");
    assert_eq!(ChecklistItem::custom("  ", Theme::Community, None).problems(today())[0].0, "title");
}

#[test]
fn progress_counts_applicable_done_overdue_and_milestones() {
    let mut c = Checklist::default();
    c.propose(Kinship);
    let ids: Vec<Uuid> = c.items.iter().map(|i| i.id).collect();
    c.update(ids[0], |i| i.set_done(true, today()));
    c.update(ids[1], |i| i.set_done(true, today()));
    c.update(ids[2], |i| i.status = ChecklistStatus::NotApplicable);
    c.update(ids[3], |i| i.due = Some(d("2026-11-20")));
    c.update(ids[4], |i| i.due = Some(d(TODAY)));
    // Done and late is not overdue.
    c.update(ids[0], |i| i.due = Some(d("2026-11-01")));
    c.update_milestone(Milestone::LegalSteps, |m| m.set_status(MilestoneStatus::Reached, today()));
    let p = c.progress(today());
    assert_eq!(p, Progress { done: 2, applicable: ids.len() - 1, overdue: 1, milestones_reached: 1 });
    assert_eq!(p.percent(), Some((200 / (ids.len() - 1)) as u32));
    assert_eq!(Progress::default().percent(), None);
    assert_eq!(c.milestone(Milestone::LegalSteps).reached_on, Some(today()));
}

#[test]
fn milestones_show_the_items_bearing_on_them() {
    let mut c = Checklist::default();
    c.propose(Foster);
    let (done, all) = c.milestone_items_done(Milestone::LegalSteps);
    assert_eq!((done, all), (0, 1), "placement documents");
    let docs = c.items.iter().find(|i| i.activity.as_deref() == Some("placement_documents")).unwrap().id;
    c.update(docs, |i| i.set_done(true, today()));
    let mut court = ChecklistItem::custom("Court order for the placement", Theme::Legal, Some(Milestone::LegalSteps));
    court.set_status(ChecklistStatus::InProgress, today());
    c.add(court);
    assert_eq!(c.milestone_items_done(Milestone::LegalSteps), (1, 2));
    let titles: Vec<&str> = c.bearing_on(Milestone::LegalSteps).iter().map(|i| i.title()).collect();
    assert_eq!(titles, ["Placement documents with local authorities", "Court order for the placement"]);
    // Not applicable items do not bear on a milestone.
    c.update(docs, |i| i.status = ChecklistStatus::NotApplicable);
    assert_eq!(c.milestone_items_done(Milestone::LegalSteps), (0, 1));
}

#[test]
fn removed_activities_are_not_proposed_again_until_added_back() {
    let mut c = Checklist::default();
    c.propose(Reunification);
    let farewell = c.items.iter().find(|i| i.activity.as_deref() == Some("farewell")).unwrap().id;
    let (at, item) = c.remove(farewell).unwrap();
    assert_eq!(c.propose(Kinship), 0);
    assert!(c.missing_for(Reunification).is_empty());
    c.restore(at, item);
    assert!(c.get(farewell).is_some() && c.dismissed.is_empty());
    let (at, item) = c.remove(farewell).unwrap();
    assert!(c.addable().iter().any(|a| a.id == "farewell"));
    assert!(c.add_activity("farewell").is_some());
    assert!(!c.restore(at, item), "undo after adding it again makes no second copy");
    assert_eq!(c.items.iter().filter(|i| i.activity.as_deref() == Some("farewell")).count(), 1);
    assert!(c.add_activity("farewell").is_none(), "never twice");
    assert!(c.add_activity("no_such_activity").is_none());
}

#[test]
fn a_checklist_from_a_newer_catalogue_still_opens() {
    let json = r#"{"catalogue_version": 9, "items": [
        {"id": "6f1c2f4e-0000-4000-8000-000000000001", "activity": "from_the_future", "title": "Welcome dinner", "status": "done"},
        {"id": "6f1c2f4e-0000-4000-8000-000000000002", "activity": "life_skills", "title": "old wording", "status": "in_progress", "surprise": 1},
        {"id": "6f1c2f4e-0000-4000-8000-000000000004", "title": "Own", "theme": "a_new_theme", "milestone": "a_sixth_milestone", "status": "a_new_status"}
    ], "milestones": [{"milestone": "a_sixth_milestone", "status": "reached"}, {"milestone": "placed", "status": "reached", "reached_on": "2026-10-01"}]}"#;
    let c: Checklist = serde_json::from_str(json).unwrap();
    assert_eq!(c.items[0].title(), "Welcome dinner");
    assert!(c.items[0].is_done());
    assert_eq!(c.items[1].title(), "Life skills training", "known activities take this build's title");
    assert_eq!(c.milestone(Milestone::Placed).status, MilestoneStatus::Reached);
    assert_eq!(c.milestone(Milestone::Prepared).status, MilestoneStatus::NotReached);
    let own = &c.items[2];
    assert_eq!(
        (own.theme, own.milestone, own.status),
        (Theme::PreparingChild, None, ChecklistStatus::NotStarted),
        "unknown values read as defaults"
    );
    assert_eq!(c.milestones.len(), 1, "an unknown milestone is left out");
}

#[test]
fn an_older_case_without_a_checklist_opens_with_an_empty_one() {
    let case: Case = serde_json::from_str(r#"{"id":"6f1c2f4e-0000-4000-8000-000000000003","case_number":"A-1","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","revision":3,"plan":{"placement":{"kind":"kinship"}}}"#).unwrap();
    assert!(case.checklist.items.is_empty());
    assert_eq!(case.checklist.milestones.len(), 5);
    assert_eq!(case.checklist.missing_for(Kinship).len(), catalogue::for_pathway(Kinship).count());
}

#[test]
fn filters_by_status_person_and_overdue_grouped_by_theme() {
    let mut c = Checklist::default();
    c.propose(Reunification);
    let ids: Vec<Uuid> = c.items.iter().map(|i| i.id).collect();
    c.update(ids[0], |i| {
        i.responsible = "Ana".into();
        i.due = Some(d("2026-11-01"));
    });
    c.update(ids[1], |i| {
        i.responsible = "ana ".into();
        i.set_done(true, today());
    });
    let mut f = ChecklistFilter::default();
    assert!(!f.is_active());
    let all: usize = f.grouped(&c, today()).iter().map(|(_, items)| items.len()).sum();
    assert_eq!(all, c.items.len());
    let themes: Vec<Theme> = f.grouped(&c, today()).iter().map(|(t, _)| *t).collect();
    let mut sorted = themes.clone();
    sorted.sort_by_key(|t| Theme::ALL.iter().position(|x| x == t));
    assert_eq!(themes, sorted, "themes in their fixed order");
    f.responsible = Some("Ana".into());
    assert_eq!(f.grouped(&c, today()).iter().map(|(_, i)| i.len()).sum::<usize>(), 2);
    f.status = StatusFilter::Open;
    assert_eq!(f.grouped(&c, today()).iter().map(|(_, i)| i.len()).sum::<usize>(), 1);
    f = ChecklistFilter { overdue_only: true, ..Default::default() };
    let overdue: Vec<Uuid> = f.grouped(&c, today()).iter().flat_map(|(_, i)| i.iter().map(|i| i.id)).collect();
    assert_eq!(overdue, [ids[0]]);
    let kept: usize = f.grouped_keeping(&c, today(), |id| id == ids[5]).iter().map(|(_, i)| i.len()).sum();
    assert_eq!(kept, 2, "an item being edited stays in view");
    f = ChecklistFilter { responsible: Some(String::new()), ..Default::default() };
    assert_eq!(f.grouped(&c, today()).iter().map(|(_, i)| i.len()).sum::<usize>(), c.items.len() - 2);
    assert_eq!(c.people(), ["Ana"]);
}

#[test]
fn item_problems_name_their_field_and_message() {
    let mut item = ChecklistItem::custom(" ", Theme::Family, None);
    item.status = ChecklistStatus::NotApplicable;
    item.done_on = Some("2099-01-01".parse().unwrap());
    let kinds = item.problem_kinds(today());
    assert_eq!(kinds, [ItemProblem::NoReason, ItemProblem::DoneInFuture, ItemProblem::NoTitle]);
    let fields: Vec<&str> = item.problems(today()).into_iter().map(|(f, _)| f).collect();
    assert_eq!(fields, ["reason", "done_on", "title"]);
}
