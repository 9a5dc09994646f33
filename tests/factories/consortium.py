"""Factories of the consortium: calls, criteria, projects, members and milestones."""

from datetime import timedelta

import factory
from django.utils import timezone

from tests.factories.network import OrganisationFactory, UserFactory


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
