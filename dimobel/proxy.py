"""The client's address behind reverse proxies: one setting, one place.

Behind nginx (and maybe a load balancer), REMOTE_ADDR is the last proxy's address, so every per-IP decision
(allauth's login and TOTP limits, the contact form's limit) would treat all visitors as one. Each trusted proxy
appends the address it saw to X-Forwarded-For; with ``TRUSTED_PROXY_COUNT`` = the number of proxies in front of
gunicorn, the client is the entry the outermost one appended, ``X-Forwarded-For[-TRUSTED_PROXY_COUNT]``. Entries
further left were written by the client and are ignored, so a forged header changes nothing. The middleware
rewrites REMOTE_ADDR once, at the start of each request, so everything downstream reads the real client.
"""

import ipaddress

from django.conf import settings


def client_address(meta, trusted_proxies: int) -> str:
    remote = meta.get("REMOTE_ADDR", "")
    if trusted_proxies <= 0:
        return remote
    forwarded = [part.strip() for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < trusted_proxies:
        return remote  # not through the expected proxies: keep the address the connection came from
    candidate = forwarded[-trusted_proxies]
    try:
        return str(ipaddress.ip_address(candidate.strip("[]")))
    except ValueError:
        return remote


class ClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META["REMOTE_ADDR"] = client_address(request.META, settings.TRUSTED_PROXY_COUNT)
        return self.get_response(request)
