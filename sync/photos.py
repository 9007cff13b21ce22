"""Photos attached to records, kept once per content in the data folder's ``photos/``.

A photo is named by the SHA-256 of its bytes, so attaching the same picture twice stores it
once, and the sync engine can upload it content-addressed (#3). Records hold references
(``{"sha256", "file_name", "media_type"}``), never the bytes.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from sync import paths
from sync.errors import StoreError, ValidationError
from sync.store.database import Store
from sync.store.models import Photo

logger = logging.getLogger(__name__)

# A phone photo is 2-8 MB; anything far larger is likely a wrong file and would choke the sync.
MAX_PHOTO_BYTES = 25 * 1024 * 1024
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".webp", ".bmp", ".gif")


def _sha256_of(source: Path) -> str:
    digest = hashlib.sha256()
    with source.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def photo_file(data_folder: Path, reference: dict[str, Any]) -> Path:
    """Where the bytes of a photo reference live in ``data_folder``."""
    suffix = Path(reference.get("file_name", "")).suffix.lower()
    return paths.photo_dir(data_folder) / f"{reference['sha256']}{suffix}"


def import_photo(store: Store, source: Path) -> dict[str, Any]:
    """Copy a picture file into the data folder and return the reference a record keeps.

    Safe to repeat: the same bytes give the same reference and one stored file. The copy is
    written to a temporary name and renamed, so a crash never leaves a half file under the
    final name. Raises ValidationError for a missing, empty, oversized or non-picture file.
    """
    if not source.is_file():
        raise ValidationError(f"找不到照片文件：{source}", f"Photo file not found: {source}")
    if source.suffix.lower() not in PHOTO_SUFFIXES:
        raise ValidationError(f"不是照片文件：{source.name}", f"Not a picture file: {source.name}")
    size = source.stat().st_size
    if size == 0 or size > MAX_PHOTO_BYTES:
        raise ValidationError(
            f"照片大小不合适（{size // 1024} KB）：{source.name}",
            f"Photo size not accepted ({size // 1024} KB): {source.name}",
        )

    sha256 = _sha256_of(source)
    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    reference = {"sha256": sha256, "file_name": source.name, "media_type": media_type}
    target = photo_file(store.data_folder, reference)

    if not target.exists():
        try:
            handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
            os.close(handle)
            shutil.copyfile(source, temporary)
            os.replace(temporary, target)
        except OSError as error:
            raise StoreError(
                f"照片无法保存：{error}", f"The photo could not be saved: {error}"
            ) from error

    with store.session() as session:
        if session.get(Photo, sha256) is None:
            session.add(
                Photo(sha256=sha256, file_name=source.name, size_bytes=size, media_type=media_type)
            )
    logger.info("photo %s stored (%d KB)", sha256[:12], size // 1024)
    return reference
