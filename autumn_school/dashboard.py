"""Dashboard section "My courses": the member's modules with their progress and a "Resume" button, and the
waitlists they are on with their position. One query whatever the number of courses."""

from django.db.models import Case, IntegerField, Value, When

from autumn_school.models import Enrolment
from autumn_school.services.enrolment import listed, my_enrolments
from dimobel import dashboard

SHOWN = 6


def my_courses(learner):
    """The member's enrolments worth showing, learning first, then finished, then waitlisted."""
    enrolments = (
        my_enrolments(learner)
        .filter(module__is_published=True, module__edition__is_published=True)
        .annotate(
            rank=Case(
                When(status=Enrolment.Status.WAITLISTED, then=Value(2)),
                When(completed_at__isnull=False, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .order_by("rank", "-last_activity_at", "module__starts_on", "pk")
    )
    return listed(enrolments[:SHOWN])


def courses_section(request):
    if not request.user.is_authenticated:
        return None
    courses = my_courses(request.user)
    if not courses:
        return None
    return {"courses": courses}


dashboard.register(
    dashboard.Section("autumn_school", "autumn_school/dashboard_courses.html", courses_section, order=20)
)
