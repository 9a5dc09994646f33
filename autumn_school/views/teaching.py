"""The instructor page of a module: the cohort at a glance, its CSV, and the nudge to inactive learners."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from autumn_school import exports, permissions
from autumn_school.selectors.teaching import cohort_overview
from autumn_school.services import teaching as services


@login_required
@require_GET
def instructor_page(request, slug):
    module = permissions.get_module_for_instructor(request.user, slug)
    overview = cohort_overview(module)
    return render(request, "autumn_school/teach.html", {"module": module, "overview": overview, "teaching": True})


@login_required
@require_GET
def export_csv(request, slug):
    module = permissions.get_module_for_instructor(request.user, slug)
    return exports.cohort_csv(module)


@login_required
@require_POST
def email_inactive(request, slug):
    module = permissions.get_module_for_instructor(request.user, slug)
    emailed, skipped = services.email_inactive_learners(module=module, sender=request.user)
    if emailed:
        messages.success(
            request,
            ngettext(
                "%(count)s inactive learner has been emailed.",
                "%(count)s inactive learners have been emailed.",
                emailed,
            )
            % {"count": emailed},
        )
    if skipped:
        messages.info(
            request,
            ngettext(
                "%(count)s learner was already emailed in the last 24 hours and was left alone.",
                "%(count)s learners were already emailed in the last 24 hours and were left alone.",
                skipped,
            )
            % {"count": skipped},
        )
    if not emailed and not skipped:
        messages.info(request, _("No learner has been inactive for 7 days or more: nobody was emailed."))
    return redirect("autumn_school:teach", slug=module.slug)
