//! The domain's closed vocabularies and the app's errors in the interface's language. Each
//! value is matched to a key of `locales/<language>/vocab.json` or `errors.json`, so a value
//! without a translation does not compile.

mod catalogue;
mod choices;
mod due;
mod errors;
mod history;
mod plan;

pub use catalogue::*;
pub use due::*;
pub use errors::*;
pub use history::*;
pub use plan::*;
