"""Shared test setup: Qt offscreen before any QApplication, a fresh data folder per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new, empty SafeDesk data folder; the environment points the app at it."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("SAFEDESK_DATA_DIR", str(folder))
    monkeypatch.setenv("SAFEDESK_LOG_DIR", str(tmp_path / "logs"))
    return folder
