"""Factories of the network app: members (with a verified address, optionally two-factor), profiles,
organisations, memberships and opportunities."""

from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.utils import timezone

from network.models import OrganisationKind, User

PASSWORD = "correct-horse-battery-staple"

# The language new members prefer: French, the site's default. The apps whose tests read English messages and
# emails (autumn_school, events) switch it to "en" in their conftest.
MEMBER_LANGUAGE = {"default": "fr"}


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    preferred_language = factory.LazyFunction(lambda: MEMBER_LANGUAGE["default"])
    terms_version = settings.TERMS_VERSION
    privacy_version = settings.PRIVACY_VERSION
    consented_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Members have a verified primary address unless the test says verified=False."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, primary=True, verified=True)

    @factory.post_generation
    def mfa(self, create, extracted, **kwargs):
        """``mfa=True``: the member has set up an authenticator app, as organisers and staff must to use their
        pages (dimobel.mfa). Members have none unless the test says so."""
        if create and extracted:
            with_mfa(self)


def with_mfa(user):
    """The member sets up an authenticator app (TOTP)."""
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return user


class ProfileFactory(factory.django.DjangoModelFactory):
    """A member's profile (use on an existing user: ProfileFactory(user=u) or get it via ensure_profile)."""

    class Meta:
        model = "network.Profile"
        django_get_or_create = ["user"]

    user = factory.SubFactory(UserFactory)
    headline = factory.Faker("job", locale="fr_FR")
    country = "BE"
    city = "Bruxelles"
    visibility = "members"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "network.Organisation"

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = factory.LazyFunction(
        lambda: OrganisationKind.objects.get_or_create(
            slug="company",
            defaults={"name_fr": "Entreprise", "name_en": "Company", "name_nl": "Bedrijf", "name_ar": "مقاولة"},
        )[0]
    )
    countries = factory.LazyFunction(lambda: ["BE", "MA"])
    city = "Casablanca"
    description = "Accompagnement des entreprises entre la Belgique et le Maroc."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "network.Membership"

    organisation = factory.SubFactory(OrganisationFactory)
    member = factory.SubFactory(UserFactory)
    role = "Chargée de projets"
    status = "accepted"
    is_admin = False


class OpportunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "network.Opportunity"

    title = factory.Sequence(lambda n: f"Recherche de partenaire logistique {n}")
    kind = "partnership"
    description = "Nous cherchons un partenaire pour l’entreposage à Tanger Med."
    countries = factory.LazyFunction(lambda: ["MA"])
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    posted_by = factory.SubFactory(UserFactory)
