import io
from datetime import timedelta

import pytest
from django.utils import timezone

from autumn_school.models import Certificate, Edition, Enrolment, Lesson, LiveSession, Module, Quiz, Resource
from autumn_school.selectors.progress import progress_for
from demo.autumn_school.seed import seed_autumn_school
from demo.network.members import seed_members


@pytest.fixture
def seeded(db):
    seed_members(io.StringIO())
    return seed_autumn_school(io.StringIO())


def _counts():
    return [model.objects.count() for model in (Module, Lesson, LiveSession, Quiz, Enrolment, Certificate, Resource)]


def test_seeding_twice_adds_nothing_and_leaves_the_2025_edition_with_learners_at_every_stage(seeded):
    counts = _counts()

    assert seeded > 0
    assert seed_autumn_school(io.StringIO()) == 0
    assert _counts() == counts

    edition = Edition.objects.get(title="Université d'automne 2025")
    modules = Module.objects.filter(edition=edition)
    assert edition.is_published
    assert modules.count() >= 8
    assert {module.language for module in modules} == {"fr", "en", "ar"}
    assert modules.filter(title__icontains="Business Model Canvas").exists()
    assert modules.filter(title__icontains="Tanger Med").exists()
    for module in modules:
        assert 3 <= module.lessons.count() <= 6
        assert module.instructors.filter(groups__name="Instructors").exists()
        assert module.search_vector is not None  # the catalogue's search finds it
    assert Lesson.objects.filter(module__edition=edition).exclude(video_url="").exists()
    assert LiveSession.objects.filter(module__edition=edition).exists()
    assert Quiz.objects.filter(module__edition=edition).count() >= 6
    assert all(quiz.questions.count() >= 4 for quiz in Quiz.objects.all())

    enrolled = Enrolment.objects.active()
    in_progress = [e for e in enrolled.filter(completed_at__isnull=True) if progress_for(e).lessons_done]
    assert in_progress
    assert enrolled.filter(completed_at__isnull=False).exists()
    assert Enrolment.objects.waitlisted().filter(module__capacity__isnull=False).count() >= 2
    quiet_since = timezone.now() - timedelta(days=7)
    assert enrolled.filter(
        completed_at__isnull=True, last_activity_at__lt=quiet_since, module__edition__slug="universite-automne-2026"
    )
    assert Enrolment.objects.filter(status=Enrolment.Status.CANCELLED).exists()
    full = Module.objects.get(slug="pitcher-son-projet-2026")
    assert full.enrolments.active().count() == full.capacity

    valid = Certificate.objects.filter(revoked_at__isnull=True)
    assert valid.filter(enrolment__module__edition=edition).count() >= 5
    assert valid.filter(language="ar", learner_name="Youssef Bouzid").exists()
    assert all(certificate.enrolment.completed_at for certificate in valid)


def test_the_current_edition_is_open_with_sessions_coming_up_and_pdf_handouts(seeded, settings):
    current = Module.objects.filter(edition__title="Université d'automne 2026")

    assert current.open_for_enrolment().count() >= 6
    assert LiveSession.objects.filter(module__in=current, starts_at__gt=timezone.now()).exists()
    handouts = Resource.objects.filter(lesson__module__in=current)
    assert handouts.count() >= 2
    for resource in handouts:
        assert resource.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
        with resource.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"
