"""Equipment (设备) page: the register on the left; identity, status and history on the right."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.models.equipment import (
    INSPECTION_TONES,
    EquipmentColumn,
    EquipmentHistoryModel,
    EquipmentTableModel,
)
from desktop.models.roles import SortRole, TargetRole
from desktop.navigation import EQUIPMENT, DailyCheckTarget, EquipmentTarget, HazardListTarget
from desktop.pages import PageSpec
from desktop.widgets.chips import ChipDelegate, ChipLabel
from desktop.widgets.link_table import LinkTableView
from desktop.widgets.page_header import PageHeader
from desktop.widgets.record_forms import MessageBar, setup_table
from sync.equipment import (
    INSPECTION_STATE_LABELS,
    EquipmentDetail,
    equipment_detail,
    equipment_history,
    list_equipment,
)
from sync.errors import SafeDeskError
from sync.records import EQUIPMENT_STATUS_LABELS, EquipmentStatus, label

logger = logging.getLogger(__name__)

TITLE = QT_TRANSLATE_NOOP("Navigation", "Equipment")


class EquipmentPage(QWidget):
    """Read-only view of the register: identity fields belong to the registry on the server
    (#3), so nothing here edits them. Each history line is a link to its record."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.profile = context.profile
        self.language = context.language
        self.current_id: str | None = None
        self._stale = True

        self.messages = MessageBar(self.language)
        self.list_model = EquipmentTableModel(self.language, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.list_model)
        self.proxy.setSortRole(SortRole)
        self.history_model = EquipmentHistoryModel(self.language, self)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(EquipmentColumn.NAME, Qt.SortOrder.AscendingOrder)
        setup_table(self.table, widths={EquipmentColumn.NAME: 150})
        self.table.setItemDelegate(ChipDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.table.setMinimumWidth(320)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_detail())
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([4500, 5500])

        self.header = PageHeader(QCoreApplication.translate("Navigation", TITLE))
        self.header.subtitle.setText(
            self.tr("Registered special equipment, its inspection date and its records")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addWidget(self.messages)
        layout.addWidget(splitter, 1)
        context.events.records_changed.connect(self._records_changed)

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
            ("responsible", self.tr("Responsible officer")),
        )
        for key, caption in rows:
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.fields[key] = value
            form.addRow(caption, value)
        self.status_chip = ChipLabel()
        self.inspection_chip = ChipLabel()
        chips = QHBoxLayout()
        chips.addWidget(self.status_chip)
        chips.addWidget(self.inspection_chip)
        chips.addStretch(1)
        form.addRow(self.tr("Use status"), chips)

        self.check_button = QPushButton(self.tr("Today's daily check"))
        self.check_button.clicked.connect(self._open_todays_check)
        self.hazards_button = QPushButton(self.tr("Its hazards"))
        self.hazards_button.clicked.connect(self._open_hazards)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.hazards_button)
        buttons.addStretch(1)
        form.addRow("", buttons)

        self.history_table = LinkTableView()
        self.history_table.setModel(self.history_model)
        setup_table(self.history_table, stretch_column=EquipmentHistoryModel.DETAIL)
        self.history_table.setItemDelegate(ChipDelegate(self.history_table))
        self.history_table.verticalHeader().setVisible(False)
        self.history_table.setWordWrap(False)
        self.history_table.link_activated.connect(self._history_opened)
        history = QGroupBox(self.tr("Records (newest first; click to open)"))
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

    def activate(self, target: object | None) -> None:
        """Shown by the main window: refresh, and show the equipment a link asked for."""
        if isinstance(target, EquipmentTarget):
            self.current_id = target.equipment_id
            self.refresh()
        elif self._stale:
            self.refresh()

    def _records_changed(self, _record_type: str) -> None:
        # Any record may appear in an equipment's history: re-read when next shown, or now
        # while shown (a sync run announces every kind of record). Nothing here is edited.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        self._stale = False
        self.list_model.set_equipment(list_equipment(self.store, self.profile.unit_id))
        if self.current_id is None and self.proxy.rowCount():
            first = self.proxy.mapToSource(self.proxy.index(0, 0)).row()
            self.current_id = self.list_model.equipment_at(first).id
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
        self.history_model.set_history(equipment_id, history)
        row = self.list_model.row_of(equipment_id)
        if row is not None:
            index = self.proxy.mapFromSource(self.list_model.index(row, 0))
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(index.row())
            self.table.setCurrentIndex(index)
            self.table.selectionModel().blockSignals(False)
        return True

    def _fill(self, detail: EquipmentDetail) -> None:
        self.fields["name"].setText(detail.name)
        self.fields["equipment_code"].setText(detail.equipment_code)
        self.fields["registration_no"].setText(detail.registration_no or "—")
        self.fields["kind"].setText(f"{detail.kind_code} {detail.kind_label(self.language)}")
        self.fields["location"].setText(detail.location or "—")
        self.fields["responsible"].setText(detail.responsible_name or "—")

        in_use = detail.status == EquipmentStatus.IN_USE
        self.status_chip.set_chip(
            label(EQUIPMENT_STATUS_LABELS, detail.status, self.language),
            INSPECTION_TONES["ok" if in_use else "unknown"],
        )
        state = label(INSPECTION_STATE_LABELS, detail.inspection, self.language)
        if detail.next_inspection_date:
            text = self.tr("Next inspection {date} · {state}").format(
                date=detail.next_inspection_date, state=state
            )
        else:
            text = state
        self.inspection_chip.set_chip(text, INSPECTION_TONES[detail.inspection])
        self.check_button.setEnabled(in_use)

    def _row_chosen(self, current, _previous) -> None:
        if current.isValid():
            equipment = self.list_model.equipment_at(self.proxy.mapToSource(current).row())
            self.show_equipment(equipment.id)

    def _history_opened(self, index) -> None:
        target = index.data(TargetRole)
        if target is not None:
            self.context.navigator.go(target)

    def _open_todays_check(self) -> None:
        if self.current_id:
            self.context.navigator.go(DailyCheckTarget(self.current_id))

    def _open_hazards(self) -> None:
        if self.current_id:
            self.context.navigator.go(HazardListTarget(self.current_id))


def make_page(context: AppContext) -> QWidget:
    return EquipmentPage(context)


PAGE = PageSpec(key=EQUIPMENT, title=TITLE, order=20, factory=make_page, shortcut="Ctrl+2")
