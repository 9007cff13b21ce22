"""Monthly minutes page with real widgets: fill, autosave, record a decision, sign, amend."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.models.minutes import AttendeesModel
from desktop.navigation import MonthTarget
from desktop.pages.monthly import MonthlyMinutesPage
from desktop.viewmodels.monthly_minutes import MonthlyMinutesViewModel
from sync.clock import china_today
from sync.demo import seed_demo_store
from sync.monthly_minutes import load_monthly_minutes, minutes_of_month, previous_decisions
from sync.profile import Profile
from sync.store import open_store
from tests.desktop.app_context import install_language, make_context
from tests.desktop.typing import type_text
from tests.record_factories import PRINCIPAL, UNIT

PRINCIPAL_PROFILE = Profile(UNIT, PRINCIPAL, "峨眉山云海索道旅游有限公司", "王建国", "principal")


def _open_page(qtbot, data_folder: Path):
    store = open_store(data_folder)
    context = make_context(store, PRINCIPAL_PROFILE)
    view_model = MonthlyMinutesViewModel(store, PRINCIPAL_PROFILE, autosave_ms=30)
    page = MonthlyMinutesPage(context, view_model=view_model)
    view_model.setParent(page)
    qtbot.addWidget(page)
    page.resize(1180, 680)
    page.show()
    qtbot.waitExposed(page)
    page.activate(None)
    return store, page


@pytest.fixture
def seeded_folder(qapp, data_folder: Path):
    store = open_store(data_folder)
    seed_demo_store(store)
    store.close()
    translations = install_language("zh_CN")
    yield data_folder
    del translations


def test_minutes_are_filled_saved_signed_and_followed_up(qtbot, seeded_folder) -> None:
    store, page = _open_page(qtbot, seeded_folder)
    month = china_today().strftime("%Y-%m")
    assert page.vm.month == month
    assert "日管控完成率" in page.statistics_summary.text()
    assert page.completion_model.rowCount() == 6

    page.tabs.setCurrentIndex(1)
    today = china_today()
    page.meeting_date_edit.setDate(QDate(today.year, today.month, today.day))
    type_text(page.place_edit, "公司三楼会议室")
    for row in (0, 1):
        index = page.attendees_model.index(row, AttendeesModel.PRESENT)
        page.attendees_model.setData(
            index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
        )
    note = page.attendees_model.index(3, AttendeesModel.NOTE)
    page.attendees_model.setData(note, "值班", Qt.ItemDataRole.EditRole)
    page.tabs.setCurrentIndex(2)
    type_text(page.report_edit, "本月日管控基本完成；吊椅索道标志整改逾期。")
    qtbot.mouseClick(page.add_decision_button, Qt.MouseButton.LeftButton)
    page.decisions_table.closePersistentEditor(page.decisions_model.index(0, 0))
    deadline = (today + dt.timedelta(days=10)).isoformat()
    for column, value in enumerate(("更换吊椅索道站台标志", "刘洋", deadline)):
        page.decisions_model.setData(page.decisions_model.index(0, column), value)
    qtbot.waitUntil(lambda: "已自动保存" in page.status_label.text(), timeout=2000)

    # A restart on the same file finds the draft as typed.
    store.close()
    page.close()
    store, page = _open_page(qtbot, seeded_folder)
    draft = page.vm.form
    assert draft.record_id is not None and draft.status == "draft"
    assert draft.place == "公司三楼会议室"
    assert [row["present"] for row in draft.attendees] == [True, True, False, False]
    assert draft.attendees[3]["note"] == "值班"
    assert draft.decisions[0]["item"] == "更换吊椅索道站台标志"
    assert page.place_edit.text() == "公司三楼会议室"

    with qtbot.waitSignal(page.context.events.records_changed, timeout=2000):
        qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)

    signed = load_monthly_minutes(store, draft.record_id)
    assert signed.status == "submitted" and signed.signed_by_name == "王建国"
    assert signed.statistics_snapshot["month"] == month
    assert [decision["owner"] for decision in signed.decisions] == ["刘洋"]
    assert page.status_label.text().startswith("已提交：王建国")
    assert page.place_edit.isReadOnly() and not page.add_decision_button.isEnabled()
    assert not page.submit_button.isVisible() and page.amend_button.isVisible()

    next_month = (dt.date.fromisoformat(f"{month}-01") + dt.timedelta(days=32)).strftime("%Y-%m")
    page.activate(MonthTarget(next_month))
    assert page.follow_up_model.rowCount() == 1
    assert page.follow_up_model.index(0, 0).data() == "更换吊椅索道站台标志"
    assert [each.id for each in previous_decisions(store, UNIT, next_month)] == [
        signed.decisions[0]["id"]
    ]

    page.vm.select_month(month)
    assert page.amend("会议日期记错")
    assert page.vm.form.amends_id == signed.record_id and page.submit_button.isVisible()
    assert [each.status for each in minutes_of_month(store, UNIT, month)] == [
        "submitted",
        "draft",
    ]
    assert page.version_box.isVisible() and page.version_box.count() == 2
    store.close()


def test_signing_incomplete_minutes_says_what_is_missing(qtbot, seeded_folder) -> None:
    store, page = _open_page(qtbot, seeded_folder)
    type_text(page.place_edit, "会议室")

    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)

    assert "会议日期" in page.messages.text()
    assert page.vm.form.status == "draft"
    store.close()
