//! The domain's closed vocabularies and the app's errors in the interface's language. Each
//! value is matched to a key of `locales/<language>/vocab.json` or `errors.json`, so a value
//! without a translation does not compile.

mod catalogue;
mod choices;
mod due;
mod errors;
mod history;
mod plan;
mod protection;
mod sign_off;

pub use catalogue::*;
pub use due::*;
pub use errors::*;
pub use history::*;
pub use plan::*;
pub use protection::*;
pub use sign_off::*;

use crate::domain::Language;
use crate::i18n::Locale;

/// The domain's language for the interface's: the demo's cases are written in it.
pub fn language(locale: Locale) -> Language {
    match locale {
        Locale::en => Language::En,
        Locale::es => Language::Es,
        Locale::fr => Language::Fr,
    }
}
