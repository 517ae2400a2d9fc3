//! Which cases this tab works on: the real ones, or the training demo's fictional ones. Each
//! has its own database, so nothing done in the demo can reach a real case. The choice belongs
//! to the tab (session storage): a reload stays in the demo, a new tab opens the real cases.

use gloo_storage::{SessionStorage, Storage};
use leptos::prelude::*;

use crate::domain::demo::demo_cases;
use crate::storage::{delete_database, StorageError, Store, DB_NAME, DEMO_DB_NAME};

const KEY: &str = "homeward.workspace";
const DEMO: &str = "demo";
/// Set while the tab is switching into the demo, until the demo's database is open.
const ENTERING: &str = "homeward.demo_entering";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workspace {
    Real,
    Demo,
}

impl Workspace {
    pub fn current() -> Self {
        match SessionStorage::get::<String>(KEY) {
            Ok(value) if value == DEMO => Self::Demo,
            _ => Self::Real,
        }
    }

    pub fn is_demo(self) -> bool {
        self == Self::Demo
    }

    pub fn database(self) -> &'static str {
        match self {
            Self::Real => DB_NAME,
            Self::Demo => DEMO_DB_NAME,
        }
    }

    /// Opens this workspace's cases; the demo is filled with its fictional cases the first time,
    /// in the interface's language. Entering the demo from the real cases finds it filled in
    /// another language, its cases are written again in this one; a reload inside the demo
    /// keeps what trainees did, whatever the language.
    pub async fn open(self) -> Result<Store, StorageError> {
        let store = Store::open_named(self.database()).await?;
        // Deleted cases' content is kept 30 days, whether or not anyone opens Recently deleted.
        // A failure only keeps it until the next opening; it is no reason to refuse this one.
        let _ = store.erase_expired(chrono::Utc::now()).await;
        if self.is_demo() {
            let today = chrono::Local::now().date_naive();
            let language = crate::vocabulary::language(crate::i18n::preferred_locale());
            let entering = SessionStorage::get::<bool>(ENTERING).unwrap_or(false);
            store.seed_once(language.code(), entering, || demo_cases(today, language)).await?;
            SessionStorage::delete(ENTERING);
        }
        Ok(store)
    }

    /// Switches this tab to the workspace and starts the app again on its case list, so no
    /// page, signal or open case of the other workspace is carried over.
    pub fn switch_to(self) {
        match self {
            Self::Demo => {
                let _ = SessionStorage::set(KEY, DEMO);
                let _ = SessionStorage::set(ENTERING, true);
            }
            Self::Real => SessionStorage::delete(KEY),
        }
        restart();
    }
}

/// Throws the demo's changes away: its database is deleted and filled again on the restart.
pub async fn reset_demo(store: Store) -> Result<(), StorageError> {
    store.close();
    delete_database(DEMO_DB_NAME).await?;
    restart();
    Ok(())
}

fn restart() {
    let location = window().location();
    let _ = location.set_hash("/");
    let _ = location.reload();
}
