"""Country lists: the corridor first, and no "Western Sahara" beside Morocco in any list (docs/network.md)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from dimobel.countries import country_choices, validate_country_code
from network.forms.profiles import ProfileForm


@pytest.mark.parametrize("language", ["fr", "en", "nl", "ar"])
def test_no_list_offers_western_sahara_and_the_corridor_comes_first(language):
    with translation.override(language):
        codes = [code for code, _name in country_choices()]
    assert codes[:4] == ["BE", "MA", "FR", "NL"]
    assert "EH" not in codes
    assert len(codes) > 200


def test_the_profile_form_does_not_offer_it_either():
    codes = [code for code, _name in ProfileForm().fields["country"].choices]
    assert "MA" in codes
    assert "EH" not in codes


def test_a_row_that_already_holds_the_code_stays_valid():
    validate_country_code("EH")
    validate_country_code("MA")
    with pytest.raises(ValidationError):
        validate_country_code("XX")
