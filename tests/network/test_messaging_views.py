"""Messaging as members see it: the inbox, a thread, replies and polling with htmx, writing from a profile."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from network.context_processors import unread_messages
from network.models import MESSAGE_MAX_LENGTH, Message, Participant, Profile, Thread
from network.selectors.messaging import has_blocked
from network.services import ensure_profile, messaging
from network.services.messaging import NEW_THREADS_PER_DAY
from tests.factories import ProfileFactory, UserFactory
from tests.network.helpers import en

pytestmark = pytest.mark.django_db


HTMX = {"HTTP_HX_REQUEST": "true"}


def thread_url(thread_or_id, name="thread"):
    return en(name, getattr(thread_or_id, "pk", thread_or_id))


def write(sender, recipient, body):
    return messaging.send_direct_message(sender=sender, recipient=recipient, body=body)


@pytest.fixture
def thread(member, other_member):
    return write(member, other_member, "Bonjour Pieter, on parle export ?").thread


# --- Access -----------------------------------------------------------------------------------------


def test_an_outsider_gets_404_on_reading_polling_posting_and_reporting_in_another_pairs_thread(
    client, thread, other_member
):
    outsider = UserFactory()
    message = thread.messages.get()
    client.force_login(outsider)

    assert client.get(thread_url(thread)).status_code == 404
    assert client.get(thread_url(thread, "thread_new"), {"after": 0}).status_code == 404
    assert client.post(thread_url(thread), {"body": "Je m’invite"}).status_code == 404
    assert client.post(thread_url(thread), {"body": "Je m’invite"}, **HTMX).status_code == 404
    assert client.get(en("report_message", message.pk)).status_code == 404
    assert client.post(en("report_message", message.pk), {"reason": "x"}).status_code == 404
    assert thread.messages.count() == 1
    assert not thread.messages.get().reports.exists()


def test_an_unknown_thread_answers_404_like_someone_elses(client, member):
    client.force_login(member)
    assert client.get(thread_url(999999)).status_code == 404


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("inbox", []),
        ("thread", [1]),
        ("thread_new", [1]),
        ("write_to_member", [1]),
        ("block_member", [1]),
        ("unblock_member", [1]),
        ("report_message", [1]),
        ("message_settings", []),
    ],
)
def test_a_visitor_is_sent_to_the_login_page(client, name, args):
    response = client.get(en(name, *args))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# --- Thread page ------------------------------------------------------------------------------------


def test_a_message_with_a_script_renders_escaped_and_its_links_clickable(client, member, other_member):
    payload = '<script>alert("x")</script> <img src=x onerror=alert(1)>\nVoir https://example.org/plan?a=1&b=2'
    thread = write(other_member, member, payload).thread
    client.force_login(member)

    page = client.get(thread_url(thread)).content.decode()

    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert 'href="https://example.org/plan?a=1&amp;b=2" rel="nofollow noopener ugc"' in page
    assert "<br>Voir" in page


def test_the_thread_shows_messages_in_order_with_names_and_the_viewers_local_time(client, member, other_member):
    thread = write(member, other_member, "Premier message").thread
    write(other_member, member, "Deuxième message")
    Message.objects.filter(thread=thread).update(created_at=datetime(2026, 7, 15, 12, 0, tzinfo=UTC))
    ProfileFactory(user=member, country="MA")
    client.force_login(member)

    page = client.get(thread_url(thread)).content.decode()

    assert page.index("Premier message") < page.index("Deuxième message")
    assert "Pieter Janssens" in page
    assert "2026-07-15T13:00:00+01:00" in page  # Casablanca in July; Brussels would be 14:00+02:00
    assert "+02:00" not in page


def test_opening_a_thread_marks_it_read_and_the_sender_then_sees_seen(client, member, other_member, thread):
    client.force_login(member)
    assert "Sent" in client.get(thread_url(thread)).content.decode()

    client.force_login(other_member)
    client.get(thread_url(thread))

    client.force_login(member)
    page = client.get(thread_url(thread)).content.decode()
    assert "Seen" in page
    assert "bi-check2-all" in page


def test_the_seen_state_is_only_for_my_latest_message(client, member, other_member, thread):
    write(other_member, member, "Réponse")
    client.force_login(member)
    page = client.get(thread_url(thread)).content.decode()
    assert "Seen" not in page
    assert "bi-check2" not in page


def test_an_htmx_reply_returns_the_new_message_and_an_empty_form_only(client, member, other_member, thread):
    first = thread.messages.get()
    client.force_login(member)

    response = client.post(thread_url(thread), {"body": "Nouvelle <b>idée</b>", "after": first.pk}, **HTMX)

    page = response.content.decode()
    new = Message.objects.latest("pk")
    assert response.status_code == 200
    assert new.body == "Nouvelle <b>idée</b>"
    assert f'id="message-{new.pk}"' in page
    assert "Nouvelle &lt;b&gt;idée&lt;/b&gt;" in page
    assert f'id="message-{first.pk}"' not in page  # nothing already on the screen comes back
    assert "<html" not in page
    assert 'hx-swap-oob="beforeend:#message-list"' in page
    assert f'name="after" value="{new.pk}"' in page  # the poller moves past it
    assert 'id="reply-form"' in page
    assert re.search(r'<textarea name="body"[^>]*>\s*</textarea>', page)  # the box is empty again


def test_an_htmx_reply_also_brings_messages_that_arrived_meanwhile(client, member, other_member, thread):
    first = thread.messages.get()
    meanwhile = write(other_member, member, "Entre-temps")
    client.force_login(member)

    page = client.post(thread_url(thread), {"body": "Ma réponse", "after": first.pk}, **HTMX).content.decode()

    assert f'id="message-{meanwhile.pk}"' in page
    assert page.index("Entre-temps") < page.index("Ma réponse")


def test_a_reply_without_javascript_redirects_back_to_the_thread(client, member, thread):
    client.force_login(member)
    response = client.post(thread_url(thread), {"body": "Sans JavaScript"})
    new = Message.objects.latest("pk")
    assert response.status_code == 302
    assert response["Location"] == thread_url(thread) + f"#message-{new.pk}"
    assert new.body == "Sans JavaScript"


def test_a_too_long_reply_is_refused_and_the_text_kept(client, member, thread):
    client.force_login(member)
    text = "Très long. " * (MESSAGE_MAX_LENGTH // 10)

    htmx_page = client.post(thread_url(thread), {"body": text}, **HTMX).content.decode()
    page = client.post(thread_url(thread), {"body": text}).content.decode()

    for shown in (htmx_page, page):
        assert "Your message is too long" in shown
        assert text.strip() in shown
    assert thread.messages.count() == 1


def test_polling_returns_only_newer_messages_and_marks_them_read(client, member, other_member, thread):
    first = thread.messages.get()
    second = write(other_member, member, "Tu as vu ?")
    third = write(other_member, member, "Je relance")
    client.force_login(member)

    page = client.get(thread_url(thread, "thread_new"), {"after": second.pk}, **HTMX).content.decode()

    assert f'id="message-{third.pk}"' in page
    assert f'id="message-{second.pk}"' not in page
    assert f'id="message-{first.pk}"' not in page
    assert f"after={third.pk}" in page
    participant = Participant.objects.get(thread=thread, member=member)
    assert participant.last_read_at >= third.created_at


def test_polling_with_nothing_new_returns_no_message(client, member, thread):
    first = thread.messages.get()
    client.force_login(member)
    page = client.get(thread_url(thread, "thread_new"), {"after": first.pk}, **HTMX).content.decode()
    assert 'id="message-' not in page
    assert f"after={first.pk}" in page


def test_polling_tells_the_sender_when_the_message_is_seen(client, member, other_member, thread):
    first = thread.messages.get()
    client.force_login(member)
    assert "Sent" in client.get(thread_url(thread, "thread_new"), {"after": first.pk}, **HTMX).content.decode()

    messaging.mark_read(member=other_member, thread=thread)

    page = client.get(thread_url(thread, "thread_new"), {"after": first.pk}, **HTMX).content.decode()
    assert 'id="seen-state"' in page
    assert "Seen" in page


def test_older_messages_are_on_earlier_pages(client, member, other_member, thread):
    for n in range(55):
        write(other_member if n % 2 else member, member if n % 2 else other_member, f"Message numéro {n:02d}")
    client.force_login(member)

    page = client.get(thread_url(thread)).content.decode()
    assert "Message numéro 54" in page
    assert "Message numéro 04" not in page
    assert "Earlier messages" in page
    oldest_shown = thread.messages.order_by("-created_at", "-pk")[49]

    earlier = client.get(thread_url(thread), {"before": oldest_shown.pk}).content.decode()
    assert "Message numéro 04" in earlier
    assert "Bonjour Pieter" in earlier
    assert 'id="poller"' not in earlier


@pytest.mark.parametrize("n", [5, 60])
def test_the_thread_page_runs_a_constant_number_of_queries(client, member, other_member, django_assert_num_queries, n):
    thread = write(member, other_member, "Début").thread
    for i in range(n):
        write(other_member, member, f"Message {i}")
    client.force_login(member)
    client.get(thread_url(thread))  # warm the session
    # 11: reading the thread also cancels the member's email about it still waiting in the outbox.
    with django_assert_num_queries(11):
        client.get(thread_url(thread))


# --- Inbox and badge --------------------------------------------------------------------------------


def test_the_inbox_lists_threads_latest_first_with_unread_counts_and_snippets(client, member, other_member):
    third_party = UserFactory(first_name="Youssef", last_name="Amrani")
    old = write(other_member, member, "Ancien fil").thread
    write(other_member, member, "Deuxième non lu")
    recent = write(third_party, member, "Fil récent").thread
    mine = write(member, UserFactory(first_name="Sara", last_name="Haddad"), "C’est moi qui écris").thread
    Thread.objects.filter(pk=old.pk).update(last_message_at=timezone.now() - timedelta(days=2))
    Thread.objects.filter(pk=mine.pk).update(last_message_at=timezone.now() - timedelta(days=3))
    client.force_login(member)

    response = client.get(en("inbox"))
    page = response.content.decode()
    threads = list(response.context["threads"])

    assert [t.pk for t in threads] == [recent.pk, old.pk, mine.pk]
    assert [t.unread for t in threads] == [1, 2, 0]
    assert "Youssef Amrani" in page
    assert "Pieter Janssens" in page
    assert "Deuxième non lu" in page  # the snippet is the latest message
    assert "You: <bdi>C’est moi qui écris</bdi>" in page
    assert page.count("list-group-item-primary") == 2  # unread threads stand out


def test_reading_a_thread_clears_its_unread_count_and_the_badge(client, member, other_member):
    thread = write(other_member, member, "Bonjour").thread
    write(UserFactory(), member, "Autre fil")
    client.force_login(member)

    page = client.get(en("inbox")).content.decode()
    assert 'id="unread-badge">2<' in page

    client.get(thread_url(thread))

    response = client.get(en("inbox"))
    assert 'id="unread-badge">1<' in response.content.decode()
    assert {t.pk: t.unread for t in response.context["threads"]}[thread.pk] == 0


def test_my_own_messages_never_count_as_unread(client, member, other_member):
    write(member, other_member, "J’écris")
    client.force_login(member)
    response = client.get(en("inbox"))
    assert 'id="unread-badge"' not in response.content.decode()
    assert response.context["threads"][0].unread == 0


@pytest.mark.parametrize("n", [5, 50])
def test_the_inbox_runs_the_same_number_of_queries_for_5_and_50_threads(client, member, django_assert_num_queries, n):
    for sender in UserFactory.create_batch(n):
        write(sender, member, "Bonjour, une question sur votre offre")
    client.force_login(member)
    client.get(en("inbox"))  # warm the session
    with django_assert_num_queries(7):
        response = client.get(en("inbox"))
    assert len(response.context["threads"]) == min(n, 20)


def test_the_inbox_is_paginated(client, member):
    for sender in UserFactory.create_batch(25):
        write(sender, member, "Bonjour")
    client.force_login(member)
    assert len(client.get(en("inbox"), {"page": 2}).context["threads"]) == 5


def test_the_badge_costs_one_query_for_members_and_none_for_visitors(
    rf, member, other_member, django_assert_num_queries
):
    from django.contrib.auth.models import AnonymousUser

    write(other_member, member, "Bonjour")
    request = rf.get("/")
    request.user = AnonymousUser()
    with django_assert_num_queries(0):
        assert unread_messages(request) == {}

    request.user = member
    with django_assert_num_queries(1):
        assert int(str(unread_messages(request)["unread_count"])) == 1


def test_the_dashboard_shows_unread_conversations(client, member, other_member):
    write(other_member, member, "Bonjour")
    client.force_login(member)
    with translation.override("en"):
        page = client.get(reverse("dashboard")).content.decode()
    assert "dash-messages" in page
    assert "Pieter Janssens" in page


# --- Writing from a profile -------------------------------------------------------------------------


def test_the_profile_offers_send_a_message_and_block_to_other_members(client, member, other_member):
    ProfileFactory(user=other_member)
    client.force_login(member)
    with translation.override("en"):
        page = client.get(reverse("network:profile_detail", args=[other_member.pk])).content.decode()
    assert en("write_to_member", other_member.pk) in page
    assert "Block this member" in page

    client.force_login(other_member)
    with translation.override("en"):
        own = client.get(reverse("network:profile_detail", args=[other_member.pk])).content.decode()
    assert en("write_to_member", other_member.pk) not in own


def test_a_member_who_accepts_no_messages_shows_no_button(client, member, other_member):
    ProfileFactory(user=other_member, messaging=Profile.Messaging.NOBODY)
    client.force_login(member)
    with translation.override("en"):
        page = client.get(reverse("network:profile_detail", args=[other_member.pk])).content.decode()
    assert en("write_to_member", other_member.pk) not in page


def test_writing_from_a_profile_starts_a_thread(client, member, other_member):
    ProfileFactory(user=other_member)
    client.force_login(member)

    assert client.get(en("write_to_member", other_member.pk)).status_code == 200
    response = client.post(en("write_to_member", other_member.pk), {"body": "Bonjour, votre offre m’intéresse"})

    thread = Thread.objects.get()
    assert response["Location"] == thread_url(thread)
    assert thread.messages.get().body == "Bonjour, votre offre m’intéresse"


def test_writing_again_opens_the_existing_thread(client, member, other_member, thread):
    ProfileFactory(user=other_member)
    client.force_login(member)
    response = client.get(en("write_to_member", other_member.pk))
    assert response.status_code == 302
    assert response["Location"] == thread_url(thread)


def test_a_hidden_profile_cannot_be_written_to(client, member, other_member):
    ProfileFactory(user=other_member, visibility=Profile.Visibility.HIDDEN)
    client.force_login(member)
    assert client.get(en("write_to_member", other_member.pk)).status_code == 404
    assert client.post(en("write_to_member", other_member.pk), {"body": "Bonjour"}).status_code == 404
    assert not Message.objects.exists()


def test_the_daily_limit_refuses_with_a_message_and_keeps_the_typed_text(client, member):
    for recipient in UserFactory.create_batch(NEW_THREADS_PER_DAY):
        write(member, recipient, "Bonjour")
    one_more = ProfileFactory().user
    client.force_login(member)

    response = client.post(en("write_to_member", one_more.pk), {"body": "Mon texte soigneusement rédigé"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "daily limit" in page
    assert "Mon texte soigneusement rédigé</textarea>" in page
    assert not Thread.objects.filter(participants__member=one_more).exists()


def test_a_too_long_first_message_is_refused_and_kept(client, member, other_member):
    ProfileFactory(user=other_member)
    text = "x" * (MESSAGE_MAX_LENGTH + 1)
    client.force_login(member)
    page = client.post(en("write_to_member", other_member.pk), {"body": text}).content.decode()
    assert "too long" in page
    assert text in page
    assert not Message.objects.exists()


# --- Block and report -------------------------------------------------------------------------------


def test_a_blocked_member_sees_nothing_different_but_cannot_write(client, member, other_member):
    ProfileFactory(user=member)
    ProfileFactory(user=other_member)
    client.force_login(member)
    response = client.post(
        en("block_member", other_member.pk),
        {"next": en("inbox")},
    )
    assert response["Location"] == en("inbox")

    client.force_login(other_member)
    with translation.override("en"):
        profile_page = client.get(reverse("network:profile_detail", args=[member.pk])).content.decode()
    assert en("write_to_member", member.pk) in profile_page  # nothing tells them
    assert "Unblock" not in profile_page

    response = client.post(en("write_to_member", member.pk), {"body": "Pourquoi ?"})
    page = response.content.decode()
    assert "does not accept messages" in page
    assert "Pourquoi ?</textarea>" in page
    assert "blocked" not in page.lower()
    assert not Message.objects.exists()


def test_a_blocked_member_cannot_answer_in_the_existing_thread(client, member, other_member, thread):
    messaging.block(blocker=member, blocked=other_member)
    client.force_login(other_member)
    page = client.post(thread_url(thread), {"body": "Encore moi"}, **HTMX).content.decode()
    assert "does not accept messages" in page
    assert "Encore moi" in page
    assert thread.messages.count() == 1


def test_blocking_and_unblocking_from_the_thread(client, member, other_member, thread):
    client.force_login(member)
    assert "Block this member" in client.get(thread_url(thread)).content.decode()
    client.post(en("block_member", other_member.pk), {"next": thread_url(thread)})
    assert "Unblock" in client.get(thread_url(thread)).content.decode()
    client.post(en("unblock_member", other_member.pk))
    assert not has_blocked(member, other_member)


def test_blocking_needs_a_visible_profile_or_a_shared_thread(client, member):
    stranger = ProfileFactory(visibility=Profile.Visibility.HIDDEN).user
    client.force_login(member)
    assert client.post(en("block_member", stranger.pk)).status_code == 404
    assert client.post(en("unblock_member", stranger.pk)).status_code == 404


def test_the_block_page_refuses_to_send_elsewhere(client, member, other_member, thread):
    client.force_login(member)
    response = client.post(en("block_member", other_member.pk), {"next": "https://evil.example/"})
    assert response["Location"] == en("inbox")


def test_reporting_a_message_puts_it_in_the_queue_once(client, member, other_member):
    message = write(other_member, member, "Achetez mes cryptos")
    client.force_login(member)

    response = client.post(en("report_message", message.pk), {"reason": "Spam"})
    assert response.status_code == 302
    report = message.reports.get()
    assert (report.reporter, report.reason, report.status) == (member, "Spam", "open")

    again = client.post(en("report_message", message.pk), {"reason": "Encore du spam"})
    assert again.status_code == 200
    assert "already reported" in again.content.decode()
    assert "Encore du spam</textarea>" in again.content.decode()
    assert message.reports.count() == 1


def test_a_member_cannot_report_their_own_message(client, member, other_member, thread):
    client.force_login(member)
    response = client.post(en("report_message", thread.messages.get().pk), {"reason": ""})
    assert "cannot report your own message" in response.content.decode()
    assert not thread.messages.get().reports.exists()


# --- Deleted accounts -------------------------------------------------------------------------------


def test_a_deleted_accounts_messages_stay_under_former_member(client, member, other_member):
    thread = write(other_member, member, "Message d’un compte supprimé").thread
    write(member, other_member, "Ma réponse")
    other_member.delete()
    client.force_login(member)

    page = client.get(thread_url(thread)).content.decode()
    inbox = client.get(en("inbox")).content.decode()

    assert "Message d’un compte supprimé" in page
    assert "Former member" in page
    assert "Former member" in inbox
    assert 'id="reply-form"' not in page
    assert client.post(thread_url(thread), {"body": "Tu es là ?"}).status_code == 200
    assert thread.messages.count() == 2


# --- Settings ---------------------------------------------------------------------------------------


def test_message_emails_can_be_turned_off_and_on_again(client, member):
    client.force_login(member)
    client.post(en("message_settings"), {})
    assert ensure_profile(user=member).email_on_message is False
    client.post(en("message_settings"), {"email_on_message": "on"})
    assert ensure_profile(user=member).email_on_message is True


def test_an_organisation_thread_is_named_after_the_organisation_for_the_member_and_the_member_for_its_admins(
    client, member
):
    from tests.factories import MembershipFactory, OrganisationFactory

    organisation = OrganisationFactory(name="Atlas Export")
    admin = MembershipFactory(organisation=organisation, is_admin=True).member
    thread = messaging.contact_organisation(sender=member, organisation=organisation, body="Partenariat ?").thread

    client.force_login(member)
    assert "Atlas Export" in client.get(en("inbox")).content.decode()

    client.force_login(admin)
    page = client.get(en("inbox")).content.decode()
    assert "Amina El Idrissi · Atlas Export" in page
    thread_page = client.get(thread_url(thread)).content.decode()
    assert "Partenariat ?" in thread_page
    assert "Block this member" not in thread_page
