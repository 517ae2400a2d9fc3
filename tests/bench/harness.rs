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
    use homeward::domain::Case;
    use homeward::storage::Store;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
        static PREPARED: RefCell<Vec<Case>> = const { RefCell::new(Vec::new()) };
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
        PREPARED.with(|p| *p.borrow_mut() = cases);
    }

    /// Stores the prepared cases as new ones, in one transaction, through the storage module's
    /// bulk write (the one an import uses); resolves once the browser reports it committed.
    #[wasm_bindgen]
    pub async fn write_prepared() -> Result<(), JsError> {
        let writes: Vec<Write> = PREPARED.with(|p| p.borrow().iter().map(|case| Write { case: case.clone(), expect_revision: None }).collect());
        let store = STORE.with(|s| s.borrow().clone()).ok_or_else(|| JsError::new("open a database first"))?;
        store.import(&writes).await.map_err(failed)
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
}
