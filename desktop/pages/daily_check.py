"""The daily check page (日管控): one equipment's checklist for one China day.

The page only wires widgets to :class:`desktop.viewmodels.daily_check.DailyCheckViewModel`,
which holds the record, saves drafts and submits. Keyboard use is described in
:mod:`desktop.widgets.checklist_item`; page-wide keys:

- Ctrl+Enter: submit (after a confirmation naming the signer and the device time);
- Ctrl+Shift+N: mark every unanswered item normal;
- Alt+1 / Alt+2 / Alt+3: result of the item holding the focus, from any of its fields;
- Ctrl+P: attach photos to that item; Ctrl+H: open a hazard from it;
- Alt+S: the day's operating status; Alt+Left: back.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.context import AppContext
from desktop.dialogs.amendment import AmendmentDialog
from desktop.dialogs.hazard import OpenHazardDialog
from desktop.navigation import DAILY_CHECK, DailyCheckTarget, HazardTarget
from desktop.pages import PageSpec
from desktop.viewmodels.daily_check import DailyCheckViewModel
from desktop.widgets.checklist_item import ChecklistItemRow
from desktop.widgets.chips import ChipLabel, Tone
from desktop.widgets.notice import FixedNotice
from desktop.widgets.page_header import PageHeader
from sync.clock import china_now
from sync.daily_checks import DailyCheckState
from sync.errors import SafeDeskError
from sync.records import DAY_STATUS_LABELS, ROLE_LABELS, DayStatus, ItemResult, label

logger = logging.getLogger(__name__)

TITLE = QT_TRANSLATE_NOOP("Navigation", "Daily check")
PHOTO_FILTER = "*.jpg *.jpeg *.png *.bmp *.gif *.webp *.heic *.tif"


def _china_time(moment: dt.datetime | None) -> str:
    return china_now(moment).strftime("%Y-%m-%d %H:%M:%S") if moment else ""


class DailyCheckPage(QWidget):
    """Shows and fills one daily check; reached from Today or an equipment's history."""

    submitted = Signal(str)
    """A daily check (by id) was submitted from this page."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.view_model = DailyCheckViewModel(context, self)
        self.rows: dict[str, ChecklistItemRow] = {}
        self._row_order: list[str] = []
        self._built_for: tuple[str, int] | None = None
        self._shown_check_id: str | None = None
        self._last_photo_folder = str(Path.home())

        self.header = PageHeader()
        self.back_button = QPushButton(self.tr("← Back"))
        self.back_button.setToolTip(self.tr("Back to the previous page (Alt+Left)"))
        self.back_button.clicked.connect(self._go_back)
        self.state_chip = ChipLabel()
        self.saved_label = QLabel()
        self.saved_label.setObjectName("hintText")
        self.record_picker = QComboBox()
        self.record_picker.setToolTip(self.tr("Records of this day: the original and corrections"))
        self.record_picker.activated.connect(self._record_picked)
        self.header.actions.addWidget(self.saved_label)
        self.header.actions.addWidget(self.record_picker)
        self.header.actions.addWidget(self.state_chip)
        self.header.actions.addWidget(self.back_button)

        self.status_combo = QComboBox()
        for status in DayStatus:
            self.status_combo.addItem(label(DAY_STATUS_LABELS, status, context.language), status)
        self.status_combo.activated.connect(self._status_picked)
        status_label = QLabel(self.tr("Operating &status:"))
        status_label.setBuddy(self.status_combo)
        self.day_remark = QLineEdit()
        self.day_remark.setPlaceholderText(
            self.tr("Remark for the day (e.g. why the equipment did not run)")
        )
        self.day_remark.textEdited.connect(self.view_model.set_day_remark)
        self.day_remark.editingFinished.connect(self.view_model.flush)
        self.mark_all_button = QPushButton(self.tr("Mark all unanswered normal"))
        self.mark_all_button.setToolTip("Ctrl+Shift+N")
        self.mark_all_button.clicked.connect(self.mark_all_normal)
        self.submit_button = QPushButton(self.tr("Submit…"))
        self.submit_button.setToolTip("Ctrl+Enter")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self.amend_button = QPushButton(self.tr("Correct…"))
        self.amend_button.setToolTip(self.tr("File a correction of this submitted record"))
        self.amend_button.clicked.connect(self.amend)

        day_bar = QHBoxLayout()
        day_bar.setSpacing(8)
        day_bar.addWidget(status_label)
        day_bar.addWidget(self.status_combo)
        day_bar.addWidget(self.day_remark, 1)
        day_bar.addWidget(self.mark_all_button)
        day_bar.addWidget(self.submit_button)
        day_bar.addWidget(self.amend_button)

        self.banner = QFrame()
        self.banner.setObjectName("banner")
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(10, 6, 10, 6)
        banner_layout.addWidget(self.banner_text, 1)
        self.banner.hide()

        # Two lines high whatever it says: fixing an item must not move the list under the mouse.
        self.problem_text = FixedNotice(lines=2)
        self.problem_text.setObjectName("problemText")
        self.problem_text.hide()

        # A failed autosave is said here, not in a dialog: a dialog popping up mid-word would
        # swallow the next keys typed (a space even "clicks" its button).
        self.save_error = QLabel()
        self.save_error.setObjectName("problemText")
        self.save_error.setWordWrap(True)
        self.save_error.hide()

        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.list_widget)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.progress_label = QLabel()
        self.keys_label = QLabel(
            self.tr(
                "Keys: 1 normal · 2 abnormal · 3 n/a · ↑↓ items · Tab reading/remark · "
                "Ctrl+P photo · Ctrl+H hazard · Ctrl+Enter submit"
            )
        )
        self.keys_label.setObjectName("hintText")
        # Wraps rather than widening the window past a 1366x768 screen at 125 % (English).
        self.keys_label.setWordWrap(True)
        self.keys_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        footer = QHBoxLayout()
        footer.addWidget(self.progress_label)
        footer.addStretch(1)
        footer.addWidget(self.keys_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 8)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addLayout(day_bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.save_error)
        layout.addWidget(self.problem_text)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(footer)

        self._add_shortcuts()
        vm = self.view_model
        vm.check_loaded.connect(self._show_check)
        vm.saved.connect(self._show_saved)
        vm.save_failed.connect(self._show_save_failure)
        vm.problems_changed.connect(self._show_problems)
        vm.hazard_links_changed.connect(self._refresh_rows)
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def _add_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        bindings = [
            ("Ctrl+Return", self.submit),
            ("Ctrl+Enter", self.submit),
            ("Ctrl+Shift+N", self.mark_all_normal),
            ("Alt+1", lambda: self._result_for_focused(ItemResult.NORMAL)),
            ("Alt+2", lambda: self._result_for_focused(ItemResult.ABNORMAL)),
            ("Alt+3", lambda: self._result_for_focused(ItemResult.NOT_APPLICABLE)),
            ("Ctrl+P", lambda: self._for_focused(self.add_photos)),
            ("Ctrl+H", lambda: self._for_focused(self.open_hazard_for)),
        ]
        for keys, slot in bindings:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # -- page protocol ---------------------------------------------------------------------

    def activate(self, target: DailyCheckTarget | None = None) -> None:
        try:
            if target is not None:
                self.view_model.load(target.equipment_id, target.check_id)
            elif self.view_model.check is not None:
                self.view_model.reload()
        except SafeDeskError as error:
            logger.error("daily check could not be opened: %s", error.message_en)
            self._show_error(error)
            return
        QTimer.singleShot(0, self.focus_first_open_item)

    def flush(self) -> None:
        self.view_model.flush()

    # -- showing ---------------------------------------------------------------------------

    def _show_error(self, error: SafeDeskError) -> None:
        text = error.message_en if self.context.language == "en" else error.message
        self.problem_text.set_message(text)
        self.problem_text.show()

    def _build_rows(self) -> None:
        vm = self.view_model
        key = (vm.template.id, vm.template.version)
        if self._built_for == key:
            return
        while self.list_layout.count():
            entry = self.list_layout.takeAt(0)
            if entry.widget() is not None:
                entry.widget().deleteLater()
        self.rows.clear()
        self._row_order.clear()

        language = self.context.language
        number = 0
        for category in vm.template.categories:
            items = vm.template.items_in(category.id)
            if not items:
                continue
            heading = QLabel(category.label(language))
            heading.setObjectName("categoryTitle")
            self.list_layout.addWidget(heading)
            for item in items:
                number += 1
                row = ChecklistItemRow(item, number, language)
                self._connect_row(row)
                self.rows[item.id] = row
                self._row_order.append(item.id)
                self.list_layout.addWidget(row)
        self.list_layout.addStretch(1)

        # Tab order follows the list: selector, reading, remark, then the next item.
        previous: QWidget = self.amend_button
        for item_id in self._row_order:
            row = self.rows[item_id]
            for widget in (row.selector, row.value_edit, row.remark_edit):
                QWidget.setTabOrder(previous, widget)
                previous = widget
        self._built_for = key

    def _connect_row(self, row: ChecklistItemRow) -> None:
        vm = self.view_model
        row.result_chosen.connect(self._result_chosen)
        row.value_edited.connect(self._value_edited)
        row.remark_edited.connect(self._remark_edited)
        row.field_left.connect(lambda _item_id: vm.flush())
        row.move_requested.connect(self._move)
        row.add_photo_requested.connect(self.add_photos)
        row.open_photo_requested.connect(self._open_photo)
        row.remove_photo_requested.connect(self._remove_photo)
        row.hazard_requested.connect(self.open_hazard_for)
        row.show_hazard_requested.connect(
            lambda hazard_id: self.context.navigator.go(HazardTarget(hazard_id))
        )

    def _show_check(self) -> None:
        vm = self.view_model
        check = vm.check
        if check.id != self._shown_check_id or vm.read_only:
            # Another record (or a submitted one): the points listed were about the last one.
            self.problem_text.hide()
        self._shown_check_id = check.id
        self._build_rows()

        equipment = vm.equipment
        self.header.title.setText(
            self.tr("{equipment} · daily check").format(equipment=equipment.name)
        )
        self.header.subtitle.setText(
            self.tr("{day} · {template} (version {version}) · code {code}").format(
                day=check.day,
                template=vm.template.title(self.context.language),
                version=check.template_version,
                code=equipment.equipment_code,
            )
        )
        self.status_combo.setCurrentIndex(list(DayStatus).index(DayStatus(check.operating_status)))
        if self.day_remark.text() != check.remark:
            self.day_remark.setText(check.remark)

        read_only = vm.read_only
        self.status_combo.setEnabled(not read_only)
        self.day_remark.setReadOnly(read_only)
        self.mark_all_button.setVisible(not read_only)
        self.submit_button.setVisible(not read_only)
        self.amend_button.setVisible(vm.can_amend)
        self._show_state_chip(check)
        self._show_banner(check)
        self._show_record_picker()
        self._refresh_rows(update_text=True)
        self._show_saved(vm.last_saved_at if not read_only else None)

    def _show_state_chip(self, check: DailyCheckState) -> None:
        if check.status == "submitted":
            self.state_chip.set_chip(self.tr("Submitted"), Tone.OK)
        elif check.amends_id:
            self.state_chip.set_chip(self.tr("Correction draft"), Tone.WARN)
        else:
            self.state_chip.set_chip(self.tr("Draft"), Tone.WARN)

    def _show_banner(self, check: DailyCheckState) -> None:
        lines = []
        if check.status == "submitted":
            lines.append(
                self.tr(
                    "Submitted and signed by {name} at {time} (device time, Beijing). "
                    "It can no longer change; use Correct… to file a correction."
                ).format(name=check.signed_by_name, time=_china_time(check.submitted_at))
            )
            if check.amended_by_id:
                lines.append(self.tr("A correction of this record exists (see the day's records)."))
        if check.amends_id:
            lines.append(
                self.tr("This record corrects an earlier one. Reason: {reason}").format(
                    reason=check.amendment_reason
                )
            )
        if not check.running and check.status != "submitted":
            lines.append(
                self.tr(
                    "The equipment did not run this day: no item needs an answer; "
                    "findings can still be recorded."
                )
            )
        self.banner.setProperty("tone", "ok" if check.status == "submitted" else "warn")
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner_text.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))

    def _show_record_picker(self) -> None:
        records = self.view_model.day_records
        self.record_picker.clear()
        for position, record in enumerate(records):
            if position == 0:
                name = self.tr("Original")
            else:
                name = self.tr("Correction {number}").format(number=position)
            status = self.tr("submitted") if record.status == "submitted" else self.tr("draft")
            self.record_picker.addItem(f"{name} · {status}", record.id)
            if record.id == self.view_model.check.id:
                self.record_picker.setCurrentIndex(position)
        self.record_picker.setVisible(len(records) > 1)

    def _refresh_rows(self, update_text: bool = False) -> None:
        vm = self.view_model
        problems = {problem.item_id: problem for problem in vm.problems}
        language = self.context.language
        for item_id, row in self.rows.items():
            problem = problems.get(item_id)
            row.show_answer(
                vm.answer(item_id),
                hazard_id=vm.hazard_links.get(item_id),
                problem=problem.message(language) if problem else None,
                read_only=vm.read_only,
                update_text=update_text,
            )
        self._show_progress()

    def _show_progress(self) -> None:
        answered, total, abnormal = self.view_model.progress()
        self.progress_label.setText(
            self.tr("Answered {answered}/{total} · abnormal {abnormal}").format(
                answered=answered, total=total, abnormal=abnormal
            )
        )

    def _show_saved(self, moment: dt.datetime | None) -> None:
        self.save_error.hide()
        if moment is None:
            self.saved_label.setText("")
            return
        self.saved_label.setText(
            self.tr("Saved {time}").format(time=china_now(moment).strftime("%H:%M:%S"))
        )
        self._show_progress()

    def _show_save_failure(self, message: str) -> None:
        self.saved_label.setText(self.tr("Not saved!"))
        # Autosave retries with every edit; the text stays in the fields until a save works.
        self.save_error.setText(self.tr("Draft not saved: {reason}").format(reason=message))
        self.save_error.show()

    def _show_problems(self) -> None:
        vm = self.view_model
        self._refresh_rows()
        if not vm.problems:
            # Stays in place (not hidden) so the list does not jump up as the last one is fixed.
            if self.problem_text.isVisible():
                self.problem_text.set_message(self.tr("All marked points are fixed."))
            return
        language = self.context.language
        messages = [problem.message(language) for problem in vm.problems]
        text = self.tr("%n point(s) to fix before submitting:", "", len(vm.problems))
        self.problem_text.set_message(
            f"{text} {'; '.join(messages)}", tooltip="\n".join([text, *messages])
        )
        self.problem_text.show()

    # -- editing ---------------------------------------------------------------------------

    def _result_chosen(self, item_id: str, result: str | None) -> None:
        self.view_model.set_result(item_id, result)
        self._refresh_row(item_id)

    def _value_edited(self, item_id: str, text: str) -> None:
        self.view_model.set_value_text(item_id, text)
        self.rows[item_id].show_range_state(self.view_model.answer(item_id).value)

    def _remark_edited(self, item_id: str, text: str) -> None:
        self.view_model.set_remark(item_id, text)

    def _refresh_row(self, item_id: str) -> None:
        vm = self.view_model
        problem = next((p for p in vm.problems if p.item_id == item_id), None)
        self.rows[item_id].show_answer(
            vm.answer(item_id),
            hazard_id=vm.hazard_links.get(item_id),
            problem=problem.message(self.context.language) if problem else None,
            read_only=vm.read_only,
            update_text=False,
        )
        self._show_progress()

    def _status_picked(self, index: int) -> None:
        self.view_model.set_operating_status(self.status_combo.itemData(index))
        self._show_banner(self.view_model.check)

    def mark_all_normal(self) -> None:
        if self.view_model.read_only:
            return
        outcome = self.view_model.mark_all_normal()
        if outcome.needs_value:
            first = self.rows[outcome.needs_value[0]]
            self.scroll.ensureWidgetVisible(first)
            first.value_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            self.problem_text.set_message(
                self.tr(
                    "%n item(s) marked normal. Items with a reading stay open until "
                    "the reading is entered.",
                    "",
                    len(outcome.marked),
                )
            )
            self.problem_text.show()

    # -- focus and movement ----------------------------------------------------------------

    def focused_item(self) -> str | None:
        for item_id, row in self.rows.items():
            if row.contains_focus():
                return item_id
        return None

    def focus_item(self, item_id: str) -> None:
        row = self.rows[item_id]
        self.scroll.ensureWidgetVisible(row, 0, 40)
        row.selector.setFocus(Qt.FocusReason.TabFocusReason)

    def focus_first_open_item(self) -> None:
        for item_id in self._row_order:
            if not self.view_model.answer(item_id).answered:
                self.focus_item(item_id)
                return
        if self._row_order:
            self.focus_item(self._row_order[0])

    def _move(self, item_id: str, step: int) -> None:
        position = self._row_order.index(item_id) + step
        if 0 <= position < len(self._row_order):
            self.focus_item(self._row_order[position])
        elif position >= len(self._row_order) and not self.view_model.read_only:
            self.submit_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        for row in self.rows.values():
            current = new is not None and (new is row or row.isAncestorOf(new))
            if row.property("current") != current:
                row.setProperty("current", current)
                row.style().unpolish(row)
                row.style().polish(row)

    def _for_focused(self, action) -> None:
        item_id = self.focused_item()
        if item_id is not None:
            action(item_id)

    def _result_for_focused(self, result: ItemResult) -> None:
        item_id = self.focused_item()
        if item_id is not None and not self.view_model.read_only:
            self.rows[item_id].selector.setFocus()
            self.rows[item_id].selector.choose(result.value)

    # -- photos ----------------------------------------------------------------------------

    def add_photos(self, item_id: str) -> None:
        if self.view_model.read_only:
            return
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach photos"),
            self._last_photo_folder,
            self.tr("Pictures ({patterns})").format(patterns=PHOTO_FILTER),
        )
        if not files:
            return
        self._last_photo_folder = str(Path(files[0]).parent)
        refused = self.view_model.attach_photos(item_id, [Path(file) for file in files])
        self._refresh_row(item_id)
        if refused:
            QMessageBox.warning(self, self.tr("Some photos were not attached"), "\n".join(refused))

    def _open_photo(self, item_id: str, sha256: str) -> None:
        path = self.view_model.photo_path(sha256)
        if path is None:
            QMessageBox.information(
                self,
                self.tr("Photo not on this laptop"),
                self.tr("The photo file is not in this laptop's data folder."),
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _remove_photo(self, item_id: str, sha256: str) -> None:
        self.view_model.remove_photo(item_id, sha256)
        self._refresh_row(item_id)

    # -- hazards ---------------------------------------------------------------------------

    def open_hazard_for(self, item_id: str) -> str | None:
        """Ask for the hazard's details, pre-filled from the item; returns its id if opened."""
        vm = self.view_model
        if item_id in vm.hazard_links:
            self.context.navigator.go(HazardTarget(vm.hazard_links[item_id]))
            return None
        if vm.answer(item_id).result != ItemResult.ABNORMAL:
            return None
        item = vm.item(item_id)
        dialog = OpenHazardDialog(
            equipment_name=vm.equipment.name,
            item_text=item.text(self.context.language),
            description=vm.hazard_description(item_id),
            major_hazard_item=item.major_hazard,
            owners=vm.people_names(),
            default_owner=self.context.profile.person_name,
            language=self.context.language,
            parent=self,
        )
        dialog.setObjectName("openHazardDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        try:
            hazard_id = vm.open_hazard(item_id, dialog.request())
        except SafeDeskError as error:
            self._show_error(error)
            return None
        self._refresh_row(item_id)
        self.saved_label.setText(self.tr("Hazard recorded"))
        return hazard_id

    # -- submitting and correcting ---------------------------------------------------------

    def submit(self) -> None:
        vm = self.view_model
        if vm.read_only:
            return
        problems = vm.check_for_submit()
        if problems:
            first = next((p.item_id for p in problems if p.item_id in self.rows), None)
            if first is not None:
                self.focus_item(first)
            return

        box = QMessageBox(self)
        box.setObjectName("submitConfirmation")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Submit the daily check"))
        profile = self.context.profile
        role = label(ROLE_LABELS, profile.role, self.context.language)
        status = label(DAY_STATUS_LABELS, vm.check.operating_status, self.context.language)
        box.setText(
            self.tr(
                "Submit the daily check of {equipment} for {day} ({status})?\n\n"
                "Signed by: {name} ({role})\nDevice time: {time} (Beijing)\n\n"
                "After submitting, the record cannot change; corrections are filed separately."
            ).format(
                equipment=vm.equipment.name,
                day=vm.check.day,
                status=status,
                name=profile.person_name,
                role=role,
                time=_china_time(china_now()),
            )
        )
        unlinked = vm.abnormal_without_hazard()
        hazard_button = None
        if unlinked:
            box.setInformativeText(
                self.tr("%n abnormal item(s) have no hazard recorded yet.", "", len(unlinked))
            )
            hazard_button = box.addButton(
                self.tr("Record hazard first"), QMessageBox.ButtonRole.ActionRole
            )
        submit_button = box.addButton(self.tr("Submit"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(submit_button)
        box.exec()

        clicked = box.clickedButton()
        if hazard_button is not None and clicked is hazard_button:
            self.focus_item(unlinked[0].id)
            self.open_hazard_for(unlinked[0].id)
            return
        if clicked is not submit_button:
            return
        if vm.submit():
            logger.info("daily check %s submitted from the page", vm.check.id)
            self.submitted.emit(vm.check.id)

    def amend(self) -> None:
        vm = self.view_model
        if not vm.can_amend:
            return
        record_text = self.tr("{equipment}, {day}, submitted by {name} at {time}").format(
            equipment=vm.equipment.name,
            day=vm.check.day,
            name=vm.check.signed_by_name,
            time=_china_time(vm.check.submitted_at),
        )
        dialog = AmendmentDialog(record_text, self)
        dialog.setObjectName("amendmentDialog")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            vm.amend(dialog.reason_text())
        except SafeDeskError as error:
            self._show_error(error)
            return
        self.focus_first_open_item()

    def _record_picked(self, index: int) -> None:
        check_id = self.record_picker.itemData(index)
        if check_id and check_id != self.view_model.check.id:
            self.view_model.show_record(check_id)

    def _go_back(self) -> None:
        self.flush()
        window = self.window()
        go_back = getattr(window, "go_back", None)
        if callable(go_back):
            go_back()


def make_page(context: AppContext) -> QWidget:
    return DailyCheckPage(context)


PAGE = PageSpec(
    key=DAILY_CHECK,
    title=TITLE,
    order=15,
    factory=make_page,
    in_navigation=False,
)
