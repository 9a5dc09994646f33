"""The organisers' console for the autumn school: every page opens, lists keep a constant query count, lessons
reorder in one save, places change through the enrolment rules, and certificates are reissued or revoked."""

import csv
import io
from datetime import date, timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import MultiWidget
from django.urls import reverse
from django.utils import timezone, translation

from autumn_school.models import Certificate, CertificateTemplate, Choice, Enrolment, Lesson, Module, Resource
from autumn_school.models import Question as ModuleQuestion
from tests.autumn_school.helpers import en_site as site_url
from tests.factories import (
    ChoiceFactory,
    EnrolmentFactory,
    LiveSessionFactory,
    ModuleFactory,
    QuizFactory,
    QuizQuestionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

MODELS = [
    "edition",
    "theme",
    "module",
    "lesson",
    "livesession",
    "enrolment",
    "quiz",
    "quizquestion",
    "quizattempt",
    "certificate",
    "certificatetemplate",
    "question",
]
ADDABLE = [
    "edition",
    "theme",
    "module",
    "lesson",
    "livesession",
    "quiz",
    "quizquestion",
    "certificatetemplate",
    "question",
]


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(f"admin:autumn_school_{name}", args=args)


def _posted_values(bound) -> dict:
    """What a browser posts for one bound field left untouched."""
    value = bound.value()
    widget = bound.field.widget
    if isinstance(widget, MultiWidget):
        return {
            f"{bound.html_name}_{i}": "" if part is None else str(part)
            for i, part in enumerate(widget.decompress(value))
        }
    if isinstance(value, bool):
        return {bound.html_name: "on"} if value else {}
    if isinstance(value, (list, tuple)):
        return {bound.html_name: [str(v) for v in value]}
    if getattr(widget, "input_type", None) == "file":
        return {}
    return {bound.html_name: "" if value is None else str(value)}


def change_form_data(response):
    """What the browser would post back from an admin change page, untouched: the main form and its inlines."""
    data = {}

    def add_form(form):
        for bound in form:
            data.update(_posted_values(bound))

    add_form(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add_form(formset.management_form)
        for form in formset.initial_forms:
            add_form(form)
        # Extra (blank) forms stay blank: the admin ignores unchanged ones.
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(formset.initial_form_count())
    return data


@pytest.fixture
def school(module, member, other_member, instructor):
    """One of everything, so each changelist and change page has a row to show."""
    enrolment = EnrolmentFactory(module=module, learner=member)
    session = LiveSessionFactory(module=module)
    session.attendances.create(learner=member, marked_by=instructor)
    quiz = QuizFactory(module=module, title="Quiz final")
    question = QuizQuestionFactory(quiz=quiz, text="Qu'est-ce qu'un BFR ?")
    ChoiceFactory(question=question, text="Le besoin en fonds de roulement", is_correct=True)
    ChoiceFactory(question=question, text="Une banque")
    quiz.attempts.create(enrolment=enrolment, learner=member, score=100, passed=True, answers={})
    certificate = Certificate.objects.create(
        enrolment=enrolment,
        language="fr",
        learner_name="Amina El Idrissi",
        module_title=module.title,
        edition_title=module.edition.title,
        hours=12,
        completed_on=date(2025, 11, 20),
    )
    CertificateTemplate.objects.update_or_create(
        language="fr", defaults={"title": "Certificat", "body": "{{ learner }} a suivi {{ module }}."}
    )
    asked = ModuleQuestion.objects.create(module=module, author=member, title="Délais ?", body="Combien de temps ?")
    asked.answers.create(author=instructor, body="Trois mois.")
    resource = Resource.objects.create(
        lesson=module.lessons.first(), title="Plan de financement", file=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 x")
    )
    return {
        "edition": module.edition,
        "theme": module.theme,
        "module": module,
        "lesson": resource.lesson,
        "livesession": session,
        "enrolment": enrolment,
        "quiz": quiz,
        "quizquestion": question,
        "quizattempt": quiz.attempts.get(),
        "certificate": certificate,
        "certificatetemplate": CertificateTemplate.objects.get(language="fr"),
        "question": asked,
    }


@pytest.fixture
def organiser_client(client, organiser):
    """An organiser (group Organisers, two-factor authentication set up: tests/conftest.py) with staff access."""
    organiser.is_staff = True
    organiser.save(update_fields=["is_staff"])
    client.force_login(organiser)
    return client


# Every page opens


@pytest.mark.parametrize("model", MODELS)
def test_each_changelist_and_change_page_opens(admin_client_with_mfa, school, model):
    listing = admin_client_with_mfa.get(admin_url(f"{model}_changelist"))
    assert listing.status_code == 200
    assert listing.context["cl"].result_count >= 1

    change = admin_client_with_mfa.get(admin_url(f"{model}_change", school[model].pk))
    assert change.status_code == 200


@pytest.mark.parametrize("model", ADDABLE)
def test_each_add_page_opens(admin_client_with_mfa, model):
    assert admin_client_with_mfa.get(admin_url(f"{model}_add")).status_code == 200


def test_records_are_not_added_by_hand(admin_client_with_mfa):
    # Enrolments come from the enrolment rules, attempts from learners, certificates from completion.
    for model in ("enrolment", "quizattempt", "certificate"):
        assert admin_client_with_mfa.get(admin_url(f"{model}_add")).status_code == 403


def test_answers_are_moderated_in_the_admin_not_given_there(admin_client_with_mfa, school, instructor):
    """An answer is given on the site, which checks who may answer and emails the asker; the admin edits the text
    or deletes it, and neither adds an answer nor changes who wrote it."""
    question = school["question"]
    response = admin_client_with_mfa.get(admin_url("question_change", question.pk))
    (answers,) = [
        inline for inline in response.context["inline_admin_formsets"] if inline.opts.model.__name__ == "Answer"
    ]
    assert not answers.has_add_permission
    assert "author" in answers.readonly_fields

    data = change_form_data(response)
    prefix = answers.formset.prefix
    data[f"{prefix}-0-body"] = "Trois mois, parfois quatre."
    data[f"{prefix}-TOTAL_FORMS"] = "2"  # a second answer slipped into the post is ignored
    data[f"{prefix}-1-body"] = "Ajoutée par l'admin"
    response = admin_client_with_mfa.post(admin_url("question_change", question.pk), data)
    assert response.status_code == 302
    assert list(question.answers.values_list("author", "body")) == [(instructor.pk, "Trois mois, parfois quatre.")]


# Query budgets


def _module_with_places(**fields):
    module = ModuleFactory(capacity=2, **fields)
    EnrolmentFactory.create_batch(2, module=module)
    EnrolmentFactory(module=module, status="waitlisted", waitlisted_at=timezone.now())
    return module


@pytest.mark.parametrize("n", [1, 5])
def test_the_module_changelist_runs_a_constant_number_of_queries(admin_client_with_mfa, n, django_assert_num_queries):
    for _ in range(n):
        _module_with_places()
    admin_client_with_mfa.get(admin_url("module_changelist"))  # warm the session and the permission caches

    with django_assert_num_queries(10):
        response = admin_client_with_mfa.get(admin_url("module_changelist"))

    row = response.context["cl"].result_list[0]
    assert (row.enrolled_count, row.capacity, row.waitlisted_count) == (2, 2, 1)
    assert response.context["cl"].result_count == n


@pytest.mark.parametrize("n", [1, 5])
def test_the_enrolment_changelist_runs_a_constant_number_of_queries(
    admin_client_with_mfa, n, django_assert_num_queries
):
    for _ in range(n):
        _module_with_places()
    admin_client_with_mfa.get(admin_url("enrolment_changelist"))

    with django_assert_num_queries(10):
        response = admin_client_with_mfa.get(admin_url("enrolment_changelist"))

    assert response.context["cl"].result_count == 3 * n


def test_the_module_list_shows_enrolled_capacity_and_waitlisted(admin_client_with_mfa):
    _module_with_places(title="Exporter vers l'Europe")
    page = admin_client_with_mfa.get(admin_url("module_changelist")).content.decode()
    assert "Exporter vers l&#x27;Europe" in page
    assert '<td class="field-enrolled_count">2</td>' in page
    assert '<td class="field-capacity">2</td>' in page
    assert '<td class="field-waitlisted_count">1</td>' in page


# Modules and their lessons


def test_two_lessons_swap_positions_in_one_save_of_the_module(admin_client_with_mfa, module):
    first, second, third = module.lessons.order_by("position")
    page = admin_client_with_mfa.get(admin_url("module_change", module.pk))
    data = change_form_data(page)
    index = {data[f"lessons-{i}-id"]: i for i in range(3)}
    data[f"lessons-{index[str(first.pk)]}-position"] = "2"
    data[f"lessons-{index[str(second.pk)]}-position"] = "1"

    response = admin_client_with_mfa.post(admin_url("module_change", module.pk), data)

    assert response.status_code == 302, response.context["errors"] if response.context else response
    assert list(module.lessons.order_by("position").values_list("title", flat=True)) == [
        second.title,
        first.title,
        third.title,
    ]


def test_the_lesson_inline_shows_position_first_in_order(admin_client_with_mfa, module):
    response = admin_client_with_mfa.get(admin_url("module_change", module.pk))
    inline = next(i for i in response.context["inline_admin_formsets"] if i.formset.model is Lesson)
    assert next(iter(inline.fields()))["name"] == "position"
    assert [form.instance.position for form in inline.formset.initial_forms] == [1, 2, 3]
    assert [form.initial.get("position") for form in inline.formset.extra_forms] == [4]


def test_two_lessons_at_the_same_position_are_refused_with_a_message(admin_client_with_mfa, module):
    data = change_form_data(admin_client_with_mfa.get(admin_url("module_change", module.pk)))
    data["lessons-0-position"] = data["lessons-1-position"]

    response = admin_client_with_mfa.post(admin_url("module_change", module.pk), data)

    assert response.status_code == 200
    assert "Please correct the duplicate data for position." in response.content.decode()
    assert sorted(module.lessons.values_list("position", flat=True)) == [1, 2, 3]


def test_saving_a_module_refreshes_its_search_index(admin_client_with_mfa, module):
    Module.objects.filter(pk=module.pk).update(search_vector=None)
    data = change_form_data(admin_client_with_mfa.get(admin_url("module_change", module.pk)))
    data["title"] = "Lever des fonds auprès de la diaspora"

    assert admin_client_with_mfa.post(admin_url("module_change", module.pk), data).status_code == 302
    module.refresh_from_db()
    assert module.search_vector is not None
    assert "diaspora" in str(module.search_vector)


def test_raising_the_capacity_lets_the_waitlist_in(admin_client_with_mfa):
    module = ModuleFactory(capacity=1)
    EnrolmentFactory(module=module)
    waiting = EnrolmentFactory(module=module, status="waitlisted", waitlisted_at=timezone.now())
    data = change_form_data(admin_client_with_mfa.get(admin_url("module_change", module.pk)))
    data["capacity"] = "2"

    response = admin_client_with_mfa.post(admin_url("module_change", module.pk), data, follow=True)

    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.ENROLLED
    assert "1 learner moved from the waitlist into the module." in response.content.decode()


def test_only_instructors_are_offered_as_a_modules_instructors(admin_client_with_mfa, module, instructor, member):
    response = admin_client_with_mfa.get(
        site_url("admin:autocomplete"),
        {"app_label": "autumn_school", "model_name": "module", "field_name": "instructors", "term": ""},
    )
    assert [int(result["id"]) for result in response.json()["results"]] == [instructor.pk]


# Lessons and their private resources


def test_a_resource_is_uploaded_privately_and_linked_to_the_download_view(admin_client_with_mfa, module, settings):
    lesson = module.lessons.first()
    data = change_form_data(admin_client_with_mfa.get(admin_url("lesson_change", lesson.pk)))
    data.update(
        {
            "resources-0-title": "Modèle de plan de financement",
            "resources-0-file": SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n%test", content_type="application/pdf"),
            "resources-TOTAL_FORMS": "1",
        }
    )

    response = admin_client_with_mfa.post(admin_url("lesson_change", lesson.pk), data)

    assert response.status_code == 302
    resource = Resource.objects.get(lesson=lesson)
    assert resource.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT.resolve()))
    page = admin_client_with_mfa.get(admin_url("lesson_change", lesson.pk)).content.decode()
    assert site_url("autumn_school:resource", resource.pk) in page
    assert settings.MEDIA_URL + "autumn_school" not in page
    assert "plan" in page


def test_a_file_whose_content_does_not_match_its_extension_is_refused(admin_client_with_mfa, module):
    lesson = module.lessons.first()
    data = change_form_data(admin_client_with_mfa.get(admin_url("lesson_change", lesson.pk)))
    data.update(
        {
            "resources-0-title": "Pas un PDF",
            "resources-0-file": SimpleUploadedFile(
                "plan.pdf", b"MZ\x90\x00\x03 executable", content_type="application/pdf"
            ),
            "resources-TOTAL_FORMS": "1",
        }
    )

    response = admin_client_with_mfa.post(admin_url("lesson_change", lesson.pk), data)

    assert response.status_code == 200
    assert "whose content matches its extension" in response.content.decode()
    assert not Resource.objects.exists()


def test_a_viewer_without_change_rights_sees_a_download_link_not_a_file_url(client, module):
    viewer = UserFactory(is_staff=True)
    from django.contrib.auth.models import Permission

    viewer.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_lesson", "view_resource"], content_type__app_label="autumn_school"
        )
    )
    Authenticator.objects.create(user=viewer, type=Authenticator.Type.TOTP, data={"secret": "x"})
    lesson = module.lessons.first()
    resource = Resource.objects.create(
        lesson=lesson, title="Grille", file=SimpleUploadedFile("grille.pdf", b"%PDF-1.4")
    )
    client.force_login(viewer)

    response = client.get(admin_url("lesson_change", lesson.pk))

    assert response.status_code == 200
    assert site_url("autumn_school:resource", resource.pk) in response.content.decode()


# Live sessions


def test_the_session_list_shows_the_start_in_brussels_time_and_the_attendance(admin_client_with_mfa, module, member):
    starts = timezone.make_aware(timezone.datetime(2025, 11, 4, 17, 30), timezone.get_fixed_timezone(0))
    session = LiveSessionFactory(module=module, title="Pitch en direct", starts_at=starts)
    session.attendances.create(learner=member)

    response = admin_client_with_mfa.get(admin_url("livesession_changelist"))
    page = response.content.decode()

    assert "Pitch en direct" in page
    assert "6:30" in page  # 17:30 UTC is 18:30 in Brussels in November
    assert '<td class="field-attendance_count">1</td>' in page


# Enrolments: actions


def test_cancelling_an_enrolment_promotes_the_first_on_the_waitlist(admin_client_with_mfa):
    module = ModuleFactory(capacity=1)
    holder = EnrolmentFactory(module=module)
    first = EnrolmentFactory(module=module, status="waitlisted", waitlisted_at=timezone.now() - timedelta(hours=2))
    second = EnrolmentFactory(module=module, status="waitlisted", waitlisted_at=timezone.now() - timedelta(hours=1))

    response = admin_client_with_mfa.post(
        admin_url("enrolment_changelist"), {"action": "cancel", "_selected_action": [holder.pk]}, follow=True
    )

    for enrolment in (holder, first, second):
        enrolment.refresh_from_db()
    assert (holder.status, first.status, second.status) == ("cancelled", "enrolled", "waitlisted")
    assert "1 enrolment cancelled." in response.content.decode()


def test_the_promote_action_fills_free_seats_from_the_waitlist(admin_client_with_mfa):
    module = ModuleFactory(capacity=1)
    waiting = EnrolmentFactory(module=module, status="waitlisted", waitlisted_at=timezone.now())

    admin_client_with_mfa.post(
        admin_url("enrolment_changelist"), {"action": "promote", "_selected_action": [waiting.pk]}
    )

    waiting.refresh_from_db()
    assert waiting.status == Enrolment.Status.ENROLLED


def test_enrolments_export_as_csv(admin_client_with_mfa, module, member):
    enrolment = EnrolmentFactory(module=module, learner=member)

    response = admin_client_with_mfa.post(
        admin_url("enrolment_changelist"), {"action": "export_csv", "_selected_action": [enrolment.pk]}
    )

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][:5] == ["Amina", "El Idrissi", "amina@example.org", module.edition.title, module.title]
    assert rows[1][5] == "Enrolled"


# Quizzes


def _question_data(quiz, choices):
    data = {
        "quiz": str(quiz.pk),
        "position": "1",
        "text": "Quel document présente le projet à un investisseur ?",
        "explanation": "",
        "choices-TOTAL_FORMS": str(len(choices)),
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for index, (text, correct) in enumerate(choices):
        data[f"choices-{index}-text"] = text
        if correct:
            data[f"choices-{index}-is_correct"] = "on"
    return data


def test_a_quiz_question_needs_a_correct_choice(admin_client_with_mfa, module):
    quiz = QuizFactory(module=module)

    refused = admin_client_with_mfa.post(
        admin_url("quizquestion_add"), _question_data(quiz, [("Un pitch deck", False), ("Un devis", False)])
    )
    assert refused.status_code == 200
    assert "Mark at least one choice as correct." in refused.content.decode()

    accepted = admin_client_with_mfa.post(
        admin_url("quizquestion_add"), _question_data(quiz, [("Un pitch deck", True), ("Un devis", False)])
    )
    assert accepted.status_code == 302
    assert list(Choice.objects.filter(question__quiz=quiz, is_correct=True).values_list("text", flat=True)) == [
        "Un pitch deck"
    ]


def test_the_quiz_page_warns_about_a_question_without_a_correct_choice(admin_client_with_mfa, module):
    quiz = QuizFactory(module=module)
    QuizQuestionFactory(quiz=quiz)
    page = admin_client_with_mfa.get(admin_url("quiz_change", quiz.pk)).content.decode()
    assert "no correct choice yet" in page


def test_quiz_attempts_are_read_only(admin_client_with_mfa, school):
    attempt = school["quizattempt"]
    response = admin_client_with_mfa.post(admin_url("quizattempt_change", attempt.pk), {"score": "0"})
    attempt.refresh_from_db()
    assert response.status_code == 403
    assert attempt.score == 100


# Certificates


def test_the_certificate_list_links_to_the_public_verification_page(admin_client_with_mfa, school):
    code = school["certificate"].code
    page = admin_client_with_mfa.get(admin_url("certificate_changelist"), {"q": code}).content.decode()
    assert code in page
    assert site_url("certificate_verify", code) in page


def test_reissue_revokes_the_certificate_and_issues_a_new_code(admin_client_with_mfa, school):
    old = school["certificate"]
    Enrolment.objects.filter(pk=old.enrolment_id).update(completed_at=timezone.now())

    response = admin_client_with_mfa.post(
        admin_url("certificate_changelist"), {"action": "reissue", "_selected_action": [old.pk]}, follow=True
    )

    old.refresh_from_db()
    new = Certificate.objects.get(enrolment_id=old.enrolment_id, revoked_at__isnull=True)
    assert old.revoked_at is not None
    assert new.code != old.code
    assert "1 certificate reissued." in response.content.decode()


def test_reissuing_a_module_not_completed_says_why_instead_of_failing(admin_client_with_mfa, school):
    certificate = school["certificate"]  # its enrolment has no completion date
    response = admin_client_with_mfa.post(
        admin_url("certificate_changelist"), {"action": "reissue", "_selected_action": [certificate.pk]}, follow=True
    )
    assert response.status_code == 200
    assert "This module is not completed yet" in response.content.decode()


def test_revoke_asks_for_a_reason_on_a_confirmation_page_first(admin_client_with_mfa, school):
    certificate = school["certificate"]
    url = admin_url("certificate_changelist")

    confirmation = admin_client_with_mfa.post(url, {"action": "revoke", "_selected_action": [certificate.pk]})
    page = confirmation.content.decode()
    assert confirmation.status_code == 200
    assert certificate.code in page
    assert 'name="reason"' in page
    certificate.refresh_from_db()
    assert certificate.revoked_at is None

    empty = admin_client_with_mfa.post(
        url, {"action": "revoke", "_selected_action": [certificate.pk], "post": "yes", "reason": ""}
    )
    assert "This field is required." in empty.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None

    done = admin_client_with_mfa.post(
        url,
        {"action": "revoke", "_selected_action": [certificate.pk], "post": "yes", "reason": "Fraude à l'examen"},
        follow=True,
    )
    certificate.refresh_from_db()
    assert (certificate.is_valid, certificate.revoked_reason) == (False, "Fraude à l'examen")
    assert "1 certificate revoked." in done.content.decode()


def test_certificates_are_not_edited_or_deleted(admin_client_with_mfa, school):
    certificate = school["certificate"]
    admin_client_with_mfa.post(admin_url("certificate_change", certificate.pk), {"learner_name": "Quelqu'un d'autre"})
    certificate.refresh_from_db()
    assert certificate.learner_name == "Amina El Idrissi"
    assert admin_client_with_mfa.get(admin_url("certificate_delete", certificate.pk)).status_code == 403


def test_a_certificate_template_lists_its_placeholders_and_refuses_unknown_ones(admin_client_with_mfa):
    template, _ = CertificateTemplate.objects.update_or_create(
        language="en", defaults={"title": "Certificate", "body": "{{ learner }} completed {{ module }}."}
    )
    page = admin_client_with_mfa.get(admin_url("certificatetemplate_change", template.pk)).content.decode()
    for placeholder in ("learner", "module", "edition", "hours", "completed_on", "instructors", "code"):
        assert f"{{{{ {placeholder} }}}}" in page

    response = admin_client_with_mfa.post(
        admin_url("certificatetemplate_change", template.pk),
        {"language": "en", "title": "Certificate", "body": "{{ learnr }} completed {{ module }}."},
    )
    assert response.status_code == 200
    assert "Unknown placeholder: {{ learnr }}" in response.content.decode()
    template.refresh_from_db()
    assert template.body == "{{ learner }} completed {{ module }}."


# Organisers


def test_organisers_run_modules_from_the_admin(organiser_client, module):
    assert organiser_client.get(admin_url("module_changelist")).status_code == 200
    assert organiser_client.get(admin_url("module_add")).status_code == 200
    page = organiser_client.get(admin_url("module_change", module.pk))
    assert page.status_code == 200

    data = change_form_data(page)
    data["lessons-0-position"], data["lessons-1-position"] = data["lessons-1-position"], data["lessons-0-position"]
    data["lessons-0-title"] = "Introduction au financement participatif"
    assert organiser_client.post(admin_url("module_change", module.pk), data).status_code == 302
    assert module.lessons.get(position=2).title == "Introduction au financement participatif"


def test_organisers_see_enrolments_and_certificates(organiser_client, school):
    for model in ("enrolment", "certificate", "quizattempt", "lesson", "livesession", "quiz", "question"):
        assert organiser_client.get(admin_url(f"{model}_changelist")).status_code == 200


def test_staff_without_two_factor_authentication_are_sent_to_set_it_up(client):
    client.force_login(UserFactory(is_staff=True))
    response = client.get(admin_url("module_changelist"))
    assert response.status_code == 302
    assert "/two-factor" in response.url or "mfa" in response.url or "totp" in response.url
