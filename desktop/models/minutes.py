"""Tables of the monthly minutes page: sign-in list, follow-up of last month's decisions,
daily-check completion per equipment, weekly reports per ISO week."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.models.roles import (
    ALERT_BACKGROUND,
    ALERT_TEXT,
    GOOD_BACKGROUND,
    WARNING_BACKGROUND,
    RecordRole,
    ToneRole,
)
from desktop.models.sync_states import sync_state_hint, sync_state_text, sync_state_tone
from sync.monthly_minutes import EquipmentCompletion, PreviousDecision, WeekFiling
from sync.records import ROLE_LABELS, label

_Index = QModelIndex | QPersistentModelIndex

# Family codes as the weekly column names them; the template titles are longer than needed.
FAMILY_LABELS = {
    "ropeway": ("索道", "Ropeway"),
    "amusement_ride": ("游乐设施", "Rides"),
    "elevator": ("电梯", "Elevator"),
    "escalator": ("扶梯", "Escalator"),
}


def _tick_and_note_flags(editable: bool, column: int, tick: int, note: int) -> Qt.ItemFlag:
    """A row with a check box (present, done) and a note, both changeable while editable."""
    base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable and column == tick:
        return base | Qt.ItemFlag.ItemIsUserCheckable
    if editable and column == note:
        return base | Qt.ItemFlag.ItemIsEditable
    return base


class AttendeesModel(QAbstractTableModel):
    """The sign-in list: name, role, present (a check box), and a note (reason if absent)."""

    NAME, ROLE, PRESENT, NOTE = range(4)

    def __init__(self, language: str = "zh_CN", parent=None) -> None:
        super().__init__(parent)
        self._language = language
        self._rows: list[dict] = []
        self._editable = False
        self._on_change: Callable[[], None] = lambda: None

    def set_rows(self, rows: list[dict], *, editable: bool, on_change=None) -> None:
        self.beginResetModel()
        self._rows = rows
        self._editable = editable
        self._on_change = on_change or (lambda: None)
        self.endResetModel()

    def add_guest(self, name: str) -> None:
        """Someone outside the unit's staff (e.g. the maintainer's engineer) signs in."""
        if not self._editable or not name.strip():
            return
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(
            {"person_id": None, "name": name.strip(), "role": "", "present": True, "note": ""}
        )
        self.endInsertRows()
        self._on_change()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Name"), self.tr("Role"), self.tr("Signed in"), self.tr("Note"))[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _tick_and_note_flags(self._editable, index.column(), self.PRESENT, self.NOTE)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == RecordRole:
            return row
        if role == Qt.ItemDataRole.CheckStateRole and column == self.PRESENT:
            return Qt.CheckState.Checked if row.get("present") else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.NAME:
                return row.get("name", "")
            if column == self.ROLE:
                if not row.get("role"):
                    return self.tr("Guest")
                return label(ROLE_LABELS, row["role"], self._language)
            if column == self.PRESENT:
                return self.tr("Present") if row.get("present") else self.tr("Absent")
            return row.get("note", "")
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self._editable:
            return False
        row = self._rows[index.row()]
        if index.column() == self.PRESENT and role == Qt.ItemDataRole.CheckStateRole:
            row["present"] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif index.column() == self.NOTE and role == Qt.ItemDataRole.EditRole:
            row["note"] = str(value)
        else:
            return False
        self.dataChanged.emit(index, index)
        self._on_change()
        return True


class FollowUpModel(QAbstractTableModel):
    """Last month's decisions, with this month's follow-up: done (check box) and a note."""

    ITEM, OWNER, DEADLINE, DONE, NOTE = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._decisions: list[PreviousDecision] = []
        self._follow_up: dict[str, dict] = {}
        self._editable = False
        self._on_change: Callable[[], None] = lambda: None

    def set_follow_up(
        self,
        decisions: list[PreviousDecision],
        follow_up: dict[str, dict],
        *,
        editable: bool,
        on_change=None,
    ) -> None:
        self.beginResetModel()
        self._decisions = list(decisions)
        self._follow_up = follow_up
        self._editable = editable
        self._on_change = on_change or (lambda: None)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._decisions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (
            self.tr("Last month's decision"),
            self.tr("Owner"),
            self.tr("Deadline"),
            self.tr("Followed up"),
            self.tr("Follow-up"),
        )
        return headers[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _tick_and_note_flags(self._editable, index.column(), self.DONE, self.NOTE)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        decision = self._decisions[index.row()]
        entry = self._follow_up.get(decision.id, {})
        column = index.column()
        if role == RecordRole:
            return decision
        if role == Qt.ItemDataRole.CheckStateRole and column == self.DONE:
            return Qt.CheckState.Checked if entry.get("done") else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and column == self.DONE:
            return GOOD_BACKGROUND if entry.get("done") else WARNING_BACKGROUND
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            values = (
                decision.item,
                decision.owner,
                decision.deadline,
                self.tr("Yes") if entry.get("done") else self.tr("No"),
                entry.get("note", ""),
            )
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ITEM:
            return decision.item
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not self._editable:
            return False
        decision = self._decisions[index.row()]
        entry = self._follow_up.setdefault(decision.id, {"done": False, "note": ""})
        if index.column() == self.DONE and role == Qt.ItemDataRole.CheckStateRole:
            entry["done"] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif index.column() == self.NOTE and role == Qt.ItemDataRole.EditRole:
            entry["note"] = str(value)
        else:
            return False
        self.dataChanged.emit(index, index)
        self._on_change()
        return True


class _StatisticsTableModel(QAbstractTableModel):
    """A read-only table of computed statistics: rows replaced whole, titles from headers()."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def set_rows(self, rows: list) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]


class CompletionModel(_StatisticsTableModel):
    """Daily-check completion of each equipment over the month's operating days so far."""

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Equipment"), self.tr("Days due"), self.tr("Done"), self.tr("Rate"))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row: EquipmentCompletion = self._rows[index.row()]
        column = index.column()
        if role == RecordRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.equipment_name
            if column == 1:
                return str(row.due)
            if column == 2:
                return str(row.done)
            return "—" if row.rate is None else f"{row.rate:.0%}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and row.rate is not None:
            return ALERT_TEXT if row.rate < 1 else None
        return None


class WeekFilingModel(_StatisticsTableModel):
    """Weekly reports owed and filed for each ISO week touching the month, and the sync state
    of the week's filed reports (the one that most needs attention; each in the tooltip)."""

    WEEK, SUBMITTED, MISSING, SYNC = range(4)

    def __init__(self, language: str = "zh_CN", parent=None) -> None:
        super().__init__(parent)
        self._language = language

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Week"), self.tr("Submitted"), self.tr("Missing"), self.tr("Sync"))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        week: WeekFiling = self._rows[index.row()]
        column = index.column()
        if role == RecordRole:
            return week
        if column == self.SYNC:
            return self._sync_data(week, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.tr("{year}-W{week}").format(year=week.iso_year, week=week.iso_week)
            families = week.submitted if column == 1 else week.missing
            names = (label(FAMILY_LABELS, family, self._language) for family in families)
            return self.tr(", ").join(names) or "—"
        if role == Qt.ItemDataRole.BackgroundRole and column == 2 and week.missing:
            return ALERT_BACKGROUND
        return None

    def _sync_data(self, week: WeekFiling, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return sync_state_text(week.sync_state, self._language)
        if role == ToneRole:
            return sync_state_tone(week.sync_state)
        if role == Qt.ItemDataRole.ToolTipRole and week.sync_states:
            lines = [
                self.tr("{family}: {sync}").format(
                    family=label(FAMILY_LABELS, family, self._language),
                    sync=sync_state_text(state, self._language),
                )
                for family, state in week.sync_states
            ]
            return "\n".join([*lines, sync_state_hint(week.sync_state)])
        return None
