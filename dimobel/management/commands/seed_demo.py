from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

import demo
from demo import registry


class Command(BaseCommand):
    help = (
        "Create realistic, fictional demo content in French (idempotent: a second run adds nothing) "
        "and print the demo logins. The seeders live in the top-level demo package."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help="Also bulk-create about this many directory profiles (and a fifth as many organisations).",
        )
        parser.add_argument(
            "--force", action="store_true", help="Seed even with DEBUG off (never on a real production site)."
        )

    def handle(self, *args, force=False, scale=0, **options) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with known passwords; it runs only with DEBUG=1 (or --force)."
            )
        demo.load_seeders()
        with transaction.atomic():
            created = registry.run_seeders(self.stdout, scale=scale)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready ({created} new object(s))."))
        self.stdout.write(registry.logins_text())
