"""The autumn school demo's cast (fictional people): instructors, learners, where each of them stands in the
past and current editions, and the questions they asked."""

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
