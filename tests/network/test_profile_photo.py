import functools
import io
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from PIL import Image

from network.forms import ProfileForm
from network.models import Profile
from network.services import ensure_profile
from network.services.profiles import update_profile
from tests import helpers
from tests.delivery import committed
from tests.factories import PASSWORD
from tests.network.helpers import en

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("taxonomies")]


def image_upload(name="photo.png", **options):
    """A photo larger than the 512 pixels a profile keeps."""
    return helpers.image_upload(name, **{"size": (1600, 1200), **options})


def profile_data(**extra):
    return {
        "headline": "Consultante export Casablanca–Anvers",
        "bio": "",
        "country": "MA",
        "city": "Casablanca",
        "expertise": "",
        "website": "",
        "linkedin": "",
        "visibility": Profile.Visibility.MEMBERS,
        "messaging": Profile.Messaging.MEMBERS,
        **extra,
    }


def test_the_profile_form_is_multipart_and_has_a_photo_field(client, member):
    client.force_login(member)
    page = client.get(en("profile_edit")).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'name="photo"' in page


def test_a_member_uploads_a_photo_that_is_resized_and_shown(client, member, other_member):
    client.force_login(member)

    response = client.post(en("profile_edit"), profile_data(photo=image_upload()))

    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    with Image.open(profile.photo.path) as photo:
        assert max(photo.size) <= 512
        assert photo.format == "PNG"
    assert 'id="current-photo"' in client.get(en("profile_edit")).content.decode()
    client.force_login(other_member)
    page = client.get(en("profile_detail", member.pk)).content.decode()
    assert f'src="{profile.photo.url}"' in page
    assert "avatar-lg" in page


def test_a_jpeg_photo_loses_its_metadata(client, member):
    client.force_login(member)
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x010F] = "Appareil secret"  # camera make; GPS would be stripped the same way
    Image.new("RGB", (800, 600), (11, 85, 99)).save(buffer, format="JPEG", exif=exif)
    upload = SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")

    client.post(en("profile_edit"), profile_data(photo=upload))

    with Image.open(Profile.objects.get(user=member).photo.path) as photo:
        assert not photo.getexif()


def test_a_text_file_renamed_png_is_refused_and_nothing_typed_is_lost(client, member):
    client.force_login(member)
    fake = SimpleUploadedFile("photo.png", b"Je ne suis pas une image.", content_type="image/png")

    response = client.post(en("profile_edit"), profile_data(photo=fake))

    page = response.content.decode()
    assert response.status_code == 200
    assert "This file is not an image we can read." in page
    assert "Consultante export Casablanca–Anvers" in page
    profile = ensure_profile(user=member)
    assert not profile.photo
    assert profile.headline == ""


def test_a_gif_is_refused(client, member):
    client.force_login(member)
    response = client.post(en("profile_edit"), profile_data(photo=image_upload("photo.gif", image_format="GIF")))
    assert "Use a JPEG, PNG or WebP image." in response.content.decode()
    assert not ensure_profile(user=member).photo


def test_a_photo_over_5_mb_is_refused(client, member):
    client.force_login(member)
    too_big = SimpleUploadedFile("photo.png", b"\x89PNG" + b"0" * (5 * 1024 * 1024), content_type="image/png")

    response = client.post(en("profile_edit"), profile_data(photo=too_big))

    assert response.status_code == 200
    assert "The file is too large" in response.content.decode()
    assert not ensure_profile(user=member).photo


def test_saving_without_a_new_file_keeps_the_photo_and_clear_removes_it(client, member):
    client.force_login(member)
    client.post(en("profile_edit"), profile_data(photo=image_upload()))
    name = Profile.objects.get(user=member).photo.name

    client.post(en("profile_edit"), profile_data(city="Rabat"))
    profile = Profile.objects.get(user=member)
    assert (profile.photo.name, profile.city) == (name, "Rabat")

    client.post(en("profile_edit"), profile_data(**{"photo-clear": "on"}))
    assert not Profile.objects.get(user=member).photo


# The pixel budget: refused on the header, before anything is decoded


@functools.cache
def one_colour_png(width, height, *, rows=None) -> bytes:
    """A valid PNG of one colour (grey, one bit a pixel), written chunk by chunk: its rows are compressed as they
    are made, so the test never holds the pixels it declares. With fewer ``rows`` only the header is whole."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = bytes(1 + (width + 7) // 8)  # a filter byte, then the row's bits
    compressor = zlib.compressobj(9)
    pixels = b"".join(compressor.compress(row) for _ in range(height if rows is None else rows)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def test_a_photo_of_13350_by_13350_pixels_is_refused_with_its_size_and_nothing_is_saved(client, member):
    client.force_login(member)
    huge = SimpleUploadedFile("photo.png", one_colour_png(13_350, 13_350), content_type="image/png")
    assert huge.size < 5 * 1024 * 1024  # small on disk: only its pixel count gives it away

    response = client.post(en("profile_edit"), profile_data(photo=huge))

    page = response.content.decode()
    assert response.status_code == 200
    assert "This image is too large (13,350 × 13,350 pixels); the limit is 40 megapixels." in page
    assert "Consultante export Casablanca–Anvers" in page  # what was typed is kept
    assert not ensure_profile(user=member).photo
    assert not [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def test_the_pixel_budget_is_explained_in_the_members_language(client, member):
    client.force_login(member)
    huge = SimpleUploadedFile("photo.png", one_colour_png(13_350, 13_350), content_type="image/png")

    with translation.override("fr"):
        url = reverse("network:profile_edit")
    page = client.post(url, profile_data(photo=huge)).content.decode()

    assert "13\xa0350 × 13\xa0350" in page  # numbers written the French way


def test_an_image_beyond_pillows_own_bomb_limit_is_refused_without_a_500(client, member):
    """Over ~179 Mpx Pillow itself refuses to open the file; the member still gets the budget, not an error page.
    Only the header matters: the file is refused before its pixel data is read."""
    client.force_login(member)
    header_only = SimpleUploadedFile("photo.png", one_colour_png(20_000, 20_000, rows=1), content_type="image/png")

    response = client.post(en("profile_edit"), profile_data(photo=header_only))

    assert response.status_code == 200
    assert "This image is too large" in response.content.decode()
    assert "the limit is 40 megapixels." in response.content.decode()
    assert not ensure_profile(user=member).photo


def test_an_image_within_the_budget_is_still_accepted(client, member):
    client.force_login(member)
    response = client.post(en("profile_edit"), profile_data(photo=image_upload(size=(4000, 3000))))
    assert response.status_code == 302
    with Image.open(Profile.objects.get(user=member).photo.path) as photo:
        assert max(photo.size) <= 512


CHECK_IN_A_FRESH_PROCESS = """
import resource, sys
import django
django.setup()
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from dimobel.files import clean_image
with open(sys.argv[1], "rb") as handle:
    upload = SimpleUploadedFile("photo.png", handle.read(), content_type="image/png")
peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    clean_image(upload)
    print("accepted")
except ValidationError as error:
    print(error.code)
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) // 1024)
"""


def test_refusing_the_huge_image_does_not_decode_it(tmp_path):
    """Decoded, the image would take 178 MB (Pillow keeps a byte a pixel even for one-bit images); refused on its
    header, the worker's peak memory hardly moves. Measured in a fresh process, whose peak is its own."""
    path = tmp_path / "huge.png"
    path.write_bytes(one_colour_png(13_350, 13_350))

    result = subprocess.run(
        [sys.executable, "-c", CHECK_IN_A_FRESH_PROCESS, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "dimobel.settings"},
        timeout=120,
    )

    code, peak_growth_mb = result.stdout.split()
    assert code == "image_too_many_pixels"
    assert int(peak_growth_mb) < 40


# A replaced or cleared photo leaves the disk once the change commits


def stored_photo(member) -> Path:
    return Path(Profile.objects.get(user=member).photo.path)


def test_replacing_the_photo_deletes_the_old_file_only_once_the_change_commits(
    client, member, django_capture_on_commit_callbacks
):
    client.force_login(member)
    with committed():
        client.post(en("profile_edit"), profile_data(photo=image_upload("first.png")))
    first = stored_photo(member)

    with django_capture_on_commit_callbacks() as after_commit:
        client.post(en("profile_edit"), profile_data(photo=image_upload("second.png")))
        assert first.exists()  # not committed yet: the old photo is still there
    for callback in after_commit:
        callback()

    assert not first.exists()
    assert stored_photo(member).exists()
    assert stored_photo(member) != first


def test_clearing_the_photo_deletes_its_file(client, member):
    client.force_login(member)
    with committed():
        client.post(en("profile_edit"), profile_data(photo=image_upload()))
    photo = stored_photo(member)

    with committed():
        client.post(en("profile_edit"), profile_data(**{"photo-clear": "on"}))

    assert not Profile.objects.get(user=member).photo
    assert not photo.exists()


def save_then_fail(profile, form):
    with transaction.atomic():
        update_profile(profile=profile, form=form)
        raise RuntimeError("the database gave up after the save")


def test_a_rolled_back_replacement_keeps_the_old_photo(member):
    profile = ensure_profile(user=member)
    with committed():
        update_profile(profile=profile, form=ProfileForm(profile_data(), {"photo": image_upload()}, instance=profile))
    photo = stored_photo(member)
    profile = Profile.objects.get(user=member)
    form = ProfileForm(profile_data(), {"photo": image_upload("new.png")}, instance=profile)
    assert form.is_valid()

    with committed(), pytest.raises(RuntimeError):
        save_then_fail(profile, form)

    assert stored_photo(member) == photo
    assert photo.exists()


def test_a_photo_another_row_still_names_is_kept(client, member, other_member):
    client.force_login(member)
    with committed():
        client.post(en("profile_edit"), profile_data(photo=image_upload()))
    photo = stored_photo(member)
    Profile.objects.filter(pk=ensure_profile(user=other_member).pk).update(photo=photo.relative_to(settings.MEDIA_ROOT))

    with committed():
        client.post(en("profile_edit"), profile_data(**{"photo-clear": "on"}))

    assert photo.exists()
    assert stored_photo(other_member) == photo


def test_deleting_the_account_deletes_the_photo(client, member):
    client.force_login(member)
    with committed():
        client.post(en("profile_edit"), profile_data(photo=image_upload()))
    photo = stored_photo(member)

    with committed():
        response = client.post(en("delete_my_account"), {"password": PASSWORD})

    assert response.status_code == 302
    assert not Profile.objects.filter(user_id=member.pk).exists()
    assert not photo.exists()
