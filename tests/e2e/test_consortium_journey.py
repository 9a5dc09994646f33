"""A call for projects from the application to the accompaniment: a holder drafts an application (two PDFs and
a team member), saves it and submits it; staff screen it eligible and assign the jury; a juror scores every
criterion; staff publish the selection from the ranking and assign a mentor; the mentor adds a milestone and the
holder marks it done. Between the steps the call's dates move it into its next phase. One browser context per
person, on a phone-sized screen."""

import re
import time
from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from consortium.models import Call, Milestone, Project
from consortium.services.grids import add_default_grid
from dimobel import pdf as pdfkit
from network.models import Sector
from tests.e2e.conftest import SCREENSHOTS
from tests.e2e.test_network_journey import log_in
from tests.factories import PASSWORD, CallFactory, ConsortiumMemberFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
STAFF_TOTP_SECRET = "JBSWY3DPEHPK3PXPSTAFFE2E"  # the staff member's authenticator app


def pdf_file(folder, name, title):
    """A small real PDF, made with the platform's own PDF toolkit."""
    document = pdfkit.new_document(margin=20, title=title)
    document.add_page()
    pdfkit.write_text(document, title, language="en", size=18, bold=True)
    path = folder / name
    path.write_bytes(pdfkit.output_bytes(document))
    return path


def move_call(call, *, closes, review_opens, review_closes):
    """Shift the call's dates (days from now) to put it in another phase, as time would."""
    now = timezone.now()
    Call.objects.filter(pk=call.pk).update(
        opens_at=now - timedelta(days=40),
        closes_at=now + timedelta(days=closes),
        review_opens_at=now + timedelta(days=review_opens),
        review_closes_at=now + timedelta(days=review_closes),
    )


def open_as(browser, base_url, user, *, totp_secret=None):
    """A phone-sized browser, logged in. Staff pages need two-factor authentication: with ``totp_secret`` the
    person types their authenticator app's code after the password, as staff do."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(30000)
    if totp_secret is None:
        log_in(page, base_url, user.email)
        return page
    page.goto(base_url + "/en/accounts/login/")
    page.get_by_label("Email*", exact=True).fill(user.email)
    page.get_by_label("Password*", exact=True).fill(PASSWORD)
    page.locator("#main form").get_by_role("button", name="Sign In").click()
    if 30 - time.time() % 30 < 3:  # the code would expire before the server reads it: take the next one
        time.sleep(30 - time.time() % 30 + 0.2)
    page.locator('input[name="code"]').fill(format_hotp_value(hotp_value(totp_secret, int(time.time()) // 30)))
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile("/en/my-space/"))
    return page


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"consortium-{name}.png"), full_page=True)


def test_an_application_goes_from_draft_to_a_done_milestone(live_server, browser, taxonomies, tmp_path):
    holder = UserFactory(first_name="Yasmine", last_name="Alaoui", email="yasmine@example.org", preferred_language="en")
    juror = UserFactory(first_name="Marc", last_name="Vermeulen", email="marc@example.org", preferred_language="en")
    staff = UserFactory(
        first_name="Nadia", last_name="Benali", email="nadia@example.org", is_staff=True, preferred_language="en"
    )
    TOTP.activate(staff, STAFF_TOTP_SECRET)
    mentor = UserFactory(first_name="Pieter", last_name="Claes", email="pieter@example.org", preferred_language="en")
    ConsortiumMemberFactory(organisation=OrganisationFactory(name="Gand Digital Lab")).experts.add(mentor)
    call = CallFactory(title="Maghrib Belgium Impulse 2026", slug="mbi-2026", places=2, jury=[juror])
    add_default_grid(call=call)
    sector = Sector.objects.get(slug="agrifood")
    business_plan = pdf_file(tmp_path, "business-plan.pdf", "Business plan")
    pitch_deck = pdf_file(tmp_path, "pitch-deck.pdf", "Pitch deck")
    base = live_server.url
    pages = []
    try:
        # The holder finds the open call and starts an application.
        holder_page = open_as(browser, base, holder)
        pages.append(holder_page)
        holder_page.goto(base + "/en/consortium/calls/")
        holder_page.get_by_role("link", name="Maghrib Belgium Impulse 2026").click()
        holder_page.locator("#apply").get_by_role("button", name="Apply", exact=True).click()
        holder_page.wait_for_url(re.compile(r"/en/consortium/projects/\d+/edit/"))

        # The draft: every part of the form, a team member and the two PDFs.
        holder_page.locator("#id_title").fill("Solidarity cannery of the Oriental")
        holder_page.locator("#id_summary").fill("Preserves from Berkane's surplus harvests for shops in Antwerp.")
        holder_page.locator("#id_description").fill("A **cooperative** cannery in Berkane that exports to Antwerp.")
        holder_page.locator(f"input[name=sectors][value='{sector.pk}']").check()
        holder_page.locator("#id_city").fill("Berkane")
        holder_page.locator("#id_country").select_option("MA")
        holder_page.locator("#id_corridor").select_option("ma_be")
        holder_page.locator("#id_stage").select_option("prototype")
        holder_page.locator("#id_team-0-name").fill("Karim Bennani")
        holder_page.locator("#id_team-0-role").fill("Co-founder, production")
        holder_page.locator("#id_team-0-is_shareholder").check()
        holder_page.locator("#id_funding_needed").fill("45000")
        holder_page.locator("#id_jobs_expected").fill("6")
        holder_page.locator("#id_business_plan").set_input_files(business_plan)
        holder_page.locator("#id_pitch_deck").set_input_files(pitch_deck)
        holder_page.get_by_role("button", name="Save the draft").click()
        expect(holder_page.get_by_text("Your draft is saved.")).to_be_visible()
        expect(holder_page.locator("#current-business_plan")).to_contain_text("Already sent")
        expect(holder_page.locator("#current-pitch_deck")).to_contain_text("Already sent")
        expect(holder_page.locator("#id_team-0-name")).to_have_value("Karim Bennani")
        shot(holder_page, "01-draft-saved")

        holder_page.get_by_role("button", name="Save and submit").click()
        expect(holder_page.get_by_text("Your application is submitted.")).to_be_visible()
        expect(holder_page.locator("#history")).to_contain_text("Submitted")
        shot(holder_page, "02-submitted")
        project = Project.objects.get(holder=holder)
        assert project.status == Project.Status.SUBMITTED
        assert project.team.get().name == "Karim Bennani"
        assert project.business_plan
        assert project.pitch_deck

        # The call closes: from the dashboard, staff open the application on the call board, screen it eligible
        # and assign it to the jury.
        move_call(call, closes=-1, review_opens=1, review_closes=10)
        staff_page = open_as(browser, base, staff, totp_secret=STAFF_TOTP_SECRET)
        pages.append(staff_page)
        staff_page.goto(base + "/en/consortium/staff/dashboard/")
        staff_page.locator("#dashboard-call-mbi-2026").get_by_role("link", name=re.compile("Call board")).click()
        staff_page.locator(f"#screen-{project.pk}").get_by_role(
            "link", name="Solidarity cannery of the Oriental"
        ).click()
        expect(staff_page.locator("#holder")).to_contain_text("yasmine@example.org")
        expect(staff_page.locator("#team")).to_contain_text("Karim Bennani")
        screening = staff_page.locator("#screening")
        screening.get_by_label("Eligible", exact=True).check()
        screening.get_by_role("button", name="Save the screening").click()
        expect(staff_page.get_by_text("is eligible.")).to_be_visible()
        shot(staff_page, "03-application-screened")
        staff_page.get_by_role("link", name="The call board").click()
        staff_page.get_by_role("button", name="Assign and notify the jurors").click()
        expect(staff_page.get_by_text("1 application assigned")).to_be_visible()
        shot(staff_page, "04-jury-assigned")

        # The jury review opens: the juror scores every criterion and submits.
        move_call(call, closes=-2, review_opens=-1, review_closes=5)
        juror_page = open_as(browser, base, juror)
        pages.append(juror_page)
        juror_page.goto(base + "/en/consortium/jury/")
        juror_page.get_by_role("link", name=re.compile("Solidarity cannery of the Oriental")).click()
        expect(juror_page.locator("#documents")).to_contain_text("Business plan")
        criteria = juror_page.locator("fieldset.criterion")
        expect(criteria).to_have_count(4)
        for index in range(4):
            criteria.nth(index).locator("input.score-input").fill(str(7 + index % 2))
            criteria.nth(index).locator("textarea").fill(f"Comment {index + 1}")
        juror_page.locator("#id_comment").fill("A solid team and a real market in Antwerp.")
        juror_page.get_by_role("button", name="Submit my review").click()
        expect(juror_page.get_by_text("Your review is submitted. Thank you!")).to_be_visible()
        expect(juror_page.locator("#own-total")).to_have_text("76.0")  # (20×7 + 40×8 + 20×7 + 20×8) / 100 × 10
        shot(juror_page, "05-review-submitted")

        # After the jury deadline, staff publish the selection proposed by the ranking.
        move_call(call, closes=-3, review_opens=-2, review_closes=-0.01)
        staff_page.goto(base + "/en/consortium/staff/dashboard/")
        staff_page.locator("#dashboard-call-mbi-2026").get_by_role("link", name=re.compile("Ranking")).click()
        standing = staff_page.locator(f"#standing-{project.pk}")
        expect(standing.locator(".score")).to_have_text("76.0")
        expect(standing.get_by_label("Selected", exact=True)).to_be_checked()
        staff_page.get_by_label(re.compile("I confirm these decisions")).check()
        staff_page.get_by_role("button", name="Publish the decisions").click()
        expect(staff_page.get_by_text("Decisions published: 1 selected")).to_be_visible()
        shot(staff_page, "06-selection-published")
        project.refresh_from_db()
        assert project.status == Project.Status.SELECTED
        assert any("is selected" in message.subject and message.to == [holder.email] for message in mail.outbox)

        # Staff assign a mentor from the consortium's experts.
        staff_page.goto(base + f"/en/consortium/workspaces/{project.pk}/mentors/")
        staff_page.locator("#candidates li", has_text="Pieter Claes").get_by_role("button").click()
        expect(staff_page.locator("#assigned-mentors")).to_contain_text("Pieter Claes")
        shot(staff_page, "07-mentor-assigned")

        # The mentor adds a milestone in the workspace.
        mentor_page = open_as(browser, base, mentor)
        pages.append(mentor_page)
        mentor_page.goto(base + "/en/consortium/workspaces/")
        mentor_page.get_by_role("link", name="Solidarity cannery of the Oriental").click()
        mentor_page.locator("#milestones").get_by_text("Add a milestone").click()
        mentor_page.locator("#id_milestone_title").fill("Register the company in Oujda")
        due_on = timezone.localdate() + timedelta(days=30)
        mentor_page.locator("#id_milestone_due_on").fill(due_on.isoformat())
        mentor_page.get_by_role("button", name="Add the milestone").click()
        expect(mentor_page.get_by_text("The milestone is added.")).to_be_visible()
        milestone = Milestone.objects.get(project=project)
        expect(mentor_page.locator(f"#milestone-{milestone.pk}")).to_contain_text("Register the company in Oujda")
        shot(mentor_page, "08-milestone-added")

        # The holder marks it done; the workspace shows it done.
        holder_page.goto(base + f"/en/consortium/workspaces/{project.pk}/")
        item = holder_page.locator(f"#milestone-{milestone.pk}")
        item.get_by_text("Mark as done").click()
        item.get_by_label("Evidence", exact=True).fill("Registration certificate received on the 3rd.")
        item.get_by_role("button", name=re.compile("is done")).click()
        expect(holder_page.get_by_text("“Register the company in Oujda” is done.")).to_be_visible()
        item = holder_page.locator(f"#milestone-{milestone.pk}")
        expect(item.locator(".badge.text-bg-success")).to_have_text("Done")
        expect(item).to_contain_text("Registration certificate received")
        shot(holder_page, "09-milestone-done")
        milestone.refresh_from_db()
        assert milestone.status == Milestone.Status.DONE
        assert milestone.completed_on == timezone.localdate()
    except Exception:
        for number, page in enumerate(pages):  # what each person saw, for the CI artefacts
            shot(page, f"FAILED-{number}")
        raise
    finally:
        for page in pages:
            page.context.close()
