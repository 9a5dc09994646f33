from django.core.management.base import BaseCommand

from dimobel import outbox


class Command(BaseCommand):
    help = "Deliver every email of the outbox that is due (the relay Celery beat runs every minute), for cron."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--seconds", type=float, default=50.0, help="Stop after this long (default 50).")

    def handle(self, *args, seconds, **options) -> None:
        sent = outbox.relay(seconds=seconds)
        backlog = outbox.backlog()
        self.stdout.write(f"{sent} email(s) sent; {backlog['due']} still due.")
