"""Build SafeDesk's bundle and Windows installer, and check both (issue #5).

    python tools/build_installer.py bundle      # PyInstaller, build.spec -> dist/SafeDesk/
    python tools/build_installer.py self-test   # run dist/SafeDesk's --self-test (offscreen)
    python tools/build_installer.py installer   # makensis -> dist/SafeDesk-<version>-setup.exe
    python tools/build_installer.py check       # bundle, its self-test, makensis -WX (CI)
    python tools/build_installer.py sign FILE   # sign one file in place (osslsigncode)

The Makefile's `bundle`, `installer` and `bundle-check` targets call these. Version and
publisher come from pyproject.toml. Signing happens only when SAFEDESK_SIGN_PKCS12 names a
.pfx/.p12 file (password in SAFEDESK_SIGN_PASSWORD, timestamp server in
SAFEDESK_SIGN_TIMESTAMP_URL, both optional); otherwise it is skipped with a message.

On Linux the bundle is a Linux bundle: its self-test proves the spec and the frozen app, and
makensis still compiles the installer script against it, so a broken spec or script fails CI.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger("build_installer")

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"
NSIS_SCRIPT = ROOT / "installer" / "safedesk.nsi"
DIST = ROOT / "dist"
BUNDLE = DIST / "SafeDesk"
WORK = ROOT / "build"
SELF_TEST_TIMEOUT_S = 180
SELF_TEST_LOG = "selftest.log"

SIGN_CERT_ENV = "SAFEDESK_SIGN_PKCS12"
SIGN_PASSWORD_ENV = "SAFEDESK_SIGN_PASSWORD"
SIGN_TIMESTAMP_ENV = "SAFEDESK_SIGN_TIMESTAMP_URL"


class BuildError(Exception):
    """A step failed; the message says which and what to do."""


@dataclass(frozen=True)
class Release:
    version: str
    publisher: str

    @property
    def version_quad(self) -> str:
        """The four dotted numbers Windows resources need: 0.1.0rc1 gives 0.1.0.0."""
        release = re.match(r"(\d+(?:\.\d+)*)", self.version)
        parts = release.group(1).split(".")[:4] if release else []
        return ".".join(parts + ["0"] * (4 - len(parts)))

    @property
    def installer_name(self) -> str:
        return f"SafeDesk-{self.version}-setup.exe"


def read_release() -> Release:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return Release(version=project["version"], publisher=project["authors"][0]["name"])


def bundle_executable() -> Path:
    return BUNDLE / ("SafeDesk.exe" if sys.platform == "win32" else "SafeDesk")


def _run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    logger.info("$ %s", " ".join(command))
    return subprocess.run(command, check=False, **kwargs)


def build_bundle() -> Path:
    """PyInstaller from build.spec into dist/SafeDesk/, replacing any earlier bundle."""
    result = _run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK / "pyinstaller"),
            str(SPEC),
        ],
        cwd=ROOT,
    )
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed with exit code {result.returncode}")
    if not bundle_executable().exists():
        raise BuildError(f"PyInstaller finished but {bundle_executable()} is missing")
    return BUNDLE


def self_test_environment(scratch: Path) -> dict[str, str]:
    """The bundle's environment: no display means offscreen; data and logs in ``scratch``."""
    environment = dict(os.environ)
    no_display = not (environment.get("DISPLAY") or environment.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and no_display:
        environment["QT_QPA_PLATFORM"] = "offscreen"
    environment["SAFEDESK_DATA_DIR"] = str(scratch / "data")
    environment["SAFEDESK_LOG_DIR"] = str(scratch / "logs")
    return environment


def run_bundle_self_test() -> None:
    """Run ``SafeDesk --self-test`` from the bundle under a time limit and show its report.

    The report is read from the log folder, not from stdout: a windowed Windows build has no
    stdout at all.
    """
    executable = bundle_executable()
    if not executable.exists():
        raise BuildError(f"no bundle at {executable}: build it first (make bundle)")

    with tempfile.TemporaryDirectory(prefix="safedesk-selftest-") as scratch:
        environment = self_test_environment(Path(scratch))
        started = time.monotonic()
        try:
            result = _run(
                [str(executable), "--self-test"],
                env=environment,
                stdout=subprocess.DEVNULL,
                timeout=SELF_TEST_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired as error:
            raise BuildError(f"the bundle's self-test hung for {SELF_TEST_TIMEOUT_S} s") from error
        elapsed = time.monotonic() - started

        report = Path(environment["SAFEDESK_LOG_DIR"]) / SELF_TEST_LOG
        text = report.read_text(encoding="utf-8") if report.exists() else "(no report written)\n"
        sys.stdout.write(text)
    if result.returncode != 0:
        raise BuildError(f"the bundle's self-test failed with exit code {result.returncode}")
    logger.info("bundle self-test passed in %.1f s", elapsed)


def sign_file(target: Path) -> bool:
    """Sign ``target`` in place with osslsigncode when a certificate is configured.

    Returns whether it signed. Safe to repeat: a signed file is signed again from scratch.
    """
    certificate = os.environ.get(SIGN_CERT_ENV)
    if not certificate:
        logger.info("signing skipped for %s: %s is not set", target.name, SIGN_CERT_ENV)
        return False
    tool = shutil.which("osslsigncode")
    if tool is None:
        raise BuildError(f"{SIGN_CERT_ENV} is set but osslsigncode is not installed")

    signed = target.with_name(target.name + ".signed")
    command = [tool, "sign", "-pkcs12", certificate, "-h", "sha256", "-n", "SafeDesk"]
    timestamp_url = os.environ.get(SIGN_TIMESTAMP_ENV)
    if timestamp_url:
        command += ["-ts", timestamp_url]
    with tempfile.TemporaryDirectory(prefix="safedesk-sign-") as scratch:
        # The password goes through a file so it never shows in a process list or a log.
        password_file = Path(scratch) / "password"
        password_file.write_text(os.environ.get(SIGN_PASSWORD_ENV, ""), encoding="utf-8")
        command += ["-readpass", str(password_file), "-in", str(target), "-out", str(signed)]
        signed.unlink(missing_ok=True)
        result = _run(command, stdout=subprocess.DEVNULL)
    if result.returncode != 0:
        signed.unlink(missing_ok=True)
        raise BuildError(f"osslsigncode could not sign {target}")
    signed.replace(target)
    logger.info("signed %s", target)
    return True


def nsis_command(
    release: Release,
    bundle: Path,
    output: Path,
    *,
    fast: bool = False,
    sign_command: str | None = None,
) -> list[str]:
    """The makensis command line: warnings are errors, the values come from pyproject.toml."""
    command = [
        "makensis",
        "-WX",
        "-NOCONFIG",
        "-INPUTCHARSET",
        "UTF8",
        f"-DVERSION={release.version}",
        f"-DVERSION_QUAD={release.version_quad}",
        f"-DPUBLISHER={release.publisher}",
        f"-DBUNDLE_DIR={bundle.resolve().as_posix()}",
        f"-DOUTFILE={output.resolve().as_posix()}",
    ]
    if fast:
        command.append("-DFAST_COMPRESSION")
    if sign_command:
        command.append(f"-DSIGN_COMMAND={sign_command}")
    return command + [str(NSIS_SCRIPT)]


def build_installer(output: Path, *, fast: bool = False) -> Path:
    """Compile installer/safedesk.nsi against the bundle with makensis, warnings as errors.

    ``fast`` stores the files uncompressed instead of solid LZMA: the CI check wants to know
    the script compiles, not to ship the result.
    """
    makensis = shutil.which("makensis")
    if makensis is None:
        raise BuildError("makensis is missing: install NSIS (Debian: apt-get install nsis)")
    if not bundle_executable().exists():
        raise BuildError(f"no bundle at {BUNDLE}: build it first (make bundle)")

    release = read_release()
    signing = bool(os.environ.get(SIGN_CERT_ENV))
    if sys.platform == "win32":
        sign_file(bundle_executable())
    output.parent.mkdir(parents=True, exist_ok=True)
    sign_command = None
    if signing:
        # makensis runs this on the uninstaller it writes, before packing it in.
        sign_command = f'"{Path(sys.executable).as_posix()}" "{Path(__file__).as_posix()}" sign'
    command = nsis_command(release, BUNDLE, output, fast=fast, sign_command=sign_command)
    command[0] = makensis

    result = _run(command, stdout=subprocess.DEVNULL if fast else None)
    if result.returncode != 0:
        if fast:
            # Rerun to show makensis's own account of the failure.
            _run(command)
        raise BuildError(f"makensis failed with exit code {result.returncode}")
    sign_file(output)
    logger.info("installer %s, %.1f MB", output, output.stat().st_size / 1e6)
    return output


def check() -> None:
    """What CI runs: bundle, the bundle's self-test, and a warning-free makensis compile."""
    timings = {}

    started = time.monotonic()
    build_bundle()
    timings["bundle"] = time.monotonic() - started

    started = time.monotonic()
    run_bundle_self_test()
    timings["self-test"] = time.monotonic() - started

    started = time.monotonic()
    build_installer(WORK / "installer-check" / read_release().installer_name, fast=True)
    timings["makensis"] = time.monotonic() - started

    spent = ", ".join(f"{step} {seconds:.0f} s" for step, seconds in timings.items())
    logger.info("bundle check done: %s", spent)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    steps = parser.add_subparsers(dest="step", required=True)
    steps.add_parser("bundle", help="build dist/SafeDesk with PyInstaller")
    steps.add_parser("self-test", help="run the bundle's --self-test")
    installer = steps.add_parser("installer", help="compile the NSIS installer into dist/")
    installer.add_argument("--fast", action="store_true", help="no compression (checks only)")
    steps.add_parser("check", help="bundle, self-test and makensis -WX (what CI runs)")
    sign = steps.add_parser("sign", help="sign one file in place with osslsigncode")
    sign.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="build_installer: %(message)s")

    try:
        if args.step == "bundle":
            build_bundle()
        elif args.step == "self-test":
            run_bundle_self_test()
        elif args.step == "installer":
            build_installer(DIST / read_release().installer_name, fast=args.fast)
        elif args.step == "check":
            check()
        elif args.step == "sign":
            sign_file(args.file)
    except BuildError as error:
        logger.error("%s", error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
