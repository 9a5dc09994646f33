"""The autumn school demo's course texts and cast (fictional people, real-world references), used by demo.py.

Each module: its catalogue fields, lessons (title, minutes, video, Markdown), live sessions (title,
description, minutes) and an optional quiz (questions with an explanation and (choice, correct) pairs).
"""

BMC_VIDEO = "https://www.youtube.com/watch?v=QoAOzMTLP5s"  # Strategyzer, "Business Model Canvas Explained"
PITCH_VIDEO = "https://www.youtube.com/watch?v=u4ZoJKF_VuA"  # Simon Sinek, "How great leaders inspire action"

MODULES = [
    {
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
                    "Les plus importantes pour le projet et les moins sûres : ce sont elles qui peuvent le faire "
                    "échouer.",
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
    },
    {
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
                    "Les Centres Régionaux d'Investissement accueillent et orientent les investisseurs dans chaque "
                    "région.",
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
    },
    {
        "key": "export-logistique-europe-afrique",
        "title": "Export et logistique Europe–Afrique : d'Anvers à Tanger Med",
        "summary": "Incoterms, origine, documents et normes : expédier sans mauvaise surprise entre les deux rives.",
        "description": (
            "Un conteneur quitte Anvers le lundi ; il peut être à Tanger Med quelques jours plus tard. Entre les "
            "deux, il y a des **Incoterms**, des **documents d'origine**, des contrôles sanitaires et des "
            "droits de douane à anticiper.\n\n"
            "Module en autonomie, avec une séance de questions en direct. Cas pratiques : huile d'argan vers "
            "le Benelux, pièces automobiles vers l'Europe, machines belges vers le Maroc."
        ),
        "theme": "export-logistics",
        "level": "intermediate",
        "language": "fr",
        "format": "self_paced",
        "hours": 10,
        "instructors": ["hicham.benjelloun@exemple.ma"],
        "lessons": [
            (
                "Le corridor Anvers–Tanger Med",
                20,
                "",
                "**Tanger Med**, à l'entrée du détroit de Gibraltar, est devenu l'un des plus grands ports à "
                "conteneurs de la Méditerranée. Autour de lui, des zones d'activités accueillent l'industrie "
                "automobile, le textile et la logistique.\n\n"
                "Côté belge, le **port d'Anvers-Bruges** est l'une des grandes portes de l'Europe. Plusieurs "
                "lignes maritimes relient les deux ports, et le transport routier par remorque via le détroit "
                "complète l'offre pour les envois urgents.\n\n"
                "Choisir entre **conteneur complet** et **groupage** dépend du volume : en dessous de quelques "
                "palettes, le groupage est presque toujours moins cher, mais plus lent.",
            ),
            (
                "Incoterms 2020 : qui paie quoi, qui risque quoi",
                30,
                "",
                "Les **Incoterms** de la Chambre de commerce internationale fixent le point où le risque et les "
                "frais passent du vendeur à l'acheteur. Les plus courants entre la Belgique et le Maroc :\n\n"
                "- **EXW** (à l'usine) : l'acheteur s'occupe de tout, y compris de l'export : risqué pour lui ;\n"
                "- **FCA** (franco transporteur) : le vendeur dédouane à l'export et remet la marchandise au "
                "transporteur ;\n"
                "- **FOB** et **CIF** : réservés au transport maritime ; en CIF le vendeur paie fret et assurance ;\n"
                "- **DAP** et **DDP** : livraison à destination ; en DDP le vendeur paie aussi les droits "
                "d'importation.\n\n"
                "Écrivez toujours l'Incoterm avec le lieu et la version : « FCA Anvers, Incoterms 2020 ».",
            ),
            (
                "Origine préférentielle et documents",
                30,
                "",
                "L'**accord d'association entre l'Union européenne et le Maroc** permet à de nombreux produits "
                "industriels originaires de circuler sans droits de douane. Encore faut-il prouver l'origine : "
                "certificat **EUR.1** ou déclaration d'origine sur facture, selon les règles en vigueur.\n\n"
                "Le dossier type d'un envoi : facture commerciale, liste de colisage, document de transport "
                "(connaissement maritime ou lettre de voiture), preuve d'origine et, selon le produit, certificats "
                "sanitaires ou de conformité.\n\n"
                "Au Maroc, la douane est l'**ADII** (Administration des Douanes et Impôts Indirects). Un bon "
                "transitaire des deux côtés vaut plus qu'un fret négocié au dirham près.",
            ),
            (
                "Produits alimentaires : normes, ONSSA et AFSCA",
                25,
                "",
                "Exporter de l'huile d'argan, des dattes ou des épices vers la Belgique suppose de respecter les "
                "règles européennes de sécurité alimentaire et d'étiquetage. En Belgique, l'**AFSCA** contrôle la "
                "chaîne alimentaire ; au Maroc, l'**ONSSA** agrée les établissements et délivre les certificats "
                "sanitaires à l'export.\n\n"
                "Points de vigilance : résidus de pesticides, traçabilité des lots, étiquetage en français et en "
                "néerlandais pour le marché belge, et allergènes.\n\n"
                "Téléchargez la check-list des documents : elle suit un envoi de la commande au dédouanement.",
            ),
        ],
        "sessions": [
            ("Questions en direct : vos expéditions", "Apportez un cas réel : nous le déroulons ensemble.", 60),
        ],
        "quiz": {
            "title": "Quiz : Incoterms et documents",
            "pass_mark": 75,
            "max_attempts": 3,
            "questions": [
                (
                    "Avec quel Incoterm le vendeur paie-t-il aussi les droits d'importation ?",
                    "DDP : rendu droits acquittés.",
                    [("EXW", False), ("FCA", False), ("DDP", True)],
                ),
                (
                    "Quels Incoterms sont réservés au transport maritime ? (plusieurs réponses)",
                    "FOB et CIF ne s'emploient que pour le maritime et les voies navigables.",
                    [("FOB", True), ("CIF", True), ("DAP", False)],
                ),
                (
                    "Quel document prouve l'origine préférentielle d'un produit ?",
                    "Le certificat EUR.1 (ou une déclaration d'origine selon les cas).",
                    [("La liste de colisage", False), ("Le certificat EUR.1", True), ("Le bon de commande", False)],
                ),
                (
                    "Quel organisme délivre les certificats sanitaires à l'export au Maroc ?",
                    "L'ONSSA, l'Office national de sécurité sanitaire des produits alimentaires.",
                    [("L'ONSSA", True), ("L'AFSCA", False), ("Le CRI", False)],
                ),
            ],
        },
    },
    {
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
    },
    {
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
    },
    {
        "key": "pitcher-son-projet",
        "title": "Pitcher son projet devant des investisseurs",
        "summary": "Trois minutes pour convaincre : structure, deck et questions du jury, avec entraînement en direct.",
        "description": (
            "Un module **en direct**, en petit groupe : chaque participant pitche son projet au moins deux "
            "fois et reçoit des retours précis. La dernière séance est une simulation de jury avec des "
            "investisseurs du réseau DIMOBEL.\n\n"
            "Places limitées : la présence à au moins une séance en direct est nécessaire pour valider le module."
        ),
        "theme": "pitching",
        "level": "beginner",
        "language": "fr",
        "format": "live",
        "hours": 6,
        "capacity": 6,
        "required_live_sessions": 1,
        "instructors": ["lotte.peeters@exemple.be", "formateur@dimobel.org"],
        "lessons": [
            (
                "La structure d'un pitch de trois minutes",
                20,
                PITCH_VIDEO,
                "Un pitch n'est pas un résumé du business plan : c'est une histoire qui donne envie d'en savoir "
                "plus. Une structure qui fonctionne :\n\n"
                "1. **le problème**, avec un exemple concret ;\n"
                "2. **la solution**, et pourquoi maintenant ;\n"
                "3. **le marché** et vos premiers clients ;\n"
                "4. **le modèle économique** ;\n"
                "5. **l'équipe** ;\n"
                "6. **la demande** : combien, pour quoi faire.\n\n"
                "Regardez la vidéo : commencer par le *pourquoi* rend un pitch mémorable.",
            ),
            (
                "Un deck de dix diapositives",
                20,
                "",
                "La règle « 10/20/30 » popularisée par Guy Kawasaki : **10 diapositives, 20 minutes, police de 30 "
                "points** au minimum. Pour un concours de trois minutes, gardez cinq à sept diapositives.\n\n"
                "Une idée par diapositive, des chiffres lisibles, une photo de votre produit plutôt qu'un schéma. "
                "Terminez par une diapositive de contact qui reste affichée pendant les questions.",
            ),
            (
                "Répondre aux questions du jury",
                20,
                "",
                "Les questions sont une bonne nouvelle : le jury s'intéresse à votre projet. Préparez les "
                "classiques : *Qui sont vos concurrents ? Combien avez-vous vendu ? Que ferez-vous de l'argent ? "
                "Pourquoi vous ?*\n\n"
                "Répondez court, avec un chiffre, puis arrêtez-vous. Si vous ne savez pas, dites-le et proposez "
                "d'envoyer la réponse : c'est plus crédible qu'une improvisation.\n\n"
                "Des occasions de pitcher existent des deux côtés : concours des incubateurs, événements de "
                "hub.brussels, programmes des technopoles et des universités marocaines.",
            ),
        ],
        "sessions": [
            ("Entraînement au pitch n° 1", "Premier passage et retours du groupe.", 90),
            ("Entraînement au pitch n° 2", "Deuxième passage avec votre deck.", 90),
            ("Simulation de jury", "Pitch de trois minutes devant des investisseurs du réseau.", 120),
        ],
        "quiz": None,
    },
    {
        "key": "scaling-social-enterprise",
        "title": "Scaling a social enterprise between Belgium and Morocco",
        "summary": "Theory of change, legal forms for impact, impact measurement and blended finance.",
        "description": (
            "For founders whose project already works locally and who want to grow its **impact** across both "
            "countries. Taught in English, with cases from Brussels, Liège, Agadir and the Oriental region.\n\n"
            "You will leave with a theory of change, three impact indicators and a funding roadmap."
        ),
        "theme": "leadership",
        "level": "advanced",
        "language": "en",
        "format": "blended",
        "hours": 8,
        "instructors": ["sophie.dubois@exemple.be"],
        "lessons": [
            (
                "From project to social enterprise: your theory of change",
                25,
                "",
                "A **theory of change** links what you do to the change you want to see: *activities → outputs → "
                "outcomes → impact*. An argan cooperative near Agadir trains women in quality control (activity), "
                "certifies its oil as organic (output), sells to European shops at a better price (outcome), and "
                "raises its members' income (impact).\n\n"
                "Write yours on one page, and mark the assumptions that link each step to the next.",
            ),
            (
                "Legal forms for impact: Belgian social enterprises and Moroccan cooperatives",
                25,
                "",
                "In Belgium, a cooperative company can be **accredited as a social enterprise**, which signals "
                "that its main aim is a positive social impact and limits the return paid to shareholders.\n\n"
                "In Morocco, **cooperatives** are governed by law 112-12 and supported by the **Office du "
                "Développement de la Coopération (ODCO)**. Many women's cooperatives in the argan and textile "
                "sectors use this form.\n\n"
                "Growing across the two countries often means a partnership between a Belgian company that sells "
                "and a Moroccan cooperative that produces: write down who owns the brand and the customer "
                "relationship.",
            ),
            (
                "Measuring and reporting impact",
                20,
                "",
                "Pick **three indicators** you can measure every quarter without a research team: for example, "
                "members' average monthly income, the share of product sold at fair prices, and the number of "
                "women trained.\n\n"
                "Report them honestly, including what did not work. Impact investors read the trend and the "
                "learning, not a perfect number.",
            ),
            (
                "Funding growth: impact investors and blended finance",
                20,
                "",
                "**Blended finance** combines grants, patient loans and equity, each taking the risk it can bear. "
                "A grant can pay for the first impact study, a low-interest loan for working capital, and an "
                "impact fund's equity for the second production site.\n\n"
                "Prepare a funding roadmap: which need, which instrument, which funder, and when.",
            ),
        ],
        "sessions": [
            ("Case clinic: your impact model", "Bring your theory of change; we review it in small groups.", 75),
        ],
        "quiz": {
            "title": "Quiz: social enterprise",
            "pass_mark": 75,
            "max_attempts": 3,
            "questions": [
                (
                    "Which order does a theory of change follow?",
                    "Activities lead to outputs, outputs to outcomes, outcomes to impact.",
                    [
                        ("Activities → outputs → outcomes → impact", True),
                        ("Impact → activities → outputs → outcomes", False),
                    ],
                ),
                (
                    "Which law governs cooperatives in Morocco?",
                    "Law 112-12 on cooperatives.",
                    [("Law 112-12", True), ("Law 09-08", False), ("Law 15-18", False)],
                ),
                (
                    "How many impact indicators are recommended to start with?",
                    "Three indicators you can measure every quarter.",
                    [("One", False), ("Three", True), ("Twenty", False)],
                ),
                (
                    "What does blended finance combine?",
                    "Grants, loans and equity, each taking the risk it can bear.",
                    [("Grants, loans and equity", True), ("Only bank loans", False)],
                ),
            ],
        },
    },
    {
        "key": "madkhal-riyadat-al-aamal",
        "title": "مدخل إلى ريادة الأعمال: من الفكرة إلى المشروع",
        "summary": "كيف تجد فكرة مشروع، وتختبرها في السوق، وتعرف جهات الدعم في المغرب وبلجيكا.",
        "description": (
            "وحدة تمهيدية باللغة العربية للشباب الذين يفكرون في إنشاء مشروعهم الأول.\n\n"
            "نتعلم خطوة بخطوة كيف نحوّل **فكرة** إلى **مشروع** قابل للتنفيذ، مع أمثلة من المغرب وبلجيكا."
        ),
        "theme": "business-model",
        "level": "beginner",
        "language": "ar",
        "format": "self_paced",
        "hours": 6,
        "instructors": ["rania.amrani@exemple.ma", "meryem.chraibi@exemple.ma"],
        "lessons": [
            (
                "كيف تجد فكرة مشروع؟",
                20,
                "",
                "تبدأ أفضل المشاريع غالبًا من **مشكلة حقيقية** يعيشها الناس كل يوم، وليس من منتج نحبه نحن.\n\n"
                "اكتب عشر مشاكل لاحظتها في حيّك أو في عملك أو عند أسرتك، ثم اختر منها ثلاثًا:\n\n"
                "1. مشكلة يعاني منها عدد كبير من الناس؛\n"
                "2. مشكلة مستعدون للدفع من أجل حلّها؛\n"
                "3. مشكلة لديك خبرة أو شغف بها.\n\n"
                "مثال: لاحظت سلمى في وجدة أن الحرفيات لا يجدن طريقة لبيع منتجاتهن في بروكسل، فبدأت مشروعها من هنا.",
            ),
            (
                "دراسة السوق بوسائل بسيطة",
                25,
                "",
                "لا تحتاج إلى ميزانية كبيرة لدراسة السوق. ابدأ بـ **عشر مقابلات** مع زبائن محتملين، واسألهم عن "
                "تجربتهم مع المشكلة، لا عن رأيهم في فكرتك.\n\n"
                "بعد ذلك جرّب **بيعًا مسبقًا** صغيرًا: إذا دفع عشرون شخصًا ثمن المنتج قبل صنعه، فهذا دليل أقوى "
                "من أي استبيان.\n\n"
                "دوّن ما تتعلمه في جدول بسيط: ما الذي افترضته؟ ما الذي وجدته؟ ماذا ستغيّر؟",
            ),
            (
                "خطواتك الأولى: جهات الدعم في المغرب وبلجيكا",
                20,
                "",
                "في المغرب، تستقبل **المراكز الجهوية للاستثمار** حاملي المشاريع وتوجّههم نحو الإجراءات والدعم، "
                "كما توفّر الحاضنات الجامعية والجهوية المواكبة والتكوين. ويتيح برنامج **انطلاقة** قروضًا ميسّرة "
                "للشباب.\n\n"
                "في بلجيكا، يمكن لحاملي المشاريع في بروكسل التوجّه إلى **hub.brussels** للمواكبة، وإلى "
                "**finance.brussels** للتمويل.\n\n"
                "ابدأ صغيرًا، وتعلّم بسرعة، واطلب المساعدة مبكرًا.",
            ),
        ],
        "sessions": [],
        "quiz": {
            "title": "اختبار: من الفكرة إلى المشروع",
            "pass_mark": 60,
            "max_attempts": None,
            "questions": [
                (
                    "من أين تبدأ أفضل المشاريع غالبًا؟",
                    "من مشكلة حقيقية يعيشها الناس.",
                    [("من مشكلة حقيقية يعيشها الناس", True), ("من منتج نحبه نحن", False)],
                ),
                (
                    "ما هو أقوى دليل على وجود طلب في السوق؟",
                    "البيع المسبق: أن يدفع الناس قبل صنع المنتج.",
                    [("استبيان على الإنترنت", False), ("بيع مسبق", True), ("رأي الأصدقاء", False)],
                ),
                (
                    "كم مقابلة يُنصح بها للبداية؟",
                    "عشر مقابلات مع زبائن محتملين.",
                    [("مقابلة واحدة", False), ("عشر مقابلات", True)],
                ),
                (
                    "ما هي الجهة التي تستقبل حاملي المشاريع في كل جهة من جهات المغرب؟",
                    "المراكز الجهوية للاستثمار.",
                    [("المراكز الجهوية للاستثمار", True), ("البنوك فقط", False)],
                ),
            ],
        },
    },
]

QUESTIONS = [
    # module key, asker email, title, body, instructor's answer
    (
        "financer-un-projet-au-maroc",
        "apprenante@dimobel.org",
        "Un prêt Intelaka pour une SARL créée depuis la Belgique ?",
        "Je vis à Bruxelles et je crée une SARL à Tanger avec mon cousin. Pouvons-nous demander un prêt "
        "Intelaka si je suis la gérante et que je ne réside pas au Maroc ?",
        "Bonne question : ce sont surtout la société et son activité au Maroc qui comptent, mais la banque "
        "regardera qui la dirige au quotidien. Prenez rendez-vous au CRI de Tanger avec vos statuts : ils "
        "vous diront quelles pièces préparer.",
    ),
    (
        "business-model-canvas",
        "amina.elidrissi@exemple.be",
        "Un canvas par segment de clients ?",
        "Mes clients sont des épiceries fines et des particuliers : faut-il faire deux canvas ?",
        "Oui, si les propositions de valeur et les canaux diffèrent vraiment. Commencez par un canvas avec deux "
        "couleurs de post-it, une par segment ; s'il devient illisible, séparez-les.",
    ),
]

# email: first name, last name, language, headline, country, city
INSTRUCTORS = {
    "formateur@dimobel.org": ("Jean-Luc", "Vandenberghe", "fr", "Formateur en création d'entreprise", "BE", "Namur"),
    "meryem.chraibi@exemple.ma": (
        "Meryem", "Chraibi", "fr", "Chargée d'affaires PME, financement de projets", "MA", "Casablanca",
    ),
    "hicham.benjelloun@exemple.ma": (
        "Hicham", "Benjelloun", "fr", "Commissionnaire en douane et logisticien, Tanger Med", "MA", "Tanger",
    ),
    "rania.amrani@exemple.ma": ("Rania", "Amrani", "ar", "Consultante en marketing digital", "MA", "Rabat"),
    # Members of the network's demo who also teach.
    "omar.haddou@exemple.be": ("Omar", "Haddou", "en", "", "BE", "Anvers"),
    "lotte.peeters@exemple.be": ("Lotte", "Peeters", "nl", "", "BE", "Gand"),
    "sophie.dubois@exemple.be": ("Sophie", "Dubois", "fr", "", "BE", "Liège"),
}  # fmt: skip

# email: first name, last name, language (network demo members are reused as they are)
LEARNERS = {
    "apprenante@dimobel.org": ("Inès", "Lamrani", "fr"),
    "yasmine.tahiri@exemple.be": ("Yasmine", "Tahiri", "fr"),
    "bilal.ouali@exemple.ma": ("Bilal", "Ouali", "ar"),
    "sara.janssens@exemple.be": ("Sara", "Janssens", "nl"),
    "ilias.mansouri@exemple.be": ("Ilias", "Mansouri", "fr"),
    "noor.elfassi@exemple.ma": ("Noor", "El Fassi", "fr"),
    "thomas.willems@exemple.be": ("Thomas", "Willems", "en"),
    "hajar.berrada@exemple.ma": ("Hajar", "Berrada", "fr"),
    "adam.kettani@exemple.ma": ("Adam", "Kettani", "fr"),
    "amina.elidrissi@exemple.be": ("Amina", "El Idrissi", "fr"),
    "youssef.bouzid@exemple.ma": ("Youssef", "Bouzid", "ar"),
    "salma.bennani@exemple.ma": ("Salma", "Bennani", "fr"),
    "mehdi.tazi@exemple.ma": ("Mehdi", "Tazi", "fr"),
}

# Who did what. Past edition: (learner, module key, "done" or lessons done). Current edition: the stage.
PAST = [
    ("apprenante@dimobel.org", "business-model-canvas", "done"),
    ("amina.elidrissi@exemple.be", "export-logistique-europe-afrique", "done"),
    ("youssef.bouzid@exemple.ma", "madkhal-riyadat-al-aamal", "done"),
    ("youssef.bouzid@exemple.ma", "financer-un-projet-au-maroc", "done"),
    ("salma.bennani@exemple.ma", "marketing-digital-deux-rives", "done"),
    ("yasmine.tahiri@exemple.be", "business-model-canvas", "done"),
    ("sara.janssens@exemple.be", "scaling-social-enterprise", "done"),
    ("ilias.mansouri@exemple.be", "droit-des-societes-belge-et-marocain", "done"),
    ("mehdi.tazi@exemple.ma", "droit-des-societes-belge-et-marocain", 2),
    ("adam.kettani@exemple.ma", "financer-un-projet-au-maroc", 1),
]
# (learner, module key, stage, lessons done, days since last activity)
CURRENT = [
    ("apprenante@dimobel.org", "financer-un-projet-au-maroc", "learning", 2, 2),
    ("apprenante@dimobel.org", "pitcher-son-projet", "waitlisted", 0, 0),
    ("salma.bennani@exemple.ma", "pitcher-son-projet", "waitlisted", 0, 0),
    ("yasmine.tahiri@exemple.be", "pitcher-son-projet", "learning", 2, 1),
    ("bilal.ouali@exemple.ma", "pitcher-son-projet", "learning", 1, 3),
    ("sara.janssens@exemple.be", "pitcher-son-projet", "learning", 2, 1),
    ("ilias.mansouri@exemple.be", "pitcher-son-projet", "learning", 0, 5),
    ("noor.elfassi@exemple.ma", "pitcher-son-projet", "learning", 1, 2),
    ("adam.kettani@exemple.ma", "pitcher-son-projet", "learning", 2, 4),
    ("amina.elidrissi@exemple.be", "marketing-digital-deux-rives", "done", 5, 3),
    ("mehdi.tazi@exemple.ma", "financer-un-projet-au-maroc", "learning", 5, 1),  # failed the quiz once
    ("thomas.willems@exemple.be", "business-model-canvas", "learning", 1, 10),
    ("hajar.berrada@exemple.ma", "business-model-canvas", "learning", 2, 12),
    ("noor.elfassi@exemple.ma", "business-model-canvas", "learning", 3, 1),
    ("youssef.bouzid@exemple.ma", "export-logistique-europe-afrique", "learning", 1, 6),
    ("bilal.ouali@exemple.ma", "madkhal-riyadat-al-aamal", "learning", 2, 2),
    ("ilias.mansouri@exemple.be", "business-model-canvas", "cancelled", 0, 20),
]
