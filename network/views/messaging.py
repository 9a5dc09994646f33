"""Messaging pages: the inbox, a thread (with htmx replies and polling), writing to a member, blocking,
reporting, and the email notification settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dimobel.errors import DomainError
from network.forms.messaging import MessageEmailsForm, MessageForm, ReplyForm, ReportForm
from network.permissions import (
    get_member_for_blocking,
    get_message_for_member,
    get_profile_for_viewer,
    get_thread_for_member,
)
from network.selectors.messaging import (
    direct_thread_between,
    has_blocked,
    has_earlier_messages,
    inbox_for,
    member_from_unsubscribe_token,
    member_timezone,
    other_member,
    read_receipt,
    render_body,
    thread_messages,
)
from network.services import ensure_profile
from network.services import messaging as services

THREADS_PER_PAGE = 20


def _render(request, template_name, context, status=200):
    """Render with times in the member's own zone."""
    with timezone.override(member_timezone(request.user)):
        return render(request, template_name, context, status=status)


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@login_required
def inbox(request):
    page = Paginator(inbox_for(request.user), THREADS_PER_PAGE).get_page(request.GET.get("page"))
    return _render(request, "network/messaging/inbox.html", {"page_obj": page, "threads": page.object_list})


def _thread_context(request, thread, **extra):
    other = other_member(thread, request.user)
    return {
        "thread": thread,
        "other": other,
        "others": [p for p in thread.participants.all() if p.member_id != request.user.pk],
        # A direct thread whose other member deleted their account has nobody left to answer.
        "can_reply": not (thread.is_direct and other is None),
        **extra,
    }


def _render_thread(request, thread, form, status=200):
    before = _int_or_none(request.GET.get("before"))
    shown = thread_messages(thread, before=before)
    latest_page = before is None
    if shown and latest_page:
        services.mark_read(member=request.user, thread=thread, up_to=shown[-1].created_at)
    other = other_member(thread, request.user)
    context = _thread_context(
        request,
        thread,
        thread_messages=shown,
        older=not latest_page,
        has_earlier=has_earlier_messages(thread, shown[0] if shown else None),
        last_id=shown[-1].pk if shown else 0,
        receipt=read_receipt(thread, request.user, shown[-1]) if shown and latest_page else None,
        form=form,
        blocked=other is not None and has_blocked(request.user, other),
    )
    return _render(request, "network/messaging/thread.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def thread_detail(request, thread_id):
    """A conversation. POST answers in it: with htmx, the reply form comes back empty and the new
    messages are appended; without JavaScript, the page reloads."""
    thread = get_thread_for_member(request.user, thread_id)
    if request.method == "GET":
        return _render_thread(request, thread, ReplyForm())
    form = ReplyForm(request.POST)
    error = None
    if form.is_valid():
        try:
            message = services.reply(sender=request.user, thread=thread, body=form.cleaned_data["body"])
        except DomainError as refused:
            error = str(refused)
        else:
            if request.htmx:
                return _thread_update(request, thread, after=_int_or_none(request.POST.get("after")), reply=message)
            return redirect(reverse("network:thread", args=[thread.pk]) + f"#message-{message.pk}")
    if request.htmx:
        context = _thread_context(request, thread, form=form, error=error)
        return _render(request, "network/messaging/thread.html#reply-form", context)
    if error:
        messages.error(request, error)
    return _render_thread(request, thread, form)


@login_required
@require_GET
def thread_new(request, thread_id):
    """Polling (htmx, every few seconds): the messages after ``after``, a new poller, and the "seen" state."""
    thread = get_thread_for_member(request.user, thread_id)
    return _thread_update(request, thread, after=_int_or_none(request.GET.get("after")))


def _thread_update(request, thread, *, after, reply=None):
    if after is None and reply is not None:
        after = reply.pk - 1  # the form did not say what it shows: send back just the new message
    new = thread_messages(thread, after=after or 0)
    last_id = new[-1].pk if new else (after or 0)
    if new:
        services.mark_read(member=request.user, thread=thread, up_to=new[-1].created_at)
    form = None
    if reply is not None:
        form = ReplyForm()
        form.fields["body"].widget.attrs["autofocus"] = True  # htmx focuses it after the swap
    context = _thread_context(
        request,
        thread,
        new_messages=new,
        last_id=last_id,
        receipt=read_receipt(thread, request.user),
        form=form,
        replied=reply is not None,
    )
    return _render(request, "network/messaging/thread_update.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def write_to_member(request, user_id):
    """Write to a member from their profile. An existing conversation opens instead of a new one."""
    profile = get_profile_for_viewer(request.user, user_id)
    recipient = profile.user
    if recipient == request.user:
        return redirect("network:inbox")
    existing = direct_thread_between(request.user, recipient)
    if existing is not None and request.method == "GET":
        return redirect("network:thread", thread_id=existing.pk)
    form = MessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            message = services.send_direct_message(
                sender=request.user, recipient=recipient, body=form.cleaned_data["body"]
            )
        except DomainError as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Your message has been sent."))
            return redirect("network:thread", thread_id=message.thread_id)
    return _render(request, "network/messaging/write.html", {"form": form, "recipient": recipient, "profile": profile})


def _next_url(request, default):
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


@login_required
@require_http_methods(["GET", "POST"])
def block_member(request, user_id):
    """Block a member. GET asks for confirmation (or to unblock, when they are blocked already); the profile and
    thread buttons POST directly."""
    member = get_member_for_blocking(request.user, user_id)
    if request.method == "POST":
        services.block(blocker=request.user, blocked=member)
        messages.success(
            request,
            _("You have blocked %(name)s. They can no longer write to you.") % {"name": member.get_full_name()},
        )
        return redirect(_next_url(request, reverse("network:inbox")))
    context = {
        "member": member,
        "blocked": has_blocked(request.user, member),
        "next": _next_url(request, reverse("network:inbox")),
    }
    return _render(request, "network/messaging/block.html", context)


@login_required
@require_POST
def unblock_member(request, user_id):
    member = get_member_for_blocking(request.user, user_id)
    services.unblock(blocker=request.user, blocked=member)
    messages.success(request, _("You have unblocked %(name)s.") % {"name": member.get_full_name()})
    return redirect(_next_url(request, reverse("network:inbox")))


@login_required
@require_http_methods(["GET", "POST"])
def report_message(request, message_id):
    """Report a message from one of the member's threads to the moderation team."""
    message = get_message_for_member(request.user, message_id)
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_message(reporter=request.user, message=message, reason=form.cleaned_data["reason"])
        except DomainError as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("Thank you. The DIMOBEL team will look at this message."))
            return redirect(reverse("network:thread", args=[message.thread_id]) + f"#message-{message.pk}")
    message.body_html = render_body(message.body)
    return _render(request, "network/messaging/report.html", {"message": message, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def message_settings(request):
    """Whether the member gets emails about unread messages."""
    profile = ensure_profile(user=request.user)
    form = MessageEmailsForm(request.POST if request.method == "POST" else None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.set_email_on_message(member=request.user, enabled=form.cleaned_data["email_on_message"])
        messages.success(request, _("Your message settings have been saved."))
        return redirect("network:message_settings")
    return _render(request, "network/messaging/settings.html", {"form": form})


@csrf_exempt  # the signed token authenticates; mail providers POST here without a session (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One click from an email turns message emails off, without logging in."""
    member = member_from_unsubscribe_token(token)
    if member is None:
        return render(request, "network/messaging/unsubscribe.html", {"invalid": True}, status=400)
    if request.method == "POST":
        services.set_email_on_message(member=member, enabled=False)
        return render(request, "network/messaging/unsubscribe.html", {"done": True, "member": member})
    return render(request, "network/messaging/unsubscribe.html", {"member": member})
