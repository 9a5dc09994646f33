"""The autumn school's demo: the finished 2025 edition (with certificates) and the current 2026 edition, whose
modules are open for enrolment and whose live sessions are coming up. Eight modules each, taught by members
of the Instructors group, and learners at every stage: learning, done, on a waitlist, gone quiet, cancelled.

Idempotent: everything is found again by a fixed slug or e-mail, and created only when missing. The texts
are in courses/ (one module per course) and the cast (instructors, learners and where each of them stands)
in cast.py.
"""

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from autumn_school.models import (
    Answer,
    Attendance,
    Edition,
    Enrolment,
    Lesson,
    LessonProgress,
    LiveSession,
    Module,
    Question,
    Quiz,
    QuizAttempt,
    Resource,
    Theme,
)
from autumn_school.selectors.quizzes import correct_choice_ids, score_answers
from autumn_school.services.certificates import issue_certificate
from demo import registry
from demo.autumn_school.cast import CURRENT, INSTRUCTORS, LEARNERS, PAST, QUESTIONS
from demo.autumn_school.courses import MODULES
from dimobel import pdf as pdfkit
from dimobel import roles
from network.models import Profile, User
from network.services import ensure_profile

BRUSSELS = ZoneInfo("Europe/Brussels")
MEETING_URL = "https://visio.dimobel.example/b/{slug}-{number}"
RECORDING_URL = "https://visio.dimobel.example/recordings/{slug}-{number}"


@registry.seeder(order=40)
def seed_autumn_school(stdout, *, scale=0) -> int:
    created = 0
    password = make_password(registry.DEMO_PASSWORD)  # hashed once: the slow part of creating accounts
    people = {}
    for email, (first, last, language, headline, country, city) in INSTRUCTORS.items():
        user, new = _member(email, first, last, language, password)
        created += new + _teach(user) + _profile(user, headline, country, city)
        people[email] = user
    for email, (first, last, language) in LEARNERS.items():
        user, new = _member(email, first, last, language, password)
        created += new
        people[email] = user
    registry.add_login("instructor", "formateur@dimobel.org", "(autumn school: teaches 2 modules)")
    registry.add_login("learner", "apprenante@dimobel.org", "(autumn school: a certificate, a course, a waitlist)")

    today = timezone.localdate()
    past, new = _edition(
        "universite-automne-2025", "Université d'automne 2025", date(2025, 10, 6), date(2025, 12, 12), past=True
    )
    created += new
    current, new = _edition(
        "universite-automne-2026", "Université d'automne 2026", today - timedelta(days=49), today + timedelta(days=25)
    )
    created += new

    new_modules = []
    modules = {}
    for edition, year, is_past in ((past, 2025, True), (current, 2026, False)):
        for index, spec in enumerate(MODULES):
            module, count = _module(edition, year, index, spec, people, is_past=is_past)
            modules[(year, spec["key"])] = module
            created += count
            if count:
                new_modules.append(module.pk)
    _refresh_search(new_modules)

    for email, key, progress in PAST:
        done = progress == "done"
        created += _enrol(
            people[email], modules[(2025, key)], lessons_done=None if done else progress, completed=done,
            when=datetime(2025, 10, 1, 10, tzinfo=BRUSSELS), last_activity=datetime(2025, 11, 28, tzinfo=BRUSSELS),
        )  # fmt: skip
    for email, key, stage, lessons_done, quiet_days in CURRENT:
        module = modules[(2026, key)]
        if stage == "waitlisted":
            created += _waitlist(people[email], module)
        elif stage == "cancelled":
            created += _cancelled(people[email], module)
        else:
            created += _enrol(
                people[email], module, lessons_done=lessons_done, completed=stage == "done",
                when=timezone.now() - timedelta(days=30), last_activity=timezone.now() - timedelta(days=quiet_days),
            )  # fmt: skip
    return created + _questions(modules, people)


def _member(email, first, last, language, password) -> tuple[User, int]:
    user = User.objects.filter(email=email).first()
    if user is not None:
        return user, 0
    user = User.objects.create(
        email=email,
        password=password,
        first_name=first,
        last_name=last,
        preferred_language=language,
        terms_version="2026-11-24",
        privacy_version="2026-11-24",
        consented_at=timezone.now(),
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    return user, 1


def _teach(user) -> int:
    group = Group.objects.get_or_create(name=roles.INSTRUCTORS)[0]
    if user.groups.filter(pk=group.pk).exists():
        return 0
    user.groups.add(group)
    return 1


def _profile(user, headline, country, city) -> int:
    """Instructors appear in the directory, so the module page can link to them."""
    profile = ensure_profile(user=user)
    if not headline or profile.headline:
        return 0
    languages = ["fr", "ar"] if country == "MA" else ["fr", "nl", "en"]
    Profile.objects.filter(pk=profile.pk).update(
        headline=headline, country=country, city=city, languages=languages, visibility=Profile.Visibility.PUBLIC
    )
    from network.services.search import refresh_profile_search

    refresh_profile_search([profile.pk])
    return 1


def _edition(slug, title, starts_on, ends_on, *, past=False) -> tuple[Edition, int]:
    edition = Edition.objects.filter(slug=slug).first()
    if edition is not None:
        return edition, 0
    description = (
        "Six semaines pour passer de l'idée au projet, en ligne, entre la Belgique et le Maroc."
        if not past
        else "La première édition : huit modules, des séances en direct et une cohorte de jeunes entrepreneurs."
    )
    edition = Edition.objects.create(
        slug=slug, title=title, starts_on=starts_on, ends_on=ends_on, description=description, is_published=True
    )
    return edition, 1


def _module(edition, year, index, spec, people, *, is_past) -> tuple[Module, int]:
    slug = f"{spec['key']}-{year}"[:120]
    module = Module.objects.filter(slug=slug).first()
    if module is not None:
        return module, 0
    if is_past:
        starts_on = edition.starts_on + timedelta(days=7 * (index % 3))
        opens = datetime(2025, 9, 1, 9, tzinfo=BRUSSELS)
        closes = datetime.combine(starts_on + timedelta(days=14), time(23, 59), BRUSSELS)
    else:
        starts_on = timezone.localdate() - timedelta(days=21 - 7 * (index % 3))
        opens = timezone.now() - timedelta(days=60)
        closes = timezone.now() + timedelta(days=14)
        if spec["language"] == "en":  # one module whose enrolment has not opened yet
            opens, closes = timezone.now() + timedelta(days=5), timezone.now() + timedelta(days=30)
    module = Module.objects.create(
        edition=edition,
        slug=slug,
        title=spec["title"],
        summary=spec["summary"],
        description=spec["description"],
        theme=Theme.objects.get(slug=spec["theme"]),
        level=spec["level"],
        language=spec["language"],
        format=spec["format"],
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=42),
        enrolment_opens_at=opens,
        enrolment_closes_at=closes,
        capacity=spec.get("capacity"),
        estimated_hours=spec["hours"],
        required_live_sessions=spec.get("required_live_sessions", 0),
        is_published=True,
    )
    module.instructors.set([people[email] for email in spec["instructors"]])
    count = 1
    for position, (title, minutes, video, content) in enumerate(spec["lessons"], start=1):
        lesson = Lesson.objects.create(
            module=module, position=position, title=title, content=content, video_url=video, estimated_minutes=minutes
        )
        count += 1 + _resource(lesson, spec["key"])
    count += _sessions(module, spec, is_past=is_past)
    count += _quiz(module, spec["quiz"])
    return module, count


def _sessions(module, spec, *, is_past) -> int:
    for number, (title, description, minutes) in enumerate(spec["sessions"], start=1):
        if is_past:
            day = module.starts_on + timedelta(days=10 * number)
            recording = RECORDING_URL.format(slug=module.slug, number=number)
        else:  # the first one last week (recorded), the others coming up
            day = timezone.localdate() + timedelta(days=-7 if number == 1 else 2 + 7 * (number - 2))
            recording = RECORDING_URL.format(slug=module.slug, number=number) if number == 1 else ""
        LiveSession.objects.create(
            module=module,
            title=title,
            description=description,
            starts_at=datetime.combine(day, time(18, 30), BRUSSELS),
            duration_minutes=minutes,
            meeting_url=MEETING_URL.format(slug=module.slug, number=number),
            recording_url=recording,
        )
    return len(spec["sessions"])


def _quiz(module, spec) -> int:
    if not spec:
        return 0
    quiz = Quiz.objects.create(
        module=module, title=spec["title"], pass_mark=spec["pass_mark"], max_attempts=spec["max_attempts"]
    )
    for position, (text, explanation, choices) in enumerate(spec["questions"], start=1):
        question = quiz.questions.create(position=position, text=text, explanation=explanation)
        for choice_text, correct in choices:
            question.choices.create(text=choice_text, is_correct=correct)
    return 1 + len(spec["questions"])


def _enrol(learner, module, *, lessons_done, completed, when, last_activity) -> int:
    """An enrolment with its lessons done (all of them when completed), quiz attempts and attendance."""
    if Enrolment.objects.filter(module=module, learner=learner).exists():
        return 0
    lessons = list(module.lessons.all())
    done = lessons if completed else lessons[: lessons_done or 0]
    enrolment = Enrolment.objects.create(
        module=module,
        learner=learner,
        status=Enrolment.Status.ENROLLED,
        enrolled_at=when,
        last_lesson=done[-1] if done else None,
        last_activity_at=last_activity,
        completed_at=last_activity if completed else None,
    )
    LessonProgress.objects.bulk_create(LessonProgress(enrolment=enrolment, lesson=lesson) for lesson in done)
    quiz = Quiz.objects.filter(module=module).first()
    if quiz is not None and (completed or len(done) == len(lessons)):
        _attempt(quiz, enrolment, passed=False)  # most learners need a second try
        if completed:
            _attempt(quiz, enrolment, passed=True)
    past_sessions = module.live_sessions.filter(starts_at__lt=timezone.now())
    Attendance.objects.bulk_create(
        Attendance(session=session, learner=learner, marked_by=module.instructors.first())
        for session in past_sessions[: max(module.required_live_sessions, 1) if (completed or done) else 0]
    )
    if completed:
        issue_certificate(enrolment=enrolment, notify=False)
    return 1


def _attempt(quiz, enrolment, *, passed) -> None:
    """Every answer right to pass; only the first one right otherwise. Scored like a real attempt."""
    answers = {}
    questions = list(quiz.questions.prefetch_related("choices"))
    for index, question in enumerate(questions):
        correct = correct_choice_ids(question)
        wrong = [choice.pk for choice in question.choices.all() if choice.pk not in correct]
        answers[str(question.pk)] = sorted(correct) if passed or index == 0 else wrong[:1]
    score = score_answers(questions, answers)
    QuizAttempt.objects.create(
        quiz=quiz,
        enrolment=enrolment,
        learner=enrolment.learner,
        score=score,
        passed=score >= quiz.pass_mark,
        answers=answers,
    )


def _waitlist(learner, module) -> int:
    if Enrolment.objects.filter(module=module, learner=learner).exists():
        return 0
    Enrolment.objects.create(
        module=module,
        learner=learner,
        status=Enrolment.Status.WAITLISTED,
        waitlisted_at=timezone.now() - timedelta(days=3 - Enrolment.objects.waitlisted().filter(module=module).count()),
    )
    return 1


def _cancelled(learner, module) -> int:
    if Enrolment.objects.filter(module=module, learner=learner).exists():
        return 0
    Enrolment.objects.create(
        module=module,
        learner=learner,
        status=Enrolment.Status.CANCELLED,
        enrolled_at=timezone.now() - timedelta(days=25),
        cancelled_at=timezone.now() - timedelta(days=20),
    )
    return 1


def _questions(modules, people) -> int:
    created = 0
    for key, asker, title, body, answer in QUESTIONS:
        module = modules[(2026, key)]
        if Question.objects.filter(module=module, title=title).exists():
            continue
        # Already announced: the instructors' digest must not mail demo content.
        question = Question.objects.create(
            module=module, author=people[asker], title=title, body=body, instructors_notified_at=timezone.now()
        )
        Answer.objects.create(question=question, author=module.instructors.first(), body=answer)
        created += 1
    return created


def _resource(lesson, key) -> int:
    """A real PDF handout on the lessons that announce one (kept in private storage)."""
    handouts = {
        ("business-model-canvas", 2): ("Canevas vierge du Business Model Canvas (A4)", _canvas_pdf),
        ("export-logistique-europe-afrique", 4): ("Check-list des documents d'un envoi", _checklist_pdf),
    }
    handout = handouts.get((key, lesson.position))
    if handout is None:
        return 0
    title, draw = handout
    resource = Resource(lesson=lesson, title=title)
    resource.file.save(f"{key}-{lesson.position}.pdf", ContentFile(draw()), save=True)
    return 1


@lru_cache(maxsize=1)  # both editions share the handout: draw it once
def _canvas_pdf() -> bytes:
    document = pdfkit.new_document(orientation="landscape", margin=10, title="Business Model Canvas")
    document.add_page()
    pdfkit.write_text(document, "Business Model Canvas", language="fr", size=16, bold=True)
    # (title, x, y, width, height) on a 277 × 175 mm grid, as in Osterwalder's layout.
    blocks = [
        ("Partenaires clés", 0, 0, 55, 120), ("Activités clés", 55, 0, 55, 60), ("Ressources clés", 55, 60, 55, 60),
        ("Proposition de valeur", 110, 0, 57, 120), ("Relation client", 167, 0, 55, 60), ("Canaux", 167, 60, 55, 60),
        ("Segments de clients", 222, 0, 55, 120), ("Structure de coûts", 0, 120, 138, 55),
        ("Sources de revenus", 138, 120, 139, 55),
    ]  # fmt: skip
    document.set_draw_color(11, 85, 99)
    for title, x, y, width, height in blocks:
        document.rect(10 + x, 22 + y, width, height)
        document.set_xy(12 + x, 24 + y)
        pdfkit.write_text(document, title, language="fr", size=9, bold=True, width=width - 4, color=(11, 85, 99))
    document.set_xy(10, 199)
    pdfkit.write_text(document, "DIMOBEL – Université d'automne", language="fr", size=7, color=(82, 96, 109))
    return pdfkit.output_bytes(document)


@lru_cache(maxsize=1)
def _checklist_pdf() -> bytes:
    document = pdfkit.new_document(margin=20, title="Check-list export")
    document.add_page()
    pdfkit.write_text(
        document, "Check-list : les documents d'un envoi Belgique–Maroc", language="fr", size=15, bold=True
    )
    document.ln(4)
    items = [
        "Facture commerciale (Incoterm, lieu et version : « FCA Anvers, Incoterms 2020 »)",
        "Liste de colisage : poids, volumes et marques de chaque colis",
        "Document de transport : connaissement maritime ou lettre de voiture CMR",
        "Preuve d'origine préférentielle (EUR.1 ou déclaration d'origine)",
        "Certificats sanitaires (ONSSA à l'export du Maroc) pour les produits alimentaires",
        "Étiquetage en français et en néerlandais pour le marché belge",
        "Coordonnées des transitaires des deux côtés et numéro ICE de l'importateur marocain",
    ]
    for item in items:
        pdfkit.write_text(document, f"☐  {item}", language="fr", size=11)
        document.ln(2)
    return pdfkit.output_bytes(document)


def _refresh_search(module_ids) -> None:
    if not module_ids:
        return
    try:
        from autumn_school.search import refresh_module_search
    except ImportError as error:  # written alongside this module; say so rather than fail obscurely
        raise RuntimeError(
            "autumn_school.search.refresh_module_search is missing: the catalogue's search must exist "
            "before the demo modules can be indexed."
        ) from error
    refresh_module_search(module_ids)
