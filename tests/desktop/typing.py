"""Typing into real widgets the way a Chinese input method does."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Deliver ``text`` as one committed input-method string (QTest key clicks cannot type
    Chinese), after giving the widget focus."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
