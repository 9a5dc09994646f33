"""Countries for organisations, opportunities and the directory's filters (ISO 3166 codes, names from
django-countries in the current language). The Belgium–Morocco corridor and its neighbours come first.

"Western Sahara" (EH) is not offered as a country beside Morocco in any list (settings.COUNTRIES_OVERRIDE),
following the position of the programme's Moroccan partners (docs/network.md, "Countries"). A row that already
holds the code stays valid, so no existing data is refused or lost.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries

FIRST_COUNTRIES = ["BE", "MA", "FR", "NL"]


def country_choices() -> list[tuple[str, str]]:
    names = dict(countries)
    return [(code, names[code]) for code in FIRST_COUNTRIES] + [
        (code, name) for code, name in countries if code not in FIRST_COUNTRIES
    ]


def country_names(codes) -> list[str]:
    """Country names, in the current language, for a list of codes."""
    return [countries.name(code) or code for code in codes]


# Codes no list offers any more, but that rows saved before may hold.
NOT_LISTED = frozenset({"EH"})


def validate_country_code(value) -> None:
    """Model-level check; the code list is not frozen into migrations as choices (it changes with
    django-countries and with the language migrations are generated in)."""
    if value not in countries and value not in NOT_LISTED:
        raise ValidationError(_("%(value)s is not a country code."), params={"value": value}, code="country")
