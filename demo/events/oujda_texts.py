"""The Oujda meeting's demo content: the event, its B2B meeting blocks, the Oriental's business-support
professionals and what they write in their meeting requests (oujda.py). Every person here is invented."""

from datetime import date

from demo.events.colloquium_texts import EXTERNAL_SPEAKERS  # some of the colloquium's speakers come to Oujda too
from events.models import Registration

Status = Registration.Status


def _expectations(rng):
    return rng.choice(
        [
            "Rencontrer des incubateurs belges pour des échanges de bonnes pratiques.",
            "Trouver des financeurs pour les porteurs de projet que nous suivons.",
            "Construire un programme commun de mentorat avec la diaspora.",
            "",
        ]
    )


OUJDA = {
    "event": {
        "slug": "rencontres-accompagnement-oujda",
        "kind": "meeting",
        "title": "Rencontres de l'accompagnement – Oujda",
        "summary": "Deux jours pour mettre en réseau les professionnels de l'accompagnement, du développement "
        "économique et de l'entrepreneuriat, avec des rendez-vous B2B.",
        "description": "Incubateurs, agences publiques, chambres de commerce, universités et financeurs de "
        "Belgique et du Maroc se retrouvent à Oujda.\n\nLe premier jour est consacré aux **rendez-vous B2B** : "
        "réservez vos rencontres de 30 minutes avec les autres participants, selon vos offres et vos besoins.",
        "practical_info": "**Accès** : aéroport Oujda-Angads à 15 minutes, navette depuis la gare.\n\n"
        "**Rendez-vous B2B** : les tables sont numérotées ; votre agenda figure au dos de votre badge.",
        "venue_name": "Technopole d'Oujda – centre de conférences",
        "address": "Technopole d'Oujda, route de Saïdia, Oujda",
        "city": "Oujda",
        "country": "MA",
        "map_url": "https://www.openstreetmap.org/search?query=Technopole%20Oujda",
        "starts_at": (date(2027, 4, 14), "09:00"),
        "ends_at": (date(2027, 4, 15), "16:00"),
        "registration_opens_at": (date(2026, 10, 1), "09:00"),
        "registration_closes_at": (date(2027, 4, 9), "23:59"),
        "capacity": 150,
        "languages": ["fr", "ar"],
        "b2b_enabled": True,
        "b2b_slot_minutes": 30,
        "b2b_tables": 20,
        "b2b_max_meetings": 8,
    },
    "days": [date(2027, 4, 14), date(2027, 4, 15)],
    "meeting_blocks": [("10:00", "12:30"), ("14:00", "16:30")],
    "categories": [
        ("pro", "Professionnel·le de l'accompagnement", 120, False, False),
        ("project", "Porteur·se de projet", 40, False, False),
        ("partner", "Institution partenaire", 20, True, True),
    ],
    "questions": [
        (
            "structure",
            "Votre structure",
            "single",
            [
                "Incubateur ou accélérateur",
                "Agence publique",
                "Chambre de commerce",
                "Université",
                "Association",
                "Financeur",
                "Autre",
            ],
            True,
        ),
        ("expectations", "Ce que vous attendez des rendez-vous B2B", "text", [], False),
    ],
    "answer_texts": {"expectations": _expectations},
    "rooms": [
        ("auditorium", "Auditorium de la Technopole", 200),
        ("b2b", "Espace des rendez-vous B2B", 40),
        ("angad", "Salle Angad", 40),
    ],
    "tracks": {"network": "Réseau et pratiques", "finance": "Financement"},
    "abstract": "**{title}.** Échanges entre professionnels de l'accompagnement de Belgique et du Maroc.",
    "programme": [
        (
            0,
            "09:00",
            60,
            "plenary",
            "auditorium",
            None,
            "Ouverture : l'accompagnement entrepreneurial dans l'Oriental",
            3,
            None,
        ),
        (0, "10:00", 150, "plenary", "b2b", "network", "Rendez-vous B2B – première session", 0, None),
        (0, "12:30", 90, "break", None, None, "Déjeuner", 0, None),
        (0, "14:00", 150, "plenary", "b2b", "network", "Rendez-vous B2B – deuxième session", 0, None),
        (0, "16:45", 75, "panel", "auditorium", "network", "Mesurer l'impact de l'accompagnement", 3, None),
        (1, "09:30", 90, "panel", "auditorium", "finance", "Financer les porteurs de projets de la diaspora", 3, None),
        (1, "11:00", 90, "workshop", "angad", "network", "Atelier : outils de suivi des porteurs de projet", 2, 30),
        (1, "12:30", 60, "break", None, None, "Déjeuner", 0, None),
        (1, "14:00", 90, "plenary", "auditorium", None, "Vers un réseau belgo-marocain de l'accompagnement", 3, None),
    ],
    "speakers": [EXTERNAL_SPEAKERS[i] for i in (8, 10, 20, 22, 26, 6, 9, 30)],
    "other_registrations": [
        ("project", Status.CONFIRMED, 6),
        ("partner", Status.CONFIRMED, 4),
        ("partner", Status.PENDING, 2),
        ("pro", Status.CANCELLED, 3),
        ("pro", Status.AWAITING_EMAIL, 2),
    ],
}

OUJDA_PROFESSIONALS = [
    # first, last, email, headline, city, sectors, offers, needs
    ("Hamid", "Ouchen", "hamid.ouchen@exemple.ma", "Chargé d'incubation à la technopole", "Oujda",
     ["digital"], ["incubation", "mentoring"], ["financing", "business-partners"]),
    ("Samira", "Lakhdar", "samira.lakhdar@exemple.ma", "Conseillère création d'entreprise", "Oujda",
     ["social-economy"], ["training", "mentoring"], ["networking"]),
    ("Mustapha", "Aarab", "mustapha.aarab@exemple.ma", "Responsable d'un fonds de garantie régional", "Oujda",
     ["finance"], ["financing"], ["business-partners"]),
    ("Khaoula", "Ziani", "khaoula.ziani@exemple.ma", "Animatrice d'un espace de coworking", "Berkane",
     ["digital", "education"], ["incubation", "networking"], ["mentoring"]),
    ("Yahya", "Boukili", "yahya.boukili@exemple.ma", "Chargé d'affaires à la chambre de commerce", "Nador",
     ["logistics"], ["market-access", "import-export"], ["business-partners"]),
    ("Asmae", "Rifi", "asmae.rifi@exemple.ma", "Coordinatrice d'un programme d'entrepreneuriat féminin", "Oujda",
     ["textile", "social-economy"], ["mentoring", "training"], ["financing"]),
    ("Anouar", "Messaoudi", "anouar.messaoudi@exemple.ma", "Consultant en développement territorial", "Taourirt",
     ["agrifood"], ["market-access"], ["investment"]),
    ("Siham", "Belkadi", "siham.belkadi@exemple.ma", "Responsable partenariats à l'université", "Oujda",
     ["education"], ["training", "recruitment"], ["business-partners"]),
    ("Nabil", "Hajji", "nabil.hajji@exemple.ma", "Mentor bénévole, ancien dirigeant industriel", "Oujda",
     ["construction"], ["mentoring"], ["networking"]),
    ("Rim", "Lamrabet", "rim.lamrabet@exemple.ma", "Chargée de projets export agroalimentaire", "Berkane",
     ["agrifood"], ["import-export"], ["market-access", "business-partners"]),
    ("Omar", "Chentouf", "omar.chentouf@exemple.ma", "Analyste crédit en microfinance", "Oujda",
     ["finance"], ["financing"], ["mentoring"]),
    ("Ikram", "Taleb", "ikram.taleb@exemple.ma", "Cheffe de projet énergie solaire", "Figuig",
     ["renewable-energy"], ["subcontracting"], ["investment", "financing"]),
    ("Badr", "Senhaji", "badr.senhaji@exemple.ma", "Responsable d'un accélérateur numérique", "Oujda",
     ["digital"], ["incubation"], ["investment"]),
    ("Hind", "Moussaoui", "hind.moussaoui@exemple.ma", "Chargée de mission au conseil régional", "Oujda",
     ["tourism"], ["networking", "financing"], ["business-partners"]),
    ("Jamal", "Azzouzi", "jamal.azzouzi@exemple.ma", "Expert-comptable, accompagnement des TPE", "Nador",
     ["finance"], ["legal-tax"], ["business-partners"]),
    ("Wiam", "Kaddouri", "wiam.kaddouri@exemple.ma", "Responsable RSE d'une coopérative", "Jerada",
     ["social-economy", "agrifood"], ["market-access"], ["training"]),
]  # fmt: skip

MEETING_NOTES = [
    "Je cherche des incubateurs partenaires pour un programme d'échange de coachs.",
    "Nous accompagnons des porteurs de projet agroalimentaires : je cherche des débouchés au Benelux.",
    "Intéressée par des cofinancements pour nos start-ups en phase d'amorçage.",
    "Je souhaite rencontrer des universités pour des stages en entreprise.",
    "Nous montons un réseau de mentors issus de la diaspora : rejoignez-nous !",
    "À la recherche de partenaires pour un programme d'accélération export.",
    "Je présente notre fonds de garantie et ses conditions pour les TPE.",
    "Échange de bonnes pratiques sur le suivi des porteurs de projet après création.",
]
