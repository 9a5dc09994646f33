"""The autumn school's CSV exports: a module's cohort for its instructors, and enrolments for organisers."""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from autumn_school.models import Module
from autumn_school.selectors.enrolment import enrolments_for_export
from autumn_school.selectors.teaching import cohort_overview
from dimobel.csv_export import csv_response


def cohort_csv(module: Module) -> HttpResponse:
    """One row per enrolment of the module (every status), with the figures of the instructor page."""
    enrolments = cohort_overview(module).everyone
    header = [
        _("Name"),
        _("Email"),
        _("Status"),
        _("Enrolled at"),
        _("Progress (%)"),
        _("Lessons done"),
        _("Lessons in total"),
        _("Best quiz score (%)"),
        _("Live sessions attended"),
        _("Last activity"),
        _("Completed at"),
        _("Waitlist position"),
    ]
    rows = (
        [
            enrolment.learner.get_full_name(),
            enrolment.learner.email,
            enrolment.get_status_display(),
            _stamp(enrolment.enrolled_at),
            enrolment.progress.percent,
            enrolment.progress.lessons_done,
            enrolment.progress.lessons_total,
            "" if enrolment.best_score is None else enrolment.best_score,
            enrolment.sessions_attended,
            _stamp(enrolment.last_activity_at),
            _stamp(enrolment.completed_at),
            getattr(enrolment, "waitlist_position", ""),
        ]
        for enrolment in enrolments
    )
    return csv_response(f"{module.slug}-learners", header, rows)


def enrolments_csv(queryset) -> HttpResponse:
    """The organisers' export of the enrolments selected in the admin."""
    enrolments = enrolments_for_export(queryset)
    header = [
        _("First name"),
        _("Last name"),
        _("Email"),
        _("edition"),
        _("module"),
        _("status"),
        _("enrolled at"),
        _("waitlisted at"),
        _("cancelled at"),
        _("completed at"),
        _("last activity"),
    ]
    rows = (
        [
            e.learner.first_name,
            e.learner.last_name,
            e.learner.email,
            e.module.edition.title,
            e.module.title,
            e.get_status_display(),
            _stamp(e.enrolled_at),
            _stamp(e.waitlisted_at),
            _stamp(e.cancelled_at),
            _stamp(e.completed_at),
            _stamp(e.last_activity_at),
        ]
        for e in enrolments
    )
    return csv_response("autumn-school-enrolments", header, rows)


def _stamp(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""
