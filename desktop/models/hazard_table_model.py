"""Hazards as a table: grade, status, equipment, description, owner, deadline; overdue in red."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.models.roles import (
    ALERT_BACKGROUND,
    ALERT_TEXT,
    MUTED_TEXT,
    WARNING_TEXT,
    RecordRole,
    SortRole,
    code_label,
)
from sync.clock import china_now
from sync.hazards import HazardSummary, HistoryEntry
from sync.records import (
    HAZARD_GRADE_LABELS,
    HAZARD_SOURCE_LABELS,
    HAZARD_STATUS_LABELS,
    HazardGrade,
)

_Index = QModelIndex | QPersistentModelIndex


class HazardColumn(IntEnum):
    GRADE = 0
    STATUS = 1
    EQUIPMENT = 2
    DESCRIPTION = 3
    OWNER = 4
    DEADLINE = 5


_GRADE_ORDER = {HazardGrade.MAJOR: 0, HazardGrade.SERIOUS: 1, HazardGrade.GENERAL: 2}


class HazardTableModel(QAbstractTableModel):
    """Rows of :class:`sync.hazards.HazardSummary`; replace them all with :meth:`set_hazards`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hazards: list[HazardSummary] = []

    def set_hazards(self, hazards: list[HazardSummary]) -> None:
        self.beginResetModel()
        self._hazards = list(hazards)
        self.endResetModel()

    def hazard_at(self, row: int) -> HazardSummary:
        return self._hazards[row]

    def row_of(self, hazard_id: str) -> int | None:
        for row, hazard in enumerate(self._hazards):
            if hazard.id == hazard_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._hazards)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HazardColumn)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = {
            HazardColumn.GRADE: self.tr("Grade"),
            HazardColumn.STATUS: self.tr("Status"),
            HazardColumn.EQUIPMENT: self.tr("Equipment"),
            HazardColumn.DESCRIPTION: self.tr("Hazard description"),
            HazardColumn.OWNER: self.tr("Owner"),
            HazardColumn.DEADLINE: self.tr("Rectification deadline"),
        }
        return headers.get(HazardColumn(section))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        hazard = self._hazards[index.row()]
        column = HazardColumn(index.column())

        if role == RecordRole:
            return hazard
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(hazard, column)
        if role == SortRole:
            return self._sort_key(hazard, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == HazardColumn.DEADLINE and hazard.overdue:
                return self.tr("Past its deadline")
            return self._display(hazard, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if hazard.overdue:
                return ALERT_TEXT
            if hazard.status == "closed":
                return MUTED_TEXT
            if column == HazardColumn.GRADE and hazard.grade != HazardGrade.GENERAL:
                return WARNING_TEXT
        if role == Qt.ItemDataRole.BackgroundRole and hazard.overdue:
            return ALERT_BACKGROUND
        overdue_cell = column in (HazardColumn.STATUS, HazardColumn.DEADLINE)
        if role == Qt.ItemDataRole.FontRole and hazard.overdue and overdue_cell:
            bold = QFont()
            bold.setBold(True)
            return bold
        return None

    def _display(self, hazard: HazardSummary, column: HazardColumn) -> str:
        if column == HazardColumn.GRADE:
            return code_label(HAZARD_GRADE_LABELS, hazard.grade)
        if column == HazardColumn.STATUS:
            text = code_label(HAZARD_STATUS_LABELS, hazard.status)
            if hazard.overdue:
                text = self.tr("{status} · overdue").format(status=text)
            return self.tr("{status} · stopped").format(status=text) if hazard.stop_use else text
        if column == HazardColumn.EQUIPMENT:
            return hazard.equipment_name or self.tr("(whole unit)")
        if column == HazardColumn.DESCRIPTION:
            return hazard.description.replace("\n", " ")
        if column == HazardColumn.OWNER:
            return hazard.owner
        return hazard.deadline

    def _sort_key(self, hazard: HazardSummary, column: HazardColumn):
        if column == HazardColumn.GRADE:
            return _GRADE_ORDER.get(hazard.grade, 9)
        if column == HazardColumn.DEADLINE:
            return hazard.deadline
        return self._display(hazard, column)


class HazardHistoryModel(QAbstractTableModel):
    """A hazard's history, oldest first: when, who, what happened."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[HistoryEntry] = []
        self._equipment_names: dict[str, str] = {}

    def set_history(
        self, entries: list[HistoryEntry], equipment_names: dict[str, str] | None = None
    ) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._equipment_names = dict(equipment_names or {})
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Time"), self.tr("By"), self.tr("Change"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self._entries[index.row()]
        if role == RecordRole:
            return entry
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if index.column() == 0:
            return china_now(entry.happened_at).strftime("%Y-%m-%d %H:%M")
        if index.column() == 1:
            return entry.actor
        return self.describe(entry)

    def describe(self, entry: HistoryEntry) -> str:
        """One line saying what the entry changed, in the UI's language."""
        detail = entry.detail
        if entry.action == "found":
            return self.tr("Hazard recorded ({status})").format(
                status=code_label(HAZARD_STATUS_LABELS, detail.get("status", "found"))
            )
        if entry.action == "status":
            text = self.tr("{old} → {new}").format(
                old=code_label(HAZARD_STATUS_LABELS, detail.get("from", "")),
                new=code_label(HAZARD_STATUS_LABELS, detail.get("to", "")),
            )
            note = detail.get("note", "")
            return self.tr("{change}: {note}").format(change=text, note=note) if note else text
        if entry.action == "edited":
            names = [self._field_name(key) for key in detail.get("fields", {})]
            parts = [
                self._field_change(key, change) for key, change in detail.get("fields", {}).items()
            ]
            summary = "; ".join(part for part in parts if part)
            change = self.tr("Edited {fields}").format(fields=", ".join(names))
            if not summary:
                return change
            return self.tr("{change}: {note}").format(change=change, note=summary)
        return entry.action

    def _field_name(self, key: str) -> str:
        names = {
            "equipment_id": self.tr("Equipment"),
            "grade": self.tr("Grade"),
            "source": self.tr("Source"),
            "description": self.tr("Description"),
            "photos": self.tr("Photos"),
            "immediate_measures": self.tr("Immediate measures"),
            "stop_use": self.tr("Stop use"),
            "owner": self.tr("Owner"),
            "deadline": self.tr("Rectification deadline"),
            "rectification": self.tr("Rectification"),
            "verification": self.tr("Verification"),
        }
        return names.get(key, key)

    def _field_change(self, key: str, change: dict) -> str:
        """The old and new value of short fields; long texts are only named."""
        old, new = change.get("from"), change.get("to")
        if key == "grade":
            old = code_label(HAZARD_GRADE_LABELS, old or "")
            new = code_label(HAZARD_GRADE_LABELS, new or "")
        elif key == "source":
            old = code_label(HAZARD_SOURCE_LABELS, old or "")
            new = code_label(HAZARD_SOURCE_LABELS, new or "")
        elif key == "stop_use":
            old = self.tr("Yes") if old else self.tr("No")
            new = self.tr("Yes") if new else self.tr("No")
        elif key == "equipment_id":
            old = self._equipment_names.get(old or "", self.tr("(none)"))
            new = self._equipment_names.get(new or "", self.tr("(none)"))
        elif key in ("owner", "deadline"):
            pass
        else:
            return ""
        return f"{old or '—'} → {new or '—'}"
