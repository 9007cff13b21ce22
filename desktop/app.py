"""Starting SafeDesk: options, log, store, templates, profile, then the main window.

``run(argv)`` is what the ``safedesk`` command calls. Start-up order matters: the log comes
first (so a failure to open the store is recorded), the store is opened (backed up and migrated
by ``open_store``) before anything reads it, and broken checklist templates are reported once
the window is up, naming file, item and problem, while the good ones are used.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QLockFile, QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop.context import AppContext
from desktop.dialogs.profile import ProfileDialog
from desktop.i18n import DEFAULT_LANGUAGE, LANGUAGE_SETTING, LANGUAGES, Translations
from desktop.logs import configure_logging
from desktop.main_window import MainWindow
from desktop.navigation import TODAY, Navigator, StoreEvents
from desktop.pages import discover_pages
from desktop.startup_probe import quit_when_shown_if_asked
from desktop.style import apply_style
from desktop.sync_controller import SyncController
from desktop.tasks import TaskRunner
from sync import paths
from sync.demo import seed_demo_store
from sync.errors import SafeDeskError, StoreError, TemplateError
from sync.profile import get_setting, load_profile, put_setting
from sync.store import Store, open_store
from sync.templates import TemplateLibrary

logger = logging.getLogger(__name__)

UI_SCRIPT_ENV = "SAFEDESK_UI_SCRIPT"
LOCK_FILE_NAME = "safedesk.lock"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="safedesk",
        description="SafeDesk 特种设备安全工作台: offline safety records of special equipment.",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="fill an empty store with the demo unit (a 乐山 ropeway company) and open it",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"data folder (default: ${paths.DATA_DIR_ENV}, else the per-user data folder)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the interface")
    parser.add_argument("--debug", action="store_true", help="write debug lines to the log")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (store, templates, translations, keyring, CA bundle, "
        "window), one line per check; exit code 1 if any failed",
    )
    return parser.parse_args(argv)


def _message(error: SafeDeskError, language: str) -> str:
    return error.message_en if language == "en" else error.message


class SafeDeskApp(QObject):
    """The running app: owns the store, the translators, the background runner and the window.

    ``templates_folder`` replaces ``resources/templates`` (tests use it for broken files).
    """

    def __init__(
        self,
        options: argparse.Namespace,
        *,
        templates_folder: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.options = options
        self.templates_folder = templates_folder or paths.resource_path("templates")
        self.translations = Translations()
        self.runner = TaskRunner(self)
        self.navigator = Navigator(self)
        self.events = StoreEvents(self)
        self.store: Store | None = None
        self.templates: TemplateLibrary | None = None
        self.window: MainWindow | None = None
        self.template_message: QMessageBox | None = None
        self._lock: QLockFile | None = None
        self.sync: SyncController | None = None

    def start(self) -> bool:
        """Open everything and show the window; False when the user cannot go on (told why)."""
        self.translations.install(self.options.lang or DEFAULT_LANGUAGE)

        try:
            data_folder = paths.data_dir(self.options.data_dir)
            logger.info("data folder %s", data_folder)
            self.store = open_store(data_folder)
            self._lock_data_folder(data_folder)
            if self.options.demo and seed_demo_store(self.store):
                logger.info("demo unit loaded into %s", data_folder)
        except SafeDeskError as error:
            logger.exception("store could not be opened")
            language = self.options.lang or DEFAULT_LANGUAGE
            QMessageBox.critical(None, self.tr("SafeDesk cannot start"), _message(error, language))
            return False

        language = self.options.lang or get_setting(self.store, LANGUAGE_SETTING, DEFAULT_LANGUAGE)
        self.translations.install(language)

        self.templates = TemplateLibrary.load(self.templates_folder)
        logger.info(
            "%d checklist templates loaded, %d refused",
            len(self.templates.all()),
            len(self.templates.errors),
        )

        # Made before the first-start dialog, which may sign in and download the unit with it.
        self.sync = SyncController(self.store, self.runner, self)
        if load_profile(self.store) is None:
            dialog = ProfileDialog(self.store, self.translations.language, sync=self.sync)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                logger.info("first start cancelled; nothing to open")
                return False

        self.sync.start_automatic()
        self._show_window()
        if self.templates.errors:
            self.report_template_errors(self.templates.errors)
        return True

    def _lock_data_folder(self, data_folder: Path) -> None:
        """Refuse a second SafeDesk on the same data folder: its window would show stale
        records and its autosave would overwrite what is typed in the first one.

        The lock file holds the owner's process id, so a killed SafeDesk does not block the next
        start. A lock that cannot be made for another reason is logged and not enforced.
        """
        lock = QLockFile(str(data_folder / LOCK_FILE_NAME))
        lock.setStaleLockTime(0)  # never stale by age; only when its process is gone
        if lock.tryLock(0):
            self._lock = lock
            return
        if lock.error() != QLockFile.LockError.LockFailedError:
            logger.warning("data folder lock not taken (%s); going on", lock.error())
            return
        pid = lock.getLockInfo()[0]
        logger.info("data folder %s is in use by process %s", data_folder, pid)
        raise StoreError(
            f"SafeDesk 已经打开了数据文件夹 {data_folder}（进程 {pid}）。"
            "请切换到已打开的 SafeDesk 窗口；同一文件夹不能同时打开两个。",
            f"SafeDesk is already open on the data folder {data_folder} (process {pid}). "
            "Switch to that SafeDesk window; one folder cannot be open twice.",
        )

    def _show_window(self, page_key: str = TODAY, target: object | None = None) -> None:
        profile = load_profile(self.store)
        context = AppContext(
            store=self.store,
            templates=self.templates,
            profile=profile,
            language=self.translations.language,
            runner=self.runner,
            navigator=self.navigator,
            events=self.events,
            sync=self.sync,
        )
        window = MainWindow(context, discover_pages())
        window.language_change_requested.connect(self.switch_language)
        self.window = window

        screen = window.screen().availableGeometry()
        small_screen = screen.width() <= 1440 or screen.height() <= 900
        if small_screen:
            # Without a window manager (Xvfb screenshots) "maximized" means nothing, so the
            # geometry is set too.
            window.setGeometry(screen)
            window.showMaximized()
        else:
            window.resize(window.sizeHint())
            window.show()
        window.show_page(page_key, target)

    def report_template_errors(self, errors: list[TemplateError]) -> None:
        """Tell the user which template files were refused; the app goes on without them."""
        language = self.translations.language
        lines = "\n".join(f"• {_message(error, language)}" for error in errors)
        box = QMessageBox(self.window)
        box.setObjectName("templateProblems")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Checklist templates refused"))
        box.setText(
            self.tr(
                "%n checklist template file(s) could not be used and were skipped. The other "
                "templates work as usual.",
                "",
                len(errors),
            )
        )
        box.setInformativeText(lines)
        box.open()
        self.template_message = box

    def switch_language(self, language: str) -> None:
        """Save the choice and rebuild the window in the new language, on the same page."""
        if self.window is None:
            return
        page_key = self.window.current_key or TODAY
        # A page that shows one record (the hazard being worked on) says which, so the new
        # window opens it again rather than the page's first row.
        shown = getattr(self.window.page(page_key), "shown_target", None)
        target = shown() if callable(shown) else None
        self.window.flush_all()
        put_setting(self.store, LANGUAGE_SETTING, language)
        self.translations.install(language)
        old = self.window
        self._show_window(page_key if page_key != "daily_check" else TODAY, target)
        old.close()
        old.deleteLater()

    def shutdown(self) -> None:
        """Let background work finish and close the store (after the event loop ended)."""
        if self.window is not None:
            self.window.flush_all()
        if self.sync is not None:
            # A running sync stops at its next request; what it committed stays committed.
            self.sync.shutdown()
        if not self.runner.wait_until_idle(5000):
            logger.warning("background work still running at exit")
        if self.store is not None:
            self.store.close()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        self.translations.uninstall()
        logger.info("SafeDesk stopped")


def run(argv: list[str]) -> int:
    """Start the app with command-line ``argv`` (without the program name); returns the code."""
    options = parse_args(argv)
    log_file = configure_logging(logging.DEBUG if options.debug else logging.INFO)
    logger.info(
        "SafeDesk starting: Python %s, PySide6 %s, %s; log %s",
        platform.python_version(),
        pyside_version,
        platform.platform(),
        log_file,
    )
    if options.self_test:
        from desktop.selftest import run_self_test

        return run_self_test()

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "safedesk"])
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_AUTHOR)
    apply_style(app)
    app.setWindowIcon(QIcon(str(paths.resource_path("icons", "safedesk.png"))))

    safedesk = SafeDeskApp(options)
    if not safedesk.start():
        safedesk.shutdown()
        return 1

    script = os.environ.get(UI_SCRIPT_ENV)
    if script:
        from desktop.ui_script import UiScript

        UiScript.from_text(script, safedesk).start()
    quit_when_shown_if_asked(app)

    code = app.exec()
    safedesk.shutdown()
    return code
