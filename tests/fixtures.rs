//! The schema fixtures that no build's pages can write any more. Since real cases live only in
//! workers' protected workspaces, no build stores an unprotected database of today's form by
//! itself; one at schema 7 or 8 is what a move into a workspace leaves when it is cut short.
//! Schema 7's fixture is schema-v6's database with every case's report record, as a save
//! writes it; schema 8's is schema 7's with the store of edits kept at a lock, empty (a lock
//! happens only in a protected workspace). `cargo test --test fixtures -- --ignored` writes
//! them again; the tests below keep them true to the domain.

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
#[ignore = "writes tests/fixtures/schema-v7.json and schema-v8.json"]
fn write_the_schema_v7_and_v8_fixtures() {
    for (name, database) in [("schema-v7.json", schema_v7()), ("schema-v8.json", schema_v8())] {
        let text = serde_json::to_string_pretty(&database).unwrap();
        std::fs::write(fixture(name), format!("{text}\n")).unwrap();
    }
}
