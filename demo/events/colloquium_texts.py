"""The Brussels colloquium's demo content: the event, its programme, workshops and speakers (colloquium.py).

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
