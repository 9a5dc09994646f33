import re
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from autumn_school.certificate_pdf import fill_placeholders, render_certificate_pdf
from autumn_school.models import Certificate, CertificateTemplate, LessonProgress
from autumn_school.services.certificates import issue_certificate, reissue_certificate, revoke_certificate
from autumn_school.services.errors import NotCompleted, RevokeReasonMissing
from autumn_school.services.progress import refresh_completion
from dimobel.qr import qr_matrix
from tests.autumn_school.helpers import en_site as en
from tests.factories import EnrolmentFactory, LessonFactory, ModuleFactory, UserFactory
from tests.pdf_checks import extract_qr_codes, extract_text

COMPLETED_AT = datetime(2025, 11, 14, 18, 30, tzinfo=ZoneInfo("Europe/Brussels"))


@pytest.fixture
def enrolment(module, member):
    """Amina (who reads French) completed "Financer un projet au Maroc" (12 hours, taught by Youssef Alaoui)."""
    member.preferred_language = "fr"
    member.save(update_fields=["preferred_language"])
    return EnrolmentFactory(module=module, learner=member, completed_at=COMPLETED_AT)


@pytest.fixture
def certificate(enrolment):
    return issue_certificate(enrolment=enrolment)


# Issuing


def test_a_certificate_copies_what_it_states_at_issue(certificate, module):
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", certificate.code)
    assert certificate.learner_name == "Amina El Idrissi"
    assert certificate.module_title == "Financer un projet au Maroc"
    assert certificate.edition_title == module.edition.title
    assert certificate.hours == Decimal("12")
    assert certificate.completed_on.isoformat() == "2025-11-14"
    assert certificate.instructor_names == "Youssef Alaoui"
    assert certificate.language == "fr"
    assert certificate.is_valid


def test_issuing_twice_returns_the_same_certificate(enrolment):
    first = issue_certificate(enrolment=enrolment)
    second = issue_certificate(enrolment=enrolment)

    assert second.pk == first.pk
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_no_certificate_before_the_module_is_completed(module, member):
    enrolment = EnrolmentFactory(module=module, learner=member)

    with pytest.raises(NotCompleted):
        issue_certificate(enrolment=enrolment)
    assert not Certificate.objects.exists()


def test_a_certificate_is_written_in_the_learners_language(module, member):
    member.preferred_language = "ar"
    member.save(update_fields=["preferred_language"])
    second = UserFactory(first_name="Lotte", last_name="Peeters")
    module.instructors.add(second)

    certificate = issue_certificate(
        enrolment=EnrolmentFactory(module=module, learner=member, completed_at=COMPLETED_AT)
    )

    assert certificate.language == "ar"
    assert certificate.instructor_names == "Youssef Alaoui، Lotte Peeters"  # the Arabic comma, sorted by last name


def test_a_language_without_a_template_falls_back_to_french(module, member):
    CertificateTemplate.objects.filter(language="nl").delete()
    member.preferred_language = "nl"
    member.save(update_fields=["preferred_language"])

    certificate = issue_certificate(
        enrolment=EnrolmentFactory(module=module, learner=member, completed_at=COMPLETED_AT)
    )

    assert certificate.language == "fr"


def test_the_learner_is_emailed_the_download_and_verification_links(
    enrolment, member, mailoutbox, django_capture_on_commit_callbacks
):
    member.preferred_language = "en"
    member.save(update_fields=["preferred_language"])

    with django_capture_on_commit_callbacks(execute=True):
        certificate = issue_certificate(enrolment=enrolment)
        assert mailoutbox == []  # only once the certificate is committed

    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["amina@example.org"]
    assert "Financer un projet au Maroc" in email.subject
    body = email.body
    assert en("autumn_school:certificate_download", certificate.pk) in body
    assert en("certificate_verify", certificate.code) in body
    assert body.count("http") >= 2
    assert en("certificate_verify", certificate.code) in email.alternatives[0][0]


# Reissue and revoke


def test_reissuing_revokes_the_old_certificate_and_copies_the_corrected_name(certificate, member):
    member.last_name = "El Idrissi Benali"
    member.save(update_fields=["last_name"])

    new = reissue_certificate(certificate=certificate)

    certificate.refresh_from_db()
    assert new.code != certificate.code
    assert new.learner_name == "Amina El Idrissi Benali"
    assert new.is_valid
    assert not certificate.is_valid
    assert certificate.revoked_reason == "Reissued"


def test_revoking_needs_a_reason_and_keeps_the_first_one(certificate):
    with pytest.raises(RevokeReasonMissing):
        revoke_certificate(certificate=certificate, reason="  ")

    revoke_certificate(certificate=certificate, reason="Plagiarised quiz")
    again = revoke_certificate(certificate=certificate, reason="Something else")

    assert again.revoked_reason == "Plagiarised quiz"
    assert again.revoked_at is not None


def test_a_revoked_enrolment_can_be_issued_a_new_certificate(certificate, enrolment):
    revoke_certificate(certificate=certificate, reason="Issued by mistake")

    new = issue_certificate(enrolment=enrolment)

    assert new.pk != certificate.pk
    assert Certificate.objects.filter(enrolment=enrolment, revoked_at__isnull=True).count() == 1


# The PDF


def test_placeholders_are_filled_and_unknown_ones_stay_as_typed():
    text = fill_placeholders("{{ learner }}, {{learner}} – {{ nickname }} {% now 'Y' %}", {"learner": "Amina"})

    assert text == "Amina, Amina – {{ nickname }} {% now 'Y' %}"


def test_the_pdf_states_the_certificate_and_its_code(certificate):
    data = render_certificate_pdf(certificate)
    text = extract_text(data)

    assert data.startswith(b"%PDF-")
    assert "DIMOBEL" in text
    assert "Certificat de réussite" in text  # the French template's title
    for fact in ("Amina El Idrissi", "Financer un projet au Maroc", certificate.edition_title, "Youssef Alaoui"):
        assert fact in text
    assert "12 heures" in text
    assert "14 novembre 2025" in text
    assert certificate.code in text


def test_the_qr_code_points_to_the_public_verification_page(certificate, settings):
    settings.SITE_URL = "https://dimobel.example"

    pdf = render_certificate_pdf(certificate)

    codes = extract_qr_codes(pdf)
    assert qr_matrix(f"https://dimobel.example/fr/certificates/{certificate.code}/") in codes
    assert qr_matrix(f"https://dimobel.example/en/certificates/{certificate.code}/") not in codes


def test_an_arabic_certificate_runs_right_to_left_and_keeps_latin_names(module, member):
    member.preferred_language = "ar"
    member.save(update_fields=["preferred_language"])
    certificate = issue_certificate(
        enrolment=EnrolmentFactory(module=module, learner=member, completed_at=COMPLETED_AT)
    )

    text = extract_text(render_certificate_pdf(certificate))

    assert "شهادة إتمام"[::-1] in text  # the Arabic title, drawn right to left
    assert "Amina El Idrissi" in text
    assert "Financer un projet au Maroc" in text
    assert certificate.code in text


def test_organisers_text_cannot_run_template_code(certificate):
    CertificateTemplate.objects.filter(language="fr").update(
        body="{{ learner }} {% load static %}{{ settings.SECRET_KEY }} {{ code }}"
    )

    text = extract_text(render_certificate_pdf(certificate))

    assert f"Amina El Idrissi {{% load static %}}{{{{ settings.SECRET_KEY }}}} {certificate.code}" in text


def test_a_template_edited_in_the_admin_changes_the_pdf(admin_client_with_mfa, certificate):
    template = CertificateTemplate.objects.get(language="fr")
    url = reverse("admin:autumn_school_certificatetemplate_change", args=[template.pk])

    response = admin_client_with_mfa.post(
        url,
        {
            "language": "fr",
            "title": "Attestation de réussite",
            "body": "{{ learner }} a réussi le module {{ module }} avec brio.",
            "signature": "Karim Lahlou, coordinateur",
            "footer": "Code {{ code }}",
        },
    )

    assert response.status_code == 302
    text = extract_text(render_certificate_pdf(certificate))
    assert "Attestation de réussite" in text
    assert "Amina El Idrissi a réussi le module Financer un projet au Maroc avec brio." in text
    assert "Karim Lahlou, coordinateur" in text


# The public verification page


def test_the_verification_page_shows_only_the_name_the_module_and_the_date(client, certificate, member):
    response = client.get(en("certificate_verify", certificate.code))

    page = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is valid" in page
    assert "Amina El Idrissi" in page
    assert "Financer un projet au Maroc" in page
    assert "14 November 2025" in page
    assert member.email not in page
    assert certificate.edition_title not in page
    assert "Youssef Alaoui" not in page
    assert '<meta name="robots" content="noindex">' in page


def test_a_code_typed_in_lower_case_without_dashes_finds_the_certificate(client, certificate):
    typed = certificate.code.replace("-", "").lower()

    response = client.get(en("certificate_verify", typed), follow=True)

    assert response.redirect_chain[-1][0] == en("certificate_verify", certificate.code)
    assert "This certificate is valid" in response.content.decode()


def test_the_lookup_form_leads_to_the_code_typed(client, certificate):
    response = client.get(en("certificate_verify", "ZZZZ"), {"code": f" {certificate.code.lower()} "}, follow=True)

    assert response.status_code == 200
    assert "Amina El Idrissi" in response.content.decode()


def test_a_revoked_certificate_says_so_and_nothing_more(client, certificate):
    revoke_certificate(certificate=certificate, reason="Plagiarised quiz")

    response = client.get(en("certificate_verify", certificate.code))

    page = response.content.decode()
    assert response.status_code == 200
    assert "This certificate was revoked" in page
    assert "Amina El Idrissi" not in page
    assert "Financer un projet au Maroc" not in page
    assert "Plagiarised" not in page


def test_reissuing_leaves_the_old_code_revoked_and_the_new_one_valid(client, certificate):
    new = reissue_certificate(certificate=certificate)

    assert "This certificate was revoked" in client.get(en("certificate_verify", certificate.code)).content.decode()
    assert "This certificate is valid" in client.get(en("certificate_verify", new.code)).content.decode()


def test_an_unknown_code_answers_404_with_an_explanation(client, db):
    response = client.get(en("certificate_verify", "ABCD-EFGH-JKLM"))

    assert response.status_code == 404
    assert "No certificate has this code" in response.content.decode()


# Download


def test_downloading_needs_a_login(client, certificate):
    url = en("autumn_school:certificate_download", certificate.pk)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/")


def test_another_member_cannot_download_the_certificate(client, certificate, other_member, instructor):
    url = en("autumn_school:certificate_download", certificate.pk)

    for outsider in (other_member, instructor):
        client.force_login(outsider)
        assert client.get(url).status_code == 404


def test_the_learner_downloads_their_certificate_as_a_pdf(client, certificate, member):
    client.force_login(member)

    response = client.get(en("autumn_school:certificate_download", certificate.pk))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="certificate-{certificate.code}.pdf"'
    assert "Amina El Idrissi" in extract_text(response.content)


def test_a_revoked_certificate_is_gone_for_the_learner_but_not_for_organisers(
    client, certificate, member, organiser, staff
):
    revoke_certificate(certificate=certificate, reason="Issued by mistake")
    url = en("autumn_school:certificate_download", certificate.pk)

    client.force_login(member)
    assert client.get(url).status_code == 404
    for person in (organiser, staff):
        client.force_login(person)
        assert client.get(url).status_code == 200


# The whole flow


def test_completing_the_last_lesson_issues_the_certificate_and_emails_it(
    instructor, member, mailoutbox, django_capture_on_commit_callbacks
):
    module = ModuleFactory(title="Pitcher son projet", instructors=[instructor])
    lesson = LessonFactory(module=module, position=1)
    enrolment = EnrolmentFactory(module=module, learner=member)

    with django_capture_on_commit_callbacks(execute=True):
        LessonProgress.objects.create(enrolment=enrolment, lesson=lesson)
        assert refresh_completion(enrolment=enrolment) is True

    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.is_valid
    assert certificate.module_title == "Pitcher son projet"
    assert [email.to for email in mailoutbox] == [["amina@example.org"]]
    assert certificate.code in mailoutbox[0].body
