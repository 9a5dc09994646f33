"""An autumn school demo course: export and logistics from Antwerp to Tanger Med (French).

Its catalogue fields, lessons (title, minutes, video, Markdown), live sessions (title, description, minutes)
and an optional quiz (questions with an explanation and (choice, correct) pairs).
"""

MODULE = {
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
}
