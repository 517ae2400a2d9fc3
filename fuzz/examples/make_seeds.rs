//! Writes the fuzz target's seeds into fuzz/seeds/import_reader/: export documents as Homeward
//! writes them (format 2: one case, the same saved again, a closed one, one handed over, two new
//! ones, one twice, none; a format-1 file with its history in English sentences), and encrypted
//! with age, binary and armored, at the fuzz target's work factor. Run it again when the export
//! format changes: `cargo run --manifest-path fuzz/Cargo.toml --example make_seeds`.

use std::io::Write;
use std::iter;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use homeward::crypto;
use homeward::domain::demo::demo_cases;
use homeward::domain::exchange::merge::exported;
use homeward::domain::exchange::{write, ExportDocument};
use homeward::domain::{Case, Language};
use homeward_fuzz::{MAX_WORK_FACTOR, PASSPHRASE};
use serde_json::json;
use uuid::Uuid;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/import_reader");
    std::fs::create_dir_all(&dir).unwrap();
    let now: DateTime<Utc> = "2026-11-23T10:00:00Z".parse().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let demo = demo_cases(today, Language::En);
    let document = |cases: Vec<Case>| write(&ExportDocument::new(cases, "0.1.0", now));

    // The smallest demo case, a closed one and one handed over, each cut down to a few
    // history entries (every event kept) and checklist items: small seeds mutate faster.
    let smallest = demo.iter().min_by_key(|c| serde_json::to_vec(c).unwrap().len()).map(cut_down).unwrap();
    let closed = demo.iter().find(|c| c.closure.is_some()).map(cut_down).expect("a closed case");
    let handed_over = demo.iter().find(|c| !c.handovers.is_empty()).map(cut_down).expect("a case handed over");
    let one = document(vec![smallest.clone()]);

    let mut legacy = serde_json::to_value(&smallest).unwrap();
    // As format version 1 wrote the history: events, places and values in English words.
    legacy["history"] = json!([
        {"at": "2026-11-01T09:00:00Z", "by": "Unnamed user", "area": "case", "event": "Case created", "changes": []},
        {"at": "2026-11-02T09:00:00Z", "by": "Ana Ruiz", "area": "checklist", "event": "", "changes": [
            {"path": "checklist.items", "what": "Checklist", "kind": "added", "old": "", "new": "12 activities"},
            {"path": "checklist.items[i]", "what": "Checklist", "kind": "added", "old": "", "new": "Respite care"},
            {"path": "checklist.items[i].status", "what": "Checklist: Status — Respite care", "kind": "changed",
             "old": "not started", "new": "done"}]},
        {"at": "2026-11-02T10:00:00Z", "by": "Ana Ruiz", "area": "needs", "event": "", "changes": [
            {"path": "plan.needs[1f2e].by_when", "what": "Protection needs: By when — School bullying",
             "kind": "changed", "old": "(empty)", "new": "1 Dec 2026"},
            {"path": "plan.needs[1f2e].status", "what": "Protection needs: Status — an item", "kind": "changed",
             "old": "not started", "new": "in progress"},
            {"path": "plan.needs[x]", "what": "Protection needs", "kind": "removed", "old": "an item", "new": ""},
            {"path": "plan.placement.kind", "what": "Placement: Kind", "kind": "changed", "old": "(empty)",
             "new": "small group home"},
            {"path": "plan.referrals[a].urgent", "what": "Referrals: Urgent — Clinic", "kind": "changed",
             "old": "no", "new": "yes"},
            {"path": "plan.monitoring.frequency", "what": "Monitoring: Frequency", "kind": "changed",
             "old": "every two weeks", "new": "every 10 days"},
            {"path": "plan.monitoring.visits[v]", "what": "Monitoring: Visits", "kind": "added", "old": "",
             "new": "3 Nov 2026"},
            {"path": "plan.child.notes", "what": "Child: Notes", "kind": "changed", "old": "(changed)",
             "new": "keep in progress words"}]},
        {"at": "2026-11-03T09:00:00Z", "by": "Ana Ruiz", "area": "worker",
         "event": "Handed over from Ana Ruiz to Marc Dubois (not done: the plan was reviewed with the new case worker)",
         "changes": [
            {"path": "handover.note", "what": "Handover note", "kind": "added", "old": "", "new": "Calls after 6"}]},
        {"at": "2026-11-04T09:00:00Z", "by": "Utilisateur sans nom", "area": "case",
         "event": "Case closed: Foster care. Placed with the Diallo family", "changes": []},
        {"at": "2026-11-05T09:00:00Z", "by": "Marc Dubois", "area": "case", "event": "Case reopened", "changes": []},
    ]);
    let legacy = serde_json::to_vec(&json!({
        "format": "homeward-export", "format_version": 1, "app_version": "0.1.0",
        "exported_at": "2026-11-23T10:00:00Z", "cases": [legacy],
    }))
    .unwrap();

    // Two cases as the new-case form starts them, and the same case twice.
    let started = |id: u128, number: &str| Case::start(Uuid::from_u128(id), number, "Lucía", "Ana Ruiz", now);
    let two = document(vec![started(1, "A-1"), started(2, "A-2")]);
    let twice = document(vec![started(1, "A-1"), started(1, "A-1")]);

    // The one case saved again since it was exchanged: newer than the fuzz target's device, which
    // holds `v2-one-case.json`'s case.
    let mut newer = exported(smallest.clone());
    newer.plan.child.languages.push_str(", Quechua");
    newer.touch(now);

    let seeds: Vec<(&str, Vec<u8>)> = vec![
        ("v2-one-case.json", one.clone()),
        ("v2-one-case-newer.json", document(vec![newer])),
        ("v2-two-new-cases.json", two),
        ("v2-same-case-twice.json", twice),
        ("v2-closed.json", document(vec![closed])),
        ("v2-handed-over.json", document(vec![handed_over])),
        ("v2-no-cases.json", document(Vec::new())),
        ("v1-english-history.json", legacy),
        ("age-one-case.age", crypto::encrypt(&one, PASSPHRASE, MAX_WORK_FACTOR).unwrap()),
        ("age-armored-no-cases.age", armored(&document(Vec::new()))),
        ("age-other-passphrase.age", crypto::encrypt(b"{}", "another passphrase", 2).unwrap()),
    ];
    for (name, bytes) in seeds {
        println!("{name}: {} bytes", bytes.len());
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

fn cut_down(case: &Case) -> Case {
    let mut case = case.clone();
    let mut edits = 0;
    case.history.0.retain(|entry| {
        edits += usize::from(entry.event.is_none());
        entry.event.is_some() || edits <= 3
    });
    case.checklist.items.truncate(3);
    case
}

/// As `age -a` writes a file.
fn armored(plaintext: &[u8]) -> Vec<u8> {
    use age::secrecy::SecretString;
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(PASSPHRASE.to_owned()));
    recipient.set_work_factor(MAX_WORK_FACTOR);
    let encryptor = age::Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient)).unwrap();
    let mut file = Vec::new();
    let output = age::armor::ArmoredWriter::wrap_output(&mut file, age::armor::Format::AsciiArmor).unwrap();
    let mut writer = encryptor.wrap_output(output).unwrap();
    writer.write_all(plaintext).unwrap();
    writer.finish().unwrap().finish().unwrap();
    file
}
