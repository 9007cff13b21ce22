"""Photos reach the server chunk by chunk; a run killed mid-photo resumes where it stopped."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
from pathlib import Path

from sync.daily_checks import store_photo
from sync.store.models import Photo
from tests.engine.conftest import GONDOLA, Laptop, ReferenceServer
from tests.engine.test_headless import run_cli
from tests.record_factories import add_hazard

DAY = dt.date(2026, 3, 12)


def _picture(folder: Path, size: int) -> Path:
    path = folder / "brake.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(size - 4))
    return path


def _server_blob(server: ReferenceServer, sha256: str) -> Path:
    return server.settings.data_dir / "blobs" / sha256[:2] / sha256


def test_photo_uploads_in_chunks_once(
    tmp_path: Path, laptops: list[Laptop], reference_server: ReferenceServer
) -> None:
    laptop = laptops[0]
    picture = _picture(tmp_path, 50_000)
    photo = store_photo(laptop.store, picture)
    add_hazard(laptop.store, GONDOLA, found=DAY, deadline=DAY)
    progress: list[tuple[str, int, int]] = []

    result = laptop.sync(chunk_size=16_384, progress=lambda *step: progress.append(step))

    assert result.completed, result.summary()
    assert (result.uploaded, result.uploaded_bytes) == (1, 50_000)
    assert ("photos", 50_000, 50_000) in progress
    assert _server_blob(reference_server, photo.sha256).read_bytes() == picture.read_bytes()
    with laptop.store.session() as session:
        assert session.get(Photo, photo.sha256).uploaded
    assert laptop.sync().uploaded == 0


def test_killed_mid_photo_resumes_from_the_servers_offset(
    tmp_path: Path, laptops: list[Laptop], reference_server: ReferenceServer
) -> None:
    laptop = laptops[0]
    picture = _picture(tmp_path, 700_000)  # three chunks of 256 KiB
    photo = store_photo(laptop.store, picture)

    killed = run_cli(laptop.folder, reference_server.base_url, kill_at="photo_chunk_sent")
    assert killed.returncode == -signal.SIGKILL
    assert not _server_blob(reference_server, photo.sha256).exists()

    resumed = run_cli(laptop.folder, reference_server.base_url)
    assert resumed.returncode == 0, resumed.stderr + resumed.stdout
    assert "uploaded 1" in resumed.stdout
    stored = _server_blob(reference_server, photo.sha256).read_bytes()
    assert hashlib.sha256(stored).hexdigest() == photo.sha256
    with laptop.store.session() as session:
        assert session.get(Photo, photo.sha256).uploaded
