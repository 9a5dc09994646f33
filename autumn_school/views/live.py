"""Live sessions: joining through the site, the .ics, and the instructors' attendance sheet."""

from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from autumn_school import permissions
from autumn_school.calendar_items import session_item
from autumn_school.forms.teaching import AttendanceForm, RecordingForm
from autumn_school.selectors import live as sessions
from autumn_school.services import live as services
from dimobel.calendar import ics_response
from dimobel.errors import DomainError

BRUSSELS = ZoneInfo("Europe/Brussels")
CASABLANCA = ZoneInfo("Africa/Casablanca")


def _opening_time(session):
    opens_at = session.join_opens_at
    return {
        "day": date_format(timezone.localtime(opens_at, BRUSSELS), "DATE_FORMAT"),
        "brussels": date_format(timezone.localtime(opens_at, BRUSSELS), "TIME_FORMAT"),
        "casablanca": date_format(timezone.localtime(opens_at, CASABLANCA), "TIME_FORMAT"),
    }


@login_required
@require_GET
def join(request, session_id):
    """The only way to the meeting link: a redirect during the session's window, an explanation otherwise."""
    session = permissions.get_live_session_for_user(request.user, session_id)
    state = sessions.join_state(session)
    if state == sessions.OPEN:
        return redirect(session.meeting_url)
    if state == sessions.NOT_YET_OPEN:
        messages.info(
            request,
            _(
                "The link opens 15 minutes before the start (at %(brussels)s Brussels time, "
                "%(casablanca)s Casablanca time, on %(day)s)."
            )
            % _opening_time(session),
        )
    elif session.recording_url:
        messages.info(
            request,
            format_html(
                '{} <a href="{}" class="alert-link" rel="noopener noreferrer">{}</a>',
                _("This session has ended."),
                session.recording_url,
                _("Watch the recording"),
            ),
        )
    else:
        messages.info(
            request, _("This session has ended. Its recording will be linked here once the instructor adds it.")
        )
    return redirect("autumn_school:module_detail", slug=session.module.slug)


@login_required
@require_GET
def session_ics(request, session_id):
    session = permissions.get_live_session_for_user(request.user, session_id)
    return ics_response([session_item(session)], filename=f"live-session-{session.pk}.ics", name=session.title)


@login_required
@require_GET
def attendance(request, session_id):
    """Instructors tick who attended, and add the recording link once the session has taken place."""
    session = permissions.get_live_session_for_instructor(request.user, session_id)
    return _attendance_page(request, session)


@login_required
@require_POST
def save_attendance(request, session_id):
    session = permissions.get_live_session_for_instructor(request.user, session_id)
    form = AttendanceForm(request.POST, session=session, prefix="attendance")
    if not form.is_valid():
        return _attendance_page(request, session, attendance_form=form)
    present = form.cleaned_data["present"]
    try:
        services.record_attendance(
            session=session, present_learner_ids=[learner.pk for learner in present], marked_by=request.user
        )
    except DomainError as error:
        messages.error(request, str(error))
        return _attendance_page(request, session, attendance_form=form)
    messages.success(request, _("Attendance saved: %(count)s present.") % {"count": len(present)})
    return redirect("autumn_school:session_attendance", session_id=session.pk)


@login_required
@require_POST
def save_recording(request, session_id):
    session = permissions.get_live_session_for_instructor(request.user, session_id)
    form = RecordingForm(request.POST, prefix="recording")
    if not form.is_valid():
        return _attendance_page(request, session, recording_form=form)
    try:
        services.set_recording(session=session, url=form.cleaned_data["recording_url"])
    except DomainError as error:
        messages.error(request, str(error))
        return _attendance_page(request, session, recording_form=form)
    messages.success(request, _("The recording link has been saved."))
    return redirect("autumn_school:session_attendance", session_id=session.pk)


def _attendance_page(request, session, *, attendance_form=None, recording_form=None):
    """The attendance sheet and the recording link; a form that was posted comes back with what was typed."""
    present_ids = sessions.present_learner_ids(session)
    context = {
        "session": session,
        "module": session.module,
        "teaching": True,
        "attendance_form": attendance_form
        or AttendanceForm(session=session, prefix="attendance", initial={"present": present_ids}),
        "recording_form": recording_form
        or RecordingForm(prefix="recording", initial={"recording_url": session.recording_url}),
        "has_started": timezone.now() >= session.starts_at,
        "present_count": len(present_ids),
    }
    return render(request, "autumn_school/session_attendance.html", context)
