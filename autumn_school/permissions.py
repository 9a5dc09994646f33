"""Who may see or do what in the autumn school. Views call an access helper on their first line; it looks
the object up scoped to the member and answers 404 to everyone else. Where a helper lets someone in as staff
rather than as a learner or the module's instructor, they need two-factor authentication (``staff_access``);
instructors and learners keep it optional."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from autumn_school.models import Certificate, LiveSession, Module, QuizAttempt, Resource
from autumn_school.selectors.enrolment import active_enrolment
from dimobel import roles
from dimobel.mfa import require_mfa


def is_school_staff(user) -> bool:
    """Staff and organisers see every module, published or not, and its instructor page."""
    return roles.is_organiser(user)


def is_instructor(user, module) -> bool:
    return user.is_authenticated and module.instructors.filter(pk=user.pk).exists()


def can_teach(user, module) -> bool:
    return is_instructor(user, module) or is_school_staff(user)


def staff_access(user) -> bool:
    """``is_school_staff`` for the access helpers: staff open a page as staff only with two-factor authentication;
    ``dimobel.mfa.MFARequired`` sends them to set it up."""
    if not is_school_staff(user):
        return False
    require_mfa(user)
    return True


def _teaching_access(user, module) -> bool:
    """``can_teach`` for the access helpers: the module's instructors, or staff with two-factor authentication."""
    return is_instructor(user, module) or staff_access(user)


def _following_access(user, module) -> bool:
    """``can_follow`` for the access helpers: enrolled learners and instructors, or staff with two-factor
    authentication."""
    return active_enrolment(user, module) is not None or _teaching_access(user, module)


def can_follow(user, module) -> bool:
    """Enrolled learners, the module's instructors and staff see lessons, resources and meeting links."""
    return active_enrolment(user, module) is not None or can_teach(user, module)


def get_module_for_viewer(user, slug) -> Module:
    """A published module; an unpublished one only for its instructors and staff."""
    module = get_object_or_404(Module.objects.select_related("edition", "theme"), slug=slug)
    if not module.is_in_catalogue and not _teaching_access(user, module):
        raise Http404
    return module


def get_module_for_learner(user, slug) -> Module:
    """A module whose content the member may follow (enrolled, instructor or staff)."""
    module = get_module_for_viewer(user, slug)
    if not _following_access(user, module):
        raise Http404
    return module


def get_module_for_instructor(user, slug) -> Module:
    module = get_object_or_404(Module.objects.select_related("edition", "theme"), slug=slug)
    if not _teaching_access(user, module):
        raise Http404
    return module


def get_resource_for_user(user, resource_id) -> Resource:
    resource = get_object_or_404(Resource.objects.select_related("lesson__module"), pk=resource_id)
    if not _following_access(user, resource.lesson.module):
        raise Http404
    return resource


def get_live_session_for_user(user, session_id) -> LiveSession:
    session = get_object_or_404(LiveSession.objects.select_related("module__edition"), pk=session_id)
    if not _following_access(user, session.module):
        raise Http404
    return session


def get_live_session_for_instructor(user, session_id) -> LiveSession:
    session = get_object_or_404(LiveSession.objects.select_related("module__edition"), pk=session_id)
    if not _teaching_access(user, session.module):
        raise Http404
    return session


def get_quiz_attempt_for_learner(user, module, attempt_id) -> QuizAttempt:
    """Only the learner who made the attempt sees it: other learners and instructors get a 404."""
    return get_object_or_404(
        QuizAttempt.objects.select_related("enrolment"), pk=attempt_id, learner=user, quiz__module=module
    )


def get_certificate_for_download(user, certificate_id) -> Certificate:
    """The learner's own valid certificate; staff and organisers may fetch any, revoked ones included."""
    certificate = get_object_or_404(Certificate.objects.select_related("enrolment"), pk=certificate_id)
    if certificate.enrolment.learner_id == user.pk and certificate.is_valid:
        return certificate
    if staff_access(user):
        return certificate
    raise Http404
