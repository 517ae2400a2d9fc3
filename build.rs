//! Generates the `i18n` module from `locales/<language>/<namespace>.json`. Every key used in the
//! code is checked at compile time; `tests/locales.rs` checks every language has every key.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

/// One file per part of the app, so a page's texts sit together and translators see context.
pub const NAMESPACES: [&str; 15] = [
    "app",
    "errors",
    "common",
    "cases",
    "storage",
    "plan",
    "checklist",
    "exchange",
    "print",
    "vocab",
    "catalogue",
    "demo",
    "workspaces",
    "moving",
    "reports",
];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    let module = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("i18n");
    // Texts with values ("You: {{ name }}") are also needed as plain strings: titles, attributes.
    let options = ParseOptions::default().interpolate_display(true);
    let cfg = Config::new("en")?.add_locales(["es", "fr"])?.add_namespaces(NAMESPACES)?.parse_options(options);
    let translations = TranslationsInfos::parse(cfg)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(module)?;
    Ok(())
}
