"""Two-factor authentication for organisers' and staff pages.

Members and jurors may turn two-factor authentication on; whoever opens a page through the organiser or staff role
must have it. The rule lives where that access is granted: each app's access helpers call ``require_mfa`` on the
branch that lets the organiser or staff role in (and dimobel.middleware checks the Django admin, whose views are
not ours). A new organisers' or staff page that looks its object up with those helpers is covered without a line of
its own. ``StaffMFARequiredMiddleware`` turns the refusal into a trip to the authenticator set-up page and back.
"""

from allauth.mfa.utils import is_mfa_enabled
from django.core.exceptions import PermissionDenied


class MFARequired(PermissionDenied):
    """The person may open the page, once they have set up two-factor authentication.

    A PermissionDenied, so that without the middleware the page still refuses (403) rather than opens."""


def has_mfa(user) -> bool:
    """Kept on the user object, like the role predicates, so a request that asks twice queries once."""
    if not hasattr(user, "_has_mfa"):
        user._has_mfa = is_mfa_enabled(user)
    return user._has_mfa


def require_mfa(user) -> None:
    """Call where an access helper grants a page through the organiser or staff role."""
    if not has_mfa(user):
        raise MFARequired
