"""``safedesk --self-test``: prove that this copy of SafeDesk, from source or frozen, can work.

Each check reports one line, ``PASS`` or ``FAIL`` with what it saw, and the run exits non-zero
if any failed. The checks touch nothing of the user's: stores are made in temporary folders.
The report is written to ``selftest.log`` in the log folder every time, because a windowed
Windows build has no stdout; where there is a stdout, the lines go there as well.

The checks, in order: a new store migrated to the latest schema; the oldest-schema store fixture
upgraded with its data; every checklist template; the app's and Qt's zh_CN catalogues; the
keyring backend (and that the Windows one is bundled); the CA bundle requests uses; the main
window. Run on the UI thread, before or instead of the app's event loop.
"""

from __future__ import annotations

import importlib
import logging
import os
import platform
import shutil
import sqlite3
import ssl
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sync import paths

logger = logging.getLogger(__name__)

SELF_TEST_LOG_NAME = "selftest.log"
OLDEST_STORE_FIXTURE = Path("tests") / "fixtures" / "store-0001.sqlite3"
MODAL_WATCH_INTERVAL_MS = 200

Report = Callable[[str], None]


@dataclass(frozen=True)
class CheckOutcome:
    name: str
    passed: bool
    detail: str

    def line(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        return f"{verdict}  {self.name:<14} {self.detail}"


class CheckFailed(Exception):
    """A check saw something wrong; the message is its report line's detail."""


def write_to_console(line: str) -> None:
    """Write one report line to stdout, if this process has one.

    Product code logs rather than prints, but the self-test's report is its output, meant for a
    person or a CI job. ``print`` would raise in a windowed Windows build, where ``sys.stdout``
    is None, so the stream is checked and written directly.
    """
    stream = sys.stdout
    if stream is None:
        return
    stream.write(line + "\n")
    stream.flush()


def bundle_root() -> Path:
    """The folder that mirrors the source tree: the checkout, or ``sys._MEIPASS`` when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def prefer_offscreen() -> None:
    """Use Qt's offscreen platform on a Linux machine without a display (CI, SSH)."""
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and not has_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# The checks ----------------------------------------------------------------------------------


def check_new_store(scratch: Path) -> str:
    from sync.store import database, open_store

    store = open_store(scratch / "new-store")
    try:
        revision = database.current_revision(store.engine)
    finally:
        store.close()

    latest = database.latest_revision()
    if revision != latest:
        raise CheckFailed(f"new store is at {revision}, latest is {latest}")
    return f"new store created and migrated to {latest} (latest)"


def _table_rows(db_file: Path) -> dict[str, tuple[list[str], set[tuple]]]:
    """Each table's column names and rows, read with plain sqlite3 before any migration."""
    connection = sqlite3.connect(db_file)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
            )
        ]
        contents = {}
        for table in tables:
            cursor = connection.execute(f'SELECT * FROM "{table}"')
            columns = [column[0] for column in cursor.description]
            contents[table] = (columns, set(cursor.fetchall()))
        return contents
    finally:
        connection.close()


def _rows_after(db_file: Path, table: str, columns: list[str]) -> set[tuple]:
    connection = sqlite3.connect(db_file)
    try:
        names = ", ".join(f'"{column}"' for column in columns)
        return set(connection.execute(f'SELECT {names} FROM "{table}"').fetchall())
    finally:
        connection.close()


def check_store_upgrade(scratch: Path) -> str:
    from sync.store import database, open_store

    fixture = bundle_root() / OLDEST_STORE_FIXTURE
    if not fixture.is_file():
        raise CheckFailed(f"fixture {fixture} is missing")
    folder = scratch / "old-store"
    folder.mkdir()
    db_file = paths.store_path(folder)
    shutil.copyfile(fixture, db_file)
    before = _table_rows(db_file)

    store = open_store(folder)
    try:
        revision = database.current_revision(store.engine)
    finally:
        store.close()

    latest = database.latest_revision()
    if revision != latest:
        raise CheckFailed(f"upgraded store is at {revision}, latest is {latest}")
    lost = [
        table
        for table, (columns, rows) in before.items()
        if _rows_after(db_file, table, columns) != rows
    ]
    if lost:
        raise CheckFailed(f"rows changed or lost in: {', '.join(sorted(lost))}")
    if not any(paths.backup_dir(folder).iterdir()):
        raise CheckFailed("no backup was made before the migration")
    row_count = sum(len(rows) for _, rows in before.values())
    return f"0001 fixture upgraded to {latest}, {row_count} rows intact, backup made"


def check_templates(templates_folder: Path) -> str:
    from sync.templates import TemplateLibrary

    library = TemplateLibrary.load(templates_folder)
    if library.errors:
        refused = "; ".join(error.message_en for error in library.errors)
        raise CheckFailed(f"{len(library.errors)} template file(s) refused: {refused}")
    if not library.all():
        raise CheckFailed(f"no template found in {templates_folder}")
    return f"{len(library.all())} checklist templates loaded"


def check_translations() -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    own_file = paths.resource_path("translations", "safedesk_zh_CN.qm")
    own = QTranslator()
    if not own.load(str(own_file)) or own.isEmpty():
        raise CheckFailed(f"app catalogue {own_file} did not load")

    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator()
    if not qtbase.load("qtbase_zh_CN", qt_folder) or qtbase.isEmpty():
        raise CheckFailed(f"Qt catalogue qtbase_zh_CN not found in {qt_folder}")
    return "safedesk_zh_CN.qm and Qt's qtbase_zh_CN.qm loaded"


def _backend_names(backend: object) -> list[str]:
    chained = getattr(backend, "backends", None)
    parts = chained if chained else [backend]
    return [f"{type(part).__module__}.{type(part).__name__}" for part in parts]


def check_keyring() -> str:
    import keyring

    # Imported by name, as keyring's entry points do: it must be in the bundle on every OS.
    windows_backend = importlib.import_module("keyring.backends.Windows")
    if not hasattr(windows_backend, "WinVaultKeyring"):
        raise CheckFailed("keyring.backends.Windows has no WinVaultKeyring")

    names = _backend_names(keyring.get_keyring())
    if sys.platform == "win32" and "keyring.backends.Windows.WinVaultKeyring" not in names:
        # On Windows only the Credential Manager may hold the sync password.
        raise CheckFailed(f"resolved {', '.join(names)}, not the Windows Credential Manager")
    return f"backend {', '.join(names)}; Windows backend bundled"


def check_ca_bundle() -> str:
    import certifi
    import requests.utils

    bundle = Path(certifi.where())
    if not bundle.is_file():
        raise CheckFailed(f"certifi's CA bundle {bundle} is missing")
    used = Path(requests.utils.DEFAULT_CA_BUNDLE_PATH)
    if used.resolve() != bundle.resolve():
        raise CheckFailed(f"requests uses {used}, not certifi's {bundle}")

    # Loading it proves the file is a usable set of certificates, not just present.
    context = ssl.create_default_context(cafile=str(bundle))
    authorities = context.cert_store_stats()["x509_ca"]
    if authorities == 0:
        raise CheckFailed(f"{bundle} holds no CA certificate")
    overridden = os.environ.get("REQUESTS_CA_BUNDLE")
    note = f"; REQUESTS_CA_BUNDLE={overridden} overrides it" if overridden else ""
    return f"requests uses certifi's bundle ({authorities} CAs){note}"


def check_main_window(scratch: Path, templates_folder: Path) -> str:
    from PySide6.QtCore import QEvent, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import SafeDeskApp, parse_args
    from desktop.pages import discover_pages

    # Page modules are found by listing their package: a bundle that lacks them starts empty.
    pages = discover_pages()
    if not pages:
        raise CheckFailed("no page module found in desktop.pages")

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "safedesk"])
    options = parse_args(["--demo", "--data-dir", str(scratch / "window-data")])
    safedesk = SafeDeskApp(options, templates_folder=templates_folder)

    # A modal dialog (an error box, the profile dialog) would wait forever for a person who is
    # not there; close it and fail instead.
    dialogs_seen: list[str] = []

    def close_modal() -> None:
        modal = app.activeModalWidget()
        if modal is not None:
            dialogs_seen.append(modal.windowTitle() or type(modal).__name__)
            modal.close()

    watchdog = QTimer()
    watchdog.setInterval(MODAL_WATCH_INTERVAL_MS)
    watchdog.timeout.connect(close_modal)
    watchdog.start()
    try:
        started = safedesk.start()
        # Only a dialog that blocks start() counts; one opened without blocking (the refused
        # templates notice) belongs to a normal start.
        watchdog.stop()
        app.processEvents()
        window = safedesk.window
        shown = started and window is not None and window.isVisible()
        page = window.current_key if window is not None else None
        size = f"{window.width()}x{window.height()}" if window is not None else ""
    finally:
        watchdog.stop()
        if safedesk.template_message is not None:
            safedesk.template_message.close()
        if safedesk.window is not None:
            safedesk.window.close()
            safedesk.window.deleteLater()
        safedesk.shutdown()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()

    if dialogs_seen:
        raise CheckFailed(f"a dialog blocked the start: {', '.join(dialogs_seen)}")
    if not shown:
        raise CheckFailed("the main window was not shown")
    if page is None:
        raise CheckFailed("the main window shows no page")
    return (
        f"main window shown on page {page!r} of {len(pages)} "
        f"({size}, platform {app.platformName()})"
    )


# Running them --------------------------------------------------------------------------------


def _outcome(name: str, check: Callable[[], str]) -> CheckOutcome:
    started = time.perf_counter()
    try:
        detail = check()
        passed = True
    except CheckFailed as failure:
        detail, passed = str(failure), False
    except Exception as error:
        # Anything else is a failed check too, not a crash: the remaining checks still run.
        logger.exception("self-test check %s raised", name)
        detail, passed = f"{type(error).__name__}: {error}", False
    elapsed_ms = (time.perf_counter() - started) * 1000
    return CheckOutcome(name, passed, f"{detail} ({elapsed_ms:.0f} ms)")


def _report_file_path() -> Path | None:
    try:
        return paths.log_dir() / SELF_TEST_LOG_NAME
    except OSError:
        logger.warning("no log folder for the self-test report", exc_info=True)
        return None


def run_self_test(report: Report | None = None, *, templates_folder: Path | None = None) -> int:
    """Run every check; returns 0 if all passed, else 1.

    ``report`` receives each line (default: stdout if there is one); the same lines go to
    ``selftest.log`` in the log folder and to the app log. ``templates_folder`` replaces the
    shipped ``resources/templates`` (tests use it to show that a broken file fails the run).
    """
    report = report or write_to_console
    templates_folder = templates_folder or paths.resource_path("templates")
    prefer_offscreen()
    mode = "frozen bundle" if getattr(sys, "frozen", False) else "source"
    header = (
        f"SafeDesk self-test ({mode}, Python {platform.python_version()}, "
        f"{platform.platform()}, {sys.executable})"
    )
    lines = [header]
    report(header)
    logger.info("%s", header)

    with tempfile.TemporaryDirectory(
        prefix="safedesk-selftest-", ignore_cleanup_errors=True
    ) as scratch_name:
        scratch = Path(scratch_name)
        checks: list[tuple[str, Callable[[], str]]] = [
            ("store-new", lambda: check_new_store(scratch)),
            ("store-upgrade", lambda: check_store_upgrade(scratch)),
            ("templates", lambda: check_templates(templates_folder)),
            ("translations", check_translations),
            ("keyring", check_keyring),
            ("ca-bundle", check_ca_bundle),
            ("main-window", lambda: check_main_window(scratch, templates_folder)),
        ]
        outcomes = []
        for name, check in checks:
            outcome = _outcome(name, check)
            outcomes.append(outcome)
            lines.append(outcome.line())
            report(outcome.line())
            log = logger.info if outcome.passed else logger.error
            log("self-test %s", outcome.line())

    failed = [outcome.name for outcome in outcomes if not outcome.passed]
    if failed:
        summary = f"self-test FAILED: {', '.join(failed)} ({len(failed)} of {len(outcomes)})"
    else:
        summary = f"self-test passed: all {len(outcomes)} checks"
    lines.append(summary)
    report(summary)
    logger.info("%s", summary)

    report_file = _report_file_path()
    if report_file is not None:
        report_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 1 if failed else 0
