use super::recovery_key::crc24_for_test;
use super::*;
use chrono::TimeZone;

fn key(seed: u8) -> RecoveryKey {
    RecoveryKey::from_bytes(std::array::from_fn(|i| (i as u8).wrapping_mul(37).wrapping_add(seed)))
}

#[test]
fn crc24_is_openpgp_s() {
    // RFC 4880's CRC-24 of "123456789", the usual check value for this polynomial and start.
    assert_eq!(crc24_for_test(b"123456789"), 0x21CF02);
}

#[test]
fn a_recovery_key_is_56_characters_in_14_groups_and_reads_back() {
    for seed in [0, 1, 200, 255] {
        let shown = key(seed).to_display();
        let groups: Vec<&str> = shown.split(' ').collect();
        assert_eq!(groups.len(), 14, "{shown}");
        assert!(groups.iter().all(|g| g.len() == 4), "{shown}");
        assert_eq!(shown.replace(' ', "").len(), RECOVERY_KEY_CHARACTERS);
        assert!(!shown.contains(['I', 'L', 'O', 'U']), "{shown}");
        assert_eq!(RecoveryKey::parse(&shown), Ok(key(seed)));
    }
    assert_eq!(
        RecoveryKey::parse(&RecoveryKey::from_bytes([0; 32]).to_display()),
        Ok(RecoveryKey::from_bytes([0; 32]))
    );
    assert_eq!(
        RecoveryKey::parse(&RecoveryKey::from_bytes([255; 32]).to_display()),
        Ok(RecoveryKey::from_bytes([255; 32]))
    );
}

#[test]
fn a_recovery_key_is_read_as_people_type_it() {
    let shown = key(9).to_display();
    let lower = shown.to_lowercase();
    let hyphens = shown.replace(' ', "-");
    let squashed = shown.replace(' ', "");
    let spread = format!("  {}\n", shown.replace(' ', "   "));
    for typed in [lower, hyphens, squashed, spread] {
        assert_eq!(RecoveryKey::parse(&typed), Ok(key(9)), "{typed}");
    }
    // O for zero and I or L for one, as Crockford's base32 reads them.
    let zeros_and_ones = RecoveryKey::from_bytes([0; 32]).to_display();
    assert!(zeros_and_ones.contains('0'));
    let confused = zeros_and_ones.replace('0', "o");
    assert_eq!(RecoveryKey::parse(&confused), Ok(RecoveryKey::from_bytes([0; 32])));
    // A key that shows a 1 (found, not assumed, so the check cannot pass by skipping itself).
    let seed = (0..=255).find(|&seed| key(seed).to_display().contains('1')).expect("some key shows a 1");
    let with_one = key(seed).to_display();
    assert_eq!(RecoveryKey::parse(&with_one.replace('1', "l")), Ok(key(seed)));
    assert_eq!(RecoveryKey::parse(&with_one.replace('1', "I")), Ok(key(seed)));
}

#[test]
fn every_single_wrong_character_and_every_swap_of_neighbours_is_caught() {
    const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for seed in [0, 77] {
        let right: Vec<char> = key(seed).to_display().replace(' ', "").chars().collect();
        for at in 0..right.len() {
            for wrong in ALPHABET.chars().filter(|&c| c != right[at]) {
                let mut typed = right.clone();
                typed[at] = wrong;
                let typed: String = typed.into_iter().collect();
                assert_eq!(RecoveryKey::parse(&typed), Err(RecoveryKeyProblem::Checksum), "{wrong} at {at}");
            }
            if at + 1 < right.len() && right[at] != right[at + 1] {
                let mut typed = right.clone();
                typed.swap(at, at + 1);
                let typed: String = typed.into_iter().collect();
                assert_eq!(RecoveryKey::parse(&typed), Err(RecoveryKeyProblem::Checksum), "swap at {at}");
            }
        }
    }
}

#[test]
fn a_recovery_key_too_short_too_long_or_with_a_foreign_character_says_which() {
    let squashed = key(5).to_display().replace(' ', "");
    assert_eq!(RecoveryKey::parse(&squashed[..55]), Err(RecoveryKeyProblem::WrongLength { found: 55, expected: 56 }));
    assert_eq!(
        RecoveryKey::parse(&format!("{squashed}0")),
        Err(RecoveryKeyProblem::WrongLength { found: 57, expected: 56 })
    );
    assert_eq!(RecoveryKey::parse(""), Err(RecoveryKeyProblem::WrongLength { found: 0, expected: 56 }));
    // The place counts the key's characters: the spaces before it do not move it.
    let shown = key(5).to_display();
    let with_u = format!("{}U{}", &shown[..5], &shown[6..]);
    assert_eq!(RecoveryKey::parse(&with_u), Err(RecoveryKeyProblem::BadCharacter { at: 5, character: 'U' }));
    assert_eq!(RecoveryKey::parse("ABCD É"), Err(RecoveryKeyProblem::BadCharacter { at: 5, character: 'É' }));
}

#[test]
fn a_recovery_key_never_shows_itself_in_debug_output() {
    let debug = format!("{:?}", key(1));
    assert_eq!(debug, "RecoveryKey(…)");
}

#[test]
fn wrong_tries_wait_longer_and_longer_up_to_a_quarter_hour_and_never_wipe() {
    assert_eq!(delay_after(0), Duration::ZERO);
    assert_eq!(delay_after(3), Duration::ZERO);
    assert_eq!(delay_after(4), Duration::from_secs(5));
    assert_eq!(delay_after(5), Duration::from_secs(10));
    assert_eq!(delay_after(6), Duration::from_secs(20));
    let mut last = Duration::ZERO;
    for tries in 0..10_000 {
        let delay = delay_after(tries);
        assert!(delay >= last, "after {tries}");
        assert!(delay <= Duration::from_secs(15 * 60));
        last = delay;
    }
    assert_eq!(delay_after(u32::MAX), Duration::from_secs(15 * 60));
}

fn record() -> WorkspaceRecord {
    let id = Uuid::from_u128(0x1234);
    WorkspaceRecord {
        id,
        worker_name: "Ana Ruiz".into(),
        database: WorkspaceRecord::database_for(id),
        created_at: Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, 0).unwrap(),
        kdf: KdfParams::for_writing([1; 16]),
        by_passphrase: Wrapped([2; 40]),
        by_recovery: Wrapped([3; 40]),
        idle_minutes: IdleMinutes::default(),
        failed_tries: 0,
        next_try_at: None,
        state: WorkspaceState::Ready,
        format: WorkspaceRecord::FORMAT,
    }
}

#[test]
fn the_delay_is_kept_in_the_record_so_a_reload_does_not_reset_it() {
    let mut ws = record();
    let now = Utc.with_ymd_and_hms(2026, 12, 6, 10, 0, 0).unwrap();
    for _ in 0..3 {
        ws.tried_wrong(now);
        assert_eq!(ws.wait_until(now), None);
    }
    ws.tried_wrong(now);
    assert_eq!(ws.wait_until(now), Some(now + chrono::Duration::seconds(5)));
    assert_eq!(ws.wait_until(now + chrono::Duration::seconds(5)), None);
    let read_back: WorkspaceRecord = serde_json::from_str(&serde_json::to_string(&ws).unwrap()).unwrap();
    assert_eq!(read_back.wait_until(now), Some(now + chrono::Duration::seconds(5)));
    ws.unlocked();
    assert_eq!((ws.failed_tries, ws.wait_until(now)), (0, None));
}

#[test]
fn a_workspace_record_is_stored_in_a_stable_form() {
    let mut ws = record();
    ws.state = WorkspaceState::Moving { from: "homeward".into() };
    let json = serde_json::to_value(&ws).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "id": "00000000-0000-0000-0000-000000001234",
            "worker_name": "Ana Ruiz",
            "database": "homeward-w-00000000-0000-0000-0000-000000001234",
            "created_at": "2026-12-06T09:00:00Z",
            "kdf": { "log_n": 17, "r": 8, "p": 1, "salt": "01010101010101010101010101010101" },
            "by_passphrase": "02020202020202020202020202020202020202020202020202020202020202020202020202020202",
            "by_recovery": "03030303030303030303030303030303030303030303030303030303030303030303030303030303",
            "idle_minutes": 15,
            "failed_tries": 0,
            "next_try_at": null,
            "state": "moving",
            "from": "homeward",
            "format": 1
        })
    );
    assert_eq!(serde_json::from_value::<WorkspaceRecord>(json).unwrap(), ws);
    let ready = serde_json::to_value(record()).unwrap();
    assert_eq!(ready["state"], "ready");
    assert_eq!(serde_json::from_value::<WorkspaceRecord>(ready).unwrap(), record());
}

#[test]
fn a_damaged_record_is_refused_not_read_wrong() {
    let mut json = serde_json::to_value(record()).unwrap();
    json["by_passphrase"] = "020202".into();
    assert!(serde_json::from_value::<WorkspaceRecord>(json)
        .unwrap_err()
        .to_string()
        .contains("3 bytes where 40 belong"));
    for damaged in ["0g", "020", "ÿÿ"] {
        let mut json = serde_json::to_value(record()).unwrap();
        json["by_passphrase"] = damaged.into();
        assert!(serde_json::from_value::<WorkspaceRecord>(json).unwrap_err().to_string().contains("not hexadecimal"));
    }
    let mut json = serde_json::to_value(record()).unwrap();
    json["idle_minutes"] = 600.into();
    assert!(serde_json::from_value::<WorkspaceRecord>(json).is_err());
    let mut json = serde_json::to_value(record()).unwrap();
    json["idle_minutes"] = 4.into();
    assert!(serde_json::from_value::<WorkspaceRecord>(json).is_err());
}

#[test]
fn every_wrap_written_meets_owasp_s_scrypt_minimum_and_weaker_ones_are_rewrapped() {
    let written = KdfParams::for_writing([0; 16]);
    assert_eq!((written.log_n, written.r, written.p), (17, 8, 1));
    assert_eq!(written.accept_for_reading(), Ok(()));
    assert!(!written.needs_rewrap());
    let fixture = KdfParams { log_n: 10, ..written.clone() };
    assert_eq!(fixture.accept_for_reading(), Ok(()));
    assert!(fixture.needs_rewrap());
    assert_eq!(KdfParams { log_n: 9, ..written.clone() }.accept_for_reading(), Err(KdfProblem::TooWeak { log_n: 9 }));
    assert_eq!(
        KdfParams { log_n: 21, ..written.clone() }.accept_for_reading(),
        Err(KdfProblem::TooMuchWork { log_n: 21 })
    );
    assert_eq!(KdfParams { r: 64, ..written }.accept_for_reading(), Err(KdfProblem::TooMuchWork { log_n: 17 }));
}

#[test]
fn idle_time_is_five_to_sixty_minutes_fifteen_unless_chosen() {
    assert_eq!(IdleMinutes::default().minutes(), 15);
    assert_eq!(IdleMinutes::new(4), None);
    assert_eq!(IdleMinutes::new(5).map(IdleMinutes::minutes), Some(5));
    assert_eq!(IdleMinutes::new(60).map(IdleMinutes::minutes), Some(60));
    assert_eq!(IdleMinutes::new(61), None);
}

#[test]
fn a_worker_s_name_is_tidied_and_must_tell_the_workspaces_apart() {
    assert_eq!(worker_name("  Ana   Ruiz ", &[]), Ok("Ana Ruiz".into()));
    assert_eq!(worker_name(" \t", &[]), Err(NameProblem::Empty));
    assert_eq!(worker_name(&"é".repeat(80), &[]), Ok("é".repeat(80)));
    assert_eq!(worker_name(&"é".repeat(81), &[]), Err(NameProblem::TooLong { longest: 80 }));
    assert_eq!(worker_name("ana ruiz", &["Marc Dubois", "Ana Ruiz"]), Err(NameProblem::Taken));
    assert_eq!(worker_name("ÉLODIE", &["élodie"]), Err(NameProblem::Taken));
    assert_eq!(worker_name("Ana Ruiz López", &["Ana Ruiz"]), Ok("Ana Ruiz López".into()));
}

#[test]
fn workers_are_listed_by_name_as_people_read_it() {
    let named = |n: u128, name: &str| WorkspaceRecord { id: Uuid::from_u128(n), worker_name: name.into(), ..record() };
    let mut all = vec![named(1, "Marc Dubois"), named(2, "Élodie Martin"), named(3, "ana Ruiz"), named(4, "Zoé")];
    sort_by_worker_name(&mut all);
    let names: Vec<&str> = all.iter().map(|w| w.worker_name.as_str()).collect();
    assert_eq!(names, ["ana Ruiz", "Élodie Martin", "Marc Dubois", "Zoé"]);
}
