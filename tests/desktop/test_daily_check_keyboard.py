"""The whole daily check can be filled and submitted with the keyboard alone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.navigation import DailyCheckTarget
from desktop.widgets.checklist_item import ResultSelector
from sync.demo import demo_id
from tests.desktop.conftest import when_modal

GONDOLA = demo_id("equipment/leshan-gondola")


def _open_page(launcher, data_folder, qtbot):
    app = launcher.start(data_folder)
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow)
    app.navigator.go(DailyCheckTarget(GONDOLA))
    page = app.window.page("daily_check")
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), ResultSelector))
    return app, page


def _row_with_focus(page):
    item_id = page.focused_item()
    assert item_id is not None, f"focus left the list: {QApplication.focusWidget()}"
    return page.rows[item_id]


def test_keys_alone_fill_every_item_and_submit(launcher, data_folder, qtbot) -> None:
    app, page = _open_page(launcher, data_folder, qtbot)
    first = page.rows[page._row_order[0]]
    assert first.selector.hasFocus(), "the first open item has the focus when the page opens"

    presses = 0
    while QApplication.focusWidget() is not page.submit_button:
        presses += 1
        assert presses < 200, "keyboard filling did not reach the end of the list"
        focused = QApplication.focusWidget()
        row = _row_with_focus(page)
        if isinstance(focused, ResultSelector):
            qtbot.keyClick(focused, Qt.Key.Key_1)
        elif isinstance(focused, QLineEdit) and focused is row.value_edit:
            measurement = row.item.measurement
            qtbot.keyClicks(focused, f"{(measurement.minimum + measurement.maximum) / 2:g}")
            qtbot.keyClick(focused, Qt.Key.Key_Return)
        else:
            raise AssertionError(f"unexpected focus on {focused} in {row.item.id}")

    assert page.view_model.progress()[:2] == (len(page.rows), len(page.rows))
    outcome = when_modal(lambda box: qtbot.keyClick(box, Qt.Key.Key_Return))
    qtbot.keyClick(page.submit_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert outcome == ["handled"]
    assert page.view_model.check.status == "submitted"
    assert page.view_model.check.signed_by_name == "张伟"


def test_result_keys_arrows_and_clearing(launcher, data_folder, qtbot) -> None:
    app, page = _open_page(launcher, data_folder, qtbot)
    first_id, second_id = page._row_order[:2]
    first = page.rows[first_id]

    qtbot.keyClick(first.selector, Qt.Key.Key_3)
    second = page.rows[second_id]
    assert second.selector.hasFocus(), "n/a moves on to the next item"
    qtbot.keyClick(second.selector, Qt.Key.Key_Up)
    assert first.selector.hasFocus()
    qtbot.keyClick(first.selector, Qt.Key.Key_Right)
    assert page.view_model.answer(first_id).result == "normal"
    assert first.selector.hasFocus(), "an arrow key changes the result but stays on the item"
    qtbot.keyClick(first.selector, Qt.Key.Key_0)
    assert page.view_model.answer(first_id).result is None

    qtbot.keyClick(first.selector, Qt.Key.Key_Tab)
    assert first.remark_edit.hasFocus(), "an item without a reading tabs to its remark"
    qtbot.keyClick(first.remark_edit, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert page.view_model.answer(first_id).result == "abnormal"
    assert first.remark_edit.hasFocus()
    assert first.hazard_button.isEnabled()
    qtbot.keyClicks(first.remark_edit, "no handover log")
    qtbot.keyClick(first.remark_edit, Qt.Key.Key_Return)
    assert second.selector.hasFocus()
    assert page.view_model.check.answer(first_id).remark == "no handover log"
