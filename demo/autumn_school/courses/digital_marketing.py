"""An autumn school demo course: digital marketing for a brand between two shores (French).

Its catalogue fields, lessons (title, minutes, video, Markdown), live sessions (title, description, minutes)
and an optional quiz (questions with an explanation and (choice, correct) pairs).
"""

MODULE = {
    "key": "marketing-digital-deux-rives",
    "title": "Marketing digital pour une marque entre deux rives",
    "summary": "Personas, réseaux sociaux, site trilingue et données personnelles : une stratégie en un plan.",
    "description": (
        "Vendre à la fois à Bruxelles et à Casablanca, c'est parler à des publics qui n'utilisent pas les "
        "mêmes réseaux ni les mêmes langues. Ce module construit pas à pas un **plan marketing digital** "
        "réaliste pour une petite marque : qui viser, où publier, comment mesurer et comment respecter les "
        "règles sur les données personnelles."
    ),
    "theme": "marketing",
    "level": "beginner",
    "language": "fr",
    "format": "self_paced",
    "hours": 10,
    "instructors": ["rania.amrani@exemple.ma"],
    "lessons": [
        (
            "Connaître ses clients des deux côtés (personas)",
            20,
            "",
            "Un **persona** est le portrait d'un client type, construit à partir d'entretiens réels. Pour "
            "*Atlas Thé*, une marque de thés marocains :\n\n"
            "- **Sarah, 34 ans, Gand** : découvre la marque sur Instagram, achète en ligne, lit en "
            "néerlandais, sensible au bio ;\n"
            "- **Hamid, 52 ans, Casablanca** : achète en épicerie, fidèle à une marque, écoute les "
            "recommandations de ses proches sur WhatsApp.\n\n"
            "Ils n'ont ni le même parcours d'achat ni les mêmes canaux : votre plan doit en tenir compte.",
        ),
        (
            "Réseaux sociaux : Instagram, TikTok, LinkedIn et WhatsApp Business",
            25,
            "",
            "Choisissez **deux réseaux au plus** au départ, ceux où se trouvent vos personas, et tenez un "
            "rythme régulier plutôt qu'un grand lancement sans suite.\n\n"
            "- **Instagram et TikTok** pour les produits visuels et les coulisses de fabrication ;\n"
            "- **LinkedIn** si vous vendez aux entreprises (coffrets, services) ;\n"
            "- **WhatsApp Business**, très utilisé au Maroc, pour le catalogue, les commandes et le service "
            "client.\n\n"
            "Un calendrier éditorial simple : trois publications par semaine, une vidéo courte, une réponse "
            "à chaque message dans la journée.",
        ),
        (
            "Référencement et site vitrine trilingue",
            25,
            "",
            "Votre site est la seule vitrine que vous maîtrisez. Pour un public belgo-marocain, prévoyez le "
            "français, le néerlandais ou l'anglais, et l'arabe si votre clientèle marocaine le demande.\n\n"
            "Trois règles de **référencement** : une page par produit avec un titre clair, des textes écrits "
            "pour les humains (les mots que vos clients tapent vraiment), et des fiches d'établissement à jour "
            "sur les cartes en ligne pour la boutique physique.",
        ),
        (
            "Données personnelles : RGPD et loi 09-08",
            20,
            "",
            "En Europe, le **RGPD** s'applique dès que vous traitez des données de personnes dans l'Union. Au "
            "Maroc, la **loi 09-08** protège les données personnelles, sous le contrôle de la **CNDP**.\n\n"
            "En pratique : une base légale pour chaque traitement (consentement pour la newsletter), une "
            "politique de confidentialité lisible, un registre des traitements et des données conservées "
            "le temps nécessaire. Attention aux transferts de fichiers clients entre les deux pays.",
        ),
        (
            "Mesurer : du coût d'acquisition au taux de conversion",
            20,
            "",
            "Suivez peu d'indicateurs, mais chaque semaine :\n\n"
            "| Indicateur | Calcul |\n|---|---|\n"
            "| Taux de conversion | commandes ÷ visites |\n"
            "| Coût d'acquisition | dépenses marketing ÷ nouveaux clients |\n"
            "| Panier moyen | chiffre d'affaires ÷ commandes |\n\n"
            "Si une campagne Instagram de 300 € amène 15 nouveaux clients, votre coût d'acquisition est de "
            "20 €. Il doit rester nettement inférieur à la marge que vous laisse un client sur un an.",
        ),
    ],
    "sessions": [
        ("Audit en direct de vos comptes", "Nous regardons ensemble trois comptes de participants.", 60),
    ],
    "quiz": {
        "title": "Quiz : marketing digital",
        "pass_mark": 60,
        "max_attempts": None,
        "questions": [
            (
                "Sur quoi se construit un persona ?",
                "Sur des entretiens et des données réelles, pas sur l'intuition seule.",
                [("Des entretiens avec de vrais clients", True), ("L'avis de l'équipe", False)],
            ),
            (
                "Quelle autorité contrôle la protection des données au Maroc ?",
                "La CNDP, qui veille à l'application de la loi 09-08.",
                [("La CNDP", True), ("L'ONSSA", False), ("La CNIL", False)],
            ),
            (
                "300 € de publicité amènent 15 nouveaux clients. Quel est le coût d'acquisition ?",
                "300 ÷ 15 = 20 €.",
                [("15 €", False), ("20 €", True), ("45 €", False)],
            ),
            (
                "Combien de réseaux sociaux est-il raisonnable d'animer au départ ?",
                "Deux au plus, bien choisis et tenus régulièrement.",
                [("Deux au plus", True), ("Tous", False), ("Aucun", False)],
            ),
        ],
    },
}
