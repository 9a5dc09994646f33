"""The organisers' console for the consortium, one module per topic."""

from consortium.admin import accompaniment, calls, members, projects, reviews  # noqa: F401
