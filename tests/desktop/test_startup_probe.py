"""SAFEDESK_EXIT_WHEN_SHOWN: the app says when its window is up and quits (start-up timing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.startup_probe import EXIT_WHEN_SHOWN_ENV, WINDOW_SHOWN_MARKER

ROOT = Path(__file__).resolve().parents[2]


def test_app_quits_once_its_window_is_shown(tmp_path: Path) -> None:
    environment = dict(os.environ)
    environment.update(
        {
            EXIT_WHEN_SHOWN_ENV: "1",
            "QT_QPA_PLATFORM": "offscreen",
            "SAFEDESK_DATA_DIR": str(tmp_path / "data"),
            "SAFEDESK_LOG_DIR": str(tmp_path / "logs"),
        }
    )

    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--demo"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert WINDOW_SHOWN_MARKER in result.stdout.splitlines()
    log = (tmp_path / "logs" / "safedesk.log").read_text(encoding="utf-8")
    assert "main window shown" in log
