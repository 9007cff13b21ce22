"""Open conflicts and "needs attention" rejections as table rows (#4)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    Qt,
)

from desktop.models.row_list import RowListModel
from sync.engine.conflicts import ConflictView
from sync.records import RECORD_TYPE_LABELS, label


class ConflictColumn(IntEnum):
    RECORD = 0
    FIELD = 1
    BEFORE = 2
    MINE = 3
    SERVER = 4
    REASON = 5


HEADERS = {
    ConflictColumn.RECORD: QT_TRANSLATE_NOOP("ConflictTableModel", "Record"),
    ConflictColumn.FIELD: QT_TRANSLATE_NOOP("ConflictTableModel", "Field"),
    ConflictColumn.BEFORE: QT_TRANSLATE_NOOP("ConflictTableModel", "Before"),
    ConflictColumn.MINE: QT_TRANSLATE_NOOP("ConflictTableModel", "Mine"),
    ConflictColumn.SERVER: QT_TRANSLATE_NOOP("ConflictTableModel", "Server's"),
    ConflictColumn.REASON: QT_TRANSLATE_NOOP("ConflictTableModel", "Why"),
}
REJECTED_FIELD = QT_TRANSLATE_NOOP("ConflictTableModel", "(whole record refused)")

# The fields a person can edit, named as the record forms name them; any other field shows
# its code (a field a newer server added is still decidable).
FIELD_NAMES = {
    "equipment_id": QT_TRANSLATE_NOOP("ConflictTableModel", "Equipment"),
    "grade": QT_TRANSLATE_NOOP("ConflictTableModel", "Grade"),
    "source": QT_TRANSLATE_NOOP("ConflictTableModel", "Source"),
    "description": QT_TRANSLATE_NOOP("ConflictTableModel", "Description"),
    "photos": QT_TRANSLATE_NOOP("ConflictTableModel", "Photos"),
    "immediate_measures": QT_TRANSLATE_NOOP("ConflictTableModel", "Immediate measures"),
    "stop_use": QT_TRANSLATE_NOOP("ConflictTableModel", "Stop use"),
    "owner": QT_TRANSLATE_NOOP("ConflictTableModel", "Owner"),
    "deadline": QT_TRANSLATE_NOOP("ConflictTableModel", "Rectification deadline"),
    "rectification": QT_TRANSLATE_NOOP("ConflictTableModel", "Rectification"),
    "verification": QT_TRANSLATE_NOOP("ConflictTableModel", "Verification"),
    "status": QT_TRANSLATE_NOOP("ConflictTableModel", "Status"),
    "operating_status": QT_TRANSLATE_NOOP("ConflictTableModel", "Operating status"),
    "remark": QT_TRANSLATE_NOOP("ConflictTableModel", "Remark"),
    "answers": QT_TRANSLATE_NOOP("ConflictTableModel", "Checklist answers"),
    "participants": QT_TRANSLATE_NOOP("ConflictTableModel", "Participants"),
    "analysis": QT_TRANSLATE_NOOP("ConflictTableModel", "Analysis"),
    "measures": QT_TRANSLATE_NOOP("ConflictTableModel", "Measures"),
    "matters_for_principal": QT_TRANSLATE_NOOP("ConflictTableModel", "Matters for the principal"),
    "next_focus": QT_TRANSLATE_NOOP("ConflictTableModel", "Next week's focus"),
    "meeting_date": QT_TRANSLATE_NOOP("ConflictTableModel", "Meeting date"),
    "place": QT_TRANSLATE_NOOP("ConflictTableModel", "Place"),
    "attendees": QT_TRANSLATE_NOOP("ConflictTableModel", "Attendees"),
    "director_report": QT_TRANSLATE_NOOP("ConflictTableModel", "Director's report"),
    "decisions": QT_TRANSLATE_NOOP("ConflictTableModel", "Decisions"),
}


def field_name_text(field: str | None) -> str:
    if not field:
        return ""
    if field in FIELD_NAMES:
        return QCoreApplication.translate("ConflictTableModel", FIELD_NAMES[field])
    return field


def value_text(value: Any) -> str:
    """A field value as a person reads it: text as is, anything else as compact JSON."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class ConflictTableModel(RowListModel):
    COLUMNS = ConflictColumn
    HEADERS = HEADERS
    CONTEXT = "ConflictTableModel"

    def set_conflicts(self, rows: Sequence[ConflictView]) -> None:
        self.set_rows(rows)

    def conflict(self, row: int) -> ConflictView:
        return self.row_at(row)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        column = ConflictColumn(index.column())
        if column == ConflictColumn.RECORD:
            return record_text(row, self._language)
        if column == ConflictColumn.FIELD:
            if row.kind == "rejected":
                return QCoreApplication.translate("ConflictTableModel", REJECTED_FIELD)
            return field_name_text(row.field_name)
        if column == ConflictColumn.BEFORE:
            return value_text(row.base_value)
        if column == ConflictColumn.MINE:
            return value_text(row.local_value)
        if column == ConflictColumn.SERVER:
            return value_text(row.server_value)
        return reason_text(row.reason, self._language)


def record_text(conflict: ConflictView, language: str) -> str:
    """Which record: its kind and, where this laptop holds it, its name ("隐患：…")."""
    kind = label(RECORD_TYPE_LABELS, conflict.record_type, language)
    if not conflict.record_name:
        return kind
    separator = ": " if language == "en" else "："
    return f"{kind}{separator}{conflict.record_name}"


def reason_text(reason: str, language: str) -> str:
    """The server's reason in ``language``."""
    # The server's reason comes as two lines: Chinese, then English.
    lines = reason.split("\n")
    if language == "en" and len(lines) > 1:
        return lines[1]
    return lines[0]
