"""Models of the Today view: one line per equipment, and the agenda of the week and month."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
)

from desktop.models.roles import RecordRole, SortRole, TargetRole, ToneRole
from desktop.models.row_list import RowListModel
from desktop.models.sync_states import sync_state_text, sync_state_tone, sync_state_tooltip
from desktop.navigation import (
    DailyCheckTarget,
    EquipmentTarget,
    HazardListTarget,
    MonthTarget,
    NavTarget,
    WeekTarget,
)
from desktop.widgets.chips import Tone
from sync.clock import iso_week_days
from sync.overview import (
    DailyState,
    EquipmentDay,
    InspectionState,
    RecordPresence,
    TodayOverview,
)
from sync.records import (
    DAY_STATUS_LABELS,
    EQUIPMENT_FAMILY_LABELS,
    EQUIPMENT_KIND_LABELS,
    DayStatus,
    label,
)


class EquipmentColumn(IntEnum):
    NAME = 0
    KIND = 1
    DAILY_CHECK = 2
    HAZARDS = 3
    INSPECTION = 4
    SYNC = 5


EQUIPMENT_HEADERS = {
    EquipmentColumn.NAME: QT_TRANSLATE_NOOP("TodayEquipmentTableModel", "Equipment"),
    EquipmentColumn.KIND: QT_TRANSLATE_NOOP("TodayEquipmentTableModel", "Kind"),
    EquipmentColumn.DAILY_CHECK: QT_TRANSLATE_NOOP("TodayEquipmentTableModel", "Today's check"),
    EquipmentColumn.HAZARDS: QT_TRANSLATE_NOOP("TodayEquipmentTableModel", "Open hazards"),
    EquipmentColumn.INSPECTION: QT_TRANSLATE_NOOP("TodayEquipmentTableModel", "Next inspection"),
    EquipmentColumn.SYNC: QT_TRANSLATE_NOOP("TodayEquipmentTableModel", "Sync"),
}


def _translate(text: str, number: int = -1) -> str:
    return QCoreApplication.translate("TodayEquipmentTableModel", text, "", number)


def inspection_text(state: InspectionState, next_date: str | None, days_left: int | None) -> str:
    if state == InspectionState.UNKNOWN or next_date is None or days_left is None:
        return QCoreApplication.translate("TodayEquipmentTableModel", "Not recorded")
    if state == InspectionState.EXPIRED:
        text = QCoreApplication.translate(
            "TodayEquipmentTableModel", "Expired %n day(s) ago", "", -days_left
        )
        return text
    if state == InspectionState.DUE_SOON:
        text = QCoreApplication.translate(
            "TodayEquipmentTableModel", "{date} · %n day(s) left", "", days_left
        )
        return text.format(date=next_date)
    return next_date


INSPECTION_TONES = {
    InspectionState.OK: Tone.MUTED,
    InspectionState.DUE_SOON: Tone.WARN,
    InspectionState.EXPIRED: Tone.DANGER,
    InspectionState.UNKNOWN: Tone.MUTED,
}


class TodayEquipmentTableModel(QAbstractTableModel):
    """Each in-use equipment of the unit with today's check, open hazards and next inspection.

    A click on the name, kind or check opens the daily check; on the hazards, the hazard list of
    that equipment; on the inspection, the equipment's page (``TargetRole``).
    """

    def __init__(self, language: str = "zh_CN", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._language = language
        self._lines: list[EquipmentDay] = []

    def set_overview(self, overview: TodayOverview) -> None:
        self.beginResetModel()
        self._lines = list(overview.equipment)
        self.endResetModel()

    def line(self, row: int) -> EquipmentDay:
        return self._lines[row]

    def row_of(self, equipment_id: str) -> int:
        ids = [line.equipment_id for line in self._lines]
        return ids.index(equipment_id) if equipment_id in ids else -1

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(EquipmentColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _translate(EQUIPMENT_HEADERS[EquipmentColumn(section)])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = EquipmentColumn(index.column())

        if role == RecordRole:
            return line
        if role == TargetRole:
            return self.target(line, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == ToneRole:
            return self._tone(line, column)
        if role == SortRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        return None

    @staticmethod
    def target(line: EquipmentDay, column: EquipmentColumn) -> NavTarget:
        if column == EquipmentColumn.HAZARDS and line.open_hazards:
            return HazardListTarget(line.equipment_id)
        if column == EquipmentColumn.INSPECTION:
            return EquipmentTarget(line.equipment_id)
        return DailyCheckTarget(line.equipment_id)

    def _display(self, line: EquipmentDay, column: EquipmentColumn) -> str:
        if column == EquipmentColumn.NAME:
            return line.name
        if column == EquipmentColumn.KIND:
            chinese, english = EQUIPMENT_KIND_LABELS.get(line.kind_code, (line.kind_code,) * 2)
            return english if self._language == "en" else chinese
        if column == EquipmentColumn.DAILY_CHECK:
            return self._daily_text(line)
        if column == EquipmentColumn.SYNC:
            return sync_state_text(line.check_sync_state, self._language)
        if column == EquipmentColumn.HAZARDS:
            if not line.open_hazards:
                return self.tr("None")
            if line.overdue_hazards:
                text = self.tr("%n open, {overdue} overdue", "", line.open_hazards)
                return text.format(overdue=line.overdue_hazards)
            return self.tr("%n open", "", line.open_hazards)
        return inspection_text(
            line.inspection_state, line.next_inspection_date, line.inspection_days_left
        )

    def _daily_text(self, line: EquipmentDay) -> str:
        if line.daily_state == DailyState.MISSING:
            return self.tr("Not started")
        if line.daily_state == DailyState.DRAFT:
            return self.tr("Draft")
        if line.daily_state == DailyState.AMENDING:
            return self.tr("Correction in progress")
        status = line.operating_status or DayStatus.RUNNING
        if status != DayStatus.RUNNING:
            text = self.tr("Done · {status}")
            return text.format(status=label(DAY_STATUS_LABELS, status, self._language))
        if line.abnormal_items:
            return self.tr("Done · %n abnormal", "", line.abnormal_items)
        return self.tr("Done · {name}").format(name=line.signed_by_name)

    @staticmethod
    def _tone(line: EquipmentDay, column: EquipmentColumn) -> Tone | None:
        if column == EquipmentColumn.DAILY_CHECK:
            if line.daily_state == DailyState.MISSING:
                return Tone.DANGER
            if line.daily_state in (DailyState.DRAFT, DailyState.AMENDING):
                return Tone.WARN
            return Tone.WARN if line.abnormal_items else Tone.OK
        if column == EquipmentColumn.HAZARDS:
            if line.overdue_hazards:
                return Tone.DANGER
            return Tone.WARN if line.open_hazards else Tone.MUTED
        if column == EquipmentColumn.INSPECTION:
            return INSPECTION_TONES[line.inspection_state]
        if column == EquipmentColumn.SYNC:
            return sync_state_tone(line.check_sync_state)
        return None

    def _tooltip(self, line: EquipmentDay, column: EquipmentColumn) -> str:
        if column == EquipmentColumn.SYNC and line.check_sync_state:
            return sync_state_tooltip(line.check_sync_state, self._language)
        if column == EquipmentColumn.HAZARDS and line.open_hazards:
            return self.tr("Open this equipment's hazards")
        if column == EquipmentColumn.INSPECTION:
            return self.tr("Open the equipment's details")
        return self.tr("Open today's daily check of {name}").format(name=line.name)


@dataclass(frozen=True)
class AgendaLine:
    """One line of the Today agenda: what, where it stands, and where a click leads."""

    what: str
    status: str
    tone: Tone
    target: NavTarget
    detail: str = ""
    sync_state: str | None = None


def _agenda(text: str, number: int = -1) -> str:
    return QCoreApplication.translate("AgendaTableModel", text, "", number)


PRESENCE_TONES = {
    RecordPresence.SUBMITTED: Tone.OK,
    RecordPresence.DRAFT: Tone.WARN,
    RecordPresence.MISSING: Tone.DANGER,
}


def presence_text(presence: RecordPresence) -> str:
    if presence == RecordPresence.SUBMITTED:
        return QCoreApplication.translate("AgendaTableModel", "Submitted")
    if presence == RecordPresence.DRAFT:
        return QCoreApplication.translate("AgendaTableModel", "Draft")
    return QCoreApplication.translate("AgendaTableModel", "Not written yet")


def agenda_lines(overview: TodayOverview, language: str = "zh_CN") -> list[AgendaLine]:
    """The week's report of each equipment family, the month's minutes, then the inspections
    due or expired."""
    days = iso_week_days(overview.iso_year, overview.iso_week)
    span = QCoreApplication.translate("AgendaTableModel", "Week {week}: {first} – {last}").format(
        week=overview.iso_week, first=days[0].isoformat(), last=days[-1].isoformat()
    )
    lines = []
    for week in overview.weeks:
        week_text = QCoreApplication.translate(
            "AgendaTableModel", "Weekly investigation, week {week}: {family}"
        ).format(week=week.iso_week, family=label(EQUIPMENT_FAMILY_LABELS, week.family, language))
        lines.append(
            AgendaLine(
                week_text,
                presence_text(week.presence),
                PRESENCE_TONES[week.presence],
                WeekTarget(week.iso_year, week.iso_week, family=week.family),
                span,
                week.sync_state,
            )
        )

    month_day = dt.date.fromisoformat(f"{overview.month.month}-01")
    month_text = QCoreApplication.translate(
        "AgendaTableModel", "Monthly scheduling meeting, {year}-{month:02d}"
    ).format(year=month_day.year, month=month_day.month)
    lines.append(
        AgendaLine(
            month_text,
            presence_text(overview.month.presence),
            PRESENCE_TONES[overview.month.presence],
            MonthTarget(overview.month.month),
            sync_state=overview.month.sync_state,
        )
    )
    for due in overview.inspections:
        what = QCoreApplication.translate("AgendaTableModel", "Periodic inspection: {name}")
        state = InspectionState.EXPIRED if due.expired else InspectionState.DUE_SOON
        lines.append(
            AgendaLine(
                what.format(name=due.equipment_name),
                inspection_text(state, due.next_inspection_date, due.days_left),
                INSPECTION_TONES[state],
                EquipmentTarget(due.equipment_id),
            )
        )
    return lines


class AgendaColumn(IntEnum):
    WHAT = 0
    STATUS = 1
    SYNC = 2


AGENDA_HEADERS = {
    AgendaColumn.WHAT: QT_TRANSLATE_NOOP("AgendaTableModel", "Record"),
    AgendaColumn.STATUS: QT_TRANSLATE_NOOP("AgendaTableModel", "Status"),
    AgendaColumn.SYNC: QT_TRANSLATE_NOOP("AgendaTableModel", "Sync"),
}


class AgendaTableModel(RowListModel):
    """The agenda lines of :func:`agenda_lines`, each a link (``TargetRole``)."""

    COLUMNS = AgendaColumn
    HEADERS = AGENDA_HEADERS
    CONTEXT = "AgendaTableModel"

    def set_overview(self, overview: TodayOverview) -> None:
        self.set_rows(agenda_lines(overview, self._language))

    def line(self, row: int) -> AgendaLine:
        return self.row_at(row)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._rows[index.row()]
        column = AgendaColumn(index.column())
        if role == RecordRole:
            return line
        if role == TargetRole:
            return line.target
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if column == AgendaColumn.SYNC:
                return sync_state_text(line.sync_state, self._language)
            return line.what if column == AgendaColumn.WHAT else line.status
        if role == ToneRole and column == AgendaColumn.STATUS:
            return line.tone
        if role == ToneRole and column == AgendaColumn.SYNC:
            return sync_state_tone(line.sync_state)
        if role == Qt.ItemDataRole.ToolTipRole and column == AgendaColumn.SYNC and line.sync_state:
            return sync_state_tooltip(line.sync_state, self._language)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{line.what}\n{line.detail}" if line.detail else line.what
        return None
