//! The device's registry of protected workspaces: listed by worker name before any key is known,
//! kept durably (a wrong try's delay survives a reload), a damaged record counted, not dropped.

use chrono::{TimeZone, Utc};
use homeward::domain::protection::{IdleMinutes, KdfParams, WorkspaceRecord, WorkspaceState, Wrapped};
use homeward::storage::delete_database;
use homeward::storage::registry::Registry;
use uuid::Uuid;
use wasm_bindgen_test::*;

use super::put_raw;

fn workspace(n: u128, name: &str) -> WorkspaceRecord {
    let id = Uuid::from_u128(n);
    WorkspaceRecord {
        id,
        worker_name: name.into(),
        database: WorkspaceRecord::database_for(id),
        created_at: Utc.with_ymd_and_hms(2026, 12, 6, 9, 0, n as u32).unwrap(),
        kdf: KdfParams::for_writing([n as u8; 16]),
        by_passphrase: Wrapped([1; 40]),
        by_recovery: Wrapped([2; 40]),
        idle_minutes: IdleMinutes::default(),
        failed_tries: 0,
        next_try_at: None,
        state: WorkspaceState::Ready,
        format: WorkspaceRecord::FORMAT,
    }
}

async fn fresh(name: &str) -> Registry {
    delete_database(name).await.unwrap();
    Registry::open_named(name).await.unwrap()
}

#[wasm_bindgen_test]
async fn workspaces_are_listed_by_worker_name_and_read_back_as_written() {
    let name = "homeward-test-registry";
    let registry = fresh(name).await;
    assert!(registry.list().await.unwrap().readable.is_empty());
    let marc = workspace(1, "Marc Dubois");
    let ana = workspace(2, "ana Ruiz");
    let mut elodie = workspace(3, "Élodie Martin");
    elodie.state = WorkspaceState::Moving { from: "homeward".into() };
    for record in [&marc, &ana, &elodie] {
        registry.put(record).await.unwrap();
    }
    let listed = registry.list().await.unwrap();
    let names: Vec<&str> = listed.readable.iter().map(|w| w.worker_name.as_str()).collect();
    assert_eq!(names, ["ana Ruiz", "Élodie Martin", "Marc Dubois"]);
    assert_eq!(listed.unreadable, 0);
    assert_eq!(registry.get(elodie.id).await.unwrap(), Some(elodie));
    assert_eq!(registry.get(Uuid::from_u128(99)).await.unwrap(), None);
    registry.close();
}

#[wasm_bindgen_test]
async fn a_wrong_try_s_delay_is_still_there_after_the_page_reopens_the_registry() {
    let name = "homeward-test-registry-tries";
    let registry = fresh(name).await;
    let mut ana = workspace(1, "Ana Ruiz");
    registry.put(&ana).await.unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 6, 10, 0, 0).unwrap();
    for _ in 0..4 {
        ana.tried_wrong(now);
        registry.put(&ana).await.unwrap();
    }
    registry.close();

    let reopened = Registry::open_named(name).await.unwrap();
    let read = reopened.get(ana.id).await.unwrap().unwrap();
    assert_eq!(read.failed_tries, 4);
    assert_eq!(read.wait_until(now), Some(now + chrono::Duration::seconds(5)));
    reopened.close();
}

#[wasm_bindgen_test]
async fn a_damaged_workspace_record_is_counted_and_the_others_still_listed() {
    let name = "homeward-test-registry-damaged";
    let registry = fresh(name).await;
    registry.put(&workspace(1, "Ana Ruiz")).await.unwrap();
    registry.close();
    put_raw(
        name,
        "workspaces",
        r#"[{"id": "00000000-0000-0000-0000-000000000009", "worker_name": "Marc", "by_passphrase": "AAAA"}]"#,
    )
    .await
    .unwrap();
    let registry = Registry::open_named(name).await.unwrap();
    let listed = registry.list().await.unwrap();
    assert_eq!(listed.readable.len(), 1);
    assert_eq!(listed.unreadable, 1);
    registry.close();
}
