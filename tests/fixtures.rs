//! The schema fixtures that no build's pages can write any more. Since real cases live only in
//! workers' protected workspaces, no build stores an unprotected database of today's form by
//! itself; one at schema 7 or 8 is what a move into a workspace leaves when it is cut short.
//! Schema 7's fixture is schema-v6's database with every case's report record, as a save
//! writes it; schema 8's is schema 7's with the store of edits kept at a lock, empty (a lock
//! happens only in a protected workspace); schema 9's is schema 8's with a household, an
//! assessment, a safety plan (its milestone linked), a consent and an
//! approval in its first case.
//! `cargo test --test fixtures -- --ignored` writes them again; the tests below keep them true
//! to the domain.

#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use homeward::domain::Case;
use serde_json::{json, Value};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn read(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap()
}

/// schema-v6 as the version-7 data step leaves it.
fn schema_v7() -> Value {
    let mut database = read("schema-v6.json");
    let reports: Vec<Value> = database["stores"]["cases"]["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|record| {
            let case: Case = serde_json::from_value(record.clone()).unwrap();
            serde_json::to_value(case.report_record_in(&chrono::Utc)).unwrap()
        })
        .collect();
    database["stores"]["reports"] = json!({ "keyPath": "id", "records": reports });
    at_version(database, 7)
}

/// schema-v7 with the store of edits kept at a lock.
fn schema_v8() -> Value {
    let mut database = schema_v7();
    database["stores"]["kept_edits"] = json!({ "keyPath": "id", "records": [] });
    at_version(database, 8)
}

/// schema-v8 with the case record of issue 21 in the first case: a household (Rosa, the
/// grandmother, who will care for the child, and her neighbour), an assessment with a need made
/// from it, a safety plan that backs its milestone, a consent, and the plan approved. Schema 9 changes no store; it keeps older
/// tabs from dropping these.
fn schema_v9() -> Value {
    let mut database = schema_v8();
    let case = &mut database["stores"]["cases"]["records"][0];
    case["plan"]["household"] = json!([
        { "id": "9c0e5a52-5d1b-4c39-9a43-2f4f0a1c0001", "name": "Rosa Gómez", "relationship": "grandparent",
          "sex": "female", "birth_date": "1958-04-02", "estimated_age": null, "lives_with_child": false,
          "caregiver": "planned", "contact": "+51 84 000 111", "notes": "Lucía's maternal grandmother." },
        { "id": "9c0e5a52-5d1b-4c39-9a43-2f4f0a1c0002", "name": "", "relationship": "neighbour_or_friend",
          "sex": null, "birth_date": null, "estimated_age": 45, "lives_with_child": false,
          "caregiver": "no", "contact": "", "notes": "Looks after Lucía after school." }
    ]);
    case["plan"]["assessments"] = json!([
        { "id": "9c0e5a52-5d1b-4c39-9a43-2f4f0a1c0003", "date": "2026-10-20", "by": "Ana Ruiz",
          "safety": { "rating": "managing", "notes": "" }, "health": { "rating": "strength", "notes": "" },
          "education": { "rating": "need", "notes": "Missed a term of school." },
          "family": { "rating": "managing", "notes": "" }, "emotional": { "rating": null, "notes": "" },
          "living": { "rating": null, "notes": "" }, "identity": { "rating": "urgent_need", "notes": "No birth certificate." },
          "disability": { "rating": null, "notes": "" } }
    ]);
    case["plan"]["needs"][0]["from"] =
        json!({ "assessment": "9c0e5a52-5d1b-4c39-9a43-2f4f0a1c0003", "domain": "education" });
    case["plan"]["safety_plan"] = json!({
        "risks": "Her stepfather coming back to the house.",
        "caregivers_agreed": "Rosa does not let him in and calls the police.",
        "contacts": [{ "id": "9c0e5a52-5d1b-4c39-9a43-2f4f0a1c0004", "name": "Her teacher", "how_to_reach": "At school" }],
        "checked_by": "Ana Ruiz, at each visit", "agreed_on": "2026-10-25", "review_on": "2027-01-25"
    });
    case["plan"]["consents"] = json!([
        { "id": "9c0e5a52-5d1b-4c39-9a43-2f4f0a1c0005", "who": "caregiver", "name": "Rosa Gómez", "scope": "assessment",
          "with": "", "decision": "given", "date": "2026-10-19", "how": "written", "notes": "" }
    ]);
    let milestones = case["checklist"]["milestones"].as_array_mut().expect("the fixture's case has milestones");
    let safety = milestones.iter_mut().find(|m| m["milestone"] == "safety_plan").expect("a safety plan milestone");
    safety["linked"] = json!("safety_plan");
    // Approved by a supervisor, with the plan's fingerprint as the app works it out.
    let plan: Case = serde_json::from_value(case.clone()).expect("the fixture's case reads as today's");
    case["plan"]["sign_offs"] = json!([
        { "id": "9c0e5a52-5d1b-4c39-9a43-2f4f0a1c0006", "of": "plan", "asked_on": "2026-10-26", "asked_by": "Ana Ruiz",
          "reviewer": "Rosa Villanueva", "reviewer_role": "Supervisor", "decided_on": "2026-10-27", "decision": "approved",
          "comment": "", "fingerprint": homeward::domain::sign_off::fingerprint(&plan.plan) }
    ]);
    let read: Case = serde_json::from_value(case.clone()).expect("the fixture's case reads as today's");
    assert_eq!(read.plan.assessments.iter().count(), 1);
    assert_eq!(read.plan.safety_plan.contacts.iter().count(), 1);
    assert_eq!(read.plan.consents.iter().count(), 1);
    let approved = read.plan.sign_offs.state(homeward::domain::sign_off::SignOffOf::Plan, &read.plan);
    assert!(matches!(approved, homeward::domain::sign_off::SignOffState::Approved(_)));
    assert!(read.checklist.milestone(homeward::domain::checklist::Milestone::SafetyPlan).linked.is_some());
    at_version(database, 9)
}

fn at_version(mut database: Value, version: u32) -> Value {
    database["version"] = json!(version);
    for record in database["stores"]["meta"]["records"].as_array_mut().unwrap() {
        if record["key"] == "schema_version" {
            record["value"] = json!(version);
        }
    }
    database
}

#[test]
fn the_schema_v7_fixture_is_schema_v6_with_each_case_s_report_record() {
    assert_eq!(read("schema-v7.json"), schema_v7(), "write it again: cargo test --test fixtures -- --ignored");
}

#[test]
fn the_schema_v8_fixture_is_schema_v7_with_a_store_for_kept_edits() {
    assert_eq!(read("schema-v8.json"), schema_v8(), "write it again: cargo test --test fixtures -- --ignored");
}

#[test]
fn the_schema_v9_fixture_is_schema_v8_with_the_case_record() {
    assert_eq!(read("schema-v9.json"), schema_v9(), "write it again: cargo test --test fixtures -- --ignored");
}

#[test]
#[ignore = "writes tests/fixtures/schema-v7.json, schema-v8.json and schema-v9.json"]
fn write_the_schema_v7_to_v9_fixtures() {
    for (name, database) in
        [("schema-v7.json", schema_v7()), ("schema-v8.json", schema_v8()), ("schema-v9.json", schema_v9())]
    {
        let text = serde_json::to_string_pretty(&database).unwrap();
        std::fs::write(fixture(name), format!("{text}\n")).unwrap();
    }
}
