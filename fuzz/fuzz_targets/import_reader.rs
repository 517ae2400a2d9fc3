//! Opens any bytes as the import opens a file: the crypto worker's "open" (the size, age or
//! not, decryption, `exchange::read`, the cases sent on as JSON text), then the import page
//! (the cases parsed again, the import plan against a device holding one case, every conflict
//! decided each way, the records it would write, each one's summary and deadlines). Any panic,
//! in Homeward or a crate it calls, is a crash.

#![no_main]

use std::sync::OnceLock;

use homeward::crypto;
use homeward::domain::exchange;
use homeward::domain::exchange::merge::{ImportPlan, Resolution};
use homeward::domain::Case;
use homeward_fuzz::{MAX_WORK_FACTOR, PASSPHRASE};
use libfuzzer_sys::fuzz_target;

/// The device's cases: the one of the seed `v2-one-case.json`, so that an incoming case with its
/// id is weighed against it (identical, newer, older or a conflict) rather than only added.
fn device() -> &'static [Case] {
    static DEVICE: OnceLock<Vec<Case>> = OnceLock::new();
    DEVICE.get_or_init(|| {
        exchange::read(include_bytes!("../seeds/import_reader/v2-one-case.json")).expect("the seed reads").cases
    })
}

fuzz_target!(|file: &[u8]| {
    if exchange::check_size(file.len()).is_err() {
        return;
    }
    let plaintext = if crypto::is_age(file) {
        match crypto::decrypt_up_to(file, PASSPHRASE, MAX_WORK_FACTOR) {
            Ok(plaintext) => plaintext,
            Err(_) => return,
        }
    } else {
        file.to_vec()
    };
    let Ok(document) = exchange::read(&plaintext) else {
        return;
    };
    let cases = serde_json::to_string(&document.cases).expect("the worker sends the cases it read");
    let incoming: Vec<Case> = serde_json::from_str(&cases).expect("the page reads the cases the worker sent");
    assert_eq!(incoming, document.cases, "the cases arrive as the worker read them");
    let plan = ImportPlan::new(incoming, |id| device().iter().find(|c| c.id == id).cloned());
    let now = "2026-11-23T10:00:00Z".parse().expect("a time");
    for resolution in [Resolution::KeepMine, Resolution::TakeTheirs, Resolution::KeepBoth] {
        let mut plan = plan.clone();
        plan.resolve_all(resolution);
        for write in plan.writes(now).expect("every conflict is decided") {
            write.case.summary();
            write.case.deadlines();
        }
    }
});
