"""The app's log: one rotating file in the log folder, and nothing that needs a console.

A windowed Windows build has no stdout or stderr (``sys.stderr is None``), so every handler
here checks before it writes there; Qt's own warnings and Python's warnings are routed into the
log file too.
"""

from __future__ import annotations

import logging
import sys
import tempfile
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from sync import paths

logger = logging.getLogger(__name__)

LOG_FILE_NAME = "safedesk.log"
LOG_FILE_BYTES = 2 * 1024 * 1024
LOG_FILE_BACKUPS = 5
LOG_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class _SafeDeskHandler:
    """Marks the handlers this module installed, so a second start replaces them."""


def _log_folder() -> Path:
    try:
        return paths.log_dir()
    except OSError:
        # A log folder we cannot create must not stop the officer's work.
        folder = Path(tempfile.gettempdir()) / "SafeDesk-logs"
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def _qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)


_telling_user = False


def _log_uncaught(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    """Log an exception nobody caught (a bug), and tell the user where the details are.

    PySide6 hands exceptions raised in slots to this hook and carries on, so without it a bug
    in a windowed build would vanish without a word.
    """
    global _telling_user
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    logger.critical("uncaught exception", exc_info=(kind, error, trace))
    if _telling_user or QApplication.instance() is None:
        return
    _telling_user = True
    try:
        QMessageBox.critical(
            None,
            QCoreApplication.translate("Logs", "Unexpected error"),
            QCoreApplication.translate(
                "Logs",
                "SafeDesk ran into an unexpected error. What was saved is safe. The details "
                "are in the log file:\n{file}",
            ).format(file=_log_folder() / LOG_FILE_NAME),
        )
    finally:
        _telling_user = False


def configure_logging(level: int = logging.INFO) -> Path:
    """Send the app's log records to the rotating file; returns the file's path.

    Safe to call again (tests start the app more than once in one process).
    """
    log_file = _log_folder() / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _SafeDeskHandler):
            root.removeHandler(handler)
            handler.close()

    class FileHandler(_SafeDeskHandler, RotatingFileHandler):
        pass

    file_handler = FileHandler(
        log_file, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_BACKUPS, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(file_handler)

    if sys.stderr is not None:

        class ConsoleHandler(_SafeDeskHandler, logging.StreamHandler):
            pass

        console = ConsoleHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(console)

    root.setLevel(level)
    logging.captureWarnings(True)
    sys.excepthook = _log_uncaught
    qInstallMessageHandler(_qt_message)
    return log_file
