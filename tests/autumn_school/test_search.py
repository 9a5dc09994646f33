"""Full-text search of the catalogue: stems, accents, prefixes, themes in four languages, instructors."""

import pytest

from autumn_school.models import Module
from autumn_school.search import refresh_module_search
from autumn_school.selectors.catalogue import search_modules
from tests.factories import ModuleFactory, UserFactory

pytestmark = pytest.mark.django_db


def found(text):
    return list(search_modules(Module.objects.all(), text).order_by("-rank", "title").values_list("title", flat=True))


@pytest.fixture
def modules():
    ModuleFactory(title="Financer un projet au Maroc", summary="Banques, microcrédit et investisseurs.")
    ModuleFactory(
        title="Export et logistique", summary="Incoterms et transport.", description="Le financement du stock."
    )
    ModuleFactory(title="Droit des sociétés", summary="Créer une SARL ou une SRL.", description="")
    refresh_module_search()


def test_a_french_word_finds_its_relatives_across_the_title_and_the_description(modules):
    assert found("financement") == ["Financer un projet au Maroc", "Export et logistique"]


def test_a_match_in_the_title_ranks_above_a_match_in_the_description(modules):
    assert found("financer")[0] == "Financer un projet au Maroc"


def test_search_ignores_accents_both_ways(modules):
    assert found("societes") == ["Droit des sociétés"]
    assert found("créer") == ["Droit des sociétés"]


def test_a_word_being_typed_matches_as_a_prefix(modules):
    assert found("logis") == ["Export et logistique"]


def test_web_search_syntax_excludes_words(modules):
    assert found("financement -stock") == ["Financer un projet au Maroc"]


def test_the_theme_is_found_in_any_of_the_four_languages():
    module = ModuleFactory(title="Canvas")  # the factory's theme: "Business model" / "نموذج الأعمال"
    refresh_module_search([module.pk])

    assert found("business model") == ["Canvas"]
    assert found("bedrijfsmodel") == ["Canvas"]
    assert found("نموذج") == ["Canvas"]


def test_an_instructors_name_finds_the_modules_they_teach():
    teacher = UserFactory(first_name="Youssef", last_name="Alaoui")
    ModuleFactory(title="Pitcher son projet", instructors=[teacher])
    ModuleFactory(title="Marketing digital")
    refresh_module_search()

    assert found("alaoui") == ["Pitcher son projet"]


def test_refreshing_some_modules_leaves_the_others_alone():
    first = ModuleFactory(title="Marketing digital")
    ModuleFactory(title="Marketing export")

    assert refresh_module_search([first.pk]) == 1
    assert found("marketing") == ["Marketing digital"]
    assert refresh_module_search([]) == 0


def test_empty_words_leave_the_list_as_it_is(modules):
    assert search_modules(Module.objects.all(), "   ").count() == 3
