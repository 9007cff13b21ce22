"""Opening a hazard from an abnormal checklist item, pre-filled from the item and its remark."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.viewmodels.daily_check import HazardRequest
from desktop.widgets.date_fields import OptionalDateEdit
from sync.clock import china_today
from sync.records import HAZARD_GRADE_LABELS, HazardGrade, label


class OpenHazardDialog(QDialog):
    """Grade, description, immediate measures, stop-use, owner and a deadline (required).

    The deadline starts empty: the officer (or the director, or an inspection notice) sets it,
    the app never guesses one. ``request()`` gives the entered values after ``Accepted``.
    """

    def __init__(
        self,
        *,
        equipment_name: str,
        item_text: str,
        description: str,
        major_hazard_item: bool,
        owners: list[str],
        default_owner: str,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open a hazard"))
        self.setMinimumWidth(520)
        today = china_today()

        self.grade = QComboBox()
        for grade in HazardGrade:
            self.grade.addItem(label(HAZARD_GRADE_LABELS, grade, language), grade.value)
        self.description = QPlainTextEdit(description)
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(90)
        self.measures = QLineEdit()
        self.measures.setPlaceholderText(self.tr("e.g. slowed down, area fenced off"))
        self.stop_use = QCheckBox(self.tr("Stop using the equipment until it is fixed"))
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.addItems(owners)
        self.owner.setCurrentText(default_owner)

        # A deadline cannot lie in the past: yesterday is the stand-in for "not chosen yet".
        yesterday = QDate(today.year, today.month, today.day).addDays(-1)
        self.deadline = OptionalDateEdit(yesterday, self.tr("Choose a date"))

        form = QFormLayout()
        form.addRow(self.tr("Equipment:"), QLabel(equipment_name))
        form.addRow(self.tr("Found at:"), QLabel(item_text))
        form.addRow(self.tr("&Grade:"), self.grade)
        form.addRow(self.tr("&Description:"), self.description)
        form.addRow(self.tr("&Immediate measures:"), self.measures)
        form.addRow("", self.stop_use)
        form.addRow(self.tr("&Owner:"), self.owner)
        form.addRow(self.tr("Rectification &deadline:"), self.deadline)

        self.hint = QLabel()
        self.hint.setObjectName("problemText")
        self.hint.setWordWrap(True)
        if major_hazard_item:
            self.hint.setText(
                self.tr(
                    "This is a major-hazard item: decide whether the equipment must stop "
                    "until the hazard is removed."
                )
            )
        self.hint.setVisible(major_hazard_item)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open hazard"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        self.description.textChanged.connect(self._update_ok)
        self.deadline.dateChanged.connect(self._update_ok)
        self.owner.currentTextChanged.connect(self._update_ok)
        self._update_ok()

    def set_deadline(self, day: dt.date) -> None:
        self.deadline.setDate(QDate(day.year, day.month, day.day))

    def _deadline_chosen(self) -> bool:
        return self.deadline.is_set()

    def _update_ok(self) -> None:
        complete = (
            bool(self.description.toPlainText().strip())
            and self._deadline_chosen()
            and bool(self.owner.currentText().strip())
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(complete)

    def request(self) -> HazardRequest:
        date = self.deadline.date()
        return HazardRequest(
            grade=self.grade.currentData(),
            description=self.description.toPlainText().strip(),
            deadline=dt.date(date.year(), date.month(), date.day()),
            owner=self.owner.currentText().strip(),
            immediate_measures=self.measures.text().strip(),
            stop_use=self.stop_use.isChecked(),
        )
