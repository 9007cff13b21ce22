"""From the Today view: fill and submit the gondola's daily check with one abnormal item that
becomes a hazard; restart on the same data folder and find everything again."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop.models.today import EquipmentColumn
from desktop.navigation import (
    HAZARDS,
    DailyCheckTarget,
    EquipmentTarget,
    HazardListTarget,
    HazardTarget,
    MonthTarget,
    WeekTarget,
)
from desktop.ui_script import type_text
from sync.clock import china_today
from sync.daily_checks import current_check
from sync.demo import demo_id
from sync.hazards import list_hazards
from sync.overview import DailyState
from tests.desktop.conftest import when_modal

GONDOLA = demo_id("equipment/leshan-gondola")
CHAIRLIFT = demo_id("equipment/leshan-chairlift")
WIND = "rw-d-03"
REMARK = "阵风 18 m/s，已暂停运行观察"


def _open_from_today(qtbot, window, column: EquipmentColumn = EquipmentColumn.DAILY_CHECK):
    today = window.page("today")
    view = today.equipment_view
    index = today.equipment_model.index(today.equipment_model.row_of(GONDOLA), column)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _fill_hazard_dialog(dialog) -> None:
    assert dialog.objectName() == "openHazardDialog"
    assert REMARK in dialog.description.toPlainText()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled(), "a hazard cannot be opened without a deadline"
    dialog.grade.setCurrentIndex(dialog.grade.findData("serious"))
    dialog.set_deadline(china_today() + dt.timedelta(days=3))
    dialog.stop_use.setChecked(True)
    assert ok.isEnabled()
    ok.click()


def _confirm_submit(box: QMessageBox) -> None:
    assert box.objectName() == "submitConfirmation"
    assert "张伟" in box.text()
    accept = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    accept[0].click()


def test_daily_check_with_a_hazard_is_there_after_a_restart(launcher, data_folder, qtbot) -> None:
    app = launcher.start(data_folder)
    window = app.window
    _open_from_today(qtbot, window)

    assert window.current_key == "daily_check"
    page = window.page("daily_check")
    assert page.view_model.equipment.id == GONDOLA
    assert page.view_model.check.status == "draft"
    template = page.view_model.template
    for item in template.items:
        if item.measurement is not None and item.id != WIND:
            middle = (item.measurement.minimum + item.measurement.maximum) / 2
            qtbot.keyClicks(page.rows[item.id].value_edit, f"{middle:g}")
    wind = page.rows[WIND]
    qtbot.keyClicks(wind.value_edit, "18")
    wind.selector.setFocus()
    qtbot.keyClick(wind.selector, Qt.Key.Key_2)
    assert wind.remark_edit.hasFocus(), "after 'abnormal' the remark is next"
    type_text(wind.remark_edit, REMARK)
    qtbot.mouseClick(page.mark_all_button, Qt.MouseButton.LeftButton)

    hazard_outcome = when_modal(_fill_hazard_dialog)
    qtbot.mouseClick(wind.hazard_button, Qt.MouseButton.LeftButton)
    assert hazard_outcome == ["handled"]
    hazard_id = wind.hazard_id
    assert hazard_id is not None

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    submit_outcome = when_modal(_confirm_submit)
    qtbot.keyClick(wind.remark_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert submit_outcome == ["handled"]
    check = page.view_model.check
    assert check.status == "submitted"
    assert page.view_model.read_only
    assert wind.remark_edit.isReadOnly()
    assert "张伟" in page.banner_text.text()
    assert page.amend_button.isVisible()

    stored = current_check(app.store, GONDOLA, china_today().isoformat())
    assert stored.id == check.id
    assert stored.status == "submitted"
    assert stored.signed_by_name == "张伟"
    assert stored.answer(WIND).result == "abnormal"
    assert stored.answer(WIND).remark == REMARK
    assert stored.answer(WIND).value == 18
    hazard = next(
        h for h in list_hazards(app.store, app.window.context.profile.unit_id) if h.id == hazard_id
    )
    assert hazard.grade == "serious"
    assert hazard.stop_use
    assert REMARK in hazard.description
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert window.current_key == "today"
    launcher.stop(app)

    again = launcher.start(data_folder, demo=False)
    overview = again.window.page("today").overview
    line = next(line for line in overview.equipment if line.equipment_id == GONDOLA)
    assert line.daily_state == DailyState.DONE
    assert line.abnormal_items == 1
    assert line.check_id == check.id
    assert line.open_hazards == 2
    assert hazard_id in {h.id for h in overview.open_hazards}
    chip = again.window.page("today").equipment_model.index(
        again.window.page("today").equipment_model.row_of(GONDOLA), EquipmentColumn.DAILY_CHECK
    )
    assert "已完成" in chip.data()

    _open_from_today(qtbot, again.window)
    reopened = again.window.page("daily_check")
    assert reopened.view_model.check.id == check.id
    assert reopened.view_model.read_only
    assert reopened.rows[WIND].remark_edit.text() == REMARK
    assert reopened.rows[WIND].selector.result == "abnormal"
    with qtbot.waitSignal(again.navigator.navigate_requested) as navigation:
        qtbot.mouseClick(reopened.rows[WIND].hazard_button, Qt.MouseButton.LeftButton)
    assert navigation.args == [HAZARDS, HazardTarget(hazard_id)]
    assert again.window.current_key == HAZARDS


def _click(qtbot, view, index) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def test_every_today_line_opens_what_it_names(launcher, data_folder, qtbot) -> None:
    app = launcher.start(data_folder)
    today = app.window.page("today")
    overview = today.overview
    row = today.equipment_model.row_of(CHAIRLIFT)
    expected = [
        (
            today.equipment_view,
            today.equipment_model.index(row, EquipmentColumn.NAME),
            DailyCheckTarget(CHAIRLIFT),
        ),
        (
            today.equipment_view,
            today.equipment_model.index(row, EquipmentColumn.HAZARDS),
            HazardListTarget(CHAIRLIFT),
        ),
        (
            today.equipment_view,
            today.equipment_model.index(row, EquipmentColumn.INSPECTION),
            EquipmentTarget(CHAIRLIFT),
        ),
        (
            today.hazard_view,
            today.hazard_model.index(0, 0),
            HazardTarget(overview.open_hazards[0].id),
        ),
        (
            today.agenda_view,
            today.agenda_model.index(0, 0),
            WeekTarget(overview.iso_year, overview.iso_week, family="ropeway"),
        ),
        (
            today.agenda_view,
            today.agenda_model.index(len(overview.weeks), 1),
            MonthTarget(overview.month.month),
        ),
    ]

    for view, index, target in expected:
        app.window.show_page("today")
        with qtbot.waitSignal(app.navigator.navigate_requested) as navigation:
            _click(qtbot, view, index)
        assert navigation.args[1] == target
        assert app.window.current_key == navigation.args[0]
