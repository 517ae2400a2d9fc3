use chrono::TimeZone;

use super::*;
use crate::domain::{ProtectionNeed, VisitFrequency};

fn at(minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 20, 9, minute, 0).unwrap()
}

fn case() -> Case {
    let mut case = Case::new(Uuid::from_u128(7), "HW-2026-0007".into(), at(0));
    case.plan.worker.name = "Ana Ruiz".into();
    case
}

#[test]
fn every_part_of_a_case_is_either_compared_or_named_as_bookkeeping() {
    // A part added to `Case` must be placed here: compared by `diff` (in `Content`), or named as
    // bookkeeping, so no edit slips out of the history unnoticed.
    const NOT_COMPARED: [&str; 9] =
        ["revision", "version", "updated_at", "exchanged", "history", "format", "created_at", "closure", "handovers"];
    let Value::Object(parts) = serde_json::to_value(case()).unwrap() else { panic!("a case is an object") };
    let Value::Object(compared) = serde_json::to_value(Content::from(&case())).unwrap() else {
        panic!("content is an object")
    };
    for part in parts.keys() {
        assert!(
            compared.contains_key(part) != NOT_COMPARED.contains(&part.as_str()),
            "{part}: compared, or bookkeeping, and not both"
        );
    }
}

#[test]
fn a_simple_field_records_old_and_new_value() {
    let before = case();
    let mut after = before.clone();
    after.plan.worker.role = "Psychologist".into();
    after.revision = 4; // bookkeeping is not a change
    let changes = diff(&before, &after);
    assert_eq!(
        changes,
        vec![FieldChange {
            path: "plan.worker.role".into(),
            item: Value::Null,
            kind: ChangeKind::Changed,
            old: Value::Null,
            new: "Psychologist".into()
        }]
    );
}

#[test]
fn list_items_are_added_removed_and_changed_by_name() {
    let mut before = case();
    let school = ProtectionNeed { need: "School bullying".into(), ..ProtectionNeed::default() };
    let housing = ProtectionNeed { need: "Housing".into(), ..ProtectionNeed::default() };
    before.plan.needs.push(school.clone());
    before.plan.needs.push(housing.clone());
    let mut after = before.clone();
    after.plan.needs.remove(housing.id);
    after.plan.needs.update(school.id, |n| n.by_when = Some("2026-12-01".parse().unwrap()));
    after.plan.needs.push(ProtectionNeed { need: "Birth certificate".into(), ..ProtectionNeed::default() });
    let seen: Vec<(ChangeKind, String, Value, Value, Value)> =
        diff(&before, &after).into_iter().map(|c| (c.kind, c.path, c.item, c.old, c.new)).collect();
    assert_eq!(
        seen,
        vec![
            (ChangeKind::Removed, format!("plan.needs[{}]", housing.id), Value::Null, "Housing".into(), Value::Null),
            (
                ChangeKind::Changed,
                format!("plan.needs[{}].by_when", school.id),
                "School bullying".into(),
                Value::Null,
                "2026-12-01".into()
            ),
            (
                ChangeKind::Added,
                format!("plan.needs[{}]", after.plan.needs.iter().last().unwrap().id),
                Value::Null,
                Value::Null,
                "Birth certificate".into()
            ),
        ]
    );
}

#[test]
fn a_frequency_and_a_checklist_tick_read_plainly() {
    let before = case();
    let mut after = before.clone();
    after.plan.monitoring.frequency = Some(VisitFrequency::EveryNDays(10));
    let changes = diff(&before, &after);
    assert_eq!(
        (changes[0].path.as_str(), &changes[0].new),
        ("plan.monitoring.frequency", &serde_json::json!({"every": "every_n_days", "days": 10}))
    );
}

#[test]
fn typing_in_one_section_within_minutes_is_one_entry_and_sections_stay_apart() {
    let mut history = History::default();
    let base = case();
    let mut step1 = base.clone();
    step1.plan.worker.role = "Psy".into();
    history.record(diff(&base, &step1), "Ana Ruiz", at(1));
    let mut step2 = step1.clone();
    step2.plan.worker.role = "Psychologist".into();
    step2.plan.child.name = "Lucía".into();
    history.record(diff(&step1, &step2), "Ana Ruiz", at(3));
    assert_eq!(history.0.len(), 2, "worker and child are separate entries");
    let worker = &history.0[0];
    assert_eq!((worker.area.as_str(), worker.changes.len()), ("worker", 1));
    assert_eq!((&worker.changes[0].old, &worker.changes[0].new), (&Value::Null, &Value::from("Psychologist")));
    assert_eq!(worker.at, at(1), "an entry keeps the time editing began");
    assert_eq!(history.timeline(Some("child")).len(), 1);

    // Later, or by someone else: a new entry.
    let mut step3 = step2.clone();
    step3.plan.worker.role = "Lawyer".into();
    history.record(diff(&step2, &step3), "Ana Ruiz", at(30));
    history.record(diff(&step3, &step2), "Marc Dubois", at(31));
    assert_eq!(history.0.len(), 4);
    assert_eq!(history.timeline(None)[0].by, "Marc Dubois");
}

#[test]
fn an_edit_undone_or_an_item_added_and_removed_leaves_nothing() {
    let mut history = History::default();
    let base = case();
    let mut typed = base.clone();
    typed.plan.worker.role = "Oops".into();
    history.record(diff(&base, &typed), "Ana Ruiz", at(1));
    history.record(diff(&typed, &base), "Ana Ruiz", at(2));
    assert!(history.0.is_empty());

    // Added empty, typed into in a later save, removed again: nothing happened.
    let mut added = base.clone();
    let temp = ProtectionNeed::default();
    added.plan.needs.push(temp.clone());
    history.record(diff(&base, &added), "Ana Ruiz", at(3));
    let mut typed = added.clone();
    typed.plan.needs.update(temp.id, |n| n.need = "Temp".into());
    history.record(diff(&added, &typed), "Ana Ruiz", at(4));
    history.record(diff(&typed, &base), "Ana Ruiz", at(5));
    assert!(history.0.is_empty(), "{:?}", history.0);
}

#[test]
fn history_itself_is_not_a_change() {
    let before = case();
    let mut after = before.clone();
    after.history.push(HistoryEntry::event(at(5), "Ana Ruiz", "case", Event::Created));
    assert!(diff(&before, &after).is_empty());
}

#[test]
fn a_pathway_proposal_is_one_line_and_long_notes_are_shortened() {
    let before = case();
    let mut after = before.clone();
    after.set_pathway(Some(crate::domain::PlacementType::Kinship));
    after.plan.monitoring.notes = "n".repeat(1000);
    let changes = diff(&before, &after);
    let proposal = changes.iter().find(|c| c.path == "checklist.items").unwrap();
    assert_eq!(proposal.new, Value::from(after.checklist.items.len()));
    assert!(changes.iter().all(|c| !c.path.starts_with("checklist.items[")));
    let notes = changes.iter().find(|c| c.path == "plan.monitoring.notes").unwrap();
    assert_eq!(notes.new.as_str().unwrap().chars().count(), 301);
}
