"""The project's history: every status change is recorded with who, when, from what and to what."""

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from consortium.models import Project, StatusChange
from consortium.selectors.history import history_for_holder
from consortium.services.errors import InvalidTransition
from consortium.services.history import change_status
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_changing_the_status_saves_it_and_records_who_when_from_and_to(staff):
    project = ProjectFactory(status="submitted")

    change = change_status(project=project, to_status=Project.Status.ELIGIBLE, by=staff, note="Dossier conforme")

    project.refresh_from_db()
    assert project.status == "eligible"
    assert (change.from_status, change.to_status, change.changed_by, change.note) == (
        "submitted",
        "eligible",
        staff,
        "Dossier conforme",
    )
    assert change.changed_at is not None
    assert list(project.history.values_list("from_status", "to_status")) == [("submitted", "eligible")]


def test_the_recorded_from_status_is_the_one_in_the_database_even_if_the_caller_held_an_old_copy(staff):
    project = ProjectFactory(status="submitted")
    stale = Project.objects.get(pk=project.pk)
    change_status(project=project, to_status="eligible", by=staff)

    change = change_status(project=stale, to_status="selected", by=staff)

    assert change.from_status == "eligible"
    assert list(project.history.values_list("to_status", flat=True)) == ["eligible", "selected"]


def test_a_change_to_the_same_status_is_refused_and_records_nothing(staff):
    project = ProjectFactory(status="eligible")

    with pytest.raises(InvalidTransition):
        change_status(project=project, to_status="eligible", by=staff)

    assert not StatusChange.objects.exists()


def test_an_unknown_status_is_refused(staff):
    project = ProjectFactory(status="submitted")

    with pytest.raises(InvalidTransition):
        change_status(project=project, to_status="teleported", by=staff)

    project.refresh_from_db()
    assert project.status == "submitted"
    assert not StatusChange.objects.exists()


def test_the_status_and_its_history_row_are_written_together_or_not_at_all(staff):
    project = ProjectFactory(status="submitted")

    def change_then_fail():
        with transaction.atomic():
            change_status(project=project, to_status="eligible", by=staff)
            raise RuntimeError("the caller's next step failed")

    with pytest.raises(RuntimeError):
        change_then_fail()

    project.refresh_from_db()
    assert project.status == "submitted"
    assert not StatusChange.objects.exists()


def test_the_history_is_in_the_order_of_the_changes(staff):
    project = ProjectFactory(status="submitted")
    for status in ("eligible", "selected", "accompanied"):
        change_status(project=project, to_status=status, by=staff)

    assert [change.to_status for change in history_for_holder(project)] == ["eligible", "selected", "accompanied"]


def test_the_holder_sees_the_transitions_but_not_who_made_them_nor_internal_notes(client, staff):
    project = ProjectFactory(status="submitted")
    change_status(project=project, to_status="eligible", by=staff, note="Note interne: à surveiller")
    client.force_login(project.holder)

    with translation.override("en"):
        response = client.get(reverse("consortium:project", args=[project.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Submitted → <strong>Eligible</strong>" in page
    assert staff.get_full_name() not in page
    assert "Note interne" not in page
