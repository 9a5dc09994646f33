"""The network's background work. Tasks take ids, re-fetch, and call a service; they are safe to run twice."""

from celery import shared_task

from network.services import messaging


@shared_task(
    name="network.notify_new_message",
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    retry_kwargs={"max_retries": 5},
    soft_time_limit=30,
    time_limit=60,
)
def notify_new_message(*, message_id):
    """Email the other participants of a thread about a new message (at most once per 15 minutes each)."""
    return len(messaging.notify_new_message(message_id=message_id))


@shared_task(name="network.refresh_search_index", soft_time_limit=600, time_limit=660)
def refresh_search_index():
    """Re-index every profile and organisation, e.g. after organisers renamed a sector or a kind."""
    from network.search import refresh_organisation_search, refresh_profile_search

    refresh_profile_search()
    refresh_organisation_search()
