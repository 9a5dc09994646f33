from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from dimobel.countries import validate_country_code
from dimobel.files import private_storage


class ProjectQuerySet(models.QuerySet):
    def of_holder(self, user):
        return self.filter(holder=user)

    def submitted(self):
        return self.exclude(status=Project.Status.DRAFT)

    def selected(self):
        """Projects with a workspace: selected, then accompanied, even once closed or abandoned."""
        return self.filter(status__in=Project.ACCOMPANIED)

    def with_open_workspace(self):
        """Projects whose workspace still takes entries (closed and abandoned ones are archives)."""
        return self.filter(status__in=Project.WORKSPACE_OPEN)

    def taking_a_place(self):
        return self.filter(status__in=Project.TAKING_A_PLACE)


class Project(models.Model):
    """An entrepreneurial project: first an application to a call, then, once selected, an accompanied project."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ELIGIBLE = "eligible", _("Eligible")
        INELIGIBLE = "ineligible", _("Not eligible")
        SELECTED = "selected", _("Selected")
        RESERVE = "reserve", _("Reserve list")
        NOT_SELECTED = "not_selected", _("Not selected")
        ACCOMPANIED = "accompanied", _("In accompaniment")
        LAUNCHED = "launched", _("Launched (company created)")
        CLOSED = "closed", _("Closed")
        ABANDONED = "abandoned", _("Abandoned")

    # Statuses with a workspace: the selection and every step of the accompaniment after it.
    ACCOMPANIED = (Status.SELECTED, Status.ACCOMPANIED, Status.LAUNCHED, Status.CLOSED, Status.ABANDONED)
    # The workspace still takes entries; a closed or abandoned project keeps it as a read-only archive.
    WORKSPACE_OPEN = (Status.SELECTED, Status.ACCOMPANIED, Status.LAUNCHED)
    # The lifecycle's steps in order, and the moves staff may make from each status.
    LIFECYCLE = (Status.SELECTED, Status.ACCOMPANIED, Status.LAUNCHED, Status.CLOSED)
    LIFECYCLE_MOVES = {
        Status.SELECTED: (Status.ACCOMPANIED, Status.ABANDONED),
        Status.ACCOMPANIED: (Status.LAUNCHED, Status.ABANDONED),
        Status.LAUNCHED: (Status.CLOSED, Status.ABANDONED),
    }
    # A call's places already taken: the selected projects and those accompanied since (an abandon frees a place).
    TAKING_A_PLACE = (Status.SELECTED, Status.ACCOMPANIED, Status.LAUNCHED, Status.CLOSED)
    # How a status reads at a glance (its badge): waiting for a decision, or out of the programme.
    AWAITING_DECISION = (Status.SUBMITTED, Status.ELIGIBLE)
    OUT = (Status.INELIGIBLE, Status.NOT_SELECTED, Status.ABANDONED)

    class Corridor(models.TextChoices):
        BE_TO_MA = "be_ma", _("Belgium → Morocco")
        MA_TO_BE = "ma_be", _("Morocco → Belgium")
        BOTH = "both", _("Both directions")

    class Stage(models.TextChoices):
        IDEA = "idea", _("Idea")
        PROTOTYPE = "prototype", _("Prototype")
        LAUNCHED = "launched", _("Launched")

    class Currency(models.TextChoices):
        EUR = "EUR", _("Euro (EUR)")
        MAD = "MAD", _("Moroccan dirham (MAD)")

    call = models.ForeignKey(
        "consortium.Call", on_delete=models.PROTECT, related_name="projects", verbose_name=_("call")
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="projects", verbose_name=_("project holder")
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=20000)
    sectors = models.ManyToManyField("network.Sector", blank=True, related_name="projects", verbose_name=_("sectors"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, validators=[validate_country_code])
    corridor = models.CharField(_("corridor direction"), max_length=5, choices=Corridor.choices, blank=True)
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, blank=True)
    funding_needed = models.DecimalField(_("funding needed"), max_digits=12, decimal_places=2, null=True, blank=True)
    funding_currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.EUR)
    jobs_expected = models.PositiveIntegerField(_("jobs expected"), null=True, blank=True)
    business_plan = models.FileField(
        _("business plan (PDF)"), upload_to="consortium/business_plans/%Y/", storage=private_storage, blank=True
    )
    pitch_deck = models.FileField(
        _("pitch deck (PDF)"), upload_to="consortium/pitch_decks/%Y/", storage=private_storage, blank=True
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    screening_reason = models.TextField(_("screening reason"), blank=True)
    abandoned_reason = models.TextField(_("reason for abandoning"), blank=True)
    company_created_on = models.DateField(_("company created on"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["call", "status"], name="consortium_project_call"),
            models.Index(fields=["holder", "-created_at"], name="consortium_project_holder"),
            models.Index(fields=["status", "country", "corridor"], name="consortium_project_pipeline"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_eligible(self) -> bool:
        return self.status == self.Status.ELIGIBLE

    @property
    def is_ineligible(self) -> bool:
        return self.status == self.Status.INELIGIBLE

    @property
    def is_on_reserve(self) -> bool:
        return self.status == self.Status.RESERVE

    @property
    def is_abandoned(self) -> bool:
        return self.status == self.Status.ABANDONED

    @property
    def awaits_decision(self) -> bool:
        return self.status in self.AWAITING_DECISION

    @property
    def is_out(self) -> bool:
        """Not eligible, not selected or abandoned: no longer in the running nor in the programme."""
        return self.status in self.OUT

    @property
    def has_workspace(self) -> bool:
        return self.status in self.ACCOMPANIED

    @property
    def workspace_is_open(self) -> bool:
        return self.status in self.WORKSPACE_OPEN

    @property
    def takes_a_place(self) -> bool:
        return self.status in self.TAKING_A_PLACE

    def next_statuses(self) -> tuple:
        """Where staff may move the project along its lifecycle from its current status."""
        return self.LIFECYCLE_MOVES.get(self.status, ())


class TeamMember(models.Model):
    """A person in the project's team: a member of the platform (linked profile) or just a name."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="team", verbose_name=_("project"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_teams",
        verbose_name=_("member"),
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    is_shareholder = models.BooleanField(_("shareholder"), default=False)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["project", "pk"]

    def __str__(self):
        return self.name


class StatusChange(models.Model):
    """The project's history: every change of status, who made it and when."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="history", verbose_name=_("project"))
    from_status = models.CharField(_("from"), max_length=12, choices=Project.Status.choices)
    to_status = models.CharField(_("to"), max_length=12, choices=Project.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["project", "changed_at", "pk"]
        indexes = [models.Index(fields=["to_status", "changed_at"], name="consortium_history_status")]

    def __str__(self):
        return f"{self.project}: {self.from_status} → {self.to_status}"
