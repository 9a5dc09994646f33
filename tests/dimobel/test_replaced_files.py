"""A file its row no longer names (replaced, cleared, or the row deleted) leaves the storage once the change
commits, whichever path made the change: a member's service, a project holder's draft, a workspace, the admin."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from autumn_school.models import Resource
from consortium.models import Project
from consortium.services import accompaniment, applications
from events.models import Event, Speaker
from network.models import OrganisationKind
from network.services import organisations
from tests.autumn_school.test_admin import change_form_data
from tests.consortium.helpers import PDF
from tests.delivery import committed
from tests.factories import LessonFactory, MilestoneFactory, ProjectFactory, SpeakerFactory
from tests.helpers import image_upload

pytestmark = pytest.mark.django_db


def pdf(name="document.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(f"admin:{name}", args=args)


# Services


def company():
    return OrganisationKind.objects.get_or_create(slug="company", defaults={"name_fr": "Entreprise"})[0]


def test_an_organisation_logo_replaced_then_removed_leaves_no_file(member):
    organisation = organisations.create_organisation(
        creator=member, name="Atlas", kind=company(), logo=image_upload("a.png")
    )
    first = Path(organisation.logo.path)

    with committed():
        organisation = organisations.update_organisation(
            organisation=organisation, editor=member, logo=image_upload("b.png")
        )
    second = Path(organisation.logo.path)
    assert (first.exists(), second.exists()) == (False, True)

    with committed():
        organisation = organisations.update_organisation(organisation=organisation, editor=member, logo=False)
    assert not organisation.logo
    assert not second.exists()


def test_saving_the_organisation_without_a_new_logo_keeps_it(member):
    organisation = organisations.create_organisation(creator=member, name="Atlas", kind=company(), logo=image_upload())

    with committed():
        organisations.update_organisation(organisation=organisation, editor=member, city="Oujda")

    assert Path(organisation.logo.path).exists()


def test_a_replaced_business_plan_goes_after_the_commit(member):
    project = ProjectFactory(holder=member)
    with committed():
        project = applications.save_draft(project=project, by=member, changes={"business_plan": pdf("v1.pdf")})
    first = Path(project.business_plan.path)

    with committed():
        project = applications.save_draft(project=project, by=member, changes={"business_plan": pdf("v2.pdf")})
        assert first.exists()

    assert not first.exists()
    assert Path(Project.objects.get(pk=project.pk).business_plan.path).read_bytes() == PDF


def test_replaced_milestone_evidence_goes_after_the_commit(member):
    milestone = MilestoneFactory(project__holder=member)
    with committed():
        milestone = accompaniment.mark_milestone_done(milestone=milestone, by=member, evidence_file=pdf("v1.pdf"))
    first = Path(milestone.evidence_file.path)

    with committed():
        milestone = accompaniment.mark_milestone_done(milestone=milestone, by=member, evidence_file=pdf("v2.pdf"))

    assert not first.exists()
    assert Path(milestone.evidence_file.path).exists()


# The admin


def speaker_with_photo():
    speaker = SpeakerFactory()
    speaker.photo.save("portrait.png", ContentFile(image_upload().read()), save=True)
    return speaker


def test_replacing_a_speaker_photo_in_the_admin_deletes_the_old_one_after_the_commit(admin_client_with_mfa):
    speaker = speaker_with_photo()
    old = Path(speaker.photo.path)
    data = change_form_data(admin_client_with_mfa.get(admin_url("events_speaker_change", speaker.pk)))

    with committed():
        response = admin_client_with_mfa.post(
            admin_url("events_speaker_change", speaker.pk), {**data, "photo": image_upload()}
        )

    assert response.status_code == 302
    speaker.refresh_from_db()
    assert Path(speaker.photo.path).exists()
    assert not old.exists()


def test_clearing_a_speaker_photo_in_the_admin_deletes_it(admin_client_with_mfa):
    speaker = speaker_with_photo()
    old = Path(speaker.photo.path)
    data = change_form_data(admin_client_with_mfa.get(admin_url("events_speaker_change", speaker.pk)))

    with committed():
        admin_client_with_mfa.post(admin_url("events_speaker_change", speaker.pk), {**data, "photo-clear": "on"})

    assert not Speaker.objects.get(pk=speaker.pk).photo
    assert not old.exists()


def test_deleting_an_event_in_the_admin_deletes_its_cover_and_its_speakers_photos(admin_client_with_mfa):
    speaker = speaker_with_photo()
    event = speaker.event
    event.cover.save("cover.png", ContentFile(image_upload().read()), save=True)
    files = [Path(event.cover.path), Path(speaker.photo.path)]

    with committed():
        response = admin_client_with_mfa.post(admin_url("events_event_delete", event.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not Event.objects.filter(pk=event.pk).exists()
    assert [path.exists() for path in files] == [False, False]


def test_a_course_resource_removed_from_its_lesson_in_the_admin_leaves_the_disk(admin_client_with_mfa):
    lesson = LessonFactory()
    resource = Resource(lesson=lesson, title="Plan de financement")
    resource.file.save("plan.pdf", ContentFile(PDF), save=True)
    stored = Path(resource.file.path)
    data = change_form_data(admin_client_with_mfa.get(admin_url("autumn_school_lesson_change", lesson.pk)))

    with committed():
        response = admin_client_with_mfa.post(
            admin_url("autumn_school_lesson_change", lesson.pk), {**data, "resources-0-DELETE": "on"}
        )

    assert response.status_code == 302
    assert not Resource.objects.filter(pk=resource.pk).exists()
    assert not stored.exists()


def test_a_course_resource_replaced_in_the_admin_leaves_only_the_new_file(admin_client_with_mfa):
    lesson = LessonFactory()
    resource = Resource(lesson=lesson, title="Plan de financement")
    resource.file.save("plan.pdf", ContentFile(PDF), save=True)
    old = Path(resource.file.path)
    data = change_form_data(admin_client_with_mfa.get(admin_url("autumn_school_lesson_change", lesson.pk)))

    with committed():
        admin_client_with_mfa.post(
            admin_url("autumn_school_lesson_change", lesson.pk), {**data, "resources-0-file": pdf("plan-v2.pdf")}
        )

    resource.refresh_from_db()
    assert "plan-v2" in resource.file.name
    assert Path(resource.file.path).exists()
    assert not old.exists()
