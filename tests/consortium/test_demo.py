"""The consortium's demo data: a past call taken through the whole programme, an open call, a call in its jury
review, and nothing created twice."""

import io

import pytest
from django.db.models import Count

from consortium.models import (
    Call,
    ConsortiumMember,
    KpiReport,
    MentoringMeeting,
    Mentorship,
    Milestone,
    Need,
    Project,
    ReviewAssignment,
    Score,
)
from demo import registry
from demo.consortium import seed as consortium_demo

pytestmark = pytest.mark.django_db

S = Project.Status


@pytest.fixture
def seeded(taxonomies):
    return consortium_demo.seed_consortium(io.StringIO())


def test_a_second_run_creates_nothing(seeded):
    assert seeded > 1000
    counts = (Project.objects.count(), ReviewAssignment.objects.count(), KpiReport.objects.count())
    assert consortium_demo.seed_consortium(io.StringIO()) == 0
    assert (Project.objects.count(), ReviewAssignment.objects.count(), KpiReport.objects.count()) == counts


def test_the_past_call_went_through_screening_review_and_selection(seeded):
    past = Call.objects.get(slug=consortium_demo.PAST_SLUG)
    assert past.decisions_published_at is not None
    projects = Project.objects.filter(call=past)
    assert projects.count() >= 60
    assert projects.filter(status__in=Project.ACCOMPANIED).count() == 30
    assert projects.filter(status=S.RESERVE).exists()
    ineligible = projects.filter(status=S.INELIGIBLE)
    assert ineligible.exists()
    assert all(project.screening_reason for project in ineligible)
    assert past.criteria.count() == 4
    assert past.jury.count() >= 4
    reviewed = ReviewAssignment.objects.filter(project__call=past, status=ReviewAssignment.Status.SUBMITTED)
    assert reviewed.values("juror").distinct().count() >= 4
    assert Score.objects.filter(assignment__in=reviewed).count() == reviewed.count() * 4
    assert ReviewAssignment.objects.filter(status=ReviewAssignment.Status.CONFLICT).exists()


def test_every_status_has_its_history(seeded):
    for project in Project.objects.exclude(status=S.DRAFT).annotate(changes=Count("history")):
        last = project.history.order_by("-changed_at", "-pk").first()
        assert last is not None
        assert last.to_status == project.status, project.title
    selected = Project.objects.filter(status=S.SELECTED, call__slug=consortium_demo.PAST_SLUG).first()
    steps = list(selected.history.order_by("changed_at", "pk").values_list("to_status", flat=True))
    assert steps == [S.SUBMITTED, S.ELIGIBLE, S.SELECTED]


def test_projects_are_accompanied_with_mentors_milestones_meetings_needs_and_kpis(seeded):
    accompanied = Project.objects.filter(status__in=[S.ACCOMPANIED, S.LAUNCHED])
    assert accompanied.count() >= 20
    assert not accompanied.filter(mentorships__isnull=True).exists()
    assert Milestone.objects.filter(status=Milestone.Status.DONE).exists()
    late = Milestone.objects.exclude(status=Milestone.Status.DONE).filter(
        due_on__lt=consortium_demo.timezone.localdate()
    )
    assert late.exists()
    assert MentoringMeeting.objects.count() >= 3 * accompanied.count()
    assert Need.objects.filter(is_open=True).exists()
    assert KpiReport.objects.values("period").distinct().count() >= 5
    assert Project.objects.filter(status=S.LAUNCHED, company_created_on__isnull=False).exists()


def test_one_call_is_open_with_drafts_and_submissions(seeded):
    open_calls = Call.objects.open()
    assert open_calls.count() == 1
    projects = Project.objects.filter(call=open_calls.get())
    assert projects.filter(status=S.DRAFT).exists()
    assert projects.filter(status=S.SUBMITTED).exists()


def test_one_call_is_in_review_with_reviews_pending_for_the_demo_juror(seeded):
    call = Call.objects.get(slug=consortium_demo.REVIEW_SLUG)
    assert call.in_review()
    assert call.criteria.count() == 4
    assert call.jury.filter(email="jury@dimobel.org").exists()
    projects = Project.objects.filter(call=call)
    assert projects.filter(status=S.ELIGIBLE).count() >= 8
    assert all(project.screening_reason for project in projects.filter(status=S.INELIGIBLE))
    assert not ReviewAssignment.objects.filter(project__call=call).exclude(project__status=S.ELIGIBLE).exists()
    mine = ReviewAssignment.objects.filter(project__call=call, juror__email="jury@dimobel.org")
    assert mine.count() == projects.filter(status=S.ELIGIBLE).count()
    assert mine.filter(status=ReviewAssignment.Status.PENDING).count() >= 3
    done = mine.filter(status=ReviewAssignment.Status.SUBMITTED)
    assert done.exists()
    assert Score.objects.filter(assignment__in=done).count() == done.count() * 4
    others = ReviewAssignment.objects.filter(project__call=call).exclude(juror__email="jury@dimobel.org")
    assert {ReviewAssignment.Status.PENDING, ReviewAssignment.Status.SUBMITTED} <= set(
        others.values_list("status", flat=True)
    )


def test_members_offer_services_and_experts_and_the_logins_are_listed(seeded):
    members = ConsortiumMember.objects.annotate(
        services_count=Count("services", distinct=True), experts_count=Count("experts", distinct=True)
    )
    assert 6 <= members.count() <= 8
    assert all(member.services_count and member.experts_count for member in members)
    mentor = Mentorship.objects.values("mentor").annotate(n=Count("pk")).order_by("-n").first()
    assert mentor["n"] >= 4
    holder_project = Project.objects.get(
        holder__email=consortium_demo.HOLDER_LOGIN, call__slug=consortium_demo.PAST_SLUG
    )
    assert holder_project.status in Project.ACCOMPANIED
    logins = registry.logins_text()
    assert consortium_demo.HOLDER_LOGIN in logins
    assert "jury@dimobel.org" in logins
    assert "mentor@dimobel.org" in logins
