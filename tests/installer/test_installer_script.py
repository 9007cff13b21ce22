"""The NSIS script against the rest of SafeDesk: data folder, version, and a clean compile."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path, PureWindowsPath

import pytest
from platformdirs.windows import Windows

from sync import paths

ROOT = Path(__file__).resolve().parents[2]
NSIS_SCRIPT = ROOT / "installer" / "safedesk.nsi"
LOCAL_APPDATA = r"C:\Users\wang\AppData\Local"

sys.path.insert(0, str(ROOT / "tools"))
from build_installer import Release, nsis_command, read_release  # noqa: E402


def _nsis_define(name: str) -> str:
    match = re.search(rf'^!define {name} "([^"]*)"', NSIS_SCRIPT.read_text("utf-8"), re.M)
    assert match, f"{name} is not defined in {NSIS_SCRIPT.name}"
    return match.group(1)


def _nsis_install_dir() -> str:
    match = re.search(r'^InstallDir "([^"]*)"', NSIS_SCRIPT.read_text("utf-8"), re.M)
    assert match
    return match.group(1)


def _windows_folder(posix_mixed: str) -> PureWindowsPath:
    return PureWindowsPath(posix_mixed.replace("/", "\\"))


def test_uninstall_page_names_the_folder_the_app_really_uses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # platformdirs' Windows rules, run here with %LOCALAPPDATA% given.
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", LOCAL_APPDATA)
    windows = Windows(paths.APP_NAME, paths.APP_AUTHOR, roaming=False)
    data_dir = _windows_folder(windows.user_data_dir)
    log_dir = _windows_folder(windows.user_log_dir)

    script_data_dir = PureWindowsPath(LOCAL_APPDATA, _nsis_define("DATA_SUBDIR"))

    assert data_dir == script_data_dir
    assert log_dir.is_relative_to(script_data_dir)


def test_program_folder_and_data_folder_never_overlap() -> None:
    local = PureWindowsPath(LOCAL_APPDATA)
    program = PureWindowsPath(_nsis_install_dir().replace("$LOCALAPPDATA", LOCAL_APPDATA))
    data_parent = PureWindowsPath(_nsis_define("DATA_PARENT").replace("$LOCALAPPDATA", str(local)))

    assert program.is_relative_to(local)
    assert not program.is_relative_to(data_parent)
    assert not data_parent.is_relative_to(program)


def test_version_quad_for_windows_resources() -> None:
    assert Release("0.1.0", "x").version_quad == "0.1.0.0"
    assert Release("2.3", "x").version_quad == "2.3.0.0"
    assert Release("1.4.2rc1", "x").version_quad == "1.4.2.0"
    assert read_release().installer_name.startswith("SafeDesk-")


def _makensis(bundle: Path, output: Path) -> subprocess.CompletedProcess:
    command = nsis_command(read_release(), bundle, output, fast=True)
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS is not installed")
def test_script_compiles_without_warnings_and_refuses_a_missing_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "SafeDesk"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "base_library.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    (bundle / "SafeDesk.exe").write_bytes(b"MZ")
    output = tmp_path / "SafeDesk-setup-test.exe"

    compiled = _makensis(bundle, output)
    shutil.rmtree(bundle / "_internal")
    refused = _makensis(bundle, tmp_path / "refused.exe")

    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    assert output.read_bytes()[:2] == b"MZ"
    assert refused.returncode != 0
    assert "No PyInstaller bundle" in refused.stdout + refused.stderr
