import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from network.models import Profile
from network.services import ensure_profile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("taxonomies")]


def en(name, *args):
    with translation.override("en"):
        return reverse(f"network:{name}", args=args)


def image_upload(name="photo.png", size=(1600, 1200), image_format="PNG", mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, size, (181, 70, 47)).save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


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
