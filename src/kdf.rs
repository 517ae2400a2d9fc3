//! The page's side of the key-derivation worker (`src/bin/kdf_worker.rs`): a protected
//! workspace's passphrase turned into its key-encryption key without freezing the page. The
//! worker is started as the unlock form appears, so its code loads while the passphrase is
//! typed, and stopped after its one answer.

use js_sys::Uint8Array;
use wasm_bindgen::JsValue;

use crate::domain::protection::{KdfParams, KdfProblem};
use crate::storage::keys::{self, Kek, KeyError};
use crate::worker_session::{field, request, WorkerSession};

/// Trunk's loader for the worker, beside `index.html`.
const WORKER_URL: &str = "./kdf_worker_loader.js";

/// Why no key-encryption key came back.
#[derive(Debug, Clone, PartialEq)]
pub enum KdfFailure {
    /// The worker could not be started or failed: its code did not load (offline before it was
    /// ever cached), or the browser could not give it scrypt's memory.
    Unavailable,
    /// Stored settings this build does not derive with.
    Refused(KdfProblem),
    /// The browser would not take the derived bytes as a key.
    Key(KeyError),
}

pub struct KdfWorker(WorkerSession);

impl KdfWorker {
    pub fn start() -> Result<Self, KdfFailure> {
        WorkerSession::start(WORKER_URL).map(Self).map_err(|_| KdfFailure::Unavailable)
    }

    /// The key-encryption key for `passphrase` under `params`, imported at once as a
    /// non-extractable AES-KW key. The derived bytes are zeroed wherever they were.
    pub async fn derive(self, passphrase: &str, params: &KdfParams) -> Result<Kek, KdfFailure> {
        self.0
            .send(&request(&[
                ("passphrase", passphrase.into()),
                ("salt", Uint8Array::from(&params.salt[..]).into()),
                ("log_n", params.log_n.into()),
                ("r", params.r.into()),
                ("p", params.p.into()),
            ]))
            .map_err(|_| KdfFailure::Unavailable)?;
        let reply = self.0.reply().await.map_err(|_| KdfFailure::Unavailable)?;
        if field(&reply, "ok").as_bool() != Some(true) {
            return Err(refusal(&reply));
        }
        let derived = Uint8Array::new(&field(&reply, "kek"));
        let mut bytes = [0u8; 32];
        if derived.length() as usize != bytes.len() {
            return Err(KdfFailure::Unavailable);
        }
        derived.copy_to(&mut bytes);
        derived.fill(0, 0, derived.length());
        keys::kek_from_derived(&mut bytes).await.map_err(KdfFailure::Key)
    }
}

fn refusal(reply: &JsValue) -> KdfFailure {
    let log_n = |name: &str| field(reply, name).as_f64().map(|n| n as u8);
    match (log_n("too_weak"), log_n("too_much_work")) {
        (Some(log_n), _) => KdfFailure::Refused(KdfProblem::TooWeak { log_n }),
        (_, Some(log_n)) => KdfFailure::Refused(KdfProblem::TooMuchWork { log_n }),
        _ => KdfFailure::Unavailable,
    }
}
