//! Consent and data sharing: who decided (the child, a caregiver, a guardian), about what (an
//! assessment, sharing with a named service, photos, a referral), what they decided, when and
//! how. A withdrawal is a record of its own, so what was given and when it was taken back both
//! stay. A referral made with no consent to share with its service is warned about in words,
//! never blocked: urgent protection comes first.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::choices::{lenient_option, Choice, ReferralStatus};
use super::items::{ItemList, ListItem, Referral};

choice!(
    /// Who gave, refused or withdrew a consent.
    Consenter {
        Child = "child": "The child",
        Caregiver = "caregiver": "A caregiver",
        Guardian = "guardian": "A legal guardian",
        Other = "other": "Someone else",
    }
);

choice!(
    /// What a consent is about.
    ConsentScope {
        Assessment = "assessment": "Assessment",
        Sharing = "sharing": "Sharing information with a service",
        Referral = "referral": "Referral to a service",
        Photos = "photos": "Photos",
    }
);

impl ConsentScope {
    /// Consents that name the service the child's information goes to.
    pub fn names_a_service(self) -> bool {
        matches!(self, Self::Sharing | Self::Referral)
    }
}

choice!(
    ConsentDecision {
        Given = "given": "Given",
        Refused = "refused": "Refused",
        Withdrawn = "withdrawn": "Withdrawn",
    }
);

choice!(
    /// How the decision was taken down.
    ConsentWay {
        Written = "written": "In writing",
        Verbal = "verbal": "Verbally",
        Recorded = "recorded": "Recorded (audio or video)",
        Other = "other": "Another way",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Consent {
    pub id: Uuid,
    #[serde(deserialize_with = "lenient_option")]
    pub who: Option<Consenter>,
    /// The person by name, so a caregiver of several is told apart.
    pub name: String,
    #[serde(deserialize_with = "lenient_option")]
    pub scope: Option<ConsentScope>,
    /// The service the information goes to, for sharing and referrals.
    pub with: String,
    #[serde(deserialize_with = "lenient_option")]
    pub decision: Option<ConsentDecision>,
    pub date: Option<NaiveDate>,
    #[serde(deserialize_with = "lenient_option")]
    pub how: Option<ConsentWay>,
    pub notes: String,
}

impl Default for Consent {
    fn default() -> Self {
        Self {
            id: Uuid::new_v4(),
            who: None,
            name: String::new(),
            scope: None,
            with: String::new(),
            decision: None,
            date: None,
            how: None,
            notes: String::new(),
        }
    }
}

impl ListItem for Consent {
    fn id(&self) -> Uuid {
        self.id
    }
}

impl Consent {
    /// Who decided, about what, and what: enough to act on.
    pub fn is_clear(&self) -> bool {
        self.who.is_some() && self.scope.is_some() && self.decision.is_some()
    }

    /// The same person taking back the same consent on `on`: a record of its own.
    pub fn withdrawal(&self, on: NaiveDate) -> Self {
        Self {
            who: self.who,
            name: self.name.clone(),
            scope: self.scope,
            with: self.with.clone(),
            decision: Some(ConsentDecision::Withdrawn),
            date: Some(on),
            ..Self::default()
        }
    }

    /// Whether it is about sharing the child's information with the service `to`.
    fn shares_with(&self, to: &str) -> bool {
        self.scope.is_some_and(ConsentScope::names_a_service) && same_service(&self.with, to)
    }
}

/// Two names of a service as workers type them: spaces around and case aside.
fn same_service(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    !a.is_empty() && a.to_lowercase() == b.to_lowercase()
}

impl Referral {
    /// Made, or further along: the child's information has gone to the service.
    pub fn has_gone_out(&self) -> bool {
        matches!(self.status, ReferralStatus::Made | ReferralStatus::Accepted | ReferralStatus::Completed)
    }
}

impl ItemList<Consent> {
    /// The decision that stands about sharing with the service `to`: the latest dated one
    /// (undated ones count as older than any dated one; among equals, the one written last).
    pub fn standing_on_sharing_with(&self, to: &str) -> Option<ConsentDecision> {
        self.iter()
            .enumerate()
            .filter(|(_, c)| c.shares_with(to) && c.decision.is_some())
            .max_by_key(|(i, c)| (c.date, *i))
            .and_then(|(_, c)| c.decision)
    }

    /// The referrals that have gone out with no consent standing to share with their service:
    /// none recorded, or the latest refused or withdrawn.
    pub fn referrals_without_consent<'a>(&self, referrals: &'a ItemList<Referral>) -> Vec<&'a Referral> {
        referrals
            .iter()
            .filter(|r| r.has_gone_out() && !r.to.trim().is_empty())
            .filter(|r| self.standing_on_sharing_with(&r.to) != Some(ConsentDecision::Given))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn sharing(with: &str, decision: ConsentDecision, date: &str) -> Consent {
        Consent {
            who: Some(Consenter::Caregiver),
            scope: Some(ConsentScope::Sharing),
            with: with.into(),
            decision: Some(decision),
            date: Some(d(date)),
            ..Consent::default()
        }
    }

    fn referral(to: &str, status: ReferralStatus) -> Referral {
        Referral { to: to.into(), status, ..Referral::default() }
    }

    #[test]
    fn a_referral_gone_out_needs_a_consent_standing_to_share_with_its_service() {
        let mut referrals = ItemList::default();
        referrals.push(referral("Clínica San José", ReferralStatus::Made));
        referrals.push(referral("Legal aid", ReferralStatus::Planned));
        let mut consents = ItemList::default();
        let missing = |c: &ItemList<Consent>| {
            c.referrals_without_consent(&referrals).iter().map(|r| r.to.clone()).collect::<Vec<_>>()
        };
        assert_eq!(missing(&consents), ["Clínica San José"], "a planned referral has shared nothing yet");

        consents.push(sharing("  clínica san josé ", ConsentDecision::Given, "2026-11-01"));
        assert!(missing(&consents).is_empty(), "the name as typed, spaces and case aside");

        let withdrawal = consents.iter().next().unwrap().withdrawal(d("2026-11-20"));
        assert_eq!(withdrawal.decision, Some(ConsentDecision::Withdrawn));
        assert_eq!(withdrawal.with, "  clínica san josé ");
        consents.push(withdrawal);
        assert_eq!(missing(&consents), ["Clínica San José"], "the latest decision stands");
        assert_eq!(consents.iter().count(), 2, "the consent given is kept beside its withdrawal");

        consents.push(sharing("Clínica San José", ConsentDecision::Given, "2026-11-25"));
        assert!(missing(&consents).is_empty());
    }

    #[test]
    fn a_consent_about_photos_or_another_service_does_not_cover_a_referral() {
        let mut referrals = ItemList::default();
        referrals.push(referral("School", ReferralStatus::Completed));
        let mut consents = ItemList::default();
        consents.push(Consent {
            scope: Some(ConsentScope::Photos),
            with: "School".into(),
            ..sharing("", ConsentDecision::Given, "2026-11-01")
        });
        consents.push(sharing("Clinic", ConsentDecision::Given, "2026-11-01"));
        assert_eq!(consents.referrals_without_consent(&referrals).len(), 1);
        let referral_consent =
            Consent { scope: Some(ConsentScope::Referral), ..sharing("School", ConsentDecision::Given, "2026-11-01") };
        consents.push(referral_consent);
        assert!(
            consents.referrals_without_consent(&referrals).is_empty(),
            "consent to the referral itself shares with it"
        );
    }

    #[test]
    fn a_consent_is_clear_with_who_what_and_the_decision() {
        let mut consent =
            Consent { who: Some(Consenter::Child), scope: Some(ConsentScope::Assessment), ..Consent::default() };
        assert!(!consent.is_clear());
        consent.decision = Some(ConsentDecision::Given);
        assert!(consent.is_clear());
        let read: Consent = serde_json::from_str(r#"{"who":"cousin","scope":"telepathy","decision":"given"}"#).unwrap();
        assert_eq!(
            (read.who, read.scope, read.decision),
            (None, None, Some(ConsentDecision::Given)),
            "unknown keys read as none"
        );
    }
}
