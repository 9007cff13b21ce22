"""Drive the running app from a small JSON script: for the crash test and the screenshots.

Set ``SAFEDESK_UI_SCRIPT`` to a JSON list of steps (or to the path of a file holding one). The
steps act through the real widgets: keys are typed with ``QTest`` into the widget that has the
focus, so text travels the same way a person's typing does (key event → line edit →
view-model → debounced autosave). Nothing here saves anything itself.

Steps (one key each):

- ``{"open_daily_check": EQUIPMENT_ID}``: the link the Today view follows;
- ``{"open_page": KEY}``: a page of the navigation list;
- ``{"focus": [ITEM_ID, "result"|"value"|"remark"]}``: put the focus in an item's field;
- ``{"keys": TEXT}``: type TEXT; ``{"key": "2"}``: press one key (combination);
- ``{"mark_all_normal": true}``: click the page's "mark all unanswered normal" button;
- ``{"wait_ms": N}``; ``{"touch": PATH}``: write PATH (so a test or script knows where we are);
- ``{"wait_for": PATH}``: pause until PATH exists (a screenshot taken from outside, say);
- ``{"back": true}``: the window's Back (Alt+Left);
- ``{"quit": true}``: close the window normally.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop.navigation import DailyCheckTarget

logger = logging.getLogger(__name__)

STEP_GAP_MS = 60


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget``: ASCII as key presses, other characters (Chinese) as an
    input method's commit, the way a Pinyin IME delivers them."""
    for character in text:
        if character.isascii():
            QTest.keyClick(widget, character)
            continue
        event = QInputMethodEvent()
        event.setCommitString(character)
        QApplication.sendEvent(widget, event)


class UiScript(QObject):
    """Runs the steps one after another on the UI thread, between other events."""

    def __init__(self, steps: list[dict[str, Any]], app: Any) -> None:
        super().__init__(app)
        self._steps = list(steps)
        self._app = app
        # Without a window manager (Xvfb, offscreen) the window may never become active, and
        # then Qt reports no focus widget; keys go to the widget the script focused last.
        self._target: QWidget | None = None

    @classmethod
    def from_text(cls, text: str, app: Any) -> UiScript:
        source = text.strip()
        if not source.startswith("["):
            source = Path(source).read_text(encoding="utf-8")
        return cls(json.loads(source), app)

    def start(self) -> None:
        logger.info("UI script with %d steps started", len(self._steps))
        QTimer.singleShot(300, self._next)

    def _next(self) -> None:
        if not self._steps:
            logger.info("UI script finished")
            return
        step = self._steps.pop(0)
        delay = STEP_GAP_MS
        try:
            delay = self._run(step)
        except Exception:
            logger.exception("UI script step %s failed; script stopped", step)
            return
        QTimer.singleShot(delay, self._next)

    def _page(self, key: str) -> QWidget:
        return self._app.window.page(key)

    def _run(self, step: dict[str, Any]) -> int:
        logger.debug("UI script step %s", step)
        window = self._app.window
        if "open_daily_check" in step:
            self._app.navigator.go(DailyCheckTarget(step["open_daily_check"]))
        elif "open_page" in step:
            window.show_page(step["open_page"])
        elif "focus" in step:
            item_id, part = step["focus"]
            row = self._page("daily_check").rows[item_id]
            widget = {
                "result": row.selector,
                "value": row.value_edit,
                "remark": row.remark_edit,
            }[part]
            self._page("daily_check").scroll.ensureWidgetVisible(row, 0, 120)
            window.activateWindow()
            widget.setFocus()
            self._target = widget
        elif "keys" in step:
            type_text(self._focused(), step["keys"])
        elif "key" in step:
            combination = QKeySequence(step["key"])[0]
            QTest.keyClick(self._focused(), combination.key(), combination.keyboardModifiers())
        elif step.get("mark_all_normal"):
            self._page("daily_check").mark_all_button.click()
        elif "wait_ms" in step:
            return int(step["wait_ms"])
        elif "wait_for" in step:
            if not Path(step["wait_for"]).exists():
                self._steps.insert(0, step)
                return 100
        elif step.get("back"):
            window.go_back()
        elif "touch" in step:
            Path(step["touch"]).write_text("reached", encoding="utf-8")
        elif step.get("quit"):
            window.close()
        else:
            raise ValueError(f"unknown UI script step {step}")
        return STEP_GAP_MS

    def _focused(self) -> QWidget:
        focused = QApplication.focusWidget() or self._target
        if focused is None:
            raise RuntimeError("no widget has the focus")
        return focused
