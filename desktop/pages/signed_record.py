"""The wiring the weekly report and monthly minutes pages share: saving what was typed, the
rows of their editable tables, and the steps after signing or amending.

The text shown stays in each page (its own translation context); this module shows none.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableView, QWidget

from desktop.models.editable_rows import EditableRowsModel
from desktop.models.roles import TargetRole
from desktop.models.sync_states import sync_state_text, sync_state_tone, sync_state_tooltip
from sync.records import RecordType


class SignedRecordPage(QWidget):
    """Base of a page over a :class:`~desktop.viewmodels.signed_record.SignedRecordViewModel`.

    A subclass sets ``context``, ``vm``, ``messages``, ``sync_chip``, ``language`` and
    ``_filling`` before any of these run; all of them run on the UI thread.
    """

    def _fill_sync_chip(self) -> None:
        """The record's own sync state beside its status; hidden until it is first saved."""
        state = self.vm.sync_state
        self.sync_chip.setVisible(state is not None)
        if state is not None:
            self.sync_chip.set_chip(sync_state_text(state, self.language), sync_state_tone(state))
            self.sync_chip.setToolTip(sync_state_tooltip(state, self.language))

    def flush(self) -> None:
        """Save what was typed (before the page is hidden or the app closes)."""
        self.vm.flush()

    def hideEvent(self, event) -> None:
        self.vm.flush()
        super().hideEvent(event)

    def _edited(self, **fields) -> None:
        # Filling the widgets from the form must not write the form back.
        if not self._filling:
            self.vm.edit(**fields)

    @staticmethod
    def _add_row(model: EditableRowsModel, table: QTableView) -> None:
        """Add a blank row and start editing its first cell (nothing if read-only)."""
        row = model.add_row()
        if row >= 0:
            index = model.index(row, 0)
            table.setCurrentIndex(index)
            table.edit(index)

    @staticmethod
    def _remove_current_row(model: EditableRowsModel, table: QTableView) -> None:
        index = table.currentIndex()
        if index.isValid():
            model.remove_row(index.row())

    def _submitted(self, note: str, record_type: RecordType) -> bool:
        """Sign through the view-model; on success show ``note`` and tell the other pages."""
        self.messages.clear_message()
        if not self.vm.submit():
            return False
        self.messages.show_note(note)
        self.context.events.records_changed.emit(record_type.value)
        return True

    def _amended(self, reason: str, note: str) -> bool:
        """Open the amendment draft through the view-model; on success show ``note``."""
        self.messages.clear_message()
        if not self.vm.amend(reason):
            return False
        self.messages.show_note(note)
        return True

    def _hazard_opened(self, index) -> None:
        self.context.navigator.go(index.data(TargetRole))
