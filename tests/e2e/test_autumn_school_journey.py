"""A learner finds a module in the catalogue with a search and a theme filter, enrols in one click, marks each
lesson as done while the progress bar grows, passes the quiz, sees the module completed and downloads the
certificate PDF. One real browser, on a phone-sized screen."""

import re

import pytest
from playwright.sync_api import expect

from autumn_school.models import Theme
from autumn_school.search import refresh_module_search
from tests.e2e.test_network_journey import log_in
from tests.factories import (
    ChoiceFactory,
    LessonFactory,
    ModuleFactory,
    QuizFactory,
    QuizQuestionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def progress(page):
    """The module's progress in the lesson page's side bar, in percent."""
    return int(page.locator("#module-progress [role=progressbar]").get_attribute("aria-valuenow"))


def test_a_learner_finds_a_module_follows_it_to_the_end_and_downloads_the_certificate(live_server, page, screenshot):
    financing, pitching = Theme.objects.get(slug="financing"), Theme.objects.get(slug="pitching")
    instructor = UserFactory(first_name="Youssef", last_name="Alaoui")
    module = ModuleFactory(
        title="Financing a project in Morocco",
        slug="financing-a-project-in-morocco",
        summary="Loans, grants and investors for a project between Belgium and Morocco.",
        theme=financing,
        language="en",
        capacity=25,
        instructors=[instructor],
    )
    for position, title in enumerate(["Your financing plan", "Banks and microcredit", "Meeting investors"], 1):
        LessonFactory(module=module, position=position, title=title, content=f"All about **{title.lower()}**.")
    quiz = QuizFactory(module=module, title="Financing quiz", pass_mark=100)
    question = QuizQuestionFactory(quiz=quiz, text="Which document convinces a bank first?")
    ChoiceFactory(question=question, text="A financing plan with cash-flow forecasts", is_correct=True)
    ChoiceFactory(question=question, text="A logo")
    ModuleFactory(title="Financing your export logistics", theme=pitching, language="en")  # the filter hides it
    ModuleFactory(title="Pitching in three minutes", theme=pitching, language="en")  # the search hides it
    refresh_module_search()
    UserFactory(first_name="Salma", last_name="Bennani", email="salma@example.org", preferred_language="en")

    log_in(page, live_server.url, "salma@example.org")

    # The catalogue: a search, then a theme filter, both kept in the address.
    page.goto(live_server.url + "/en/autumn-school/")
    results = page.locator("#results")
    page.locator("input[name=q]").fill("financing")
    expect(results.get_by_role("link", name="Pitching in three minutes")).to_have_count(0)
    expect(results.get_by_role("link", name="Financing your export logistics")).to_be_visible()
    page.get_by_role("button", name="Filters", exact=True).click()
    page.locator("select[name=theme]").select_option(label="Financing")
    expect(results.get_by_role("link", name="Financing your export logistics")).to_have_count(0)
    expect(results.get_by_role("link", name="Financing a project in Morocco")).to_be_visible()
    expect(page).to_have_url(re.compile(r"theme=financing"))
    screenshot("school-01-catalogue-filtered")

    # The module page and the one-click enrolment.
    results.get_by_role("link", name="Financing a project in Morocco").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Financing a project in Morocco")
    page.get_by_role("button", name="Enrol", exact=True).click()
    expect(page.get_by_text("You are enrolled. A confirmation email is on its way.")).to_be_visible()
    expect(page.locator("#my-progress [role=progressbar]")).to_have_attribute("aria-valuenow", "0")
    screenshot("school-02-enrolled")

    # Each lesson marked as done, the bar growing each time.
    page.get_by_role("link", name="Start the first lesson").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your financing plan")
    seen = [progress(page)]
    for title in ("Banks and microcredit", "Meeting investors"):
        page.get_by_role("button", name="Mark as done").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        seen.append(progress(page))
        # On a phone the bar folds into the syllabus button, which shows the percentage.
        expect(page.get_by_role("button", name=re.compile("Lessons of the module"))).to_contain_text(f"{seen[-1]}%")
    screenshot("school-03-lesson-progress")
    page.get_by_role("button", name="Mark as done").click()
    expect(page.get_by_text("Lesson done. You have reached the end of the lessons.")).to_be_visible()
    seen.append(int(page.locator("#my-progress [role=progressbar]").get_attribute("aria-valuenow")))
    assert seen == [0, 25, 50, 75]  # three lessons and the quiz: four steps
    expect(page.get_by_text("3 of 3 lessons done")).to_be_visible()

    # The quiz, passed: the module is complete.
    page.locator("#my-progress").get_by_role("link", name="Quiz", exact=True).click()
    page.get_by_label("A financing plan with cash-flow forecasts").check()
    page.get_by_role("button", name="Submit my answers").click()
    expect(page.get_by_text("Congratulations, you have completed this module!")).to_be_visible()
    expect(page.locator("#attempt-outcome")).to_contain_text("Passed")
    screenshot("school-04-quiz-passed")
    page.get_by_role("link", name="Module completed: get my certificate").click()
    expect(page.get_by_text("You have completed this module. Well done!")).to_be_visible()
    expect(page.locator("#my-progress [role=progressbar]")).to_have_attribute("aria-valuenow", "100")
    expect(page.get_by_role("link", name="Public verification page")).to_be_visible()
    screenshot("school-05-completed")

    # The certificate, downloaded.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download my certificate").click()
    download = download_info.value
    assert re.fullmatch(r"certificate-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}\.pdf", download.suggested_filename)
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
