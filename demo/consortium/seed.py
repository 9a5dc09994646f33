"""The consortium's demo: seven members with their services and experts, one past call ("Maghrib Belgium Impulse",
decisions published) whose 60 applications went through screening, a five-juror review and the selection of 30,
now accompanied with mentors, milestones, meeting logs, needs and monthly KPI reports; and one open call with a
few drafts and submissions; and a third call ("Agri-Oriental") in its jury review, where the demo juror has
applications left to review.

Idempotent: members and people are found again by organisation slug and e-mail, each call by its slug; a call
that exists is left alone. Everything is fictional and deterministic (a fixed random seed). The statuses are
written with their history (who, when, from what to what), as the screening, selection and lifecycle services
would have, but in bulk and without e-mailing anyone. The data tables and texts are in texts.py; the
accompaniment of the selected projects is seeded by accompaniment.py.
"""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from consortium.models import (
    AssistanceService,
    Call,
    ConsortiumMember,
    Project,
    ReviewAssignment,
    Score,
    StatusChange,
    TeamMember,
)
from consortium.selectors.ranking import call_ranking
from consortium.services.grids import add_default_grid
from demo import registry
from demo.consortium.accompaniment import lifecycle, seed_accompaniment
from demo.consortium.accompaniment import status_change as _change
from demo.consortium.texts import (
    CALL_DESCRIPTION,
    CALL_ELIGIBILITY,
    CALL_SUMMARY,
    CONFLICT_REASON,
    EXPERTS,
    FIRST_NAMES,
    INELIGIBLE,
    JURORS,
    LAST_NAMES,
    MEMBERS,
    OPEN_PROJECTS,
    PROJECTS,
    REVIEW_CALL_DESCRIPTION,
    REVIEW_CALL_SUMMARY,
    REVIEW_COMMENTS,
    REVIEW_INELIGIBLE,
    REVIEW_PROJECTS,
    application_description,
    application_summary,
)
from dimobel import pdf as pdfkit
from dimobel import roles
from network.models import HelpType, Membership, Organisation, OrganisationKind, Profile, Sector, User
from network.services import ensure_profile
from network.services.search import refresh_profile_search

S = Project.Status


PAST_SLUG, OPEN_SLUG = "maghrib-belgium-impulse-edition-1", "maghrib-belgium-impulse-edition-2"
REVIEW_SLUG = "agri-oriental"
HOLDER_LOGIN = "porteur@dimobel.org"


@registry.seeder(order=60)
def seed_consortium(stdout, *, scale=0) -> int:
    password = make_password(registry.DEMO_PASSWORD)  # hashed once: the slow part of creating accounts
    created, members = _members()
    experts = []
    for email, first, last, language, headline, country, city, sectors, offers, member_index in EXPERTS:
        member = members[int(member_index)]
        user, new = _person(email, first, last, language, password, group=roles.MENTORS)
        created += new + _profile(user, headline, country, city, sectors.split(), offers.split())
        created += _expert_of(member, user)
        experts.append((user, member))
    jurors = []
    for email, first, last, language in JURORS:
        user, new = _person(email, first, last, language, password, group=roles.JURY)
        created += new
        jurors.append(user)
    holder, new = _person(HOLDER_LOGIN, "Yasmine", "Alaoui", "fr", password)
    created += new + _profile(holder, "Fondatrice d'une conserverie solidaire à Berkane", "MA", "Berkane", [], [])
    registry.add_login("project holder", HOLDER_LOGIN, "(consortium: a selected project in accompaniment, a draft)")
    registry.add_login("juror", jurors[0].email, "(consortium: reviews pending in the Agri-Oriental call)")
    registry.add_login("mentor", experts[0][0].email, "(consortium: mentors four projects)")
    context = Context(holder=holder, experts=experts, jurors=jurors, password=password)
    created += _past_call(context)
    created += _open_call(context)
    created += _review_call(context)
    return created


class Context:
    def __init__(self, **values):
        self.__dict__.update(values)
        self.rng = random.Random(2026)  # noqa: S311 (demo data, not cryptography)
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.staff = User.objects.filter(email__in=["organisatrice@dimobel.org", "admin@dimobel.org"]).first()
        self.sectors = {sector.slug: sector for sector in Sector.objects.all()}
        self.help_types = {help_type.slug: help_type for help_type in HelpType.objects.all()}

    def ago(self, days, hour=10):
        return datetime.combine(self.today - timedelta(days=days), time(hour), tzinfo=timezone.get_current_timezone())


# People and members


def _person(email, first, last, language, password, *, group=None) -> tuple[User, int]:
    user = User.objects.filter(email=email).first()
    new = user is None
    if new:
        user = User.objects.create(
            email=email, password=password, first_name=first, last_name=last, preferred_language=language,
            terms_version="2026-11-24", privacy_version="2026-11-24", consented_at=timezone.now(),
        )  # fmt: skip
        EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    if group:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user, int(new)


def _profile(user, headline, country, city, sectors, offers) -> int:
    profile = ensure_profile(user=user)
    if profile.headline:
        return 0
    languages = ["fr", "ar"] if country == "MA" else ["fr", "nl", "en"]
    Profile.objects.filter(pk=profile.pk).update(
        headline=headline, country=country, city=city, languages=languages, visibility=Profile.Visibility.PUBLIC
    )
    profile.sectors.set(Sector.objects.filter(slug__in=sectors))
    profile.offers.set(HelpType.objects.filter(slug__in=offers))
    refresh_profile_search([profile.pk])
    return 1


def _members() -> tuple[int, list[ConsortiumMember]]:
    created, members = 0, []
    kinds = {kind.slug: kind for kind in OrganisationKind.objects.all()}
    services = {service.slug: service for service in AssistanceService.objects.all()}
    for name, kind, countries, city, sectors, service_slugs, offer in MEMBERS:
        countries, sectors, service_slugs = countries.split(), sectors.split(), service_slugs.split()
        organisation = Organisation.objects.filter(slug=slugify(name)).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name=name, slug=slugify(name), kind=kinds[kind], countries=countries, city=city, is_verified=True,
                description=f"{offer}\n\nMembre du consortium belgo-marocain d'assistance technique DIMOBEL.",
            )  # fmt: skip
            organisation.sectors.set(Sector.objects.filter(slug__in=sectors))
            created += 1
        member = ConsortiumMember.objects.filter(organisation=organisation).first()
        if member is None:
            member = ConsortiumMember.objects.create(
                organisation=organisation, description=offer, joined_on=timezone.localdate() - timedelta(days=420)
            )
            member.services.set([services[slug] for slug in service_slugs if slug in services])
            created += 1
        members.append(member)
    return created, members


def _expert_of(member, user) -> int:
    if member.experts.filter(pk=user.pk).exists():
        return 0
    member.experts.add(user)
    Membership.objects.get_or_create(
        organisation=member.organisation,
        member=user,
        defaults={"role": "Experte·expert", "status": Membership.Status.ACCEPTED, "decided_at": timezone.now()},
    )
    return 1


def _holders(ctx, count) -> list[User]:
    """The network's demo members apply (membre01…); when they are missing, fictional holders take their place."""
    emails = [f"membre{index:02d}@exemple.org" for index in range(1, count + 1)]
    existing = {user.email: user for user in User.objects.filter(email__in=emails)}
    holders = []
    for index, email in enumerate(emails):
        user = existing.get(email)
        if user is None:
            first, last = FIRST_NAMES[index % len(FIRST_NAMES)], LAST_NAMES[(index * 7) % len(LAST_NAMES)]
            user, _new = _person(f"porteur{index + 1:02d}@exemple.org", first, last, "fr", ctx.password)
            ensure_profile(user=user)
        holders.append(user)
    return holders


# The calls


def _call(ctx, slug, title, opens_at, closes_at, review_opens_at, review_closes_at, decided_at=None, *, places=30,
          texts=(CALL_SUMMARY, CALL_DESCRIPTION)) -> Call:  # fmt: skip
    call = Call.objects.create(
        slug=slug, title=title, opens_at=opens_at, closes_at=closes_at, review_opens_at=review_opens_at,
        review_closes_at=review_closes_at, decisions_published_at=decided_at, places=places,
        languages=["fr", "nl", "ar"], is_published=True, summary=texts[0], description=texts[1],
        eligibility=CALL_ELIGIBILITY,
    )  # fmt: skip
    call.jury.set(ctx.jurors)
    add_default_grid(call=call)
    return call


def _past_call(ctx) -> int:
    if Call.objects.filter(slug=PAST_SLUG).exists():
        return 0
    opens = ctx.ago(315)
    call = _call(
        ctx, PAST_SLUG, f"Appel à projets {opens.year} – Maghrib Belgium Impulse", opens, ctx.ago(255, 18),
        ctx.ago(245), ctx.ago(220, 18), decided_at=ctx.ago(212),
    )  # fmt: skip
    holders = [ctx.holder, *_holders(ctx, len(PROJECTS) - 1)]
    projects = _applications(ctx, call, PROJECTS, holders, submitted_days=(300, 256))
    history, eligible = _screening(ctx, projects, INELIGIBLE, ctx.ago(250))
    reviews = _reviews(ctx, call, eligible)
    ranked = [standing.project for standing in call_ranking(call)]
    ranked.sort(key=lambda project: project.holder_id != ctx.holder.pk)  # the demo holder's project is selected
    decisions = {S.SELECTED: ranked[:30], S.RESERVE: ranked[30:36], S.NOT_SELECTED: ranked[36:]}
    for status, chosen in decisions.items():
        for project in chosen:
            project.status = status
            history.append(_change(ctx, project, S.ELIGIBLE, status, ctx.ago(212), ctx.staff))
    accompanied = lifecycle(ctx, decisions[S.SELECTED], history)
    Project.objects.bulk_update(ranked, ["status", "company_created_on", "abandoned_reason"])
    _save_history(history)
    work = seed_accompaniment(ctx, accompanied)
    return 1 + len(projects) + len(history) + reviews + work


def _open_call(ctx) -> int:
    if Call.objects.filter(slug=OPEN_SLUG).exists():
        return 0
    opens, closes = ctx.ago(20), ctx.ago(-30, 18)
    call = _call(
        ctx, OPEN_SLUG, f"Appel à projets {opens.year + 1} – Maghrib Belgium Impulse", opens, closes,
        closes + timedelta(days=10), closes + timedelta(days=35),
    )  # fmt: skip
    specs = [(*spec[:5], "idea", 60000, 4) for spec in OPEN_PROJECTS]
    # Some holders of the past call try again; the demo holder drafts her next project.
    holders = [*_holders(ctx, len(PROJECTS) - 1)[-4:], ctx.holder, _holders(ctx, 2)[1]]
    projects = _applications(ctx, call, specs, holders, submitted_days=(15, 2))
    drafts = [project for project, spec in zip(projects, OPEN_PROJECTS, strict=True) if not spec[-1]]
    for project in drafts:
        project.status, project.submitted_at = S.DRAFT, None
        project.description = ""  # a draft in progress: the checklist shows what is missing
    Project.objects.bulk_update(drafts, ["status", "submitted_at", "description"])
    history = [_change(ctx, p, S.DRAFT, S.SUBMITTED, p.submitted_at, p.holder) for p in projects if p not in drafts]
    _save_history(history)
    return 1 + len(projects) + len(history)


def _review_call(ctx) -> int:
    """A call in its jury review: every eligible application is assigned to the five jurors, who are halfway
    through; the demo juror (the first) has submitted some reviews and has others pending."""
    if Call.objects.filter(slug=REVIEW_SLUG).exists():
        return 0
    call = _call(
        ctx, REVIEW_SLUG, f"Appel à projets Agri-Oriental {ctx.today.year}", ctx.ago(60), ctx.ago(21, 18),
        ctx.ago(14), ctx.ago(-10, 18), places=8, texts=(REVIEW_CALL_SUMMARY, REVIEW_CALL_DESCRIPTION),
    )  # fmt: skip
    holders = _holders(ctx, len(PROJECTS) - 1)[-len(REVIEW_PROJECTS) - 4 : -4]
    projects = _applications(ctx, call, REVIEW_PROJECTS, holders, submitted_days=(58, 22))
    history, eligible = _screening(ctx, projects, REVIEW_INELIGIBLE, ctx.ago(17))
    _save_history(history)
    pending = lambda index, position: index % 3 != 0 if position == 0 else (index + position) % 3 == 0  # noqa: E731
    reviews = _reviews(ctx, call, eligible, assigned_days=14, submitted_days=(1, 13), pending=pending)
    return 1 + len(projects) + len(history) + reviews


# Applications, reviews and decisions


def _applications(ctx, call, specs, holders, *, submitted_days) -> list[Project]:
    latest, earliest = submitted_days
    projects = []
    for index, (title, _sectors, city, country, corridor, stage, funding, jobs) in enumerate(specs):
        funding, jobs = int(funding), int(jobs)
        submitted_at = ctx.ago(ctx.rng.randint(earliest, latest), hour=ctx.rng.randint(8, 22))
        project = Project(
            call=call, holder=holders[index], title=title, city=city, country=country, corridor=corridor, stage=stage,
            funding_needed=Decimal(funding), funding_currency=Project.Currency.EUR, jobs_expected=jobs,
            status=S.SUBMITTED, submitted_at=submitted_at,
            summary=application_summary(title, city, corridor),
            description=application_description(title, city, funding, jobs),
        )  # fmt: skip
        project.business_plan.save(
            f"business-plan-{slugify(title)[:50]}.pdf", ContentFile(_pdf("Business plan")), False
        )
        project.pitch_deck.save(f"pitch-deck-{slugify(title)[:50]}.pdf", ContentFile(_pdf("Pitch deck")), False)
        projects.append(project)
    Project.objects.bulk_create(projects)
    for project in projects:
        project.created_at = project.submitted_at - timedelta(days=ctx.rng.randint(3, 20))
    Project.objects.bulk_update(projects, ["created_at"])
    through = Project.sectors.through
    through.objects.bulk_create(
        through(project_id=project.pk, sector_id=ctx.sectors[slug].pk)
        for project, spec in zip(projects, specs, strict=True)
        for slug in spec[1].split()
        if slug in ctx.sectors
    )
    TeamMember.objects.bulk_create(
        [TeamMember(project=p, user=p.holder, name=p.holder.get_full_name(), role="Fondatrice·fondateur",
                    is_shareholder=True) for p in projects]
        + [TeamMember(project=p, name=f"{FIRST_NAMES[i % 20]} {LAST_NAMES[(i * 3) % 17]}", role="Associé·e",
                      is_shareholder=i % 2 == 0) for i, p in enumerate(projects) if i % 3]
    )  # fmt: skip
    return projects


@lru_cache(maxsize=2)
def _pdf(kind) -> bytes:
    document = pdfkit.new_document(margin=20, title=kind)
    document.add_page()
    pdfkit.write_text(document, kind, language="fr", size=18, bold=True)
    pdfkit.write_text(document, "Document de démonstration DIMOBEL – données fictives.", language="fr")
    return pdfkit.output_bytes(document)


def _screening(ctx, projects, ineligible, when) -> tuple[list[StatusChange], list[Project]]:
    """Submitted, then screened: eligible, or ineligible with its reason. Returns the history and the eligible."""
    history = [_change(ctx, p, S.DRAFT, S.SUBMITTED, p.submitted_at, p.holder) for p in projects]
    for index, project in enumerate(projects):
        project.screening_reason = ineligible.get(index, "")
        project.status = S.INELIGIBLE if project.screening_reason else S.ELIGIBLE
        history.append(_change(ctx, project, S.SUBMITTED, project.status, when, ctx.staff, project.screening_reason))
    Project.objects.bulk_update(projects, ["status", "screening_reason"])
    return history, [project for project in projects if project.status == S.ELIGIBLE]


def _save_history(changes):
    StatusChange.objects.bulk_create(changes)
    for change in changes:
        change.changed_at = change.when  # auto_now_add wrote "now" on insert
    StatusChange.objects.bulk_update(changes, ["changed_at"], batch_size=500)


def _reviews(ctx, call, eligible, *, assigned_days=245, submitted_days=(222, 240), pending=None) -> int:
    """Every juror reviews every eligible application (a few declare a conflict of interest; ``pending(index,
    position)`` leaves some to review); the scores follow each project's quality, with some noise and each juror's
    own severity."""
    criteria = list(call.criteria.all())
    severity = {juror.pk: ctx.rng.uniform(-0.8, 0.8) for juror in ctx.jurors}
    assignments, scores = [], []
    for index, project in enumerate(eligible):
        quality = 0.95 if project.holder_id == ctx.holder.pk else ctx.rng.random()
        # A few applications divide the jury: one juror sees them very differently (the ranking flags them).
        dissent = {ctx.jurors[index % len(ctx.jurors)].pk: -3.5 if quality > 0.5 else 3.5} if index % 9 == 4 else {}
        for position, juror in enumerate(ctx.jurors):
            conflict = (index * 5 + position) % 47 == 3
            waiting = not conflict and pending is not None and pending(index, position)
            done = not (conflict or waiting)
            assignment = ReviewAssignment(
                project=project, juror=juror, conflict_reason=CONFLICT_REASON if conflict else "",
                status=ReviewAssignment.Status.CONFLICT if conflict else ReviewAssignment.Status.PENDING
                if waiting else ReviewAssignment.Status.SUBMITTED,
                submitted_at=ctx.ago(ctx.rng.randint(*submitted_days), hour=ctx.rng.randint(8, 22)) if done else None,
                comment=ctx.rng.choice(REVIEW_COMMENTS) if done else "",
            )  # fmt: skip
            assignments.append(assignment)
            if not done:
                continue
            for criterion in criteria:
                raw = 2.5 + quality * 7 + severity[juror.pk] + dissent.get(juror.pk, 0) + ctx.rng.gauss(0, 0.9)
                value = Decimal(round(min(max(raw, 0), criterion.max_score) * 2) / 2).quantize(Decimal("0.1"))
                scores.append(Score(assignment=assignment, criterion=criterion, value=value))
    ReviewAssignment.objects.bulk_create(assignments)
    for assignment in assignments:
        assignment.assigned_at = ctx.ago(assigned_days)
    ReviewAssignment.objects.bulk_update(assignments, ["assigned_at"], batch_size=500)
    Score.objects.bulk_create(scores, batch_size=500)
    return len(assignments) + len(scores)
