"""Factories of the events app: events, categories, questions, registrations, programme and B2B."""

from datetime import timedelta

import factory
from django.utils import timezone

from tests.factories.network import UserFactory


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
