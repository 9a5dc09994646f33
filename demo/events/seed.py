"""The events' demo: the Brussels colloquium for the 60 years of the bilateral agreement (three days, a full
programme, about 40 speakers and 250 registrations in every state) and the Oujda meeting of business-support
professionals (B2B meetings: about 80 participants and meetings in every state).

Everything is fictional and deterministic (fixed seeds); each event is found again by its slug and created only
when missing. Rows are bulk-created, so the seeder takes seconds, and nobody is emailed: meetings and their
seats are written as the B2B service writes them, and the database's constraints (nobody booked twice, no
table used twice in a slot) check the result.
"""

from allauth.account.models import EmailAddress
from django.utils import timezone

from demo import registry
from demo.events.colloquium import seed_colloquium
from demo.events.common import B2B_LOGIN, NAMED_MEMBERS, ORGANISER
from demo.events.oujda import seed_oujda
from demo.network.members import DEMO_TOTP_SECRETS, activate_demo_totp
from network.models import User


@registry.seeder(order=50)
def seed_events(stdout, *, scale=0) -> int:
    now = timezone.now()
    members = _network_members()
    organiser, created = _organiser(now)
    created += seed_colloquium(members, organiser, now) + seed_oujda(members, organiser, now)
    note = f"(events: dashboards, check-in desk, badges, B2B overview; TOTP secret {DEMO_TOTP_SECRETS[ORGANISER[0]]})"
    registry.add_login("event organiser", ORGANISER[0], note)
    registry.add_login("B2B participant", B2B_LOGIN, "(events: Oujda B2B meetings, a request to answer)")
    return created


def _organiser(now) -> tuple[User, int]:
    email, first_name, last_name = ORGANISER
    user = User.objects.filter(email=email).first()
    if user is not None:
        return user, activate_demo_totp(user)
    user = User.objects.create_user(
        email=email, password=registry.DEMO_PASSWORD, first_name=first_name, last_name=last_name,
        preferred_language="fr", terms_version="2026-11-24", privacy_version="2026-11-24", consented_at=now,
    )  # fmt: skip
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    # The desk, badges and dashboard need two-factor authentication: the organiser's secret is in the README.
    return user, 1 + activate_demo_totp(user)


def _network_members() -> list[User]:
    """The network demo's members, named ones first (they may be missing if the network seeders did not run)."""
    emails = NAMED_MEMBERS + [f"membre{index:02d}@exemple.org" for index in range(1, 61)]
    found = {user.email: user for user in User.objects.filter(email__in=emails)}
    return [found[email] for email in emails if email in found]
