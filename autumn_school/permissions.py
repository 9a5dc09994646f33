"""Who may see or do what in the autumn school. Views call an access helper on their first line; it looks
the object up scoped to the member and answers 404 to everyone else."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from autumn_school.models import Certificate, Enrolment, LiveSession, Module, Resource


def is_school_staff(user) -> bool:
    """Staff and organisers see every module, published or not, and its instructor page."""
    return user.is_authenticated and (user.is_staff or user.groups.filter(name="Organisers").exists())


def is_instructor(user, module) -> bool:
    return user.is_authenticated and module.instructors.filter(pk=user.pk).exists()


def can_teach(user, module) -> bool:
    return is_instructor(user, module) or is_school_staff(user)


def active_enrolment(user, module):
    """The member's enrolment in the module if they hold a place (not waitlisted or cancelled), else None."""
    if not user.is_authenticated:
        return None
    return Enrolment.objects.active().filter(module=module, learner=user).first()


def can_follow(user, module) -> bool:
    """Enrolled learners, the module's instructors and staff see lessons, resources and meeting links."""
    return active_enrolment(user, module) is not None or can_teach(user, module)


def get_module_for_viewer(user, slug) -> Module:
    """A published module; an unpublished one only for its instructors and staff."""
    module = get_object_or_404(Module.objects.select_related("edition", "theme"), slug=slug)
    if not (module.is_published and module.edition.is_published) and not can_teach(user, module):
        raise Http404
    return module


def get_module_for_learner(user, slug) -> Module:
    """A module whose content the member may follow (enrolled, instructor or staff)."""
    module = get_module_for_viewer(user, slug)
    if not can_follow(user, module):
        raise Http404
    return module


def get_module_for_instructor(user, slug) -> Module:
    module = get_object_or_404(Module.objects.select_related("edition", "theme"), slug=slug)
    if not can_teach(user, module):
        raise Http404
    return module


def get_resource_for_user(user, resource_id) -> Resource:
    resource = get_object_or_404(Resource.objects.select_related("lesson__module"), pk=resource_id)
    if not can_follow(user, resource.lesson.module):
        raise Http404
    return resource


def get_live_session_for_user(user, session_id) -> LiveSession:
    session = get_object_or_404(LiveSession.objects.select_related("module__edition"), pk=session_id)
    if not can_follow(user, session.module):
        raise Http404
    return session


def get_live_session_for_instructor(user, session_id) -> LiveSession:
    session = get_object_or_404(LiveSession.objects.select_related("module__edition"), pk=session_id)
    if not can_teach(user, session.module):
        raise Http404
    return session


def get_certificate_for_download(user, certificate_id) -> Certificate:
    """The learner's own valid certificate; staff and organisers may fetch any, revoked ones included."""
    certificate = get_object_or_404(Certificate.objects.select_related("enrolment"), pk=certificate_id)
    if is_school_staff(user):
        return certificate
    if certificate.enrolment.learner_id != user.pk or not certificate.is_valid:
        raise Http404
    return certificate
