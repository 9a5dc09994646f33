"""Countries for organisations, opportunities and the directory's filters (ISO 3166 codes, names from
django-countries in the current language). The Belgium–Morocco corridor and its neighbours come first."""

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


def validate_country_code(value) -> None:
    """Model-level check; the code list is not frozen into migrations as choices (it changes with
    django-countries and with the language migrations are generated in)."""
    if value not in countries:
        raise ValidationError(_("%(value)s is not a country code."), params={"value": value}, code="country")
