"""What every page needs from the network: the unread badge, and whom the member has blocked."""

from django.utils.functional import SimpleLazyObject

from network.selectors.messaging import blocked_member_ids, unread_thread_count


def unread_messages(request):
    """``unread_count`` for the top bar: one query when a page shows it, none for visitors.
    ``blocked_member_ids`` for the profile actions: one query, only on pages that use it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_count": SimpleLazyObject(lambda: unread_thread_count(user)),
        "blocked_member_ids": SimpleLazyObject(lambda: blocked_member_ids(user)),
    }
