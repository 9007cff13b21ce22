"""HazardTableModel: hazards (``sync.hazards.HazardSummary``) as table rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)

from desktop.models.roles import RecordRole, SortRole, TargetRole, ToneRole
from desktop.models.row_list import RowListModel
from desktop.models.sync_states import sync_state_text, sync_state_tone, sync_state_tooltip
from desktop.navigation import HazardTarget
from desktop.widgets.chips import Tone
from sync.clock import china_today
from sync.hazards import HazardSummary
from sync.records import (
    HAZARD_GRADE_LABELS,
    HAZARD_STATUS_LABELS,
    HazardGrade,
    label,
)


class HazardColumn(IntEnum):
    DEADLINE = 0
    EQUIPMENT = 1
    GRADE = 2
    STATUS = 3
    DESCRIPTION = 4
    OWNER = 5
    SYNC = 6


HEADERS = {
    HazardColumn.DEADLINE: QT_TRANSLATE_NOOP("HazardTableModel", "Deadline"),
    HazardColumn.EQUIPMENT: QT_TRANSLATE_NOOP("HazardTableModel", "Equipment"),
    HazardColumn.GRADE: QT_TRANSLATE_NOOP("HazardTableModel", "Grade"),
    HazardColumn.STATUS: QT_TRANSLATE_NOOP("HazardTableModel", "Status"),
    HazardColumn.DESCRIPTION: QT_TRANSLATE_NOOP("HazardTableModel", "Description"),
    HazardColumn.OWNER: QT_TRANSLATE_NOOP("HazardTableModel", "Owner"),
    HazardColumn.SYNC: QT_TRANSLATE_NOOP("HazardTableModel", "Sync"),
}

GRADE_TONES = {
    HazardGrade.GENERAL: Tone.MUTED,
    HazardGrade.SERIOUS: Tone.WARN,
    HazardGrade.MAJOR: Tone.DANGER,
}


def deadline_text(hazard: HazardSummary, today: dt.date) -> str:
    """The deadline as a person reads it: "05-17", or "逾期 3 天 · 05-07" when overdue."""
    deadline = dt.date.fromisoformat(hazard.deadline)
    short = deadline.strftime("%m-%d") if deadline.year == today.year else hazard.deadline
    if not hazard.overdue:
        return short
    days = (today - deadline).days
    text = QCoreApplication.translate("HazardTableModel", "Overdue %n day(s) · {date}", "", days)
    return text.format(date=short)


class HazardTableModel(RowListModel):
    """Hazards as rows; ``RecordRole`` gives the HazardSummary, ``TargetRole`` a HazardTarget.

    ``set_hazards`` replaces all rows (a full reset: the lists are short and come whole from
    ``sync.hazards.list_hazards``).
    """

    COLUMNS = HazardColumn
    HEADERS = HEADERS
    CONTEXT = "HazardTableModel"

    def __init__(self, language: str = "zh_CN", parent: QObject | None = None) -> None:
        super().__init__(language, parent)
        self._today = china_today()

    def set_hazards(self, hazards: Sequence[HazardSummary], today: dt.date | None = None) -> None:
        self._today = today or china_today()
        self.set_rows(hazards)

    def hazard(self, row: int) -> HazardSummary:
        return self.row_at(row)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        hazard = self._rows[index.row()]
        column = HazardColumn(index.column())

        if role == RecordRole:
            return hazard
        if role == TargetRole:
            return HazardTarget(hazard.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(hazard, column)
        if role == ToneRole:
            return self._tone(hazard, column)
        if role == SortRole:
            return self._sort_key(hazard, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == HazardColumn.DESCRIPTION:
            return hazard.description
        if role == Qt.ItemDataRole.ToolTipRole and column == HazardColumn.SYNC:
            return sync_state_tooltip(hazard.sync_state, self._language)
        return None

    def _display(self, hazard: HazardSummary, column: HazardColumn) -> str:
        if column == HazardColumn.DEADLINE:
            return deadline_text(hazard, self._today)
        if column == HazardColumn.EQUIPMENT:
            return hazard.equipment_name or "—"
        if column == HazardColumn.GRADE:
            return label(HAZARD_GRADE_LABELS, hazard.grade, self._language)
        if column == HazardColumn.STATUS:
            return label(HAZARD_STATUS_LABELS, hazard.status, self._language)
        if column == HazardColumn.DESCRIPTION:
            return hazard.description
        if column == HazardColumn.SYNC:
            return sync_state_text(hazard.sync_state, self._language)
        return hazard.owner

    @staticmethod
    def _tone(hazard: HazardSummary, column: HazardColumn) -> Tone | None:
        if column == HazardColumn.DEADLINE:
            return Tone.DANGER if hazard.overdue else Tone.MUTED
        if column == HazardColumn.GRADE:
            return GRADE_TONES.get(HazardGrade(hazard.grade), Tone.MUTED)
        if column == HazardColumn.SYNC:
            return sync_state_tone(hazard.sync_state)
        return None

    @staticmethod
    def _sort_key(hazard: HazardSummary, column: HazardColumn) -> Any:
        if column == HazardColumn.DEADLINE:
            return hazard.deadline
        if column == HazardColumn.GRADE:
            return list(HazardGrade).index(HazardGrade(hazard.grade))
        return str(getattr(hazard, column.name.lower(), ""))
