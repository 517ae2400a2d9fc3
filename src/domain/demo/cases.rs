//! Demo cases 1–4: a reunification with things overdue, a kinship placement handed over to a new
//! worker, a foster placement (also in the exercise file, edited there by a colleague) and a
//! small group home placement nearly complete. Every person and place is fictional. Each text is
//! given in English, Spanish and French, side by side (`t(en, es, fr)`).

use chrono::NaiveDate;

use super::assessments;
use super::consents::decision;
use super::{
    approve_plan, checklist, day, finish_open, link_safety_plan, milestone, need_about, organisation, referral,
    referral_to, relative, safety_plans, tr, Builder, SUPERVISOR,
};
use crate::domain::checklist::ChecklistStatus::{Done as D, InProgress as P, NotApplicable as NA, NotStarted as N};
use crate::domain::checklist::Milestone;
use crate::domain::handover::Handover;
use crate::domain::household::{Caregiving, Relationship};
use crate::domain::monitoring::{SeenAlone, Visit};
use crate::domain::plan::CaseWorker;
use crate::domain::{
    Action, Case, ChildAgreement, Determination, ItemStatus, Language, PlacementType, PlanStatus, ProtectionNeed,
    ReferralStatus as R, Service, ServiceType, Sex, VisitFrequency,
};
use crate::domain::{CareDomain, ConsentDecision, ConsentScope, ConsentWay, Consenter, FromAssessment};

pub(super) fn worker(l: Language, name: &str, role: &str, email: &str, since: NaiveDate) -> CaseWorker {
    CaseWorker {
        name: name.into(),
        role: role.into(),
        organisation: organisation(l).into(),
        contact: format!("{email}@example.org"),
        since: Some(since),
    }
}

/// About `years` old on `today`.
pub(super) fn born(today: NaiveDate, years: i64, days: i64) -> Option<NaiveDate> {
    Some(day(today, -(years * 365 + years / 4 + days)))
}

/// The start of Joaquín's need about anger, to find it again (in the demo and the exercise file).
pub(super) fn anger(l: Language) -> &'static str {
    tr(l, "Needs help to manage anger", "Necesita ayuda para manejar el enojo", "A besoin d'aide pour gérer sa colère")
}

/// Case 1: Reunification with her mother, active, with overdue activities, an overdue monitoring
/// visit, a late action from a visit's follow-up and an urgent referral still unanswered.
pub(super) fn valentina(today: NaiveDate, l: Language) -> Case {
    let d = move |n: i64| day(today, n);
    let t = move |en, es, fr| tr(l, en, es, fr);
    let lucia = "Lucía Fernández";
    let counselling_centre = t(
        "Example Family Counselling Centre",
        "Centro de Consejería Familiar Ejemplo",
        "Centre de conseil familial Exemple",
    );
    let social_services =
        t("Example Town social services", "Servicios sociales de Villa Ejemplo", "Services sociaux de Ville-Exemple");
    let mut b = Builder::start(1, today, -130, "Valentina Quispe", lucia, PlacementType::Reunification);
    b.edit(lucia, -130, (10, 5), |c, _| {
        c.plan.assessments.push(assessments::valentina_first(today, l, lucia));
        c.plan.consents.push(decision(
            Consenter::Child,
            "Valentina Quispe",
            ConsentScope::Assessment,
            "",
            ConsentDecision::Given,
            d(-130),
            ConsentWay::Verbal,
        ));
        c.plan.worker = worker(
            l,
            lucia,
            t("Social worker", "Trabajadora social", "Assistante sociale"),
            "lucia.fernandez",
            d(-130),
        );
        let child = &mut c.plan.child;
        child.birth_date = born(today, 11, 150);
        child.sex = Some(Sex::Female);
        child.languages = t(
            "Spanish; some Quechua, her mother's first language",
            "Español; algo de quechua, la lengua materna de su madre",
            "Espagnol ; un peu de quechua, la langue maternelle de sa mère",
        )
        .into();
        child.current_setting = t(
            "Residential care at Example Children's Service, Hillside house, for three years",
            "Acogimiento residencial en el Servicio Infantil Ejemplo, Casa Colina, desde hace tres años",
            "Accueil en établissement au Service de l'enfance Exemple, Maison des Collines, depuis trois ans",
        )
        .into();
        let placement = &mut c.plan.placement;
        placement.location = t(
            "Her mother's home, north district of Example Town",
            "Casa de su madre, distrito norte de Villa Ejemplo",
            "Domicile de sa mère, quartier nord de Ville-Exemple",
        )
        .into();
        c.plan.household.push(relative(
            "Elena Mamani",
            Relationship::Mother,
            Some(Sex::Female),
            Caregiving::Planned,
            false,
            t(
                "Works mornings at the market; the child will live with her",
                "Trabaja por las mañanas en el mercado; la niña vivirá con ella",
                "Travaille le matin au marché ; l'enfant vivra avec elle",
            ),
        ));
        placement.planned_date = Some(d(25));
        c.plan.start_date = Some(d(-100));
        c.plan.next_review = Some(d(20));
    });
    b.edit(lucia, -128, (14, 20), |c, _| {
        let photos = ConsentScope::Photos;
        let given = decision(Consenter::Caregiver, "Elena Mamani", photos, "", ConsentDecision::Given, d(-128), ConsentWay::Written);
        c.plan.consents.push(given);
        let p = &mut c.plan;
        p.needs.push(ProtectionNeed {
            need: t(
                "Needs support to rebuild trust with her mother after three years in residential care",
                "Necesita apoyo para reconstruir la confianza con su madre después de tres años en acogimiento residencial",
                "A besoin de soutien pour rétablir la confiance avec sa mère après trois ans en établissement",
            )
            .into(),
            response: t(
                "Supervised family visits moving to weekend stays; joint sessions with the family counsellor",
                "Visitas familiares supervisadas que pasan a estancias de fin de semana; sesiones conjuntas con la consejera familiar",
                "Visites familiales supervisées évoluant vers des séjours le week-end ; séances communes avec la conseillère familiale",
            )
            .into(),
            by_whom: t(
                "Lucía Fernández and the family counsellor",
                "Lucía Fernández y la consejera familiar",
                "Lucía Fernández et la conseillère familiale",
            )
            .into(),
            by_when: Some(d(20)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.needs.push(ProtectionNeed {
            need: t(
                "The household needs a stable income to meet basic needs before Valentina returns",
                "El hogar necesita un ingreso estable para cubrir las necesidades básicas antes del regreso de Valentina",
                "Le foyer a besoin d'un revenu stable pour couvrir les besoins essentiels avant le retour de Valentina",
            )
            .into(),
            response: t(
                "Referral to the municipal livelihood programme; budgeting sessions with Elena",
                "Derivación al programa municipal de medios de vida; sesiones de manejo del presupuesto con Elena",
                "Orientation vers le programme municipal de moyens de subsistance ; séances de gestion du budget avec Elena",
            )
            .into(),
            by_whom: lucia.into(),
            by_when: Some(d(-10)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.needs.push(ProtectionNeed {
            need: t(
                "Behind in reading after several changes of school",
                "Atrasada en lectura tras varios cambios de escuela",
                "En retard en lecture après plusieurs changements d'école",
            )
            .into(),
            response: t(
                "Catch-up reading classes; transfer to the primary school near her mother's home",
                "Clases de nivelación en lectura; traslado a la escuela primaria cercana a la casa de su madre",
                "Cours de rattrapage en lecture ; transfert à l'école primaire proche du domicile de sa mère",
            )
            .into(),
            by_whom: t(
                "Class teacher, Example Primary School",
                "Maestra de grado, Escuela Primaria Ejemplo",
                "Enseignante de la classe, École primaire Exemple",
            )
            .into(),
            by_when: Some(d(40)),
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Psychosocial,
            description: t(
                "Weekly counselling to prepare for the move home, then joint sessions with her mother",
                "Consejería semanal para preparar el regreso a casa y luego sesiones conjuntas con su madre",
                "Accompagnement psychologique hebdomadaire pour préparer le retour, puis séances communes avec sa mère",
            )
            .into(),
            provider: counselling_centre.into(),
            location: t("Centre, room 4", "Centro, sala 4", "Centre, salle 4").into(),
            by_when: Some(d(30)),
            urgent: true,
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Education,
            description: t(
                "Enrolment and catch-up reading classes",
                "Inscripción y clases de nivelación en lectura",
                "Inscription et cours de rattrapage en lecture",
            )
            .into(),
            provider: t(
                "Example Primary School, north district",
                "Escuela Primaria Ejemplo, distrito norte",
                "École primaire Exemple, quartier nord",
            )
            .into(),
            by_when: Some(d(20)),
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Livelihood,
            description: t(
                "Municipal livelihood programme for Elena Mamani",
                "Programa municipal de medios de vida para Elena Mamani",
                "Programme municipal de moyens de subsistance pour Elena Mamani",
            )
            .into(),
            provider: social_services.into(),
            by_when: Some(d(-5)),
            ..Default::default()
        });
        p.actions.push(Action {
            what: t(
                "Write the home visit report for the reunification panel",
                "Redactar el informe de la visita domiciliaria para el comité de reunificación",
                "Rédiger le rapport de visite à domicile pour la commission de réunification",
            )
            .into(),
            responsible: lucia.into(),
            by_when: Some(d(-3)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.actions.push(Action {
            what: t(
                "Arrange Valentina's first weekend stay at her mother's home",
                "Organizar la primera estancia de fin de semana de Valentina en casa de su madre",
                "Organiser le premier séjour de week-end de Valentina chez sa mère",
            )
            .into(),
            responsible: lucia.into(),
            by_when: Some(d(6)),
            ..Default::default()
        });
        p.monitoring.frequency = Some(VisitFrequency::EveryTwoWeeks);
        p.monitoring.notes = t(
            "Visits alternate between Hillside house and the mother's home until the move.",
            "Las visitas se alternan entre Casa Colina y la casa de la madre hasta la mudanza.",
            "Les visites alternent entre la Maison des Collines et le domicile de la mère jusqu'au retour.",
        )
        .into();
        // The needs the first assessment led to, linked back to its domains.
        let first = c.plan.assessments.iter().next().map(|a| a.id).expect("the first assessment");
        let from = |domain| Some(FromAssessment { assessment: first, domain });
        need_about(c, t("Behind in reading", "Atrasada en lectura", "En retard en lecture")).from = from(CareDomain::Education);
        need_about(c, t("The household needs", "El hogar necesita", "Le foyer a besoin")).from = from(CareDomain::Living);
    });
    let key_worker = t(
        "Key worker, Hillside house",
        "Educadora de referencia, Casa Colina",
        "Éducatrice référente, Maison des Collines",
    );
    b.edit(lucia, -125, (11, 0), |c, _| {
        checklist(
            c,
            today,
            &[
                (
                    "family_visits",
                    P,
                    lucia,
                    -2,
                    t(
                        "Saturday visits go well; the first overnight stay is still to arrange",
                        "Las visitas de los sábados van bien; falta organizar la primera pernoctación",
                        "Les visites du samedi se passent bien ; la première nuit sur place reste à organiser",
                    ),
                ),
                (
                    "care_setting",
                    N,
                    t("Elena Mamani with Lucía Fernández", "Elena Mamani con Lucía Fernández", "Elena Mamani avec Lucía Fernández"),
                    -7,
                    t(
                        "A bed of her own and a place to do homework are needed",
                        "Hacen falta una cama propia y un lugar para hacer las tareas",
                        "Il lui faut un lit à elle et un endroit pour faire ses devoirs",
                    ),
                ),
                ("counselling", P, counselling_centre, 30, ""),
                (
                    "family_strengthening",
                    P,
                    lucia,
                    15,
                    t(
                        "Budgeting sessions every second Thursday",
                        "Sesiones de presupuesto cada dos jueves",
                        "Séances de budget un jeudi sur deux",
                    ),
                ),
                (
                    "positive_parenting",
                    N,
                    counselling_centre,
                    -4,
                    t(
                        "Group starts each month; Elena has not joined yet",
                        "El grupo empieza cada mes; Elena todavía no se ha sumado",
                        "Un groupe démarre chaque mois ; Elena ne s'y est pas encore inscrite",
                    ),
                ),
                (
                    "school_transfer",
                    N,
                    t("Example Primary School", "Escuela Primaria Ejemplo", "École primaire Exemple"),
                    18,
                    "",
                ),
                ("safety_plan", N, lucia, 10, ""),
                ("life_book", P, key_worker, -60, ""),
                (
                    "addiction",
                    NA,
                    "",
                    0,
                    t(
                        "No alcohol or drug use by Valentina or in the household (assessment, first month)",
                        "Sin consumo de alcohol ni drogas por parte de Valentina ni en el hogar (evaluación del primer mes)",
                        "Aucune consommation d'alcool ni de drogues par Valentina ni dans le foyer (évaluation du premier mois)",
                    ),
                ),
                (
                    "assistive_devices",
                    NA,
                    "",
                    0,
                    t(
                        "Valentina has no disability needing devices or adaptations",
                        "Valentina no tiene una discapacidad que requiera ayudas técnicas o adaptaciones",
                        "Valentina n'a pas de handicap nécessitant des aides techniques ou des aménagements",
                    ),
                ),
                (
                    "disability_services",
                    NA,
                    "",
                    0,
                    t("No disability identified", "No se identificó ninguna discapacidad", "Aucun handicap identifié"),
                ),
            ],
        );
    });
    b.edit(lucia, -115, (16, 45), |c, _| {
        let bi = &mut c.plan.best_interests;
        bi.assessment_date = Some(d(-115));
        bi.determination = Determination::NotNeeded;
        bi.outcome = t(
            "Going home to her mother is in Valentina's best interests, with support for the household and close monitoring in the first six months.",
            "Volver con su madre responde al interés superior de Valentina, con apoyo al hogar y un seguimiento cercano durante los primeros seis meses.",
            "Le retour chez sa mère est dans l'intérêt supérieur de Valentina, avec un soutien au foyer et un suivi rapproché pendant les six premiers mois.",
        )
        .into();
    });
    b.edit(lucia, -110, (15, 10), |c, _| {
        let p = &mut c.plan.participation;
        p.child_views = t(
            "I want to live with my mum again and go to the school near her house. I'm a bit scared it will be like before, so I want Lucía to keep coming.",
            "Quiero volver a vivir con mi mamá e ir a la escuela que está cerca de su casa. Me da un poco de miedo que sea como antes, por eso quiero que Lucía siga viniendo.",
            "Je veux revivre avec ma maman et aller à l'école près de chez elle. J'ai un peu peur que ce soit comme avant, alors je veux que Lucía continue de venir.",
        )
        .into();
        p.consulted_on = Some(d(-110));
        p.consulted_how = t(
            "Talk during an art session at Hillside house, with her key worker present",
            "Conversación durante un taller de arte en Casa Colina, con su educadora de referencia presente",
            "Échange pendant un atelier d'art à la Maison des Collines, en présence de son éducatrice référente",
        )
        .into();
        p.child_agrees = ChildAgreement::Agrees;
        p.family_views = t(
            "Elena wants Valentina home and asked for help with school costs. Valentina's aunt Julia offers to look after her after school.",
            "Elena quiere que Valentina vuelva a casa y pidió ayuda con los gastos escolares. Julia, la tía de Valentina, se ofrece a cuidarla después de la escuela.",
            "Elena souhaite le retour de Valentina et a demandé de l'aide pour les frais de scolarité. Julia, la tante de Valentina, propose de s'occuper d'elle après l'école.",
        )
        .into();
    });
    b.edit(lucia, -100, (9, 40), |c, _| {
        c.plan.status = PlanStatus::Active;
        c.plan.referrals.push(referral(
            ServiceType::Livelihood,
            t(
                "Example Town social services, livelihood programme",
                "Servicios sociales de Villa Ejemplo, programa de medios de vida",
                "Services sociaux de Ville-Exemple, programme de moyens de subsistance",
            ),
            t(
                "A stable income for the household before Valentina returns",
                "Un ingreso estable para el hogar antes del regreso de Valentina",
                "Un revenu stable pour le foyer avant le retour de Valentina",
            ),
            false,
            d(-100),
            &[(R::Made, d(-100))],
        ));
        let livelihood = c.plan.referrals.iter().last().map(|r| r.to.clone()).unwrap_or_default();
        let sharing = ConsentScope::Sharing;
        let given = decision(
            Consenter::Caregiver,
            "Elena Mamani",
            sharing,
            &livelihood,
            ConsentDecision::Given,
            d(-101),
            ConsentWay::Written,
        );
        c.plan.consents.push(given);
    });
    b.edit(lucia, -80, (12, 0), |c, _| {
        let r = referral_to(c, social_services);
        r.set_status(R::Accepted, d(-80));
        r.feedback = t(
            "Elena is enrolled in the next intake of the sewing cooperative; first payment expected next month.",
            "Elena está inscrita en el próximo grupo de la cooperativa de costura; el primer pago se espera el mes que viene.",
            "Elena est inscrite dans la prochaine promotion de la coopérative de couture ; premier versement attendu le mois prochain.",
        )
        .into();
        r.feedback_on = Some(d(-80));
    });
    b.edit(lucia, -60, (17, 5), |c, _| {
        // Elena took back her consent to photos after one was shown at a meeting.
        let photos = c.plan.consents.iter().find(|x| x.scope == Some(ConsentScope::Photos)).map(|x| x.withdrawal(d(-60)));
        if let Some(mut withdrawn) = photos {
            withdrawn.how = Some(ConsentWay::Verbal);
            c.plan.consents.push(withdrawn);
        }
        checklist(
            c,
            today,
            &[(
                "life_book",
                D,
                key_worker,
                -61,
                t("Valentina chose the photos herself", "Valentina eligió las fotos ella misma", "Valentina a choisi les photos elle-même"),
            )],
        );
        c.plan.monitoring.visits.push(Visit {
            place: t(
                "Hillside house, then her mother's home",
                "Casa Colina y luego la casa de su madre",
                "Maison des Collines, puis le domicile de sa mère",
            )
            .into(),
            seen: t(
                "Valentina and her key worker; Elena Mamani",
                "Valentina y su educadora de referencia; Elena Mamani",
                "Valentina et son éducatrice référente ; Elena Mamani",
            )
            .into(),
            seen_alone: SeenAlone::Yes,
            wellbeing: t(
                "Relaxed and chatty, proud of her reading certificate. Eating and sleeping well, says her key worker.",
                "Tranquila y conversadora, orgullosa de su diploma de lectura. Come y duerme bien, según su educadora de referencia.",
                "Détendue et bavarde, fière de son diplôme de lecture. Elle mange et dort bien, selon son éducatrice référente.",
            )
            .into(),
            services_checked: t(
                "Counselling attended every week. Livelihood referral accepted.",
                "Asistió a la consejería todas las semanas. Derivación de medios de vida aceptada.",
                "Séances d'accompagnement suivies chaque semaine. Orientation vers le programme de subsistance acceptée.",
            )
            .into(),
            concerns: t("None raised.", "No se plantearon.", "Aucune signalée.").into(),
            ..Visit::new(d(-60), lucia)
        });
    });
    b.edit(lucia, -37, (18, 30), |c, _| {
        c.plan.monitoring.visits.push(Visit {
            place: t("Her mother's home, north district", "Casa de su madre, distrito norte", "Domicile de sa mère, quartier nord").into(),
            seen: t(
                "Valentina and Elena Mamani during a Saturday visit; aunt Julia briefly",
                "Valentina y Elena Mamani durante una visita de sábado; la tía Julia por un momento",
                "Valentina et Elena Mamani lors d'une visite du samedi ; la tante Julia brièvement",
            )
            .into(),
            seen_alone: SeenAlone::Yes,
            wellbeing: t(
                "Warm time together. The home is clean and tidy; Valentina still has no bed of her own there.",
                "Un rato cálido juntas. La casa está limpia y ordenada; Valentina todavía no tiene cama propia allí.",
                "Un moment chaleureux ensemble. Le logement est propre et rangé ; Valentina n'y a toujours pas de lit à elle.",
            )
            .into(),
            services_checked: t(
                "Counselling attended. The school transfer has not started.",
                "Asiste a la consejería. El traslado de escuela no ha comenzado.",
                "Accompagnement suivi. Le transfert d'école n'a pas commencé.",
            )
            .into(),
            concerns: t(
                "Valentina says she sometimes cannot sleep before visits. The bed promised for the home has not arrived.",
                "Valentina dice que a veces no puede dormir antes de las visitas. La cama prometida para la casa no ha llegado.",
                "Valentina dit qu'elle n'arrive parfois pas à dormir avant les visites. Le lit promis pour le logement n'est pas arrivé.",
            )
            .into(),
            follow_up: t(
                "Ask for a sleep and worry assessment; follow up the bed with social services",
                "Solicitar una evaluación del sueño y la ansiedad; dar seguimiento a la cama con servicios sociales",
                "Demander une évaluation du sommeil et de l'anxiété ; relancer les services sociaux pour le lit",
            )
            .into(),
            ..Visit::new(d(-37), lucia)
        });
        let visit = c.plan.monitoring.visits.0.last_mut().expect("just logged");
        let action = Action { by_when: Some(d(-9)), ..visit.as_action() };
        visit.follow_up_action = Some(action.id);
        c.plan.actions.push(action);
    });
    b.edit(lucia, -23, (10, 15), |c, _| {
        let first = c.plan.assessments.iter().next().cloned().expect("the first assessment");
        c.plan.assessments.push(assessments::valentina_second(&first, today, l, lucia));
        c.plan.monitoring.visits.push(Visit {
            place: t("Hillside house", "Casa Colina", "Maison des Collines").into(),
            seen: t(
                "Valentina; her key worker",
                "Valentina; su educadora de referencia",
                "Valentina ; son éducatrice référente",
            )
            .into(),
            seen_alone: SeenAlone::Yes,
            wellbeing: t(
                "Tired but in good spirits; looking forward to the weekend stay.",
                "Cansada pero de buen ánimo; con ganas de la estancia de fin de semana.",
                "Fatiguée mais de bonne humeur ; elle attend avec impatience le séjour du week-end.",
            )
            .into(),
            services_checked: t("Counselling attended.", "Asiste a la consejería.", "Accompagnement suivi.").into(),
            concerns: t(
                "Still sleeping badly before visits.",
                "Sigue durmiendo mal antes de las visitas.",
                "Dort toujours mal avant les visites.",
            )
            .into(),
            ..Visit::new(d(-23), lucia)
        });
    });
    b.edit(lucia, -12, (11, 50), |c, _| {
        c.plan.referrals.push(referral(ServiceType::Psychosocial,
            t(
                "Example District Health Centre, child and adolescent mental health",
                "Centro de Salud Distrital Ejemplo, salud mental infantil y adolescente",
                "Centre de santé de district Exemple, santé mentale de l'enfant et de l'adolescent",
            ),
            t(
                "Trouble sleeping and worry about the move; an assessment is asked for before the first overnight stay",
                "Problemas para dormir y preocupación por la mudanza; se pide una evaluación antes de la primera pernoctación",
                "Troubles du sommeil et inquiétude face au retour ; une évaluation est demandée avant la première nuit sur place",
            ),
            true,
            d(-12),
            &[(R::Made, d(-12))],
        ));
        milestone(
            c,
            Milestone::Prepared,
            None,
            t(
                "Family visits every Saturday; counselling under way",
                "Visitas familiares todos los sábados; consejería en curso",
                "Visites familiales chaque samedi ; accompagnement en cours",
            ),
        );
    });
    b.done()
}

/// Case 2: Kinship care with his grandmother: placed, handed over from Marisol Huamán to Daniel
/// Mensah (one handover point left undone), with things due this week.
pub(super) fn mateo(today: NaiveDate, l: Language) -> Case {
    let d = move |n: i64| day(today, n);
    let t = move |en, es, fr| tr(l, en, es, fr);
    let (marisol, daniel) = ("Marisol Huamán", "Daniel Mensah");
    let school = t("San Example Primary School", "Escuela Primaria San Ejemplo", "École primaire de Saint-Exemple");
    let therapy_team = t(
        "Example Children's Service therapy team",
        "Equipo de terapia del Servicio Infantil Ejemplo",
        "Équipe de thérapie du Service de l'enfance Exemple",
    );
    let grandmother = t("His grandmother", "Su abuela", "Sa grand-mère");
    let no_disability = t("No disability", "Sin discapacidad", "Aucun handicap");
    let mut b = Builder::start(2, today, -200, "Mateo Cruz", marisol, PlacementType::Kinship);
    b.edit(marisol, -199, (9, 30), |c, _| {
        c.plan.worker =
            worker(l, marisol, t("Case worker", "Gestora de casos", "Gestionnaire de cas"), "marisol.huaman", d(-200));
        c.plan.status = PlanStatus::Active;
        c.plan.start_date = Some(d(-195));
        c.plan.next_review = Some(d(10));
        let child = &mut c.plan.child;
        child.birth_date = born(today, 8, 40);
        child.sex = Some(Sex::Male);
        child.languages = t("Spanish", "Español", "Espagnol").into();
        child.current_setting = t(
            "Example Children's Service, Riverside house, for two years",
            "Servicio Infantil Ejemplo, Casa Ribera, desde hace dos años",
            "Service de l'enfance Exemple, Maison de la Rivière, depuis deux ans",
        )
        .into();
        let placement = &mut c.plan.placement;
        placement.location = t(
            "His grandmother's home, San Example neighbourhood",
            "Casa de su abuela, barrio San Ejemplo",
            "Domicile de sa grand-mère, quartier Saint-Exemple",
        )
        .into();
        c.plan.household.push(relative(
            "Carmen Cruz",
            Relationship::Grandparent,
            Some(Sex::Female),
            Caregiving::Now,
            true,
            t("Maternal grandmother", "Abuela materna", "Grand-mère maternelle"),
        ));
        placement.planned_date = Some(d(-90));
        c.plan.monitoring.frequency = Some(VisitFrequency::Monthly);
    });
    b.edit(marisol, -190, (10, 0), |c, _| {
        let p = &mut c.plan;
        p.needs.push(ProtectionNeed {
            need: t(
                "Needs a steady routine and a trusted adult to talk to after the move",
                "Necesita una rutina estable y un adulto de confianza con quien hablar después de la mudanza",
                "A besoin d'une routine stable et d'un adulte de confiance à qui parler après le déménagement",
            )
            .into(),
            response: t(
                "Play therapy; the same teacher all year; weekly call with his mother",
                "Terapia de juego; el mismo maestro todo el año; llamada semanal con su madre",
                "Thérapie par le jeu ; le même enseignant toute l'année ; appel hebdomadaire avec sa mère",
            )
            .into(),
            by_whom: marisol.into(),
            by_when: Some(d(-60)),
            status: ItemStatus::Done,
            ..Default::default()
        });
        p.needs.push(ProtectionNeed {
            need: t(
                "His grandmother (68) needs help with the daily care of an active 8-year-old",
                "Su abuela (68 años) necesita ayuda con el cuidado diario de un niño activo de 8 años",
                "Sa grand-mère (68 ans) a besoin d'aide pour s'occuper au quotidien d'un enfant actif de 8 ans",
            )
            .into(),
            response: t(
                "Respite one weekend a month; his uncle helps after school",
                "Respiro un fin de semana al mes; su tío ayuda después de la escuela",
                "Répit un week-end par mois ; son oncle aide après l'école",
            )
            .into(),
            by_whom: t(
                "Case worker with the family",
                "La gestora del caso con la familia",
                "La gestionnaire de cas avec la famille",
            )
            .into(),
            by_when: Some(d(5)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Health,
            description: t(
                "Health records and asthma follow-up moved to the local clinic",
                "Historia clínica y seguimiento del asma trasladados a la clínica local",
                "Dossier médical et suivi de l'asthme transférés au centre de santé local",
            )
            .into(),
            provider: t(
                "San Example community clinic",
                "Clínica comunitaria San Ejemplo",
                "Centre de santé communautaire de Saint-Exemple",
            )
            .into(),
            by_when: Some(d(-95)),
            status: ItemStatus::Done,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Education,
            description: t("Place in year 3", "Vacante en tercer grado", "Place en CE2").into(),
            provider: school.into(),
            by_when: Some(d(-90)),
            status: ItemStatus::Done,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Psychosocial,
            description: t(
                "Play therapy every two weeks",
                "Terapia de juego cada dos semanas",
                "Thérapie par le jeu toutes les deux semaines",
            )
            .into(),
            provider: therapy_team.into(),
            by_when: Some(d(30)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.actions.push(Action {
            what: t(
                "Apply for the kinship carer allowance with Carmen Cruz",
                "Solicitar con Carmen Cruz la asignación para familiares cuidadores",
                "Demander avec Carmen Cruz l'allocation pour proche accueillant",
            )
            .into(),
            responsible: marisol.into(),
            by_when: Some(d(4)),
            ..Default::default()
        });
        p.participation.child_views = t(
            "I like living with my grandma. I want to keep playing football on Saturdays. Sometimes I miss my friends at Riverside.",
            "Me gusta vivir con mi abuelita. Quiero seguir jugando fútbol los sábados. A veces extraño a mis amigos de Casa Ribera.",
            "J'aime vivre chez ma mamie. Je veux continuer le foot le samedi. Parfois, mes copains de la Maison de la Rivière me manquent.",
        )
        .into();
        p.participation.consulted_on = Some(d(-190));
        p.participation.consulted_how = t(
            "Drawing and talking with Marisol at Riverside house",
            "Dibujo y conversación con Marisol en Casa Ribera",
            "Dessin et discussion avec Marisol à la Maison de la Rivière",
        )
        .into();
        p.participation.child_agrees = ChildAgreement::Agrees;
        p.participation.family_views = t(
            "Carmen wants Mateo to stay with her for good. She worries about her health and asked for help at weekends. His mother agrees and visits monthly.",
            "Carmen quiere que Mateo se quede con ella de forma permanente. Le preocupa su salud y pidió ayuda los fines de semana. Su madre está de acuerdo y lo visita cada mes.",
            "Carmen souhaite que Mateo reste avec elle pour de bon. Elle s'inquiète pour sa santé et a demandé de l'aide le week-end. Sa mère est d'accord et lui rend visite chaque mois.",
        )
        .into();
        p.best_interests.assessment_date = Some(d(-185));
        p.best_interests.determination = Determination::NotNeeded;
        p.best_interests.outcome = t(
            "Kinship care with his grandmother is in Mateo's best interests.",
            "El acogimiento con su abuela responde al interés superior de Mateo.",
            "L'accueil chez sa grand-mère est dans l'intérêt supérieur de Mateo.",
        )
        .into();
    });
    b.edit(marisol, -110, (14, 0), |c, _| {
        let sharing = ConsentScope::Sharing;
        let given = decision(
            Consenter::Caregiver,
            "Carmen Cruz",
            sharing,
            school,
            ConsentDecision::Given,
            d(-111),
            ConsentWay::Written,
        );
        c.plan.consents.push(given);
        c.plan.referrals.push(referral(
            ServiceType::Education,
            school,
            t(
                "School place near his grandmother's home",
                "Cupo escolar cerca de la casa de su abuela",
                "Place à l'école près du domicile de sa grand-mère",
            ),
            false,
            d(-110),
            &[(R::Made, d(-110)), (R::Accepted, d(-104))],
        ));
    });
    b.edit(marisol, -97, (11, 0), |c, _| {
        c.plan.safety_plan = safety_plans::mateo(today, l);
    });
    b.edit(marisol, -88, (16, 30), |c, _| {
        checklist(
            c,
            today,
            &[
                (
                    "family_visits",
                    D,
                    marisol,
                    -120,
                    t(
                        "Weekend stays with his grandmother from month two",
                        "Estancias de fin de semana con su abuela desde el segundo mes",
                        "Séjours le week-end chez sa grand-mère à partir du deuxième mois",
                    ),
                ),
                (
                    "care_setting",
                    D,
                    t("Carmen Cruz with Marisol Huamán", "Carmen Cruz con Marisol Huamán", "Carmen Cruz avec Marisol Huamán"),
                    -100,
                    t(
                        "A bunk bed and a desk, from the reintegration fund",
                        "Una litera y un escritorio, con el fondo de reintegración",
                        "Des lits superposés et un bureau, grâce au fonds de réintégration",
                    ),
                ),
                ("prepare_home", D, marisol, -98, ""),
                (
                    "safety_plan",
                    D,
                    marisol,
                    -96,
                    t(
                        "Copy kept on the fridge and in the case file",
                        "Una copia en el refrigerador y otra en el expediente",
                        "Une copie sur le réfrigérateur et une dans le dossier",
                    ),
                ),
                (
                    "placement_documents",
                    D,
                    marisol,
                    -95,
                    t(
                        "Kinship placement order received",
                        "Se recibió la orden de acogimiento familiar",
                        "Ordonnance de placement chez un proche reçue",
                    ),
                ),
                ("school_transfer", D, school, -92, ""),
                (
                    "medical_transfer",
                    D,
                    marisol,
                    -94,
                    t(
                        "Asthma plan handed to the clinic nurse",
                        "Plan de asma entregado a la enfermera de la clínica",
                        "Plan d'asthme remis à l'infirmière du centre de santé",
                    ),
                ),
                (
                    "farewell",
                    D,
                    t("Riverside house staff", "Personal de Casa Ribera", "Équipe de la Maison de la Rivière"),
                    -91,
                    t(
                        "Farewell lunch with his friends",
                        "Almuerzo de despedida con sus amigos",
                        "Déjeuner d'au revoir avec ses copains",
                    ),
                ),
                ("day_planning", D, marisol, -90, ""),
                (
                    "reintegration_kit",
                    D,
                    marisol,
                    -90,
                    t(
                        "School uniform, bedding, football boots",
                        "Uniforme escolar, ropa de cama, zapatos de fútbol",
                        "Uniforme scolaire, literie, chaussures de foot",
                    ),
                ),
                ("school_reintegration", D, marisol, -88, ""),
                ("counselling", P, therapy_team, 30, ""),
                (
                    "respite_care",
                    P,
                    marisol,
                    3,
                    t(
                        "One weekend a month with his uncle's family, to agree",
                        "Un fin de semana al mes con la familia de su tío, por acordar",
                        "Un week-end par mois dans la famille de son oncle, à convenir",
                    ),
                ),
                ("community_welcome", N, marisol, 6, ""),
                (
                    "addiction",
                    NA,
                    "",
                    0,
                    t(
                        "No alcohol or drug use in the household",
                        "Sin consumo de alcohol ni drogas en el hogar",
                        "Aucune consommation d'alcool ni de drogues dans le foyer",
                    ),
                ),
                ("assistive_devices", NA, "", 0, no_disability),
                ("disability_services", NA, "", 0, no_disability),
            ],
        );
        let r = referral_to(c, school);
        r.set_status(R::Completed, d(-88));
        r.feedback = t(
            "Mateo started in year 3; his teacher says he settled quickly.",
            "Mateo empezó tercer grado; su maestra dice que se adaptó rápido.",
            "Mateo est entré en CE2 ; son enseignante dit qu'il s'est vite adapté.",
        )
        .into();
        r.feedback_on = Some(d(-88));
        milestone(
            c,
            Milestone::Prepared,
            Some(d(-100)),
            t(
                "Weekend stays for two months; the home visit found it ready",
                "Estancias de fin de semana durante dos meses; la visita domiciliaria confirmó que la casa estaba lista",
                "Séjours le week-end pendant deux mois ; la visite à domicile a constaté que tout était prêt",
            ),
        );
        milestone(
            c,
            Milestone::LegalSteps,
            Some(d(-95)),
            t(
                "Kinship placement order, family court, ref. FC-EX-0412",
                "Orden de acogimiento familiar, juzgado de familia, ref. FC-EX-0412",
                "Ordonnance de placement chez un proche, tribunal de la famille, réf. FC-EX-0412",
            ),
        );
        milestone(
            c,
            Milestone::SafetyPlan,
            Some(d(-96)),
            t(
                "Safety plan signed by Carmen; monthly visits",
                "Plan de seguridad firmado por Carmen; visitas mensuales",
                "Plan de sécurité signé par Carmen ; visites mensuelles",
            ),
        );
        link_safety_plan(c);
        milestone(
            c,
            Milestone::Referrals,
            None,
            t(
                "School and clinic done; respite still to arrange",
                "Escuela y clínica listas; falta organizar el respiro",
                "École et centre de santé faits ; répit encore à organiser",
            ),
        );
        milestone(
            c,
            Milestone::Placed,
            Some(d(-90)),
            t(
                "Living with his grandmother Carmen Cruz since the placement day",
                "Vive con su abuela Carmen Cruz desde el día del acogimiento",
                "Vit chez sa grand-mère Carmen Cruz depuis le jour du placement",
            ),
        );
    });
    for (offset, seen_alone, wellbeing) in [
        (
            -65,
            SeenAlone::Yes,
            t(
                "Settling in well; proud of his new football team.",
                "Se está adaptando bien; orgulloso de su nuevo equipo de fútbol.",
                "S'adapte bien ; fier de sa nouvelle équipe de foot.",
            ),
        ),
        (
            -35,
            SeenAlone::No,
            t(
                "Cheerful. He asked his grandmother to stay in the room, so he was not seen alone; to try at school next time.",
                "Alegre. Pidió que su abuela se quedara en la habitación, así que no se le vio a solas; intentarlo en la escuela la próxima vez.",
                "Joyeux. Il a demandé que sa grand-mère reste dans la pièce, il n'a donc pas été vu seul ; essayer à l'école la prochaine fois.",
            ),
        ),
    ] {
        b.edit(marisol, offset, (11, 0), |c, _| {
            c.plan.monitoring.visits.push(Visit {
                place: t("Grandmother's home", "Casa de la abuela", "Domicile de la grand-mère").into(),
                seen: t("Mateo and Carmen Cruz", "Mateo y Carmen Cruz", "Mateo et Carmen Cruz").into(),
                seen_alone,
                wellbeing: wellbeing.into(),
                services_checked: t(
                    "Clinic and school as planned; therapy attended.",
                    "Clínica y escuela según lo previsto; asiste a la terapia.",
                    "Centre de santé et école comme prévu ; thérapie suivie.",
                )
                .into(),
                ..Visit::new(d(offset), marisol)
            });
        });
    }
    // Approved by the supervisor; the handover below changes the plan after it.
    b.edit(SUPERVISOR, -30, (10, 0), |c, _| approve_plan(c, l, marisol, d(-31), d(-30)));
    b.edit(marisol, -18, (15, 0), |c, now| {
        let mut handover = Handover {
            on: Some(d(-18)),
            note: t(
                "Carmen prefers morning visits. Mateo's inhaler is kept in the kitchen drawer. The kinship allowance application is not done yet: the forms are in the case file.",
                "Carmen prefiere las visitas por la mañana. El inhalador de Mateo se guarda en el cajón de la cocina. La solicitud de la asignación para familiares cuidadores aún no está hecha: los formularios están en el expediente.",
                "Carmen préfère les visites le matin. L'inhalateur de Mateo est rangé dans le tiroir de la cuisine. La demande d'allocation pour proche accueillant n'est pas encore faite : les formulaires sont dans le dossier.",
            )
            .into(),
            plan_reviewed: true,
            child_and_family_told: true,
            ..Handover::default()
        };
        handover.to =
            worker(l, daniel, t("Case worker", "Gestor de casos", "Gestionnaire de cas"), "daniel.mensah", d(-18));
        c.hand_over(handover, marisol, now).expect("a complete handover");
    });
    b.edit(daniel, -17, (9, 10), |c, _| {
        need_about(c, grandmother).by_whom = daniel.into();
        c.plan.actions.0.iter_mut().for_each(|a| a.responsible = daniel.into());
    });
    b.edit(daniel, -8, (10, 30), |c, _| {
        c.plan.monitoring.visits.push(Visit {
            place: t(
                "San Example Primary School, then the grandmother's home",
                "Escuela Primaria San Ejemplo y luego la casa de la abuela",
                "École primaire de Saint-Exemple, puis le domicile de la grand-mère",
            )
            .into(),
            seen: t(
                "Mateo alone at school; Carmen Cruz at home",
                "Mateo a solas en la escuela; Carmen Cruz en casa",
                "Mateo seul à l'école ; Carmen Cruz à domicile",
            )
            .into(),
            seen_alone: SeenAlone::Yes,
            wellbeing: t(
                "Met his new case worker; happy at school and at home.",
                "Conoció a su nuevo gestor de casos; contento en la escuela y en casa.",
                "A rencontré son nouveau gestionnaire de cas ; heureux à l'école et à la maison.",
            )
            .into(),
            services_checked: t(
                "Therapy attended. Respite not arranged yet.",
                "Asiste a la terapia. El respiro aún no está organizado.",
                "Thérapie suivie. Répit pas encore organisé.",
            )
            .into(),
            follow_up: t(
                "Agree the respite weekends with his uncle",
                "Acordar con su tío los fines de semana de respiro",
                "Convenir des week-ends de répit avec son oncle",
            )
            .into(),
            ..Visit::new(d(-8), daniel)
        });
        c.plan.referrals.push(referral(
            ServiceType::Livelihood,
            t(
                "Example Town social protection office",
                "Oficina de protección social de Villa Ejemplo",
                "Bureau de la protection sociale de Ville-Exemple",
            ),
            t(
                "Kinship carer allowance for Carmen Cruz",
                "Asignación para familiares cuidadores para Carmen Cruz",
                "Allocation pour proche accueillant pour Carmen Cruz",
            ),
            false,
            d(7),
            &[],
        ));
    });
    b.done()
}

/// Case 3: Foster care, up to the day it was sent to Rosa Villanueva, who covered it during Tomás
/// Ribeiro's leave: the version both the demo and the exercise file were edited from.
pub(super) fn joaquin_base(today: NaiveDate, l: Language) -> Builder {
    let d = move |n: i64| day(today, n);
    let t = move |en, es, fr| tr(l, en, es, fr);
    let tomas = "Tomás Ribeiro";
    let counselling_centre = t(
        "Example Family Counselling Centre",
        "Centro de Consejería Familiar Ejemplo",
        "Centre de conseil familial Exemple",
    );
    let clinic = t(
        "Example University psychology clinic",
        "Clínica de psicología de la Universidad Ejemplo",
        "Clinique de psychologie de l'Université Exemple",
    );
    let school =
        t("East District Primary School", "Escuela Primaria del Distrito Este", "École primaire du quartier Est");
    let duartes = t("Ana and Rafael Duarte", "Ana y Rafael Duarte", "Ana et Rafael Duarte");
    let counselling_reason = t(
        "Counselling before and after the move",
        "Consejería antes y después de la mudanza",
        "Accompagnement psychologique avant et après le déménagement",
    );
    let mut b = Builder::start(3, today, -160, "Joaquín Benítez", tomas, PlacementType::Foster);
    b.edit(tomas, -160, (11, 0), |c, _| {
        c.plan.worker =
            worker(l, tomas, t("Social worker", "Trabajador social", "Assistant social"), "tomas.ribeiro", d(-160));
        c.plan.status = PlanStatus::Active;
        c.plan.start_date = Some(d(-150));
        c.plan.next_review = Some(d(35));
        let child = &mut c.plan.child;
        child.birth_date = born(today, 9, 200);
        child.sex = Some(Sex::Male);
        child.languages = t("Spanish and Guaraní", "Español y guaraní", "Espagnol et guarani").into();
        child.current_setting = t(
            "Example Children's Service, Riverside house, since he was six",
            "Servicio Infantil Ejemplo, Casa Ribera, desde los seis años",
            "Service de l'enfance Exemple, Maison de la Rivière, depuis ses six ans",
        )
        .into();
        let placement = &mut c.plan.placement;
        placement.location = t(
            "Foster home of the Duarte family, east district",
            "Hogar de acogida de la familia Duarte, distrito este",
            "Famille d'accueil Duarte, quartier est",
        )
        .into();
        let approved = t(
            "Not related; approved foster carers",
            "Sin parentesco; familia de acogida habilitada",
            "Sans lien de parenté ; assistants familiaux agréés",
        );
        for (name, sex) in [("Ana Duarte", Sex::Female), ("Rafael Duarte", Sex::Male)] {
            c.plan.household.push(relative(name, Relationship::FosterCarer, Some(sex), Caregiving::Now, true, approved));
        }
        placement.planned_date = Some(d(-40));
        let p = &mut c.plan;
        p.needs.push(ProtectionNeed {
            need: t(
                "Needs to keep in touch with his older sister, who lives in another town",
                "Necesita mantener el contacto con su hermana mayor, que vive en otra ciudad",
                "A besoin de garder le contact avec sa sœur aînée, qui vit dans une autre ville",
            )
            .into(),
            response: t(
                "Video call every month and a visit each school holiday",
                "Videollamada cada mes y una visita en cada periodo de vacaciones escolares",
                "Appel vidéo chaque mois et une visite à chaque période de vacances scolaires",
            )
            .into(),
            by_whom: t(
                "Tomás Ribeiro with the Duarte family",
                "Tomás Ribeiro con la familia Duarte",
                "Tomás Ribeiro avec la famille Duarte",
            )
            .into(),
            by_when: Some(d(60)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.needs.push(ProtectionNeed {
            need: t(
                "Needs help to manage anger at school after the move",
                "Necesita ayuda para manejar el enojo en la escuela después de la mudanza",
                "A besoin d'aide pour gérer sa colère à l'école après le déménagement",
            )
            .into(),
            response: t(
                "Sessions with the school counsellor; a calm-down plan agreed with his teacher",
                "Sesiones con la orientadora escolar; un plan para calmarse acordado con su maestra",
                "Séances avec la conseillère scolaire ; un plan pour se calmer convenu avec son enseignante",
            )
            .into(),
            by_whom: t("School counsellor", "Orientadora escolar", "Conseillère scolaire").into(),
            by_when: Some(d(14)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Psychosocial,
            description: t("Weekly counselling", "Consejería semanal", "Accompagnement psychologique hebdomadaire").into(),
            provider: clinic.into(),
            by_when: Some(d(45)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Education,
            description: t(
                "Transfer to East District Primary School",
                "Traslado a la Escuela Primaria del Distrito Este",
                "Transfert à l'école primaire du quartier Est",
            )
            .into(),
            provider: school.into(),
            by_when: Some(d(-38)),
            status: ItemStatus::Done,
            ..Default::default()
        });
        p.actions.push(Action {
            what: t(
                "Review the foster care agreement with the Duarte family after three months",
                "Revisar el acuerdo de acogimiento con la familia Duarte a los tres meses",
                "Revoir la convention d'accueil avec la famille Duarte au bout de trois mois",
            )
            .into(),
            responsible: tomas.into(),
            by_when: Some(d(50)),
            ..Default::default()
        });
        p.monitoring.frequency = Some(VisitFrequency::EveryTwoWeeks);
        p.participation.child_views = t(
            "Ana makes empanadas on Sundays. I want to stay here, but I want to see my sister Camila more.",
            "Ana hace empanadas los domingos. Quiero quedarme aquí, pero quiero ver más a mi hermana Camila.",
            "Ana fait des empanadas le dimanche. Je veux rester ici, mais je veux voir plus souvent ma sœur Camila.",
        )
        .into();
        p.participation.consulted_on = Some(d(-60));
        p.participation.consulted_how =
            t("Walk in the park with Tomás", "Paseo por el parque con Tomás", "Promenade au parc avec Tomás").into();
        p.participation.child_agrees = ChildAgreement::Partly;
        p.best_interests.assessment_date = Some(d(-140));
        p.best_interests.determination = Determination::Done;
        p.best_interests.determination_date = Some(d(-120));
        p.best_interests.outcome = t(
            "Foster care with the Duarte family while contact with his mother is rebuilt; reunification to be reviewed in twelve months.",
            "Acogimiento con la familia Duarte mientras se reconstruye el contacto con su madre; la reunificación se revisará en doce meses.",
            "Accueil dans la famille Duarte pendant que le lien avec sa mère se reconstruit ; la réunification sera réexaminée dans douze mois.",
        )
        .into();
    });
    b.edit(tomas, -100, (14, 0), |c, _| {
        c.plan.referrals.push(referral(
            ServiceType::Psychosocial,
            counselling_centre,
            counselling_reason,
            false,
            d(-100),
            &[(R::Made, d(-100)), (R::Declined, d(-95))],
        ));
        let r = referral_to(c, counselling_centre);
        r.feedback = t(
            "No places until next year; they suggest the university clinic.",
            "No hay cupos hasta el próximo año; sugieren la clínica universitaria.",
            "Pas de place avant l'année prochaine ; ils suggèrent la clinique universitaire.",
        )
        .into();
        r.feedback_on = Some(d(-95));
        c.plan.referrals.push(referral(
            ServiceType::Psychosocial,
            clinic,
            counselling_reason,
            false,
            d(-94),
            &[(R::Made, d(-94)), (R::Accepted, d(-80))],
        ));
    });
    b.edit(tomas, -38, (16, 0), |c, _| {
        c.plan.safety_plan = safety_plans::joaquin(today, l);
        checklist(
            c,
            today,
            &[
                (
                    "family_visits",
                    D,
                    tomas,
                    -70,
                    t(
                        "Monthly visits with his mother, supervised",
                        "Visitas mensuales supervisadas con su madre",
                        "Visites mensuelles supervisées avec sa mère",
                    ),
                ),
                (
                    "care_setting",
                    D,
                    duartes,
                    -50,
                    t("Own room ready", "Habitación propia lista", "Chambre à lui prête"),
                ),
                ("prepare_home", D, tomas, -48, ""),
                (
                    "realistic_expectations",
                    D,
                    tomas,
                    -45,
                    t(
                        "Two sessions with Joaquín and the Duartes",
                        "Dos sesiones con Joaquín y los Duarte",
                        "Deux séances avec Joaquín et les Duarte",
                    ),
                ),
                (
                    "placement_documents",
                    D,
                    tomas,
                    -42,
                    t(
                        "Placement authorised by the Example Town child protection authority, ref. CPA-EX-2291",
                        "Acogimiento autorizado por la autoridad de protección infantil de Villa Ejemplo, ref. CPA-EX-2291",
                        "Placement autorisé par l'autorité de protection de l'enfance de Ville-Exemple, réf. CPA-EX-2291",
                    ),
                ),
                ("safety_plan", D, tomas, -40, ""),
                ("day_planning", D, tomas, -40, ""),
                ("school_transfer", D, tomas, -39, ""),
                ("counselling", P, clinic, 45, ""),
                ("school_reintegration", P, school, 10, ""),
                ("protective_behaviours", N, tomas, 25, ""),
                (
                    "addiction",
                    NA,
                    "",
                    0,
                    t(
                        "No alcohol or drug use; the Duartes were assessed as foster carers",
                        "Sin consumo de alcohol ni drogas; los Duarte fueron evaluados como familia de acogida",
                        "Aucune consommation d'alcool ni de drogues ; les Duarte ont été évalués comme assistants familiaux",
                    ),
                ),
            ],
        );
        milestone(
            c,
            Milestone::Prepared,
            Some(d(-45)),
            t(
                "Visits to the Duartes over six weeks; expectations sessions held",
                "Visitas a los Duarte durante seis semanas; sesiones sobre expectativas realizadas",
                "Visites chez les Duarte pendant six semaines ; séances sur les attentes tenues",
            ),
        );
        milestone(
            c,
            Milestone::LegalSteps,
            Some(d(-42)),
            t(
                "Placement authorised, ref. CPA-EX-2291",
                "Acogimiento autorizado, ref. CPA-EX-2291",
                "Placement autorisé, réf. CPA-EX-2291",
            ),
        );
        milestone(
            c,
            Milestone::SafetyPlan,
            Some(d(-40)),
            t(
                "Safety plan with the Duartes; visits every two weeks",
                "Plan de seguridad con los Duarte; visitas cada dos semanas",
                "Plan de sécurité avec les Duarte ; visites toutes les deux semaines",
            ),
        );
        link_safety_plan(c);
        milestone(
            c,
            Milestone::Placed,
            Some(d(-40)),
            t(
                "Living with Ana and Rafael Duarte since the placement day",
                "Vive con Ana y Rafael Duarte desde el día del acogimiento",
                "Vit chez Ana et Rafael Duarte depuis le jour du placement",
            ),
        );
        c.plan.monitoring.visits.push(Visit {
            place: duarte_home(l).into(),
            seen: t("Joaquín, Ana and Rafael Duarte", "Joaquín, Ana y Rafael Duarte", "Joaquín, Ana et Rafael Duarte").into(),
            seen_alone: SeenAlone::Yes,
            wellbeing: t(
                "Tired after the move but eating well; likes his room.",
                "Cansado después de la mudanza, pero come bien; le gusta su habitación.",
                "Fatigué après le déménagement mais mange bien ; aime sa chambre.",
            )
            .into(),
            ..Visit::new(d(-38), tomas)
        });
    });
    b.edit(tomas, -35, (9, 15), |c, _| {
        c.plan.referrals.push(referral(
            ServiceType::Other,
            sports_club(l),
            t(
                "A place in the after-school football team, with a scholarship",
                "Un lugar en el equipo de fútbol extraescolar, con beca",
                "Une place dans l'équipe de foot après l'école, avec une bourse",
            ),
            false,
            d(-35),
            &[(R::Made, d(-35))],
        ));
    });
    b.edit(tomas, -24, (15, 40), |c, _| {
        c.plan.monitoring.visits.push(Visit {
            place: school.into(),
            seen: t("Joaquín and his teacher", "Joaquín y su maestra", "Joaquín et son enseignante").into(),
            seen_alone: SeenAlone::Yes,
            wellbeing: t(
                "Making friends; two angry outbursts in class this month.",
                "Está haciendo amigos; dos arranques de enojo en clase este mes.",
                "Se fait des amis ; deux accès de colère en classe ce mois-ci.",
            )
            .into(),
            services_checked: t(
                "Counselling attended weekly.",
                "Asiste a la consejería cada semana.",
                "Accompagnement suivi chaque semaine.",
            )
            .into(),
            concerns: t("Outbursts in class.", "Arranques de enojo en clase.", "Accès de colère en classe.").into(),
            follow_up: t(
                "Agree a calm-down plan with the teacher",
                "Acordar con la maestra un plan para calmarse",
                "Convenir d'un plan pour se calmer avec l'enseignante",
            )
            .into(),
            ..Visit::new(d(-24), tomas)
        });
    });
    b.exported();
    b
}

/// Where Joaquín lives, in the demo and the exercise file.
pub(super) fn duarte_home(l: Language) -> &'static str {
    tr(l, "Duarte home", "Casa de los Duarte", "Domicile des Duarte")
}

/// Joaquín's football club, in the demo and the exercise file.
pub(super) fn sports_club(l: Language) -> &'static str {
    tr(l, "Example Sports Club", "Club Deportivo Ejemplo", "Club sportif Exemple")
}

/// Case 3: Foster care, as Tomás Ribeiro carried on with it after sending it to Rosa Villanueva.
pub(super) fn joaquin(today: NaiveDate, l: Language) -> Case {
    let d = move |n: i64| day(today, n);
    let t = move |en, es, fr| tr(l, en, es, fr);
    let tomas = "Tomás Ribeiro";
    let mut b = joaquin_base(today, l);
    b.edit(tomas, -9, (12, 10), |c, _| {
        c.plan.monitoring.visits.push(Visit {
            place: duarte_home(l).into(),
            seen: t("Joaquín; Ana Duarte", "Joaquín; Ana Duarte", "Joaquín ; Ana Duarte").into(),
            seen_alone: SeenAlone::Yes,
            wellbeing: t(
                "Calmer; the calm-down plan helps, his teacher says.",
                "Más tranquilo; el plan para calmarse le ayuda, dice su maestra.",
                "Plus calme ; le plan pour se calmer l'aide, selon son enseignante.",
            )
            .into(),
            services_checked: t("Counselling attended.", "Asiste a la consejería.", "Accompagnement suivi.").into(),
            ..Visit::new(d(-9), tomas)
        });
        need_about(c, anger(l)).status = ItemStatus::Done;
        checklist(
            c,
            today,
            &[(
                "school_reintegration",
                D,
                t(
                    "East District Primary School",
                    "Escuela Primaria del Distrito Este",
                    "École primaire du quartier Est",
                ),
                -9,
                "",
            )],
        );
    });
    b.done()
}

/// Case 4: A small group home, nearly complete: most activities done, four milestones reached with
/// their evidence, the placement days away.
pub(super) fn yerlin(today: NaiveDate, l: Language) -> Case {
    let d = move |n: i64| day(today, n);
    let t = move |en, es, fr| tr(l, en, es, fr);
    let amina = "Amina Diallo";
    let legal_aid = t("Example Legal Aid Clinic", "Consultorio Jurídico Ejemplo", "Clinique d'aide juridique Exemple");
    let secondary =
        t("Example Town Secondary School", "Escuela Secundaria de Villa Ejemplo", "Collège de Ville-Exemple");
    let no_disability = t("No disability", "Sin discapacidad", "Aucun handicap");
    let mut b = Builder::start(4, today, -220, "Yerlin Ramírez", amina, PlacementType::SmallGroupHome);
    b.edit(amina, -220, (10, 0), |c, _| {
        c.plan.worker =
            worker(l, amina, t("Case worker", "Gestora de casos", "Gestionnaire de cas"), "amina.diallo", d(-220));
        c.plan.status = PlanStatus::Active;
        c.plan.start_date = Some(d(-210));
        c.plan.next_review = Some(d(30));
        let child = &mut c.plan.child;
        child.birth_date = born(today, 14, 90);
        child.sex = Some(Sex::Female);
        child.languages =
            t("Spanish; learning English", "Español; está aprendiendo inglés", "Espagnol ; apprend l'anglais").into();
        child.current_setting = t(
            "Reception centre for unaccompanied children, Example City",
            "Centro de recepción para niñas, niños y adolescentes no acompañados, Ciudad Ejemplo",
            "Centre d'accueil pour enfants non accompagnés, Cité-Exemple",
        )
        .into();
        let placement = &mut c.plan.placement;
        placement.location = t(
            "Jacaranda small group home, Example Town",
            "Hogar pequeño Jacaranda, Villa Ejemplo",
            "Petit foyer Jacaranda, Ville-Exemple",
        )
        .into();
        let house_parent = t(
            "House parent at the small group home; not related",
            "Cuida del hogar pequeño; sin parentesco",
            "Éducateur du petit foyer ; sans lien de parenté",
        );
        for (name, sex) in [("Teresa Okoro", Sex::Female), ("Samuel Okoro", Sex::Male)] {
            c.plan.household.push(relative(name, Relationship::Other, Some(sex), Caregiving::Planned, false, house_parent));
        }
        placement.planned_date = Some(d(5));
        let p = &mut c.plan;
        p.needs.push(ProtectionNeed {
            need: t(
                "Needs identity documents and a residence permit",
                "Necesita documentos de identidad y un permiso de residencia",
                "A besoin de papiers d'identité et d'un titre de séjour",
            )
            .into(),
            response: t(
                "Legal aid referral; birth certificate requested through the consulate",
                "Derivación a asistencia jurídica; partida de nacimiento solicitada a través del consulado",
                "Orientation vers l'aide juridique ; acte de naissance demandé par l'intermédiaire du consulat",
            )
            .into(),
            by_whom: amina.into(),
            by_when: Some(d(-40)),
            status: ItemStatus::Done,
            ..Default::default()
        });
        p.needs.push(ProtectionNeed {
            need: t(
                "Needs to keep in touch with her mother and brothers in her home country",
                "Necesita mantener el contacto con su madre y sus hermanos en su país de origen",
                "A besoin de garder le contact avec sa mère et ses frères dans son pays d'origine",
            )
            .into(),
            response: t(
                "Weekly phone call, arranged by the house parents",
                "Llamada telefónica semanal, organizada por los cuidadores del hogar",
                "Appel téléphonique hebdomadaire, organisé par le couple éducatif",
            )
            .into(),
            by_whom: "Teresa Okoro".into(),
            by_when: Some(d(10)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::LegalDocumentation,
            description: t(
                "Residence permit application",
                "Solicitud del permiso de residencia",
                "Demande de titre de séjour",
            )
            .into(),
            provider: legal_aid.into(),
            by_when: Some(d(-40)),
            status: ItemStatus::Done,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Education,
            description: t(
                "Secondary school place with English language support",
                "Cupo en secundaria con apoyo en inglés",
                "Place au collège avec un soutien en anglais",
            )
            .into(),
            provider: secondary.into(),
            by_when: Some(d(-15)),
            status: ItemStatus::Done,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Psychosocial,
            description: t(
                "Group sessions for young people who travelled alone",
                "Sesiones grupales para adolescentes que viajaron solos",
                "Séances de groupe pour les jeunes ayant voyagé seuls",
            )
            .into(),
            provider: organisation(l).into(),
            by_when: Some(d(60)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.actions.push(Action {
            what: t(
                "Introduce Yerlin to her new school's language support teacher",
                "Presentar a Yerlin a la docente de apoyo lingüístico de su nueva escuela",
                "Présenter Yerlin à l'enseignante de soutien linguistique de son nouveau collège",
            )
            .into(),
            responsible: amina.into(),
            by_when: Some(d(-20)),
            status: ItemStatus::Done,
            ..Default::default()
        });
        p.monitoring.frequency = Some(VisitFrequency::Monthly);
        p.participation.child_views = t(
            "I want to stay in this country and finish school. I like that the house is small and I can have my own space. I want to keep calling my mum every Sunday.",
            "Quiero quedarme en este país y terminar la escuela. Me gusta que la casa sea pequeña y que pueda tener mi propio espacio. Quiero seguir llamando a mi mamá todos los domingos.",
            "Je veux rester dans ce pays et finir l'école. J'aime que la maison soit petite et que je puisse avoir mon propre espace. Je veux continuer à appeler ma maman tous les dimanches.",
        )
        .into();
        p.participation.consulted_on = Some(d(-200));
        p.participation.consulted_how = t(
            "Conversation in Spanish with Amina at the reception centre",
            "Conversación en español con Amina en el centro de recepción",
            "Entretien en espagnol avec Amina au centre d'accueil",
        )
        .into();
        p.participation.child_agrees = ChildAgreement::Agrees;
        p.participation.family_views = t(
            "Her mother, found through family tracing, agrees with the plan by phone.",
            "Su madre, localizada mediante la búsqueda de familiares, está de acuerdo con el plan por teléfono.",
            "Sa mère, retrouvée grâce à la recherche familiale, approuve le plan par téléphone.",
        )
        .into();
        p.best_interests.assessment_date = Some(d(-180));
        p.best_interests.determination = Determination::Done;
        p.best_interests.determination_date = Some(d(-150));
        p.best_interests.outcome = t(
            "Staying in the country in family-like care is in Yerlin's best interests; her mother agrees.",
            "Quedarse en el país en un cuidado de tipo familiar responde al interés superior de Yerlin; su madre está de acuerdo.",
            "Rester dans le pays dans une prise en charge de type familial est dans l'intérêt supérieur de Yerlin ; sa mère est d'accord.",
        )
        .into();
        p.referrals.push(referral(ServiceType::LegalDocumentation,
            legal_aid,
            t(
                "Residence permit and identity documents",
                "Permiso de residencia y documentos de identidad",
                "Titre de séjour et papiers d'identité",
            ),
            true,
            d(-200),
            &[(R::Made, d(-200)), (R::Accepted, d(-197))],
        ));
    });
    b.edit(amina, -40, (11, 30), |c, _| {
        let r = referral_to(c, legal_aid);
        r.set_status(R::Completed, d(-40));
        r.feedback = t(
            "Residence permit granted for two years.",
            "Permiso de residencia otorgado por dos años.",
            "Titre de séjour accordé pour deux ans.",
        )
        .into();
        r.feedback_on = Some(d(-40));
        c.plan.referrals.push(referral(
            ServiceType::Education,
            secondary,
            t(
                "School place from next term",
                "Cupo escolar a partir del próximo periodo",
                "Place à l'école dès le prochain trimestre",
            ),
            false,
            d(-40),
            &[(R::Made, d(-40)), (R::Accepted, d(-30)), (R::Completed, d(-15))],
        ));
        let r = referral_to(c, secondary);
        r.feedback = t(
            "Enrolled in year 9; language support twice a week.",
            "Inscrita en tercero de secundaria; apoyo lingüístico dos veces por semana.",
            "Inscrite en troisième ; soutien linguistique deux fois par semaine.",
        )
        .into();
        r.feedback_on = Some(d(-15));
    });
    b.edit(amina, -10, (15, 0), |c, _| {
        // Carried out over the weeks before; what is left is for the days around the move.
        finish_open(c, amina, d(-70), d(-10));
        checklist(
            c,
            today,
            &[
                (
                    "reintegration_kit",
                    P,
                    amina,
                    2,
                    t(
                        "Clothes and school things bought; phone card to add",
                        "Ropa y útiles escolares comprados; falta la tarjeta telefónica",
                        "Vêtements et fournitures scolaires achetés ; carte téléphonique à ajouter",
                    ),
                ),
                (
                    "day_planning",
                    P,
                    amina,
                    3,
                    t(
                        "Amina takes her; the house parents welcome her at lunch",
                        "Amina la acompaña; los cuidadores del hogar la reciben al mediodía",
                        "Amina l'accompagne ; le couple éducatif l'accueille au déjeuner",
                    ),
                ),
                (
                    "farewell",
                    N,
                    t("Reception centre staff", "Personal del centro de recepción", "Équipe du centre d'accueil"),
                    4,
                    t(
                        "Yerlin asked for a small goodbye with two friends",
                        "Yerlin pidió una pequeña despedida con dos amigas",
                        "Yerlin a demandé un petit au revoir avec deux amies",
                    ),
                ),
                ("community_welcome", N, "Teresa Okoro", 6, ""),
                (
                    "addiction",
                    NA,
                    "",
                    0,
                    t("No alcohol or drug use", "Sin consumo de alcohol ni drogas", "Aucune consommation d'alcool ni de drogues"),
                ),
                ("assistive_devices", NA, "", 0, no_disability),
                ("disability_services", NA, "", 0, no_disability),
            ],
        );
        milestone(
            c,
            Milestone::Prepared,
            Some(d(-20)),
            t(
                "Six visits to the house; she chose her room and met the other young people",
                "Seis visitas al hogar; eligió su habitación y conoció a los demás jóvenes",
                "Six visites à la maison ; elle a choisi sa chambre et rencontré les autres jeunes",
            ),
        );
        milestone(
            c,
            Milestone::LegalSteps,
            Some(d(-35)),
            t(
                "Residence permit granted; placement approved by Example Town child protection authority, ref. CPA-EX-3107",
                "Permiso de residencia otorgado; acogimiento aprobado por la autoridad de protección infantil de Villa Ejemplo, ref. CPA-EX-3107",
                "Titre de séjour accordé ; placement approuvé par l'autorité de protection de l'enfance de Ville-Exemple, réf. CPA-EX-3107",
            ),
        );
        milestone(
            c,
            Milestone::SafetyPlan,
            Some(d(-15)),
            t(
                "Safety plan kept at the house and in the case file; weekly visits the first month",
                "Plan de seguridad guardado en el hogar y en el expediente; visitas semanales el primer mes",
                "Plan de sécurité conservé à la maison et dans le dossier ; visites hebdomadaires le premier mois",
            ),
        );
        milestone(
            c,
            Milestone::Referrals,
            Some(d(-12)),
            t(
                "Example Town Secondary School, year 9; Example Legal Aid Clinic; group sessions",
                "Escuela Secundaria de Villa Ejemplo, tercero de secundaria; Consultorio Jurídico Ejemplo; sesiones grupales",
                "Collège de Ville-Exemple, troisième ; Clinique d'aide juridique Exemple ; séances de groupe",
            ),
        );
        milestone(
            c,
            Milestone::Placed,
            None,
            t("Moving in on the planned date", "Se muda en la fecha prevista", "Emménage à la date prévue"),
        );
    });
    b.edit(amina, -4, (16, 20), |c, _| {
        c.plan.monitoring.frequency = Some(VisitFrequency::Weekly);
        c.plan.monitoring.visits.push(Visit {
            place: t("Reception centre", "Centro de recepción", "Centre d'accueil").into(),
            seen: t(
                "Yerlin alone, then with her key worker",
                "Yerlin a solas y luego con su educadora de referencia",
                "Yerlin seule, puis avec son éducatrice référente",
            )
            .into(),
            seen_alone: SeenAlone::Yes,
            wellbeing: t(
                "Excited and a little nervous about moving; sleeping well.",
                "Entusiasmada y un poco nerviosa por la mudanza; duerme bien.",
                "Enthousiaste et un peu nerveuse à l'idée de déménager ; dort bien.",
            )
            .into(),
            services_checked: t(
                "School and group sessions as planned.",
                "Escuela y sesiones grupales según lo previsto.",
                "École et séances de groupe comme prévu.",
            )
            .into(),
            concerns: t("None.", "Ninguna.", "Aucune.").into(),
            ..Visit::new(d(-4), amina)
        });
    });
    b.edit(SUPERVISOR, -3, (9, 0), |c, _| approve_plan(c, l, amina, d(-4), d(-3)));
    b.done()
}
