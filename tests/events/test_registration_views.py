"""Registering through the pages: members in one step, guests with a confirmed email, invitations, questions."""

import re
import time
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.core import mail, signing
from django.utils import timezone

from events import tickets
from events.models import Answer, Registration
from events.services import registration as services
from tests.events.support import committed, en
from tests.factories import CategoryFactory, EventFactory, EventQuestionFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db


class SignerFourDaysAgo(signing.TimestampSigner):
    """Signs as the site did four days ago: its links have expired (they last three days)."""

    def timestamp(self):
        return signing.b62_encode(int(time.time() - 4 * 24 * 3600))


def guest_data(category, **overrides):
    return {
        "category": category.pk,
        "first_name": "Youssef",
        "last_name": "Alaoui",
        "email": "youssef@example.org",
        "organisation_name": "Oriental Invest",
        "country": "MA",
        "language": "en",
        **overrides,
    }


def guest_registered(event, email, language="fr"):
    """A guest registration waiting for its email to be confirmed."""
    category = CategoryFactory(event=event)
    return services.register_guest(
        event=event, category=category, first_name="Sara", last_name="B", email=email, language=language
    )


def link_in(message, pattern):
    return re.search(rf"https?://\S*{pattern}\S*", message.body).group(0)


# Members


def test_a_member_sees_a_one_step_form_prefilled_from_the_account(client, member):
    event = EventFactory()
    CategoryFactory(event=event, name="Participant", capacity=50)
    EventQuestionFactory(event=event, label="Dietary needs", required=True)
    client.force_login(member)

    page = client.get(en("register", event.slug)).content.decode()

    assert "Amina El Idrissi" in page
    assert "amina@example.org" in page
    assert "Participant – 50 seats left" in page
    assert "Dietary needs" in page
    assert 'name="first_name"' not in page  # nothing to retype


def test_a_member_registers_and_lands_on_the_ticket(client, member):
    event = EventFactory()
    category = CategoryFactory(event=event)
    question = EventQuestionFactory(event=event, label="Dietary needs")
    client.force_login(member)

    with committed():
        response = client.post(
            en("register", event.slug), {"category": category.pk, f"question_{question.pk}": "Sans gluten"}, follow=True
        )

    registration = Registration.objects.get(user=member)
    assert response.redirect_chain[-1][0] == en("registration", registration.pk)
    page = response.content.decode()
    assert "You are registered." in page
    assert "Sans gluten" in page
    assert "<svg" in page  # the QR code
    assert mail.outbox[0].to == ["amina@example.org"]


def test_a_required_question_left_empty_re_renders_the_form_with_an_error(client, member):
    event = EventFactory()
    category = CategoryFactory(event=event)
    EventQuestionFactory(event=event, label="Dietary needs", required=True)
    lunch = EventQuestionFactory(event=event, kind="single", choices=["Fish", "Vegetarian"], label="Lunch")
    client.force_login(member)

    response = client.post(en("register", event.slug), {"category": category.pk, f"question_{lunch.pk}": "Pizza"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "This field is required." in page
    assert "Select a valid choice." in page
    assert not Registration.objects.exists()


def test_a_second_submit_shows_the_existing_registration(client, member):
    event = EventFactory()
    category = CategoryFactory(event=event)
    registration = RegistrationFactory(event=event, category=category, user=member)
    client.force_login(member)

    response = client.post(en("register", event.slug), {"category": category.pk}, follow=True)

    assert response.redirect_chain[-1][0] == en("registration", registration.pk)
    assert "You are already registered for this event." in response.content.decode()
    assert Registration.objects.count() == 1


def test_a_full_event_offers_the_waitlist_and_says_the_position(client, member):
    event = EventFactory(capacity=1)
    category = CategoryFactory(event=event)
    RegistrationFactory(event=event, category=category)
    client.force_login(member)

    assert "Join the waitlist" in client.get(en("register", event.slug)).content.decode()
    response = client.post(en("register", event.slug), {"category": category.pk}, follow=True)

    assert "you are number 1 on the waitlist" in response.content.decode()
    assert Registration.objects.get(user=member).status == "waitlisted"


def test_a_closed_registration_shows_no_form_and_a_forced_post_gets_a_message(client, member):
    event = EventFactory(registration_closes_at=timezone.now() - timedelta(hours=1))
    category = CategoryFactory(event=event)
    client.force_login(member)

    page = client.get(en("register", event.slug)).content.decode()
    assert "Registration for this event is closed." in page
    assert 'id="registration-form"' not in page

    response = client.post(en("register", event.slug), {"category": category.pk})
    assert response.status_code == 200
    assert "Registration for this event is closed." in response.content.decode()
    assert not Registration.objects.exists()


def test_an_unpublished_event_cannot_be_registered_for(client, member):
    event = EventFactory(is_published=False)
    client.force_login(member)

    assert client.get(en("register", event.slug)).status_code == 404


# Invitation-only categories


def test_invitation_categories_are_hidden_and_refused_without_the_link(client, member):
    event = EventFactory()
    CategoryFactory(event=event, name="Participant")
    speakers = CategoryFactory(event=event, name="Speaker", visibility="invitation")
    client.force_login(member)

    assert "Speaker" not in client.get(en("register", event.slug)).content.decode()
    response = client.post(en("register", event.slug), {"category": speakers.pk})

    assert "Select a valid choice." in response.content.decode()
    assert not Registration.objects.exists()


def test_the_invitation_link_opens_its_category(client, member):
    event = EventFactory()
    speakers = CategoryFactory(event=event, name="Speaker", visibility="invitation")
    client.force_login(member)

    page = client.get(en("register_invited", event.slug, speakers.invitation_token)).content.decode()
    assert "You were invited to register in this category." in page
    client.post(en("register_invited", event.slug, speakers.invitation_token), {"category": speakers.pk})

    assert Registration.objects.get(user=member).category == speakers


def test_a_wrong_invitation_token_is_a_404(client, member):
    event = EventFactory()
    CategoryFactory(event=event, visibility="invitation")
    other_event_category = CategoryFactory(visibility="invitation")

    assert client.get(en("register_invited", event.slug, "not-a-token")).status_code == 404
    assert client.get(en("register_invited", event.slug, other_event_category.invitation_token)).status_code == 404


# Guests


def test_a_guest_registers_confirms_the_email_and_sees_the_ticket(client):
    event = EventFactory(title="Rencontre d'Oujda")
    category = CategoryFactory(event=event)
    question = EventQuestionFactory(event=event, kind="yes_no", label="Wheelchair access?")

    with committed():
        response = client.post(en("register", event.slug), {**guest_data(category), f"question_{question.pk}": "yes"})

    assert "Check your inbox" in response.content.decode()
    registration = Registration.objects.get()
    assert (registration.status, registration.user, registration.language) == ("unconfirmed", None, "en")
    assert Answer.objects.get().value is True
    assert len(mail.outbox) == 1
    assert "Confirm your registration" in mail.outbox[0].subject
    confirm_url = link_in(mail.outbox[0], "/en/events/registrations/confirm/")

    page = client.get(confirm_url).content.decode()
    assert "Confirm my registration" in page
    assert Registration.objects.get().status == "unconfirmed"  # a GET confirms nothing
    with committed():
        response = client.post(confirm_url, follow=True)

    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert registration.email_confirmed_at is not None
    assert response.redirect_chain[-1][0] == en("guest_ticket", registration.secret)
    page = response.content.decode()
    assert "Youssef Alaoui" in page
    assert "<svg" in page
    assert "/en/accounts/signup/?email=youssef%40example.org" in page  # the account offer
    ticket = mail.outbox[-1]
    assert ticket.subject.endswith("Your ticket for Rencontre d'Oujda")
    assert en("guest_ticket", registration.secret) in ticket.body  # the guest's secret link


def test_a_guest_holds_no_seat_until_the_email_is_confirmed(client):
    event = EventFactory(capacity=1)
    category = CategoryFactory(event=event)
    client.post(en("register", event.slug), guest_data(category))
    guest = Registration.objects.get()

    member_registration = services.register_member(event=event, user=UserFactory(), category=category)
    assert member_registration.status == "confirmed"

    services.confirm_guest_email(registration=guest)
    guest.refresh_from_db()
    assert guest.status == "waitlisted"


def test_registering_again_with_the_same_address_emails_the_link_and_reveals_nothing(client):
    event = EventFactory()
    category = CategoryFactory(event=event)
    with committed():
        first = client.post(en("register", event.slug), guest_data(category)).content.decode()
    confirm_url = link_in(mail.outbox[0], "/confirm/")
    with committed():
        client.post(confirm_url)
    mail.outbox.clear()

    with committed():
        again = client.post(en("register", event.slug), guest_data(category, email="YOUSSEF@example.org"))

    assert Registration.objects.count() == 1
    assert "Check your inbox" in again.content.decode()
    assert again.content.decode().count("Check your inbox") == first.count("Check your inbox")
    assert mail.outbox[0].to == ["youssef@example.org"]
    assert "already have a registration" in mail.outbox[0].body
    assert en("guest_ticket", Registration.objects.get().secret) in mail.outbox[0].body


def test_an_address_with_a_member_registration_gets_the_members_link(client, member):
    member.preferred_language = "fr"
    member.save(update_fields=["preferred_language"])
    event = EventFactory()
    category = CategoryFactory(event=event)
    registration = RegistrationFactory(event=event, category=category, user=member)

    with committed():
        client.post(en("register", event.slug), guest_data(category, email="amina@example.org"))

    assert Registration.objects.count() == 1
    assert mail.outbox[0].to == ["amina@example.org"]
    assert f"/fr/events/registrations/{registration.pk}/" in mail.outbox[0].body  # in the member's language
    assert registration.secret not in mail.outbox[0].body


def test_a_forged_or_expired_confirmation_link_is_refused(client):
    event = EventFactory()
    registration = guest_registered(event, "sara@example.org")
    forged = signing.dumps([registration.pk, "sara@example.org"], salt="another-salt")

    response = client.post(en("confirm_email", forged))
    assert response.status_code == 400
    assert "This link is invalid or has expired" in response.content.decode()

    tampered = tickets.confirm_token(registration)[:-2] + "xx"
    assert client.post(en("confirm_email", tampered)).status_code == 400

    expired = SignerFourDaysAgo(salt=tickets.CONFIRM_SALT).sign_object(
        [registration.pk, "sara@example.org"], compress=True
    )
    assert client.post(en("confirm_email", expired)).status_code == 400
    registration.refresh_from_db()
    assert registration.status == "unconfirmed"


def test_a_confirmation_link_for_a_row_now_holding_another_address_is_refused(client):
    event = EventFactory()
    registration = guest_registered(event, "a@example.org")
    token = tickets.confirm_token(registration)
    Registration.objects.filter(pk=registration.pk).update(email="b@example.org")

    assert client.post(en("confirm_email", token)).status_code == 400


def test_a_guest_confirming_after_registration_closed_gets_a_message(client):
    event = EventFactory()
    registration = guest_registered(event, "a@example.org", language="en")
    event.registration_closes_at = timezone.now() - timedelta(minutes=1)
    event.save()

    response = client.post(en("confirm_email", tickets.confirm_token(registration)))

    assert response.status_code == 200
    assert "Registration for this event is closed." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "unconfirmed"


def test_a_guest_form_with_errors_keeps_what_was_typed(client):
    event = EventFactory()
    category = CategoryFactory(event=event)

    response = client.post(en("register", event.slug), guest_data(category, email="not-an-email", first_name="Youssef"))

    page = response.content.decode()
    assert "Enter a valid email address." in page
    assert 'value="Youssef"' in page
    assert 'value="Oriental Invest"' in page
    assert not Registration.objects.exists()


def test_confirming_with_an_address_that_is_a_members_login_links_the_registration(client, member):
    event = EventFactory()
    registration = guest_registered(event, "Amina@example.org")

    services.confirm_guest_email(registration=registration)

    registration.refresh_from_db()
    assert registration.user == member
    assert registration.status == "confirmed"


# Guests who create an account


def test_confirming_an_email_address_links_the_guest_registrations_made_with_it(client):
    first = RegistrationFactory(user=None, email="Leila@example.org")
    second = RegistrationFactory(user=None, email="leila@example.org")
    someone_else = RegistrationFactory(user=None, email="other@example.org")
    user = UserFactory(email="leila@example.org", verified=False)
    address = EmailAddress.objects.create(user=user, email="leila@example.org", primary=True, verified=True)

    email_confirmed.send(sender=EmailAddress, request=None, email_address=address)

    assert set(Registration.objects.filter(user=user)) == {first, second}
    someone_else.refresh_from_db()
    assert someone_else.user is None
    client.force_login(user)
    assert first.event.title in client.get(en("my_registrations")).content.decode()


def test_linking_skips_an_event_the_member_is_already_registered_for(member):
    event = EventFactory()
    RegistrationFactory(event=event, user=member)
    guest = RegistrationFactory(event=event, user=None, email="amina.second@example.org")

    linked = services.link_guest_registrations(user=member, email="amina.second@example.org")

    assert linked == 0
    guest.refresh_from_db()
    assert guest.user is None
