"""The "Mon espace" dashboard. Each app registers a section; the dashboard knows none of them by name.

A section is a template and a function that returns its context for a member, or None when the
section has nothing to show.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    template_name: str
    get_context: Callable[[object], dict | None]
    order: int = 100


_sections: dict[str, Section] = {}


def register(section: Section) -> Section:
    _sections[section.key] = section
    return section


def unregister(key: str) -> None:
    _sections.pop(key, None)


def sections_for(request) -> list[tuple[Section, dict]]:
    shown = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = section.get_context(request)
        if context is not None:
            shown.append((section, context))
    return shown
