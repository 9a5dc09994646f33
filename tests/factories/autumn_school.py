"""Factories of the autumn school: editions, modules, lessons, live sessions, enrolments and quizzes."""

from datetime import timedelta

import factory
from django.utils import timezone

from tests.factories.network import UserFactory


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
