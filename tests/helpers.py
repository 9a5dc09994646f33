"""What the tests of every app share besides the factories: English URLs (tests assert our English msgids), the page's
text, logging in, "the transaction commits", and images to upload. Each app's helpers (tests/<app>/helpers.py,
tests/events/support.py) build on these."""

import io
from contextlib import contextmanager

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from PIL import Image

TEAL = (11, 85, 99)


def english_url(name, *args, query="") -> str:
    """The English address of a named page, e.g. ``english_url("network:organisation_detail", slug)``."""
    with translation.override("en"):
        return reverse(name, args=args) + query


def page(response) -> str:
    return response.content.decode()


def login(client, user):
    client.force_login(user)
    return client


@contextmanager
def committed():
    """``with committed(): ...``: what the block queued for after its commit (the emails, delivered in-process since
    tests run Celery eagerly) runs at its end, as it would when a real transaction commits. A test's own transaction
    never commits, so without this the services' emails would never leave."""
    with TestCase.captureOnCommitCallbacks(execute=True) as callbacks:
        yield callbacks


def image_bytes(*, size=(60, 40), image_format="PNG", mode="RGB", colour=TEAL) -> bytes:
    """A real image of one colour, in any format Pillow writes."""
    buffer = io.BytesIO()
    Image.new(mode, size, colour).save(buffer, format=image_format)
    return buffer.getvalue()


def image_upload(name="image.png", *, size=(60, 40), image_format="PNG", mode="RGB") -> SimpleUploadedFile:
    """An image as a browser uploads it."""
    content = image_bytes(size=size, image_format=image_format, mode=mode)
    return SimpleUploadedFile(name, content, content_type=f"image/{image_format.lower()}")
