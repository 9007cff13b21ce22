"""The plumbing the read-only record lists share: rows replaced whole, columns from an enum,
headers translated in the model's own context."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt


class RowListModel(QAbstractTableModel):
    """A subclass names ``COLUMNS`` (its column enum), ``HEADERS`` (column -> English title,
    marked with QT_TRANSLATE_NOOP) and ``CONTEXT`` (that translation context)."""

    COLUMNS: ClassVar[type[IntEnum]]
    HEADERS: ClassVar[dict]
    CONTEXT: ClassVar[str]

    def __init__(self, language: str = "zh_CN", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        # A full reset: the lists are short and come whole from the sync/ services.
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            title = self.HEADERS[self.COLUMNS(section)]
            return QCoreApplication.translate(self.CONTEXT, title)
        return None
