"""The platform as deployed: gunicorn with production settings (DEBUG off, gunicorn.conf.py) behind Debian's nginx
running deploy/nginx/locations.conf, the same locations docker-compose's proxy serves. A member uploads a photo
through the site and sees it on their profile; static files come from nginx with long caching and compression;
private files are streamed by nginx after Django checked permission (X-Accel-Redirect) and are unreachable
directly; error pages are the site's own."""

import getpass
import gzip
import http.client
import io
import os
import secrets
import shutil
import signal
import subprocess
import sys
import uuid
from http.cookies import SimpleCookie
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from PIL import Image

from tests import processes
from tests.factories import (
    EnrolmentFactory,
    LessonFactory,
    ModuleFactory,
    ProfileFactory,
    UserFactory,
)
from tests.helpers import image_bytes

pytestmark = [pytest.mark.deploy, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


NGINX_CONF = """
user {user};  # the test's folders belong to the user running the tests
worker_processes 1;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {run}/access.log;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    upstream dimobel_web {{ server 127.0.0.1:{web_port}; keepalive 4; }}
    # As in production, where this nginx terminates TLS: Django is told the client used https.
    map $host $forwarded_proto {{ default https; }}
    client_max_body_size 25m;
    gzip on; gzip_proxied any; gzip_vary on; gzip_min_length 1024;
    gzip_types text/css application/javascript application/json image/svg+xml text/calendar text/plain;
    server {{
        listen 127.0.0.1:{port};
        {locations}
    }}
}}
"""


@pytest.fixture(scope="module")
def deployed(tmp_path_factory, django_db_setup, django_db_blocker):
    """gunicorn and nginx, started once for this module's tests, on the test database."""
    if not Path(NGINX).exists():
        if os.environ.get("CI"):
            pytest.fail("nginx is needed for the production test (apt-get install nginx-light)")
        pytest.skip("needs nginx (apt-get install nginx-light)")
    base = tmp_path_factory.mktemp("deployed")
    static, media, private, run = (base / name for name in ("static", "media", "private", "run"))
    for folder in (media, private, run):
        folder.mkdir()
    web_port, port = processes.free_port(), processes.free_port()
    secret = secrets.token_urlsafe(50)
    with django_db_blocker.unblock():
        database_url = processes.database_url()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))},
        "DEBUG": "0",
        "SECRET_KEY": secret,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"https://127.0.0.1:{port}",
        "CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{port}",
        "DATABASE_URL": database_url,
        "DATABASE_POOL": "0",
        "REDIS_URL": "",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "STATIC_ROOT": str(static),
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(private),
        "PRIVATE_MEDIA_ACCEL_REDIRECT": "/protected/",
        "TRUSTED_PROXY_COUNT": "1",
        "GUNICORN_BIND": f"127.0.0.1:{web_port}",
        "WEB_CONCURRENCY": "2",
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, timeout=300
    )
    locations = (
        (ROOT / "deploy/nginx/locations.conf")
        .read_text()
        .replace("/srv/static/", f"{static}/")
        .replace("/srv/media/", f"{media}/")
        .replace("/srv/private/", f"{private}/")
    )
    (run / "nginx.conf").write_text(
        NGINX_CONF.format(user=getpass.getuser(), run=run, web_port=web_port, port=port, locations=locations)
    )
    log = (run / "gunicorn.log").open("w")
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "dimobel.wsgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,
    )
    nginx = subprocess.Popen(
        [NGINX, "-c", str(run / "nginx.conf"), "-p", str(run), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        processes.wait_for_port(web_port)
        processes.wait_for_port(port)
        yield {"port": port, "media": media, "private": private, "secret": secret}
    finally:
        for process in (nginx, gunicorn):
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(20)
        log.close()


@pytest.fixture
def stack(deployed, settings):
    """The deployed site's port; this process shares its key (to sign members in) and its upload folders."""
    settings.SECRET_KEY = deployed["secret"]
    settings.MEDIA_ROOT = deployed["media"]
    settings.PRIVATE_MEDIA_ROOT = deployed["private"]
    return deployed["port"]


class Browser:
    """Just enough of a browser: cookies (Secure ones included: TLS ends at the proxy), Origin on POSTs."""

    def __init__(self, port, cookies=None):
        self.port = port
        self.cookies = dict(cookies or {})

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            headers["Origin"] = f"https://127.0.0.1:{self.port}"
            headers["Referer"] = f"https://127.0.0.1:{self.port}{path}"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        for value in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie(value)
            for key, morsel in cookie.items():
                self.cookies[key] = morsel.value
        conn.close()
        return response.status, response.headers, data

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post_multipart(self, path, fields, files):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, (filename, content, mimetype) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {mimetype}\r\n\r\n".encode()
                + content
                + b"\r\n"
            )
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(
            "POST", path, body=b"".join(parts), headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}
        )


def signed_in(port, user) -> Browser:
    client = Client()
    client.force_login(user)
    return Browser(port, {"sessionid": client.cookies["sessionid"].value})


def csrf_token(html: str) -> str:
    marker = 'name="csrfmiddlewaretoken" value="'
    return html.split(marker, 1)[1].split('"', 1)[0]


def test_a_photo_uploaded_through_the_site_is_served_on_the_profile_page(stack):
    member = UserFactory(email="amina@example.org", first_name="Amina", preferred_language="en")
    ProfileFactory(user=member, visibility="public")
    browser = signed_in(stack, member)

    status, _headers, body = browser.get("/en/network/me/")
    assert status == 200
    page = body.decode()
    fields = [
        ("csrfmiddlewaretoken", csrf_token(page)),
        ("headline", "Consultante export"),
        ("country", "BE"),
        ("city", "Bruxelles"),
        ("visibility", "public"),
        ("messaging", "members"),
    ]
    status, headers, _body = browser.post_multipart(
        "/en/network/me/", fields, {"photo": ("moi.png", image_bytes(size=(64, 64), colour=(200, 30, 30)), "image/png")}
    )
    assert status == 302, _body.decode()[:2000]

    status, _headers, body = browser.get(f"/en/network/members/{member.pk}/")
    assert status == 200
    profile_page = body.decode()
    photo_url = profile_page.split('src="/media/', 1)[1].split('"', 1)[0]
    status, headers, image = browser.get("/media/" + photo_url)
    assert status == 200
    assert headers["Content-Type"] == "image/png" or headers["Content-Type"].startswith("image/")
    assert "max-age=86400" in headers["Cache-Control"]
    assert Image.open(io.BytesIO(image)).getpixel((1, 1))[:3] == (200, 30, 30)


def test_static_files_come_from_nginx_cached_for_a_year_and_compressed(stack):
    status, _headers, body = Browser(stack).get("/en/")
    assert status == 200
    stylesheet = body.decode().split('href="/static/css/dimobel.', 1)[1].split('"', 1)[0]
    status, headers, css = Browser(stack).get("/static/css/dimobel." + stylesheet, **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert "immutable" in headers["Cache-Control"]
    assert headers["Content-Encoding"] == "gzip"
    assert b"{" in gzip.decompress(css)


def test_a_private_file_is_streamed_by_nginx_after_the_permission_check_and_never_directly(stack, settings):
    from autumn_school.models import Resource

    learner = UserFactory(preferred_language="en")
    module = ModuleFactory()
    lesson = LessonFactory(module=module)
    EnrolmentFactory(module=module, learner=learner)
    resource = Resource(lesson=lesson, title="Business plan template")
    resource.file.save("modele-plan.pdf", ContentFile(b"%PDF-1.4 business plan template"), save=True)

    status, headers, body = signed_in(stack, learner).get(f"/en/autumn-school/resources/{resource.pk}/")
    assert status == 200
    assert body == b"%PDF-1.4 business plan template"
    assert "X-Accel-Redirect" not in headers
    assert "attachment" in headers["Content-Disposition"]

    outsider = signed_in(stack, UserFactory())
    assert outsider.get(f"/en/autumn-school/resources/{resource.pk}/")[0] == 404
    assert Browser(stack).get("/protected/" + resource.file.name)[0] == 404  # internal only


def test_error_pages_and_the_body_limit_as_deployed(stack):
    status, _headers, body = Browser(stack).get("/ar/no-such-page/")
    assert status == 404
    assert '<html lang="ar" dir="rtl">' in body.decode()
    status, _headers, _body = Browser(stack).request(
        "POST", "/en/contact/", body=b"x" * (26 * 1024 * 1024), headers={"Content-Type": "text/plain"}
    )
    assert status == 413
