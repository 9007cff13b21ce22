"""The conflicts view (#4): each open conflict side by side, decided field by field.

A field conflict is decided with mine, the server's, or an edited value; the decision is sent
as an ordinary change by the next sync (``sync.engine.conflicts.resolve_conflict``). A record
the server refused ("needs attention") shows the server's reason; once dealt with it is
dismissed. Store work runs on the background runner.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.models.conflicts import (
    ConflictTableModel,
    field_name_text,
    reason_text,
    record_text,
    value_text,
)
from desktop.tasks import TaskResult
from sync.engine.conflicts import (
    ConflictView,
    dismiss_rejection,
    open_conflicts,
    resolve_conflict,
)

logger = logging.getLogger(__name__)


def parse_edited(text: str, like: Any) -> Any:
    """The edited text as a value of the same kind as ``like`` (text stays text)."""
    if isinstance(like, str) or like is None:
        return text
    try:
        return json.loads(text)
    except ValueError:
        return text


class ConflictsDialog(QDialog):
    decided = Signal()
    """A conflict was decided or a rejection dismissed (the store changed)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.context = context
        self.setWindowTitle(self.tr("Conflicts and records needing attention"))
        self.resize(900, 560)

        self.model = ConflictTableModel(context.language, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._picked)

        self.edited = QLineEdit()
        self.edited.setPlaceholderText(self.tr("Or type the value to keep"))
        self.mine_button = QPushButton(self.tr("Keep mine"))
        self.server_button = QPushButton(self.tr("Keep the server's"))
        self.edited_button = QPushButton(self.tr("Keep the typed value"))
        self.dismiss_button = QPushButton(self.tr("Dealt with"))
        self.mine_button.clicked.connect(lambda: self._decide("mine"))
        self.server_button.clicked.connect(lambda: self._decide("server"))
        self.edited_button.clicked.connect(lambda: self._decide("edited"))
        self.dismiss_button.clicked.connect(self._dismiss)
        self.empty_label = QLabel(self.tr("Nothing needs attention."))
        # Says what happened to the selected row: a conflict and a refusal ask different things.
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_buttons.rejected.connect(self.reject)

        # The selected row's values in full, side by side: the table cuts long texts short.
        self.before_text, self.mine_text, self.server_text = (self._value_box() for _ in range(3))
        self.detail_title = QLabel()
        self.detail_title.setObjectName("conflictField")
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        detail = QGridLayout()
        for column, (caption, box) in enumerate(
            (
                (self.tr("Before"), self.before_text),
                (self.tr("Mine"), self.mine_text),
                (self.tr("The server's"), self.server_text),
            )
        ):
            detail.addWidget(QLabel(caption), 0, column)
            detail.addWidget(box, 1, column)

        actions = QHBoxLayout()
        actions.addWidget(self.edited, 1)
        for button in (
            self.mine_button,
            self.server_button,
            self.edited_button,
            self.dismiss_button,
        ):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail_title)
        layout.addLayout(detail)
        layout.addWidget(self.reason_label)
        layout.addLayout(actions)
        layout.addWidget(self.close_buttons)
        self.reload()

    @staticmethod
    def _value_box() -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setReadOnly(True)
        box.setMaximumHeight(90)
        return box

    def reload(self) -> None:
        self.context.runner.submit(
            open_conflicts, self.context.store, on_done=self._loaded, owner=self
        )

    def _loaded(self, result: TaskResult) -> None:
        rows = result.value if result.ok else []
        self.model.set_conflicts(rows)
        self.empty_label.setVisible(not rows)
        self._picked()

    def selected(self) -> ConflictView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.conflict(rows[0].row()) if rows else None

    def _picked(self, *_args: object) -> None:
        conflict = self.selected()
        is_field = conflict is not None and conflict.kind == "conflict"
        for button in (self.mine_button, self.server_button, self.edited_button):
            button.setEnabled(is_field)
        self.edited.setEnabled(is_field)
        self.dismiss_button.setEnabled(conflict is not None and conflict.kind == "rejected")
        if is_field:
            self.edited.setText(value_text(conflict.local_value))
        self._show_detail(conflict)

    def _show_intro(self, conflict: ConflictView | None) -> None:
        if conflict is None:
            text = self.tr(
                "Pick a row to see what happened: another device changed the same field "
                "(a conflict), or the server refused the record."
            )
        elif conflict.kind == "rejected":
            reason = reason_text(conflict.reason, self.context.language) or "—"
            text = self.tr(
                "The server refused this record: {reason}. Correct the record (it is sent "
                "again at the next sync), then press Dealt with."
            ).format(reason=reason)
        else:
            text = self.tr(
                "Another device changed the same field before this one synced. Compare the "
                "values and keep one, or type the value to keep. Nothing is sent until the "
                "next sync."
            )
        self.intro_label.setText(text)

    def _show_detail(self, conflict: ConflictView | None) -> None:
        self._show_intro(conflict)
        boxes = (self.before_text, self.mine_text, self.server_text)
        if conflict is None:
            for box in boxes:
                box.clear()
            self.detail_title.clear()
            self.reason_label.clear()
            return
        values = (conflict.base_value, conflict.local_value, conflict.server_value)
        for box, value in zip(boxes, values, strict=True):
            box.setPlainText(value_text(value))
        field = field_name_text(conflict.field_name) or self.tr("The whole record")
        self.detail_title.setText(
            self.tr("{record} — {field}").format(
                record=record_text(conflict, self.context.language), field=field
            )
        )
        reason = reason_text(conflict.reason, self.context.language)
        self.reason_label.setText(self.tr("Why: {reason}").format(reason=reason or "—"))

    def _decide(self, choice: str) -> None:
        conflict = self.selected()
        if conflict is None:
            return
        if choice == "mine":
            value = conflict.local_value
        elif choice == "server":
            value = conflict.server_value
        else:
            value = parse_edited(self.edited.text(), conflict.local_value)
        self.context.runner.submit(
            resolve_conflict,
            self.context.store,
            conflict.id,
            value,
            self.context.actor,
            on_done=self._changed,
            owner=self,
        )

    def _dismiss(self) -> None:
        conflict = self.selected()
        if conflict is not None:
            self.context.runner.submit(
                dismiss_rejection,
                self.context.store,
                conflict.id,
                self.context.actor,
                on_done=self._changed,
                owner=self,
            )

    def _changed(self, result: TaskResult) -> None:
        if not result.ok:
            logger.warning("conflict decision failed: %s", result.error)
        self.decided.emit()
        self.reload()
