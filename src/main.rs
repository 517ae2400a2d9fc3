#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(homeward::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Homeward runs in the browser: build it with `trunk build --release`.");
}
