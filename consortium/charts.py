"""Chart shapes for the consortium's figures (consortium.selectors.stats): percentages and pixel rows the SVG templates
(templates/consortium/includes/charts/) only print, with both a left-to-right and a right-to-left x so the
charts read in the page's direction."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext_lazy as _

PRIMARY = "#0b5563"
ACCENT = "#b5462f"
SERIES_COLOURS = (PRIMARY, ACCENT)
LONGEST_BAR = 80  # per cent of the width: the rest keeps room for the value written after the bar


def _pct(value) -> str:
    """An SVG coordinate in per cent, written with a dot whatever the language's decimal separator."""
    return f"{float(value):.2f}"


def _number(value) -> str:
    return formats.number_format(value, decimal_pos=0, use_l10n=True, force_grouping=True)


@dataclass
class Bar:
    label: str
    value: object
    display: str
    fill: str
    y: int
    height: int
    width: str
    x: str  # left-to-right start (per cent)
    x_rtl: str  # right-to-left start (per cent)
    end: str  # where the value is written, left to right
    text_y: int = 0


@dataclass
class Row:
    label: str
    label_y: int
    bars: list[Bar]
    values: list = field(default_factory=list)


@dataclass
class BarChart:
    id: str
    title: str
    series: list[tuple[str, str]]  # (name, colour)
    rows: list[Row]
    height: int
    columns: list[str]


def bar_chart(chart_id, title, rows, series_names, *, display=_number) -> BarChart:
    """Horizontal bars: ``rows`` are (label, [value per series]). Each row has its label on one line and a bar
    per series under it; the longest bar takes LONGEST_BAR per cent of the width."""
    top = max((value for _label, values in rows for value in values), default=0) or 1
    bar_height, gap = 14, 4
    shaped, y = [], 0
    for label, values in rows:
        bars = []
        bar_y = y + 22
        for index, value in enumerate(values):
            width = Decimal(value) * LONGEST_BAR / Decimal(top)
            bars.append(
                Bar(label=series_names[index], value=value, display=display(value), fill=SERIES_COLOURS[index],
                    y=bar_y, height=bar_height, width=_pct(width), x="0", x_rtl=_pct(100 - width), end=_pct(width),
                    text_y=bar_y + bar_height - 3)
            )  # fmt: skip
            bar_y += bar_height + gap
        shaped.append(Row(label=label, label_y=y + 15, bars=bars, values=[display(v) for v in values]))
        y = bar_y + 8
    return BarChart(
        id=chart_id,
        title=str(title),
        series=list(zip([str(name) for name in series_names], SERIES_COLOURS, strict=False)),
        rows=shaped,
        height=max(y, 1),
        columns=[str(name) for name in series_names],
    )


def groups_chart(chart_id, title, groups, *, with_selected=True) -> BarChart:
    names = [_("Applications"), _("Selected")] if with_selected else [_("Projects")]
    rows = [(g.label, [g.total, g.selected] if with_selected else [g.total]) for g in groups]
    return bar_chart(chart_id, title, rows, names)


def funnel_chart(chart_id, figures) -> BarChart:
    stages = [
        (_("Submitted"), figures["submitted"]),
        (_("Eligible"), figures["eligible"]),
        (_("Selected"), figures["selected"]),
        (_("Launched (company created)"), figures["launched"]),
    ]
    return bar_chart(chart_id, _("Pipeline"), [(str(label), [value]) for label, value in stages], [_("Projects")])


@dataclass
class Segment:
    label: str
    value: int
    fill: str
    width: str
    x: str
    x_rtl: str


def stacked_chart(chart_id, title, parts) -> dict:
    """One horizontal bar split into ``parts`` (label, value, colour), each as wide as its share."""
    total = sum(value for _label, value, _fill in parts)
    segments, start = [], Decimal(0)
    for label, value, fill in parts:
        width = Decimal(value) * 100 / total if total else Decimal(0)
        segments.append(
            Segment(label=str(label), value=value, fill=fill, width=_pct(width), x=_pct(start),
                    x_rtl=_pct(100 - start - width))
        )  # fmt: skip
        start += width
    return {"id": chart_id, "title": str(title), "segments": segments, "total": total}


def milestones_chart(chart_id, timeliness) -> dict:
    """``timeliness``: a consortium.selectors.stats.Timeliness."""
    return stacked_chart(
        chart_id,
        _("Milestones on time and late"),
        [
            (_("Done on time"), timeliness.done_on_time, "#1e7b4f"),
            (_("Done late"), timeliness.done_late, "#e0a100"),
            (_("Open and overdue"), timeliness.overdue, ACCENT),
            (_("Open, on time"), timeliness.open_on_time, "#a9cbd1"),
        ],
    )


@dataclass
class Column:
    label: str
    short_label: str  # the month, under the column
    year_label: str  # the year, under the first column and under each January
    value: object
    display: str
    x: str
    x_rtl: str
    width: str
    centre: str
    centre_rtl: str
    y: str
    height: str
    show_label: bool


COLUMN_PLOT_TOP, COLUMN_PLOT_HEIGHT, COLUMN_CHART_HEIGHT = 22, 120, 182


def column_chart(chart_id, title, points: list[tuple[date, object]], *, display=_number) -> dict:
    """Vertical columns over months, oldest first (newest first in right-to-left pages). Month names are
    written under at most six columns so they never overlap, the year under the first and each January; the
    data table has every month in full."""
    count = len(points)
    top = max((value for _month, value in points), default=0) or 1
    slot = Decimal(100) / (count or 1)
    every = max(1, -(-count // 6))
    columns = []
    for index, (month, value) in enumerate(points):
        height = Decimal(value) * COLUMN_PLOT_HEIGHT / Decimal(top)
        x = slot * index + slot * Decimal("0.15")
        width = slot * Decimal("0.7")
        centre = slot * index + slot / 2
        columns.append(
            Column(label=formats.date_format(month, "YEAR_MONTH_FORMAT"), short_label=formats.date_format(month, "M"),
                   year_label=str(month.year) if index == 0 or month.month == 1 else "",
                   value=value, display=display(value),
                   x=_pct(x), x_rtl=_pct(100 - x - width), width=_pct(width), centre=_pct(centre),
                   centre_rtl=_pct(100 - centre), y=f"{COLUMN_PLOT_TOP + COLUMN_PLOT_HEIGHT - height:.2f}",
                   height=f"{height:.2f}", show_label=(count - 1 - index) % every == 0)
        )  # fmt: skip
    return {
        "id": chart_id,
        "title": str(title),
        "columns": columns,
        "top": display(top) if points else "",
        "height": COLUMN_CHART_HEIGHT,
        "baseline": COLUMN_PLOT_TOP + COLUMN_PLOT_HEIGHT,
        "label_y": COLUMN_PLOT_TOP + COLUMN_PLOT_HEIGHT + 18,
        "year_y": COLUMN_PLOT_TOP + COLUMN_PLOT_HEIGHT + 33,
    }
