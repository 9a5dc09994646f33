"""Per-IP limits see the client behind the reverse proxy (TRUSTED_PROXY_COUNT), and a forged X-Forwarded-For
changes nothing."""

import pytest

from dimobel.proxy import client_address
from tests.delivery import committed

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.2"  # nginx, as gunicorn sees it
CONTACT = {"name": "Youssef", "email": "y@example.org", "subject": "Salon", "message": "Bonjour"}


def post_contact(client, forwarded_for=None):
    headers = {"REMOTE_ADDR": PROXY}
    if forwarded_for:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post("/en/contact/", CONTACT, follow=True, **headers).content.decode()


def test_two_clients_behind_one_proxy_are_limited_separately(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    with committed():
        for _ in range(5):
            post_contact(client, "203.0.113.7")
        assert "Too many messages" in post_contact(client, "203.0.113.7")
        # Another visitor behind the same nginx still gets through.
        assert "Thank you" in post_contact(client, "198.51.100.4")


def test_a_forged_address_to_the_left_of_the_proxys_is_ignored(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    with committed():
        for index in range(5):
            post_contact(client, f"192.0.2.{index}, 203.0.113.7")  # the client invents the first entry
        assert "Too many messages" in post_contact(client, "192.0.2.99, 203.0.113.7")


def test_without_a_trusted_proxy_x_forwarded_for_changes_nothing(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    with committed():
        for index in range(5):
            post_contact(client, f"203.0.113.{index}")
        assert "Too many messages" in post_contact(client, "203.0.113.200")


def test_login_limits_are_per_client_behind_the_proxy(client, settings, member):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/m/ip"}

    def attempt(address):
        return client.post(
            "/en/accounts/login/",
            {"login": member.email, "password": "wrong password"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=address,
        )

    for _ in range(3):
        attempt("203.0.113.7")
    assert "Too many failed login attempts" in attempt("203.0.113.7").content.decode()
    other = attempt("198.51.100.4").content.decode()  # a wrong password, but not blocked
    assert "Too many failed login attempts" not in other
    assert "not correct" in other


@pytest.mark.parametrize(
    ("forwarded", "count", "expected"),
    [
        ("", 1, PROXY),
        ("203.0.113.7", 1, "203.0.113.7"),
        ("1.2.3.4, 203.0.113.7", 1, "203.0.113.7"),
        ("1.2.3.4, 203.0.113.7, 10.0.0.9", 2, "203.0.113.7"),
        ("203.0.113.7", 2, PROXY),  # fewer entries than proxies: not through them
        ("not-an-address", 1, PROXY),
        ("2001:db8::1", 1, "2001:db8::1"),
    ],
)
def test_the_client_is_the_address_the_outermost_trusted_proxy_saw(forwarded, count, expected):
    meta = {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}
    assert client_address(meta, count) == expected
