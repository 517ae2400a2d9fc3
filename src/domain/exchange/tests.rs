use super::merge::{exported, Comparison, ImportPlan, Resolution, Undecided};
use super::*;
use crate::domain::checklist::ChecklistItem;
use crate::domain::{Action, PlacementType};
use chrono::NaiveDate;
use uuid::Uuid;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

fn full_case(number: &str) -> Case {
    let mut case = Case::start(Uuid::new_v4(), number, "Lucía <script>alert(1)</script>", "Ana Ruiz 👩🏽‍⚕️", now());
    case.set_pathway(Some(PlacementType::Kinship));
    case.plan.actions.push(Action {
        what: "مرحبا — right to left".into(),
        by_when: Some(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()),
        ..Default::default()
    });
    case.checklist.add(ChecklistItem::custom(
        "Own <img src=x onerror=alert(1)>",
        crate::domain::checklist::Theme::Legal,
        None,
    ));
    case.checklist.items[0].notes = "x".repeat(10_000);
    case.plan.household.push(crate::domain::Person {
        name: "Rosa Gómez".into(),
        relationship: Some(crate::domain::Relationship::Grandparent),
        caregiver: crate::domain::Caregiving::Planned,
        lives_with_child: true,
        ..Default::default()
    });
    // The history travels with the case.
    let before = case.clone();
    case.plan.worker.role = "Psychologist".into();
    case.history.record(crate::domain::history::diff(&before, &case), "Ana Ruiz", now());
    assert_eq!(case.history.0.len(), 1);
    case
}

fn edited(case: &Case) -> Case {
    let mut c = case.clone();
    c.plan.child.languages.push_str(" +");
    c.touch(now());
    c
}

#[test]
fn a_document_of_records_as_stored_is_the_same_file() {
    // An export puts the stored records' JSON, each with its version recorded as exchanged,
    // between the rest of the document; the file must be byte for byte the one written from the
    // cases, and the cases are the document's last field whatever the app version says.
    let cases = vec![exported(full_case("A-1")), exported(full_case("A-2"))];
    for app_version in ["0.1.0", "[] \"cases\":[]"] {
        let (before, after) = write_around(app_version, now());
        let from_records = format!("{before}{}{after}", serde_json::to_string(&cases).unwrap()).into_bytes();
        assert_eq!(from_records, write(&ExportDocument::new(cases.clone(), app_version, now())));
        assert_eq!(read(&from_records).unwrap().cases, cases);
    }
    let (before, after) = write_around("0.1.0", now());
    assert_eq!(read(format!("{before}[]{after}").as_bytes()).unwrap().cases, Vec::<Case>::new());
}

#[test]
fn a_document_round_trips_every_field() {
    let doc = ExportDocument::new(vec![full_case("A-1"), full_case("A-2")], "0.1.0", now());
    let bytes = write(&doc);
    assert_eq!(read(&bytes).unwrap(), doc);
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.starts_with(r#"{"format":"homeward-export","format_version":3,"#),
        "the header comes first: {}",
        &text[..80]
    );
}

/// What an import writes, as the page counts it for its outcome line.
fn written(plan: &ImportPlan) -> [usize; 5] {
    [
        plan.count(Comparison::New),
        plan.count(Comparison::Newer),
        plan.count_replaced(),
        plan.count_restored(),
        plan.count_copied(),
    ]
}

#[test]
fn a_format_2_file_reads_with_no_household() {
    let mut case = serde_json::to_value(full_case("A-1")).unwrap();
    case["plan"].as_object_mut().unwrap().remove("household");
    let text = serde_json::json!({ "format": "homeward-export", "format_version": 2, "app_version": "0.9.0",
        "exported_at": "2026-11-01T00:00:00Z", "cases": [case] });
    let document = read(text.to_string().as_bytes()).unwrap();
    assert!(document.cases[0].plan.household.is_empty());
    assert_eq!(document.cases[0].plan.actions.len(), 1, "the rest as it was");
}

#[test]
fn foreign_newer_damaged_and_oversized_documents_are_refused() {
    assert_eq!(read(b"hello"), Err(ReadError::NotAnExport));
    assert_eq!(read(br#"{"name":"a shopping list"}"#), Err(ReadError::NotAnExport));
    assert_eq!(read(br#"{"format":"homeward-export"}"#), Err(ReadError::NotAnExport));
    assert_eq!(
        read(br#"{"format":"homeward-export","format_version":4,"cases":"anything"}"#),
        Err(ReadError::TooNew { found: 4, supported: 3 })
    );
    assert!(matches!(
        read(br#"{"format":"homeward-export","format_version":1,"cases":[{"id":"x"}]}"#),
        Err(ReadError::Damaged(_))
    ));
    let case = full_case("A-1");
    let doc = ExportDocument::new(vec![case.clone(), case], "0.1.0", now());
    assert_eq!(read(&write(&doc)), Err(ReadError::Damaged(Damage::CaseTwice { case_number: "A-1".into() })));
    assert_eq!(check_size(MAX_FILE_BYTES + 1), Err(ReadError::TooLarge { size_mb: 201, limit_mb: 200 }));
    assert!(ReadError::TooLarge { size_mb: 201, limit_mb: 200 }.to_string().contains("200 MB"));
}

/// The browser stores a case as JSON parsed into JavaScript numbers, exact only up to 2^53 − 1.
/// A revision above that was imported, then stored rounded: 2^64 − 1 came back as 2^64, which
/// no longer reads as a `u64`, and the case list said a stored case could not be read
/// (tests/fixtures/hostile/revision-u64-max.age). Such a file is refused, naming the case.
#[test]
fn a_revision_the_browser_cannot_store_exactly_is_refused() {
    let mut case = full_case("A-1");
    case.revision = MAX_REVISION;
    let doc = ExportDocument::new(vec![case.clone()], "0.1.0", now());
    assert_eq!(read(&write(&doc)).unwrap(), doc, "the largest exact revision is read");
    for revision in [MAX_REVISION + 1, u64::MAX] {
        case.revision = revision;
        let doc = ExportDocument::new(vec![full_case("A-0"), case.clone()], "0.1.0", now());
        assert_eq!(
            read(&write(&doc)).err(),
            Some(ReadError::Damaged(Damage::RevisionTooLarge { case_number: "A-1".into() })),
        );
    }
    assert_eq!(MAX_REVISION, (1 << 53) - 1, "JavaScript's Number.MAX_SAFE_INTEGER");
}

/// The reader's own English ("missing field `id` at line 1 column 80") reached the worker in
/// every language. What is wrong is data now, worded by the page; where the JSON stops being
/// what Homeward writes is kept, as line and column.
#[test]
fn damage_is_told_as_data_with_its_place() {
    let doc = ExportDocument::new(vec![full_case("A-1")], "0.1.0", now());
    let text = String::from_utf8(write(&doc)).unwrap();
    let missing = text.replacen(r#""case_number":"A-1","#, "", 1);
    assert!(
        matches!(read(missing.as_bytes()), Err(ReadError::Damaged(Damage::UnexpectedValue { line: 1, column })) if column > 0)
    );
    let broken = text.replacen(r#""A-1""#, r#""A-\ud800""#, 1);
    assert!(matches!(read(broken.as_bytes()), Err(ReadError::Damaged(Damage::Malformed { line: 1, .. }))));
    // A format-1 case is read after it is parsed, so no place is known.
    assert!(matches!(
        read(br#"{"format":"homeward-export","format_version":1,"app_version":"0","exported_at":"2026-01-01T00:00:00Z","cases":[{"id":"x"}]}"#),
        Err(ReadError::Damaged(Damage::UnexpectedValue { line: 0, .. }))
    ));
}

/// A document cut short was called "not a Homeward export": the header could not be read, as
/// it cannot in any document that stops. One that begins as Homeward writes is one cut short.
#[test]
fn a_document_cut_short_is_called_cut_short() {
    let doc = ExportDocument::new(vec![full_case("A-1")], "0.1.0", now());
    let bytes = write(&doc);
    for end in [40, 200, bytes.len() / 2, bytes.len() - 1] {
        assert_eq!(read(&bytes[..end]), Err(ReadError::Damaged(Damage::CutShort)), "cut at {end}");
    }
    assert_eq!(read(br#"{"format":"homeward-ex"#), Err(ReadError::NotAnExport), "too short to say");
    assert_eq!(read(br#"{"name":"a shopping"#), Err(ReadError::NotAnExport));
}

/// A training export saved again by an editor that writes a byte-order mark first was refused
/// as "not in the age format".
#[test]
fn a_byte_order_mark_before_the_document_is_passed_over() {
    let doc = ExportDocument::new(vec![full_case("A-1")], "0.1.0", now());
    let bytes = [b"\xEF\xBB\xBF".as_slice(), &write(&doc)].concat();
    assert_eq!(read(&bytes).unwrap(), doc);
}

/// Every truncation and thousands of byte changes of a real document: the reader never panics,
/// and whatever it accepts is a whole, valid document.
#[test]
fn the_reader_survives_any_damage() {
    let doc = ExportDocument::new(vec![full_case("A-1")], "0.1.0", now());
    let mut small = doc.clone();
    small.cases[0].checklist.items[0].notes.clear();
    let bytes = write(&small);
    for end in 0..bytes.len() {
        assert!(read(&bytes[..end]).is_err(), "a document cut at {end} bytes is refused");
    }
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..5_000 {
        let mut damaged = bytes.clone();
        for _ in 0..=(next() % 4) {
            let at = (next() as usize) % damaged.len();
            damaged[at] = (next() % 256) as u8;
        }
        if let Ok(read_back) = read(&damaged) {
            assert_eq!(read_back.format, FORMAT_NAME);
            assert!(read_back.format_version <= FORMAT_VERSION);
        }
    }
}

#[test]
fn file_names_say_what_and_when() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    assert_eq!(file_name(&["K7Q2M-2026-0001"], day, true), "homeward-K7Q2M-2026-0001-2026-11-23.age");
    assert_eq!(file_name(&["a", "b", "c"], day, true), "homeward-3-cases-2026-11-23.age");
    assert_eq!(file_name(&["CP/12 ñ"], day, false), "homeward-CP_12__-2026-11-23.json");
    assert_eq!(file_name(&[""], day, true), "homeward-1-case-2026-11-23.age");
}

#[test]
fn an_untouched_case_sent_back_and_forth_is_newer_or_identical() {
    let mine = full_case("A-1");
    let sent = exported(mine.clone());
    // The colleague imports it, edits it, and sends it back.
    let theirs = exported(edited(&sent));
    assert_eq!(Comparison::of(None, &theirs), Comparison::New);
    assert_eq!(Comparison::of(Some(&mine), &sent), Comparison::Identical);
    assert_eq!(Comparison::of(Some(&mine), &theirs), Comparison::Newer);
    // Their device, shown my old file again: older than what they have.
    assert_eq!(Comparison::of(Some(&theirs), &sent), Comparison::Older);
}

#[test]
fn changes_on_both_sides_are_a_conflict() {
    let mine = exported(full_case("A-1"));
    let theirs = exported(edited(&mine));
    let mine_later = edited(&mine);
    assert_eq!(Comparison::of(Some(&mine_later), &theirs), Comparison::Conflict);
    // The same revision number on both sides is still told apart.
    assert_eq!(mine_later.revision, theirs.revision);
}

#[test]
fn a_plan_writes_only_what_the_worker_chose() {
    let base = exported(full_case("A-1"));
    let (newer_local, newer_in) = (base.clone(), exported(edited(&base)));
    let conflict_base = exported(full_case("B-1"));
    let (conflict_local, conflict_in) = (edited(&conflict_base), exported(edited(&conflict_base)));
    let fresh = exported(full_case("C-1"));
    let same = exported(full_case("D-1"));
    let locals = [newer_local.clone(), conflict_local.clone(), same.clone()];
    let mut plan = ImportPlan::new(vec![newer_in.clone(), conflict_in.clone(), fresh.clone(), same.clone()], |id| {
        locals.iter().find(|c| c.id == id).cloned()
    });
    assert_eq!(
        [Comparison::Newer, Comparison::Conflict, Comparison::New, Comparison::Identical].map(|c| plan.count(c)),
        [1, 1, 1, 1]
    );
    assert_eq!(plan.writes(now()), Err(Undecided(1)), "nothing is written while a conflict is undecided");

    plan.resolve(conflict_in.id, Resolution::KeepMine);
    assert_eq!(written(&plan), [1, 1, 0, 0, 0], "new, updated, replaced, restored, copied");
    let writes = plan.writes(now()).unwrap();
    let ids: Vec<Uuid> = writes.iter().map(|w| w.case.id).collect();
    assert_eq!(ids, [newer_in.id, fresh.id]);
    let taken = &writes[0];
    assert_eq!(taken.expect_revision, Some(newer_local.revision));
    assert!(taken.case.revision > newer_local.revision.max(newer_in.revision));
    assert_eq!((taken.case.version, &taken.case.plan), (newer_in.version, &newer_in.plan));
    assert_eq!(writes[1].expect_revision, None);

    plan.resolve(conflict_in.id, Resolution::TakeTheirs);
    let taken = plan.writes(now()).unwrap().into_iter().find(|w| w.case.id == conflict_in.id).unwrap();
    assert_eq!(taken.case.plan, conflict_in.plan);
    assert_eq!(taken.expect_revision, Some(conflict_local.revision));
    // Importing the same file again finds it identical.
    assert_eq!(Comparison::of(Some(&taken.case), &conflict_in), Comparison::Identical);
    // The discarded version is not recorded as an ancestor: a device still holding it is asked.
    assert!(!taken.case.exchanged.contains(&conflict_local.version));
    assert_eq!(Comparison::of(Some(&conflict_local), &exported(taken.case.clone())), Comparison::Conflict);

    plan.resolve_all(Resolution::KeepBoth);
    assert_eq!(written(&plan), [1, 1, 0, 0, 1], "new, updated, replaced, restored, copied");
    let copy = plan.writes(now()).unwrap().into_iter().find(|w| w.case.case_number == "B-1-copy").unwrap();
    assert_ne!(copy.case.id, conflict_in.id);
    assert_eq!((copy.expect_revision, copy.case.plan.clone()), (None, conflict_in.plan.clone()));
}

#[test]
fn cases_from_before_versions_existed_are_never_taken_silently() {
    let mut old = full_case("A-1");
    old.version = Uuid::nil();
    let mut incoming = old.clone();
    incoming.plan.child.languages = "changed".into();
    assert_eq!(Comparison::of(Some(&old), &incoming), Comparison::Conflict);
    let case: Case = serde_json::from_str(r#"{"id":"6f1c2f4e-0000-4000-8000-000000000003","case_number":"A-1","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z","revision":3}"#).unwrap();
    assert!(case.version.is_nil() && case.exchanged.is_empty());
}

#[test]
fn a_save_keeps_exchanges_recorded_meanwhile() {
    let case = full_case("A-1");
    let recorded = [Uuid::new_v4()];
    assert_eq!(merge::with_recorded_exchanges(&case, &[]), None);
    let merged = merge::with_recorded_exchanges(&case, &recorded).unwrap();
    assert_eq!(merged.exchanged, recorded);
    assert_eq!(merge::with_recorded_exchanges(&merged, &recorded), None);
}

#[test]
fn exchanged_history_stays_bounded() {
    let mut case = full_case("A-1");
    for _ in 0..(merge::MAX_EXCHANGED + 10) {
        case = exported(edited(&case));
    }
    assert_eq!(case.exchanged.len(), merge::MAX_EXCHANGED);
    assert_eq!(case.exchanged.last(), Some(&case.version));
}

#[test]
fn hostile_text_survives_as_text() {
    let case = full_case("A-1");
    let back = read(&write(&ExportDocument::new(vec![case.clone()], "0.1.0", now()))).unwrap();
    assert_eq!(back.cases[0].plan.child.name, "Lucía <script>alert(1)</script>");
    assert_eq!(back.cases[0].checklist.items.last().unwrap().title, "Own <img src=x onerror=alert(1)>");
}

#[test]
fn a_worker_failure_reaches_the_page_as_it_was() {
    use crate::crypto::CryptoError;
    for failure in [
        WorkerError::Crypto(CryptoError::WrongPassphrase),
        WorkerError::Crypto(CryptoError::TooMuchWork { required: 22, limit: 20 }),
        WorkerError::Read(ReadError::TooNew { found: 3, supported: 1 }),
        WorkerError::Read(ReadError::Damaged(Damage::UnexpectedValue { line: 1, column: 80 })),
        WorkerError::NeedsPassphrase,
        WorkerError::Prepare("bad".into()),
        WorkerError::UnknownRequest,
    ] {
        let sent = serde_json::to_string(&failure).unwrap();
        assert_eq!(serde_json::from_str::<WorkerError>(&sent).unwrap(), failure);
    }
    // The English text stays what it was before the failure was structured.
    assert_eq!(WorkerError::Crypto(CryptoError::WrongPassphrase).to_string(), CryptoError::WrongPassphrase.to_string());
}

#[test]
fn a_version_1_file_reads_its_sentences_as_data() {
    use crate::domain::closure::ClosureOutcome;
    use crate::domain::handover::HandoverPoint;
    use crate::domain::history::Event;
    use serde_json::json;
    let mut case = serde_json::to_value(full_case("V1-1")).unwrap();
    // As format version 1 wrote the history: events, places and values in English words.
    case["history"] = json!([
        {"at": "2026-11-01T09:00:00Z", "by": "Unnamed user", "area": "case", "event": "Case created", "changes": []},
        {"at": "2026-11-02T09:00:00Z", "by": "Ana Ruiz", "area": "checklist", "event": "", "changes": [
            {"path": "checklist.items", "what": "Checklist", "kind": "added", "old": "", "new": "12 activities"}]},
        {"at": "2026-11-03T09:00:00Z", "by": "Ana Ruiz", "area": "worker",
         "event": "Handed over from Ana Ruiz to Marc Dubois (not done: the plan was reviewed with the new case worker)",
         "changes": [{"path": "handover.note", "what": "Handover note", "kind": "added", "old": "", "new": "Calls after 6"}]},
        {"at": "2026-11-04T09:00:00Z", "by": "Utilisateur sans nom", "area": "case",
         "event": "Case closed: Foster care. Placed with the Diallo family", "changes": []},
        {"at": "2026-11-05T09:00:00Z", "by": "Marc Dubois", "area": "case", "event": "Case reopened", "changes": []},
    ]);
    let document = json!({
        "format": "homeward-export", "format_version": 1, "app_version": "0.1.0",
        "exported_at": "2026-11-23T10:00:00Z", "cases": [case],
    });
    let read_back = read(&serde_json::to_vec(&document).unwrap()).unwrap();
    let history = &read_back.cases[0].history.0;
    let events: Vec<Option<Event>> = history.iter().map(|e| e.event.clone()).collect();
    assert_eq!(
        events,
        [
            Some(Event::Created),
            None,
            Some(Event::HandedOver {
                from: "Ana Ruiz".into(),
                to: "Marc Dubois".into(),
                not_done: vec![HandoverPoint::PlanReviewed]
            }),
            Some(Event::Closed { outcome: ClosureOutcome::Foster, reason: "Placed with the Diallo family".into() }),
            Some(Event::Reopened),
        ]
    );
    assert_eq!((history[0].by.as_str(), history[3].by.as_str()), ("", ""));
    assert_eq!(history[1].changes[0].new, json!(12));
    assert_eq!(history[2].changes[0].new, json!("Calls after 6"));
    // Written again, it is format 2 with the data, and reads back the same.
    let again = write(&read_back);
    let text = String::from_utf8(again.clone()).unwrap();
    assert!(
        text.contains(
            r#""event":{"kind":"handed_over","from":"Ana Ruiz","to":"Marc Dubois","not_done":["plan_reviewed"]}"#
        ),
        "{text}"
    );
    assert_eq!(read(&again).unwrap().cases, read_back.cases);
}

#[test]
fn a_case_deleted_here_comes_back_only_when_the_worker_says_so() {
    use crate::domain::deletion::Tombstone;
    let deleted = exported(full_case("E-1"));
    let fresh = exported(full_case("F-1"));
    let stone = Tombstone::new(deleted.id, now(), "Ana Ruiz");
    let same = exported(full_case("G-1"));
    let plan = || {
        ImportPlan::new(vec![same.clone(), deleted.clone(), fresh.clone()], |id| (id == same.id).then(|| same.clone()))
            .with_deleted_here(|id| (id == deleted.id).then(|| stone.clone()))
    };
    let mut asked = plan();
    assert_eq!([Comparison::DeletedHere, Comparison::New].map(|c| asked.count(c)), [1, 1]);
    assert_eq!(asked.entries[1].deleted, Some(stone.clone()), "when and by whom, to tell the worker");
    assert_eq!(asked.writes(now()), Err(Undecided(1)), "it waits for a decision");
    assert_eq!([Comparison::DeletedHere, Comparison::Conflict].map(|c| asked.undecided_of(c)), [1, 0]);
    asked.resolve_all(Resolution::TakeTheirs);
    assert_eq!(asked.undecided(), 1, "deciding every conflict at once does not bring deleted cases back");
    asked.resolve(deleted.id, Resolution::KeepBoth);
    assert_eq!(asked.undecided(), 1, "there is nothing here to keep beside it");

    asked.resolve(deleted.id, Resolution::KeepMine);
    let kept_deleted = asked.writes(now()).unwrap();
    assert_eq!(kept_deleted.iter().map(|w| (w.case.id, w.restores)).collect::<Vec<_>>(), [(fresh.id, false)]);

    let mut brought_back = plan();
    brought_back.resolve(deleted.id, Resolution::TakeTheirs);
    let writes = brought_back.writes(now()).unwrap();
    assert_eq!(
        writes.iter().map(|w| (w.case.id, w.expect_revision, w.restores)).collect::<Vec<_>>(),
        [(deleted.id, None, true), (fresh.id, None, false)]
    );
}
