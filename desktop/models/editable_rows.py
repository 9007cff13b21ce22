"""An editable table over a list of small dicts: measures (action, owner, deadline) and
decisions (item, owner, deadline)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.models.roles import ALERT_BACKGROUND, RecordRole

_Index = QModelIndex | QPersistentModelIndex

DATE_ROLE = Qt.ItemDataRole.UserRole + 30
"""True for a column holding a ``YYYY-MM-DD`` date (the view gives it a date editor)."""


class EditableRowsModel(QAbstractTableModel):
    """Edits ``rows`` (a list owned by a form) in place; calls ``on_change`` after each edit.

    ``columns`` pairs each dict key with its header; ``date_keys`` name the date columns, whose
    text must be an ISO date before the record can be signed (a bad one is shaded).
    """

    def __init__(
        self,
        columns: list[tuple[str, str]],
        date_keys: frozenset[str] = frozenset({"deadline"}),
        make_row: Callable[[], dict[str, str]] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._columns = columns
        self._date_keys = date_keys
        self._make_row = make_row or (lambda: {key: "" for key, _ in columns})
        self._rows: list[dict[str, str]] = []
        self._editable = False
        self._on_change: Callable[[], None] = lambda: None

    def set_rows(
        self,
        rows: list[dict[str, str]],
        *,
        editable: bool,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self.beginResetModel()
        self._rows = rows
        self._editable = editable
        self._on_change = on_change or (lambda: None)
        self.endResetModel()

    @property
    def editable(self) -> bool:
        return self._editable

    def add_row(self) -> int:
        """Append an empty row; returns its number."""
        if not self._editable:
            return -1
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(self._make_row())
        self.endInsertRows()
        self._on_change()
        return position

    def remove_row(self, row: int) -> None:
        if not self._editable or not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self._on_change()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return self._columns[section][1]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if self._editable else base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = self._columns[index.column()][0]
        value = row.get(key, "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return value
        if role == Qt.ItemDataRole.ToolTipRole:
            return value or None
        if role == RecordRole:
            return row
        if role == DATE_ROLE:
            return key in self._date_keys
        if role == Qt.ItemDataRole.BackgroundRole and key in self._date_keys and value:
            if not _is_date(value):
                return ALERT_BACKGROUND
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self._editable:
            return False
        key = self._columns[index.column()][0]
        text = "" if value is None else str(value)
        if self._rows[index.row()].get(key, "") == text:
            return False
        self._rows[index.row()][key] = text
        self.dataChanged.emit(index, index)
        self._on_change()
        return True


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
