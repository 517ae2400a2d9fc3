//! The domains an assessment rates, and the link from a need or a service back to the domain
//! it answers. Apart from `assessment.rs`, so the plan's items can name a domain without the
//! assessment's module and the items' importing each other.

use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

use super::choices::{Choice, ServiceType};

choice!(
    /// What an assessment looks at, one rating each.
    CareDomain {
        Safety = "safety": "Safety and protection",
        Health = "health": "Health",
        Education = "education": "Education",
        Family = "family": "Family relationships",
        Emotional = "emotional": "Emotional wellbeing and behaviour",
        Living = "living": "Living conditions and livelihood",
        Identity = "identity": "Identity and documents",
        Disability = "disability": "Disability and assistive needs",
    }
);

impl CareDomain {
    /// The kind of service that answers a need in this domain, where one kind does.
    pub fn service_kind(self) -> Option<ServiceType> {
        match self {
            Self::Health => Some(ServiceType::Health),
            Self::Education => Some(ServiceType::Education),
            Self::Emotional | Self::Family => Some(ServiceType::Psychosocial),
            Self::Living => Some(ServiceType::Livelihood),
            Self::Identity => Some(ServiceType::LegalDocumentation),
            Self::Disability => Some(ServiceType::Disability),
            Self::Safety => None,
        }
    }
}

/// Where a need or a service came from: a domain of an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FromAssessment {
    pub assessment: Uuid,
    pub domain: CareDomain,
}

/// Reads the link, dropping it (not the item) when its domain is one this build does not know.
pub fn lenient_from<'de, D: Deserializer<'de>>(d: D) -> Result<Option<FromAssessment>, D::Error> {
    #[derive(Deserialize)]
    struct Raw {
        assessment: Uuid,
        domain: String,
    }
    let raw = Option::<Raw>::deserialize(d)?;
    Ok(raw.and_then(|r| {
        CareDomain::from_key(&r.domain).map(|domain| FromAssessment { assessment: r.assessment, domain })
    }))
}
