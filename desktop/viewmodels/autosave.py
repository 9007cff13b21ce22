"""Debounced autosave shared by the weekly and monthly view-models."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

logger = logging.getLogger(__name__)

# Issue #2: what was typed more than a second ago survives a crash; half a second of quiet
# typing is enough to save, and the store commits in a few milliseconds.
AUTOSAVE_DELAY_MS = 500


class Autosave(QObject):
    """Calls ``save`` once typing has paused for ``delay_ms``; ``flush`` saves at once.

    Runs on the UI thread: the save is a short local SQLite write, and keeping it on the thread
    that edits the form means no edit can slip between a save and the next one.
    """

    def __init__(
        self, save: Callable[[], None], delay_ms: int = AUTOSAVE_DELAY_MS, parent=None
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._save)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def touch(self) -> None:
        """Something changed: (re)start the quiet period."""
        self._timer.start()

    def flush(self) -> None:
        """Save now if a save is waiting (before switching records, submitting or closing)."""
        if self._timer.isActive():
            self._timer.stop()
            self._save()

    def cancel(self) -> None:
        self._timer.stop()
