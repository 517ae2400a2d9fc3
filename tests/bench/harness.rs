//! The benchmark's hands inside the page: the storage module and the crypto code, called from
//! `tests/bench/bench.mjs` through `tests/bench/index.html`, which is served on the app's own
//! origin so the cases stored here are the ones the app lists. Not part of the app's build.
//! Timing is done by the caller, around each call, so what is measured is only the call.

#[cfg(not(target_arch = "wasm32"))]
fn main() {}

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
}

#[cfg(target_arch = "wasm32")]
mod calls {
    use std::cell::RefCell;

    use homeward::crypto;
    use homeward::domain::demo::many_cases;
    use homeward::domain::exchange::merge::Write;
    use homeward::storage::Store;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
        static PREPARED: RefCell<Vec<Write>> = const { RefCell::new(Vec::new()) };
    }

    fn failed(e: impl std::fmt::Display) -> JsError {
        JsError::new(&e.to_string())
    }

    /// Opens (creating or upgrading, as the app does) the database called `name`.
    #[wasm_bindgen]
    pub async fn open(name: String) -> Result<(), JsError> {
        let store = Store::open_named(&name).await.map_err(failed)?;
        STORE.with(|s| *s.borrow_mut() = Some(store));
        Ok(())
    }

    /// Marks the open database as filled with the training demo's cases, which it then never
    /// gets: the benchmark's demo holds its own cases and no others.
    #[wasm_bindgen]
    pub async fn without_demo_cases() -> Result<(), JsError> {
        let store = STORE.with(|s| s.borrow().clone()).ok_or_else(|| JsError::new("open a database first"))?;
        store.seed_once("en", false, Vec::new).await.map(|_| ()).map_err(failed)
    }

    #[wasm_bindgen]
    pub fn close() {
        if let Some(store) = STORE.with(|s| s.borrow_mut().take()) {
            store.close();
        }
    }

    /// Makes the benchmark's cases `first..first + count` and holds them for [`write_prepared`].
    #[wasm_bindgen]
    pub fn prepare(first: u32, count: u32) {
        let today = chrono::Utc::now().date_naive();
        let cases = many_cases(first as usize..(first + count) as usize, today);
        PREPARED.with(|p| {
            *p.borrow_mut() =
                cases.into_iter().map(|case| Write { case, expect_revision: None, restores: false }).collect()
        });
    }

    /// Stores the prepared cases as new ones, in one transaction, through the storage module's
    /// bulk write (the one an import uses); resolves once the browser reports it committed.
    #[wasm_bindgen]
    pub async fn write_prepared() -> Result<(), JsError> {
        let store = STORE.with(|s| s.borrow().clone()).ok_or_else(|| JsError::new("open a database first"))?;
        let writes = PREPARED.with(|p| p.take());
        let written = store.import(&writes).await.map_err(failed);
        PREPARED.with(|p| *p.borrow_mut() = writes);
        written
    }

    /// An export file of one byte at `work_factor`: the time it takes is the key derivation's.
    #[wasm_bindgen]
    pub fn encrypt_one_byte(passphrase: &str, work_factor: u8) -> Result<Vec<u8>, JsError> {
        crypto::encrypt(b"x", passphrase, work_factor).map_err(failed)
    }

    /// The work factor Homeward writes export files with.
    #[wasm_bindgen]
    pub fn work_factor() -> u8 {
        crypto::WORK_FACTOR
    }

    /// Where the case list's start goes: opening, reading summaries, indexing, sorting (ms each).
    #[wasm_bindgen]
    pub async fn list_steps(name: String) -> Result<String, JsError> {
        use homeward::domain::case_list::{CaseIndex, SortOrder};
        let now = || js_sys::Date::now();
        let t0 = now();
        let store = Store::open_named(&name).await.map_err(failed)?;
        let t1 = now();
        let list = store.list().await.map_err(failed)?;
        let t2 = now();
        let index = CaseIndex::new(list.cases.clone());
        let t3 = now();
        let sorted = index.sorted(SortOrder::NextDue);
        let t4 = now();
        let rows = index.filter(&sorted, "mart");
        let t5 = now();
        store.close();
        Ok(format!(
            "open {} list {} index {} sort {} filter {} ({} rows)",
            t1 - t0,
            t2 - t1,
            t3 - t2,
            t4 - t3,
            t5 - t4,
            rows.len()
        ))
    }

    /// Where saving one edit goes (ms each): reading the case, preparing it (a new revision and
    /// its history entry), writing it until committed.
    #[wasm_bindgen]
    pub async fn save_steps(name: String, nth: u32) -> Result<String, JsError> {
        let now = || js_sys::Date::now();
        let store = Store::open_named(&name).await.map_err(failed)?;
        let list = store.list().await.map_err(failed)?;
        let id = list.cases.get(nth as usize).ok_or_else(|| JsError::new("no such case"))?.id;
        let t0 = now();
        let base = store.get(id).await.map_err(failed)?.ok_or_else(|| JsError::new("gone"))?;
        let t1 = now();
        let case = edited(&base);
        let t2 = now();
        store.save(&case).await.map_err(failed)?;
        let t3 = now();
        store.close();
        Ok(format!("get {} prepare {} save {}", t1 - t0, t2 - t1, t3 - t2))
    }

    /// Where an export of every case goes besides key derivation (ms each): reading the cases,
    /// writing the file's contents, copying them into a JavaScript array, and encrypting them
    /// (with a trivial work factor, so only the cipher is timed).
    #[wasm_bindgen]
    pub async fn export_steps(name: String) -> Result<String, JsError> {
        use homeward::domain::exchange::{self, merge::exported, ExportDocument};
        let now = || js_sys::Date::now();
        let store = Store::open_named(&name).await.map_err(failed)?;
        let ids: Vec<_> = store.list().await.map_err(failed)?.cases.iter().map(|c| c.id).collect();
        let t0 = now();
        let cases: Vec<_> = store.get_many(&ids).await.map_err(failed)?.into_iter().flatten().map(exported).collect();
        let t1 = now();
        let contents = exchange::write(&ExportDocument::new(cases, "bench", chrono::Utc::now()));
        let t2 = now();
        let array = js_sys::Uint8Array::from(contents.as_slice());
        let t3 = now();
        let back = array.to_vec();
        let t4 = now();
        let sealed = crypto::Contents::begin(back.len()).map_err(failed)?.0.seal(&back).map_err(failed)?;
        let t5 = now();
        store.close();
        Ok(format!(
            "{} cases, {} bytes: read {} write {} to JS {} from JS {} encrypt {} ({} bytes)",
            ids.len(),
            contents.len(),
            t1 - t0,
            t2 - t1,
            t3 - t2,
            t4 - t3,
            t5 - t4,
            sealed.len()
        ))
    }

    /// A protected workspace of `count` cases, sealed under a fresh data key and written 1,000
    /// at a time through the import, then opened again and unlocked: the case list read (every
    /// summary opened), one case opened, one edit saved until committed (ms each, as JSON).
    #[wasm_bindgen]
    pub async fn protected_steps(count: u32) -> Result<String, JsError> {
        use homeward::storage::{delete_database, keys};
        let now = || js_sys::Date::now();
        let name = "homeward-bench-protected";
        delete_database(name).await.map_err(failed)?;
        let key = keys::new_data_key().await.map_err(failed)?;
        let store = Store::open_protected(name).await.map_err(failed)?;
        store.unlock(key.clone());
        let today = chrono::Utc::now().date_naive();
        let mut first_thousand = 0.0;
        for first in (0..count).step_by(1000) {
            let cases = many_cases(first as usize..(first + 1000).min(count) as usize, today);
            let writes: Vec<Write> =
                cases.into_iter().map(|case| Write { case, expect_revision: None, restores: false }).collect();
            let started = now();
            store.import(&writes).await.map_err(failed)?;
            if first == 0 {
                first_thousand = now() - started;
            }
        }
        store.close();
        let t0 = now();
        let store = Store::open_protected(name).await.map_err(failed)?;
        store.unlock(key);
        let list = store.list().await.map_err(failed)?;
        let t1 = now();
        let id = list.cases.get(list.cases.len() / 2).ok_or_else(|| JsError::new("no cases"))?.id;
        let base = store.get(id).await.map_err(failed)?.ok_or_else(|| JsError::new("gone"))?;
        let t2 = now();
        let case = edited(&base);
        store.save(&case).await.map_err(failed)?;
        let t3 = now();
        store.close();
        delete_database(name).await.map_err(failed)?;
        Ok(format!(
            "{{\"write1000\":{first_thousand},\"list\":{},\"open\":{},\"save\":{},\"listed\":{}}}",
            t1 - t0,
            t2 - t1,
            t3 - t2,
            list.cases.len()
        ))
    }

    /// A worker's workspace as the app makes it (the registry's record, the key wrapped under
    /// `passphrase` at scrypt 2^17), holding `count` cases written 1,000 at a time, ready to be
    /// unlocked on the opening screen.
    #[wasm_bindgen]
    pub async fn make_workspace(worker: String, passphrase: String, count: u32) -> Result<(), JsError> {
        use homeward::domain::protection::{KdfParams, WorkspaceState};
        use homeward::storage::registry::Registry;
        use homeward::storage::{keys, workspaces};
        let registry = Registry::open().await.map_err(failed)?;
        let kdf = KdfParams::for_writing(keys::new_salt());
        let mut derived = crypto::derive_kek(&passphrase, &kdf).map_err(|e| failed(format!("{e:?}")))?;
        let kek = keys::kek_from_derived(&mut derived).await.map_err(failed)?;
        let made = workspaces::create(&registry, worker, &kek, kdf, chrono::Utc::now())
            .await
            .map_err(|e| failed(format!("{e:?}")))?;
        let today = chrono::Utc::now().date_naive();
        for first in (0..count).step_by(1000) {
            let cases = many_cases(first as usize..(first + 1000).min(count) as usize, today);
            let writes: Vec<Write> =
                cases.into_iter().map(|case| Write { case, expect_revision: None, restores: false }).collect();
            made.store.import(&writes).await.map_err(failed)?;
        }
        made.store.close();
        // Nothing kept unprotected to move in: ready at once.
        registry.update(made.record.id, &|stored| stored.state = WorkspaceState::Ready).await.map_err(failed)?;
        registry.close();
        Ok(())
    }

    /// The benchmark's one edit, prepared as the editor prepares a save: a new revision and the
    /// change written into the history.
    fn edited(base: &homeward::domain::Case) -> homeward::domain::Case {
        let mut case = base.clone();
        case.plan.worker.contact.push_str(" (changed)");
        let at = chrono::Utc::now();
        case.touch(at);
        let changes = homeward::domain::history::diff(base, &case);
        case.history.record(changes, "Bench", at);
        case
    }
}
