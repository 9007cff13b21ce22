"""Hazards (隐患) page: the list on the left, the selected hazard's editor on the right."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QEvent,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.models.hazard_history import HazardHistoryModel
from desktop.models.hazards import HazardColumn, HazardTableModel
from desktop.models.roles import SortRole
from desktop.models.sync_states import sync_state_text
from desktop.navigation import (
    HAZARDS,
    DailyCheckTarget,
    HazardListTarget,
    HazardTarget,
    WeekTarget,
)
from desktop.pages import PageSpec
from desktop.viewmodels.hazard_editor import HazardEditorViewModel
from desktop.widgets.chips import ChipDelegate
from desktop.widgets.date_fields import OptionalDateEdit
from desktop.widgets.page_header import PageHeader
from desktop.widgets.record_forms import MessageBar, form_page, scrolled, setup_table
from sync.clock import china_now
from sync.daily_checks import photo_file
from sync.equipment import list_equipment
from sync.errors import SafeDeskError
from sync.hazards import finding_record, list_hazards
from sync.monthly_minutes import unit_people
from sync.records import (
    HAZARD_GRADE_LABELS,
    HAZARD_SOURCE_LABELS,
    HAZARD_STATUS_LABELS,
    HazardGrade,
    HazardSource,
    HazardStatus,
    RecordType,
    label,
)

logger = logging.getLogger(__name__)

TITLE = QT_TRANSLATE_NOOP("Navigation", "Hazards")

# The date a deadline editor shows while no deadline is chosen (drawn as "请选择").
_NO_DATE = QDate(2000, 1, 1)
_THUMBNAIL = QSize(96, 72)
# Below this width (logical pixels) the hazard list hides its owner column.
NARROW_LIST_WIDTH = 720
# The description takes what the other columns leave, but never less than this.
DESCRIPTION_MIN_WIDTH = 120


class HazardsPage(QWidget):
    """Lists the unit's hazards and edits one; every change goes through ``sync.hazards``.

    Reads are short local queries made on the UI thread; writes go through the view-model,
    which saves an existing hazard's edits after a pause and before any status move.
    """

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.store
        self.profile = context.profile
        self.language = context.language
        self.editor = HazardEditorViewModel(self.store, self.profile, parent=self)
        self._filling = False
        self._equipment_filter: str | None = None

        self.messages = MessageBar(self.language)
        self.list_model = HazardTableModel(self.language, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.list_model)
        self.proxy.setSortRole(SortRole)
        self.history_model = HazardHistoryModel(self.language, self)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        # A little more for the list whatever the screen; the form's size hint would otherwise
        # take most of it.
        splitter.setSizes([1200, 800])
        self.table.viewport().installEventFilter(self)

        self.header = PageHeader(QCoreApplication.translate("Navigation", TITLE))
        self.header.subtitle.setText(
            self.tr("Found → rectifying → awaiting verification → closed; every step is kept")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addWidget(self.messages)
        layout.addWidget(splitter, 1)

        self.editor.hazard_changed.connect(self._fill_editor)
        self.editor.saved.connect(self._after_save)
        self.editor.created.connect(self._after_create)
        self.editor.failed.connect(self.messages.show_error)
        context.events.records_changed.connect(self._records_changed)
        self._stale = True
        self._announcing = False
        self._shown_hazard: str | None = None
        self._fill_editor()

    # --- building ----------------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        self.new_button = QPushButton(self.tr("New hazard"))
        self.new_button.clicked.connect(lambda: self.start_new_hazard())
        self.filter_box = QComboBox()
        self.filter_box.addItem(self.tr("Open"), True)
        self.filter_box.addItem(self.tr("All"), False)
        self.filter_box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.count_label = QLabel()
        self.equipment_filter_label = QLabel()
        self.clear_filter_button = QPushButton(self.tr("All equipment"))
        self.clear_filter_button.clicked.connect(lambda: self.filter_equipment(None))

        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.filter_box)
        bar.addWidget(self.equipment_filter_label)
        bar.addWidget(self.clear_filter_button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(HazardColumn.DEADLINE, Qt.SortOrder.AscendingOrder)
        setup_table(self.table, widths={HazardColumn.EQUIPMENT: 115})
        header = self.table.horizontalHeader()
        # The description is sized in _fit_columns to what is left; it goes last, so on a
        # narrow list it is its elided end (in full in the tooltip and the editor) that is
        # cut, never the state or sync columns.
        header.setSectionResizeMode(HazardColumn.DESCRIPTION, QHeaderView.ResizeMode.Interactive)
        header.moveSection(header.visualIndex(HazardColumn.DESCRIPTION), header.count() - 1)
        self.table.setItemDelegate(ChipDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)

        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.table, 1)
        panel.setMinimumWidth(360)
        return panel

    def _build_editor(self) -> QWidget:
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600;")

        self.start_button = QPushButton(self.tr("Start rectification"))
        self.verify_button = QPushButton(self.tr("Ask for verification"))
        self.close_button = QPushButton(self.tr("Verified: close"))
        self.reject_button = QPushButton(self.tr("Verification failed"))
        self.create_button = QPushButton(self.tr("Record hazard"))
        self.create_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.start_button.clicked.connect(lambda: self._move(HazardStatus.RECTIFYING))
        self.verify_button.clicked.connect(lambda: self._move(HazardStatus.AWAITING_VERIFICATION))
        self.close_button.clicked.connect(lambda: self._move(HazardStatus.CLOSED))
        self.reject_button.clicked.connect(self._reject)
        self.create_button.clicked.connect(self.editor.create)
        self.cancel_button.clicked.connect(self._cancel_new)
        actions = QHBoxLayout()
        for button in (
            self.create_button,
            self.cancel_button,
            self.start_button,
            self.verify_button,
            self.close_button,
            self.reject_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)

        self.tabs = QTabWidget()
        self.tabs.addTab(scrolled(self._build_fields()), self.tr("Hazard details"))
        self.tabs.addTab(
            scrolled(self._build_rectification()), self.tr("Rectification and verification")
        )
        self.history_table = QTableView()
        self.history_table.setModel(self.history_model)
        setup_table(self.history_table, stretch_column=2)
        self.history_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.tabs.addTab(self.history_table, self.tr("History"))

        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addLayout(actions)
        column.addWidget(self.tabs, 1)
        panel.setMinimumWidth(400)
        return panel

    def _build_fields(self) -> QWidget:
        self.grade_box = QComboBox()
        for grade in HazardGrade:
            self.grade_box.addItem(label(HAZARD_GRADE_LABELS, grade, self.language), grade.value)
        self.source_box = QComboBox()
        for source in HazardSource:
            self.source_box.addItem(
                label(HAZARD_SOURCE_LABELS, source, self.language), source.value
            )
        self.equipment_box = QComboBox()
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(
            self.tr("Where, what is wrong, what it could lead to")
        )
        self.description_edit.setFixedHeight(72)
        self.measures_edit = QPlainTextEdit()
        self.measures_edit.setPlaceholderText(self.tr("Controls put in place when it was found"))
        self.measures_edit.setFixedHeight(60)
        self.stop_use_box = QCheckBox(self.tr("Equipment taken out of use"))
        self.owner_edit = QLineEdit()
        self.deadline_edit = OptionalDateEdit(_NO_DATE, self.tr("Choose…"))
        self.photo_list = QListWidget()
        self.photo_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.photo_list.setIconSize(_THUMBNAIL)
        self.photo_list.setFixedHeight(_THUMBNAIL.height() + 36)
        self.photo_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.photo_list.itemDoubleClicked.connect(self._open_photo)
        self.add_photo_button = QPushButton(self.tr("Add photos…"))
        self.add_photo_button.clicked.connect(self._choose_photos)
        self.remove_photo_button = QPushButton(self.tr("Remove selected photo"))
        self.remove_photo_button.clicked.connect(self._remove_photo)
        self.source_link = QPushButton(self.tr("Open the record that found it"))
        self.source_link.setFlat(True)
        self.source_link.setStyleSheet("color: #1565c0; text-align: left;")
        self.source_link.clicked.connect(self._open_source)

        self._connect_field(self.grade_box, "grade")
        self._connect_field(self.source_box, "source")
        self._connect_field(self.equipment_box, "equipment_id")
        self.description_edit.textChanged.connect(
            lambda: self._changed("description", self.description_edit.toPlainText())
        )
        self.measures_edit.textChanged.connect(
            lambda: self._changed("immediate_measures", self.measures_edit.toPlainText())
        )
        self.stop_use_box.toggled.connect(lambda on: self._changed("stop_use", on))
        self.owner_edit.textChanged.connect(lambda text: self._changed("owner", text.strip()))
        self.deadline_edit.dateChanged.connect(self._deadline_changed)

        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(self.add_photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        photo_buttons.addStretch(1)
        self.no_photos_label = QLabel(self.tr("No photos yet"))
        self.no_photos_label.setObjectName("hintText")
        photos = QVBoxLayout()
        photos.setContentsMargins(0, 0, 0, 0)
        photos.addWidget(self.no_photos_label)
        photos.addWidget(self.photo_list)
        photos.addLayout(photo_buttons)

        grade_row = QHBoxLayout()
        grade_row.addWidget(self.grade_box, 1)
        grade_row.addWidget(QLabel(self.tr("Source")))
        grade_row.addWidget(self.source_box, 1)
        owner_row = QHBoxLayout()
        owner_row.addWidget(self.owner_edit, 1)
        owner_row.addWidget(QLabel(self.tr("Rectification deadline")))
        owner_row.addWidget(self.deadline_edit)

        page, form = form_page()
        form.addRow(self.tr("Grade"), grade_row)
        form.addRow(self.tr("Equipment"), self.equipment_box)
        form.addRow(self.tr("Hazard description"), self.description_edit)
        form.addRow(self.tr("Photos"), photos)
        form.addRow(self.tr("Immediate measures"), self.measures_edit)
        form.addRow("", self.stop_use_box)
        form.addRow(self.tr("Owner"), owner_row)
        form.addRow("", self.source_link)
        return page

    def _build_rectification(self) -> QWidget:
        self.rectification_edit = QPlainTextEdit()
        self.rectification_edit.setPlaceholderText(self.tr("What was done, by whom and when"))
        self.verification_edit = QPlainTextEdit()
        self.verification_edit.setPlaceholderText(self.tr("Who verified, when, and the conclusion"))
        self.closure_label = QLabel()
        self.closure_label.setWordWrap(True)
        self.rectification_edit.textChanged.connect(
            lambda: self._changed("rectification", self.rectification_edit.toPlainText())
        )
        self.verification_edit.textChanged.connect(
            lambda: self._changed("verification", self.verification_edit.toPlainText())
        )
        page, form = form_page()
        form.addRow(self.tr("Rectification"), self.rectification_edit)
        form.addRow(self.tr("Verification"), self.verification_edit)
        form.addRow(self.tr("Closure"), self.closure_label)
        return page

    def _connect_field(self, box: QComboBox, field: str) -> None:
        box.currentIndexChanged.connect(lambda _index: self._changed(field, box.currentData()))

    # --- showing -----------------------------------------------------------------------------

    def activate(self, target: object | None) -> None:
        """Shown by the main window: refresh, then open a hazard or narrow the list."""
        if isinstance(target, HazardTarget):
            self.show_hazard(target.hazard_id)
        elif isinstance(target, HazardListTarget):
            self.filter_equipment(target.equipment_id)
        elif self._stale or self.editor.detail is None:
            self.refresh()
        if self.editor.detail is None and not self.editor.is_new and self.proxy.rowCount():
            # Nothing chosen yet: show the most urgent hazard rather than an empty editor.
            self.table.selectRow(0)

    def flush(self) -> None:
        """Save the shown hazard's pending edits (before the page is hidden or the app closes)."""
        self.editor.flush()

    def hideEvent(self, event) -> None:
        self.editor.flush()
        super().hideEvent(event)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """On a narrow list (a small screen at 125 %) drop the owner column, which the editor
        shows anyway, so the description keeps readable room."""
        narrow = self.table.width() < NARROW_LIST_WIDTH
        self.table.setColumnHidden(HazardColumn.OWNER, narrow)
        header = self.table.horizontalHeader()
        others = sum(
            header.sectionSize(column)
            for column in HazardColumn
            if column != HazardColumn.DESCRIPTION and not header.isSectionHidden(column)
        )
        room = self.table.viewport().width() - others
        header.resizeSection(HazardColumn.DESCRIPTION, max(room, DESCRIPTION_MIN_WIDTH))

    def _records_changed(self, record_type: str) -> None:
        # Another page wrote hazards (a daily check's finding): re-read when next shown. While
        # shown, a sync run (which announces every kind of record) may have changed the listed
        # hazards and the one in the editor: re-read them now, without touching typing.
        if record_type not in (RecordType.HAZARD, RecordType.EQUIPMENT) or self._announcing:
            return
        if not self.isVisible():
            self._stale = True
            return
        # A message about the record as it was (a refused photo, a failed save) is stale now.
        self.messages.clear_message()
        self.refresh()
        self.editor.reread()

    def refresh(self) -> None:
        """Reload the list and the people and equipment the editor offers."""
        self._stale = False
        open_only = bool(self.filter_box.currentData())
        hazards = list_hazards(self.store, self.profile.unit_id, open_only=open_only)
        if self._equipment_filter:
            hazards = [each for each in hazards if each.equipment_id == self._equipment_filter]
        shown = self.editor.detail.id if self.editor.detail else None
        self.list_model.set_hazards(hazards)
        overdue = sum(1 for hazard in hazards if hazard.overdue)
        self.count_label.setText(
            self.tr("{count} hazards, {overdue} overdue").format(
                count=len(hazards), overdue=overdue
            )
        )
        self._fill_choices()
        self.equipment_filter_label.setVisible(self._equipment_filter is not None)
        self.clear_filter_button.setVisible(self._equipment_filter is not None)
        if self._equipment_filter:
            name = self.equipment_box.itemText(self.equipment_box.findData(self._equipment_filter))
            self.equipment_filter_label.setText(self.tr("Only: {name}").format(name=name))
        if shown:
            self._select_row(shown)
        # The columns sized to their contents may have changed with the rows.
        self._fit_columns()

    def filter_equipment(self, equipment_id: str | None) -> None:
        """List only one equipment's hazards (None: all of them)."""
        self._equipment_filter = equipment_id
        self.refresh()

    def _fill_choices(self) -> None:
        self._filling = True
        current = self.equipment_box.currentData()
        self.equipment_box.clear()
        self.equipment_box.addItem(self.tr("(whole unit, no single equipment)"), None)
        for equipment in list_equipment(self.store, self.profile.unit_id):
            self.equipment_box.addItem(equipment.name, equipment.id)
        self.equipment_box.setCurrentIndex(max(self.equipment_box.findData(current), 0))
        names = [person.name for person in unit_people(self.store, self.profile.unit_id)]
        self.owner_edit.setCompleter(QCompleter(names, self.owner_edit))
        self._filling = False

    def row_of(self, hazard_id: str) -> int | None:
        """The list model's row of a hazard, or None when the list does not show it."""
        for row in range(self.list_model.rowCount()):
            if self.list_model.hazard(row).id == hazard_id:
                return row
        return None

    def show_hazard(self, hazard_id: str) -> bool:
        """Open one hazard by id (from the Today view, an equipment's history, ...)."""
        self._equipment_filter = None
        self.refresh()
        if self.row_of(hazard_id) is None and self.filter_box.currentData():
            self.filter_box.setCurrentIndex(1)  # a closed hazard: list them all
        if not self.editor.load(hazard_id):
            return False
        self._select_row(hazard_id)
        return True

    def shown_target(self) -> HazardTarget | None:
        """The hazard in the editor, to open again when the window is rebuilt (language)."""
        return HazardTarget(self.editor.detail.id) if self.editor.detail else None

    def start_new_hazard(self, **prefill) -> None:
        """Write up a new hazard; ``prefill`` (equipment_id, source, description, ...) e.g. from
        a daily check's abnormal item."""
        self.table.clearSelection()
        self.editor.start_new(**prefill)
        self.tabs.setCurrentIndex(0)
        self.description_edit.setFocus()

    def _select_row(self, hazard_id: str) -> None:
        row = self.row_of(hazard_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.list_model.index(row, 0))
        self.table.blockSignals(True)
        self.table.selectionModel().blockSignals(True)
        self.table.selectRow(index.row())
        self.table.setCurrentIndex(index)
        self.table.selectionModel().blockSignals(False)
        self.table.blockSignals(False)
        self.table.scrollTo(index)

    def _row_chosen(self, current, _previous) -> None:
        if not current.isValid():
            return
        hazard = self.list_model.hazard(self.proxy.mapToSource(current).row())
        if self.editor.detail is None or self.editor.detail.id != hazard.id:
            self.messages.clear_message()
            self.editor.load(hazard.id)

    def _fill_editor(self) -> None:
        editor = self.editor
        values = editor.values
        shown = editor.detail.id if editor.detail else ("new" if values else None)
        if shown != self._shown_hazard:
            # Another record: a message about the last one (e.g. a refused photo) would mislead.
            self.messages.clear_message()
            self._shown_hazard = shown
        self._filling = True
        has_hazard = bool(values)
        editable = editor.editable

        for widget in (
            self.grade_box,
            self.source_box,
            self.equipment_box,
            self.description_edit,
            self.measures_edit,
            self.stop_use_box,
            self.owner_edit,
            self.deadline_edit,
            self.rectification_edit,
            self.verification_edit,
            self.add_photo_button,
            self.remove_photo_button,
        ):
            widget.setEnabled(has_hazard and editable)
        self.tabs.setEnabled(has_hazard)

        self.grade_box.setCurrentIndex(max(self.grade_box.findData(values.get("grade")), 0))
        self.source_box.setCurrentIndex(max(self.source_box.findData(values.get("source")), 0))
        self.equipment_box.setCurrentIndex(
            max(self.equipment_box.findData(values.get("equipment_id")), 0)
        )
        self._set_text(self.description_edit, values.get("description", ""))
        self._set_text(self.measures_edit, values.get("immediate_measures", ""))
        self._set_text(self.rectification_edit, values.get("rectification", ""))
        self._set_text(self.verification_edit, values.get("verification", ""))
        self.stop_use_box.setChecked(bool(values.get("stop_use")))
        if self.owner_edit.text() != values.get("owner", ""):
            self.owner_edit.setText(values.get("owner", ""))
        deadline = values.get("deadline")
        if deadline:
            day = dt.date.fromisoformat(deadline)
            self.deadline_edit.setDate(QDate(day.year, day.month, day.day))
        else:
            self.deadline_edit.clear_date()
        self._fill_photos(values.get("photos", []))
        self._fill_status()
        self.history_model.set_history(editor.history, self._equipment_names())
        self._filling = False

    def _equipment_names(self) -> dict[str, str]:
        return {
            self.equipment_box.itemData(row): self.equipment_box.itemText(row)
            for row in range(1, self.equipment_box.count())
        }

    @staticmethod
    def _set_text(edit: QPlainTextEdit, text: str) -> None:
        if edit.toPlainText() != text:
            edit.setPlainText(text)

    def _fill_photos(self, photos: list[dict]) -> None:
        self.photo_list.clear()
        for photo in photos:
            path = photo_file(self.store, photo["sha256"])
            pixmap = QPixmap(str(path)) if path else QPixmap()
            item = QListWidgetItem(photo.get("file_name", ""))
            if not pixmap.isNull():
                item.setIcon(QIcon(pixmap.scaled(_THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio)))
            item.setData(Qt.ItemDataRole.UserRole, photo["sha256"])
            item.setToolTip(str(path or ""))
            self.photo_list.addItem(item)
        self.photo_list.setVisible(bool(photos))
        self.no_photos_label.setVisible(not photos)

    def _fill_status(self) -> None:
        editor = self.editor
        detail = editor.detail
        is_new = editor.is_new
        allowed = editor.next_statuses()
        awaiting = detail is not None and detail.status == HazardStatus.AWAITING_VERIFICATION

        self.create_button.setVisible(is_new)
        self.cancel_button.setVisible(is_new)
        self.start_button.setVisible(HazardStatus.RECTIFYING in allowed and not awaiting)
        self.verify_button.setVisible(HazardStatus.AWAITING_VERIFICATION in allowed)
        self.close_button.setVisible(HazardStatus.CLOSED in allowed)
        self.reject_button.setVisible(awaiting)
        self.source_link.setVisible(
            detail is not None
            and bool(detail.source_record_id)
            and detail.source in (HazardSource.DAILY_CHECK, HazardSource.WEEKLY_REPORT)
        )

        if is_new:
            self.heading.setText(
                self.tr("New hazard: fill in the description and deadline, then record it")
            )
            self.heading.setStyleSheet("font-weight: 600;")
        elif detail is None:
            self.heading.setText(self.tr("Choose a hazard on the left, or record a new one"))
            self.heading.setStyleSheet("font-weight: 600; color: #757575;")
        else:
            status = label(HAZARD_STATUS_LABELS, detail.status, self.language)
            if detail.overdue:
                text = self.tr("{status} · deadline {deadline}, overdue").format(
                    status=status, deadline=detail.deadline
                )
                self.heading.setStyleSheet("font-weight: 600; color: #b71c1c;")
            else:
                text = self.tr("{status} · deadline {deadline}").format(
                    status=status, deadline=detail.deadline
                )
                self.heading.setStyleSheet("font-weight: 600;")
            if detail.sync_state == "pending":
                text += self.tr(" (not yet synced)")
            elif detail.sync_state in ("conflict", "rejected"):
                text += self.tr(" ({state}: see “needs attention” in the status bar)").format(
                    state=sync_state_text(detail.sync_state, self.language)
                )
            self.heading.setText(text)

        if detail is not None and detail.closed_at is not None:
            self.closure_label.setText(
                self.tr("Closed at {moment}").format(
                    moment=china_now(detail.closed_at).strftime("%Y-%m-%d %H:%M")
                )
            )
        else:
            self.closure_label.setText(self.tr("Closed once verified"))

    # --- editing -----------------------------------------------------------------------------

    def _changed(self, field: str, value) -> None:
        if not self._filling:
            self.editor.change(field, value)

    def _deadline_changed(self, date: QDate) -> None:
        text = date.toString("yyyy-MM-dd") if self.deadline_edit.is_set() else ""
        self._changed("deadline", text)

    def _choose_photos(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose photos"),
            str(Path.home()),
            self.tr("Pictures (*.jpg *.jpeg *.png *.heic *.webp *.bmp *.gif)"),
        )
        if files:
            self.add_photo_files([Path(file) for file in files])

    def add_photo_files(self, files: list[Path]) -> None:
        if self.editor.add_photos(files):
            self._fill_photos(self.editor.values.get("photos", []))

    def _remove_photo(self) -> None:
        item = self.photo_list.currentItem()
        if item is not None:
            self.editor.remove_photo(item.data(Qt.ItemDataRole.UserRole))
            self._fill_photos(self.editor.values.get("photos", []))

    def _open_photo(self, item: QListWidgetItem) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(item.toolTip()))

    def _open_source(self) -> None:
        """Show the daily check or weekly report that found the shown hazard."""
        detail = self.editor.detail
        if detail is None or not detail.source_record_id:
            return
        try:
            found = finding_record(self.store, detail.source, detail.source_record_id)
        except SafeDeskError as error:
            self.messages.show_error(error)
            return
        target = None
        if found is not None and found.record_type == RecordType.DAILY_CHECK:
            target = DailyCheckTarget(found.equipment_id, found.record_id)
        elif found is not None:
            target = WeekTarget(found.iso_year, found.iso_week, report_id=found.record_id)
        if target is None:
            self.messages.show_error(self.tr("The record that found this hazard is not here."))
            return
        self.context.navigator.go(target)

    def _move(self, target: HazardStatus, note: str = "") -> None:
        self.messages.clear_message()
        if self.editor.move(target.value, note):
            self.messages.show_note(
                self.tr("Now “{status}”").format(
                    status=label(HAZARD_STATUS_LABELS, target, self.language)
                )
            )
            self._after_save()

    def _reject(self) -> None:
        note, accepted = QInputDialog.getText(
            self, self.tr("Verification failed"), self.tr("Why did verification fail?")
        )
        if accepted:
            self.reject_verification(note)

    def reject_verification(self, note: str) -> None:
        """Verification failed: back to rectification, with the reason in the history."""
        if not note.strip():
            self.messages.show_error(self.tr("Please say why verification failed."))
            return
        self._move(HazardStatus.RECTIFYING, note)

    def _cancel_new(self) -> None:
        self.editor.clear()

    def _after_save(self) -> None:
        self._show_state_and_history()
        self._announce_hazards()
        self.refresh()

    def _show_state_and_history(self) -> None:
        self.history_model.set_history(self.editor.history, self._equipment_names())
        self._fill_status()

    def _after_create(self, hazard_id: str) -> None:
        self.messages.show_note(self.tr("Hazard recorded"))
        self._announce_hazards()
        self.refresh()
        self._select_row(hazard_id)

    def _announce_hazards(self) -> None:
        # The other pages re-read; this one refreshes itself right after.
        self._announcing = True
        try:
            self.context.events.records_changed.emit(RecordType.HAZARD.value)
        finally:
            self._announcing = False


def make_page(context: AppContext) -> QWidget:
    return HazardsPage(context)


PAGE = PageSpec(key=HAZARDS, title=TITLE, order=30, factory=make_page, shortcut="Ctrl+3")
