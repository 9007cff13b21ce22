"""``safedesk --self-test`` from source: every check passes, and a broken template fails it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.selftest import SELF_TEST_LOG_NAME, run_self_test
from sync import paths

ROOT = Path(__file__).resolve().parents[2]
CHECKS = (
    "store-new",
    "store-upgrade",
    "templates",
    "translations",
    "keyring",
    "ca-bundle",
    "main-window",
)


@pytest.fixture
def log_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "logs"
    monkeypatch.setenv("SAFEDESK_LOG_DIR", str(folder))
    return folder


def _verdicts(lines: list[str]) -> dict[str, str]:
    """Check name -> PASS or FAIL, from the report's check lines."""
    verdicts = {}
    for line in lines:
        words = line.split()
        if len(words) >= 2 and words[0] in ("PASS", "FAIL"):
            verdicts[words[1]] = words[0]
    return verdicts


def test_every_check_passes_from_source(qapp, log_folder: Path) -> None:
    lines: list[str] = []

    code = run_self_test(report=lines.append)

    assert code == 0, "\n".join(lines)
    assert _verdicts(lines) == dict.fromkeys(CHECKS, "PASS")
    written = (log_folder / SELF_TEST_LOG_NAME).read_text(encoding="utf-8").splitlines()
    assert written == lines


def test_broken_template_fails_the_run(qapp, log_folder: Path, tmp_path: Path) -> None:
    broken = tmp_path / "templates"
    shutil.copytree(paths.resource_path("templates"), broken)
    victim = sorted(broken.glob("*.json"))[0]
    victim.write_text('{"id": "ropeway-daily", "items": [', encoding="utf-8")
    lines: list[str] = []

    code = run_self_test(report=lines.append, templates_folder=broken)

    assert code == 1
    verdicts = _verdicts(lines)
    assert verdicts.pop("templates") == "FAIL"
    assert set(verdicts.values()) == {"PASS"}
    [templates_line] = [line for line in lines if line.split()[1:2] == ["templates"]]
    assert victim.name in templates_line
    assert lines[-1].startswith("self-test FAILED: templates")


def test_report_goes_to_the_log_folder_when_there_is_no_stdout(
    qapp, log_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A windowed Windows build starts with sys.stdout = None.
    monkeypatch.setattr(sys, "stdout", None)

    code = run_self_test()

    monkeypatch.undo()
    report = (log_folder / SELF_TEST_LOG_NAME).read_text(encoding="utf-8")
    assert code == 0, report
    assert report.count("PASS ") == len(CHECKS)


def test_command_line_flag_runs_the_self_test(tmp_path: Path) -> None:
    environment = dict(os.environ)
    environment.update(
        QT_QPA_PLATFORM="offscreen",
        SAFEDESK_LOG_DIR=str(tmp_path / "logs"),
        SAFEDESK_DATA_DIR=str(tmp_path / "data"),
    )

    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert _verdicts(result.stdout.splitlines()) == dict.fromkeys(CHECKS, "PASS")
    assert (tmp_path / "logs" / SELF_TEST_LOG_NAME).exists()
    # The user's data folder is not where the self-test works.
    assert not (tmp_path / "data" / paths.STORE_FILE_NAME).exists()
