"""An autumn school demo course: financing a project in Morocco (French).

Its catalogue fields, lessons (title, minutes, video, Markdown), live sessions (title, description, minutes)
and an optional quiz (questions with an explanation and (choice, correct) pairs).
"""

MODULE = {
    "key": "financer-un-projet-au-maroc",
    "title": "Financer un projet au Maroc",
    "summary": "Fonds propres, prêts, garanties et investisseurs : construire un plan de financement solide.",
    "description": (
        "Entreprendre au Maroc depuis la Belgique, ou l'inverse, pose une question concrète : **qui "
        "finance quoi ?** Ce module passe en revue les guichets publics (CRI, Maroc PME, Tamwilcom), les "
        "prêts bancaires, les programmes pour les jeunes entrepreneurs et les investisseurs privés, y compris "
        "ceux de la diaspora.\n\n"
        "Vous repartez avec un **plan de financement** sur trois ans et une liste d'interlocuteurs à "
        "contacter."
    ),
    "theme": "financing",
    "level": "intermediate",
    "language": "fr",
    "format": "blended",
    "hours": 15,
    "instructors": ["meryem.chraibi@exemple.ma", "sophie.dubois@exemple.be"],
    "lessons": [
        (
            "Cartographie des financements",
            20,
            "",
            "On distingue trois grandes familles :\n\n"
            "- les **fonds propres** : votre apport, celui de vos associés, de business angels ou d'un fonds "
            "d'amorçage, en échange d'une part du capital ;\n"
            "- la **dette** : prêt bancaire, prêt d'honneur, crédit-bail, avec ou sans garantie ;\n"
            "- les **aides non remboursables** : subventions, prix de concours, primes à l'investissement.\n\n"
            "Un banquier prête rarement sans apport : comptez en pratique 20 à 30 % de fonds propres pour "
            "un premier crédit d'investissement. L'ordre compte aussi : les aides et les prêts d'honneur "
            "renforcent vos fonds propres, et donc votre capacité d'emprunt.",
        ),
        (
            "Les guichets publics : CRI, Maroc PME et Tamwilcom",
            30,
            "",
            "Les **Centres Régionaux d'Investissement (CRI)** sont le guichet unique de l'investisseur dans "
            "chaque région : création d'entreprise, orientation vers les aides, accompagnement des projets. "
            "Le CRI de Tanger-Tétouan-Al Hoceïma, par exemple, reçoit de nombreux porteurs de projets "
            "logistiques liés à Tanger Med.\n\n"
            "**Maroc PME** est l'agence nationale de promotion de la petite et moyenne entreprise : elle "
            "propose des programmes d'appui à l'investissement et à la modernisation des TPME, souvent sous "
            "forme de cofinancement.\n\n"
            "**Tamwilcom** (l'ancienne Caisse Centrale de Garantie) ne prête pas directement aux porteurs de "
            "projets dans la plupart des cas : elle **garantit** une partie du crédit accordé par votre banque, "
            "ce qui rend le dossier acceptable. Elle porte aussi des instruments pour les startups innovantes.\n\n"
            "**Exercice** : identifiez le CRI de la région de votre projet et préparez trois questions à lui "
            "poser.",
        ),
        (
            "Intelaka et les prêts aux jeunes entrepreneurs",
            25,
            "",
            "Lancé en 2020, le programme **Intelaka** facilite l'accès au crédit des jeunes entrepreneurs, des "
            "très petites entreprises et des auto-entrepreneurs, avec des taux réduits et une garantie publique. "
            "Les conditions évoluent : vérifiez-les auprès de votre banque et du CRI avant de bâtir votre plan.\n\n"
            "Un dossier de crédit convaincant contient :\n\n"
            "1. une présentation courte du projet et de l'équipe ;\n"
            "2. un plan de financement qui montre l'apport personnel ;\n"
            "3. un compte de résultat prévisionnel prudent sur trois ans ;\n"
            "4. des devis pour les investissements.\n\n"
            "Salma, créatrice textile à Oujda, a obtenu son premier prêt en présentant des bons de commande "
            "d'une boutique bruxelloise : la preuve de marché pèse souvent plus que le tableur.",
        ),
        (
            "Investisseurs et diaspora : business angels, fonds d'amorçage, financement participatif",
            25,
            "",
            "Les **business angels** investissent leur propre argent et leur expérience ; ils attendent une "
            "croissance forte et une sortie à cinq ou sept ans. Les **fonds d'amorçage** font de même à plus "
            "grande échelle, avec un processus plus formel.\n\n"
            "Le Maroc a encadré le **financement participatif** (prêt, don et investissement) par la loi 15-18. "
            "Pour un projet de la diaspora, c'est un moyen de mobiliser une communauté des deux côtés.\n\n"
            "Côté belge, un projet bruxellois peut s'adresser à **finance.brussels**, et un projet wallon aux "
            "outils régionaux d'investissement : utile quand la société mère est en Belgique et la filiale "
            "au Maroc.",
        ),
        (
            "Construire son plan de financement",
            30,
            "",
            "Le plan de financement met face à face **les besoins** (investissements, besoin en fonds de "
            "roulement, frais de démarrage) et **les ressources** (apports, prêts, aides). Il doit être "
            "équilibré chaque année.\n\n"
            "Erreur fréquente : oublier le **besoin en fonds de roulement**. Si vos clients paient à 60 jours "
            "et vos fournisseurs à 30, vous financez un mois d'activité. Pour un exportateur qui attend son "
            "paiement après le passage en douane, c'est souvent le premier poste.\n\n"
            "Remplissez le modèle présenté en séance, puis faites-le relire par un binôme : un regard extérieur "
            "repère vite une hypothèse trop optimiste.",
        ),
    ],
    "sessions": [
        ("Questions-réponses avec une chargée d'affaires", "Vos questions sur les dossiers de crédit.", 60),
        ("Simulation de rendez-vous bancaire", "Présentez votre plan de financement en dix minutes.", 90),
    ],
    "quiz": {
        "title": "Quiz : financer son projet",
        "pass_mark": 60,
        "max_attempts": None,
        "questions": [
            (
                "Quel est le rôle principal de Tamwilcom pour un porteur de projet ?",
                "Tamwilcom garantit une partie du prêt bancaire, ce qui réduit le risque de la banque.",
                [
                    ("Garantir une partie du crédit bancaire", True),
                    ("Délivrer le registre de commerce", False),
                    ("Prendre une part du capital de chaque entreprise", False),
                ],
            ),
            (
                "Que sont les CRI ?",
                "Les Centres Régionaux d'Investissement accueillent et orientent les investisseurs dans chaque région.",
                [
                    ("Des banques publiques", False),
                    ("Les guichets uniques régionaux de l'investissement", True),
                    ("Des fonds de capital-risque", False),
                ],
            ),
            (
                "Quelle part de fonds propres un banquier attend-il souvent pour un premier crédit ?",
                "Un apport de 20 à 30 % est un ordre de grandeur courant.",
                [("Aucune", False), ("Environ 20 à 30 %", True), ("Au moins 80 %", False)],
            ),
            (
                "Quel poste est le plus souvent oublié dans un plan de financement ?",
                "Le besoin en fonds de roulement : l'argent immobilisé entre les paiements.",
                [
                    ("Le besoin en fonds de roulement", True),
                    ("Le prix des machines", False),
                    ("Le loyer", False),
                ],
            ),
            (
                "Quelle loi encadre le financement participatif au Maroc ?",
                "La loi 15-18 encadre le prêt, le don et l'investissement participatifs.",
                [("La loi 15-18", True), ("La loi 09-08", False), ("La loi 114-13", False)],
            ),
        ],
    },
}
