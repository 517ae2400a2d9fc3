pub mod domain;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod app;
