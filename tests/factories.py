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


# Autumn school


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "autumn_school.Edition"

    title = factory.Sequence(lambda n: f"Université d'automne {2025 + n}")
    slug = factory.Sequence(lambda n: f"edition-{2025 + n}")
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=60))
    is_published = True


def _theme():
    from autumn_school.models import Theme

    return Theme.objects.get_or_create(
        slug="business-model",
        defaults={
            "name_fr": "Modèle d'affaires",
            "name_en": "Business model",
            "name_nl": "Bedrijfsmodel",
            "name_ar": "نموذج الأعمال",
        },
    )[0]


class ModuleFactory(factory.django.DjangoModelFactory):
    """A published module of a published edition, open for enrolment, without a capacity limit."""

    class Meta:
        model = "autumn_school.Module"
        skip_postgeneration_save = True

    edition = factory.SubFactory(EditionFactory)
    title = factory.Sequence(lambda n: f"Construire son modèle d'affaires {n}")
    slug = factory.Sequence(lambda n: f"module-{n}")
    summary = "Du problème client au modèle économique, en six étapes."
    description = "Un module **pratique** avec des études de cas belgo-marocaines."
    theme = factory.LazyFunction(_theme)
    level = "beginner"
    language = "fr"
    format = "blended"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=37))
    enrolment_opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    enrolment_closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))
    capacity = None
    estimated_hours = 12
    is_published = True

    @factory.post_generation
    def instructors(self, create, extracted, **kwargs):
        if create and extracted:
            self.instructors.set(extracted)


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "autumn_school.Lesson"

    module = factory.SubFactory(ModuleFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Leçon {n}")
    content = "Lisez le cas **Atlas Logistics** puis répondez aux questions."


class LiveSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "autumn_school.LiveSession"

    module = factory.SubFactory(ModuleFactory)
    title = factory.Sequence(lambda n: f"Atelier en direct {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
    duration_minutes = 90
    meeting_url = factory.Sequence(lambda n: f"https://meet.example.org/dimobel-{n}")


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "autumn_school.Enrolment"

    module = factory.SubFactory(ModuleFactory)
    learner = factory.SubFactory(UserFactory)
    status = "enrolled"
    enrolled_at = factory.LazyFunction(timezone.now)
    last_activity_at = factory.LazyFunction(timezone.now)


class QuizFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "autumn_school.Quiz"

    module = factory.SubFactory(ModuleFactory)
    title = "Quiz final"
    pass_mark = 50


class QuizQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "autumn_school.QuizQuestion"

    quiz = factory.SubFactory(QuizFactory)
    position = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Question {n} : quel est le premier bloc du Business Model Canvas ?")


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "autumn_school.Choice"

    question = factory.SubFactory(QuizQuestionFactory)
    text = factory.Sequence(lambda n: f"Réponse {n}")
    is_correct = False


# Events


class EventFactory(factory.django.DjangoModelFactory):
    """A published colloquium in Brussels, a month from now, open for registration, without capacity limits."""

    class Meta:
        model = "events.Event"

    kind = "colloquium"
    title = factory.Sequence(lambda n: f"Colloque des 60 ans {n}")
    slug = factory.Sequence(lambda n: f"colloque-{n}")
    summary = "Un diagnostic partagé de la coopération économique belgo-marocaine."
    description = "Deux jours d'échanges entre universités, institutions et entreprises."
    venue_name = "Palais des Académies"
    address = "Rue Ducale 1, 1000 Bruxelles"
    city = "Bruxelles"
    country = "BE"
    time_zone = "Europe/Brussels"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    ends_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=31))
    registration_opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    registration_closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=29))
    languages = factory.LazyFunction(lambda: ["fr", "nl"])
    is_published = True


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Category"

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Participant {n}")


class EventQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Question"

    event = factory.SubFactory(EventFactory)
    label = "Régime alimentaire"
    kind = "text"


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration of a member."""

    class Meta:
        model = "events.Registration"

    event = factory.SubFactory(EventFactory)
    category = factory.LazyAttribute(lambda o: CategoryFactory(event=o.event))
    user = factory.SubFactory(UserFactory)
    email = factory.LazyAttribute(lambda o: o.user.email if o.user else "guest@example.org")
    first_name = factory.LazyAttribute(lambda o: o.user.first_name if o.user else "Invité")
    last_name = factory.LazyAttribute(lambda o: o.user.last_name if o.user else "Externe")
    country = "BE"
    status = "confirmed"
    confirmed_at = factory.LazyFunction(timezone.now)
    email_confirmed_at = factory.LazyFunction(timezone.now)


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Room"

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Salle {n}")


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Speaker"

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Intervenant {n}")
    slug = factory.Sequence(lambda n: f"intervenant-{n}")
    organisation_name = "Université de Liège"
    bio = "Chercheuse en économie du développement."


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.Session"

    event = factory.SubFactory(EventFactory)
    kind = "panel"
    title = factory.Sequence(lambda n: f"Table ronde {n}")
    room = factory.LazyAttribute(lambda o: RoomFactory(event=o.event))
    starts_at = factory.LazyAttribute(lambda o: o.event.starts_at)
    ends_at = factory.LazyAttribute(lambda o: o.event.starts_at + timedelta(hours=1))


class MeetingBlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.MeetingBlock"

    event = factory.SubFactory(EventFactory, kind="meeting", b2b_enabled=True, time_zone="Africa/Casablanca")
    starts_at = factory.LazyAttribute(lambda o: o.event.starts_at)
    ends_at = factory.LazyAttribute(lambda o: o.event.starts_at + timedelta(hours=2, minutes=30))


class B2BParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "events.B2BParticipant"

    registration = factory.SubFactory(RegistrationFactory)
    event = factory.LazyAttribute(lambda o: o.registration.event)
    note = "Je cherche des partenaires logistiques à Tanger."


# Consortium


class CallFactory(factory.django.DjangoModelFactory):
    """A published call, open now; jury review after it closes."""

    class Meta:
        model = "consortium.Call"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Appel à projets Maghrib Belgium Impulse {n}")
    slug = factory.Sequence(lambda n: f"appel-{n}")
    summary = "Accompagnement personnalisé de 30 porteurs de projets entre la Belgique et le Maroc."
    description = "Un appel pour les projets du corridor économique Belgique–Maroc."
    eligibility = "Être porteur d'un projet entrepreneurial entre la Belgique et le Maroc."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))
    review_opens_at = factory.LazyAttribute(lambda o: o.closes_at + timedelta(days=5))
    review_closes_at = factory.LazyAttribute(lambda o: o.review_opens_at + timedelta(days=14))
    places = 30
    languages = factory.LazyFunction(lambda: ["fr", "ar"])
    is_published = True

    @factory.post_generation
    def jury(self, create, extracted, **kwargs):
        if create and extracted:
            self.jury.set(extracted)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "consortium.Criterion"

    call = factory.SubFactory(CallFactory)
    position = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Critère {n}")
    weight = 1
    max_score = 10


class ProjectFactory(factory.django.DjangoModelFactory):
    """A draft application with every required field filled in (no documents)."""

    class Meta:
        model = "consortium.Project"

    call = factory.SubFactory(CallFactory)
    holder = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Atelier de conserverie solidaire {n}")
    summary = "Valoriser les surplus agricoles de l'Oriental pour le marché belge."
    description = "Une conserverie coopérative à Berkane qui exporte vers Anvers."
    city = "Berkane"
    country = "MA"
    corridor = "ma_be"
    stage = "prototype"
    funding_needed = 45000
    funding_currency = "EUR"
    jobs_expected = 6
    status = "draft"


class ConsortiumMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "consortium.ConsortiumMember"

    organisation = factory.SubFactory(OrganisationFactory)
    joined_on = factory.LazyFunction(timezone.localdate)


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "consortium.Milestone"

    project = factory.SubFactory(ProjectFactory, status="accompanied")
    title = factory.Sequence(lambda n: f"Jalon {n} : immatriculation de la société")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
