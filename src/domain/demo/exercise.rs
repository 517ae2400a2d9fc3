//! The exercise file trainees import: Rosa Villanueva's copy of Joaquín's case, edited while
//! she covered it (the demo workspace edited it too, so importing it is a conflict to decide),
//! and two cases of hers that are new to the demo workspace. Each text is given in English,
//! Spanish and French, side by side (`t(en, es, fr)`).

use chrono::NaiveDate;

use super::cases::{anger, born, duarte_home, joaquin_base, sports_club, worker};
use super::{checklist, day, need_about, referral, referral_to, relative, tr, Builder};
use crate::domain::checklist::ChecklistStatus::{Done as D, InProgress as P, NotApplicable as NA, NotStarted as N};
use crate::domain::household::{Caregiving, Relationship};
use crate::domain::monitoring::{SeenAlone, Visit};
use crate::domain::{
    Action, Case, ChildAgreement, ItemStatus, Language, PlacementType, PlanStatus, ProtectionNeed, ReferralStatus as R,
    Service, ServiceType, Sex, VisitFrequency,
};

const ROSA: &str = "Rosa Villanueva";

/// The cases of the exercise file in `language`, as they are written into it (each version
/// recorded as exchanged). Against [`super::demo_cases`] of the same day and language, exactly
/// one is a conflict (Joaquín's, changed on both sides since it was sent); the others are new.
pub fn exercise_cases(today: NaiveDate, language: Language) -> Vec<Case> {
    vec![joaquin_covered(today, language), luz_marina(today, language), ayelen(today, language)]
}

fn senior(l: Language) -> &'static str {
    tr(l, "Senior social worker", "Trabajadora social principal", "Assistante sociale principale")
}

/// Joaquín's case as Rosa Villanueva edited it from the copy she was sent.
fn joaquin_covered(today: NaiveDate, l: Language) -> Case {
    let d = move |n: i64| day(today, n);
    let t = move |en, es, fr| tr(l, en, es, fr);
    let mut b = joaquin_base(today, l).branch(1);
    b.edit(ROSA, -12, (11, 30), |c, _| {
        c.plan.monitoring.visits.push(Visit {
            place: duarte_home(l).into(),
            seen: t(
                "Joaquín alone, then with Rafael Duarte",
                "Joaquín a solas y luego con Rafael Duarte",
                "Joaquín seul, puis avec Rafael Duarte",
            )
            .into(),
            seen_alone: SeenAlone::Yes,
            wellbeing: t(
                "Cheerful; showed me his football boots. Sleeping well.",
                "Alegre; me mostró sus zapatos de fútbol. Duerme bien.",
                "Joyeux ; m'a montré ses chaussures de foot. Dort bien.",
            )
            .into(),
            services_checked: t(
                "Counselling attended; the school counsellor sees him weekly.",
                "Asiste a la consejería; la orientadora escolar lo ve cada semana.",
                "Accompagnement suivi ; la conseillère scolaire le voit chaque semaine.",
            )
            .into(),
            concerns: t(
                "He misses his sister; the holiday visit is not yet arranged.",
                "Extraña a su hermana; la visita de vacaciones aún no está organizada.",
                "Sa sœur lui manque ; la visite des vacances n'est pas encore organisée.",
            )
            .into(),
            follow_up: t(
                "Arrange the holiday visit to his sister Camila",
                "Organizar la visita de vacaciones a su hermana Camila",
                "Organiser la visite des vacances chez sa sœur Camila",
            )
            .into(),
            ..Visit::new(d(-12), ROSA)
        });
        let r = referral_to(c, sports_club(l));
        r.set_status(R::Accepted, d(-13));
        r.feedback = t(
            "Place in the under-10 team from next month; the club waives the fee.",
            "Lugar en el equipo sub-10 a partir del próximo mes; el club lo exonera de la cuota.",
            "Place dans l'équipe des moins de 10 ans dès le mois prochain ; le club renonce à la cotisation.",
        )
        .into();
        r.feedback_on = Some(d(-13));
        need_about(c, anger(l)).response = t(
            "Calm-down plan with his teacher; weekly check-in with the school counsellor",
            "Plan para calmarse con su maestra; encuentro semanal con la orientadora escolar",
            "Plan pour se calmer avec son enseignante ; point hebdomadaire avec la conseillère scolaire",
        )
        .into();
    });
    b.edit(ROSA, -11, (9, 0), |c, _| {
        c.plan.actions.push(Action {
            what: t(
                "Arrange the holiday visit to his sister Camila with the Duartes",
                "Organizar con los Duarte la visita de vacaciones a su hermana Camila",
                "Organiser avec les Duarte la visite des vacances chez sa sœur Camila",
            )
            .into(),
            responsible: ROSA.into(),
            by_when: Some(d(20)),
            ..Default::default()
        });
    });
    b.exported().done()
}

/// New: kinship care with an aunt, started a month ago.
fn luz_marina(today: NaiveDate, l: Language) -> Case {
    let d = move |n: i64| day(today, n);
    let t = move |en, es, fr| tr(l, en, es, fr);
    let mut b = Builder::start(101, today, -32, "Luz Marina Chávez", ROSA, PlacementType::Kinship);
    b.edit(ROSA, -32, (10, 0), |c, _| {
        let p = &mut c.plan;
        p.worker = worker(l, ROSA, senior(l), "rosa.villanueva", d(-32));
        p.status = PlanStatus::Active;
        p.start_date = Some(d(-30));
        p.next_review = Some(d(60));
        p.child.birth_date = born(today, 10, 75);
        p.child.sex = Some(Sex::Female);
        p.child.languages = t("Spanish", "Español", "Espagnol").into();
        p.child.current_setting = t(
            "Example Children's Service, Riverside house, for a year",
            "Servicio Infantil Ejemplo, Casa Ribera, desde hace un año",
            "Service de l'enfance Exemple, Maison de la Rivière, depuis un an",
        )
        .into();
        p.placement.location =
            t("Her aunt's home, south district", "Casa de su tía, distrito sur", "Domicile de sa tante, quartier sud")
                .into();
        p.household.push(relative(
            "Gloria Chávez",
            Relationship::AuntOrUncle,
            Some(Sex::Female),
            Caregiving::Planned,
            false,
            t("Paternal aunt", "Tía paterna", "Tante paternelle"),
        ));
        p.placement.planned_date = Some(d(21));
        p.monitoring.frequency = Some(VisitFrequency::EveryTwoWeeks);
        p.needs.push(ProtectionNeed {
            need: t(
                "Needs to keep her school place through the move",
                "Necesita conservar su cupo escolar durante la mudanza",
                "A besoin de garder sa place à l'école malgré le déménagement",
            )
            .into(),
            response: t(
                "Bus pass; her aunt lives on the same bus line",
                "Pase de autobús; su tía vive sobre la misma línea",
                "Abonnement de bus ; sa tante habite sur la même ligne",
            )
            .into(),
            by_whom: ROSA.into(),
            by_when: Some(d(14)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Education,
            description: t("School bus pass", "Pase escolar de autobús", "Abonnement scolaire de bus").into(),
            provider: t(
                "South District Primary School",
                "Escuela Primaria del Distrito Sur",
                "École primaire du quartier Sud",
            )
            .into(),
            by_when: Some(d(14)),
            ..Default::default()
        });
        p.participation.child_views = t(
            "I want to live with Aunt Gloria and my cousins and stay in my school.",
            "Quiero vivir con mi tía Gloria y mis primos y seguir en mi escuela.",
            "Je veux vivre avec tante Gloria et mes cousins et rester dans mon école.",
        )
        .into();
        p.participation.consulted_on = Some(d(-31));
        p.participation.consulted_how = t(
            "Talk with Rosa after school",
            "Conversación con Rosa después de la escuela",
            "Discussion avec Rosa après l'école",
        )
        .into();
        p.participation.child_agrees = ChildAgreement::Agrees;
        p.referrals.push(referral(
            ServiceType::Livelihood,
            t(
                "Example Town social protection office",
                "Oficina de protección social de Villa Ejemplo",
                "Bureau de la protection sociale de Ville-Exemple",
            ),
            t(
                "Kinship carer allowance for Gloria Chávez",
                "Asignación para familiares cuidadores para Gloria Chávez",
                "Allocation pour proche accueillant pour Gloria Chávez",
            ),
            false,
            d(-20),
            &[(R::Made, d(-20))],
        ));
        checklist(
            c,
            today,
            &[
                (
                    "family_visits",
                    P,
                    ROSA,
                    14,
                    t("Weekends at her aunt's", "Fines de semana en casa de su tía", "Week-ends chez sa tante"),
                ),
                ("care_setting", N, "Gloria Chávez", 10, ""),
                ("safety_plan", N, ROSA, 18, ""),
                (
                    "addiction",
                    NA,
                    "",
                    0,
                    t(
                        "No alcohol or drug use",
                        "Sin consumo de alcohol ni drogas",
                        "Aucune consommation d'alcool ni de drogues",
                    ),
                ),
            ],
        );
    });
    b.edit(ROSA, -16, (15, 0), |c, _| {
        c.plan.monitoring.visits.push(Visit {
            place: t("Her aunt's home", "Casa de su tía", "Domicile de sa tante").into(),
            seen: t(
                "Luz Marina, Gloria Chávez and two cousins",
                "Luz Marina, Gloria Chávez y dos primos",
                "Luz Marina, Gloria Chávez et deux cousins",
            )
            .into(),
            seen_alone: SeenAlone::Yes,
            wellbeing: t(
                "At ease with her cousins; shares a room with the eldest.",
                "A gusto con sus primos; comparte habitación con la mayor.",
                "À l'aise avec ses cousins ; partage une chambre avec l'aînée.",
            )
            .into(),
            ..Visit::new(d(-16), ROSA)
        });
        checklist(
            c,
            today,
            &[(
                "life_book",
                D,
                t(
                    "Key worker, Riverside house",
                    "Educadora de referencia, Casa Ribera",
                    "Éducatrice référente, Maison de la Rivière",
                ),
                -16,
                "",
            )],
        );
    });
    b.exported().done()
}

/// New: supported independent living for a young woman of 16.
fn ayelen(today: NaiveDate, l: Language) -> Case {
    let d = move |n: i64| day(today, n);
    let t = move |en, es, fr| tr(l, en, es, fr);
    let mentor = t("Flat mentor", "Mentora del departamento", "Référente de l'appartement");
    let course = t("Evening course in hospitality", "Curso nocturno de hotelería", "Cours du soir en hôtellerie");
    let college =
        t("Example Town technical college", "Instituto técnico de Villa Ejemplo", "Lycée technique de Ville-Exemple");
    let mut b = Builder::start(102, today, -45, "Ayelén Coñuecar", ROSA, PlacementType::SupportedIndependentLiving);
    b.edit(ROSA, -45, (11, 0), |c, _| {
        let p = &mut c.plan;
        p.worker = worker(l, ROSA, senior(l), "rosa.villanueva", d(-45));
        p.status = PlanStatus::Active;
        p.start_date = Some(d(-40));
        p.next_review = Some(d(50));
        p.child.birth_date = born(today, 16, 200);
        p.child.sex = Some(Sex::Female);
        p.child.languages = t(
            "Spanish; learning Mapudungun with her grandmother",
            "Español; aprende mapudungun con su abuela",
            "Espagnol ; apprend le mapudungun avec sa grand-mère",
        )
        .into();
        p.child.current_setting = t(
            "Example Children's Service, Hillside house",
            "Servicio Infantil Ejemplo, Casa Colina",
            "Service de l'enfance Exemple, Maison des Collines",
        )
        .into();
        p.placement.location = t(
            "Supported flat, Example Town",
            "Departamento con apoyo, Villa Ejemplo",
            "Appartement accompagné, Ville-Exemple",
        )
        .into();
        p.household.push(relative(
            t(
                "Flat mentor, Example Children's Service",
                "Mentora del departamento, Servicio Infantil Ejemplo",
                "Référente de l'appartement, Service de l'enfance Exemple",
            ),
            Relationship::Other,
            Some(Sex::Female),
            Caregiving::Planned,
            false,
            t("Not related", "Sin parentesco", "Sans lien de parenté"),
        ));
        p.placement.planned_date = Some(d(70));
        p.monitoring.frequency = Some(VisitFrequency::Monthly);
        p.needs.push(ProtectionNeed {
            need: t(
                "Needs to learn to manage money and a household",
                "Necesita aprender a manejar dinero y un hogar",
                "A besoin d'apprendre à gérer son argent et un logement",
            )
            .into(),
            response: t(
                "Life skills course; a weekly budget she manages herself",
                "Curso de habilidades para la vida; un presupuesto semanal que maneja ella misma",
                "Cours de compétences de vie ; un budget hebdomadaire qu'elle gère elle-même",
            )
            .into(),
            by_whom: mentor.into(),
            by_when: Some(d(60)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Livelihood,
            description: course.into(),
            provider: college.into(),
            by_when: Some(d(30)),
            ..Default::default()
        });
        p.participation.child_views = t(
            "I want my own key and my own rules, but I still want someone to call.",
            "Quiero mi propia llave y mis propias reglas, pero igual quiero tener a alguien a quien llamar.",
            "Je veux ma propre clé et mes propres règles, mais je veux quand même quelqu'un à appeler.",
        )
        .into();
        p.participation.consulted_on = Some(d(-44));
        p.participation.consulted_how = t(
            "Meeting with Rosa and her key worker",
            "Reunión con Rosa y su educadora de referencia",
            "Rencontre avec Rosa et son éducatrice référente",
        )
        .into();
        p.participation.child_agrees = ChildAgreement::Agrees;
        checklist(
            c,
            today,
            &[
                ("life_skills", P, mentor, 40, ""),
                ("job_readiness", N, ROSA, 55, ""),
                ("mentor", N, ROSA, 60, ""),
                (
                    "language_culture",
                    P,
                    t("Her grandmother", "Su abuela", "Sa grand-mère"),
                    90,
                    t(
                        "Sunday visits to her grandmother",
                        "Visitas a su abuela los domingos",
                        "Visites à sa grand-mère le dimanche",
                    ),
                ),
            ],
        );
    });
    b.edit(ROSA, -14, (14, 30), |c, _| {
        c.plan.monitoring.visits.push(Visit {
            place: t("Hillside house", "Casa Colina", "Maison des Collines").into(),
            seen: "Ayelén".into(),
            seen_alone: SeenAlone::Yes,
            wellbeing: t(
                "Motivated; visited the supported flat and liked it.",
                "Motivada; visitó el departamento con apoyo y le gustó.",
                "Motivée ; a visité l'appartement accompagné et l'a aimé.",
            )
            .into(),
            ..Visit::new(d(-14), ROSA)
        });
        c.plan.referrals.push(referral(ServiceType::Education, college, course, false, d(-14), &[(R::Made, d(-14))]));
    });
    b.exported().done()
}
