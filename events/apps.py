from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from dimobel import roles


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        # Register the calendar sources (starred sessions, B2B meetings), the dashboard section, and the
        # receiver that links guest registrations to the member who confirms their address.
        from events import calendar_items, dashboard, receivers  # noqa: F401

        # What organisers manage in the admin: events, registrations, the programme and the B2B meetings.
        roles.grant(
            roles.ORGANISERS,
            app_label=self.label,
            models={
                "event": "view add change",
                "category": "view add change delete",
                "question": "view add change delete",
                "registration": "view add change",
                "answer": "view add change",
                "room": "view add change delete",
                "track": "view add change delete",
                "speaker": "view add change delete",
                "session": "view add change delete",
                "workshopsignup": "view add change",
                "meetingblock": "view add change delete",
                "b2bparticipant": "view add change",
                "meeting": "view add change",
                "agendastar": "view",
                "meetingseat": "view",
            },
        )
