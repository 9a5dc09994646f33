"""Badges drawn as PDF: one A6 badge, or A4 sheets of four, with the person's name, organisation, category and
the QR code that opens their check-in page. When the event has B2B meetings, each badge has a back with the
person's accepted meetings; on sheets the backs follow their fronts, mirrored, for duplex printing (long-edge
flip). What goes on them is read by events.selectors.badges.
"""

from collections.abc import Callable

from django.utils import translation
from django.utils.translation import gettext as _

from dimobel.pdf import add_qr, is_rtl, new_document, output_bytes, write_text
from events.selectors.badges import meetings_by_registration
from events.tickets import checkin_url
from events.times import local, time_range

A6 = (105.0, 148.0)
SHEET_COLUMNS, SHEET_ROWS = 2, 2
SHEET_CELL = (105.0, 148.5)  # a quarter of A4
PADDING = 7.0
PRIMARY = (11, 85, 99)  # the site's --dm-primary
ACCENT = (181, 70, 47)  # the site's --dm-accent
WHITE = (255, 255, 255)
DARK = (33, 37, 41)
MUTED = (90, 98, 104)
MAX_MEETINGS_ON_BACK = 10


def script_language(text: str, default: str = "en") -> str:
    """ "ar" for text in Arabic script, so it is shaped and runs right to left; ``default`` otherwise."""
    for char in text:
        if "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" or "\ufb50" <= char <= "\ufeff":
            return "ar"
    return default


def _event_dates(event) -> str:
    start, end = local(event, event.starts_at), local(event, event.ends_at)
    if start.date() == end.date():
        return f"{start:%d.%m.%Y} · {event.city}"
    return f"{start:%d.%m}–{end:%d.%m.%Y} · {event.city}"


def draw_front(pdf, registration, *, x, y, width, height, event=None) -> None:
    """The badge's front in the box (x, y, width, height), in mm."""
    event = event or registration.event
    inner = width - 2 * PADDING
    band = 27.0
    pdf.set_fill_color(*PRIMARY)
    pdf.rect(x, y, width, band, style="F")
    pdf.set_xy(x + PADDING, y + 5)
    write_text(
        pdf, event.title, language=script_language(event.title), size=12, bold=True, align="center",
        width=inner, color=WHITE, max_lines=2,
    )  # fmt: skip
    pdf.set_xy(x + PADDING, y + band - 8)
    write_text(pdf, _event_dates(event), language="en", size=8, align="center", width=inner, color=WHITE)

    name = registration.full_name
    pdf.set_xy(x + PADDING, y + band + 9)
    write_text(
        pdf, name, language=script_language(name), size=24, bold=True, align="center", width=inner,
        color=DARK, max_lines=2,
    )  # fmt: skip
    if registration.organisation_name:
        pdf.set_xy(x + PADDING, pdf.get_y() + 1.5)
        organisation = registration.organisation_name
        write_text(
            pdf, organisation, language=script_language(organisation), size=12, align="center", width=inner,
            color=MUTED, max_lines=2,
        )  # fmt: skip

    footer = 16.0
    qr_size = min(40.0, inner)
    add_qr(
        pdf, checkin_url(registration), x=x + (width - qr_size) / 2, y=y + height - footer - qr_size - 5, size=qr_size
    )

    pdf.set_fill_color(*ACCENT)
    pdf.rect(x, y + height - footer, width, footer, style="F")
    category = registration.category.name
    pdf.set_xy(x + PADDING, y + height - footer + 3.2)
    write_text(
        pdf, category.upper(), language=script_language(category), size=14, bold=True, align="center",
        width=inner, color=WHITE, max_lines=1,
    )  # fmt: skip


def draw_back(pdf, registration, meetings, *, x, y, width, height, event=None) -> None:
    """The back: the person's B2B agenda, in their language, times in the event's zone."""
    event = event or registration.event
    inner = width - 2 * PADDING
    side = "end" if is_rtl(registration.language) else "start"  # times are written left to right
    with translation.override(registration.language):
        pdf.set_fill_color(*PRIMARY)
        pdf.rect(x, y, width, 16, style="F")
        pdf.set_xy(x + PADDING, y + 4.5)
        write_text(
            pdf, _("My B2B meetings"), language=registration.language, size=13, bold=True, align="center",
            width=inner, color=WHITE,
        )  # fmt: skip
        name = registration.full_name
        pdf.set_xy(x + PADDING, y + 20)
        write_text(pdf, name, language=script_language(name), size=10, bold=True, align="center", width=inner)
        pdf.set_xy(x + PADDING, pdf.get_y() + 2)
        if not meetings:
            write_text(
                pdf, _("No meeting booked yet."), language=registration.language, size=10, align="center",
                width=inner, color=MUTED,
            )  # fmt: skip
        for meeting in meetings[:MAX_MEETINGS_ON_BACK]:
            when = f"{local(event, meeting.starts_at):%d.%m} {time_range(event, meeting.starts_at, meeting.ends_at)}"
            if meeting.table:
                when += " · " + _("Table %(number)s") % {"number": meeting.table}
            write_text(pdf, when, language="en", size=9.5, bold=True, align=side, width=inner, color=PRIMARY)
            who = meeting.other_name + (f", {meeting.other_organisation}" if meeting.other_organisation else "")
            who_language = script_language(who, registration.language)
            # An Arabic name in a French list (or the reverse) is shaped in its own direction but stays
            # aligned with the rest of the list.
            align = "start" if is_rtl(who_language) == is_rtl(registration.language) else "end"
            write_text(pdf, who, language=who_language, size=9, align=align, width=inner, max_lines=1)
            pdf.set_xy(x + PADDING, pdf.get_y() + 1.2)
        hidden = len(meetings) - MAX_MEETINGS_ON_BACK
        if hidden > 0:
            more = _("…and %(count)s more: see your schedule online.") % {"count": hidden}
            write_text(pdf, more, language=registration.language, size=8.5, width=inner, color=MUTED)
        pdf.set_xy(x + PADDING, y + height - 11)
        zone_note = _("Times: %(zone)s") % {"zone": event.get_time_zone_display()}
        write_text(pdf, zone_note, language=registration.language, size=7.5, align="center", width=inner, color=MUTED)


def badge_pdf(registration) -> bytes:
    """One A6 badge; with B2B meetings on, a second page is its back."""
    event = registration.event
    meetings = meetings_by_registration(event, [registration]).get(registration.pk, [])
    pdf = new_document(page_format=A6, margin=0, title=_("Badge – %(name)s") % {"name": registration.full_name})
    pdf.add_page()
    draw_front(pdf, registration, x=0, y=0, width=A6[0], height=A6[1], event=event)
    if event.b2b_enabled:
        pdf.add_page()
        draw_back(pdf, registration, meetings, x=0, y=0, width=A6[0], height=A6[1], event=event)
    return output_bytes(pdf)


def _cut_lines(pdf) -> None:
    pdf.set_draw_color(190, 190, 190)
    pdf.set_line_width(0.2)
    with pdf.local_context():
        pdf.set_dash_pattern(dash=2, gap=2)
        pdf.line(SHEET_CELL[0], 0, SHEET_CELL[0], pdf.h)
        pdf.line(0, SHEET_CELL[1], pdf.w, SHEET_CELL[1])


def sheet_position(index, *, back=False) -> tuple[float, float]:
    """The top-left corner of the index-th badge of a sheet; a back sits in the mirrored column."""
    column, row = index % SHEET_COLUMNS, index // SHEET_COLUMNS
    if back:
        column = SHEET_COLUMNS - 1 - column
    return column * SHEET_CELL[0], row * SHEET_CELL[1]


def badge_sheet_pdf(event, registrations, *, progress: Callable[[int], None] | None = None) -> bytes:
    """A4 sheets of four badges; with B2B meetings on, each sheet of fronts is followed by its backs, the
    columns swapped so each back lands behind its front when printed on both sides. ``progress`` is told how
    many badges are drawn after each sheet."""
    registrations = list(registrations)
    meetings = meetings_by_registration(event, registrations)
    pdf = new_document(page_format="A4", margin=0, title=_("Badges – %(event)s") % {"event": event.title})
    per_sheet = SHEET_COLUMNS * SHEET_ROWS
    width, height = SHEET_CELL
    for first in range(0, len(registrations), per_sheet):
        batch = registrations[first : first + per_sheet]
        pdf.add_page()
        for index, registration in enumerate(batch):
            x, y = sheet_position(index)
            draw_front(pdf, registration, x=x, y=y, width=width, height=height, event=event)
        _cut_lines(pdf)
        if event.b2b_enabled:
            pdf.add_page()
            for index, registration in enumerate(batch):
                x, y = sheet_position(index, back=True)
                own = meetings.get(registration.pk, [])
                draw_back(pdf, registration, own, x=x, y=y, width=width, height=height, event=event)
            _cut_lines(pdf)
        if progress is not None:
            progress(first + len(batch))
    if not registrations:
        pdf.add_page()
        pdf.set_xy(20, 20)
        write_text(pdf, _("No confirmed registration to print."), language=translation.get_language() or "en")
    return output_bytes(pdf)
