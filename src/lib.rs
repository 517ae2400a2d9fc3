pub mod ascii_json;
pub mod crypto;
pub mod domain;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod context;
#[cfg(target_arch = "wasm32")]
mod crypto_workers;
#[cfg(target_arch = "wasm32")]
mod editor;
#[cfg(target_arch = "wasm32")]
pub mod first_load;
#[cfg(target_arch = "wasm32")]
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod kdf;
#[cfg(target_arch = "wasm32")]
mod offline;
#[cfg(target_arch = "wasm32")]
mod pages;
#[cfg(target_arch = "wasm32")]
pub mod storage;
#[cfg(target_arch = "wasm32")]
mod unlocking;
#[cfg(target_arch = "wasm32")]
mod vocabulary;
#[cfg(target_arch = "wasm32")]
mod worker_session;
#[cfg(target_arch = "wasm32")]
mod workspace;
