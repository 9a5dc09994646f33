"""Signal receivers: a member who confirms an email address gets the guest registrations made with it."""

from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from events.services.registration import link_guest_registrations


@receiver(email_confirmed, dispatch_uid="events.link_guest_registrations")
def link_registrations_on_email_confirmed(sender, request, email_address, **kwargs):
    link_guest_registrations(user=email_address.user, email=email_address.email)
