//! The demo's assessments: Valentina's first, before the plan, and the one before her first
//! overnight stay, so a trainer can show a full assessment, what changed between the two, and
//! the needs made from the first.

use chrono::NaiveDate;

use super::{day, tr};
use crate::domain::{Assessment, CareDomain, Language, Rating};

/// Sets a domain's rating and notes.
fn rate(assessment: &mut Assessment, domain: CareDomain, rating: Rating, notes: &str) {
    let rated = assessment.domain_mut(domain);
    rated.rating = Some(rating);
    rated.notes = notes.to_string();
}

/// At the start, in the residential home: rebuilding trust and income are the needs.
pub(super) fn valentina_first(today: NaiveDate, l: Language, by: &str) -> Assessment {
    let t = move |en, es, fr| tr(l, en, es, fr);
    let mut a = Assessment { date: Some(day(today, -130)), by: by.into(), ..Assessment::default() };
    rate(
        &mut a,
        CareDomain::Safety,
        Rating::Need,
        t(
            "Safe in the home; contact with her mother not yet tested beyond supervised visits.",
            "Segura en el hogar; el contacto con su madre aún no se ha probado más allá de las visitas supervisadas.",
            "En sécurité au foyer ; le contact avec sa mère n'a pas encore été essayé au-delà des visites supervisées.",
        ),
    );
    rate(
        &mut a,
        CareDomain::Health,
        Rating::Strength,
        t("Healthy; vaccinations up to date.", "Sana; vacunas al día.", "En bonne santé ; vaccins à jour."),
    );
    rate(
        &mut a,
        CareDomain::Education,
        Rating::Need,
        t(
            "Two years behind in reading after several changes of school.",
            "Dos años atrasada en lectura tras varios cambios de escuela.",
            "Deux ans de retard en lecture après plusieurs changements d'école.",
        ),
    );
    rate(
        &mut a,
        CareDomain::Family,
        Rating::Need,
        t(
            "Wants to live with her mother; trust still fragile after three years apart.",
            "Quiere vivir con su madre; la confianza aún es frágil tras tres años separadas.",
            "Veut vivre avec sa mère ; la confiance reste fragile après trois ans de séparation.",
        ),
    );
    rate(&mut a, CareDomain::Emotional, Rating::Managing, "");
    rate(
        &mut a,
        CareDomain::Living,
        Rating::UrgentNeed,
        t(
            "Her mother has no steady income; one room for two.",
            "Su madre no tiene ingresos estables; una habitación para dos.",
            "Sa mère n'a pas de revenu stable ; une pièce pour deux.",
        ),
    );
    rate(
        &mut a,
        CareDomain::Identity,
        Rating::Strength,
        t(
            "Birth certificate and ID card on file.",
            "Partida de nacimiento y documento de identidad en el expediente.",
            "Acte de naissance et carte d'identité au dossier.",
        ),
    );
    a
}

/// Before the first overnight stay: family and income better, her sleep and worry worse.
pub(super) fn valentina_second(first: &Assessment, today: NaiveDate, l: Language, by: &str) -> Assessment {
    let t = move |en, es, fr| tr(l, en, es, fr);
    let mut a = Assessment::following(Some(first), day(today, -23), by);
    rate(
        &mut a,
        CareDomain::Safety,
        Rating::Managing,
        t(
            "Weekend stays went well; her mother follows the safety plan.",
            "Las estancias de fin de semana fueron bien; su madre sigue el plan de seguridad.",
            "Les séjours du week-end se sont bien passés ; sa mère suit le plan de sécurité.",
        ),
    );
    rate(
        &mut a,
        CareDomain::Family,
        Rating::Managing,
        t(
            "Talks about home as 'ours' now; joint sessions continue.",
            "Ahora habla de la casa como 'nuestra'; siguen las sesiones conjuntas.",
            "Parle maintenant de la maison comme de « chez nous » ; les séances communes continuent.",
        ),
    );
    rate(
        &mut a,
        CareDomain::Emotional,
        Rating::Need,
        t(
            "Trouble sleeping and worry about the move.",
            "Problemas para dormir y preocupación por la mudanza.",
            "Troubles du sommeil et inquiétude face au retour.",
        ),
    );
    rate(
        &mut a,
        CareDomain::Living,
        Rating::Need,
        t(
            "Market job steadier; still one room.",
            "El trabajo en el mercado es más estable; sigue siendo una habitación.",
            "Le travail au marché est plus stable ; toujours une seule pièce.",
        ),
    );
    rate(&mut a, CareDomain::Disability, Rating::Strength, t("No disability.", "Sin discapacidad.", "Aucun handicap."));
    a
}
