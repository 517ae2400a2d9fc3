use serde_json::json;

use super::*;
use crate::domain::history::HistoryEntry;
use crate::domain::Case;

fn entry(value: Value) -> HistoryEntry {
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
        let closure: crate::domain::closure::Closure = serde_json::from_value(
            json!({"outcome": "kinship", "reason": "r", "closed_on": "2026-11-20", "closed_by": unnamed}),
        )
        .unwrap();
        assert_eq!(closure.closed_by, "");
    }
    assert_eq!(entry(json!({"by": "Ana Ruiz"})).by, "Ana Ruiz");
}

fn old_change(path: &str, what: &str, kind: &str, old: &str, new: &str) -> FieldChange {
    serde_json::from_value(json!({"path": path, "what": what, "kind": kind, "old": old, "new": new})).unwrap()
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
    assert_eq!(serde_json::from_value::<FieldChange>(serde_json::to_value(&now).unwrap()).unwrap(), now);
}

fn old_due(place: &str, what: &str) -> DueWhat {
    let item: DueItem = serde_json::from_value(json!({"what": what, "date": "2026-11-20", "place": place})).unwrap();
    item.what
}

#[test]
fn every_old_due_item_reads_as_data() {
    assert_eq!(old_due("needs", "Need: Birth certificate"), DueWhat::Need { text: "Birth certificate".into() });
    assert_eq!(old_due("needs", "Need: (not described yet)"), DueWhat::Need { text: String::new() });
    assert_eq!(
        old_due("services", "Service: Clinic visits"),
        DueWhat::Service { service_type: None, description: "Clinic visits".into() }
    );
    for &kind in ServiceType::ALL {
        assert_eq!(
            old_due("services", &format!("Service: {}", kind.label())),
            DueWhat::Service { service_type: Some(kind), description: String::new() }
        );
    }
    assert_eq!(old_due("actions", "Action: Visit school"), DueWhat::Action { text: "Visit school".into() });
    assert_eq!(old_due("actions", "Action: (not described yet)"), DueWhat::Action { text: String::new() });
    assert_eq!(old_due("referrals", "Referral: Clinic"), DueWhat::Referral { to: "Clinic".into() });
    assert_eq!(
        old_due("referrals", "Answer to urgent referral: Clinic"),
        DueWhat::ReferralAnswer { to: "Clinic".into() }
    );
    assert_eq!(
        old_due("checklist", "Checklist: Respite care"),
        DueWhat::Checklist { activity: Some("respite_care".into()), title: "Respite care".into() }
    );
    assert_eq!(
        old_due("checklist", "Checklist: Visit grandmother"),
        DueWhat::Checklist { activity: None, title: "Visit grandmother".into() }
    );
    assert_eq!(
        old_due("checklist", "Checklist: (activity without a title)"),
        DueWhat::Checklist { activity: None, title: String::new() }
    );
    assert_eq!(old_due("monitoring", "Monitoring visit"), DueWhat::MonitoringVisit);
    assert_eq!(old_due("case", "Plan review"), DueWhat::PlanReview);
    assert_eq!(old_due("case", "Something newer"), DueWhat::Unknown { text: "Something newer".into() });
    // Before places were stored, every item read as the case's.
    let item: DueItem = serde_json::from_value(json!({"what": "Plan review", "date": "2027-01-10"})).unwrap();
    assert_eq!(item.what, DueWhat::PlanReview);
}

#[test]
fn due_items_made_now_match_what_their_old_words_read_as() {
    use crate::domain::checklist::ChecklistItem;
    use crate::domain::items::{Action, ProtectionNeed, Referral, Service};
    let day: NaiveDate = "2026-11-20".parse().unwrap();
    let mut case = Case::new(Uuid::from_u128(1), "HW-1".into(), chrono::Utc::now());
    case.plan.needs.push(ProtectionNeed { need: " ".into(), by_when: Some(day), ..Default::default() });
    case.plan.services.push(Service { kind: ServiceType::Health, by_when: Some(day), ..Default::default() });
    case.plan.actions.push(Action { what: "Visit school".into(), by_when: Some(day), ..Default::default() });
    case.plan.referrals.push(Referral { to: "Clinic".into(), date: Some(day), ..Default::default() });
    let mut item = ChecklistItem::from_activity(&ACTIVITIES[0]);
    item.due = Some(day);
    case.checklist.add(item);
    case.plan.next_review = Some(day);
    let made: Vec<Value> = case.due_items().iter().map(|i| serde_json::to_value(i).unwrap()).collect();
    for (made, (place, words)) in made.iter().zip([
        ("needs", "Need: (not described yet)".to_string()),
        ("services", format!("Service: {}", ServiceType::Health.label())),
        ("actions", "Action: Visit school".into()),
        ("referrals", "Referral: Clinic".into()),
        ("checklist", format!("Checklist: {}", ACTIVITIES[0].title)),
        ("case", "Plan review".into()),
    ]) {
        let now: DueItem = serde_json::from_value(made.clone()).unwrap();
        let DueWhat::Service { service_type, description } = &now.what else {
            assert_eq!(now.what, old_due(place, &words), "{made}");
            continue;
        };
        assert_eq!((service_type, description.as_str()), (&Some(ServiceType::Health), ""));
    }
    assert_eq!(made[0]["what"], json!({"kind": "need", "text": ""}));
}
