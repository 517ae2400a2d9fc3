//! The schema fixtures that no build's pages can write any more. Since real cases live only in
//! workers' protected workspaces, no build stores an unprotected database of today's form by
//! itself; one at schema 7 is what a move into a workspace leaves when it is cut short. Its
//! fixture is schema-v6's database after the version-7 data step: every case's report record
//! derived and stored. `cargo test --test fixtures -- --ignored` writes it again; the test
//! below keeps it true to the domain.

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
            serde_json::to_value(case.report_record()).unwrap()
        })
        .collect();
    database["version"] = json!(7);
    database["stores"]["reports"] = json!({ "keyPath": "id", "records": reports });
    for record in database["stores"]["meta"]["records"].as_array_mut().unwrap() {
        if record["key"] == "schema_version" {
            record["value"] = json!(7);
        }
    }
    database
}

#[test]
fn the_schema_v7_fixture_is_schema_v6_with_each_case_s_report_record() {
    assert_eq!(read("schema-v7.json"), schema_v7(), "write it again: cargo test --test fixtures -- --ignored");
}

#[test]
#[ignore = "writes tests/fixtures/schema-v7.json"]
fn write_the_schema_v7_fixture() {
    let text = serde_json::to_string_pretty(&schema_v7()).unwrap();
    std::fs::write(fixture("schema-v7.json"), format!("{text}\n")).unwrap();
}
