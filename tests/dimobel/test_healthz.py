import pytest


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


@pytest.mark.django_db
def test_healthz_answers_503_when_redis_is_configured_but_down(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "redis": "down"}


@pytest.mark.django_db
@pytest.mark.skipif("not __import__('os').environ.get('REDIS_URL')", reason="needs a real Redis")
def test_healthz_checks_the_real_redis(client, settings):
    import os

    settings.REDIS_URL = os.environ["REDIS_URL"]
    assert client.get("/healthz").json()["checks"]["redis"] == "ok"


@pytest.mark.django_db
def test_healthz_answers_any_host_over_plain_http(client, settings):
    # Container health checks call it by IP, before host validation and the HTTPS redirect.
    settings.REDIS_URL = ""
    settings.ALLOWED_HOSTS = ["dimobel.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
