//! Protected workspaces made and opened (`storage::workspaces`): each worker's cases open with
//! that worker's passphrase or recovery key and no other; wrong tries bring delays kept in the
//! registry, never a wipe; a new passphrase changes one wrap and no record.

use chrono::{Duration, Utc};
use homeward::crypto::derive_kek;
use homeward::domain::protection::{KdfParams, WorkspaceState};
use homeward::storage::delete_database;
use homeward::storage::keys::{self, Kek};
use homeward::storage::registry::Registry;
use homeward::storage::workspaces::{self, ProtectionError};
use wasm_bindgen_test::*;

use super::case_with_items;
use super::sealed_store::{dump, marked_case};

/// scrypt at 2^10, the lowest a stored wrap may have: fast for tests.
fn quick() -> KdfParams {
    KdfParams { log_n: 10, ..KdfParams::for_writing(keys::new_salt()) }
}

async fn kek(passphrase: &str, params: &KdfParams) -> Kek {
    keys::kek_from_derived(&mut derive_kek(passphrase, params).unwrap()).await.unwrap()
}

async fn fresh_registry(name: &str) -> Registry {
    delete_database(name).await.unwrap();
    Registry::open_named(name).await.unwrap()
}

#[wasm_bindgen_test]
async fn a_new_workspace_opens_with_its_passphrase_or_its_recovery_key_and_no_other() {
    let registry = fresh_registry("homeward-test-ws-open").await;
    let kdf = quick();
    let now = Utc::now();
    let made = workspaces::create(
        &registry,
        "Rosa Mamani".into(),
        &kek("river stone quiet lamp", &kdf).await,
        kdf.clone(),
        now,
    )
    .await
    .unwrap();
    // The device's first workspace takes in the cases kept unprotected here before it opens.
    assert_eq!(made.record.state, WorkspaceState::Moving { from: homeward::storage::DB_NAME.into() });
    assert_eq!(registry.get(made.record.id).await.unwrap(), Some(made.record.clone()), "kept in the registry");
    let case = made.store.create(&marked_case()).await.unwrap();
    made.store.close();
    let id = made.record.id;

    let wrong = workspaces::unlock(&registry, id, &kek("river stone quiet lamb", &kdf).await, now).await.err();
    assert_eq!(wrong, Some(ProtectionError::Wrong { failed_tries: 1, next_try_at: None }));
    assert_eq!(registry.get(id).await.unwrap().unwrap().failed_tries, 1, "the wrong try is counted durably");

    let opened = workspaces::unlock(&registry, id, &kek("river stone quiet lamp", &kdf).await, now).await.unwrap();
    assert_eq!(opened.store.get(case.id).await.unwrap(), Some(case.clone()));
    assert_eq!(opened.record.failed_tries, 0, "forgotten once the right passphrase is given");
    assert_eq!(registry.get(id).await.unwrap().unwrap().failed_tries, 0);
    opened.store.close();

    // The recovery key opens it too, and sets a new passphrase in the same step.
    let new_kdf = quick();
    let mistyped = {
        let mut text = made.recovery_key.to_display();
        let last = text.pop().unwrap();
        text.push(if last == '0' { '1' } else { '0' });
        homeward::domain::protection::RecoveryKey::parse(&text)
    };
    assert!(mistyped.is_err(), "a mistyped recovery key is caught by its check before any try");
    let other_key = keys::new_recovery_key();
    let refused =
        workspaces::recover(&registry, id, &other_key, &kek("new words", &new_kdf).await, new_kdf.clone(), now).await;
    assert!(
        matches!(refused, Err(ProtectionError::Wrong { failed_tries: 1, .. })),
        "another recovery key opens nothing"
    );
    let recovered = workspaces::recover(
        &registry,
        id,
        &made.recovery_key,
        &kek("a brand new passphrase", &new_kdf).await,
        new_kdf.clone(),
        now,
    )
    .await
    .unwrap();
    assert_eq!(recovered.store.list().await.unwrap().cases, vec![case.summary()]);
    recovered.store.close();
    let old = workspaces::unlock(&registry, id, &kek("river stone quiet lamp", &kdf).await, now).await;
    assert!(matches!(old, Err(ProtectionError::Wrong { .. })), "the forgotten passphrase no longer opens it");
    let new = workspaces::unlock(&registry, id, &kek("a brand new passphrase", &new_kdf).await, now).await.unwrap();
    assert_eq!(new.store.get(case.id).await.unwrap(), Some(case));
    new.store.close();
    registry.close();
    delete_database(&made.record.database).await.unwrap();
    delete_database("homeward-test-ws-open").await.unwrap();
}

#[wasm_bindgen_test]
async fn wrong_tries_bring_growing_delays_that_survive_a_reopen_and_wipe_nothing() {
    let name = "homeward-test-ws-delays";
    let registry = fresh_registry(name).await;
    let kdf = quick();
    let right = kek("correct horse battery", &kdf).await;
    let wrong = kek("correct horse battery!", &kdf).await;
    let start = Utc::now();
    let made = workspaces::create(&registry, "Marc Dubois".into(), &right, kdf.clone(), start).await.unwrap();
    let case = made.store.create(&case_with_items("D-1", "Koffi")).await.unwrap();
    made.store.close();
    let id = made.record.id;

    for expected in 1..=3 {
        let answer = workspaces::unlock(&registry, id, &wrong, start).await.err();
        assert_eq!(answer, Some(ProtectionError::Wrong { failed_tries: expected, next_try_at: None }), "free tries");
    }
    let fourth = workspaces::unlock(&registry, id, &wrong, start).await.err();
    let until = start + Duration::seconds(5);
    assert_eq!(fourth, Some(ProtectionError::Wrong { failed_tries: 4, next_try_at: Some(until) }));
    // Even the right passphrase waits, and a reopened registry (a reload) remembers.
    registry.close();
    let registry = Registry::open_named(name).await.unwrap();
    let early = workspaces::unlock(&registry, id, &right, start + Duration::seconds(1)).await.err();
    assert_eq!(early, Some(ProtectionError::TooSoon { until }));
    let fifth = workspaces::unlock(&registry, id, &wrong, start + Duration::seconds(6)).await.err();
    let later = start + Duration::seconds(6 + 10);
    assert_eq!(fifth, Some(ProtectionError::Wrong { failed_tries: 5, next_try_at: Some(later) }), "the delay grows");

    let opened = workspaces::unlock(&registry, id, &right, later).await.unwrap();
    assert_eq!(opened.store.get(case.id).await.unwrap(), Some(case), "nothing was wiped");
    opened.store.close();
    registry.close();
    delete_database(&made.record.database).await.unwrap();
    delete_database(name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_new_passphrase_changes_one_wrap_and_leaves_every_record_as_it_was() {
    let name = "homeward-test-ws-change";
    let registry = fresh_registry(name).await;
    let (kdf, new_kdf) = (quick(), quick());
    let (old, new) = (kek("first passphrase here", &kdf).await, kek("second passphrase here", &new_kdf).await);
    let now = Utc::now();
    let made = workspaces::create(&registry, "Ana Ruiz".into(), &old, kdf.clone(), now).await.unwrap();
    made.store.create(&marked_case()).await.unwrap();
    let before = dump(&made.record.database).await;
    let id = made.record.id;

    let wrong = workspaces::change_passphrase(&registry, id, &new, &new, new_kdf.clone(), now).await.err();
    assert!(matches!(wrong, Some(ProtectionError::Wrong { failed_tries: 1, .. })), "the current passphrase is needed");
    let changed = workspaces::change_passphrase(&registry, id, &old, &new, new_kdf.clone(), now).await.unwrap();
    assert_eq!((changed.kdf, changed.by_recovery.clone()), (new_kdf, made.record.by_recovery.clone()));
    assert_eq!(dump(&made.record.database).await, before, "no record was written again");
    assert!(matches!(workspaces::unlock(&registry, id, &old, now).await, Err(ProtectionError::Wrong { .. })));
    let opened = workspaces::unlock(&registry, id, &new, now).await.unwrap();
    assert_eq!(opened.store.list().await.unwrap().cases.len(), 1);
    opened.store.close();
    made.store.close();
    registry.close();
    delete_database(&made.record.database).await.unwrap();
    delete_database(name).await.unwrap();
}

#[wasm_bindgen_test]
async fn two_workers_on_one_device_each_see_only_their_own_cases() {
    let name = "homeward-test-ws-two";
    let registry = fresh_registry(name).await;
    let now = Utc::now();
    let (kdf_a, kdf_b) = (quick(), quick());
    let (kek_a, kek_b) = (kek("rosa's own words", &kdf_a).await, kek("marc's own words", &kdf_b).await);
    let rosa = workspaces::create(&registry, "Rosa".into(), &kek_a, kdf_a, now).await.unwrap();
    let marc = workspaces::create(&registry, "Marc".into(), &kek_b, kdf_b, now).await.unwrap();
    assert_ne!(rosa.record.database, marc.record.database, "a database each");
    assert_eq!(marc.record.state, WorkspaceState::Ready, "only the first takes in the cases kept unprotected");
    let hers = rosa.store.create(&case_with_items("R-1", "Lucía")).await.unwrap();
    let his = marc.store.create(&case_with_items("M-1", "Tomás")).await.unwrap();
    assert_eq!(rosa.store.list().await.unwrap().cases, vec![hers.summary()]);
    assert_eq!(marc.store.list().await.unwrap().cases, vec![his.summary()]);
    // Marc's passphrase does not open Rosa's workspace.
    let crossed = workspaces::unlock(&registry, rosa.record.id, &kek_b, now).await;
    assert!(matches!(crossed, Err(ProtectionError::Wrong { .. })));
    assert_eq!(
        registry.list().await.unwrap().readable.iter().map(|w| w.worker_name.as_str()).collect::<Vec<_>>(),
        vec!["Marc", "Rosa"]
    );
    for made in [rosa, marc] {
        made.store.close();
        delete_database(&made.record.database).await.unwrap();
    }
    registry.close();
    delete_database(name).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_unlock_in_one_tab_keeps_a_passphrase_changed_meanwhile_in_another() {
    let registry = fresh_registry("homeward-test-ws-race").await;
    let kdf = quick();
    let now = Utc::now();
    let old = kek("river stone quiet lamp", &kdf).await;
    let made = workspaces::create(&registry, "Rosa Mamani".into(), &old, kdf.clone(), now).await.unwrap();
    made.store.close();
    let id = made.record.id;
    // A wrong try first, so the unlock below has a count to forget and writes the record.
    let _ = workspaces::unlock(&registry, id, &kek("not it", &kdf).await, now).await;
    let other_tab = Registry::open_named("homeward-test-ws-race").await.unwrap();
    let new_kdf = quick();
    let new = kek("copper meadow violin tundra", &new_kdf).await;
    // Both read the record, then each writes: the unlock must not put the old wrap back.
    let (opened, changed) = futures::join!(
        workspaces::unlock(&registry, id, &old, now),
        workspaces::change_passphrase(&other_tab, id, &old, &new, new_kdf.clone(), now),
    );
    opened.unwrap().store.close();
    changed.unwrap();
    let stored = registry.get(id).await.unwrap().unwrap();
    assert_eq!(stored.kdf, new_kdf, "the new passphrase's settings are kept");
    assert_eq!(stored.failed_tries, 0);
    let reopened = workspaces::unlock(&registry, id, &new, now).await;
    assert!(reopened.is_ok(), "the new passphrase opens it: {:?}", reopened.err());
    reopened.unwrap().store.close();
    other_tab.close();
}

#[wasm_bindgen_test]
async fn a_new_idle_time_keeps_a_passphrase_changed_meanwhile_in_another_tab() {
    let registry = fresh_registry("homeward-test-ws-idle").await;
    let kdf = quick();
    let now = Utc::now();
    let old = kek("river stone quiet lamp", &kdf).await;
    let made = workspaces::create(&registry, "Rosa Mamani".into(), &old, kdf.clone(), now).await.unwrap();
    made.store.close();
    let id = made.record.id;
    let other_tab = Registry::open_named("homeward-test-ws-idle").await.unwrap();
    let new_kdf = quick();
    let new = kek("copper meadow violin tundra", &new_kdf).await;
    let idle = homeward::domain::protection::IdleMinutes::new(30).unwrap();
    let (set, changed) = futures::join!(
        workspaces::set_idle_minutes(&registry, id, idle),
        workspaces::change_passphrase(&other_tab, id, &old, &new, new_kdf.clone(), now),
    );
    set.unwrap();
    changed.unwrap();
    let stored = registry.get(id).await.unwrap().unwrap();
    assert_eq!((stored.kdf, stored.idle_minutes), (new_kdf, idle), "both changes are kept");
    let gone = workspaces::set_idle_minutes(&registry, uuid::Uuid::new_v4(), idle).await;
    assert_eq!(gone.err(), Some(ProtectionError::Gone), "a workspace removed meanwhile is said so");
    other_tab.close();
    registry.close();
    delete_database(&made.record.database).await.unwrap();
    delete_database("homeward-test-ws-idle").await.unwrap();
}
