"""A hazard's history as a table: when, who, and what changed, in the UI's language."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.models.conflicts import field_name_text, reason_text, value_text
from desktop.models.roles import RecordRole
from sync.clock import china_now
from sync.hazards import HistoryEntry
from sync.records import HAZARD_GRADE_LABELS, HAZARD_SOURCE_LABELS, HAZARD_STATUS_LABELS, label

_Index = QModelIndex | QPersistentModelIndex


class HazardHistoryModel(QAbstractTableModel):
    """A hazard's history, oldest first: when, who, what happened."""

    def __init__(self, language: str = "zh_CN", parent=None) -> None:
        super().__init__(parent)
        self._language = language
        self._entries: list[HistoryEntry] = []
        self._equipment_names: dict[str, str] = {}

    def _label(self, table: dict, code: str) -> str:
        return label(table, code, self._language)

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
                status=self._label(HAZARD_STATUS_LABELS, detail.get("status", "found"))
            )
        if entry.action == "status":
            text = self.tr("{old} → {new}").format(
                old=self._label(HAZARD_STATUS_LABELS, detail.get("from", "")),
                new=self._label(HAZARD_STATUS_LABELS, detail.get("to", "")),
            )
            note = detail.get("note", "")
            return self.tr("{change}: {note}").format(change=text, note=note) if note else text
        if entry.action.startswith(("sync_", "conflict_", "rejection_")):
            return self._describe_sync(entry)
        if entry.action == "edited":
            names = [self._field_name(key) for key in detail.get("fields", {})]
            parts = [
                self._field_change(key, change) for key, change in detail.get("fields", {}).items()
            ]
            summary = self.tr("; ").join(part for part in parts if part)
            change = self.tr("Edited {fields}").format(fields=self.tr(", ").join(names))
            if not summary:
                return change
            return self.tr("{change}: {note}").format(change=change, note=summary)
        return entry.action

    def _describe_sync(self, entry: HistoryEntry) -> str:
        """A conflict or refusal the server reported, or how a person decided it (#4)."""
        detail = entry.detail
        field = field_name_text(detail.get("field"))
        if entry.action == "sync_conflict":
            return self.tr("Sync conflict on {field}: mine {mine}, the server's {server}").format(
                field=field,
                mine=value_text(detail.get("mine")),
                server=value_text(detail.get("server")),
            )
        if entry.action == "sync_rejected":
            return self.tr("The server refused this record: {reason}").format(
                reason=reason_text(detail.get("reason") or "", self._language)
            )
        if entry.action == "conflict_resolved":
            return self.tr("Sync conflict on {field} decided: {value}").format(
                field=field, value=value_text(detail.get("value"))
            )
        return self.tr("Refusal dealt with")

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
            old = self._label(HAZARD_GRADE_LABELS, old or "")
            new = self._label(HAZARD_GRADE_LABELS, new or "")
        elif key == "source":
            old = self._label(HAZARD_SOURCE_LABELS, old or "")
            new = self._label(HAZARD_SOURCE_LABELS, new or "")
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
