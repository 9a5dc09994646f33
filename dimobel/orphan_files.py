"""Orphan files: uploads that no row names any more (a crash between a file's save and its row's commit, a row
deleted with its parent, a deletion that failed after the commit). ``manage.py purge_orphan_files`` and the weekly
``dimobel.purge_orphan_files`` task remove them.

Only the folders that file fields upload to are swept, in every storage those fields use (MEDIA_ROOT,
PRIVATE_MEDIA_ROOT, or object storage: only the Storage API is used).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core.files.storage import Storage
from django.utils import timezone

from dimobel.files import delete_unless_referenced, file_columns, private_storage, referenced_file_names


@dataclass(frozen=True)
class StoredFile:
    storage: Storage
    name: str

    @property
    def area(self) -> str:
        return "private" if self.storage is private_storage else "media"


def _upload_folders() -> list[tuple[Storage, str]]:
    """(storage, folder) for each file field's upload_to: only these folders are swept, so a file that no field
    manages (a generated export, a folder an operator keeps in MEDIA_ROOT) is never taken for an orphan."""
    folders = {}
    for fields in file_columns().values():
        for field in fields:
            if callable(field.upload_to):
                continue  # its folder cannot be known; such files are left alone
            prefix = str(field.upload_to).split("%", 1)[0]
            folders[(id(field.storage), prefix[: prefix.rfind("/") + 1])] = field.storage
    return [(storage, folder) for (_storage_id, folder), storage in folders.items()]


def _walk(storage, folder):
    try:
        subfolders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}{name}"
    for subfolder in subfolders:
        yield from _walk(storage, f"{folder}{subfolder}/")


def orphan_files(*, min_age=timedelta(hours=1)) -> list[StoredFile]:
    """Files in the upload folders that no row names and that are older than ``min_age``: a younger file may be an
    upload whose row is not committed yet."""
    cutoff = timezone.now() - min_age
    seen = set()
    candidates = []
    for storage, folder in _upload_folders():
        for name in _walk(storage, folder):
            if (id(storage), name) not in seen and storage.get_modified_time(name) <= cutoff:
                seen.add((id(storage), name))
                candidates.append(StoredFile(storage, name))
    referenced = referenced_file_names()  # read after listing, so a row committed meanwhile keeps its file
    return [stored for stored in candidates if stored.name not in referenced]


def purge_orphan_files(*, min_age=timedelta(hours=1), dry_run=False) -> list[StoredFile]:
    """Delete the orphan files (see ``orphan_files``) and return them; ``dry_run`` only lists them. Each file is
    checked once more just before it goes."""
    orphans = orphan_files(min_age=min_age)
    if dry_run:
        return orphans
    return [stored for stored in orphans if delete_unless_referenced(stored.storage, stored.name)]
