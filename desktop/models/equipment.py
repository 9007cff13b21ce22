"""EquipmentTableModel (the register, inspection state as a chip) and EquipmentHistoryModel
(one equipment's records, each row a link to the record)."""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.models.roles import RecordRole, SortRole, TargetRole, ToneRole
from desktop.models.sync_states import sync_state_text, sync_state_tone, sync_state_tooltip
from desktop.navigation import DailyCheckTarget, HazardTarget, WeekTarget
from desktop.widgets.chips import Tone
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
    EquipmentStatus,
    HazardStatus,
    RecordStatus,
    RecordType,
    label,
)

_Index = QModelIndex | QPersistentModelIndex

INSPECTION_TONES = {
    InspectionState.EXPIRED: Tone.DANGER,
    InspectionState.DUE_SOON: Tone.WARN,
    InspectionState.OK: Tone.OK,
    InspectionState.UNKNOWN: Tone.MUTED,
}


class EquipmentColumn(IntEnum):
    # What an officer scans for first (status, inspection, sync) comes right after the name;
    # the list shares the page with the details, so the identity columns come last.
    NAME = 0
    STATUS = 1
    NEXT_INSPECTION = 2
    SYNC = 3
    KIND = 4
    CODE = 5
    LOCATION = 6


class EquipmentTableModel(QAbstractTableModel):
    """Rows of :class:`sync.equipment.EquipmentSummary`; replaced whole by ``set_equipment``."""

    def __init__(self, language: str = "zh_CN", parent=None) -> None:
        super().__init__(parent)
        self._language = language
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
            EquipmentColumn.STATUS: self.tr("Status"),
            EquipmentColumn.NEXT_INSPECTION: self.tr("Next inspection"),
            EquipmentColumn.SYNC: self.tr("Sync"),
            EquipmentColumn.KIND: self.tr("Kind"),
            EquipmentColumn.CODE: self.tr("Equipment code"),
            EquipmentColumn.LOCATION: self.tr("Location"),
        }[EquipmentColumn(section)]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        equipment = self._equipment[index.row()]
        column = EquipmentColumn(index.column())

        if role == RecordRole:
            return equipment
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(equipment, column)
        if role == SortRole:
            if column == EquipmentColumn.NEXT_INSPECTION:
                return equipment.next_inspection_date or "9999"
            return self._display(equipment, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == EquipmentColumn.NEXT_INSPECTION:
                return label(INSPECTION_STATE_LABELS, equipment.inspection, self._language)
            if column == EquipmentColumn.SYNC:
                return sync_state_tooltip(equipment.sync_state, self._language)
            return self._display(equipment, column)
        if role == ToneRole:
            if column == EquipmentColumn.NEXT_INSPECTION:
                return INSPECTION_TONES[InspectionState(equipment.inspection)]
            if column == EquipmentColumn.STATUS:
                in_use = equipment.status == EquipmentStatus.IN_USE
                return Tone.OK if in_use else Tone.MUTED
            if column == EquipmentColumn.SYNC:
                return sync_state_tone(equipment.sync_state)
        return None

    def _display(self, equipment: EquipmentSummary, column: EquipmentColumn) -> str:
        if column == EquipmentColumn.NAME:
            return equipment.name
        if column == EquipmentColumn.KIND:
            return equipment.kind_label(self._language)
        if column == EquipmentColumn.CODE:
            return equipment.equipment_code
        if column == EquipmentColumn.LOCATION:
            return equipment.location
        if column == EquipmentColumn.STATUS:
            return label(EQUIPMENT_STATUS_LABELS, equipment.status, self._language)
        if column == EquipmentColumn.SYNC:
            return sync_state_text(equipment.sync_state, self._language)
        date = equipment.next_inspection_date
        if not date:
            return label(INSPECTION_STATE_LABELS, equipment.inspection, self._language)
        # Short words: the column must fit a narrow list; the tooltip says it in full.
        if equipment.inspection == InspectionState.EXPIRED:
            return self.tr("{date} expired").format(date=date)
        if equipment.inspection == InspectionState.DUE_SOON:
            return self.tr("{date} due soon").format(date=date)
        return date


class EquipmentHistoryModel(QAbstractTableModel):
    """One equipment's records, newest first: day, kind of record, state, signer, detail.

    ``TargetRole`` leads to the record: a daily check, a hazard, or the week of a report.
    """

    DAY, RECORD, STATE, SIGNER, DETAIL, SYNC = range(6)

    def __init__(self, language: str = "zh_CN", parent=None) -> None:
        super().__init__(parent)
        self._language = language
        self._lines: list[HistoryLine] = []
        self._equipment_id = ""

    def set_history(self, equipment_id: str, lines: list[HistoryLine]) -> None:
        self.beginResetModel()
        self._equipment_id = equipment_id
        self._lines = list(lines)
        self.endResetModel()

    def line_at(self, row: int) -> HistoryLine:
        return self._lines[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Date"),
            self.tr("Record"),
            self.tr("Status"),
            self.tr("Signed by / owner"),
            self.tr("Content"),
            self.tr("Sync"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = index.column()
        if role == RecordRole:
            return line
        if role == TargetRole:
            return self.target(line)
        if role == ToneRole and column == self.STATE:
            return self._tone(line)
        if role == ToneRole and column == self.SYNC:
            return sync_state_tone(line.sync_state)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.SYNC:
            return sync_state_tooltip(line.sync_state, self._language)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(line, column)
        return None

    def target(self, line: HistoryLine):
        """Where a click on the line leads."""
        if line.record_type == RecordType.DAILY_CHECK:
            return DailyCheckTarget(self._equipment_id, line.record_id)
        if line.record_type == RecordType.HAZARD:
            return HazardTarget(line.record_id)
        year, week = line.iso_week or (0, 0)
        return WeekTarget(year, week, report_id=line.record_id)

    @staticmethod
    def _tone(line: HistoryLine) -> Tone:
        if line.record_type == RecordType.HAZARD:
            return Tone.OK if line.state == HazardStatus.CLOSED else Tone.WARN
        if line.state == RecordStatus.DRAFT:
            return Tone.INFO
        if line.record_type == RecordType.DAILY_CHECK and line.abnormal_items:
            return Tone.DANGER
        return Tone.OK

    def _display(self, line: HistoryLine, column: int) -> str:
        if column == self.DAY:
            return line.day.isoformat() if isinstance(line.day, dt.date) else str(line.day)
        if column == self.RECORD:
            return self.record_kind(line)
        if column == self.STATE:
            return self.state_text(line)
        if column == self.SIGNER:
            return line.signed_by
        if column == self.SYNC:
            return sync_state_text(line.sync_state, self._language)
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
            return label(HAZARD_STATUS_LABELS, line.state, self._language)
        if line.state == RecordStatus.DRAFT:
            return self.tr("Draft")
        if line.state == RecordStatus.SUBMITTED:
            return self.tr("Submitted")
        return line.state

    def detail_text(self, line: HistoryLine) -> str:
        parts = []
        if line.record_type == RecordType.DAILY_CHECK:
            parts.append(label(DAY_STATUS_LABELS, line.operating_status, self._language))
            if line.abnormal_items:
                parts.append(self.tr("{count} abnormal").format(count=line.abnormal_items))
        if line.detail:
            parts.append(line.detail.replace("\n", " "))
        return self.tr("; ").join(parts)
