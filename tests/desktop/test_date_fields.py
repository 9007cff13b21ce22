"""An empty deadline field opens its calendar on today, and Escape leaves it empty."""

from __future__ import annotations

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication

from desktop.widgets.date_fields import OptionalDateEdit, qdate_today


def _open_calendar(qtbot, field: OptionalDateEdit) -> None:
    # The drop-down arrow sits at the right end of the field.
    arrow = QPoint(field.width() - 5, field.height() // 2)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=arrow)
    qtbot.waitUntil(field.calendarWidget().isVisible, timeout=2000)


def test_an_empty_field_opens_on_today_and_escape_keeps_it_empty(qtbot) -> None:
    field = OptionalDateEdit(QDate(2000, 1, 1), "Choose…")
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    assert not field.is_set() and field.text() == "Choose…"

    _open_calendar(qtbot, field)
    calendar = field.calendarWidget()
    today = qdate_today()
    assert calendar.selectedDate() == today
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    assert not field.is_set(), "opening the calendar must not choose a date"

    qtbot.keyClick(QApplication.focusWidget() or calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible(), timeout=2000)
    assert not field.is_set() and field.text() == "Choose…"

    _open_calendar(qtbot, field)
    qtbot.keyClick(QApplication.focusWidget() or calendar, Qt.Key.Key_Return)
    assert field.is_set() and field.date() == today


def test_a_set_date_opens_on_itself(qtbot) -> None:
    field = OptionalDateEdit(QDate(2000, 1, 1), "Choose…")
    qtbot.addWidget(field)
    field.setDate(QDate(2027, 3, 15))
    field.show()
    qtbot.waitExposed(field)

    _open_calendar(qtbot, field)
    assert field.calendarWidget().selectedDate() == QDate(2027, 3, 15)

    field.clear_date()
    assert not field.is_set() and field.text() == "Choose…"
