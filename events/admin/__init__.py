"""The organisers' console for events, one module per topic."""

from events.admin import b2b, events, programme, registration  # noqa: F401
