//! The case model and its rules. Pure Rust: nothing here may import a web crate, so every rule
//! is tested natively with `cargo test`.

#[macro_use]
pub mod choices;
pub mod assessment;
pub mod backup;
pub mod care_domain;
pub mod case;
pub mod case_list;
pub mod case_number;
pub mod checklist;
pub mod closure;
pub mod concurrent;
pub mod consent;
pub mod deletion;
pub mod demo;
pub mod due;
pub mod exchange;
pub mod handover;
pub mod history;
mod history_reading;
pub mod household;
pub mod items;
pub mod kept;
pub mod language;
pub mod legacy;
pub mod monitoring;
pub mod overview;
pub mod passphrase;
pub mod paths;
pub mod plan;
pub mod protection;
pub mod report;
pub mod safety_plan;
pub mod section;
pub mod sign_off;
pub mod stored_dates;
pub mod validation;

pub use assessment::{Assessment, CareDomain, FromAssessment, Rating};
pub use case::{Case, CaseDeadlines, CaseId, CaseSummary, ChecklistCounts};
pub use case_number::{CaseNumber, DeviceCode};
pub use choices::*;
pub use consent::{Consent, ConsentDecision, ConsentScope, ConsentWay, Consenter};
pub use due::{DueItem, DuePlace, DueState, DueWhat};
pub use household::{Caregiving, Person, Relationship};
pub use items::{Action, ItemList, ProtectionNeed, Referral, Service};
pub use language::Language;
pub use monitoring::{Monitoring, VisitFrequency};
pub use plan::*;
pub use safety_plan::{LinkedRecord, SafeContact, SafetyPlan};
pub use section::{Section, SectionState};
pub use validation::{validate, Problem, ProblemKind};
