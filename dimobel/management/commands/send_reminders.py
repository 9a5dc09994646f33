from django.core.management.base import BaseCommand

from dimobel import reminders


class Command(BaseCommand):
    help = "Send every due reminder exactly once (the same sweep Celery beat runs)."

    def handle(self, *args, **options) -> None:
        sent = reminders.sweep()
        self.stdout.write(f"{sent} reminder(s) sent.")
