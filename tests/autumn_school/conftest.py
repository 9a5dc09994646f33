import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from tests.factories import MEMBER_LANGUAGE, LessonFactory, ModuleFactory, UserFactory


@pytest.fixture(autouse=True)
def _english():
    """The autumn school's tests read messages and emails in English, the source language: members made here
    prefer English (tests/conftest.py starts each test in French; pages under /fr/ still render in French)."""
    translation.activate("en")
    MEMBER_LANGUAGE["default"] = "en"
    yield
    MEMBER_LANGUAGE["default"] = "fr"
    translation.activate("fr")


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
