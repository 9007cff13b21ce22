"""Quit as soon as the main window is up, for start-up timing (benchmarks/startup.py) and the
Windows installer scenario (installer/windows-scenario.ps1).

When ``SAFEDESK_EXIT_WHEN_SHOWN`` is set, the app, once its window has been shown and the event
loop has run once, writes ``SAFEDESK_WINDOW_SHOWN`` on a line of its own to stdout (if there is
one; the Windows build has none) and quits with exit code 0. Nothing changes without it.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.selftest import write_to_console

logger = logging.getLogger(__name__)

EXIT_WHEN_SHOWN_ENV = "SAFEDESK_EXIT_WHEN_SHOWN"
WINDOW_SHOWN_MARKER = "SAFEDESK_WINDOW_SHOWN"


def quit_when_shown_if_asked(app: QApplication) -> None:
    """Arm the probe if the environment asks for it; call after the window was shown."""
    if not os.environ.get(EXIT_WHEN_SHOWN_ENV):
        return

    def announce_and_quit() -> None:
        logger.info("main window shown; quitting as %s asks", EXIT_WHEN_SHOWN_ENV)
        write_to_console(WINDOW_SHOWN_MARKER)
        app.quit()

    # A zero timer fires once the loop has handled the show and first paint events queued so far.
    QTimer.singleShot(0, announce_and_quit)
