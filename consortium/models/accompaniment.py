from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consortium.models.projects import Project
from dimobel.files import private_storage


class Mentorship(models.Model):
    """A mentor or expert of a consortium member assigned to a selected project."""

    project = models.ForeignKey(
        "consortium.Project", on_delete=models.CASCADE, related_name="mentorships", verbose_name=_("project")
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorships", verbose_name=_("mentor")
    )
    member = models.ForeignKey(
        "consortium.ConsortiumMember",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentorships",
        verbose_name=_("for the consortium member"),
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    class Meta:
        verbose_name = _("mentorship")
        verbose_name_plural = _("mentorships")
        constraints = [models.UniqueConstraint(fields=["project", "mentor"], name="consortium_mentor_once")]
        indexes = [models.Index(fields=["mentor", "project"], name="consortium_mentor_projects")]

    def __str__(self):
        return f"{self.mentor} – {self.project}"


def _done() -> Q:
    return Q(status=Milestone.Status.DONE)


class MilestoneQuerySet(models.QuerySet):
    """A milestone's timeliness, one rule for the workspace, the reminders, the dashboard and the admin. Each
    condition is also a ``Q`` (``Milestone.overdue_condition()``…) so a figure can count several in one query."""

    def pending(self):
        """Not done yet, whatever the date."""
        return self.exclude(_done())

    def done(self):
        return self.filter(_done())

    def overdue(self, today: date | None = None):
        return self.filter(Milestone.overdue_condition(today))

    def upcoming(self, today: date | None = None):
        """Not done, and due today or later."""
        return self.filter(Milestone.upcoming_condition(today))

    def done_late(self):
        return self.filter(Milestone.done_late_condition())

    def in_open_workspaces(self):
        """The milestones of projects whose workspace still takes entries (archives remind nobody)."""
        return self.filter(project__status__in=Project.WORKSPACE_OPEN)


class Milestone(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    project = models.ForeignKey(
        "consortium.Project", on_delete=models.CASCADE, related_name="milestones", verbose_name=_("project")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    due_on = models.DateField(_("due on"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PLANNED)
    evidence = models.TextField(_("evidence"), blank=True, help_text=_("What shows it is done: a link, a short note."))
    evidence_file = models.FileField(
        _("evidence file"), upload_to="consortium/evidence/%Y/", storage=private_storage, blank=True
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["project", "due_on", "pk"]
        indexes = [models.Index(fields=["status", "due_on"], name="consortium_milestone_due")]

    def __str__(self):
        return self.title

    # The timeliness rules as conditions; the properties below say the same of one milestone.

    @staticmethod
    def overdue_condition(today: date | None = None) -> Q:
        """Not done, and its due date has passed."""
        return ~_done() & Q(due_on__lt=today or timezone.localdate())

    @staticmethod
    def upcoming_condition(today: date | None = None) -> Q:
        return ~_done() & Q(due_on__gte=today or timezone.localdate())

    @staticmethod
    def done_late_condition() -> Q:
        return _done() & Q(completed_on__gt=F("due_on"))

    @staticmethod
    def done_on_time_condition() -> Q:
        """Done by its due date, or done with no completion date noted."""
        return _done() & (Q(completed_on__isnull=True) | Q(completed_on__lte=F("due_on")))

    @property
    def is_done(self) -> bool:
        return self.status == self.Status.DONE

    @property
    def is_in_progress(self) -> bool:
        return self.status == self.Status.IN_PROGRESS

    @property
    def is_overdue(self) -> bool:
        return not self.is_done and self.due_on < timezone.localdate()


class MentoringMeeting(models.Model):
    """The log of accompaniment meetings: date, who was there, notes and next steps."""

    project = models.ForeignKey(
        "consortium.Project", on_delete=models.CASCADE, related_name="meetings", verbose_name=_("project")
    )
    held_on = models.DateField(_("date"))
    participants = models.CharField(_("participants"), max_length=500)
    notes = models.TextField(_("notes"))
    next_steps = models.TextField(_("next steps"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("written by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("accompaniment meeting")
        verbose_name_plural = _("accompaniment meetings")
        ordering = ["project", "-held_on", "-pk"]

    def __str__(self):
        return f"{self.project} – {self.held_on}"


class ProjectDocument(models.Model):
    """A file shared in the project's workspace (private: served only to the workspace's people)."""

    project = models.ForeignKey(
        "consortium.Project", on_delete=models.CASCADE, related_name="documents", verbose_name=_("project")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="consortium/documents/%Y/", storage=private_storage)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("shared document")
        verbose_name_plural = _("shared documents")
        ordering = ["project", "-uploaded_at"]

    def __str__(self):
        return self.title


class Need(models.Model):
    """A need of the project still open (or met): financing, a distributor in Belgium, legal advice…"""

    project = models.ForeignKey(
        "consortium.Project", on_delete=models.CASCADE, related_name="needs", verbose_name=_("project")
    )
    help_type = models.ForeignKey(
        "network.HelpType",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_needs",
        verbose_name=_("type of help"),
    )
    description = models.CharField(_("need"), max_length=300)
    is_open = models.BooleanField(_("still open"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    met_on = models.DateField(_("met on"), null=True, blank=True)

    class Meta:
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        ordering = ["project", "-is_open", "pk"]

    def __str__(self):
        return self.description
