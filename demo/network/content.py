"""The network's demo content: about 60 fictional members, 25 organisations, threads and opportunities.

Everything is fictional and deterministic (a fixed random seed), so a second run finds it all and adds
nothing.
"""

import random
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone
from django.utils.text import slugify

from demo import registry
from network.models import (
    HelpType,
    Membership,
    Message,
    Opportunity,
    Organisation,
    OrganisationKind,
    Participant,
    Profile,
    Sector,
    Thread,
    User,
)

FIRST_NAMES = [
    "Yassine", "Khadija", "Karim", "Nora", "Hamza", "Imane", "Bilal", "Leïla", "Anas", "Sanae", "Tarik", "Houda",
    "Reda", "Meryem", "Ilias", "Zineb", "Samir", "Loubna", "Adil", "Hajar", "Thomas", "Julie", "Wouter", "Els",
    "Nicolas", "Charlotte", "Bram", "Sarah", "Maxime", "Laura", "Jens", "Camille", "Driss", "Fadoua", "Othmane",
    "Siham", "Rachid", "Naïma", "Mounir", "Latifa",
]  # fmt: skip
LAST_NAMES = [
    "Amrani", "Benjelloun", "Chraibi", "Daoudi", "El Fassi", "Filali", "Guessous", "Haddad", "Idrissi", "Jabri",
    "Kettani", "Lamrani", "Mansouri", "Naciri", "Ouali", "Rahmouni", "Sefrioui", "Tahiri", "Zniber", "Berrada",
    "Janssens", "Maes", "Jacobs", "Willems", "Mertens", "Lambert", "Dupont", "Claes", "Goossens", "Wouters",
]  # fmt: skip
CITIES = {
    "BE": ["Bruxelles", "Anvers", "Liège", "Gand", "Charleroi", "Namur", "Louvain", "Mons"],
    "MA": ["Casablanca", "Rabat", "Tanger", "Oujda", "Marrakech", "Fès", "Agadir", "Nador", "Kénitra"],
}
HEADLINES = [
    "Consultant en stratégie export", "Fondatrice d’une start-up agritech", "Chargé d’affaires en investissement",
    "Ingénieure en énergie solaire", "Responsable partenariats universitaires", "Coach en création d’entreprise",
    "Directeur d’une PME logistique", "Experte-comptable franco-marocaine", "Développeur et entrepreneur social",
    "Chercheuse en économie du développement", "Importateur de produits du terroir", "Avocate en droit des affaires",
    "Gestionnaire de fonds d’amorçage", "Designer textile et fondatrice de marque", "Chef de projet à l’incubateur",
    "Conseiller à la chambre de commerce", "Responsable RSE dans l’industrie", "Formatrice en marketing digital",
]  # fmt: skip
ORGANISATIONS = [
    # name, kind, countries, city, sectors, description
    ("Atlas Export Conseil", "company", ["MA", "BE"], "Casablanca", ["agrifood", "logistics"],
     "Cabinet de conseil qui accompagne les PME marocaines vers les marchés du Benelux."),
    ("Brabant Solar Partners", "company", ["BE", "MA"], "Louvain", ["renewable-energy"],
     "Bureau d’études spécialisé dans les centrales solaires en toiture et les micro-réseaux."),
    ("Université Mohammed Premier – Pôle Entrepreneuriat", "university", ["MA"], "Oujda", ["education"],
     "Pôle d’accompagnement des étudiants porteurs de projets de l’Oriental."),
    ("Incubateur Oriental Innov", "incubator", ["MA"], "Oujda", ["digital", "agrifood"],
     "Incubateur régional : hébergement, mentorat et mise en relation avec les investisseurs."),
    ("Maison de l’Entreprise Bruxelles-Maroc", "association", ["BE", "MA"], "Bruxelles", ["social-economy"],
     "Réseau associatif de la diaspora qui informe et oriente les porteurs de projets binationaux."),
    ("Agence Régionale d’Investissement du Nord", "support-agency", ["MA"], "Tanger", ["logistics", "automotive"],
     "Guichet unique d’accueil des investisseurs dans la région de Tanger."),
    ("Chambre de Commerce Belgo-Marocaine", "chamber", ["BE", "MA"], "Bruxelles", ["finance", "logistics"],
     "Missions économiques, rencontres B2B et information sur les deux marchés."),
    ("Fonds Impact Méditerranée", "funder", ["BE", "MA", "FR"], "Liège", ["finance", "social-economy"],
     "Fonds d’amorçage à impact pour les entreprises sociales des deux rives."),
    ("Gand Digital Lab", "incubator", ["BE"], "Gand", ["digital"],
     "Accélérateur de start-ups numériques, programme de 6 mois et réseau de mentors."),
    ("Coopérative Argan Souss", "company", ["MA"], "Agadir", ["agrifood", "social-economy"],
     "Coopérative féminine de production d’huile d’argan certifiée biologique."),
    ("LogiPort Anvers–Tanger Med", "company", ["BE", "MA"], "Anvers", ["logistics"],
     "Transitaire et logisticien sur la ligne maritime Anvers–Tanger Med."),
    ("Institut Wallon de Formation en Alternance", "public-institution", ["BE"], "Namur", ["education"],
     "Organisme public de formation des futurs entrepreneurs et des travailleurs indépendants."),
    ("Textiles Fès Créations", "company", ["MA"], "Fès", ["textile", "culture"],
     "Atelier de confection et marque de mode inspirée de l’artisanat fassi."),
    ("Banque Populaire – Pôle Diaspora (fictif)", "funder", ["MA", "BE"], "Casablanca", ["finance"],
     "Offres de financement pour les Marocains du monde qui investissent au Maroc."),
    ("Technopole de l’Oriental (fictif)", "support-agency", ["MA"], "Oujda", ["digital", "renewable-energy"],
     "Parc d’activités : foncier, incubation et services aux entreprises innovantes."),
    ("KU Leuven Research & Transfer (fictif)", "university", ["BE"], "Louvain", ["health", "digital"],
     "Valorisation de la recherche et création de spin-offs."),
    ("Réseau Entreprendre Marrakech (fictif)", "association", ["MA"], "Marrakech", ["tourism", "social-economy"],
     "Prêts d’honneur et accompagnement par des chefs d’entreprise bénévoles."),
    ("Pharma Bridge", "company", ["BE", "MA"], "Bruxelles", ["health"],
     "Distribution de dispositifs médicaux et affaires réglementaires entre l’UE et le Maroc."),
    ("Agence pour l’Entreprise & l’Innovation (fictif)", "support-agency", ["BE"], "Liège", ["education", "digital"],
     "Accompagnement des indépendants et des PME wallonnes, y compris à l’international."),
    ("Rif Tourisme Durable", "company", ["MA"], "Nador", ["tourism"],
     "Agence de tourisme rural et solidaire dans le Rif oriental."),
    ("Casablanca Fintech Hub", "incubator", ["MA"], "Casablanca", ["finance", "digital"],
     "Programme d’accélération pour les fintechs et l’inclusion financière."),
    ("BTP Horizon Maroc", "company", ["MA"], "Rabat", ["construction"],
     "Entreprise générale de construction durable et de rénovation énergétique."),
    ("Flanders Trade Desk Maroc (fictif)", "public-institution", ["BE", "MA"], "Casablanca", ["logistics"],
     "Bureau d’appui aux exportateurs flamands vers le Maroc."),
    ("Association des Jeunes Entrepreneurs Binationaux", "association", ["BE", "MA"], "Anvers", ["social-economy"],
     "Communauté de jeunes créateurs d’entreprise entre la Belgique et le Maroc."),
    ("AutoParts Kénitra", "company", ["MA"], "Kénitra", ["automotive"],
     "Sous-traitant de rang 2 pour la filière automobile de la zone franche."),
]  # fmt: skip
OPPORTUNITIES = [
    ("Recherche de distributeur pour huile d’argan bio au Benelux", "trade", ["agrifood"], ["BE", "NL"], 40),
    ("Appel à projets : accélération fintech 2027", "tender", ["finance", "digital"], ["MA"], 25),
    ("Co-investissement dans une centrale solaire à Ouarzazate", "investment", ["renewable-energy"], ["MA"], 60),
    ("Partenaire logistique pour entreposage à Tanger Med", "partnership", ["logistics"], ["MA"], 20),
    ("Stage en business development (6 mois, Bruxelles)", "job", ["finance"], ["BE"], 15),
    ("Importateur de dispositifs médicaux recherche fabricant européen", "partnership", ["health"], ["MA", "BE"], 35),
    ("Sous-traitance couture : collection automne-hiver", "trade", ["textile"], ["MA"], 10),
    ("Mentors bénévoles pour le programme d’incubation de l’Oriental", "partnership", ["education"], ["MA"], 45),
    ("Levée de fonds d’amorçage pour une plateforme agritech", "investment", ["agrifood", "digital"], ["MA"], 30),
    ("Appel d’offres : étude de marché tourisme durable", "tender", ["tourism"], ["MA"], 18),
    ("Développeur·se Python en alternance (Gand)", "job", ["digital"], ["BE"], 28),
    ("Recherche associé pour ouvrir un bureau d’études à Casablanca", "partnership", ["construction"], ["MA"], 50),
]  # fmt: skip
CONVERSATIONS = [
    ["Bonjour, j’ai vu que vous cherchiez un partenaire logistique à Tanger. Nous avons de l’espace en zone franche.",
     "Merci pour votre message ! Pourriez-vous m’envoyer vos tarifs pour 200 palettes par mois ?",
     "Bien sûr, je vous prépare une proposition d’ici vendredi."],
    ["Bonjour, votre projet agritech m’intéresse. Êtes-vous disponible pour un appel la semaine prochaine ?",
     "Avec plaisir, mardi ou jeudi après-midi me conviennent."],
    ["Bonjour, serez-vous à la Rencontre d’Oujda ? J’aimerais vous présenter notre incubateur.",
     "Oui, j’y serai les deux jours. Réservons un rendez-vous B2B !"],
]  # fmt: skip


@registry.seeder(order=20)
def seed_network_content(stdout, *, scale=0) -> int:
    rng = random.Random(2026)  # noqa: S311 (demo data, not cryptography)
    created = 0
    _ensure_taxonomies()
    sectors = {s.slug: s for s in Sector.objects.all()}
    helps = list(HelpType.objects.all())
    kinds = {k.slug: k for k in OrganisationKind.objects.all()}
    members = []
    for index in range(60):
        email = f"membre{index + 1:02d}@exemple.org"
        user = User.objects.filter(email=email).first()
        if user is None:
            country = "BE" if index % 2 == 0 else "MA"
            user = User.objects.create_user(
                email=email,
                password=registry.DEMO_PASSWORD,
                first_name=FIRST_NAMES[index % len(FIRST_NAMES)],
                last_name=LAST_NAMES[(index * 7) % len(LAST_NAMES)],
                preferred_language=rng.choice(["fr", "fr", "fr", "nl", "ar", "en"]),
                terms_version="2026-11-24",
                privacy_version="2026-11-24",
                consented_at=timezone.now(),
            )
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
            profile = Profile.objects.create(
                user=user,
                headline=HEADLINES[index % len(HEADLINES)],
                bio="Membre du réseau DIMOBEL, actif entre la Belgique et le Maroc.",
                country=country,
                city=rng.choice(CITIES[country]),
                languages=rng.sample(["fr", "ar", "nl", "en", "zgh"], 2),
                expertise=rng.sample(["export", "levée de fonds", "marketing", "RSE", "qualité", "digital"], 2),
                visibility=rng.choice(["public", "public", "members", "members", "hidden"]),
            )
            profile.sectors.set(rng.sample(list(sectors.values()), 2))
            offers = rng.sample(helps, 2)
            profile.offers.set(offers)
            profile.needs.set(rng.sample([h for h in helps if h not in offers], 2))
            created += 1
        members.append(user)

    organisations = []
    for index, (name, kind, countries, city, sector_slugs, description) in enumerate(ORGANISATIONS):
        slug = slugify(name)[:200]
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name=name,
                slug=slug,
                kind=kinds[kind],
                countries=countries,
                city=city,
                description=description,
                size=rng.choice(["1-9", "10-49", "50-249"]),
                founded_year=rng.randint(1995, 2024),
                is_verified=index % 3 == 0,
                created_by=members[index],
            )
            organisation.sectors.set([sectors[s] for s in sector_slugs])
            Membership.objects.create(
                organisation=organisation, member=members[index], role="Fondateur·rice", is_admin=True,
                status=Membership.Status.ACCEPTED,
            )  # fmt: skip
            Membership.objects.create(
                organisation=organisation, member=members[index + 30], role="Chargé·e de projets",
                status=Membership.Status.ACCEPTED,
            )  # fmt: skip
            created += 1
        organisations.append(organisation)

    for index, (title, kind, sector_slugs, countries, days) in enumerate(OPPORTUNITIES):
        if not Opportunity.objects.filter(title=title).exists():
            opportunity = Opportunity.objects.create(
                title=title,
                kind=kind,
                description=f"{title}.\n\nContactez-nous via la plateforme : **réponse sous une semaine**.",
                countries=countries,
                deadline=timezone.localdate() + timedelta(days=days),
                posted_by=members[index + 1],
                organisation=organisations[index],
            )
            opportunity.sectors.set([sectors[s] for s in sector_slugs])
            created += 1

    for index, lines in enumerate(CONVERSATIONS):
        a, b = members[index * 2 + 2], members[index * 2 + 5]
        low, high = sorted([a.pk, b.pk])
        if Thread.objects.filter(kind=Thread.Kind.DIRECT, pair_key=f"{low}:{high}").exists():
            continue
        thread = Thread.objects.create(kind=Thread.Kind.DIRECT, pair_key=f"{low}:{high}", started_by=a)
        Participant.objects.create(thread=thread, member=a, last_read_at=timezone.now())
        Participant.objects.create(thread=thread, member=b)
        for position, line in enumerate(lines):
            Message.objects.create(thread=thread, sender=(a, b)[position % 2], body=line)
        thread.last_message_at = timezone.now()
        thread.save(update_fields=["last_message_at"])
        created += 1

    return created  # search vectors: demo.network.scale's seeder (order 90) fills every row that lacks one


def _ensure_taxonomies():
    """The starting terms (from the data migrations), in case organisers removed some."""
    from importlib import import_module

    from django.apps import apps

    import_module("network.migrations.0004_taxonomies").create_terms(apps, None)
    import_module("network.migrations.0006_search_and_kinds").create_kinds(apps, None)
