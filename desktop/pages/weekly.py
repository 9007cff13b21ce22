"""Weekly investigation (周排查) page: pick the ISO week and family, review the week, write the
director's report, sign it; amend a signed one."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.models.checklist_answers import (
    ITEM_COLUMN,
    REMARK_COLUMN,
    RESULT_COLUMN,
    ChecklistAnswersModel,
)
from desktop.models.editable_rows import EditableRowsModel
from desktop.models.minutes import FAMILY_LABELS
from desktop.models.roles import TargetRole
from desktop.models.week_rollup import WeekHazardModel, WeekRollupModel
from desktop.navigation import WEEKLY, WeekTarget
from desktop.pages import PageSpec
from desktop.pages.signed_record import SignedRecordPage
from desktop.viewmodels.weekly_report import WeeklyReportViewModel
from desktop.widgets.chips import ChipDelegate, ChipLabel
from desktop.widgets.page_header import PageHeader
from desktop.widgets.record_forms import (
    ChoiceDelegate,
    DateDelegate,
    MessageBar,
    fit_table_height,
    scrolled,
    setup_table,
)
from sync.clock import china_now, china_today, iso_week_days, iso_week_of
from sync.completion import DayState
from sync.records import RecordStatus, RecordType, label

logger = logging.getLogger(__name__)

TITLE = QT_TRANSLATE_NOOP("Navigation", "Weekly investigation")


class WeeklyReportPage(SignedRecordPage):
    """The safety director's weekly report, one per equipment family and ISO week.

    Store reads are short local queries on the UI thread; the view-model saves the draft while
    the director types and signs it on submit.
    """

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        view_model: WeeklyReportViewModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.vm = view_model or WeeklyReportViewModel(
            context.store, context.profile, context.templates, parent=self
        )
        self._filling = False
        self._loaded = False

        self.messages = MessageBar(self.language)
        self.rollup_model = WeekRollupModel(self.language, self)
        self.hazard_model = WeekHazardModel(self.language, self)
        self.items_model = ChecklistAnswersModel(self.language, self)
        self.measures_model = EditableRowsModel(
            [
                ("action", self.tr("Measure")),
                ("owner", self.tr("Owner")),
                ("deadline", self.tr("Due by")),
            ],
            parent=self,
        )

        self.header = PageHeader(QCoreApplication.translate("Navigation", TITLE))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addLayout(self._build_week_bar())
        layout.addLayout(self._build_status_bar())
        layout.addWidget(self.messages)
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolled(self._build_week_tab()), self.tr("The week"))
        self.tabs.addTab(self._build_items_tab(), self.tr("Items"))
        self.tabs.addTab(scrolled(self._build_analysis_tab()), self.tr("Analysis and measures"))
        layout.addWidget(self.tabs, 1)

        self.vm.report_changed.connect(self._fill)
        self.vm.sync_states_changed.connect(self._sync_states_read)
        self.vm.saved.connect(self._show_saved)
        self.vm.failed.connect(self.messages.show_error)
        context.events.records_changed.connect(self._records_changed)

    # --- building ----------------------------------------------------------------------------

    def _build_week_bar(self) -> QHBoxLayout:
        self.previous_button = QToolButton()
        self.previous_button.setText("◀")
        self.previous_button.setToolTip(self.tr("Previous week"))
        self.previous_button.clicked.connect(lambda: self._step_week(-7))
        self.next_button = QToolButton()
        self.next_button.setText("▶")
        self.next_button.setToolTip(self.tr("Next week"))
        self.next_button.clicked.connect(lambda: self._step_week(7))
        self.week_label = QLabel()
        self.week_label.setStyleSheet("font-weight: 600;")
        self.date_picker = QDateEdit()
        self.date_picker.setCalendarPopup(True)
        self.date_picker.setDisplayFormat("yyyy-MM-dd")
        self.date_picker.setToolTip(self.tr("Pick a day to show its week"))
        self.date_picker.dateChanged.connect(self._date_picked)
        self.this_week_button = QPushButton(self.tr("This week"))
        self.this_week_button.clicked.connect(self._go_this_week)
        self.family_box = QComboBox()
        self.family_box.currentIndexChanged.connect(self._family_picked)

        self.header.subtitle.setText(
            self.tr("The safety director's weekly report, one per equipment family")
        )
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.week_label)
        bar.addWidget(self.next_button)
        bar.addWidget(self.date_picker)
        bar.addWidget(self.this_week_button)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Family")))
        bar.addWidget(self.family_box)
        return bar

    def _build_status_bar(self) -> QHBoxLayout:
        # The report's own sync state (#4), as the lists show it, in front of its status.
        self.sync_chip = ChipLabel()
        self.sync_chip.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.version_box = QComboBox()
        self.version_box.setToolTip(self.tr("Original and amendments"))
        self.version_box.activated.connect(self._version_picked)
        self.all_normal_button = QPushButton(self.tr("Unanswered items normal"))
        self.all_normal_button.clicked.connect(self._all_normal)
        self.submit_button = QPushButton(self.tr("Sign and submit"))
        self.submit_button.clicked.connect(self.submit)
        self.amend_button = QPushButton(self.tr("Amend…"))
        self.amend_button.clicked.connect(self._ask_amendment)

        bar = QHBoxLayout()
        bar.addWidget(self.sync_chip)
        bar.addWidget(self.status_label, 1)
        bar.addWidget(self.version_box)
        bar.addWidget(self.all_normal_button)
        bar.addWidget(self.amend_button)
        bar.addWidget(self.submit_button)
        return bar

    def _build_week_tab(self) -> QWidget:
        self.rollup_table = QTableView()
        self.rollup_table.setModel(self.rollup_model)
        setup_table(self.rollup_table, stretch_column=0)
        self.rollup_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.rollup_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.rollup_table.doubleClicked.connect(self._rollup_opened)
        self.rollup_table.setToolTip(self.tr("Double-click a day to open that day's check"))
        self.rollup_summary = QLabel()
        self.rollup_summary.setWordWrap(True)
        checks = QGroupBox(self.tr("Daily checks"))
        checks_layout = QVBoxLayout(checks)
        checks_layout.addWidget(self.rollup_summary)
        checks_layout.addWidget(self.rollup_table)

        self.hazard_table = QTableView()
        self.hazard_table.setModel(self.hazard_model)
        setup_table(self.hazard_table, stretch_column=3)
        self.hazard_table.setItemDelegate(ChipDelegate(self.hazard_table))
        self.hazard_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.hazard_table.doubleClicked.connect(self._hazard_opened)
        self.hazard_summary = QLabel()
        hazards = QGroupBox(self.tr("This week's hazards"))
        hazards_layout = QVBoxLayout(hazards)
        hazards_layout.addWidget(self.hazard_summary)
        hazards_layout.addWidget(self.hazard_table)

        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(checks)
        column.addWidget(hazards)
        column.addStretch(1)
        return page

    def _build_items_tab(self) -> QWidget:
        self.items_table = QTableView()
        self.items_table.setModel(self.items_model)
        setup_table(self.items_table, stretch_column=ITEM_COLUMN, widths={REMARK_COLUMN: 220})
        self.items_table.setItemDelegateForColumn(RESULT_COLUMN, ChoiceDelegate(self))
        self.items_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.items_table.setEditTriggers(
            QTableView.EditTrigger.DoubleClicked
            | QTableView.EditTrigger.SelectedClicked
            | QTableView.EditTrigger.EditKeyPressed
            | QTableView.EditTrigger.AnyKeyPressed
        )
        self.items_table.verticalHeader().setVisible(True)
        hint = QLabel(
            self.tr(
                "Double-click or press F2 to fill in result and "
                "remark; an abnormal item needs a remark."
            )
        )
        hint.setStyleSheet("color: #616161;")
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(hint)
        column.addWidget(self.items_table, 1)
        return page

    def _build_analysis_tab(self) -> QWidget:
        self.participants_edit = QLineEdit()
        self.participants_edit.setPlaceholderText(self.tr("e.g. director, officers, maintainer"))
        self.analysis_edit = QPlainTextEdit()
        self.analysis_edit.setPlaceholderText(
            self.tr(
                "This week's judgement: what daily checks found, hazard progress, changing risks"
            )
        )
        self.analysis_edit.setMinimumHeight(90)
        self.measures_table = QTableView()
        self.measures_table.setModel(self.measures_model)
        setup_table(self.measures_table, stretch_column=0, widths={1: 110, 2: 120})
        self.measures_table.setItemDelegate(DateDelegate(self))
        self.measures_table.setMinimumHeight(120)
        add_button = QPushButton(self.tr("Add measure"))
        add_button.clicked.connect(self._add_measure)
        self.remove_measure_button = QPushButton(self.tr("Remove selected"))
        self.remove_measure_button.clicked.connect(self._remove_measure)
        self.add_measure_button = add_button
        measure_buttons = QHBoxLayout()
        measure_buttons.addWidget(add_button)
        measure_buttons.addWidget(self.remove_measure_button)
        measure_buttons.addStretch(1)
        measures = QVBoxLayout()
        measures.setContentsMargins(0, 0, 0, 0)
        measures.addWidget(self.measures_table)
        measures.addLayout(measure_buttons)
        self.matters_edit = QPlainTextEdit()
        self.matters_edit.setPlaceholderText(
            self.tr(
                "People, money or equipment the principal must "
                "decide on (goes to the monthly meeting)"
            )
        )
        self.matters_edit.setMinimumHeight(70)
        self.focus_edit = QPlainTextEdit()
        self.focus_edit.setMinimumHeight(60)

        self.participants_edit.textChanged.connect(lambda text: self._edited(participants=text))
        self.analysis_edit.textChanged.connect(
            lambda: self._edited(analysis=self.analysis_edit.toPlainText())
        )
        self.matters_edit.textChanged.connect(
            lambda: self._edited(matters_for_principal=self.matters_edit.toPlainText())
        )
        self.focus_edit.textChanged.connect(
            lambda: self._edited(next_focus=self.focus_edit.toPlainText())
        )

        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Participants"), self.participants_edit)
        form.addRow(self.tr("Analysis"), self.analysis_edit)
        form.addRow(self.tr("Measures"), measures)
        form.addRow(self.tr("For the principal"), self.matters_edit)
        form.addRow(self.tr("Next week's focus"), self.focus_edit)
        outer.addLayout(form)
        outer.addStretch(1)
        return page

    # --- showing -----------------------------------------------------------------------------

    def activate(self, target: object | None) -> None:
        """Shown by the main window: the week (or report) a link names, else this week."""
        if isinstance(target, WeekTarget):
            self._loaded = True
            if target.report_id:
                self.vm.open_report(target.report_id)
            else:
                if target.family:
                    self.vm.family = target.family
                self.vm.iso_year, self.vm.iso_week = target.iso_year, target.iso_week
                self.vm.load()
        elif not self._loaded:
            self._loaded = True
            self.vm.load()
        else:
            self.vm.refresh_rollup()
            self.vm.refresh_sync_states()

    def _records_changed(self, record_type: str) -> None:
        # Shown again, the page reads everything afresh (activate); while shown, a daily check
        # signed on another page changes this week's roll-up, and a sync run (which announces
        # every kind of record) moves the sync states of the report and what it lists.
        if not self.isVisible() or not self._loaded:
            return
        if record_type in (RecordType.DAILY_CHECK, RecordType.HAZARD):
            self.vm.refresh_rollup()
        self.vm.refresh_sync_states()

    def _sync_states_read(self) -> None:
        self._fill_rollup()
        self._fill_sync_chip()

    def _fill(self) -> None:
        vm = self.vm
        form = vm.form
        self._filling = True

        days = iso_week_days(vm.iso_year, vm.iso_week)
        self.week_label.setText(
            self.tr("{year}-W{week} ({start} – {end})").format(
                year=vm.iso_year,
                week=vm.iso_week,
                start=days[0].strftime("%m-%d"),
                end=days[-1].strftime("%m-%d"),
            )
        )
        current = QDate(days[0].year, days[0].month, days[0].day)
        picked = self.date_picker.date().toPython()
        if iso_week_of(picked) != (vm.iso_year, vm.iso_week):
            self.date_picker.setDate(current)
        self.family_box.clear()
        for family in vm.families:
            self.family_box.addItem(label(FAMILY_LABELS, family, self.language), family)
        self.family_box.setCurrentIndex(max(self.family_box.findData(vm.family), 0))

        self._fill_rollup()
        editable = vm.editable
        answers = form.items if form else {}
        self.items_model.set_checklist(vm.template, answers, editable=editable, on_edit=vm.set_item)
        self.measures_model.set_rows(
            form.measures if form else [], editable=editable, on_change=vm.rows_changed
        )
        self._set_text(self.participants_edit, form.participants if form else "")
        self._set_text(self.analysis_edit, form.analysis if form else "")
        self._set_text(self.matters_edit, form.matters_for_principal if form else "")
        self._set_text(self.focus_edit, form.next_focus if form else "")
        for widget in (
            self.participants_edit,
            self.analysis_edit,
            self.matters_edit,
            self.focus_edit,
        ):
            widget.setReadOnly(not editable)
        self.add_measure_button.setEnabled(editable)
        self.remove_measure_button.setEnabled(editable)
        self._fill_status()
        self._filling = False

    def _fill_rollup(self) -> None:
        rollup = self.vm.rollup
        self.rollup_model.set_rollup(rollup)
        if rollup is None:
            self.rollup_summary.setText(self.tr("The unit has no registered equipment."))
            self.hazard_model.set_hazards((), (), ())
            self.hazard_summary.setText("")
            return
        self.rollup_summary.setText(
            self.tr(
                "{due} equipment-days due: {done} done, {draft} draft, "
                "{missing} missing, {idle} not running"
            ).format(
                due=rollup.due,
                done=rollup.done,
                draft=rollup.count(DayState.DRAFT),
                missing=rollup.count(DayState.MISSING),
                idle=rollup.count(DayState.NOT_RUNNING),
            )
        )
        self.hazard_model.set_hazards(rollup.opened, rollup.closed, rollup.overdue)
        self.rollup_table.resizeRowsToContents()
        fit_table_height(self.rollup_table)
        fit_table_height(self.hazard_table, minimum_rows=1)
        self.hazard_summary.setText(
            self.tr("{opened} new, {closed} closed, {overdue} overdue").format(
                opened=len(rollup.opened), closed=len(rollup.closed), overdue=len(rollup.overdue)
            )
        )
        if self.vm.form is not None and self.vm.form.read_only:
            self.rollup_summary.setText(self.rollup_summary.text() + self.tr(" (as at signing)"))

    def _fill_status(self) -> None:
        form = self.vm.form
        self._fill_sync_chip()
        self.version_box.clear()
        for number, report in enumerate(self.vm.reports):
            if report.amends_id:
                text = self.tr("Amendment {number}").format(number=number)
            else:
                text = self.tr("Original")
            if report.status == RecordStatus.DRAFT:
                text = self.tr("{version} (draft)").format(version=text)
            self.version_box.addItem(text, report.id)
        if form is not None and form.record_id:
            self.version_box.setCurrentIndex(max(self.version_box.findData(form.record_id), 0))
        self.version_box.setVisible(len(self.vm.reports) > 1)

        editable = self.vm.editable
        self.submit_button.setVisible(editable)
        self.all_normal_button.setVisible(editable)
        self.amend_button.setVisible(
            form is not None
            and form.status == RecordStatus.SUBMITTED
            and not any(
                report.amends_id == form.record_id and report.status == RecordStatus.DRAFT
                for report in self.vm.reports
            )
        )

        if form is None:
            self.status_label.setText(self.tr("This week's report cannot be shown."))
        elif form.status == RecordStatus.SUBMITTED:
            moment = china_now(form.submitted_at).strftime("%Y-%m-%d %H:%M")
            text = self.tr("Submitted: signed by {name} at {moment}; read-only").format(
                name=form.signed_by_name, moment=moment
            )
            self.status_label.setText(text)
        elif form.record_id is None:
            self.status_label.setText(self.tr("New report: saved as a draft as you type"))
        else:
            self.status_label.setText(self.tr("Draft: saved as you type"))
        if form is not None and form.amends_id:
            self.status_label.setText(
                self.status_label.text()
                + self.tr("; amendment reason: {reason}").format(reason=form.amendment_reason)
            )

    @staticmethod
    def _set_text(edit, text: str) -> None:
        current = edit.text() if isinstance(edit, QLineEdit) else edit.toPlainText()
        if current == text:
            return
        if isinstance(edit, QLineEdit):
            edit.setText(text)
        else:
            edit.setPlainText(text)

    def _show_saved(self) -> None:
        form = self.vm.form
        if form is None or form.status != RecordStatus.DRAFT:
            return
        if self.version_box.count() != len(self.vm.reports):
            self._fill_status()
        self._fill_sync_chip()
        saved = self.tr("Draft: saved {time}").format(time=china_now().strftime("%H:%M:%S"))
        if form.amends_id:
            saved += self.tr("; amendment reason: {reason}").format(reason=form.amendment_reason)
        self.status_label.setText(saved)

    # --- acting ------------------------------------------------------------------------------

    def _step_week(self, days: int) -> None:
        monday = dt.date.fromisocalendar(self.vm.iso_year, self.vm.iso_week, 1)
        self.vm.select_week(*iso_week_of(monday + dt.timedelta(days=days)))

    def _date_picked(self, date: QDate) -> None:
        if not self._filling:
            self.vm.select_week(*iso_week_of(date.toPython()))

    def _go_this_week(self) -> None:
        self.vm.select_week(*iso_week_of(china_today()))

    def _family_picked(self, _index: int) -> None:
        family = self.family_box.currentData()
        if not self._filling and family:
            self.vm.select_family(family)

    def _version_picked(self, _index: int) -> None:
        record_id = self.version_box.currentData()
        if record_id and (self.vm.form is None or record_id != self.vm.form.record_id):
            self.vm.open_report(record_id)

    def _all_normal(self) -> None:
        changed = self.vm.mark_unanswered_normal()
        self.items_model.answers_changed()
        if changed:
            self.messages.show_note(self.tr("{count} items marked normal").format(count=changed))

    def _add_measure(self) -> None:
        self._add_row(self.measures_model, self.measures_table)

    def _remove_measure(self) -> None:
        self._remove_current_row(self.measures_model, self.measures_table)

    def submit(self) -> bool:
        return self._submitted(
            self.tr("Weekly report signed and submitted"), RecordType.WEEKLY_REPORT
        )

    def _ask_amendment(self) -> None:
        reason, accepted = QInputDialog.getText(
            self,
            self.tr("Amend the weekly report"),
            self.tr("Reason for the amendment (kept with the original):"),
        )
        if accepted:
            self.amend(reason)

    def amend(self, reason: str) -> bool:
        note = self.tr("Amendment draft opened; the original stays as it was")
        return self._amended(reason, note)

    def _rollup_opened(self, index) -> None:
        target = index.data(TargetRole)
        if target is not None:
            self.context.navigator.go(target)


def make_page(context: AppContext) -> QWidget:
    return WeeklyReportPage(context)


PAGE = PageSpec(key=WEEKLY, title=TITLE, order=40, factory=make_page, shortcut="Ctrl+4")
