"""The Brussels colloquium: three days of programme, about 40 speakers and 250 registrations in every state."""

import random
from zoneinfo import ZoneInfo

from demo.events.colloquium_texts import COLLOQUIUM, EXTERNAL_SPEAKERS
from demo.events.common import (
    TICKET_HOLDER,
    Status,
    create_answers,
    create_event,
    create_programme,
    create_registrations,
    create_setup,
    create_speakers,
    guest,
    person_of,
    registration_times,
)
from events.models import (
    Event,
    WorkshopSignup,
)


def seed_colloquium(members, organiser, now) -> int:
    spec = COLLOQUIUM
    if Event.objects.filter(slug=spec["event"]["slug"]).exists():
        return 0
    rng = random.Random(1964)  # noqa: S311 (demo data, not cryptography)
    zone = ZoneInfo("Europe/Brussels")
    event = create_event(spec, zone)
    event.organisers.add(organiser)
    categories, questions, rooms, tracks = create_setup(event, spec)
    speaker_members = [user for user in members if user.email != TICKET_HOLDER][:8]
    speakers = create_speakers(event, EXTERNAL_SPEAKERS, speaker_members)
    sessions = create_programme(event, spec, rooms, tracks, speakers, zone)

    plan = []
    for key, status, count in spec["registrations"]:
        plan += [(categories[key], status, False)] * count
    for index in rng.sample([i for i, row in enumerate(plan) if row[1] == Status.CONFIRMED], 24):
        plan[index] = (*plan[index][:2], True)
    people = [None] * len(plan)
    # Members fill some seats (the demo login a plain confirmed one, first); guests without an account the rest.
    open_to_members = [
        index
        for index, (category, status, _checked_in) in enumerate(plan)
        if category != categories["press"] and status != Status.AWAITING_EMAIL
    ]
    first = next(i for i in open_to_members if plan[i][:2] == (categories["participant"], Status.CONFIRMED))
    open_to_members.remove(first)
    plan[first] = (categories["participant"], Status.CONFIRMED, False)
    registering = [user for user in members if user not in speaker_members]
    for index, user in zip([first, *open_to_members], registering, strict=False):
        people[index] = person_of(user, rng.choice(["BE", "BE", "MA"]))
    for index, person in enumerate(people):
        people[index] = person or guest(rng, index, rng.choice(["BE", "BE", "BE", "MA", "MA", "FR", "NL"]))
    # Each speaker registers in the speakers' category.
    for speaker in speakers:
        plan.append((categories["speaker"], Status.CONFIRMED, False))
        if speaker.user_id:
            people.append(person_of(speaker.user, rng.choice(["BE", "MA"])))
        else:
            first_name, last_name = speaker.name.split(" ", 1)
            country = "MA" if "Maroc" in speaker.organisation_name or "Oujda" in speaker.organisation_name else "BE"
            people.append(
                {
                    "first_name": first_name,
                    "last_name": last_name,
                    "email": f"{speaker.slug}@exemple-intervenants.org",
                    "organisation_name": speaker.organisation_name,
                    "job_title": speaker.job_title,
                    "country": country,
                    "language": "fr",
                }
            )
    pairs = list(zip(plan, people, strict=True))
    rng.shuffle(pairs)
    pairs.sort(key=lambda pair: pair[0][1] == Status.WAITLISTED)  # the waitlist formed once the seats had gone
    plan, people = [pair[0] for pair in pairs], [pair[1] for pair in pairs]
    opens = event.registration_opens_at
    registrations = create_registrations(
        event, plan, people, registration_times(rng, len(plan), opens, now), organiser, now
    )
    answers = create_answers(rng, registrations, questions, spec["answer_texts"])
    confirmed = [r for r in registrations if r.status == Status.CONFIRMED]
    signups = [
        WorkshopSignup(session=session, registration=registration)
        for session in sessions
        if session.capacity
        for registration in rng.sample(confirmed, rng.randint(session.capacity // 2, session.capacity))
    ]
    WorkshopSignup.objects.bulk_create(signups)
    setup_rows = len(categories) + len(questions) + len(rooms) + len(tracks)
    return 1 + setup_rows + len(speakers) + len(sessions) + len(registrations) + len(answers) + len(signups)
