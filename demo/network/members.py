"""Demo members (fictional people). Organisations and profiles arrive with the network issue."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.utils import timezone

from demo import registry
from dimobel import roles
from network.models import HelpType, Profile, Sector, User
from network.services import ensure_profile

# Fixed TOTP secrets (base32), one per demo login that uses organisers' or staff pages (they need two-factor
# authentication), so each can be added to any authenticator app. Demo accounts only, printed on purpose.
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPDIMOBEL2"  # noqa: S105 (the admin's)
DEMO_TOTP_SECRETS = {
    "admin@dimobel.org": DEMO_TOTP_SECRET,
    "organisatrice@dimobel.org": "NADIAORGANISERSDIMOBEL22",
    "evenements@dimobel.org": "INESEVENTSDESKDIMOBEL234",  # the events' organiser (demo/events)
}

# email: headline, country, city, languages, sectors, offers, needs, visibility
PROFILES = {
    "amina.elidrissi@exemple.be": (
        "Consultante en commerce international, Bruxelles–Casablanca",
        "BE",
        "Bruxelles",
        ["fr", "ar", "nl"],
        ["agrifood", "logistics"],
        ["import-export", "market-access"],
        ["business-partners"],
        "public",
    ),
    "youssef.bouzid@exemple.ma": (
        "Fondateur d’une start-up de paiement mobile",
        "MA",
        "Casablanca",
        ["ar", "fr", "en"],
        ["digital", "finance"],
        ["business-partners"],
        ["financing", "mentoring"],
        "members",
    ),
    "sophie.dubois@exemple.be": (
        "Chargée d’investissement dans un fonds à impact",
        "BE",
        "Liège",
        ["fr", "en"],
        ["finance", "social-economy"],
        ["financing", "investment"],
        ["networking"],
        "public",
    ),
    "mehdi.tazi@exemple.ma": (
        "Ingénieur en énergies renouvelables, projets solaires",
        "MA",
        "Ouarzazate",
        ["fr", "ar", "en"],
        ["renewable-energy", "construction"],
        ["subcontracting"],
        ["investment", "market-access"],
        "members",
    ),
    "lotte.peeters@exemple.be": (
        "Coach de start-ups dans un incubateur flamand",
        "BE",
        "Gand",
        ["nl", "en", "fr"],
        ["education", "digital"],
        ["mentoring", "incubation", "training"],
        ["business-partners"],
        "public",
    ),
    "salma.bennani@exemple.ma": (
        "Créatrice d’une marque de textile éthique",
        "MA",
        "Oujda",
        ["fr", "ar"],
        ["textile", "culture"],
        ["subcontracting"],
        ["market-access", "mentoring"],
        "members",
    ),
    "omar.haddou@exemple.be": (
        "Avocat d’affaires, droit des sociétés belge et marocain",
        "BE",
        "Anvers",
        ["nl", "fr", "ar", "en"],
        ["finance"],
        ["legal-tax"],
        ["networking"],
        "hidden",
    ),
}

MEMBERS = [
    # email, first name, last name, language, groups, staff
    ("admin@dimobel.org", "Karim", "Lahlou", "fr", [roles.ORGANISERS], True),
    ("organisatrice@dimobel.org", "Nadia", "Benali", "fr", [roles.ORGANISERS], False),
    ("formateur@dimobel.org", "Jean-Luc", "Vandenberghe", "fr", [roles.INSTRUCTORS], False),
    ("jury@dimobel.org", "Fatima-Zahra", "El Amrani", "fr", [roles.JURY], False),
    ("mentor@dimobel.org", "Pieter", "Claes", "nl", [roles.MENTORS], False),
    ("amina.elidrissi@exemple.be", "Amina", "El Idrissi", "fr", [], False),
    ("youssef.bouzid@exemple.ma", "Youssef", "Bouzid", "ar", [], False),
    ("sophie.dubois@exemple.be", "Sophie", "Dubois", "fr", [], False),
    ("mehdi.tazi@exemple.ma", "Mehdi", "Tazi", "fr", [], False),
    ("lotte.peeters@exemple.be", "Lotte", "Peeters", "nl", [], False),
    ("salma.bennani@exemple.ma", "Salma", "Bennani", "fr", [], False),
    ("omar.haddou@exemple.be", "Omar", "Haddou", "en", [], False),
]


@registry.seeder(order=10)
def seed_members(stdout, *, scale=0) -> int:
    created = 0
    for email, first_name, last_name, language, groups, staff in MEMBERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email,
                password=registry.DEMO_PASSWORD,
                first_name=first_name,
                last_name=last_name,
                preferred_language=language,
                is_staff=staff,
                is_superuser=staff,
                terms_version="2026-11-24",
                privacy_version="2026-11-24",
                consented_at=timezone.now(),
            )
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
            user.groups.set(Group.objects.filter(name__in=groups))
            created += 1
        created += activate_demo_totp(user)
        created += _seed_profile(user)
        role = ", ".join(groups) or "member"
        secret = DEMO_TOTP_SECRETS.get(email)
        totp_note = f"TOTP secret {secret}" if secret else ""
        note = f"({'; '.join(filter(None, ['staff' if staff else '', totp_note]))})" if staff or secret else ""
        registry.add_login(role if not staff else "admin", email, note)
    return created


def activate_demo_totp(user) -> int:
    """Two-factor authentication for a demo login that has a fixed TOTP secret (and recovery codes), once."""
    secret = DEMO_TOTP_SECRETS.get(user.email)
    if secret is None or Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        return 0
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return 1


def _seed_profile(user) -> int:
    profile = ensure_profile(user=user)
    if user.email not in PROFILES or profile.headline:
        return 0
    headline, country, city, languages, sectors, offers, needs, visibility = PROFILES[user.email]
    Profile.objects.filter(pk=profile.pk).update(
        headline=headline, country=country, city=city, languages=languages, visibility=visibility
    )
    profile.sectors.set(Sector.objects.filter(slug__in=sectors))
    profile.offers.set(HelpType.objects.filter(slug__in=offers))
    profile.needs.set(HelpType.objects.filter(slug__in=needs))
    return 1
