"""Monthly scheduling meeting (月调度) page: the month's statistics, the sign-in list, the
director's report, decisions and the follow-up of last month's; signing and amending."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
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
from desktop.models.editable_rows import EditableRowsModel
from desktop.models.minutes import (
    AttendeesModel,
    CompletionModel,
    FollowUpModel,
    WeekFilingModel,
)
from desktop.models.week_rollup import WeekHazardModel
from desktop.navigation import MONTHLY, MonthTarget
from desktop.pages import PageSpec
from desktop.pages.signed_record import SignedRecordPage
from desktop.viewmodels.monthly_minutes import MonthlyMinutesViewModel
from desktop.widgets.chips import ChipDelegate, ChipLabel
from desktop.widgets.page_header import PageHeader
from desktop.widgets.record_forms import (
    DateDelegate,
    MessageBar,
    fit_table_height,
    scrolled,
    setup_table,
)
from sync.clock import china_now, china_today
from sync.equipment import INSPECTION_STATE_LABELS
from sync.monthly_minutes import new_decision
from sync.records import ROLE_LABELS, RecordStatus, RecordType, label

logger = logging.getLogger(__name__)

TITLE = QT_TRANSLATE_NOOP("Navigation", "Monthly meeting")

_NO_DATE = QDate(2000, 1, 1)


class MonthlyMinutesPage(SignedRecordPage):
    """The principal's minutes of the month's safety scheduling meeting.

    Store reads are short local queries on the UI thread; the view-model saves the draft while
    the user types and signs it on submit.
    """

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        view_model: MonthlyMinutesViewModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.language = context.language
        self.vm = view_model or MonthlyMinutesViewModel(context.store, context.profile, parent=self)
        self._filling = False
        self._loaded = False
        self._stale = False

        self.messages = MessageBar(self.language)
        self.completion_model = CompletionModel(self)
        self.filing_model = WeekFilingModel(self.language, self)
        self.hazard_model = WeekHazardModel(self.language, self)
        self.attendees_model = AttendeesModel(self.language, self)
        self.follow_up_model = FollowUpModel(self)
        self.decisions_model = EditableRowsModel(
            [
                ("item", self.tr("Decision")),
                ("owner", self.tr("Owner")),
                ("deadline", self.tr("Due by")),
            ],
            make_row=new_decision,
            parent=self,
        )

        self.header = PageHeader(QCoreApplication.translate("Navigation", TITLE))
        self.header.subtitle.setText(
            self.tr("The principal's monthly safety scheduling meeting and its minutes")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.header)
        layout.addLayout(self._build_month_bar())
        layout.addLayout(self._build_status_bar())
        layout.addWidget(self.messages)
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolled(self._build_statistics_tab()), self.tr("Month in figures"))
        self.tabs.addTab(scrolled(self._build_meeting_tab()), self.tr("Meeting"))
        self.tabs.addTab(scrolled(self._build_decisions_tab()), self.tr("Report and decisions"))
        layout.addWidget(self.tabs, 1)

        self.vm.minutes_changed.connect(self._fill)
        self.vm.sync_states_changed.connect(self._sync_states_read)
        self.vm.saved.connect(self._show_saved)
        self.vm.failed.connect(self.messages.show_error)
        context.events.records_changed.connect(self._records_changed)

    # --- building ----------------------------------------------------------------------------

    def _build_month_bar(self) -> QHBoxLayout:
        previous = QToolButton()
        previous.setText("◀")
        previous.setToolTip(self.tr("Previous month"))
        previous.clicked.connect(lambda: self._step_month(-1))
        following = QToolButton()
        following.setText("▶")
        following.setToolTip(self.tr("Next month"))
        following.clicked.connect(lambda: self._step_month(1))
        self.month_picker = QDateEdit()
        self.month_picker.setDisplayFormat("yyyy-MM")
        self.month_picker.setCalendarPopup(True)
        self.month_picker.dateChanged.connect(self._month_picked)
        this_month = QPushButton(self.tr("This month"))
        this_month.clicked.connect(lambda: self.vm.select_month(china_today().strftime("%Y-%m")))

        bar = QHBoxLayout()
        bar.addWidget(previous)
        bar.addWidget(self.month_picker)
        bar.addWidget(following)
        bar.addWidget(this_month)
        bar.addStretch(1)
        return bar

    def _build_status_bar(self) -> QHBoxLayout:
        # The minutes' own sync state (#4), as the lists show it, in front of their status.
        self.sync_chip = ChipLabel()
        self.sync_chip.hide()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.version_box = QComboBox()
        self.version_box.activated.connect(self._version_picked)
        self.submit_button = QPushButton(self.tr("Sign and submit"))
        self.submit_button.clicked.connect(self.submit)
        self.amend_button = QPushButton(self.tr("Amend…"))
        self.amend_button.clicked.connect(self._ask_amendment)
        bar = QHBoxLayout()
        bar.addWidget(self.sync_chip)
        bar.addWidget(self.status_label, 1)
        bar.addWidget(self.version_box)
        bar.addWidget(self.amend_button)
        bar.addWidget(self.submit_button)
        return bar

    def _build_statistics_tab(self) -> QWidget:
        self.statistics_summary = QLabel()
        self.statistics_summary.setWordWrap(True)
        self.statistics_summary.setStyleSheet("font-weight: 600;")

        def table_box(title: str, model, stretch: int) -> tuple[QGroupBox, QTableView]:
            table = QTableView()
            table.setModel(model)
            setup_table(table, stretch_column=stretch)
            table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
            box = QGroupBox(title)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(6, 6, 6, 6)
            box_layout.addWidget(table)
            return box, table

        completion, self.completion_table = table_box(
            self.tr("Daily checks (operating days)"), self.completion_model, 0
        )
        filings, self.filing_table = table_box(self.tr("Weekly reports"), self.filing_model, 2)
        hazards, self.hazard_table = table_box(
            self.tr("This month's hazards"), self.hazard_model, 3
        )
        self.hazard_table.doubleClicked.connect(self._hazard_opened)
        for table in (self.filing_table, self.hazard_table):
            table.setItemDelegate(ChipDelegate(table))
        self.inspections_label = QLabel()
        self.inspections_label.setWordWrap(True)
        inspections = QGroupBox(self.tr("Inspections due"))
        inspections_layout = QVBoxLayout(inspections)
        inspections_layout.addWidget(self.inspections_label)

        grid = QGridLayout()
        grid.addWidget(completion, 0, 0)
        grid.addWidget(filings, 0, 1)
        grid.addWidget(hazards, 1, 0, 1, 2)
        grid.addWidget(inspections, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.statistics_summary)
        column.addLayout(grid)
        column.addStretch(1)
        return page

    def _build_meeting_tab(self) -> QWidget:
        self.meeting_date_edit = QDateEdit()
        self.meeting_date_edit.setCalendarPopup(True)
        self.meeting_date_edit.setDisplayFormat("yyyy-MM-dd")
        self.meeting_date_edit.setMinimumDate(_NO_DATE)
        self.meeting_date_edit.setSpecialValueText(self.tr("Choose…"))
        self.meeting_date_edit.dateChanged.connect(self._meeting_date_changed)
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("e.g. meeting room, 3rd floor"))
        self.place_edit.textChanged.connect(lambda text: self._edited(place=text))
        self.chair_box = QComboBox()
        self.chair_box.currentIndexChanged.connect(
            lambda _index: self._edited(chair_id=self.chair_box.currentData())
        )
        self.attendees_table = QTableView()
        self.attendees_table.setModel(self.attendees_model)
        setup_table(
            self.attendees_table,
            stretch_column=AttendeesModel.NOTE,
            widths={AttendeesModel.NAME: 140, AttendeesModel.ROLE: 110},
        )
        self.attendees_table.setMinimumHeight(170)
        self.guest_button = QPushButton(self.tr("Add a guest…"))
        self.guest_button.clicked.connect(self._add_guest)
        attendees = QVBoxLayout()
        attendees.setContentsMargins(0, 0, 0, 0)
        attendees.addWidget(self.attendees_table)
        guest_row = QHBoxLayout()
        guest_row.addWidget(self.guest_button)
        guest_row.addStretch(1)
        attendees.addLayout(guest_row)

        date_row = QHBoxLayout()
        date_row.addWidget(self.meeting_date_edit)
        date_row.addSpacing(12)
        date_row.addWidget(QLabel(self.tr("Chair")))
        date_row.addWidget(self.chair_box, 1)

        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Meeting date"), date_row)
        form.addRow(self.tr("Place"), self.place_edit)
        form.addRow(self.tr("Sign-in"), attendees)
        outer.addLayout(form)
        outer.addStretch(1)
        return page

    def _build_decisions_tab(self) -> QWidget:
        self.report_edit = QPlainTextEdit()
        self.report_edit.setPlaceholderText(
            self.tr(
                "Director's report: this month's daily checks, weekly "
                "reports, hazard work, decisions needed"
            )
        )
        self.report_edit.setMinimumHeight(100)
        self.report_edit.textChanged.connect(
            lambda: self._edited(director_report=self.report_edit.toPlainText())
        )
        self.decisions_table = QTableView()
        self.decisions_table.setModel(self.decisions_model)
        setup_table(self.decisions_table, stretch_column=0, widths={1: 110, 2: 120})
        self.decisions_table.setItemDelegate(DateDelegate(self))
        self.decisions_table.setMinimumHeight(120)
        self.add_decision_button = QPushButton(self.tr("Add decision"))
        self.add_decision_button.clicked.connect(self._add_decision)
        self.remove_decision_button = QPushButton(self.tr("Remove selected"))
        self.remove_decision_button.clicked.connect(self._remove_decision)
        decision_buttons = QHBoxLayout()
        decision_buttons.addWidget(self.add_decision_button)
        decision_buttons.addWidget(self.remove_decision_button)
        decision_buttons.addStretch(1)
        decisions = QVBoxLayout()
        decisions.setContentsMargins(0, 0, 0, 0)
        decisions.addWidget(self.decisions_table)
        decisions.addLayout(decision_buttons)

        self.follow_up_table = QTableView()
        self.follow_up_table.setModel(self.follow_up_model)
        setup_table(self.follow_up_table, stretch_column=FollowUpModel.ITEM)
        self.follow_up_table.setMinimumHeight(110)
        self.follow_up_empty = QLabel(self.tr("No signed decisions from last month."))
        self.follow_up_empty.setStyleSheet("color: #757575;")
        follow_up = QVBoxLayout()
        follow_up.setContentsMargins(0, 0, 0, 0)
        follow_up.addWidget(self.follow_up_empty)
        follow_up.addWidget(self.follow_up_table)

        page = QWidget()
        outer = QVBoxLayout(page)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Director's report"), self.report_edit)
        form.addRow(self.tr("Decisions"), decisions)
        form.addRow(self.tr("Last month's decisions"), follow_up)
        outer.addLayout(form)
        outer.addStretch(1)
        return page

    # --- showing -----------------------------------------------------------------------------

    def activate(self, target: object | None) -> None:
        """Shown by the main window: the month (or minutes) a link names, else this month."""
        if isinstance(target, MonthTarget):
            self._loaded = True
            if target.minutes_id:
                self.vm.open_minutes(target.minutes_id)
            else:
                self.vm.month = target.month
                self.vm.load()
        elif not self._loaded or self._stale:
            self._loaded = True
            self._stale = False
            self.vm.load()
        else:
            self.vm.refresh_sync_states()

    def _records_changed(self, record_type: str) -> None:
        # The statistics count every other record; recount when next shown. While shown, a
        # sync run (which announces every kind of record) moves the sync states on the page.
        if not self.isVisible():
            if record_type != RecordType.MONTHLY_MINUTES:
                self._stale = True
            return
        if self._loaded:
            self.vm.refresh_sync_states()

    def _sync_states_read(self) -> None:
        self._fill_statistics()
        self._fill_sync_chip()

    def _fill(self) -> None:
        vm = self.vm
        form = vm.form
        editable = vm.editable
        self._filling = True

        first = dt.date.fromisoformat(f"{vm.month}-01")
        self.month_picker.setDate(QDate(first.year, first.month, 1))
        self._fill_statistics()

        self.chair_box.clear()
        for person in vm.people:
            self.chair_box.addItem(
                self.tr("{name} ({role})").format(
                    name=person.name, role=label(ROLE_LABELS, person.role, self.language)
                ),
                person.id,
            )
        self.chair_box.setCurrentIndex(max(self.chair_box.findData(form.chair_id), 0))
        if form.meeting_date:
            day = dt.date.fromisoformat(form.meeting_date)
            self.meeting_date_edit.setDate(QDate(day.year, day.month, day.day))
        else:
            self.meeting_date_edit.setDate(_NO_DATE)
        if self.place_edit.text() != form.place:
            self.place_edit.setText(form.place)
        if self.report_edit.toPlainText() != form.director_report:
            self.report_edit.setPlainText(form.director_report)
        self.attendees_model.set_rows(form.attendees, editable=editable, on_change=vm.rows_changed)
        self.decisions_model.set_rows(form.decisions, editable=editable, on_change=vm.rows_changed)
        self.follow_up_model.set_follow_up(
            vm.previous, form.follow_up, editable=editable, on_change=vm.rows_changed
        )
        self.follow_up_table.setVisible(bool(vm.previous))
        self.follow_up_empty.setVisible(not vm.previous)

        for widget in (self.meeting_date_edit, self.chair_box, self.guest_button):
            widget.setEnabled(editable)
        for widget in (self.place_edit, self.report_edit):
            widget.setReadOnly(not editable)
        self.add_decision_button.setEnabled(editable)
        self.remove_decision_button.setEnabled(editable)
        self._fill_status()
        self._filling = False

    def _fill_statistics(self) -> None:
        statistics = self.vm.statistics
        self.completion_model.set_rows(list(statistics.completion))
        self.filing_model.set_rows(list(statistics.weekly))
        self.hazard_model.set_hazards(statistics.opened, statistics.closed, statistics.overdue)
        # Both upper tables share a row of the grid: give them the taller one's height.
        rows = max(len(statistics.completion), len(statistics.weekly), 2)
        fit_table_height(self.completion_table, minimum_rows=rows)
        fit_table_height(self.filing_table, minimum_rows=rows)
        fit_table_height(self.hazard_table, minimum_rows=1)
        rate = "—" if statistics.rate is None else f"{statistics.rate:.0%}"
        missing_weeks = sum(1 for week in statistics.weekly if week.missing)
        text = self.tr(
            "As of {as_of}: daily checks {rate} ({done}/{due}); hazards {opened} new, "
            "{closed} closed, {overdue} overdue; {stop_use} stop-use; "
            "{missing} weeks missing a weekly report"
        ).format(
            as_of=statistics.as_of,
            rate=rate,
            done=statistics.done,
            due=statistics.due,
            opened=len(statistics.opened),
            closed=len(statistics.closed),
            overdue=len(statistics.overdue),
            stop_use=len(statistics.stop_use),
            missing=missing_weeks,
        )
        if self.vm.form is not None and self.vm.form.read_only:
            text += self.tr(" (as at signing)")
        self.statistics_summary.setText(text)
        lines = [
            self.tr("{name}: {date} ({state})").format(
                name=due.equipment_name,
                date=due.next_inspection_date,
                state=label(INSPECTION_STATE_LABELS, due.state, self.language),
            )
            for due in statistics.inspections
        ]
        self.inspections_label.setText("\n".join(lines) or self.tr("No inspection due or expired."))

    def _fill_status(self) -> None:
        form = self.vm.form
        self._fill_sync_chip()
        self.version_box.clear()
        for number, minutes in enumerate(self.vm.minutes):
            text = (
                self.tr("Amendment {number}").format(number=number)
                if minutes.amends_id
                else self.tr("Original")
            )
            if minutes.status == RecordStatus.DRAFT:
                text = self.tr("{version} (draft)").format(version=text)
            self.version_box.addItem(text, minutes.id)
        if form.record_id:
            self.version_box.setCurrentIndex(max(self.version_box.findData(form.record_id), 0))
        self.version_box.setVisible(len(self.vm.minutes) > 1)

        self.submit_button.setVisible(self.vm.editable)
        open_amendment = any(
            each.amends_id == form.record_id and each.status == RecordStatus.DRAFT
            for each in self.vm.minutes
        )
        self.amend_button.setVisible(form.status == RecordStatus.SUBMITTED and not open_amendment)

        if form.status == RecordStatus.SUBMITTED:
            moment = china_now(form.submitted_at).strftime("%Y-%m-%d %H:%M")
            text = self.tr("Submitted: signed by {name} at {moment}; read-only").format(
                name=form.signed_by_name, moment=moment
            )
        elif form.record_id is None:
            text = self.tr("New minutes: saved as a draft as you type")
        else:
            text = self.tr("Draft: saved as you type")
        if form.amends_id:
            text += self.tr("; amendment reason: {reason}").format(reason=form.amendment_reason)
        self.status_label.setText(text)

    def _show_saved(self) -> None:
        if self.version_box.count() != len(self.vm.minutes):
            self._fill_status()
        self._fill_sync_chip()
        saved = self.tr("Draft: saved {time}").format(time=china_now().strftime("%H:%M:%S"))
        if self.vm.form.amends_id:
            saved += self.tr("; amendment reason: {reason}").format(
                reason=self.vm.form.amendment_reason
            )
        self.status_label.setText(saved)

    # --- acting ------------------------------------------------------------------------------

    def _meeting_date_changed(self, date: QDate) -> None:
        self._edited(meeting_date=None if date == _NO_DATE else date.toString("yyyy-MM-dd"))

    def _step_month(self, months: int) -> None:
        first = dt.date.fromisoformat(f"{self.vm.month}-01")
        index = first.year * 12 + first.month - 1 + months
        self.vm.select_month(f"{index // 12:04d}-{index % 12 + 1:02d}")

    def _month_picked(self, date: QDate) -> None:
        if not self._filling:
            self.vm.select_month(date.toString("yyyy-MM"))

    def _version_picked(self, _index: int) -> None:
        record_id = self.version_box.currentData()
        if record_id and record_id != self.vm.form.record_id:
            self.vm.open_minutes(record_id)

    def _add_guest(self) -> None:
        name, accepted = QInputDialog.getText(
            self,
            self.tr("Guest attendee"),
            self.tr("Name and organisation (e.g. maintainer, Eng. Wang):"),
        )
        if accepted:
            self.attendees_model.add_guest(name)

    def _add_decision(self) -> None:
        self._add_row(self.decisions_model, self.decisions_table)

    def _remove_decision(self) -> None:
        self._remove_current_row(self.decisions_model, self.decisions_table)

    def submit(self) -> bool:
        return self._submitted(self.tr("Minutes signed and submitted"), RecordType.MONTHLY_MINUTES)

    def _ask_amendment(self) -> None:
        reason, accepted = QInputDialog.getText(
            self,
            self.tr("Amend the minutes"),
            self.tr("Reason for the amendment (kept with the original):"),
        )
        if accepted:
            self.amend(reason)

    def amend(self, reason: str) -> bool:
        note = self.tr("Amendment draft opened; the original stays as it was")
        return self._amended(reason, note)


def make_page(context: AppContext) -> QWidget:
    return MonthlyMinutesPage(context)


PAGE = PageSpec(key=MONTHLY, title=TITLE, order=50, factory=make_page, shortcut="Ctrl+5")
