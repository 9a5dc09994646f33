"""The consortium's public pages: what it is, its members and their services, the calls for projects."""

from decimal import Decimal

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from consortium import permissions
from consortium.display import corridor_times
from consortium.filters import MemberFilter
from consortium.models import Call, Project
from consortium.selectors.members import active_members, member_count
from consortium.selectors.stats import public_impact
from dimobel.countries import country_names

PAGE_SIZE = 20
HOME_MEMBERS = 6


def _with_country_names(members):
    for member in members:
        member.organisation.country_names = country_names(member.organisation.countries)
    return members


def home(request):
    now = timezone.now()
    members = _with_country_names(list(active_members(request.user)[:HOME_MEMBERS]))
    context = {
        "open_calls": list(Call.objects.open(now).order_by("closes_at", "pk")),
        "upcoming_calls": list(Call.objects.published().filter(opens_at__gt=now).order_by("opens_at", "pk")[:3]),
        "members": members,
        "member_count": member_count(),
    }
    return render(request, "consortium/home.html", context)


def member_list(request):
    filterset = MemberFilter(request.GET, queryset=active_members(request.user), request=request)
    page = Paginator(filterset.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    _with_country_names(page.object_list)
    return render(request, "consortium/members.html", {"filter": filterset, "page_obj": page})


def call_list(request):
    """Open calls first (closing soonest first), then the upcoming ones, then the past ones (latest first)."""
    now = timezone.now()
    calls = list(Call.objects.published().order_by("closes_at", "pk"))
    for call in calls:
        call.current_phase = call.phase(now)
    context = {
        "open_calls": [call for call in calls if call.opens_at <= now < call.closes_at],
        "upcoming_calls": sorted((call for call in calls if now < call.opens_at), key=lambda call: call.opens_at),
        "past_calls": [call for call in reversed(calls) if call.closes_at <= now],
    }
    return render(request, "consortium/calls/list.html", context)


def call_detail(request, slug):
    call = permissions.get_call_for_viewer(request.user, slug)
    now = timezone.now()
    criteria = list(call.criteria.all())
    total_weight = sum((criterion.weight for criterion in criteria), Decimal(0))
    for criterion in criteria:
        criterion.share = round(100 * criterion.weight / total_weight) if total_weight else 0
    languages = dict(settings.LANGUAGES)
    my_projects, draft = [], None
    if request.user.is_authenticated:
        my_projects = list(Project.objects.filter(call=call, holder=request.user).order_by("created_at", "pk"))
        draft = next((project for project in my_projects if project.is_draft), None)
    context = {
        "call": call,
        "phase": call.phase(now),
        "is_open": call.is_open(now),
        "criteria": criteria,
        "language_names": [str(languages[code]) for code in call.languages if code in languages],
        "closing_times": corridor_times(call.closes_at),
        "my_projects": my_projects,
        "draft": draft,
    }
    return render(request, "consortium/calls/detail.html", context)


def impact(request):
    """The public impact page: aggregates only, small groups merged (see consortium.selectors.stats.public_impact)."""
    return render(request, "consortium/impact.html", public_impact())
