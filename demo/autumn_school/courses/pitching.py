"""An autumn school demo course: pitching a project to investors (French).

Its catalogue fields, lessons (title, minutes, video, Markdown), live sessions (title, description, minutes)
and an optional quiz (questions with an explanation and (choice, correct) pairs).
"""

PITCH_VIDEO = "https://www.youtube.com/watch?v=u4ZoJKF_VuA"  # Simon Sinek, "How great leaders inspire action"

MODULE = {
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
}
