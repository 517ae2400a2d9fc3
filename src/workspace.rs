//! Whose cases this tab works on: a worker's protected workspace or the training demo's fictional
//! ones. Each has its own database, so nothing done in one can reach another. The choice belongs to the tab (session
//! storage): a reload stays where it was (locked again, for a worker), a new tab asks again.

use gloo_storage::{SessionStorage, Storage};
use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::demo::{demo_cases, past_year_cases};
use crate::storage::{delete_database, StorageError, Store, DEMO_DB_NAME};

const KEY: &str = "homeward.workspace";
const DEMO: &str = "demo";
/// Set while the tab is switching into the demo, until the demo's database is open.
const ENTERING: &str = "homeward.demo_entering";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workspace {
    /// A worker's own cases, encrypted, opened with their passphrase.
    Worker(Uuid),
    Demo,
}

impl Workspace {
    /// The workspace this tab chose, if it chose one.
    pub fn chosen() -> Option<Self> {
        let value = SessionStorage::get::<String>(KEY).ok()?;
        match value.as_str() {
            DEMO => Some(Self::Demo),
            id => Uuid::parse_str(id).ok().map(Self::Worker),
        }
    }

    /// Whether this tab is in the training demo.
    pub fn in_demo() -> bool {
        Self::chosen().is_some_and(Self::is_demo)
    }

    pub fn is_demo(self) -> bool {
        self == Self::Demo
    }

    /// Remembers the choice for this tab, without starting again.
    pub fn choose(self) {
        let value = match self {
            Self::Worker(id) => id.to_string(),
            Self::Demo => DEMO.to_string(),
        };
        let _ = SessionStorage::set(KEY, value);
    }

    /// Opens the training demo (a worker's workspace is opened by unlocking it), filled with its
    /// fictional cases the first time, in the interface's language. Entering the demo from a
    /// workspace finds it filled in another language, its cases are written again in this one; a
    /// reload inside the demo keeps what trainees did, whatever the language.
    pub async fn open_demo() -> Result<Store, StorageError> {
        let store = Store::open_named(DEMO_DB_NAME).await?;
        store_opened(&store).await;
        let today = chrono::Local::now().date_naive();
        let language = crate::vocabulary::language(crate::i18n::preferred_locale());
        let entering = SessionStorage::get::<bool>(ENTERING).unwrap_or(false);
        let cases = || demo_cases(today, language).into_iter().chain(past_year_cases(today, language)).collect();
        store.seed_once(language.code(), entering, cases).await?;
        SessionStorage::delete(ENTERING);
        Ok(store)
    }

    /// Switches this tab to the workspace and starts the app again on its case list, so no
    /// page, signal or open case of the other workspace is carried over.
    pub fn switch_to(self) {
        restart_into(move || {
            if self.is_demo() {
                let _ = SessionStorage::set(ENTERING, true);
            }
            self.choose();
        });
    }

    /// Leaves this workspace for the opening screen (the list of workers on this device),
    /// starting the app again so nothing of it stays in the page.
    pub fn leave() {
        restart_into(|| SessionStorage::delete(KEY));
    }
}

/// What every opening of a workspace does: deleted cases' content is kept 30 days, whether or
/// not anyone opens Recently deleted. A failure only keeps it until the next opening; it is no
/// reason to refuse this one.
pub async fn store_opened(store: &Store) {
    let _ = store.erase_expired(chrono::Utc::now()).await;
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

/// [`restart`], the tab's choice changed only once the page is really going: if leaving is
/// cancelled (an edit not saved), the tab stays in the workspace it shows.
fn restart_into(choose: impl FnOnce() + 'static) {
    let going = wasm_bindgen::closure::Closure::once_into_js(choose);
    window().set_onpagehide(Some(wasm_bindgen::JsCast::unchecked_ref(&going)));
    restart();
}
