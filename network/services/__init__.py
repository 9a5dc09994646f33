"""Every write of the network with a rule in it, one module per topic."""

from network.services.profiles import ensure_profile

__all__ = ["ensure_profile"]
