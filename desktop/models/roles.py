"""Item roles and colours shared by SafeDesk's table models."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from sync.records import label

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's record (a frozen dataclass from ``sync``)."""

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""A value that sorts the column as a person expects (dates as ISO text, counts as numbers)."""

CHOICES_ROLE = Qt.ItemDataRole.UserRole + 3
"""For an editable choice cell: the [(code, label)] a combo box offers."""

ALERT_TEXT = QColor("#b71c1c")
ALERT_BACKGROUND = QColor("#fdecea")
WARNING_TEXT = QColor("#8a5300")
WARNING_BACKGROUND = QColor("#fff4e0")
GOOD_BACKGROUND = QColor("#e8f5e9")
DRAFT_BACKGROUND = QColor("#e3f2fd")
MUTED_TEXT = QColor("#757575")


def ui_language() -> str:
    """``zh_CN`` or ``en``: the language the application was started in."""
    app = QCoreApplication.instance()
    value = app.property("safedesk_language") if app is not None else None
    return value if value in ("zh_CN", "en") else "zh_CN"


def code_label(table: dict, code: str) -> str:
    """A vocabulary code of ``sync.records`` as a person reads it, in the UI's language."""
    return label(table, code, ui_language())
