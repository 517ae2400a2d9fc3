//! The first load: the case list alone, handing over to the whole app (`src/bin/homeward_app.rs`)
//! for anything else (see `first_load`).

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    homeward::first_load::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Homeward runs in the browser: build it with `trunk build --release`.");
}
