"""How the consortium writes things for people: country names, dates and times in the corridor's two zones,
and the width class of a progress bar. Views, services (emails) and the CSV export share them."""

from zoneinfo import ZoneInfo

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from dimobel.countries import country_names

# The corridor's zones: a closing time or a jury deadline is the same instant in Brussels and in Casablanca.
CORRIDOR_ZONES = (("Europe/Brussels", _("Brussels time")), ("Africa/Casablanca", _("Casablanca time")))


def country_name(code) -> str:
    """The country's name in the active language; empty when none is given."""
    return country_names([code])[0] if code else ""


def datetime_text(moment) -> str:
    """A moment in the active language, in the platform's zone (Brussels)."""
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def corridor_times(moment) -> list[tuple[str, str]]:
    """The moment in each zone of the corridor: [(label, text), …]. Formatted here, since a template's date
    filter would bring it back to the server's zone."""
    return [
        (str(label), formats.date_format(timezone.localtime(moment, ZoneInfo(zone)), "DATETIME_FORMAT"))
        for zone, label in CORRIDOR_ZONES
    ]


def in_corridor_zones(moment) -> str:
    """The moment in both zones, on one line (for emails and messages): "… (Brussels time) · … (Casablanca time)"."""
    return " · ".join(f"{text} ({label})" for label, text in corridor_times(moment))


def progress_class(done, total) -> str:
    """The nearest .progress-w-* class of static/css/dimobel.css (steps of 5)."""
    percent = round(100 * done / total / 5) * 5 if total else 0
    return f"progress-w-{min(max(percent, 0), 100)}"
