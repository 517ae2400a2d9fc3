use serde_json::json;
use uuid::Uuid;

use super::*;
use crate::domain::history::HistoryEntry;
use crate::domain::Case;

/// An entry as an earlier version stored it, upgraded and read.
fn entry(mut value: Value) -> HistoryEntry {
    upgrade_entry(&mut value);
    serde_json::from_value(value).unwrap()
}

fn old_event(text: &str) -> Option<Event> {
    entry(json!({"at": "2026-11-20T09:00:00Z", "by": "Ana", "area": "case", "event": text, "changes": []})).event
}

#[test]
fn every_old_event_reads_as_data() {
    assert_eq!(old_event(""), None);
    assert_eq!(old_event("Case created"), Some(Event::Created));
    assert_eq!(old_event("Case reopened"), Some(Event::Reopened));
    for &outcome in ClosureOutcome::ALL {
        let text = format!("Case closed: {}. Stable for six months. Aunt agrees.", outcome.label());
        assert_eq!(
            old_event(&text),
            Some(Event::Closed { outcome, reason: "Stable for six months. Aunt agrees.".into() }),
            "{text}"
        );
    }
    assert_eq!(
        old_event("Handed over from Ana Ruiz to Marc Dubois"),
        Some(Event::HandedOver { from: "Ana Ruiz".into(), to: "Marc Dubois".into(), not_done: vec![] })
    );
    assert_eq!(
        old_event(
            "Handed over from Ana Ruiz to Marc Dubois (not done: the child and the family were told who their new \
             case worker is; open referrals and urgent needs were reviewed together)"
        ),
        Some(Event::HandedOver {
            from: "Ana Ruiz".into(),
            to: "Marc Dubois".into(),
            not_done: vec![HandoverPoint::ChildAndFamilyTold, HandoverPoint::ReferralsAndNeedsReviewed]
        })
    );
    assert_eq!(
        old_event("Handed over from A to B (not done: the plan was reviewed with the new case worker)"),
        Some(Event::HandedOver { from: "A".into(), to: "B".into(), not_done: vec![HandoverPoint::PlanReviewed] })
    );
    assert_eq!(old_event("Something newer"), Some(Event::Unknown { text: "Something newer".into() }));
    assert_eq!(
        old_event("Case closed: A reason nobody wrote. x"),
        Some(Event::Unknown { text: "Case closed: A reason nobody wrote. x".into() })
    );
}

#[test]
fn events_made_by_the_domain_match_what_the_old_sentences_read_as() {
    // The sentences earlier versions wrote for these, from their own tests.
    let now: chrono::DateTime<chrono::Utc> = "2026-11-23T10:00:00Z".parse().unwrap();
    let mut case = Case::new(Uuid::from_u128(1), "HW-1".into(), now);
    case.close(ClosureOutcome::Kinship, "Living with her aunt", now.date_naive(), "Ana", now).unwrap();
    assert_eq!(case.history.0.last().unwrap().event, old_event("Case closed: Kinship care. Living with her aunt"));
}

#[test]
fn stored_events_round_trip_and_a_newer_kind_reads_as_unknown() {
    for event in [
        Event::Created,
        Event::Reopened,
        Event::Closed { outcome: ClosureOutcome::Foster, reason: "r".into() },
        Event::HandedOver { from: "A".into(), to: "B".into(), not_done: vec![HandoverPoint::PlanReviewed] },
        Event::Unknown { text: "as stored".into() },
    ] {
        let e = HistoryEntry::event(chrono::Utc::now(), "Ana", "case", event.clone());
        let back: HistoryEntry = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
        assert_eq!(back, e);
    }
    let closed = serde_json::to_value(Event::Closed { outcome: ClosureOutcome::Foster, reason: "r".into() }).unwrap();
    assert_eq!(closed, json!({"kind": "closed", "outcome": "foster", "reason": "r"}));
    let newer = entry(json!({"by": "Ana", "event": {"kind": "merged_with", "other": "x"}}));
    assert_eq!(newer.event, Some(Event::Unknown { text: "Merged with".into() }));
}

#[test]
fn unnamed_user_in_every_language_is_an_empty_author() {
    for language in ["en", "es", "fr"] {
        let path = format!("{}/locales/{language}/common.json", env!("CARGO_MANIFEST_DIR"));
        let texts: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let unnamed = texts["unnamed_user"].as_str().unwrap();
        assert!(UNNAMED_USER.contains(&unnamed), "{language}: {unnamed}");
        assert_eq!(entry(json!({"by": unnamed})).by, "", "{language}");
        let mut case = serde_json::to_value(Case::new(Uuid::from_u128(1), "HW-1".into(), chrono::Utc::now())).unwrap();
        case["closure"] = json!({"outcome": "kinship", "reason": "r", "closed_on": "2026-11-20", "closed_by": unnamed});
        assert_eq!(upgrade_case(case).unwrap().closure.unwrap().closed_by, "");
    }
    assert_eq!(entry(json!({"by": "Ana Ruiz"})).by, "Ana Ruiz");
}

fn old_change(path: &str, what: &str, kind: &str, old: &str, new: &str) -> FieldChange {
    let change = json!({"path": path, "what": what, "kind": kind, "old": old, "new": new});
    entry(json!({"by": "Ana", "changes": [change]})).changes.remove(0)
}

#[test]
fn old_changes_keep_their_path_and_read_their_values_as_data() {
    let c = old_change("plan.worker.role", "Case worker: Role", "changed", "(empty)", "Psychologist");
    assert_eq!((c.item, c.old, c.new), (Value::Null, Value::Null, json!("Psychologist")));

    let c = old_change(
        "plan.needs[1f2e].by_when",
        "Protection needs: By when — School bullying",
        "changed",
        "(empty)",
        "1 Dec 2026",
    );
    assert_eq!((c.item, c.old, c.new), (json!("School bullying"), Value::Null, json!("2026-12-01")));

    let c = old_change(
        "plan.needs[1f2e].status",
        "Protection needs: Status — an item",
        "changed",
        "not started",
        "in progress",
    );
    assert_eq!((c.item, c.old, c.new), (Value::Null, json!("not_started"), json!("in_progress")));
    let c = old_change("plan.status", "Status", "changed", "draft", "active");
    assert_eq!((c.old, c.new), (json!("draft"), json!("active")));
    let c = old_change("plan.placement.kind", "Placement: Kind", "changed", "(empty)", "small group home");
    assert_eq!(c.new, json!("small_group_home"));
    let c = old_change("plan.services[a].kind", "Services: Kind — Clinic", "changed", "other", "legal documentation");
    assert_eq!(c.new, json!("legal_documentation"));
    let c = old_change("plan.referrals[a].urgent", "Referrals: Urgent — Clinic", "changed", "no", "yes");
    assert_eq!((c.old, c.new), (json!(false), json!(true)));
    let c =
        old_change("plan.monitoring.frequency", "Monitoring: Frequency", "changed", "every two weeks", "every 10 days");
    assert_eq!((c.old, c.new), (json!({"every": "every_two_weeks"}), json!({"every": "every_n_days", "days": 10})));
    let c = old_change("plan.child.notes", "Child: Notes", "changed", "(changed)", "keep in progress words");
    assert_eq!((c.old, c.new), (json!({}), json!("keep in progress words")), "the worker's words are kept");

    // Items added and removed, by name; a catalogue activity by its identifier.
    let c = old_change("plan.needs[x]", "Protection needs", "added", "", "Birth certificate");
    assert_eq!((c.kind, c.old, c.new), (ChangeKind::Added, Value::Null, json!("Birth certificate")));
    let c = old_change("plan.needs[x]", "Protection needs", "removed", "an item", "");
    assert_eq!((c.old, c.new), (Value::Null, Value::Null));
    let c = old_change("plan.monitoring.visits[v]", "Monitoring: Visits", "added", "", "3 Nov 2026");
    assert_eq!(c.new, json!("2026-11-03"));
    let c = old_change("checklist.items[i]", "Checklist", "added", "", "Respite care");
    assert_eq!(c.new, json!({"activity": "respite_care", "title": "Respite care"}));
    let c =
        old_change("checklist.items[i].status", "Checklist: Status — Respite care", "changed", "not started", "done");
    assert_eq!(
        (c.item, c.old, c.new),
        (json!({"activity": "respite_care", "title": "Respite care"}), json!("not_started"), json!("done"))
    );
    let c = old_change("plan.child.languages[Quechua]", "Child: Languages", "added", "", "Quechua");
    assert_eq!(c.new, json!("Quechua"));

    // The proposed activities, and a handover's note.
    let c = old_change("checklist.items", "Checklist", "added", "", "14 activities");
    assert_eq!(c.new, json!(14));
    let c = old_change("handover.note", "Handover note", "added", "", "Calls after 6 pm; 20 Nov 2026");
    assert_eq!(c.new, json!("Calls after 6 pm; 20 Nov 2026"), "a note is the worker's words");

    // Today's form reads as it is.
    let now = FieldChange {
        path: "plan.needs[x].status".into(),
        item: json!("School"),
        kind: ChangeKind::Changed,
        old: json!("not_started"),
        new: json!("done"),
    };
    let stored = json!({"by": "Ana", "changes": [serde_json::to_value(&now).unwrap()]});
    assert_eq!(entry(stored).changes, vec![now]);
}

#[test]
fn cases_stored_by_every_earlier_version_upgrade_once_and_stay_as_they_are() {
    for version in 1..=4 {
        let path = format!("{}/tests/fixtures/schema-v{version}.json", env!("CARGO_MANIFEST_DIR"));
        let fixture: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for stored in fixture["stores"]["cases"]["records"].as_array().unwrap() {
            let upgraded = upgrade_case(stored.clone()).unwrap_or_else(|e| panic!("v{version}: {e}"));
            let today = serde_json::to_value(&upgraded).unwrap();
            // Today's form is read directly, and upgrading it again changes nothing.
            assert_eq!(serde_json::from_value::<Case>(today.clone()).unwrap(), upgraded, "v{version}");
            assert_eq!(upgrade_case(today).unwrap(), upgraded, "v{version}");
        }
    }
    // Only the upgrade reads the old sentences: a case read directly shows them as they are.
    let mut old = serde_json::to_value(Case::new(Uuid::from_u128(1), "HW-1".into(), chrono::Utc::now())).unwrap();
    old["history"] = json!([{"at": "2026-11-20T09:00:00Z", "by": "Ana", "area": "case", "event": "Case created"}]);
    let direct = serde_json::from_value::<Case>(old.clone()).unwrap().history.0[0].event.clone();
    assert_eq!(direct, Some(Event::Unknown { text: "Case created".into() }));
    assert_eq!(upgrade_case(old).unwrap().history.0[0].event, Some(Event::Created));
}
