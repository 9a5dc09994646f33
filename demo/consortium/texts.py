"""The consortium demo's data: the members and their experts, the jurors, the applications (with the screening's
reasons), the milestones, needs and meeting notes, and the call texts. In French, like the programme's own documents;
everything is fictional. Used by seed.py."""


def _table(text):
    """Rows of ``a | b | c`` lines (a line starting with "|" continues the one before); lists inside a cell are
    space-separated, split where used."""
    rows = []
    for line in text.strip().splitlines():
        cells = [cell.strip() for cell in line.strip().split("|")]
        if line.strip().startswith("|"):
            rows[-1] += cells[1:]
        else:
            rows.append(cells)
    return [tuple(row) for row in rows]


# organisation | kind | countries | city | sectors | services | what it offers the projects
MEMBERS = _table("""
Incubateur Oriental Innov | incubator | MA | Oujda | digital agrifood | incubation mentoring business-plan
  | Hébergement à Oujda, mentorat hebdomadaire et mise en relation avec les investisseurs de l'Oriental.
Gand Digital Lab | incubator | BE | Gand | digital | incubation digital mentoring
  | Six mois d'accélération pour les projets numériques qui visent le marché belge.
Fondation Crédit Atlas pour l'Entrepreneuriat | funder | MA BE | Casablanca | finance | financing business-plan
  | Prêts d'honneur jusqu'à 20 000 € et revue du plan de financement par nos analystes.
Benkirane & Van Damme Avocats | company | BE MA | Bruxelles | finance | legal-tax
  | Choix de la forme juridique, pactes d'associés, fiscalité des flux entre la Belgique et le Maroc.
Agence Corridor Export Maroc–Benelux | support-agency | MA BE | Tanger | logistics agrifood | export
  | Études de marché, salons professionnels et formalités d'export, des deux côtés du corridor.
Fonds Impact Méditerranée | funder | BE MA FR | Liège | finance social-economy | financing
  | Tickets d'amorçage de 50 000 à 300 000 € pour les entreprises à impact social ou environnemental.
Maison de l'Entreprise Bruxelles-Maroc | association | BE MA | Bruxelles | social-economy | mentoring hr business-plan
  | Permanences d'orientation et mentors bénévoles issus de la diaspora.
""")

# email | first name | last name | language | headline | country | city | sectors | help offered | member (index)
EXPERTS = _table("""
mentor@dimobel.org | Pieter | Claes | nl | Coach de start-ups numériques | BE | Gand | digital
  | mentoring incubation | 1
rachida.ouazzani@exemple.ma | Rachida | Ouazzani | fr | Chargée d'incubation, pôle agroalimentaire | MA | Oujda
  | agrifood | mentoring incubation | 0
hamid.lazrak@exemple.ma | Hamid | Lazrak | ar | Mentor en création d'entreprise, ancien dirigeant de PME | MA | Oujda
  | digital renewable-energy | mentoring training | 0
eline.desmet@exemple.be | Eline | De Smet | nl | Coach produit et levée de fonds | BE | Gand | digital health
  | mentoring investment | 1
nabil.chaoui@exemple.ma | Nabil | Chaoui | fr | Analyste crédit dans une fondation d'entreprise bancaire | MA
  | Casablanca | finance | financing investment | 2
soukaina.elmansouri@exemple.ma | Soukaina | El Mansouri | fr | Accompagnement financier des TPE | MA | Casablanca
  | finance social-economy | financing mentoring | 2
thomas.vandamme@exemple.be | Thomas | Van Damme | fr | Avocat, droit des sociétés belgo-marocain | BE | Bruxelles
  | finance | legal-tax | 3
leila.benkirane@exemple.ma | Leïla | Benkirane | fr | Avocate fiscaliste, investissements transfrontaliers | MA
  | Casablanca | finance | legal-tax | 3
othmane.kabbaj@exemple.ma | Othmane | Kabbaj | fr | Conseiller export agroalimentaire vers le Benelux | MA | Tanger
  | agrifood logistics | import-export market-access | 4
julie.lambert@exemple.be | Julie | Lambert | fr | Chargée d'investissement à impact | BE | Liège
  | finance social-economy | financing investment | 5
samir.elfassi@exemple.be | Samir | El Fassi | fr | Coordinateur de l'accompagnement des porteurs de la diaspora | BE
  | Bruxelles | social-economy | mentoring networking recruitment | 6
""")

JURORS = [
    ("jury@dimobel.org", "Fatima-Zahra", "El Amrani", "fr"), ("marc.vermeulen@exemple.be", "Marc", "Vermeulen", "nl"),
    ("hind.berrada@exemple.ma", "Hind", "Berrada", "fr"), ("ann.wouters@exemple.be", "Ann", "Wouters", "nl"),
    ("khalid.ziani@exemple.ma", "Khalid", "Ziani", "ar"),
]  # fmt: skip

# title | sectors | city | country | corridor | stage | funding (EUR) | jobs expected. The first: the demo holder's.
PROJECTS = _table("""
Conserverie solidaire de l'Oriental | agrifood social-economy | Berkane | MA | ma_be | prototype | 45000 | 6
Paiement mobile pour les transferts de la diaspora | finance digital | Casablanca | MA | both | prototype | 120000 | 8
Solaire en autoconsommation pour coopératives | renewable-energy agrifood | Ouarzazate | MA | be_ma | idea | 250000 | 5
Import d'huile d'argan bio certifiée vers le Benelux | agrifood | Anvers | BE | ma_be | launched | 60000 | 3
Atelier de maroquinerie durable | textile culture | Fès | MA | ma_be | prototype | 35000 | 7
Logiciel de suivi pour transitaires Anvers–Tanger Med | logistics digital | Anvers | BE | both | prototype | 90000 | 4
Télédermatologie pour le Maroc rural | health digital | Rabat | MA | be_ma | idea | 150000 | 10
Écolodge et tourisme solidaire dans le Rif | tourism social-economy | Chefchaouen | MA | be_ma | prototype | 180000 | 12
Académie de code à Molenbeek et Tanger | education digital | Bruxelles | BE | both | launched | 40000 | 5
Dalles de sol en pneus recyclés | construction social-economy | Kénitra | MA | ma_be | idea | 110000 | 9
Épicerie fine marocaine en ligne | agrifood digital | Liège | BE | ma_be | launched | 25000 | 2
Studio de jeux vidéo inspirés du patrimoine amazigh | culture digital | Agadir | MA | both | prototype | 70000 | 6
Briques en terre compressée pour l'habitat rural | construction | Marrakech | MA | be_ma | prototype | 85000 | 14
Traduction juridique français–néerlandais–arabe | finance education | Gand | BE | both | launched | 15000 | 2
Dispositifs médicaux reconditionnés | health | Casablanca | MA | be_ma | prototype | 95000 | 5
Ferme aquaponique périurbaine | agrifood renewable-energy | Meknès | MA | be_ma | idea | 130000 | 8
Cosmétiques naturels au figuier de Barbarie | agrifood health | Sidi Ifni | MA | ma_be | prototype | 55000 | 6
Covoiturage de colis entre Bruxelles et le Rif | logistics digital | Bruxelles | BE | both | prototype | 50000 | 3
Centre de formation aux métiers du solaire | education renewable-energy | Oujda | MA | be_ma | idea | 140000 | 11
Circuits culturels en Belgique pour visiteurs marocains | tourism culture | Anvers | BE | ma_be | launched | 30000 | 3
Textile technique pour l'industrie automobile | textile automotive | Tanger | MA | be_ma | prototype | 300000 | 25
Suivi des cultures par satellite | agrifood digital | Louvain | BE | be_ma | prototype | 160000 | 6
Restaurant-traiteur d'insertion | tourism social-economy | Charleroi | BE | both | launched | 45000 | 8
Usinage de pièces aéronautiques de précision | automotive | Casablanca | MA | be_ma | launched | 450000 | 30
Microcrédit numérique pour les artisanes | finance social-economy | Marrakech | MA | both | idea | 200000 | 7
Bureau d'études en efficacité énergétique | construction renewable-energy | Namur | BE | be_ma | launched | 60000 | 4
Safran de Taliouine vers l'Europe | agrifood | Taliouine | MA | ma_be | launched | 40000 | 10
Galerie en ligne d'artisanat contemporain | culture digital | Bruxelles | BE | ma_be | prototype | 20000 | 2
Laboratoire d'analyses alimentaires pour l'export | agrifood health | Agadir | MA | ma_be | idea | 220000 | 9
Livraison du dernier kilomètre à vélo cargo | logistics social-economy | Gand | BE | be_ma | launched | 35000 | 5
Recrutement de talents binationaux | digital education | Bruxelles | BE | both | prototype | 45000 | 3
Séchage solaire de fruits et légumes | agrifood renewable-energy | Berkane | MA | ma_be | prototype | 75000 | 8
Conformité RGPD pour les PME marocaines | finance digital | Casablanca | MA | be_ma | launched | 20000 | 3
Festival itinérant gnaoua et jazz | culture tourism | Essaouira | MA | both | idea | 90000 | 4
Lavage automobile sans eau | automotive social-economy | Rabat | MA | be_ma | prototype | 30000 | 6
Maison médicale de quartier bilingue | health | Schaerbeek | BE | both | idea | 120000 | 7
Import-export de dattes Medjool | agrifood logistics | Errachidia | MA | ma_be | launched | 50000 | 4
Fablab universitaire et impression 3D | education digital | Oujda | MA | be_ma | prototype | 65000 | 3
Vêtements de travail éthiques pour l'hôtellerie | textile tourism | Tanger | MA | ma_be | prototype | 80000 | 15
Irrigation goutte-à-goutte connectée | agrifood digital | Béni Mellal | MA | be_ma | prototype | 100000 | 6
Courtage en assurance pour les Marocains de Belgique | finance | Liège | BE | both | launched | 25000 | 2
Tiers-lieu culturel et coworking | culture social-economy | Mons | BE | both | idea | 70000 | 3
Biocombustible à partir de grignons d'olive | renewable-energy agrifood | Taza | MA | ma_be | prototype | 140000 | 10
Transport frigorifique de produits frais | logistics agrifood | Agadir | MA | ma_be | launched | 350000 | 18
Formation en ligne aux métiers de l'offshoring | education digital | Rabat | MA | be_ma | prototype | 40000 | 5
Béton bas carbone à base de laitier | construction | Charleroi | BE | be_ma | idea | 260000 | 8
Thé à la menthe premium | agrifood | Bruxelles | BE | ma_be | launched | 30000 | 2
Location de matériel médical à domicile | health social-economy | Tétouan | MA | be_ma | prototype | 60000 | 6
Barques de pêche en composite | automotive construction | Al Hoceïma | MA | be_ma | idea | 190000 | 12
Guide numérique des circuits de l'Oriental | tourism digital | Nador | MA | both | prototype | 25000 | 3
Collecte et recyclage de textiles usagés | textile social-economy | Anvers | BE | both | prototype | 70000 | 9
Financement participatif immobilier | finance construction | Casablanca | MA | both | idea | 150000 | 5
Production de spiruline | agrifood health | Dakhla | MA | ma_be | prototype | 85000 | 5
Marketing numérique pour les exportateurs | digital | Tanger | MA | ma_be | launched | 20000 | 4
Boissons artisanales sans alcool | agrifood | Louvain | BE | be_ma | prototype | 90000 | 4
Bornes de recharge pour véhicules électriques | renewable-energy automotive | Rabat | MA | be_ma | idea | 400000 | 12
Crèche bilingue et pédagogie active | education social-economy | Casablanca | MA | be_ma | prototype | 110000 | 10
Céramique de Safi au design contemporain | culture | Safi | MA | ma_be | launched | 35000 | 6
Entrepôt sous douane à Tanger Med | logistics | Tanger | MA | both | prototype | 500000 | 20
Télé-expertise vétérinaire | health agrifood | Meknès | MA | be_ma | idea | 70000 | 4
""")
INELIGIBLE = {
    9: "Le projet vise uniquement le marché français : il ne relève pas du corridor Belgique–Maroc.",
    19: "Le plan de financement joint ne correspond pas au projet décrit, malgré notre relance.",
    25: "L'activité est déjà accompagnée par un programme équivalent financé par les mêmes partenaires.",
    33: "Le dossier ne comprend pas de pitch deck exploitable (fichier vide).",
    41: "Le porteur n'a pas confirmé son implication à temps plein dans le projet.",
    45: "Le projet relève de la recherche fondamentale et ne prévoit pas de création d'entreprise.",
    51: "L'activité de négoce immobilier n'entre pas dans le champ de l'appel.",
    55: "Le budget demandé dépasse largement ce que le programme peut accompagner.",
}
OPEN_PROJECTS = [  # title, sectors, city, country, corridor, submitted
    ("Place de marché de pièces détachées agricoles", "digital agrifood", "Settat", "MA", "be_ma", True),
    ("Hammam écologique à Bruxelles", "tourism social-economy", "Bruxelles", "BE", "ma_be", True),
    ("Recyclage des déchets électroniques", "social-economy digital", "Casablanca", "MA", "both", True),
    ("Sardines premium en conserve", "agrifood", "Safi", "MA", "ma_be", True),
    ("Gamme de confitures bio de l'Oriental", "agrifood", "Berkane", "MA", "ma_be", False),
    ("École de cuisine marocaine en Flandre", "education tourism", "Malines", "BE", "ma_be", False),
]  # fmt: skip
# The call in its jury review: title | sectors | city | country | corridor | stage | funding (EUR) | jobs expected
REVIEW_PROJECTS = _table("""
Huilerie coopérative d'olives de Taourirt | agrifood social-economy | Taourirt | MA | ma_be | prototype | 80000 | 9
Clémentines de Berkane en circuit court | agrifood logistics | Berkane | MA | ma_be | launched | 50000 | 4
Pépinière de plants résistants à la sécheresse | agrifood | Oujda | MA | be_ma | idea | 60000 | 5
Miel de thym des hauts plateaux | agrifood | Jerada | MA | ma_be | prototype | 30000 | 3
Serres solaires pour maraîchers | agrifood renewable-energy | Nador | MA | be_ma | prototype | 150000 | 8
Fromagerie de chèvre de Figuig | agrifood | Figuig | MA | ma_be | idea | 45000 | 4
Compost à partir des déchets de la pêche | agrifood social-economy | Al Hoceïma | MA | be_ma | prototype | 70000 | 6
Plateforme de vente directe pour agricultrices | agrifood digital | Bruxelles | BE | both | prototype | 40000 | 3
Unité de séchage de plantes aromatiques | agrifood | Guercif | MA | ma_be | idea | 55000 | 5
Capteurs d'humidité pour l'irrigation des agrumes | agrifood digital | Louvain | BE | be_ma | prototype | 90000 | 4
Amandes bio de Tafoughalt | agrifood | Tafoughalt | MA | ma_be | launched | 35000 | 3
Formation des jeunes aux métiers de l'agroécologie | agrifood education | Berkane | MA | be_ma | idea | 65000 | 6
""")
REVIEW_INELIGIBLE = {
    3: "Le projet ne prévoit aucune activité entre la Belgique et le Maroc.",
    8: "Le dossier ne comprend pas de business plan : seul un pitch deck a été déposé.",
}
REVIEW_CALL_SUMMARY = "Un accompagnement pour 8 projets agricoles et agroalimentaires de l'Oriental."
REVIEW_CALL_DESCRIPTION = (
    "**Agri-Oriental** accompagne les projets agricoles et agroalimentaires de la région de l'Oriental tournés "
    "vers la Belgique : coaching, certification, export et financement.\n\nUn jury de professionnels des deux "
    "pays sélectionne 8 porteurs de projets."
)
MILESTONES = [
    "Immatriculation de la société", "Étude de marché finalisée", "Premier client signé",
    "Plan de financement validé par la banque", "Recrutement du premier salarié", "Prototype testé avec 10 clients",
    "Certification sanitaire obtenue", "Premier conteneur expédié", "Boutique en ligne lancée", "Bail commercial signé",
]  # fmt: skip
NEEDS = [
    ("financing", "Compléter le tour de table d'amorçage"), ("market-access", "Trouver un distributeur en Belgique"),
    ("legal-tax", "Choisir la forme juridique et le régime fiscal"),
    ("recruitment", "Recruter un responsable commercial bilingue"),
    ("business-partners", "Identifier un partenaire industriel au Maroc"),
    ("import-export", "Maîtriser les formalités d'export vers l'UE"),
    ("subcontracting", "Trouver un sous-traitant pour l'emballage"),
]  # fmt: skip
MEETINGS = [
    ("Lancement de l'accompagnement : objectifs sur six mois et calendrier des jalons.",
     "Envoyer le plan de financement mis à jour avant la prochaine séance."),
    ("Revue du plan de financement et des premiers contacts commerciaux.",
     "Préparer le dossier de prêt d'honneur ; contacter deux distributeurs."),
    ("Point d'étape : jalons en retard, nouvelles priorités et besoins ouverts.",
     "Présenter le projet au comité d'investissement du mois prochain."),
]  # fmt: skip
FIRST_NAMES = ["Yassine", "Khadija", "Nora", "Hamza", "Imane", "Bilal", "Sanae", "Tarik", "Houda", "Reda", "Meryem",
               "Ilias", "Zineb", "Loubna", "Adil", "Hajar", "Julie", "Wouter", "Els", "Nicolas"]  # fmt: skip
LAST_NAMES = ["Amrani", "Benjelloun", "Chraibi", "Daoudi", "Filali", "Guessous", "Haddad", "Jabri", "Kettani",
              "Lamrani", "Naciri", "Ouali", "Tahiri", "Zniber", "Janssens", "Maes", "Mertens"]  # fmt: skip

CALL_SUMMARY = "Un accompagnement personnalisé pour 30 porteurs de projets Belgique–Maroc."
CALL_DESCRIPTION = (
    "**Maghrib Belgium Impulse** accompagne pendant un an des projets entrepreneuriaux d'intérêt commun "
    "dans le corridor économique Belgique–Maroc : coaching du business plan, conseil juridique et fiscal, "
    "recherche de financement, export, incubation.\n\nUn jury de professionnels des deux pays sélectionne "
    "30 porteurs de projets."
)
CALL_ELIGIBILITY = (
    "- être porteur d'un projet de création d'entreprise ou d'une jeune entreprise (moins de 3 ans) ;\n"
    "- un projet qui crée de la valeur entre la Belgique et le Maroc, dans un sens ou dans l'autre ;\n"
    "- un dossier complet : business plan et pitch deck en PDF."
)
REVIEW_COMMENTS = [
    "Projet solide, équipe complémentaire.", "Marché porteur mais plan de financement fragile.",
    "Bonne idée, encore trop tôt.", "Impact intéressant pour les deux pays.", "Équipe à renforcer sur le commercial.",
]  # fmt: skip
CONFLICT_REASON = "Je connais personnellement le porteur de projet."


def application_summary(title, city, corridor):
    return f"{title} : un projet {_direction(corridor)}, porté depuis {city}."


def application_description(title, city, funding, jobs):
    return (
        f"## Le projet\n\n{title}, à {city}. Nous visons nos premiers clients dans les six mois "
        f"et {jobs} emplois à trois ans.\n\n## Besoins\n\nUn financement de {_euros(funding)} "
        "et un accompagnement sur le plan commercial et juridique."
    )


def _euros(amount):
    return f"{amount:,} €".replace(",", "\u202f")


def _direction(corridor):
    return {"be_ma": "de la Belgique vers le Maroc", "ma_be": "du Maroc vers la Belgique"}.get(
        corridor, "entre la Belgique et le Maroc, dans les deux sens"
    )
