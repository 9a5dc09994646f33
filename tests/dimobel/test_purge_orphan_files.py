"""manage.py purge_orphan_files (weekly on beat): files in the upload folders that no row names are deleted, once
they are old enough that no upload can still be on its way to its row."""

import os
import time
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command

from dimobel import tasks
from network.services import ensure_profile

pytestmark = pytest.mark.django_db


def put(path: Path, *, hours_old=0.0) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"content")
    then = time.time() - hours_old * 3600
    os.utime(path, (then, then))
    return path


def purge(*args) -> str:
    out = StringIO()
    call_command("purge_orphan_files", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def disk(member):
    """A photo a profile names, old orphans in public and private storage, a fresh upload, and a file in a folder
    no upload goes to."""
    media, private = Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)
    profile = ensure_profile(user=member)
    profile.photo.save("portrait.png", ContentFile(b"photo"), save=True)
    return {
        "referenced": put(Path(profile.photo.path), hours_old=500),
        "orphan": put(media / "photos/2024/01/forgotten.png", hours_old=500),
        "private_orphan": put(private / "consortium/documents/2024/old-plan.pdf", hours_old=500),
        "recent": put(media / "logos/2026/05/just-uploaded.png", hours_old=0.2),
        "unmanaged": put(media / "exports/report.csv", hours_old=500),
    }


def test_the_purge_deletes_old_orphans_and_keeps_referenced_recent_and_unmanaged_files(disk):
    output = purge()

    assert {name: path.exists() for name, path in disk.items()} == {
        "referenced": True,
        "orphan": False,
        "private_orphan": False,
        "recent": True,
        "unmanaged": True,
    }
    assert "media: photos/2024/01/forgotten.png" in output
    assert "private: consortium/documents/2024/old-plan.pdf" in output
    assert "2 orphan file(s) deleted." in output


def test_a_dry_run_lists_the_orphans_and_deletes_nothing(disk):
    output = purge("--dry-run")

    assert all(path.exists() for path in disk.values())
    assert "media: photos/2024/01/forgotten.png" in output
    assert "2 orphan file(s) would be deleted." in output


def test_the_minimum_age_can_be_lowered(disk):
    purge("--min-age-hours", "0")

    assert not disk["recent"].exists()
    assert disk["referenced"].exists()


def test_the_weekly_task_purges_the_same_files(disk):
    assert tasks.purge_orphan_files.delay().get() == 2
    assert not disk["orphan"].exists()
    assert disk["referenced"].exists()
