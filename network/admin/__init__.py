"""The organisers' console for the network, one module per topic."""

from network.admin import accounts, messaging, opportunities, organisations, profiles  # noqa: F401
