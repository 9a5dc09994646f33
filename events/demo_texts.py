"""The events' demo content (events.demo): two events, their programmes and a cast of fictional people.

Every person here is invented; the institutions are real Belgian and Moroccan bodies that such a colloquium
would invite, or marked "(fictif)".
"""

from datetime import date

from events.models import Registration

Status = Registration.Status

WORKSHOPS = [
    "Atelier A – Financer un projet binational",
    "Atelier B – Exporter vers le Maroc : les premiers pas",
    "Atelier C – Monter un partenariat université–entreprise",
    "Atelier D – Les aides publiques à l'internationalisation",
    "Atelier E – Rédiger une note de recommandations",
    "Atelier F – Cartographier l'écosystème d'accompagnement",
]
ACCESSIBILITY = [
    "Je me déplace en fauteuil roulant.",
    "Boucle magnétique souhaitée (malentendant).",
    "Place réservée près de la scène, s'il vous plaît (malvoyante).",
    "Je viens avec un chien d'assistance.",
]


def _accessibility(rng):
    return rng.choice(ACCESSIBILITY) if rng.random() < 0.06 else ""


def _expectations(rng):
    return rng.choice(
        [
            "Rencontrer des incubateurs belges pour des échanges de bonnes pratiques.",
            "Trouver des financeurs pour les porteurs de projet que nous suivons.",
            "Construire un programme commun de mentorat avec la diaspora.",
            "",
        ]
    )


COLLOQUIUM = {
    "event": {
        "slug": "colloque-60-ans-belgique-maroc",
        "kind": "colloquium",
        "title": "Colloque 60 ans – Belgique–Maroc : un diagnostic partagé",
        "summary": "Trois jours pour dresser, entre universités, institutions et entreprises, un diagnostic partagé "
        "de soixante ans de coopération belgo-marocaine.",
        "description": "En 1964, la Belgique et le Maroc signaient l'accord bilatéral de main-d'œuvre. Soixante ans "
        "plus tard, le colloque réunit **chercheurs, institutions et entreprises** des deux pays pour un "
        "diagnostic partagé : mobilités, échanges économiques, entrepreneuriat de la diaspora, coopération "
        "universitaire.\n\n- trois journées de séances plénières et de tables rondes ;\n- six ateliers "
        "pratiques (sur inscription) ;\n- des recommandations remises aux autorités des deux pays.",
        "practical_info": "**Accès** : métro Trône (lignes 2 et 6), gare de Bruxelles-Luxembourg à 10 minutes à "
        "pied.\n\n**Langues** : français et néerlandais, interprétation vers l'arabe en plénière.\n\n"
        "**Badge** : présentez le QR code de votre billet à l'accueil.",
        "venue_name": "Palais des Académies",
        "address": "Rue Ducale 1, 1000 Bruxelles",
        "city": "Bruxelles",
        "country": "BE",
        "map_url": "https://www.openstreetmap.org/search?query=Rue%20Ducale%201%2C%201000%20Bruxelles",
        "starts_at": (date(2027, 2, 10), "08:30"),
        "ends_at": (date(2027, 2, 12), "15:30"),
        "registration_opens_at": (date(2026, 9, 15), "09:00"),
        "registration_closes_at": (date(2027, 2, 5), "23:59"),
        "capacity": 230,
        "languages": ["fr", "nl", "ar"],
    },
    "days": [date(2027, 2, 10), date(2027, 2, 11), date(2027, 2, 12)],
    "categories": [
        # key, name, capacity, requires approval, invitation only
        ("participant", "Participant·e", 120, False, False),
        ("speaker", "Intervenant·e", None, False, False),
        ("student", "Étudiant·e", 40, True, False),
        ("press", "Presse", 15, True, False),
        ("partner", "Partenaire", 30, False, True),
    ],
    "questions": [
        # key, label, kind, choices, required
        ("diet", "Régime alimentaire", "single", ["Aucun", "Végétarien", "Halal", "Sans gluten", "Vegan"], True),
        ("access", "Besoins d'accessibilité", "text", [], False),
        ("workshops", "Quels ateliers vous intéressent ?", "multiple", WORKSHOPS, False),
        ("photo", "J'accepte d'être photographié·e pendant le colloque", "yes_no", [], True),
    ],
    "answer_texts": {"access": _accessibility},
    "rooms": [
        ("auditorium", "Auditorium Albert II", 300),
        ("marbres", "Salle des Marbres", 120),
        ("empire", "Salle Empire", 100),
        ("atelier1", "Salle Stevin (ateliers)", 35),
        ("atelier2", "Salle Ducale (ateliers)", 35),
    ],
    "tracks": {
        "mobility": "Mobilités et diaspora",
        "trade": "Commerce et investissement",
        "enterprise": "Entrepreneuriat et innovation",
        "research": "Recherche et formation",
    },
    "abstract": "**{title}.** Un temps d'échange entre chercheurs, institutions et entreprises des deux pays, "
    "suivi de questions de la salle. Les conclusions nourrissent le diagnostic partagé remis en clôture.",
    "programme": [
        # day, start, minutes, kind, room, track, title, speakers, workshop capacity
        (0, "08:30", 60, "break", None, None, "Accueil des participants et café", 0, None),
        (0, "09:30", 90, "plenary", "auditorium", None, "Ouverture : 1964–2024, soixante ans d'un accord", 3, None),
        (0, "11:00", 20, "break", None, None, "Pause-café", 0, None),
        (
            0,
            "11:20",
            90,
            "panel",
            "marbres",
            "mobility",
            "Trajectoires des travailleurs marocains en Belgique",
            4,
            None,
        ),
        (
            0,
            "11:20",
            90,
            "panel",
            "empire",
            "trade",
            "Échanges commerciaux Belgique–Maroc : où en sommes-nous ?",
            4,
            None,
        ),
        (0, "12:50", 70, "break", None, None, "Déjeuner", 0, None),
        (
            0,
            "14:00",
            90,
            "panel",
            "marbres",
            "enterprise",
            "Entreprendre entre deux rives : le rôle de la diaspora",
            4,
            None,
        ),
        (0, "14:00", 90, "panel", "empire", "research", "Coopération universitaire et mobilités étudiantes", 4, None),
        (0, "15:30", 20, "break", None, None, "Pause", 0, None),
        (0, "15:50", 75, "workshop", "atelier1", "enterprise", WORKSHOPS[0], 2, 30),
        (0, "15:50", 75, "workshop", "atelier2", "trade", WORKSHOPS[1], 2, 30),
        (0, "17:15", 45, "plenary", "auditorium", None, "Synthèse de la première journée", 2, None),
        (1, "09:00", 60, "plenary", "auditorium", "mobility", "Conférence : l'économie de la diaspora", 2, None),
        (1, "10:00", 20, "break", None, None, "Pause-café", 0, None),
        (
            1,
            "10:20",
            90,
            "panel",
            "marbres",
            "trade",
            "Attirer l'investissement : agences et guichets uniques",
            4,
            None,
        ),
        (1, "10:20", 90, "panel", "empire", "mobility", "Compétences et reconnaissance des diplômes", 4, None),
        (1, "12:00", 60, "break", None, None, "Déjeuner", 0, None),
        (
            1,
            "13:00",
            90,
            "panel",
            "marbres",
            "enterprise",
            "Incubateurs et accélérateurs : pratiques croisées",
            4,
            None,
        ),
        (1, "13:00", 90, "panel", "empire", "research", "Données et indicateurs pour un diagnostic partagé", 4, None),
        (1, "14:30", 20, "break", None, None, "Pause", 0, None),
        (1, "14:50", 75, "workshop", "atelier1", "research", WORKSHOPS[2], 2, 25),
        (1, "14:50", 75, "workshop", "atelier2", "trade", WORKSHOPS[3], 2, 25),
        (1, "16:15", 75, "panel", "auditorium", "trade", "Table ronde : des entreprises témoignent", 4, None),
        (1, "19:00", 150, "break", None, None, "Dîner des 60 ans (sur invitation)", 0, None),
        (2, "09:00", 75, "panel", "marbres", "enterprise", "Économie sociale et coopératives : un pont", 4, None),
        (2, "09:00", 75, "panel", "empire", "trade", "Transition énergétique : des projets communs", 4, None),
        (2, "10:15", 20, "break", None, None, "Pause-café", 0, None),
        (2, "10:35", 75, "workshop", "atelier1", "research", WORKSHOPS[4], 2, 30),
        (2, "10:35", 75, "workshop", "atelier2", "enterprise", WORKSHOPS[5], 2, 30),
        (2, "11:50", 70, "break", None, None, "Déjeuner", 0, None),
        (2, "13:00", 90, "plenary", "auditorium", None, "Restitution des ateliers et recommandations", 3, None),
        (2, "14:30", 60, "plenary", "auditorium", None, "Clôture : vers les 70 ans", 3, None),
    ],
    "registrations": [
        # category key, status, how many (speakers register in their own category: one per speaker)
        ("participant", Status.CONFIRMED, 120),
        ("participant", Status.WAITLISTED, 20),
        ("participant", Status.CANCELLED, 8),
        ("participant", Status.AWAITING_EMAIL, 5),
        ("student", Status.CONFIRMED, 24),
        ("student", Status.PENDING, 9),
        ("student", Status.DECLINED, 2),
        ("student", Status.CANCELLED, 2),
        ("press", Status.CONFIRMED, 6),
        ("press", Status.PENDING, 3),
        ("partner", Status.CONFIRMED, 16),
        ("partner", Status.CANCELLED, 2),
    ],
}

EXTERNAL_SPEAKERS = [
    # name, organisation, job title, biography
    ("Nadia Bouazzaoui", "Université Mohammed Premier d'Oujda", "Professeure d'économie régionale",
     "Ses recherches portent sur les transferts de la diaspora et le développement de l'Oriental."),
    ("Pieter Van Daele", "KU Leuven", "Chercheur en études migratoires",
     "Il étudie les parcours professionnels des descendants de travailleurs migrants en Flandre."),
    ("Hanane El Ouardi", "Université Mohammed V de Rabat (UM5)", "Maîtresse de conférences en sociologie",
     "Spécialiste des mobilités étudiantes entre le Maroc et l'Europe."),
    ("Laurent Delvaux", "UCLouvain", "Professeur de droit international",
     "Il enseigne le droit des migrations et des accords bilatéraux."),
    ("Soufiane Kharbouch", "ULB – Institut de sociologie", "Chercheur postdoctoral",
     "Il travaille sur l'histoire orale de l'immigration marocaine à Bruxelles."),
    ("Griet Verhaegen", "Enabel", "Responsable du portefeuille Maroc",
     "Elle coordonne les programmes d'appui à l'emploi des jeunes et à la formation professionnelle."),
    ("Youssra Amzil", "AMDIE", "Directrice de la promotion des investissements",
     "Elle accompagne les investisseurs européens qui s'implantent au Maroc."),
    ("Marc Devillers", "AWEX", "Attaché économique et commercial",
     "Il aide les PME wallonnes à prospecter le marché marocain."),
    ("Ilham Chakiri", "CRI de l'Oriental", "Directrice du pôle accompagnement",
     "Elle dirige le guichet unique des créateurs d'entreprise de la région."),
    ("Sarah Van Hecke", "hub.brussels", "Conseillère internationale Afrique du Nord",
     "Elle organise les missions économiques bruxelloises vers le Maghreb."),
    ("Abdelkrim Tounsi", "Chambre de Commerce, d'Industrie et de Services de l'Oriental", "Secrétaire général",
     "Il anime le réseau des entreprises exportatrices de l'Oriental."),
    ("Els Vanderstraeten", "Flanders Investment & Trade", "Responsable Maghreb",
     "Elle conseille les entreprises flamandes sur les marchés d'Afrique du Nord."),
    ("Rachid Bellahcen", "Université Mohammed Premier d'Oujda", "Professeur de gestion",
     "Il dirige un master en entrepreneuriat et accompagne les start-ups étudiantes."),
    ("Catherine Lemaire", "ULiège – HEC", "Professeure d'entrepreneuriat",
     "Elle étudie les entreprises fondées par des entrepreneurs issus de la diaspora."),
    ("Mounia Zerrouki", "Fondation Hassan II pour les Marocains résidant à l'étranger", "Chargée d'études",
     "Elle suit les dynamiques économiques des Marocains du monde."),
    ("Tom Verbiest", "UGent", "Économiste du développement",
     "Il travaille sur les chaînes de valeur agroalimentaires euro-méditerranéennes."),
    ("Fatiha Ouazzani", "Maroc PME", "Cheffe de projet internationalisation",
     "Elle accompagne les PME marocaines vers les marchés européens."),
    ("Bruno Collard", "SPF Affaires étrangères", "Conseiller en diplomatie économique",
     "Il suit les relations économiques bilatérales avec le Maroc."),
    ("Karima Benslimane", "Consulat général du Maroc à Bruxelles", "Conseillère aux affaires économiques",
     "Elle fait le lien entre les entrepreneurs de la diaspora et les institutions marocaines."),
    ("Olivier Masset", "BECI – Chambre de commerce de Bruxelles", "Responsable des missions internationales",
     "Il prépare les entreprises bruxelloises aux missions à l'étranger."),
    ("Zakaria El Hamdaoui", "Oriental Développement (fictif)", "Chef de projet",
     "Il pilote des projets d'infrastructures économiques dans la région de Nador."),
    ("An De Smet", "VUB", "Chercheuse en entrepreneuriat social",
     "Elle étudie les coopératives et l'économie sociale de part et d'autre de la Méditerranée."),
    ("Driss Lahrichi", "ENCG Oujda", "Professeur de finance",
     "Il travaille sur l'accès au financement des très petites entreprises."),
    ("Hélène Fontaine", "Wallonie-Bruxelles International", "Déléguée au Maroc",
     "Elle coordonne la coopération culturelle et universitaire à Rabat."),
    ("Said Ait Brahim", "Réseau des entrepreneurs de la diaspora (fictif)", "Président",
     "Entrepreneur binational, il a fondé deux entreprises logistiques entre Anvers et Tanger."),
    ("Ingrid Peeters", "Enabel", "Experte formation professionnelle",
     "Elle accompagne les centres de formation de l'Oriental."),
    ("Latifa Naji", "Agence de l'Oriental", "Responsable de l'innovation",
     "Elle développe les programmes d'incubation de la technopole d'Oujda."),
    ("Geoffroy Dumont", "Fonds d'amorçage Bruxelles-Méditerranée (fictif)", "Gestionnaire de participations",
     "Il investit dans de jeunes entreprises à impact."),
    ("Meryem Ferhat", "Université Hassan II de Casablanca", "Professeure de statistique",
     "Elle construit des indicateurs de la coopération économique bilatérale."),
    ("Koen Vandaele", "KU Leuven Research & Development", "Responsable du transfert technologique",
     "Il accompagne les spin-offs universitaires vers l'international."),
    ("Noura Bakkali", "Maison de l'entrepreneuriat belgo-marocain (fictif)", "Coordinatrice",
     "Elle oriente les porteurs de projets binationaux."),
    ("Mathieu Renard", "UCLouvain – CriDIS", "Doctorant",
     "Sa thèse porte sur les politiques publiques d'accompagnement entrepreneurial."),
]  # fmt: skip

GUEST_ORGANISATIONS = [
    "ULB", "UCLouvain", "KU Leuven", "UGent", "ULiège", "VUB", "Université Mohammed Premier d'Oujda",
    "Université Mohammed V de Rabat", "ENCG Oujda", "AWEX", "hub.brussels", "Enabel", "AMDIE",
    "CRI de l'Oriental", "Flanders Investment & Trade", "BECI", "Maroc PME", "Agence de l'Oriental",
    "Atlas Export Conseil", "Brabant Solar Partners", "LogiPort Anvers–Tanger Med", "Casablanca Fintech Hub", "",
]  # fmt: skip

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
