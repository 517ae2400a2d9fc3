//! The demo's decisions on consent: Valentina's, with a consent to photos given and later
//! withdrawn, and her urgent referral made before anyone could be asked (the warning a trainer
//! shows); Mateo's grandmother's consent for the school.

use chrono::NaiveDate;

use crate::domain::{Consent, ConsentDecision, ConsentScope, ConsentWay, Consenter};

/// A decision as the demo records it, `on` the day given.
pub(super) fn decision(
    who: Consenter,
    name: &str,
    scope: ConsentScope,
    with: &str,
    decision: ConsentDecision,
    on: NaiveDate,
    how: ConsentWay,
) -> Consent {
    Consent {
        who: Some(who),
        name: name.into(),
        scope: Some(scope),
        with: with.into(),
        decision: Some(decision),
        date: Some(on),
        how: Some(how),
        ..Consent::default()
    }
}
