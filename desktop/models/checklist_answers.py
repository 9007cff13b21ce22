"""The items of a weekly template with the report's answers: result and remark per item."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.models.roles import (
    ALERT_BACKGROUND,
    ALERT_TEXT,
    MUTED_TEXT,
    ChoicesRole,
    RecordRole,
)
from sync.records import ITEM_RESULT_LABELS, ItemResult, label

if TYPE_CHECKING:
    from sync.templates import ChecklistTemplate

_Index = QModelIndex | QPersistentModelIndex

CATEGORY_COLUMN, ITEM_COLUMN, RESULT_COLUMN, REMARK_COLUMN = range(4)


class ChecklistAnswersModel(QAbstractTableModel):
    """Rows are the template's items, in order; results and remarks live in ``answers``.

    Edits go to ``on_edit(item_id, result, remark)`` (the view-model), which owns the answers
    dict this model reads; the model never keeps a copy.
    """

    def __init__(self, language: str = "zh_CN", parent=None) -> None:
        super().__init__(parent)
        self._language = language
        self._template: ChecklistTemplate | None = None
        self._answers: dict[str, dict[str, str]] = {}
        self._editable = False
        self._on_edit: Callable[[str, str | None, str | None], None] | None = None

    def set_checklist(
        self,
        template: ChecklistTemplate | None,
        answers: dict[str, dict[str, str]],
        *,
        editable: bool,
        on_edit: Callable[[str, str | None, str | None], None] | None = None,
    ) -> None:
        self.beginResetModel()
        self._template = template
        self._answers = answers
        self._editable = editable
        self._on_edit = on_edit
        self.endResetModel()

    def answers_changed(self) -> None:
        """The answers dict changed behind the model's back (e.g. "all normal")."""
        if self.rowCount():
            top = self.index(0, RESULT_COLUMN)
            bottom = self.index(self.rowCount() - 1, REMARK_COLUMN)
            self.dataChanged.emit(top, bottom)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if parent.isValid() or self._template is None:
            return 0
        return len(self._template.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return (self.tr("Category"), self.tr("Items"), self.tr("Result"), self.tr("Remark"))[
            section
        ]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable and index.column() in (RESULT_COLUMN, REMARK_COLUMN):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._template is None:
            return None
        item = self._template.items[index.row()]
        answer = self._answers.get(item.id, {})
        result = answer.get("result", "")
        column = index.column()
        language = self._language

        if role == RecordRole:
            return item
        if role == ChoicesRole and column == RESULT_COLUMN:
            return [
                (code.value, label(ITEM_RESULT_LABELS, code, self._language)) for code in ItemResult
            ]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == CATEGORY_COLUMN:
                return self._category_name(item.category, language)
            if column == ITEM_COLUMN:
                return item.text(language)
            if column == RESULT_COLUMN:
                return (
                    label(ITEM_RESULT_LABELS, result, self._language)
                    if result
                    else self.tr("Not filled")
                )
            return answer.get("remark", "")
        if role == Qt.ItemDataRole.EditRole:
            if column == RESULT_COLUMN:
                return result
            if column == REMARK_COLUMN:
                return answer.get("remark", "")
        if role == Qt.ItemDataRole.ForegroundRole and column == RESULT_COLUMN:
            if result == ItemResult.ABNORMAL:
                return ALERT_TEXT
            if not result:
                return MUTED_TEXT
        if role == Qt.ItemDataRole.BackgroundRole and result == ItemResult.ABNORMAL:
            if column in (RESULT_COLUMN, REMARK_COLUMN):
                return ALERT_BACKGROUND
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or not self._editable:
            return False
        item = self._template.items[index.row()]
        if index.column() == RESULT_COLUMN:
            if value not in {code.value for code in ItemResult}:
                return False
            self._on_edit(item.id, value, None)
        elif index.column() == REMARK_COLUMN:
            self._on_edit(item.id, None, str(value))
        else:
            return False
        self.dataChanged.emit(self.index(index.row(), RESULT_COLUMN), index)
        return True

    def _category_name(self, category_id: str, language: str) -> str:
        return self._template.category(category_id).label(language)
