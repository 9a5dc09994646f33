"""No request answers 5xx, whatever it carries.

The test walks Django's URL resolver, so a new URL is fuzzed the day it is added: every pattern (the site's, the
admin's, allauth's) with hostile values in each path segment, as a visitor, a member and staff with two-factor
authentication. Then the query strings of every page that answers, the admin changelists' filters one by one, and
the hidden ids that forms post. A 5xx is reported with the URL and the persona, all failures at once.
"""

import logging
import re
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

import django_filters
import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils import translation
from django.utils.encoding import repercent_broken_unicode

from dimobel.converters import id_or_none
from dimobel.models import CalendarFeed
from network.models import Membership
from tests.factories import (
    CallFactory,
    EventFactory,
    LessonFactory,
    MembershipFactory,
    ModuleFactory,
    OpportunityFactory,
    ProjectFactory,
    RegistrationFactory,
    SessionFactory,
    SpeakerFactory,
)

# Written as they travel in a URL (percent-encoded), each decoded by the server into something a view must survive.
HOSTILE = {
    "NUL byte": "a%00b",
    "superscript two": "%C2%B2",
    "Arabic-Indic three": "%D9%A3",
    "5,000 characters": "7" * 5000,
    "number beyond bigint": "9" * 25,
    "../": "..%2F..%2Fetc%2Fpasswd",
    "invalid UTF-8": "%FF%FE",
}

# Query parameters read by views besides their FilterSets' (pagination, search, ordering, admin's own).
QUERY_PARAMETERS = {"page", "q", "o", "p", "when", "before", "after", "period", "code", "sort", "next", "event"}

# Ids and choices that forms post in hidden fields or buttons.
POSTED_IDS = ["membership", "need", "mentor", "expert", "member", "promote", "after", "event", "category", "language"]
# The buttons that decide which id a view reads: most read theirs first, a workspace's needs on "met", its mentors
# on "unassign" or otherwise.
POSTED_ACTIONS = ["accept", "met", "unassign"]
# A digit to str.isdigit() but not to int(), with every button; text that PostgreSQL refuses, with the first.
POSTED_VALUES = ["²", "a\x00b"]

SEGMENT = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>(?:[^()]|\([^()]*\))*\)")


def decoded(value):
    """``value`` as the server hands it to a view: percent-decoded, with bytes that are not UTF-8 left encoded."""
    return repercent_broken_unicode(unquote_to_bytes(value)).decode()


@dataclass(frozen=True)
class Pattern:
    """One URL pattern, with its path as a template whose segments are named."""

    template: str
    segments: tuple  # (name, converter or None for a regex group)
    namespace: str
    name: str

    @property
    def is_admin(self):
        return self.namespace == "admin"

    def url(self, plausible, hostile_segment=None, hostile=""):
        values = {}
        for segment, converter in self.segments:
            values[segment] = hostile if segment == hostile_segment else plausible(self, segment, converter)

        def fill(match):
            return values[match.group("name") or match.group("group")]

        return "/" + SEGMENT.sub(fill, self.template)

    def accepts(self, segment, value):
        """Whether the resolver would hand ``value`` (as the server decodes it) to the view."""
        converter = dict(self.segments)[segment]
        if converter is None:
            return True
        if not re.fullmatch(converter.regex, decoded(value)):
            return False
        try:
            converter.to_python(decoded(value))
        except ValueError:
            return False
        return True


def _route(pattern):
    if isinstance(pattern, LocalePrefixPattern):
        return pattern.language_prefix
    if isinstance(pattern, RoutePattern):
        return str(pattern)
    if isinstance(pattern, RegexPattern):
        return pattern._regex.removeprefix("^").removesuffix("$").replace("\\.", ".")
    raise AssertionError(f"unknown pattern type {pattern!r}")


def _walk(patterns, prefix="", converters=None, namespace=""):
    for entry in patterns:
        route = prefix + _route(entry.pattern)
        known = {**(converters or {}), **entry.pattern.converters}
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, route, known, entry.namespace or namespace)
        elif isinstance(entry, URLPattern):
            segments = []
            for match in SEGMENT.finditer(route):
                if match.group("group"):
                    segments.append((match.group("group"), None))
                else:
                    segments.append((match.group("name"), known[match.group("name")]))
            yield Pattern(route, tuple(segments), namespace, entry.name or "")


def all_patterns():
    with translation.override("en"):
        return list(_walk(get_resolver().url_patterns))


def filter_parameters():
    """Every parameter a FilterSet of the site reads (the views, loaded with the URLs, import them all)."""
    all_patterns()
    names, pending = set(), [django_filters.FilterSet]
    while pending:
        filterset = pending.pop()
        pending.extend(filterset.__subclasses__())
        names.update(getattr(filterset, "base_filters", {}))
    return names


@pytest.fixture(autouse=True)
def _quiet_not_found_warnings():
    """Thousands of 404s are the point here: their warnings would only slow the test. Errors are still logged."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


@pytest.fixture
def world(member, other_member, staff):
    """One of each thing the URLs name, the member holding a role in each, so the views go past their lookups."""
    organisation = MembershipFactory(member=member, is_admin=True).organisation
    MembershipFactory(organisation=organisation, member=other_member)
    event = EventFactory()
    RegistrationFactory(event=event, user=member)
    session = SessionFactory(event=event)
    speaker = SpeakerFactory(event=event)
    module = ModuleFactory(instructors=[member])
    LessonFactory(module=module)
    call = CallFactory()
    project = ProjectFactory(call=call, holder=member, status="accompanied")
    OpportunityFactory(posted_by=member)
    return {
        "network": {"slug": organisation.slug},
        "events": {"slug": event.slug, "speaker_slug": speaker.slug, "session_id": str(session.pk)},
        "autumn_school": {"slug": module.slug},
        "consortium": {"slug": call.slug, "project_id": str(project.pk)},
        "admin": {"app_label": "events", "content_type_id": "1", "object_id": str(event.pk), "id": str(member.pk)},
    }


@pytest.fixture
def personas(world, member, admin_client_with_mfa):
    visitor = Client(raise_request_exception=False)
    signed_in = Client(raise_request_exception=False)
    signed_in.force_login(member)
    admin_client_with_mfa.raise_request_exception = False
    return {"visitor": visitor, "member": signed_in, "staff": admin_client_with_mfa}


@pytest.fixture
def plausible(world):
    def value(pattern, segment, converter):
        known = world.get(pattern.namespace, {})
        if segment in known:
            return known[segment]
        return "1" if converter is not None and converter.regex == "[0-9]+" else "x"

    return value


class Failures(list):
    def check(self, persona, method, url, response, data=None):
        if response.status_code >= 500:
            shown = url if len(url) < 200 else f"{url[:120]}…({len(url)} characters)"
            self.append(f"{response.status_code} {persona} {method} {shown}" + (f" {data}" if data else ""))

    def report(self):
        assert not self, f"{len(self)} requests answered 5xx:\n" + "\n".join(self)


def test_hostile_path_segments_never_answer_5xx(personas, plausible):
    """Each segment of each pattern gets every hostile value its converter lets through to the view, and one it
    turns away (which must be a 404, not a crash in the resolver), as each persona."""
    patterns = all_patterns()
    walked = {pattern.name for pattern in patterns}
    assert {"calendar_feed", "guest_ticket", "account_confirm_email", "auth_user_password_change"} <= walked
    failures = Failures()
    for pattern in patterns:
        for segment, _converter in pattern.segments:
            accepted = [value for value in HOSTILE.values() if pattern.accepts(segment, value)]
            refused = [value for value in HOSTILE.values() if value not in accepted]
            for persona, client in personas.items():
                # The admin sends visitors and members to its login page before any lookup: one value is enough.
                values = [HOSTILE["NUL byte"]] if pattern.is_admin and persona != "staff" else accepted + refused[:1]
                for value in values:
                    url = pattern.url(plausible, segment, value)
                    failures.check(persona, "GET", url, client.get(url))
    failures.report()


def test_odd_query_parameters_never_answer_5xx(personas, plausible):
    """Every page of the site is asked again, as the first persona it answers, with each hostile value in every
    parameter that the site's filters, pagination and search read (the long value only in the search and the page:
    repeated in every pagination link, 5,000 characters times every parameter would test the network, not the code).
    """
    parameters = sorted(filter_parameters() | QUERY_PARAMETERS)
    failures = Failures()
    for pattern in all_patterns():
        if pattern.is_admin:
            continue  # its changelists have their own test below
        url = pattern.url(plausible)
        for persona, client in personas.items():
            if client.get(url).status_code == 200:
                for query in odd_queries(parameters):
                    failures.check(persona, "GET", f"{url}?{query}", client.get(f"{url}?{query}"))
                break
    failures.report()


def odd_queries(parameters):
    long = HOSTILE["5,000 characters"]
    for value in HOSTILE.values():
        if value == long:
            yield f"q={long}&page={long}"
        else:
            yield "&".join(f"{name}={value}" for name in parameters)


def test_odd_admin_changelist_filters_never_answer_5xx(admin_client_with_mfa, world):
    """Every filter of every admin changelist, with each hostile value (``?event__id__exact=²``), and the ``event``
    that the add pages of per-event tables read."""
    admin_client_with_mfa.raise_request_exception = False
    staff_user = admin_client_with_mfa.get("/en/admin/").wsgi_request.user
    failures = Failures()
    for model, model_admin in admin.site._registry.items():
        changelist = f"/en/admin/{model._meta.app_label}/{model._meta.model_name}/"
        request = RequestFactory().get(changelist)
        request.user = staff_user
        parameters = {"q", "o", "p", "event"}
        for spec in model_admin.get_changelist_instance(request).filter_specs:
            parameters.update(spec.expected_parameters())
        # All at once, then each on its own: one parameter that the admin refuses must not hide another's crash.
        queries = [*odd_queries(sorted(parameters)), *(f"{name}={HOSTILE['superscript two']}" for name in parameters)]
        for query in queries:
            failures.check("staff", "GET", f"{changelist}?{query}", admin_client_with_mfa.get(f"{changelist}?{query}"))
        if "event" in {field.name for field in model._meta.fields}:
            add_page = f"{changelist}add/"
            for value in HOSTILE.values():
                response = admin_client_with_mfa.post(f"{add_page}?event={value}", {"event": decoded(value)})
                failures.check("staff", "POST", f"{add_page}?event={value}", response)
    failures.report()


def test_odd_hidden_ids_in_forms_never_answer_5xx(personas, plausible, member, admin_client_with_mfa):
    """Every page of the site that a signed-in persona reaches gets forms posted with hostile ids and choices:
    every posted id at once, with each button that decides which of them a view reads."""
    staff_user = admin_client_with_mfa.get("/en/").wsgi_request.user
    people = {"member": member, "staff": staff_user}
    failures = Failures()
    for pattern in all_patterns():
        if pattern.is_admin or "logout" in pattern.name:
            continue
        url = pattern.url(plausible)
        for persona in ("member", "staff"):
            client = personas[persona]
            if client.get(url).status_code in (302, 404):
                continue
            for index, action in enumerate(POSTED_ACTIONS):
                for value in POSTED_VALUES if index == 0 else POSTED_VALUES[:1]:
                    data = dict.fromkeys(POSTED_IDS, value) | {"action": action}
                    failures.check(persona, "POST", url, client.post(url, data), data)
            client.force_login(people[persona])  # in case a form signed them out
    failures.report()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("42", 42),
        (42, 42),
        (str(2**63 - 1), 2**63 - 1),
        ("²", None),
        ("٣", None),
        ("4²", None),
        ("-1", None),
        (" 1", None),
        ("", None),
        (None, None),
        ("9" * 19, None),
        ("9" * 5000, None),
        ("a\x00b", None),
    ],
)
def test_an_id_is_read_from_ascii_digits_only(value, expected):
    assert id_or_none(value) == expected


def test_a_token_with_a_nul_byte_is_not_found_and_a_real_one_still_works(client, member):
    feed = CalendarFeed.objects.create(user=member)
    assert client.get(f"/calendar/{feed.token}.ics").status_code == 200
    assert client.get("/calendar/a%00b.ics").status_code == 404
    assert client.get(f"/calendar/{'a' * 600}.ics").status_code == 404


def test_an_admin_list_filtered_on_an_event_id_that_is_not_a_number_is_not_an_error(admin_client_with_mfa, world):
    RegistrationFactory(first_name="Yasmina")
    response = admin_client_with_mfa.get("/en/admin/events/registration/?event__id__exact=%C2%B2", follow=True)
    assert response.status_code == 200


def test_a_members_page_button_with_an_odd_membership_id_changes_nothing(client, member, other_member, world):
    client.force_login(member)
    url = f"/en/network/organisations/{world['network']['slug']}/members/remove/"
    for odd in ("abc", "²", "a\x00b", "9" * 25):
        assert client.post(url, {"membership": odd}).status_code == 404
    assert Membership.objects.filter(member=other_member, organisation__slug=world["network"]["slug"]).exists()
