import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core.management import call_command
from django.core.management.base import CommandError

from demo.network.members import DEMO_TOTP_SECRETS
from network.models import User


@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_prints_the_logins(settings, capsys, taxonomies):
    settings.DEBUG = True
    call_command("seed_demo")
    first = capsys.readouterr().out
    count = User.objects.count()

    call_command("seed_demo")
    second = capsys.readouterr().out

    assert count >= 10
    assert User.objects.count() == count
    assert "(0 new object(s))" in second
    assert "admin@dimobel.org" in first
    assert "dimobel-demo-2026" in first
    assert User.objects.get(email="admin@dimobel.org").authenticator_set.filter(type="totp").exists()
    # Every demo login that opens organisers' or staff pages has its own authenticator, its secret printed.
    for email, secret in DEMO_TOTP_SECRETS.items():
        totp = TOTP(User.objects.get(email=email).authenticator_set.get(type="totp"))
        assert totp.validate_code(format_hotp_value(hotp_value(secret, int(time.time()) // 30)))
        assert secret in first
    assert len(set(DEMO_TOTP_SECRETS.values())) == len(DEMO_TOTP_SECRETS)
    amina = User.objects.get(email="amina.elidrissi@exemple.be").profile
    assert amina.city == "Bruxelles"
    assert amina.offers.filter(slug="import-export").exists()


@pytest.mark.django_db
def test_seed_demo_refuses_to_run_in_production(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not User.objects.exists()
