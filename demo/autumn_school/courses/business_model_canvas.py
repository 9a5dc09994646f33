"""An autumn school demo course: building a business model with the Business Model Canvas (French).

Its catalogue fields, lessons (title, minutes, video, Markdown), live sessions (title, description, minutes)
and an optional quiz (questions with an explanation and (choice, correct) pairs).
"""

BMC_VIDEO = "https://www.youtube.com/watch?v=QoAOzMTLP5s"  # Strategyzer, "Business Model Canvas Explained"

MODULE = {
    "key": "business-model-canvas",
    "title": "Construire son modèle d'affaires avec le Business Model Canvas",
    "summary": "Du problème client au modèle économique, en neuf blocs et avec des cas belgo-marocains.",
    "description": (
        "Vous avez une idée ; ce module vous aide à la transformer en **modèle d'affaires** cohérent.\n\n"
        "Nous travaillons avec le *Business Model Canvas* d'Alexander Osterwalder : neuf blocs qui tiennent "
        "sur une page et que l'on remplit, teste et corrige. Les exemples viennent de projets entre "
        "Bruxelles, Anvers, Casablanca et Fès.\n\n"
        "**À la fin du module**, vous aurez un canvas complet de votre projet, trois hypothèses à tester "
        "et un plan d'entretiens avec de vrais clients."
    ),
    "theme": "business-model",
    "level": "beginner",
    "language": "fr",
    "format": "blended",
    "hours": 12,
    "instructors": ["formateur@dimobel.org"],
    "lessons": [
        (
            "Pourquoi un modèle d'affaires avant un business plan ?",
            20,
            BMC_VIDEO,
            "Un business plan de quarante pages rassure, mais il décrit souvent un projet qui n'a pas encore "
            "rencontré ses clients. Le **modèle d'affaires** répond d'abord à une question plus simple : "
            "*comment mon projet crée-t-il, délivre-t-il et capture-t-il de la valeur ?*\n\n"
            "Le Business Model Canvas tient sur une feuille A3. On le remplit au crayon ou avec des post-it, "
            "parce qu'il va changer : chaque entretien client, chaque devis de fournisseur, chaque échec de "
            "vente le corrige.\n\n"
            "Regardez la vidéo de présentation, puis notez en trois lignes :\n\n"
            "1. le problème que vous résolvez ;\n"
            "2. pour qui ;\n"
            "3. pourquoi ces personnes paieraient pour votre solution plutôt que pour celle d'un concurrent.",
        ),
        (
            "Les neuf blocs du canvas",
            30,
            "",
            "Le canvas se lit de droite à gauche : d'abord le marché, ensuite l'organisation.\n\n"
            "| Bloc | La question |\n|---|---|\n"
            "| Segments de clients | Pour qui créons-nous de la valeur ? |\n"
            "| Proposition de valeur | Quel problème résolvons-nous ? |\n"
            "| Canaux | Comment atteignons-nous nos clients ? |\n"
            "| Relation client | Quel lien entretenons-nous avec eux ? |\n"
            "| Sources de revenus | Pour quoi paient-ils, et comment ? |\n"
            "| Ressources clés | Que nous faut-il absolument ? |\n"
            "| Activités clés | Que devons-nous faire très bien ? |\n"
            "| Partenaires clés | Sur qui nous appuyons-nous ? |\n"
            "| Structure de coûts | Que coûte le modèle ? |\n\n"
            "Téléchargez le canevas vierge en ressource, imprimez-le en A3 et remplissez d'abord les blocs "
            "de droite. Une règle : **un post-it, une idée**.",
        ),
        (
            "Segments de clients et proposition de valeur",
            25,
            "",
            "Prenons *Zitoun & Co*, une jeune marque d'huile d'olive de la région de Meknès qui veut vendre "
            "en Belgique. « Les Belges » n'est pas un segment. En revanche, on peut viser :\n\n"
            "- les **épiceries fines** bruxelloises qui cherchent des produits d'origine traçable ;\n"
            "- les **restaurants** méditerranéens d'Anvers et de Liège, qui achètent en bidons de 5 litres ;\n"
            "- la **diaspora** marocaine, sensible au goût du terroir et aux coffrets pour l'Aïd.\n\n"
            "Chaque segment a ses propres tâches, problèmes et gains attendus. Pour l'épicerie fine, le "
            "problème est de justifier un prix élevé : la proposition de valeur passe par l'étiquette, "
            "l'histoire de la coopérative et un échantillon en dégustation. Pour le restaurant, c'est la "
            "régularité de la qualité et la livraison rapide.\n\n"
            "**Exercice** : choisissez deux segments de votre projet et écrivez pour chacun une proposition "
            "de valeur en une phrase.",
        ),
        (
            "Revenus, coûts et ressources : le cas d'une épicerie fine Bruxelles–Fès",
            30,
            "",
            "Nadia ouvre à Saint-Gilles une épicerie fine de produits marocains et vend aussi en ligne. Ses "
            "**revenus** viennent de trois sources : la vente en boutique, des coffrets cadeaux pour les "
            "entreprises et un abonnement mensuel de découverte.\n\n"
            "Ses **coûts** les plus lourds sont le loyer, le transport (un groupage maritime tous les deux "
            "mois via Tanger Med et Anvers) et le stock. Sa **ressource clé** n'est pas le local, mais sa "
            "relation avec quatre coopératives de la région de Fès, qui lui garantissent l'exclusivité.\n\n"
            "Le canvas montre vite une fragilité : si le transport double, la marge des coffrets disparaît. "
            "Nadia teste donc un prix plus élevé sur les coffrets avant de signer un bail plus grand.\n\n"
            "> Un bon canvas ne cache pas les risques : il les rend visibles assez tôt pour les tester.",
        ),
        (
            "Tester ses hypothèses sur le terrain",
            25,
            "",
            "Chaque post-it du canvas est une **hypothèse**. Classez-les selon deux critères : l'importance "
            "pour le projet et ce que vous en savez vraiment. Commencez par tester les hypothèses importantes "
            "dont vous êtes le moins sûr.\n\n"
            "Trois tests peu coûteux :\n\n"
            "- **dix entretiens** avec des clients potentiels, sans présenter votre solution ;\n"
            "- une **page d'atterrissage** avec un bouton « Je réserve » pour mesurer l'intérêt ;\n"
            "- une **pré-vente** à prix réel auprès de vingt personnes.\n\n"
            "Les structures d'accompagnement peuvent vous aider à organiser ces tests : hub.brussels à "
            "Bruxelles, les incubateurs universitaires, ou au Maroc les programmes des incubateurs régionaux. "
            "Apportez votre canvas à la séance en direct : nous le passerons en revue en petits groupes.",
        ),
    ],
    "sessions": [
        ("Atelier : remplir son canvas en binôme", "Venez avec une idée ; repartez avec un canvas complet.", 90),
        ("Retours sur vos canvas", "Chaque binôme présente son canvas en trois minutes.", 90),
    ],
    "quiz": {
        "title": "Quiz : le Business Model Canvas",
        "pass_mark": 70,
        "max_attempts": 3,
        "questions": [
            (
                "Combien de blocs compte le Business Model Canvas ?",
                "Neuf blocs : segments, proposition de valeur, canaux, relation client, revenus, ressources, "
                "activités, partenaires et coûts.",
                [("Six", False), ("Neuf", True), ("Douze", False)],
            ),
            (
                "Par quels blocs est-il conseillé de commencer ?",
                "On part du marché (la droite du canvas) avant l'organisation.",
                [
                    ("Les segments de clients et la proposition de valeur", True),
                    ("La structure de coûts", False),
                    ("Les partenaires clés", False),
                ],
            ),
            (
                "Lequel de ces énoncés est un segment de clients utilisable ?",
                "Un segment décrit un groupe aux besoins communs, assez précis pour être rencontré.",
                [
                    ("Les Belges", False),
                    ("Les restaurants méditerranéens d'Anvers qui achètent en gros", True),
                    ("Tout le monde aime l'huile d'olive", False),
                ],
            ),
            (
                "Quelles hypothèses tester en premier ?",
                "Les plus importantes pour le projet et les moins sûres : ce sont elles qui peuvent le faire échouer.",
                [
                    ("Les plus faciles à tester", False),
                    ("Les plus importantes et les moins sûres", True),
                    ("Celles sur lesquelles l'équipe est d'accord", False),
                ],
            ),
            (
                "Lesquels sont des tests peu coûteux d'une idée ? (plusieurs réponses)",
                "Entretiens et pré-ventes apprennent beaucoup pour peu d'argent ; un local commercial engage "
                "avant de savoir.",
                [
                    ("Des entretiens avec des clients potentiels", True),
                    ("Une pré-vente à prix réel", True),
                    ("La signature d'un bail commercial de neuf ans", False),
                ],
            ),
        ],
    },
}
