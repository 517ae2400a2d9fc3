//! Demo cases 5–8: a draft barely begun, a closed case, a reunification with a child who has a
//! hearing impairment and agrees only in part, and a short-term foster placement just started.
//! Each text is given in English, Spanish and French, side by side (`t(en, es, fr)`).

use chrono::NaiveDate;

use super::cases::{born, worker};
use super::{checklist, day, finish_open, milestone, organisation, referral, relative, tr, Builder};
use crate::domain::checklist::ChecklistStatus::{Done as D, InProgress as P, NotApplicable as NA, NotStarted as N};
use crate::domain::checklist::Milestone;
use crate::domain::closure::ClosureOutcome;
use crate::domain::household::{Caregiving, Relationship};
use crate::domain::monitoring::{SeenAlone, Visit};
use crate::domain::{
    Action, Case, ChildAgreement, Determination, ItemStatus, Language, PlacementType, PlanStatus, ProtectionNeed,
    ReferralStatus as R, Service, ServiceType, Sex, VisitFrequency,
};

/// Case 5: Supported independent living: a draft started three days ago, little filled in.
pub(super) fn dayana(today: NaiveDate, l: Language) -> Case {
    let t = move |en, es, fr| tr(l, en, es, fr);
    let carlos = "Carlos Quispe";
    let mut b = Builder::start(5, today, -3, "Dayana Mendoza", carlos, PlacementType::SupportedIndependentLiving);
    b.edit(carlos, -3, (9, 25), |c, _| {
        c.plan.worker.role = t("Youth worker", "Educador de jóvenes", "Éducateur jeunesse").into();
        c.plan.child.birth_date = born(today, 17, 160);
        c.plan.child.sex = Some(Sex::Female);
        c.plan.child.current_setting = t(
            "Example Children's Service, Hillside house",
            "Servicio Infantil Ejemplo, Casa Colina",
            "Service de l'enfance Exemple, Maison des Collines",
        )
        .into();
    });
    b.edit(carlos, -2, (14, 10), |c, _| {
        c.plan.needs.push(ProtectionNeed {
            need: t(
                "Needs a safe place she can afford when she turns 18 in seven months",
                "Necesita un lugar seguro que pueda pagar cuando cumpla 18 años, dentro de siete meses",
                "A besoin d'un logement sûr et abordable quand elle aura 18 ans, dans sept mois",
            )
            .into(),
            ..Default::default()
        });
    });
    b.done()
}

/// Case 6: Independent living: carried out in full and closed, with its outcome and reason.
pub(super) fn andres(today: NaiveDate, l: Language) -> Case {
    let d = move |n: i64| day(today, n);
    let t = move |en, es, fr| tr(l, en, es, fr);
    let priya = "Priya Raman";
    let bakery_name =
        t("Example Bakery Cooperative", "Cooperativa Panadera Ejemplo", "Coopérative de boulangerie Exemple");
    let no_disability = t("No disability", "Sin discapacidad", "Aucun handicap");
    let mut b = Builder::start(6, today, -400, "Andrés Villca", priya, PlacementType::IndependentLiving);
    b.edit(priya, -400, (10, 0), |c, _| {
        let p = &mut c.plan;
        p.worker = worker(l, priya, t("Youth worker", "Educadora de jóvenes", "Éducatrice jeunesse"), "priya.raman", d(-400));
        p.status = PlanStatus::Active;
        p.start_date = Some(d(-395));
        p.next_review = Some(d(-30));
        p.child.birth_date = born(today, 19, 60);
        p.child.sex = Some(Sex::Male);
        p.child.languages = t("Spanish and Aymara", "Español y aimara", "Espagnol et aymara").into();
        p.child.current_setting = t(
            "Supported flat of Example Children's Service, shared with two other young people",
            "Departamento con apoyo del Servicio Infantil Ejemplo, compartido con otros dos jóvenes",
            "Appartement accompagné du Service de l'enfance Exemple, partagé avec deux autres jeunes",
        )
        .into();
        p.placement.location = t(
            "A rented room near his work, Example Town",
            "Un cuarto alquilado cerca de su trabajo, Villa Ejemplo",
            "Une chambre louée près de son travail, Ville-Exemple",
        )
        .into();
        p.placement.planned_date = Some(d(-200));
        p.needs.push(ProtectionNeed {
            need: t(
                "Needs an income he can live on",
                "Necesita un ingreso que le permita vivir",
                "A besoin d'un revenu suffisant pour vivre",
            )
            .into(),
            response: t(
                "Bakery apprenticeship, then a job",
                "Aprendizaje en panadería y luego un empleo",
                "Apprentissage en boulangerie, puis un emploi",
            )
            .into(),
            by_whom: priya.into(),
            by_when: Some(d(-210)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.needs.push(ProtectionNeed {
            need: t(
                "Needs to know where to turn for help after leaving care",
                "Necesita saber a quién acudir para pedir ayuda después de egresar del cuidado",
                "A besoin de savoir vers qui se tourner après sa sortie de la prise en charge",
            )
            .into(),
            response: t(
                "Care leavers' network and a mentor",
                "Red de jóvenes egresados del cuidado y un mentor",
                "Réseau des jeunes sortis de la protection et un mentor",
            )
            .into(),
            by_whom: priya.into(),
            by_when: Some(d(-205)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Livelihood,
            description: t("Bakery apprenticeship", "Aprendizaje en panadería", "Apprentissage en boulangerie").into(),
            provider: bakery_name.into(),
            by_when: Some(d(-210)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.actions.push(Action {
            what: t(
                "Open a bank account with Andrés",
                "Abrir una cuenta bancaria con Andrés",
                "Ouvrir un compte bancaire avec Andrés",
            )
            .into(),
            responsible: priya.into(),
            by_when: Some(d(-300)),
            ..Default::default()
        });
        p.monitoring.frequency = Some(VisitFrequency::Monthly);
        p.participation.child_views = t(
            "I'm ready. I want to earn my own money and have my own place. I'll call if I need help.",
            "Estoy listo. Quiero ganar mi propio dinero y tener mi propio lugar. Voy a llamar si necesito ayuda.",
            "Je suis prêt. Je veux gagner mon propre argent et avoir mon chez-moi. J'appellerai si j'ai besoin d'aide.",
        )
        .into();
        p.participation.consulted_on = Some(d(-398));
        p.participation.consulted_how = t(
            "Meeting at the supported flat, at his request without other staff",
            "Reunión en el departamento con apoyo, a pedido suyo sin otro personal",
            "Rencontre à l'appartement accompagné, à sa demande sans autre membre de l'équipe",
        )
        .into();
        p.participation.child_agrees = ChildAgreement::Agrees;
        p.participation.family_views = t(
            "His aunt in Example Town is glad he will live nearby; he eats with her family on Sundays.",
            "Su tía en Villa Ejemplo está contenta de que vaya a vivir cerca; los domingos come con su familia.",
            "Sa tante à Ville-Exemple est contente qu'il vive tout près ; il déjeune chez elle le dimanche.",
        )
        .into();
        p.best_interests.assessment_date = Some(d(-390));
        p.best_interests.determination = Determination::NotNeeded;
        p.best_interests.outcome = t(
            "Independent living with aftercare is in Andrés's best interests: he is an adult and wishes it.",
            "La vida independiente con acompañamiento posterior responde al interés superior de Andrés: es mayor de edad y así lo desea.",
            "La vie autonome avec un suivi après la sortie est dans l'intérêt supérieur d'Andrés : il est majeur et le souhaite.",
        )
        .into();
        p.referrals.push(referral(ServiceType::Livelihood,
            bakery_name,
            t(
                "Apprenticeship leading to a job",
                "Aprendizaje que lleve a un empleo",
                "Apprentissage débouchant sur un emploi",
            ),
            false,
            d(-380),
            &[(R::Made, d(-380)), (R::Accepted, d(-370))],
        ));
    });
    b.edit(priya, -200, (17, 0), |c, _| {
        let p = &mut c.plan;
        p.needs.0.iter_mut().for_each(|n| n.status = ItemStatus::Done);
        p.services.0.iter_mut().for_each(|s| s.status = ItemStatus::Done);
        p.actions.0.iter_mut().for_each(|a| a.status = ItemStatus::Done);
        let bakery = &mut p.referrals.0[0];
        bakery.set_status(R::Completed, d(-210));
        bakery.feedback = t(
            "Apprenticeship completed; offered a permanent job from next month.",
            "Aprendizaje terminado; le ofrecieron un empleo fijo a partir del próximo mes.",
            "Apprentissage terminé ; un emploi permanent lui est proposé à partir du mois prochain.",
        )
        .into();
        bakery.feedback_on = Some(d(-210));
        p.referrals.push(referral(ServiceType::Other,
            t(
                "Example Town care leavers' network",
                "Red de egresados del cuidado de Villa Ejemplo",
                "Réseau des jeunes sortis de la protection de Ville-Exemple",
            ),
            t(
                "Peer support and a mentor after leaving care",
                "Apoyo entre pares y un mentor después de egresar del cuidado",
                "Soutien par les pairs et un mentor après la sortie de la prise en charge",
            ),
            false,
            d(-250),
            &[(R::Made, d(-250)), (R::Completed, d(-230))],
        ));
        p.referrals.0[1].feedback = t(
            "Joined the monthly meetings; matched with a mentor, Héctor.",
            "Se sumó a las reuniones mensuales; se le asignó un mentor, Héctor.",
            "Participe aux réunions mensuelles ; un mentor lui a été attribué, Héctor.",
        )
        .into();
        checklist(
            c,
            today,
            &[
                (
                    "accommodation",
                    D,
                    priya,
                    -205,
                    t(
                        "Room rented near the bakery; deposit from the leaving-care grant",
                        "Cuarto alquilado cerca de la panadería; el depósito salió del subsidio de egreso",
                        "Chambre louée près de la boulangerie ; caution payée par l'aide à la sortie",
                    ),
                ),
                (
                    "addiction",
                    NA,
                    "",
                    0,
                    t("No alcohol or drug use", "Sin consumo de alcohol ni drogas", "Aucune consommation d'alcool ni de drogues"),
                ),
                ("assistive_devices", NA, "", 0, no_disability),
                ("disability_services", NA, "", 0, no_disability),
                (
                    "language_culture",
                    NA,
                    "",
                    0,
                    t(
                        "Speaks Spanish and Aymara; close to his culture through his aunt",
                        "Habla español y aimara; cercano a su cultura gracias a su tía",
                        "Parle espagnol et aymara ; proche de sa culture grâce à sa tante",
                    ),
                ),
            ],
        );
        finish_open(c, priya, d(-240), d(-200));
        checklist(
            c,
            today,
            &[(
                "aftercare",
                P,
                priya,
                -20,
                t(
                    "Monthly visits for six months after the move",
                    "Visitas mensuales durante seis meses después de la mudanza",
                    "Visites mensuelles pendant six mois après l'emménagement",
                ),
            )],
        );
        for (m, offset, evidence) in [
            (
                Milestone::Prepared,
                -215,
                t(
                    "Life skills, budgeting and job readiness done; he chose the room himself",
                    "Habilidades para la vida, presupuesto y preparación laboral completados; él mismo eligió el cuarto",
                    "Compétences de vie, budget et préparation à l'emploi acquis ; il a choisi la chambre lui-même",
                ),
            ),
            (
                Milestone::LegalSteps,
                -210,
                t(
                    "Leaving-care decision of the Example Town child protection authority; identity card in his name",
                    "Resolución de egreso de la autoridad de protección infantil de Villa Ejemplo; documento de identidad a su nombre",
                    "Décision de fin de prise en charge de l'autorité de protection de l'enfance de Ville-Exemple ; carte d'identité à son nom",
                ),
            ),
            (
                Milestone::SafetyPlan,
                -205,
                t(
                    "Safety plan: who to call and the network's number; monthly visits for six months",
                    "Plan de seguridad: a quién llamar y el número de la red; visitas mensuales durante seis meses",
                    "Plan de sécurité : qui appeler et le numéro du réseau ; visites mensuelles pendant six mois",
                ),
            ),
            (
                Milestone::Referrals,
                -210,
                t(
                    "Example Bakery Cooperative (job); care leavers' network; mentor",
                    "Cooperativa Panadera Ejemplo (empleo); red de egresados del cuidado; mentor",
                    "Coopérative de boulangerie Exemple (emploi) ; réseau des jeunes sortis de la protection ; mentor",
                ),
            ),
            (
                Milestone::Placed,
                -200,
                t(
                    "Living on his own in a rented room near the bakery since the move",
                    "Vive solo en un cuarto alquilado cerca de la panadería desde la mudanza",
                    "Vit seul dans une chambre louée près de la boulangerie depuis l'emménagement",
                ),
            ),
        ] {
            milestone(c, m, Some(d(offset)), evidence);
        }
    });
    for (offset, wellbeing) in [
        (
            -150,
            t(
                "Proud of his room; cooking for himself.",
                "Orgulloso de su cuarto; cocina para sí mismo.",
                "Fier de sa chambre ; cuisine pour lui-même.",
            ),
        ),
        (
            -90,
            t(
                "Working full time; tired but content.",
                "Trabaja a tiempo completo; cansado pero contento.",
                "Travaille à plein temps ; fatigué mais content.",
            ),
        ),
        (
            -45,
            t(
                "Saving money; planning an evening course.",
                "Está ahorrando; planea un curso nocturno.",
                "Met de l'argent de côté ; prévoit un cours du soir.",
            ),
        ),
    ] {
        b.edit(priya, offset, (18, 0), |c, _| {
            c.plan.monitoring.visits.push(Visit {
                place: t("His room, Example Town", "Su cuarto, Villa Ejemplo", "Sa chambre, Ville-Exemple").into(),
                seen: "Andrés".into(),
                seen_alone: SeenAlone::Yes,
                wellbeing: wellbeing.into(),
                services_checked: t(
                    "Job and network meetings as planned.",
                    "Trabajo y reuniones de la red según lo previsto.",
                    "Travail et réunions du réseau comme prévu.",
                )
                .into(),
                concerns: t("None.", "Ninguna.", "Aucune.").into(),
                ..Visit::new(d(offset), priya)
            });
        });
    }
    b.edit(priya, -20, (10, 40), |c, _| {
        checklist(
            c,
            today,
            &[(
                "aftercare",
                D,
                priya,
                -20,
                t(
                    "Six months of aftercare visits completed",
                    "Seis meses de visitas de acompañamiento posterior completados",
                    "Six mois de visites de suivi après la sortie effectués",
                ),
            )],
        );
    });
    b.edit(priya, -20, (11, 0), |c, now| {
        let reason = t(
            "Andrés has lived on his own for six months, has a permanent job and a mentor, and knows how to reach the care leavers' network. Aftercare is complete.",
            "Andrés vive solo desde hace seis meses, tiene un empleo fijo y un mentor, y sabe cómo contactar a la red de egresados del cuidado. El acompañamiento posterior está completo.",
            "Andrés vit seul depuis six mois, a un emploi permanent et un mentor, et sait comment joindre le réseau des jeunes sortis de la protection. Le suivi après la sortie est terminé.",
        );
        c.close(ClosureOutcome::IndependentLiving, reason, d(-20), priya, now).expect("an open case with a reason");
    });
    b.done()
}

/// Case 7: Reunification with her father and stepmother: a child with a hearing impairment, who
/// agrees in part; an urgent referral answered in time; visits every ten days.
pub(super) fn ikram(today: NaiveDate, l: Language) -> Case {
    let d = move |n: i64| day(today, n);
    let t = move |en, es, fr| tr(l, en, es, fr);
    let amina = "Amina Diallo";
    let audiology = t(
        "Example Hospital audiology unit",
        "Unidad de audiología del Hospital Ejemplo",
        "Service d'audiologie de l'Hôpital Exemple",
    );
    let counselling_centre = t(
        "Example Family Counselling Centre",
        "Centro de Consejería Familiar Ejemplo",
        "Centre de conseil familial Exemple",
    );
    let riverside = t("Riverside house", "Casa Ribera", "Maison de la Rivière");
    let mut b = Builder::start(7, today, -90, "Ikram Haddad", amina, PlacementType::Reunification);
    b.edit(amina, -90, (10, 30), |c, _| {
        let p = &mut c.plan;
        p.worker = worker(l, amina, t("Case worker", "Gestora de casos", "Gestionnaire de cas"), "amina.diallo", d(-90));
        p.status = PlanStatus::Active;
        p.start_date = Some(d(-85));
        p.next_review = Some(d(40));
        p.child.birth_date = born(today, 12, 30);
        p.child.sex = Some(Sex::Female);
        p.child.languages = t("Arabic and Spanish", "Árabe y español", "Arabe et espagnol").into();
        p.child.disability_needs = t(
            "Moderate hearing loss; wears hearing aids in both ears. Sits near the front in class and needs instructions written down.",
            "Pérdida auditiva moderada; usa audífonos en ambos oídos. Se sienta adelante en clase y necesita las instrucciones por escrito.",
            "Perte auditive modérée ; porte des appareils auditifs aux deux oreilles. S'assoit devant en classe et a besoin des consignes par écrit.",
        )
        .into();
        p.child.current_setting = t(
            "Example Children's Service, Riverside house, for eighteen months",
            "Servicio Infantil Ejemplo, Casa Ribera, desde hace dieciocho meses",
            "Service de l'enfance Exemple, Maison de la Rivière, depuis dix-huit mois",
        )
        .into();
        p.placement.location = t(
            "Her father's flat, Example Town centre",
            "Departamento de su padre, centro de Villa Ejemplo",
            "Appartement de son père, centre de Ville-Exemple",
        )
        .into();
        p.household.push(relative(
            "Youssef Haddad",
            Relationship::Father,
            Some(Sex::Male),
            Caregiving::Planned,
            false,
            t("Father; drives a taxi at night", "Padre; maneja un taxi de noche", "Père ; chauffeur de taxi la nuit"),
        ));
        p.household.push(relative(
            "Marta Haddad",
            Relationship::StepParent,
            Some(Sex::Female),
            Caregiving::Planned,
            false,
            t("Stepmother; home in the daytime", "Madrastra; está en casa de día", "Belle-mère ; à la maison la journée"),
        ));
        p.placement.planned_date = Some(d(45));
        p.monitoring.frequency = Some(VisitFrequency::EveryNDays(10));
        p.needs.push(ProtectionNeed {
            need: t(
                "Her hearing aids need servicing and a steady supply of batteries",
                "Sus audífonos necesitan mantenimiento y un suministro constante de pilas",
                "Ses appareils auditifs ont besoin d'entretien et d'un approvisionnement régulier en piles",
            )
            .into(),
            response: t(
                "Audiology review; batteries through her health card",
                "Control de audiología; pilas a través de su seguro de salud",
                "Bilan en audiologie ; piles prises en charge par sa carte de santé",
            )
            .into(),
            by_whom: audiology.into(),
            by_when: Some(d(10)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.needs.push(ProtectionNeed {
            need: t(
                "Needs time to get to know her stepmother before moving",
                "Necesita tiempo para conocer a su madrastra antes de la mudanza",
                "A besoin de temps pour connaître sa belle-mère avant le déménagement",
            )
            .into(),
            response: t(
                "Family sessions and weekend visits",
                "Sesiones familiares y visitas de fin de semana",
                "Séances familiales et visites le week-end",
            )
            .into(),
            by_whom: amina.into(),
            by_when: Some(d(40)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.needs.push(ProtectionNeed {
            need: t(
                "The flat needs a visual doorbell and smoke alarm",
                "El departamento necesita un timbre y una alarma de humo visuales",
                "L'appartement a besoin d'une sonnette et d'un détecteur de fumée lumineux",
            )
            .into(),
            response: t(
                "Home adaptation through the disability grant",
                "Adaptación de la vivienda con el subsidio por discapacidad",
                "Aménagement du logement grâce à l'aide au handicap",
            )
            .into(),
            by_whom: t(
                "Youssef Haddad with Amina Diallo",
                "Youssef Haddad con Amina Diallo",
                "Youssef Haddad avec Amina Diallo",
            )
            .into(),
            by_when: Some(d(30)),
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Disability,
            description: t(
                "Audiology review and hearing aid maintenance",
                "Control de audiología y mantenimiento de los audífonos",
                "Bilan en audiologie et entretien des appareils auditifs",
            )
            .into(),
            provider: audiology.into(),
            by_when: Some(d(10)),
            urgent: true,
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Education,
            description: t(
                "School place with a note-taker",
                "Cupo escolar con un apoyo para tomar apuntes",
                "Place à l'école avec un preneur de notes",
            )
            .into(),
            provider: t(
                "Example Town Centre School",
                "Escuela del Centro de Villa Ejemplo",
                "École du centre de Ville-Exemple",
            )
            .into(),
            by_when: Some(d(40)),
            ..Default::default()
        });
        p.actions.push(Action {
            what: t(
                "Apply for the home adaptation grant with Youssef",
                "Solicitar con Youssef el subsidio de adaptación de la vivienda",
                "Demander avec Youssef l'aide à l'aménagement du logement",
            )
            .into(),
            responsible: amina.into(),
            by_when: Some(d(12)),
            ..Default::default()
        });
        p.best_interests.assessment_date = Some(d(-60));
    });
    b.edit(amina, -40, (15, 0), |c, _| {
        checklist(
            c,
            today,
            &[
                (
                    "family_visits",
                    P,
                    amina,
                    20,
                    t(
                        "Weekend visits every second week",
                        "Visitas de fin de semana cada dos semanas",
                        "Visites le week-end une semaine sur deux",
                    ),
                ),
                (
                    "assistive_devices",
                    P,
                    audiology,
                    10,
                    t(
                        "New ear moulds ordered",
                        "Se pidieron nuevos moldes auditivos",
                        "Nouveaux embouts auriculaires commandés",
                    ),
                ),
                (
                    "disability_services",
                    P,
                    amina,
                    30,
                    t(
                        "Deaf children's association to contact",
                        "Falta contactar a la asociación de niñez sorda",
                        "Association d'enfants sourds à contacter",
                    ),
                ),
                ("prepare_home", N, "Youssef Haddad", 30, ""),
                ("positive_parenting", N, counselling_centre, 35, ""),
                (
                    "counselling",
                    D,
                    counselling_centre,
                    -40,
                    t("Eight sessions completed", "Ocho sesiones completadas", "Huit séances effectuées"),
                ),
                (
                    "expression",
                    D,
                    riverside,
                    -50,
                    t("Joined the drama group", "Se unió al grupo de teatro", "A rejoint l'atelier théâtre"),
                ),
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
                (
                    "respite_care",
                    NA,
                    "",
                    0,
                    t(
                        "Not part of the support plan",
                        "No forma parte del plan de apoyo",
                        "Ne fait pas partie du plan de soutien",
                    ),
                ),
            ],
        );
        milestone(
            c,
            Milestone::Prepared,
            None,
            t("Family sessions under way", "Sesiones familiares en curso", "Séances familiales en cours"),
        );
    });
    b.edit(amina, -30, (9, 0), |c, _| {
        c.plan.referrals.push(referral(
            ServiceType::Disability,
            audiology,
            t(
                "One hearing aid whistles and hurts; she has stopped wearing it at school",
                "Uno de los audífonos silba y le molesta; dejó de usarlo en la escuela",
                "Un des appareils siffle et lui fait mal ; elle ne le porte plus à l'école",
            ),
            true,
            d(-30),
            &[(R::Made, d(-30))],
        ));
        c.plan.referrals.push(referral(
            ServiceType::Disability,
            t(
                "Example Deaf Children's Association",
                "Asociación de Niñez Sorda Ejemplo",
                "Association des enfants sourds Exemple",
            ),
            t(
                "Peer group for deaf and hard-of-hearing young people",
                "Grupo de pares para jóvenes sordos o con hipoacusia",
                "Groupe de pairs pour jeunes sourds et malentendants",
            ),
            false,
            d(3),
            &[],
        ));
    });
    b.edit(amina, -26, (13, 0), |c, _| {
        let r = &mut c.plan.referrals.0[0];
        r.set_status(R::Accepted, d(-26));
        r.feedback = t(
            "Appointment booked; new ear moulds ordered.",
            "Cita agendada; se pidieron nuevos moldes auditivos.",
            "Rendez-vous pris ; nouveaux embouts auriculaires commandés.",
        )
        .into();
        r.feedback_on = Some(d(-26));
    });
    b.edit(amina, -20, (16, 0), |c, _| {
        let p = &mut c.plan.participation;
        p.child_views = t(
            "I want to live with my dad. I don't know Marta well yet and I want to keep my room at Riverside until I am sure.",
            "Quiero vivir con mi papá. Todavía no conozco bien a Marta y quiero conservar mi cuarto en Casa Ribera hasta estar segura.",
            "Je veux vivre avec mon papa. Je ne connais pas encore bien Marta et je veux garder ma chambre à la Maison de la Rivière jusqu'à ce que je sois sûre.",
        )
        .into();
        p.consulted_on = Some(d(-20));
        p.consulted_how = t(
            "Conversation with Amina in a quiet room, with written notes",
            "Conversación con Amina en una sala tranquila, con notas escritas",
            "Entretien avec Amina dans une pièce calme, avec des notes écrites",
        )
        .into();
        p.child_agrees = ChildAgreement::Partly;
        p.family_views = t(
            "Youssef wants Ikram home before the new school year. Marta is willing and has started learning some sign language.",
            "Youssef quiere que Ikram esté en casa antes del nuevo año escolar. Marta está dispuesta y empezó a aprender algo de lengua de señas.",
            "Youssef veut qu'Ikram rentre avant la rentrée scolaire. Marta est prête et a commencé à apprendre un peu de langue des signes.",
        )
        .into();
    });
    for (offset, place, wellbeing) in [
        (
            -19,
            riverside,
            t(
                "Happy after a weekend at her father's; wearing both hearing aids again.",
                "Contenta después de un fin de semana con su padre; vuelve a usar los dos audífonos.",
                "Heureuse après un week-end chez son père ; porte à nouveau ses deux appareils.",
            ),
        ),
        (
            -6,
            t(
                "Her father's flat, during a weekend visit",
                "Departamento de su padre, durante una visita de fin de semana",
                "Appartement de son père, lors d'une visite le week-end",
            ),
            t(
                "Relaxed with her father; quieter with Marta but they cooked together.",
                "Relajada con su padre; más callada con Marta, pero cocinaron juntas.",
                "Détendue avec son père ; plus réservée avec Marta, mais elles ont cuisiné ensemble.",
            ),
        ),
    ] {
        b.edit(amina, offset, (17, 30), |c, _| {
            c.plan.monitoring.visits.push(Visit {
                place: place.into(),
                seen: t(
                    "Ikram; Youssef and Marta Haddad",
                    "Ikram; Youssef y Marta Haddad",
                    "Ikram ; Youssef et Marta Haddad",
                )
                .into(),
                seen_alone: SeenAlone::Yes,
                wellbeing: wellbeing.into(),
                services_checked: t(
                    "Audiology appointment kept.",
                    "Asistió a la cita de audiología.",
                    "Rendez-vous d'audiologie honoré.",
                )
                .into(),
                ..Visit::new(d(offset), amina)
            });
        });
    }
    b.done()
}

/// Case 8: Short-term foster care while his mother's situation is assessed: just started, with a
/// Best Interests Determination still needed and a supervisor's note in the history.
pub(super) fn thiago(today: NaiveDate, l: Language) -> Case {
    let d = move |n: i64| day(today, n);
    let t = move |en, es, fr| tr(l, en, es, fr);
    let (tomas, rosa) = ("Tomás Ribeiro", "Rosa Villanueva");
    let health_post =
        t("West District health post", "Puesto de salud del Distrito Oeste", "Poste de santé du quartier Ouest");
    let health_check =
        t("Health check and vaccinations", "Control de salud y vacunas", "Bilan de santé et vaccinations");
    let carers = t("Lidia and Mauro Santos", "Lidia y Mauro Santos", "Lidia et Mauro Santos");
    let mut b = Builder::start(8, today, -21, "Thiago Pereira", tomas, PlacementType::Foster);
    b.edit(tomas, -21, (12, 0), |c, _| {
        let p = &mut c.plan;
        p.worker =
            worker(l, tomas, t("Social worker", "Trabajador social", "Assistant social"), "tomas.ribeiro", d(-21));
        p.status = PlanStatus::Active;
        p.start_date = Some(d(-14));
        p.next_review = Some(d(60));
        p.child.estimated_age = Some(5);
        p.child.sex = Some(Sex::Male);
        p.child.languages = t("Portuguese and Spanish", "Portugués y español", "Portugais et espagnol").into();
        p.child.current_setting = t(
            "Emergency care at Example Children's Service for three weeks",
            "Acogida de emergencia en el Servicio Infantil Ejemplo desde hace tres semanas",
            "Accueil d'urgence au Service de l'enfance Exemple depuis trois semaines",
        )
        .into();
        p.placement.location = t(
            "Short-term foster home, west district",
            "Hogar de acogida temporal, distrito oeste",
            "Famille d'accueil temporaire, quartier ouest",
        )
        .into();
        let short_term = t(
            "Not related; short-term foster carers",
            "Sin parentesco; familia de acogida temporal",
            "Sans lien de parenté ; famille d'accueil temporaire",
        );
        for (name, sex) in [("Lidia Santos", Sex::Female), ("Mauro Santos", Sex::Male)] {
            p.household.push(relative(
                name,
                Relationship::FosterCarer,
                Some(sex),
                Caregiving::Planned,
                false,
                short_term,
            ));
        }
        p.placement.planned_date = Some(d(9));
        p.monitoring.frequency = Some(VisitFrequency::Weekly);
        p.needs.push(ProtectionNeed {
            need: t(
                "Needs a birth certificate: he has no identity documents",
                "Necesita una partida de nacimiento: no tiene documentos de identidad",
                "A besoin d'un acte de naissance : il n'a aucun papier d'identité",
            )
            .into(),
            response: t(
                "Apply to the civil registry with his mother",
                "Hacer el trámite en el registro civil con su madre",
                "Faire la demande à l'état civil avec sa mère",
            )
            .into(),
            by_whom: tomas.into(),
            by_when: Some(d(30)),
            ..Default::default()
        });
        p.needs.push(ProtectionNeed {
            need: t(
                "Needs a family home while his mother's situation is assessed",
                "Necesita un hogar familiar mientras se evalúa la situación de su madre",
                "A besoin d'un cadre familial pendant l'évaluation de la situation de sa mère",
            )
            .into(),
            response: t(
                "Short-term foster care; assessment of his mother's housing and support",
                "Acogimiento familiar temporal; evaluación de la vivienda y los apoyos de su madre",
                "Accueil familial temporaire ; évaluation du logement et du soutien de sa mère",
            )
            .into(),
            by_whom: tomas.into(),
            by_when: Some(d(9)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Health,
            description: health_check.into(),
            provider: health_post.into(),
            by_when: Some(d(5)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.services.push(Service {
            kind: ServiceType::Psychosocial,
            description: t(
                "Play sessions twice a week",
                "Sesiones de juego dos veces por semana",
                "Séances de jeu deux fois par semaine",
            )
            .into(),
            provider: organisation(l).into(),
            by_when: Some(d(30)),
            status: ItemStatus::InProgress,
            ..Default::default()
        });
        p.actions.push(Action {
            what: t(
                "Meet his mother to plan the assessment of her home",
                "Reunirse con su madre para planificar la evaluación de su vivienda",
                "Rencontrer sa mère pour préparer l'évaluation de son logement",
            )
            .into(),
            responsible: tomas.into(),
            by_when: Some(d(2)),
            ..Default::default()
        });
        p.referrals.push(referral(ServiceType::Health, health_post, health_check, false, d(-12), &[(R::Made, d(-12))]));
        p.referrals.push(referral(
            ServiceType::LegalDocumentation,
            t("Example Town civil registry", "Registro civil de Villa Ejemplo", "État civil de Ville-Exemple"),
            t(
                "Late registration of his birth",
                "Inscripción tardía de su nacimiento",
                "Déclaration tardive de sa naissance",
            ),
            false,
            d(2),
            &[],
        ));
    });
    b.edit(tomas, -10, (15, 30), |c, _| {
        let p = &mut c.plan;
        p.participation.child_views = t(
            "Thiago likes the garden and the dog at the foster home, and asked when he can see his mum. (His words, noted during play.)",
            "A Thiago le gustan el jardín y el perro del hogar de acogida, y preguntó cuándo puede ver a su mamá. (Sus palabras, anotadas durante el juego.)",
            "Thiago aime le jardin et le chien de la famille d'accueil, et a demandé quand il pourra voir sa maman. (Ses mots, notés pendant le jeu.)",
        )
        .into();
        p.participation.consulted_on = Some(d(-10));
        p.participation.consulted_how = t(
            "Play session with Tomás and his key worker",
            "Sesión de juego con Tomás y su educadora de referencia",
            "Séance de jeu avec Tomás et son éducatrice référente",
        )
        .into();
        p.participation.child_agrees = ChildAgreement::Agrees;
        p.participation.family_views = t(
            "His mother, Sandra Pereira, wants him home and agrees to short-term foster care while she finds stable housing.",
            "Su madre, Sandra Pereira, quiere que vuelva a casa y acepta el acogimiento temporal mientras consigue una vivienda estable.",
            "Sa mère, Sandra Pereira, souhaite son retour et accepte l'accueil temporaire le temps de trouver un logement stable.",
        )
        .into();
        p.best_interests.assessment_date = Some(d(-10));
        p.best_interests.determination = Determination::Needed;
        checklist(
            c,
            today,
            &[
                (
                    "family_visits",
                    P,
                    tomas,
                    7,
                    t(
                        "Twice-weekly visits with his mother at the centre",
                        "Visitas dos veces por semana con su madre en el centro",
                        "Visites deux fois par semaine avec sa mère au centre",
                    ),
                ),
                (
                    "care_setting",
                    D,
                    carers,
                    -10,
                    t(
                        "Foster home checked; a bed and a night light for him",
                        "Hogar de acogida revisado; una cama y una lamparita de noche para él",
                        "Famille d'accueil vérifiée ; un lit et une veilleuse pour lui",
                    ),
                ),
                ("realistic_expectations", N, tomas, 8, ""),
                ("reintegration_kit", N, tomas, 8, ""),
                ("day_planning", N, tomas, 9, ""),
                ("farewell", N, t("Key worker", "Educadora de referencia", "Éducatrice référente"), 9, ""),
                (
                    "vocational_training",
                    NA,
                    "",
                    0,
                    t("Thiago is five", "Thiago tiene cinco años", "Thiago a cinq ans"),
                ),
                (
                    "prepare_home",
                    NA,
                    "",
                    0,
                    t(
                        "The foster home was prepared and approved last year",
                        "El hogar de acogida se preparó y habilitó el año pasado",
                        "La famille d'accueil a été préparée et agréée l'an dernier",
                    ),
                ),
            ],
        );
    });
    b.edit(rosa, -7, (9, 45), |c, _| {
        c.plan.best_interests.outcome = t(
            "Short-term foster care approved by the supervisor; a Best Interests Determination is needed before any longer placement.",
            "Acogimiento temporal aprobado por la supervisora; se necesita una Determinación del Interés Superior antes de cualquier acogimiento más largo.",
            "Accueil temporaire approuvé par la superviseure ; une détermination de l'intérêt supérieur est nécessaire avant tout placement plus long.",
        )
        .into();
    });
    b.edit(tomas, -5, (16, 0), |c, _| {
        c.plan.monitoring.visits.push(Visit {
            place: t(
                "Foster home, introductory visit",
                "Hogar de acogida, visita de presentación",
                "Famille d'accueil, visite de présentation",
            )
            .into(),
            seen: t(
                "Thiago with Lidia Santos and his key worker",
                "Thiago con Lidia Santos y su educadora de referencia",
                "Thiago avec Lidia Santos et son éducatrice référente",
            )
            .into(),
            seen_alone: SeenAlone::NotAppropriate,
            wellbeing: t(
                "Played with the dog and explored the garden; asked twice for his mum.",
                "Jugó con el perro y recorrió el jardín; preguntó dos veces por su mamá.",
                "A joué avec le chien et exploré le jardin ; a demandé deux fois sa maman.",
            )
            .into(),
            services_checked: t("Health check booked.", "Control de salud agendado.", "Bilan de santé programmé.")
                .into(),
            ..Visit::new(d(-5), tomas)
        });
    });
    b.done()
}
