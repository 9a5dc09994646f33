"""Demo data: fictional, idempotent content for ``manage.py seed_demo`` and the benchmarks, kept out of the apps.

One subpackage per app. Each seeder module registers its seeders with ``demo.registry`` when imported;
``load_seeders`` imports them all, and the registry runs them in their ``order``.
"""

from importlib import import_module

SEEDER_MODULES = (
    "demo.network.members",
    "demo.network.content",
    "demo.network.scale",
    "demo.autumn_school.seed",
    "demo.events.seed",
    "demo.consortium.seed",
)


def load_seeders() -> None:
    for name in SEEDER_MODULES:
        import_module(name)
