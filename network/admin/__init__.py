"""The organisers' console for the network, one module per topic."""

from network.admin import accounts, profiles  # noqa: F401
