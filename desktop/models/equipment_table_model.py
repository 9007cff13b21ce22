"""Equipment as a table (inspection state coloured), and one equipment's history of records."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.models.roles import (
    ALERT_BACKGROUND,
    ALERT_TEXT,
    DRAFT_BACKGROUND,
    WARNING_BACKGROUND,
    WARNING_TEXT,
    RecordRole,
    SortRole,
    code_label,
    ui_language,
)
from sync.equipment import (
    INSPECTION_STATE_LABELS,
    EquipmentSummary,
    HistoryLine,
    InspectionState,
)
from sync.records import (
    DAY_STATUS_LABELS,
    EQUIPMENT_STATUS_LABELS,
    HAZARD_STATUS_LABELS,
    RecordStatus,
    RecordType,
)

_Index = QModelIndex | QPersistentModelIndex


class EquipmentColumn(IntEnum):
    # What a safety officer scans for first (state, inspection) comes right after the name.
    NAME = 0
    STATUS = 1
    NEXT_INSPECTION = 2
    KIND = 3
    CODE = 4
    LOCATION = 5


class EquipmentTableModel(QAbstractTableModel):
    """Rows of :class:`sync.equipment.EquipmentSummary`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._equipment: list[EquipmentSummary] = []

    def set_equipment(self, equipment: list[EquipmentSummary]) -> None:
        self.beginResetModel()
        self._equipment = list(equipment)
        self.endResetModel()

    def equipment_at(self, row: int) -> EquipmentSummary:
        return self._equipment[row]

    def row_of(self, equipment_id: str) -> int | None:
        for row, equipment in enumerate(self._equipment):
            if equipment.id == equipment_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._equipment)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(EquipmentColumn)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            EquipmentColumn.NAME: self.tr("Equipment name"),
            EquipmentColumn.KIND: self.tr("Kind"),
            EquipmentColumn.CODE: self.tr("Equipment code"),
            EquipmentColumn.LOCATION: self.tr("Location"),
            EquipmentColumn.STATUS: self.tr("Status"),
            EquipmentColumn.NEXT_INSPECTION: self.tr("Next inspection"),
        }[EquipmentColumn(section)]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        equipment = self._equipment[index.row()]
        column = EquipmentColumn(index.column())
        inspection_column = column == EquipmentColumn.NEXT_INSPECTION

        if role == RecordRole:
            return equipment
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(equipment, column)
        if role == SortRole:
            if inspection_column:
                return equipment.next_inspection_date or "9999"
            return self._display(equipment, column)
        if role == Qt.ItemDataRole.ToolTipRole and inspection_column:
            return code_label(INSPECTION_STATE_LABELS, equipment.inspection)
        if role == Qt.ItemDataRole.ForegroundRole and inspection_column:
            if equipment.inspection == InspectionState.EXPIRED:
                return ALERT_TEXT
            if equipment.inspection == InspectionState.DUE_SOON:
                return WARNING_TEXT
        if role == Qt.ItemDataRole.BackgroundRole and inspection_column:
            if equipment.inspection == InspectionState.EXPIRED:
                return ALERT_BACKGROUND
            if equipment.inspection == InspectionState.DUE_SOON:
                return WARNING_BACKGROUND
        return None

    def _display(self, equipment: EquipmentSummary, column: EquipmentColumn) -> str:
        if column == EquipmentColumn.NAME:
            return equipment.name
        if column == EquipmentColumn.KIND:
            return equipment.kind_label(ui_language())
        if column == EquipmentColumn.CODE:
            return equipment.equipment_code
        if column == EquipmentColumn.LOCATION:
            return equipment.location
        if column == EquipmentColumn.STATUS:
            return code_label(EQUIPMENT_STATUS_LABELS, equipment.status)
        if not equipment.next_inspection_date:
            return code_label(INSPECTION_STATE_LABELS, InspectionState.UNKNOWN)
        if equipment.inspection == InspectionState.OK:
            return equipment.next_inspection_date
        return self.tr("{date} ({state})").format(
            date=equipment.next_inspection_date,
            state=code_label(INSPECTION_STATE_LABELS, equipment.inspection),
        )


class EquipmentHistoryModel(QAbstractTableModel):
    """One equipment's records, newest first: date, kind of record, state, signer, detail."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[HistoryLine] = []

    def set_history(self, lines: list[HistoryLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line_at(self, row: int) -> HistoryLine:
        return self._lines[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Date"),
            self.tr("Record"),
            self.tr("Status"),
            self.tr("Signed by / owner"),
            self.tr("Content"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        if role == RecordRole:
            return line
        if role == Qt.ItemDataRole.BackgroundRole and line.state == RecordStatus.DRAFT:
            return DRAFT_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4:
            if line.abnormal_items:
                return ALERT_TEXT
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(line, index.column())
        return None

    def _display(self, line: HistoryLine, column: int) -> str:
        if column == 0:
            return line.day.isoformat()
        if column == 1:
            return self.record_kind(line)
        if column == 2:
            return self.state_text(line)
        if column == 3:
            return line.signed_by
        return self.detail_text(line)

    def record_kind(self, line: HistoryLine) -> str:
        if line.record_type == RecordType.DAILY_CHECK:
            kind = self.tr("Daily check")
        elif line.record_type == RecordType.HAZARD:
            kind = self.tr("Hazard")
        else:
            year, week = line.iso_week or (0, 0)
            kind = self.tr("Weekly report {year}-W{week}").format(year=year, week=week)
        if line.amends_id:
            return self.tr("{kind} (amendment)").format(kind=kind)
        return kind

    def state_text(self, line: HistoryLine) -> str:
        if line.record_type == RecordType.HAZARD:
            return code_label(HAZARD_STATUS_LABELS, line.state)
        if line.state == RecordStatus.DRAFT:
            return self.tr("Draft")
        if line.state == RecordStatus.SUBMITTED:
            return self.tr("Submitted")
        return line.state

    def detail_text(self, line: HistoryLine) -> str:
        parts = []
        if line.record_type == RecordType.DAILY_CHECK:
            parts.append(code_label(DAY_STATUS_LABELS, line.operating_status))
            if line.abnormal_items:
                parts.append(self.tr("{count} abnormal").format(count=line.abnormal_items))
        if line.detail:
            parts.append(line.detail.replace("\n", " "))
        return "；".join(parts) if ui_language() == "zh_CN" else "; ".join(parts)
