"""Today (今日), the home page: what the unit still has to do today, and what is overdue."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.models.hazards import HazardColumn, HazardTableModel
from desktop.models.roles import TargetRole
from desktop.models.today import (
    PRESENCE_TONES,
    AgendaColumn,
    AgendaTableModel,
    EquipmentColumn,
    TodayEquipmentTableModel,
    presence_text,
)
from desktop.navigation import TODAY, HazardListTarget
from desktop.pages import PageSpec
from desktop.tasks import TaskResult
from desktop.widgets.chips import ChipLabel, Tone
from desktop.widgets.link_table import LinkTableView
from desktop.widgets.page_header import PageHeader
from sync.errors import SafeDeskError
from sync.overview import RecordPresence, TodayOverview, today_overview

logger = logging.getLogger(__name__)

TITLE = QT_TRANSLATE_NOOP("Navigation", "Today")
# The columns an officer reads in the lower tables need this many CJK characters' width;
# the open hazards and the agenda stand side by side only when both get it (#4: English
# labels and 125 % scaling need more room for the other columns, and then they stack).
DESCRIPTION_MIN_CHARS = 12
RECORD_MIN_CHARS = 15
# Room a group box and its table take besides the columns: frames, margins, a scroll bar.
BOX_CHROME = 40
CONTENT_MARGIN = 16
WEEKDAYS = (
    QT_TRANSLATE_NOOP("TodayPage", "Monday"),
    QT_TRANSLATE_NOOP("TodayPage", "Tuesday"),
    QT_TRANSLATE_NOOP("TodayPage", "Wednesday"),
    QT_TRANSLATE_NOOP("TodayPage", "Thursday"),
    QT_TRANSLATE_NOOP("TodayPage", "Friday"),
    QT_TRANSLATE_NOOP("TodayPage", "Saturday"),
    QT_TRANSLATE_NOOP("TodayPage", "Sunday"),
)


class TodayPage(QWidget):
    """Lists today's daily checks, open hazards, the week's and month's records, inspections.

    Data is read off the UI thread (``sync.overview.today_overview``) each time the page is
    shown or records change while it is visible. Every line is a link (see the models).
    """

    loaded = Signal()
    """The page shows a freshly read overview (``self.overview``)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.overview: TodayOverview | None = None
        self._loading = False
        self._stale = True

        self.header = PageHeader(QCoreApplication.translate("Navigation", TITLE))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the records again (Ctrl+R)"))
        self.refresh_button.clicked.connect(self.reload)
        self.header.actions.addWidget(self.refresh_button)
        QShortcut(QKeySequence("Ctrl+R"), self, self.reload)

        self.checks_chip = ChipLabel()
        self.hazards_chip = ChipLabel()
        self.week_chip = ChipLabel()
        self.month_chip = ChipLabel()
        self.inspection_chip = ChipLabel()
        summary = QHBoxLayout()
        summary.setSpacing(8)
        for chip in (
            self.checks_chip,
            self.hazards_chip,
            self.week_chip,
            self.month_chip,
            self.inspection_chip,
        ):
            summary.addWidget(chip)
        summary.addStretch(1)

        self.equipment_model = TodayEquipmentTableModel(context.language, self)
        self.equipment_view = LinkTableView()
        self.equipment_view.setObjectName("todayEquipment")
        self.equipment_view.setModel(self.equipment_model)
        self.equipment_view.link_activated.connect(self._open_link)
        header = self.equipment_view.horizontalHeader()
        # Status columns take the width of their chips in the current language and scale (fixed
        # widths cut English chips short at 125 %), and so does the name, which an officer reads
        # first; the kind, which the name mostly says already, takes what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(EquipmentColumn.KIND, QHeaderView.ResizeMode.Stretch)
        equipment_box = QGroupBox(self.tr("Daily checks of equipment in use"))
        equipment_layout = QVBoxLayout(equipment_box)
        equipment_layout.addWidget(self.equipment_view)
        self.no_equipment = QLabel(
            self.tr(
                "No equipment in use is registered for this unit yet. Equipment comes from the "
                "provincial registry when the laptop syncs (#4)."
            )
        )
        self.no_equipment.setWordWrap(True)
        self.no_equipment.hide()
        equipment_layout.addWidget(self.no_equipment)

        self.hazard_model = HazardTableModel(context.language, self)
        self.hazard_view = LinkTableView()
        self.hazard_view.setObjectName("todayHazards")
        self.hazard_view.setModel(self.hazard_model)
        self.hazard_view.link_activated.connect(self._open_link)
        hazard_header = self.hazard_view.horizontalHeader()
        hazard_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hazard_header.setSectionResizeMode(
            HazardColumn.EQUIPMENT, QHeaderView.ResizeMode.Interactive
        )
        self.hazard_view.setColumnWidth(HazardColumn.EQUIPMENT, 130)
        hazard_header.setSectionResizeMode(HazardColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.all_hazards = QPushButton(self.tr("All hazards…"))
        self.all_hazards.setFlat(True)
        self.all_hazards.clicked.connect(lambda: context.navigator.go(HazardListTarget()))
        hazard_box = QGroupBox(self.tr("Open hazards"))
        hazard_layout = QVBoxLayout(hazard_box)
        hazard_layout.addWidget(self.hazard_view)
        hazard_layout.addWidget(self.all_hazards, 0, Qt.AlignmentFlag.AlignRight)
        hazard_layout.addStretch(1)

        self.agenda_model = AgendaTableModel(context.language, self)
        self.agenda_view = LinkTableView()
        self.agenda_view.setObjectName("todayAgenda")
        self.agenda_view.setModel(self.agenda_model)
        self.agenda_view.link_activated.connect(self._open_link)
        agenda_header = self.agenda_view.horizontalHeader()
        agenda_header.setSectionResizeMode(AgendaColumn.WHAT, QHeaderView.ResizeMode.Stretch)
        agenda_header.setSectionResizeMode(
            AgendaColumn.STATUS, QHeaderView.ResizeMode.ResizeToContents
        )
        agenda_header.setSectionResizeMode(
            AgendaColumn.SYNC, QHeaderView.ResizeMode.ResizeToContents
        )
        agenda_box = QGroupBox(self.tr("This week, this month, inspections"))
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.addWidget(self.agenda_view)
        agenda_layout.addStretch(1)

        # Side by side on a wide window; stacked when narrow (125 % scaling on 1366 px).
        self.lower = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.lower.addWidget(hazard_box, 3)
        self.lower.addWidget(agenda_box, 2)

        self.problem = QLabel()
        self.problem.setObjectName("problemText")
        self.problem.setWordWrap(True)
        self.problem.hide()

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(CONTENT_MARGIN, 12, CONTENT_MARGIN, 12)
        content_layout.setSpacing(10)
        content_layout.addWidget(self.header)
        content_layout.addLayout(summary)
        content_layout.addWidget(self.problem)
        content_layout.addWidget(equipment_box)
        content_layout.addLayout(self.lower)
        content_layout.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        context.events.records_changed.connect(self._records_changed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_lower(event.size().width())

    def _arrange_lower(self, page_width: int) -> None:
        """Open hazards beside the agenda when both keep their text column readable at this
        width (in the current language and scale), else one above the other."""
        char = self.fontMetrics().horizontalAdvance("中")
        hazards_needed = _fixed_columns_width(self.hazard_view, HazardColumn.DESCRIPTION)
        hazards_needed += DESCRIPTION_MIN_CHARS * char + BOX_CHROME
        agenda_needed = _fixed_columns_width(self.agenda_view, AgendaColumn.WHAT)
        agenda_needed += RECORD_MIN_CHARS * char + BOX_CHROME

        # The boxes share the row 3 : 2 (the stretch factors given to self.lower).
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        row = page_width - 2 * CONTENT_MARGIN - scroll_bar - self.lower.spacing()
        wide = hazards_needed <= row * 3 // 5 and agenda_needed <= row * 2 // 5
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.lower.direction() != direction:
            arrangement = "side by side" if wide else "stacked"
            logger.debug("today: lower tables %s at %d px", arrangement, page_width)
            self.lower.setDirection(direction)

    def activate(self, target: object | None = None) -> None:
        self.reload()

    def _records_changed(self, _record_type: str) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        """Read the overview again off the UI thread; the page updates when it arrives."""
        if self._loading:
            self._stale = True
            return
        self._loading = True
        self._stale = False
        self._context.runner.submit(
            today_overview,
            self._context.store,
            self._context.profile.unit_id,
            on_done=self._show_result,
            owner=self,
        )

    def _show_result(self, result: TaskResult[TodayOverview]) -> None:
        self._loading = False
        if not result.ok:
            error = result.error
            if isinstance(error, SafeDeskError):
                text = error.message_en if self._context.language == "en" else error.message
            else:
                text = self.tr("The overview could not be read; details are in the log file.")
            self.problem.setText(text)
            self.problem.show()
            return
        self.problem.hide()
        self._show_overview(result.value)
        if self._stale:
            self.reload()

    def _show_overview(self, overview: TodayOverview) -> None:
        self.overview = overview
        weekday = QCoreApplication.translate("TodayPage", WEEKDAYS[overview.day.weekday()])
        self.header.subtitle.setText(
            self.tr("{date} {weekday} · week {week} · {unit}").format(
                date=overview.day.isoformat(),
                weekday=weekday,
                week=overview.iso_week,
                unit=self._context.profile.unit_name,
            )
        )

        self.equipment_model.set_overview(overview)
        self.hazard_model.set_hazards(overview.open_hazards, overview.day)
        self.agenda_model.set_overview(overview)
        self.equipment_view.fit_height_to_rows()
        self.hazard_view.fit_height_to_rows()
        self.agenda_view.fit_height_to_rows()
        self.no_equipment.setVisible(not overview.equipment)
        self.equipment_view.setVisible(bool(overview.equipment))
        self._show_summary(overview)
        self._arrange_lower(self.width())
        self.loaded.emit()

    def _show_summary(self, overview: TodayOverview) -> None:
        due = len(overview.equipment)
        done = overview.checks_done
        self.checks_chip.set_chip(
            self.tr("Daily checks {done}/{due}").format(done=done, due=due),
            Tone.OK if done == due else Tone.WARN,
        )
        open_count = len(overview.open_hazards)
        overdue = overview.overdue_hazards
        if overdue:
            hazard_text = self.tr("%n open hazard(s), {overdue} overdue", "", open_count)
            self.hazards_chip.set_chip(hazard_text.format(overdue=overdue), Tone.DANGER)
        else:
            hazard_text = self.tr("%n open hazard(s)", "", open_count)
            self.hazards_chip.set_chip(hazard_text, Tone.WARN if open_count else Tone.OK)

        filed, families = overview.weekly_reports_submitted, len(overview.weeks)
        if filed == families:
            week_tone = Tone.OK
        else:
            started = any(week.presence != RecordPresence.MISSING for week in overview.weeks)
            week_tone = Tone.WARN if started or filed else Tone.DANGER
        self.week_chip.set_chip(
            self.tr("Weekly reports {filed}/{families}").format(filed=filed, families=families),
            week_tone,
        )
        month = overview.month.presence
        self.month_chip.set_chip(
            self.tr("Monthly: {status}").format(status=presence_text(month)),
            PRESENCE_TONES[month],
        )
        expired = sum(1 for due_line in overview.inspections if due_line.expired)
        soon = len(overview.inspections) - expired
        if expired:
            text = self.tr("%n inspection(s) expired", "", expired)
            self.inspection_chip.set_chip(text, Tone.DANGER)
        elif soon:
            self.inspection_chip.set_chip(self.tr("%n inspection(s) due soon", "", soon), Tone.WARN)
        else:
            self.inspection_chip.set_chip(self.tr("Inspections in date"), Tone.OK)

    def _open_link(self, index: QModelIndex) -> None:
        target = index.data(TargetRole)
        if target is not None:
            logger.debug("today: opening %s", target)
            self._context.navigator.go(target)


def make_page(context: AppContext) -> QWidget:
    return TodayPage(context)


PAGE = PageSpec(key=TODAY, title=TITLE, order=10, factory=make_page, shortcut="Ctrl+1")


def _fixed_columns_width(view: QTableView, stretch_column: int) -> int:
    """The width of every shown column but ``stretch_column``: a content-sized column as wide
    as its widest cell or header, the others as they are set."""
    header = view.horizontalHeader()
    width = 0
    for column in range(header.count()):
        if column == stretch_column or header.isSectionHidden(column):
            continue
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.ResizeToContents:
            width += max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
        else:
            width += header.sectionSize(column)
    return width
