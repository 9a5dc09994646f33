import pytest
from django.contrib.auth.models import Group

from tests.factories import LessonFactory, ModuleFactory, UserFactory


@pytest.fixture
def instructor(db):
    user = UserFactory(first_name="Youssef", last_name="Alaoui", email="youssef@example.org")
    user.groups.add(Group.objects.get_or_create(name="Instructors")[0])
    return user


@pytest.fixture
def module(instructor):
    """A published module, open for enrolment, taught by the instructor, with three lessons."""
    module = ModuleFactory(title="Financer un projet au Maroc", slug="financer-un-projet", instructors=[instructor])
    for position in (1, 2, 3):
        LessonFactory(module=module, position=position, title=f"Leçon {position}")
    return module
