//! The demo's safety plans, for the two children placed with a family: Mateo with his
//! grandmother and Joaquín with the Duartes. Fictional, in the three languages side by side.

use chrono::NaiveDate;

use super::{day, tr};
use crate::domain::{Language, SafeContact, SafetyPlan};

fn contact(name: &str, how_to_reach: &str) -> SafeContact {
    SafeContact { name: name.into(), how_to_reach: how_to_reach.into(), ..SafeContact::default() }
}

/// Agreed with Carmen Cruz before Mateo moved; reviewed within the coming week.
pub(super) fn mateo(today: NaiveDate, l: Language) -> SafetyPlan {
    let d = move |n: i64| day(today, n);
    let t = move |en, es, fr| tr(l, en, es, fr);
    let mut plan = SafetyPlan {
        risks: t(
            "Carmen falling ill with no other adult in the house at night. Warning signs: Carmen unwell or missing her clinic visits, Mateo staying home from school to look after her, Mateo going quiet.",
            "Que Carmen enferme sin otro adulto en la casa por la noche. Señales de alerta: Carmen enferma o faltando a sus citas en la clínica, Mateo faltando a la escuela para cuidarla, Mateo que se vuelve callado.",
            "Carmen tombant malade sans autre adulte à la maison la nuit. Signes d'alerte : Carmen souffrante ou manquant ses rendez-vous au centre de santé, Mateo restant à la maison pour s'occuper d'elle, Mateo qui se renferme.",
        )
        .into(),
        caregivers_agreed: t(
            "Carmen agreed to keep her clinic appointments, to tell Marisol the same day if she is unwell, and to let Mateo stay with Doña Elena next door rather than miss school. His mother agreed to come for the weekend whenever Carmen is ill.",
            "Carmen acordó ir a sus citas en la clínica, avisar a Marisol el mismo día si se siente mal y dejar que Mateo se quede con doña Elena, la vecina, antes que faltar a la escuela. Su madre acordó venir el fin de semana siempre que Carmen esté enferma.",
            "Carmen s'est engagée à aller à ses rendez-vous au centre de santé, à prévenir Marisol le jour même si elle est souffrante, et à confier Mateo à Doña Elena, la voisine, plutôt que de le garder à la maison. Sa mère s'est engagée à venir le week-end chaque fois que Carmen est malade.",
        )
        .into(),
        checked_by: t(
            "The case worker, at each monthly visit, seeing Mateo alone",
            "La persona gestora del caso, en cada visita mensual, viendo a Mateo a solas",
            "La personne chargée du dossier, à chaque visite mensuelle, en voyant Mateo seul",
        )
        .into(),
        agreed_on: Some(d(-97)),
        review_on: Some(d(5)),
        ..SafetyPlan::default()
    };
    for (name, how) in [
        (
            t("Doña Elena, next door", "Doña Elena, la vecina de al lado", "Doña Elena, la voisine d'à côté"),
            t(
                "Knock on her back door at any hour",
                "Tocar su puerta trasera a cualquier hora",
                "Frapper à sa porte de derrière à toute heure",
            ),
        ),
        (
            t("His teacher, Ms Rivas", "Su maestra, la señora Rivas", "Son enseignante, Mme Rivas"),
            t("At school; she knows the plan", "En la escuela; conoce el plan", "À l'école ; elle connaît le plan"),
        ),
        (
            t("Child helpline", "Línea de ayuda a la infancia", "Ligne d'écoute pour enfants"),
            t(
                "Free call, number on the card in his school bag",
                "Llamada gratuita, el número está en la tarjeta de su mochila",
                "Appel gratuit, numéro sur la carte dans son cartable",
            ),
        ),
    ] {
        plan.contacts.push(contact(name, how));
    }
    plan
}

/// Agreed with the Duartes on the eve of Joaquín's move.
pub(super) fn joaquin(today: NaiveDate, l: Language) -> SafetyPlan {
    let d = move |n: i64| day(today, n);
    let t = move |en, es, fr| tr(l, en, es, fr);
    let mut plan = SafetyPlan {
        risks: t(
            "Anger that turns to hitting out when he feels blamed. Warning signs: slamming doors, refusing food, staying in his room after school.",
            "Enojo que se vuelve golpes cuando se siente culpado. Señales de alerta: portazos, rechazar la comida, encerrarse en su cuarto después de la escuela.",
            "De la colère qui tourne aux coups quand il se sent accusé. Signes d'alerte : portes qui claquent, refus de manger, rester dans sa chambre après l'école.",
        )
        .into(),
        caregivers_agreed: t(
            "Ana and Rafael agreed to give him a quiet corner and ten minutes before talking, never to punish by taking away his calls with his sister, and to call Tomás the same day after any incident.",
            "Ana y Rafael acordaron darle un rincón tranquilo y diez minutos antes de hablar, no castigarlo nunca quitándole las llamadas con su hermana, y llamar a Tomás el mismo día después de cualquier incidente.",
            "Ana et Rafael se sont engagés à lui laisser un coin calme et dix minutes avant d'en parler, à ne jamais le punir en supprimant ses appels avec sa sœur, et à appeler Tomás le jour même après tout incident.",
        )
        .into(),
        checked_by: t(
            "Tomás Ribeiro, at the visits every two weeks",
            "Tomás Ribeiro, en las visitas cada dos semanas",
            "Tomás Ribeiro, aux visites toutes les deux semaines",
        )
        .into(),
        agreed_on: Some(d(-41)),
        review_on: Some(d(50)),
        ..SafetyPlan::default()
    };
    for (name, how) in [
        (
            t("His sister Camila", "Su hermana Camila", "Sa sœur Camila"),
            t(
                "Her number is saved on the house phone",
                "Su número está guardado en el teléfono de la casa",
                "Son numéro est enregistré sur le téléphone de la maison",
            ),
        ),
        (
            t("The school counsellor", "La orientadora de la escuela", "La conseillère de l'école"),
            t(
                "Her office is open at every break",
                "Su oficina está abierta en cada recreo",
                "Son bureau est ouvert à chaque récréation",
            ),
        ),
    ] {
        plan.contacts.push(contact(name, how));
    }
    plan
}
