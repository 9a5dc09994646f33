"""The network's background work. Tasks take ids, re-fetch, and call a service; they are safe to run twice."""

from celery import shared_task


@shared_task(name="network.refresh_search_index", soft_time_limit=600, time_limit=660)
def refresh_search_index() -> None:
    """Re-index every profile and organisation, e.g. after organisers renamed a sector or a kind."""
    from network.services.search import refresh_organisation_search, refresh_profile_search

    refresh_profile_search()
    refresh_organisation_search()
