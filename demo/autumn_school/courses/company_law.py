"""An autumn school demo course: Belgian and Moroccan company law: choosing a legal form (French).

Its catalogue fields, lessons (title, minutes, video, Markdown), live sessions (title, description, minutes)
and an optional quiz (questions with an explanation and (choice, correct) pairs).
"""

MODULE = {
    "key": "droit-des-societes-belge-et-marocain",
    "title": "Droit des sociétés belge et marocain : choisir sa forme juridique",
    "summary": "SRL ou SARL, associé unique ou pacte d'associés : les bons choix juridiques des deux côtés.",
    "description": (
        "Faut-il créer une société en Belgique, au Maroc, ou dans les deux pays ? Ce module compare les "
        "formes juridiques les plus utilisées par les petites entreprises, leurs coûts, la responsabilité "
        "des fondateurs et les points d'attention quand les associés vivent de part et d'autre de la "
        "Méditerranée.\n\n"
        "*Ce module donne des repères généraux ; il ne remplace pas le conseil d'un avocat ou d'un notaire.*"
    ),
    "theme": "law",
    "level": "intermediate",
    "language": "fr",
    "format": "self_paced",
    "hours": 8,
    "instructors": ["omar.haddou@exemple.be"],
    "lessons": [
        (
            "Entreprendre en Belgique : personne physique ou SRL ?",
            25,
            "",
            "En **personne physique**, vous démarrez vite et à peu de frais, mais votre patrimoine privé "
            "répond des dettes de l'activité.\n\n"
            "Depuis le **Code des sociétés et des associations** de 2019, la **SRL** n'a plus de capital "
            "minimum. Les fondateurs doivent en revanche apporter des **capitaux propres suffisants** et "
            "remettre au notaire un **plan financier** détaillé : s'il était manifestement insuffisant et que "
            "la société fait faillite dans les trois ans, leur responsabilité peut être engagée.\n\n"
            "Dans les deux cas, l'entreprise est inscrite à la **Banque-Carrefour des Entreprises** via un "
            "guichet d'entreprises, qui lui attribue son numéro d'entreprise.",
        ),
        (
            "Créer sa société au Maroc : SARL, SARL AU et auto-entrepreneur",
            25,
            "",
            "La **SARL** est la forme la plus répandue au Maroc ; avec un seul associé, on parle de **SARL "
            "AU** (associé unique). Le capital est fixé librement par les associés.\n\n"
            "Les étapes clés : certificat négatif (disponibilité du nom) auprès de l'OMPIC, statuts, dépôt du "
            "capital, inscriptions fiscales et au registre de commerce, obtention de l'**ICE** (identifiant "
            "commun de l'entreprise). Les CRI et la plateforme de création en ligne simplifient ce parcours.\n\n"
            "Pour tester une activité de services à petite échelle, le statut d'**auto-entrepreneur** "
            "(loi 114-13) offre une fiscalité simple, dans la limite de plafonds de chiffre d'affaires.",
        ),
        (
            "Associés dans deux pays : pacte d'associés et gouvernance",
            25,
            "",
            "Youssef vit à Casablanca, son associée Lotte à Gand. Leur société marocaine a une filiale de "
            "distribution en Belgique. Sans règles écrites, la première divergence devient un blocage.\n\n"
            "Un **pacte d'associés** précise notamment :\n\n"
            "- qui décide de quoi, et à quelle majorité ;\n"
            "- ce qui se passe si l'un veut sortir (clause de préemption, prix de rachat) ;\n"
            "- l'engagement de chacun (temps, non-concurrence) ;\n"
            "- la langue du contrat et le tribunal ou l'arbitrage compétent.\n\n"
            "Prévoyez aussi les assemblées à distance et la signature électronique : elles évitent bien des "
            "allers-retours.",
        ),
        (
            "Fiscalité : éviter la double imposition",
            20,
            "",
            "La Belgique et le Maroc ont conclu une **convention préventive de la double imposition**. Elle "
            "répartit le droit d'imposer entre les deux États pour les bénéfices, les dividendes, les intérêts "
            "et les salaires.\n\n"
            "Une question revient souvent : une activité menée au Maroc depuis la Belgique crée-t-elle un "
            "**établissement stable** ? Un bureau fixe ou un agent qui conclut des contrats peut suffire. "
            "Faites valider votre montage par un conseiller fiscal des deux pays avant de facturer.",
        ),
    ],
    "sessions": [],
    "quiz": {
        "title": "Quiz : formes juridiques",
        "pass_mark": 70,
        "max_attempts": 2,
        "questions": [
            (
                "Quel capital minimum la SRL belge exige-t-elle depuis 2019 ?",
                "Aucun capital minimum, mais des capitaux propres suffisants et un plan financier.",
                [("18 550 €", False), ("Aucun, mais un plan financier est obligatoire", True), ("1 €", False)],
            ),
            (
                "Comment s'appelle une SARL marocaine à un seul associé ?",
                "SARL AU : SARL à associé unique.",
                [("SNC", False), ("SARL AU", True), ("SA", False)],
            ),
            (
                "Quel identifiant chaque entreprise marocaine reçoit-elle ?",
                "L'ICE, identifiant commun de l'entreprise.",
                [("L'ICE", True), ("Le numéro BCE", False), ("Le numéro TVA intracommunautaire", False)],
            ),
            (
                "Que règle un pacte d'associés ? (plusieurs réponses)",
                "Il organise les décisions et la sortie des associés ; la TVA relève de la loi.",
                [
                    ("La sortie d'un associé", True),
                    ("Les majorités de décision", True),
                    ("Le taux de TVA applicable", False),
                ],
            ),
        ],
    },
}
