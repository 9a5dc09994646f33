from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from dimobel.orphan_files import purge_orphan_files


class Command(BaseCommand):
    help = (
        "Delete uploaded files that no row names any more, in MEDIA_ROOT and PRIVATE_MEDIA_ROOT (Celery beat runs "
        "it weekly). Files younger than --min-age-hours are kept: their row may not be committed yet."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="List the orphan files; delete nothing.")
        parser.add_argument(
            "--min-age-hours", type=float, default=1.0, help="Keep files younger than this (default 1 hour)."
        )

    def handle(self, *args, dry_run, min_age_hours, **options) -> None:
        if min_age_hours < 0:
            raise CommandError("--min-age-hours cannot be negative.")
        orphans = purge_orphan_files(min_age=timedelta(hours=min_age_hours), dry_run=dry_run)
        for orphan in orphans:
            self.stdout.write(f"{orphan.area}: {orphan.name}")
        verb = "would be deleted" if dry_run else "deleted"
        self.stdout.write(f"{len(orphans)} orphan file(s) {verb}.")
