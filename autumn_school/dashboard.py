"""Dashboard section "My courses": the member's modules with their progress and a "Resume" button, and the
waitlists they are on with their position. One query whatever the number of courses."""

from autumn_school.selectors.enrolment import dashboard_courses
from dimobel import dashboard

SHOWN = 6


def courses_section(request) -> dict | None:
    if not request.user.is_authenticated:
        return None
    courses = dashboard_courses(request.user, limit=SHOWN)
    if not courses:
        return None
    return {"courses": courses}


dashboard.register(
    dashboard.Section("autumn_school", "autumn_school/dashboard_courses.html", courses_section, order=20)
)
