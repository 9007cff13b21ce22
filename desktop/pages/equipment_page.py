"""Equipment (设备) page: the register on the left; identity, status and history on the right."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models.equipment_table_model import (
    EquipmentColumn,
    EquipmentHistoryModel,
    EquipmentTableModel,
)
from desktop.models.roles import SortRole, code_label, ui_language
from desktop.pages.common import MessageBar, setup_table
from sync.equipment import (
    INSPECTION_STATE_LABELS,
    InspectionState,
    equipment_detail,
    equipment_history,
    list_equipment,
)
from sync.errors import SafeDeskError
from sync.profile import Profile
from sync.records import EQUIPMENT_STATUS_LABELS
from sync.store.database import Store

logger = logging.getLogger(__name__)


class EquipmentPage(QWidget):
    """Read-only view of the register; identity fields belong to the registry on the server."""

    open_record_requested = Signal(str, str)
    """(record type, record id): a line of the history was double-clicked; the main window
    opens that record (daily check, hazard or weekly report)."""

    def __init__(self, store: Store, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.profile = profile
        self.current_id: str | None = None

        self.messages = MessageBar()
        self.list_model = EquipmentTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.list_model)
        self.proxy.setSortRole(SortRole)
        self.history_model = EquipmentHistoryModel(self)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(EquipmentColumn.NAME, Qt.SortOrder.AscendingOrder)
        setup_table(self.table, widths={EquipmentColumn.NAME: 170})
        self.table.setWordWrap(False)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.table.setMinimumWidth(340)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 6)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([4000, 6000])

        title = QLabel(self.tr("Equipment register"))
        title.setStyleSheet("font-size: 16px; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(title)
        layout.addWidget(self.messages)
        layout.addWidget(splitter, 1)

    def _build_detail(self) -> QWidget:
        self.fields: dict[str, QLabel] = {}
        identity = QGroupBox(self.tr("Equipment details"))
        form = QFormLayout(identity)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        rows = (
            ("name", self.tr("Equipment name")),
            ("equipment_code", self.tr("Equipment code")),
            ("registration_no", self.tr("Registration no.")),
            ("kind", self.tr("Equipment kind")),
            ("location", self.tr("Place of use")),
            ("status", self.tr("Use status")),
            ("next_inspection", self.tr("Next inspection date")),
            ("responsible", self.tr("Responsible officer")),
        )
        for key, caption in rows:
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.fields[key] = value
            form.addRow(caption, value)

        self.history_table = QTableView()
        self.history_table.setModel(self.history_model)
        setup_table(self.history_table, stretch_column=4)
        self.history_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.history_table.doubleClicked.connect(self._history_opened)
        self.history_table.setToolTip(self.tr("Double-click to open the record"))
        history = QGroupBox(self.tr("Records (newest first; double-click to open)"))
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(self.history_table)

        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(identity)
        column.addWidget(history, 1)
        panel.setMinimumWidth(420)
        return panel

    # --- showing -----------------------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        self.list_model.set_equipment(list_equipment(self.store, self.profile.unit_id))
        if self.current_id is None and self.list_model.rowCount():
            first = self.proxy.index(0, 0)
            self.current_id = self.list_model.equipment_at(self.proxy.mapToSource(first).row()).id
        if self.current_id:
            self.show_equipment(self.current_id)

    def show_equipment(self, equipment_id: str) -> bool:
        """Show one equipment by id, selecting it in the list."""
        try:
            detail = equipment_detail(self.store, equipment_id)
            history = equipment_history(self.store, equipment_id)
        except SafeDeskError as error:
            self.messages.show_error(error)
            return False
        self.current_id = equipment_id
        self._fill(detail)
        self.history_model.set_history(history)
        row = self.list_model.row_of(equipment_id)
        if row is not None:
            index = self.proxy.mapFromSource(self.list_model.index(row, 0))
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(index.row())
            self.table.setCurrentIndex(index)
            self.table.selectionModel().blockSignals(False)
        return True

    def _fill(self, detail) -> None:
        self.fields["name"].setText(detail.name)
        self.fields["equipment_code"].setText(detail.equipment_code)
        self.fields["registration_no"].setText(detail.registration_no or "—")
        self.fields["kind"].setText(f"{detail.kind_code} {detail.kind_label(ui_language())}")
        self.fields["location"].setText(detail.location or "—")
        self.fields["status"].setText(code_label(EQUIPMENT_STATUS_LABELS, detail.status))
        self.fields["responsible"].setText(detail.responsible_name or "—")

        state = code_label(INSPECTION_STATE_LABELS, detail.inspection)
        label = self.fields["next_inspection"]
        if detail.next_inspection_date:
            label.setText(
                self.tr("{date} ({state})").format(date=detail.next_inspection_date, state=state)
            )
        else:
            label.setText(state)
        colours = {
            InspectionState.EXPIRED: "color: #b71c1c; font-weight: 600;",
            InspectionState.DUE_SOON: "color: #8a5300; font-weight: 600;",
        }
        label.setStyleSheet(colours.get(detail.inspection, ""))

    def _row_chosen(self, current, _previous) -> None:
        if current.isValid():
            equipment = self.list_model.equipment_at(self.proxy.mapToSource(current).row())
            self.show_equipment(equipment.id)

    def _history_opened(self, index) -> None:
        line = self.history_model.line_at(index.row())
        self.open_record_requested.emit(line.record_type.value, line.record_id)
