"""The week's daily checks as a grid: one row per equipment, one column per day."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.models.roles import (
    ALERT_BACKGROUND,
    ALERT_TEXT,
    DRAFT_BACKGROUND,
    GOOD_BACKGROUND,
    MUTED_TEXT,
    WARNING_BACKGROUND,
    RecordRole,
    TargetRole,
    ToneRole,
)
from desktop.models.sync_states import (
    sync_state_hint,
    sync_state_text,
    sync_state_tone,
    sync_state_tooltip,
)
from desktop.navigation import DailyCheckTarget, HazardTarget
from sync.completion import DAY_STATE_LABELS, DayState, EquipmentDays
from sync.records import HAZARD_GRADE_LABELS, HAZARD_STATUS_LABELS, label
from sync.weekly_reports import WeekHazard, WeekRollup

_Index = QModelIndex | QPersistentModelIndex

_BACKGROUNDS = {
    DayState.DONE: GOOD_BACKGROUND,
    DayState.DUE_TODAY: WARNING_BACKGROUND,
    DayState.DRAFT: DRAFT_BACKGROUND,
    DayState.MISSING: ALERT_BACKGROUND,
}


class WeekRollupModel(QAbstractTableModel):
    """Column 0 names the equipment, columns 1-7 are Monday to Sunday, column 8 the count."""

    def __init__(self, language: str = "zh_CN", parent=None) -> None:
        super().__init__(parent)
        self._language = language
        self._rollup: WeekRollup | None = None

    def set_rollup(self, rollup: WeekRollup | None) -> None:
        self.beginResetModel()
        self._rollup = rollup
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if parent.isValid() or self._rollup is None:
            return 0
        return len(self._rollup.equipment)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 9

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Equipment")
        if section == 8:
            return self.tr("Done/due")
        weekdays = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        if self._rollup is None:
            return weekdays[section - 1]
        day = self._rollup.days[section - 1]
        return self.tr("{weekday} {month}/{day}").format(
            weekday=weekdays[section - 1], month=day.month, day=day.day
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._rollup is None:
            return None
        row = self._rollup.equipment[index.row()]
        column = index.column()

        if role == RecordRole:
            return row
        if column == 0:
            return row.equipment_name if role == Qt.ItemDataRole.DisplayRole else None
        if column == 8:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{row.done}/{row.due}"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None

        state = row.states[column - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return label(DAY_STATE_LABELS, state, self._language)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._day_tooltip(row, column - 1)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            return _BACKGROUNDS.get(state)
        if role == Qt.ItemDataRole.ForegroundRole:
            if state == DayState.MISSING:
                return ALERT_TEXT
            if state in (DayState.UPCOMING, DayState.NOT_RUNNING):
                return MUTED_TEXT
        if role == TargetRole:
            check_id = row.check_ids[column - 1]
            return DailyCheckTarget(row.equipment_id, check_id) if check_id else None
        return None

    def _day_tooltip(self, row: EquipmentDays, position: int) -> str:
        """The day's state, and for a day with a check that check's sync state (#4)."""
        state_text = label(DAY_STATE_LABELS, row.states[position], self._language)
        sync_state = row.check_sync_state(position)
        if not row.check_ids[position] or not sync_state:
            return state_text
        return self.tr("{state} · daily check {sync}\n{meaning}").format(
            state=state_text,
            sync=sync_state_text(sync_state, self._language),
            meaning=sync_state_hint(sync_state),
        )


class WeekHazardModel(QAbstractTableModel):
    """The hazards a period's record lists: new, closed and overdue ones, one row each time;
    the last column is each hazard's sync state as it is now."""

    SYNC = 6

    def __init__(self, language: str = "zh_CN", parent=None) -> None:
        super().__init__(parent)
        self._language = language
        self._rows: list[tuple[str, WeekHazard]] = []

    def set_hazards(
        self, opened: tuple[WeekHazard, ...], closed: tuple[WeekHazard, ...], overdue
    ) -> None:
        self.beginResetModel()
        self._rows = (
            [("opened", hazard) for hazard in opened]
            + [("closed", hazard) for hazard in closed]
            + [("overdue", hazard) for hazard in overdue]
        )
        self.endResetModel()

    def hazard_at(self, row: int) -> WeekHazard:
        return self._rows[row][1]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Category"),
            self.tr("Equipment"),
            self.tr("Grade"),
            self.tr("Hazard description"),
            self.tr("Rectification deadline"),
            self.tr("Status now"),
            self.tr("Sync"),
        )[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        kind, hazard = self._rows[index.row()]
        column = index.column()
        if role == RecordRole:
            return hazard
        if role == TargetRole:
            return HazardTarget(hazard.id)
        if column == self.SYNC:
            return self._sync_data(hazard, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            kinds = {
                "opened": self.tr("New"),
                "closed": self.tr("Closure"),
                "overdue": self.tr("Overdue"),
            }
            values = (
                kinds[kind],
                hazard.equipment_name or self.tr("(whole unit)"),
                label(HAZARD_GRADE_LABELS, hazard.grade, self._language),
                hazard.description.replace("\n", " "),
                hazard.deadline,
                label(HAZARD_STATUS_LABELS, hazard.status, self._language),
            )
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and kind == "overdue":
            return ALERT_TEXT
        return None

    def _sync_data(self, hazard: WeekHazard, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return sync_state_text(hazard.sync_state, self._language)
        if role == ToneRole:
            return sync_state_tone(hazard.sync_state)
        if role == Qt.ItemDataRole.ToolTipRole:
            return sync_state_tooltip(hazard.sync_state, self._language)
        return None
