"""A date field that may stay empty (a hazard's rectification deadline before anyone sets it)."""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import QDateEdit, QWidget

from sync.clock import china_today


def qdate_today() -> QDate:
    today = china_today()
    return QDate(today.year, today.month, today.day)


class OptionalDateEdit(QDateEdit):
    """QDateEdit cannot be empty, so its minimum date stands for "no date" and shows the
    placeholder. Left alone, the calendar would open on that stand-in date (yesterday, or a
    January of years ago); it opens on today instead, without choosing it, so Escape still
    leaves the field empty.
    """

    def __init__(self, unset: QDate, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unset = unset
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(unset)
        self.setSpecialValueText(placeholder)
        self.setDate(unset)
        self.calendarWidget().installEventFilter(self)

    def is_set(self) -> bool:
        return self.date() != self.unset

    def clear_date(self) -> None:
        self.setDate(self.unset)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        calendar = self.calendarWidget()
        if watched is calendar and event.type() == QEvent.Type.Show and not self.is_set():
            # Blocked, because the popup takes a selection change for the person's choice.
            calendar.blockSignals(True)
            calendar.setSelectedDate(qdate_today())
            calendar.blockSignals(False)
        return super().eventFilter(watched, event)
