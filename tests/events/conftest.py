import pytest
from django.utils import translation

from tests.factories import MEMBER_LANGUAGE


@pytest.fixture(autouse=True)
def _english():
    """The events tests read messages in English, the source language (tests/conftest.py starts each test in
    French). Pages requested under /fr/ and emails to people who prefer French are still in French."""
    translation.activate("en")
    MEMBER_LANGUAGE["default"] = "en"
    yield
    MEMBER_LANGUAGE["default"] = "fr"
    translation.activate("fr")
