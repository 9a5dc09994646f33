"""The demo-data registry behind ``manage.py seed_demo``. Each seeder module of this package registers a seeder.

A seeder takes the output stream and the ``scale`` option (0 for the normal demo; N to also bulk-create
about N directory profiles for benchmarks) and returns how many objects it created. It must be idempotent.
"""

from collections.abc import Callable

DEMO_PASSWORD = "dimobel-demo-2026"  # noqa: S105 (printed on purpose: demo accounts only, refused without DEBUG)

_seeders: list[tuple[int, Callable]] = []
_logins: list[tuple[str, str, str]] = []  # (role, email, note)


def seeder(order: int = 100):
    def register(func):
        if all(existing is not func for _order, existing in _seeders):
            _seeders.append((order, func))
        return func

    return register


def add_login(role: str, email: str, note: str = "") -> None:
    if all(existing[1] != email for existing in _logins):
        _logins.append((role, email, note))


def run_seeders(stdout, *, scale: int = 0) -> int:
    return sum(func(stdout, scale=scale) for _order, func in sorted(_seeders, key=lambda pair: pair[0]))


def logins_text() -> str:
    lines = ["", f"Demo logins (password for all: {DEMO_PASSWORD}):"]
    for role, email, note in _logins:
        lines.append(f"  {role:<22} {email:<32} {note}")
    return "\n".join(lines)
